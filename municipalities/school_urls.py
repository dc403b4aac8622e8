"""The picker of the teacher's own school under /min-skole/ (municipalities.views)."""

from django.urls import path

from municipalities import views

app_name = "my_school"

urlpatterns = [
    path("", views.choose_school, name="choose"),
    path("glem/", views.forget_school, name="forget"),
]
