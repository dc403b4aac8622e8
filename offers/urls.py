from django.urls import path

from offers import api, views

app_name = "offers"

urlpatterns = [
    path("tilbud/", views.offer_list, name="offer_list"),
    path("tilbud/<slug:slug>/", views.offer_detail, name="offer_detail"),
    path("steder/", views.provider_list, name="provider_list"),
    path("steder/<slug:slug>/", views.provider_detail, name="provider_detail"),
    path("api/tilbud/", api.offer_list, name="api_offer_list"),
    path("api/tilbud/<slug:slug>/", api.offer_detail, name="api_offer_detail"),
]
