from django.urls import path

from offers import api, views

app_name = "offers"

urlpatterns = [
    path("tilbud/", views.offer_list, name="offer_list"),
    path("tilbud/eksport.csv", views.offer_list_csv, name="offer_list_csv"),
    path("tilbud/katalog.pdf", views.offer_list_pdf, name="offer_list_pdf"),
    path("tilbud/<slug:slug>/", views.offer_detail, name="offer_detail"),
    path("tilbud/<slug:slug>/ark.pdf", views.offer_sheet, name="offer_sheet"),
    path("tilbud/<slug:slug>/datoer.ics", views.offer_calendar, name="offer_calendar"),
    path("steder/", views.provider_list, name="provider_list"),
    path("steder/<slug:slug>/", views.provider_detail, name="provider_detail"),
    path("steder/<slug:slug>/datoer.ics", views.provider_calendar, name="provider_calendar"),
    path("indlejr/steder/<slug:slug>/", views.provider_embed, name="provider_embed"),
    path("min-liste/", views.shortlist, name="shortlist"),
    path("min-liste/min-liste.pdf", views.shortlist_pdf, name="shortlist_pdf"),
    path("min-liste/min-liste.csv", views.shortlist_csv, name="shortlist_csv"),
    path("min-liste/tilfoej/", views.shortlist_add, name="shortlist_add"),
    path("min-liste/fjern/", views.shortlist_remove, name="shortlist_remove"),
    path("min-liste/kopier/", views.shortlist_copy, name="shortlist_copy"),
    path("min-liste/ryd/", views.shortlist_clear, name="shortlist_clear"),
    path("api/", api.description, name="api_description"),
    path("api/tilbud/", api.offer_list, name="api_offer_list"),
    path("api/tilbud/<slug:slug>/", api.offer_detail, name="api_offer_detail"),
]
