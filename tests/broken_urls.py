"""A URLconf with views that fail, for the 500 and 503 page tests."""

from django.db import OperationalError
from django.urls import path


def broken(request):
    raise RuntimeError("test: a view that fails")


def database_gone(request):
    raise OperationalError("test: the database went away")


urlpatterns = [path("kirik/", broken), path("veritabani-yok/", database_gone)]
handler500 = "careers.site.outage.server_error"
