from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("<slug:slug>/gonder/", views.post_comment, name="post"),
    path("<int:pk>/yanitla/", views.reply, name="reply"),
]
