from django.urls import path

from . import views

app_name = "salaries"

urlpatterns = [
    path("maaslar/", views.salary_list, name="list"),
    path("maaslar/net-brut/", views.net_gross, name="net_gross"),
]
