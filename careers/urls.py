from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from careers.articles import uploads

admin.site.site_header = _("Meslek Rehberi editor")
admin.site.site_title = _("Meslek Rehberi")
admin.site.index_title = _("Content")
admin.site.site_url = "/"

urlpatterns = [
    path("yonetim/", admin.site.urls),
    # markdownx's own views answer anyone and store any file: staff-only, checked wrappers
    # under the same names, so the editor widget keeps working (see articles/uploads.py).
    path("markdownx/upload/", uploads.upload_image, name="markdownx_upload"),
    path("markdownx/markdownify/", uploads.markdownify, name="markdownx_markdownify"),
    path("yorumlar/", include("careers.comments.urls")),
    path("", include("careers.articles.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
