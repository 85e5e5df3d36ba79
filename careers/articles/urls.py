from django.urls import path

from . import reads, views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("meslekler/", views.role_list, name="role_list"),
    path("meslekler/<slug:slug>/", views.role_detail, name="role_detail"),
    path("sektorler/<slug:slug>/", views.sector_detail, name="sector_detail"),
    path("beceriler/", views.skill_list, name="skill_list"),
    path("beceriler/<slug:slug>/", views.skill_detail, name="skill_detail"),
    path("maaslar/", views.salaries, name="salaries"),
    path("okundu/<str:token>/", reads.read_beacon, name="read_beacon"),
]
