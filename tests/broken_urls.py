"""A URLconf with a view that fails, for the 500 page test."""

from django.urls import path


def broken(request):
    raise RuntimeError("test: a view that fails")


urlpatterns = [path("kirik/", broken)]
