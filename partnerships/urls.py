"""URLs under /samarbejder/ (included from portal/urls.py)."""

from django.urls import path
from django.views.decorators.cache import never_cache

from partnerships import views

app_name = "partnerships"

urlpatterns = [
    path("", views.partnership_list, name="list"),
    path(
        "oversigt/", never_cache(views.summary), name="summary"
    ),  # "oversigt" is a reserved slug (models.RESERVED_SLUGS)
    path("<slug:slug>/", views.partnership_detail, name="detail"),
    path("<slug:slug>/aftale/", never_cache(views.agreement), name="agreement"),
]
