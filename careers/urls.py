from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Meslek Rehberi editor")
admin.site.site_title = _("Meslek Rehberi")
admin.site.index_title = _("Content")
admin.site.site_url = "/"

urlpatterns = [
    path("yonetim/", admin.site.urls),
    path("markdownx/", include("markdownx.urls")),
    path("yorumlar/", include("careers.comments.urls")),
    path("", include("careers.articles.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
