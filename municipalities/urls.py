"""Public pages of the municipal sites under /kommuner/ (see views.py)."""

from django.urls import path
from django.views.decorators.cache import never_cache

from municipalities import views

app_name = "municipalities"

urlpatterns = [
    path("", views.site_list, name="site_list"),
    path("<slug:slug>/", views.site_detail, name="site_detail"),
    path("<slug:slug>/tilbud/", views.site_search, name="site_search"),
    path("<slug:slug>/daekning/", never_cache(views.coverage), name="coverage"),
    path(
        "<slug:slug>/daekning/<slug:subject>/<slug:grade>/",
        never_cache(views.coverage_gap),
        name="coverage_gap",
    ),
    path("<slug:slug>/katalog.pdf", views.catalogue_pdf, name="catalogue_pdf"),
    path("<slug:slug>/datoer.ics", views.site_calendar, name="site_calendar"),
]
