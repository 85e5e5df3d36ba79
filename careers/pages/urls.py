from django.urls import path

from . import views
from .models import PageKind

app_name = "pages"

urlpatterns = [
    path("kvkk-aydinlatma-metni/", views.page, {"kind": PageKind.PRIVACY}, name="privacy"),
    path("iletisim/", views.page, {"kind": PageKind.CONTACT}, name="contact"),
    path("yayin-ilkeleri/", views.page, {"kind": PageKind.EDITORIAL}, name="editorial"),
    path("maaslar/nasil-derleniyor/", views.methodology, name="methodology"),
]
