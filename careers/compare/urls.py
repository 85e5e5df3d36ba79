from django.urls import path

from . import views

app_name = "compare"

urlpatterns = [
    path("karsilastir/", views.pick, name="pick"),
    path("karsilastir/<slug:a>/<slug:b>/", views.compare, name="pair"),
    path("karsilastir/<slug:a>/<slug:b>/<slug:c>/", views.compare, name="triple"),
]
