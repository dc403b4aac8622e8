from django.urls import path

from offers import views

app_name = "offers"

urlpatterns = [
    path("tilbud/", views.offer_list, name="offer_list"),
    path("tilbud/<slug:slug>/", views.offer_detail, name="offer_detail"),
    path("steder/", views.provider_list, name="provider_list"),
    path("steder/<slug:slug>/", views.provider_detail, name="provider_detail"),
]
