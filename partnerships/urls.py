"""URLs under /samarbejder/ (included from portal/urls.py)."""

from django.urls import path

from partnerships import views

app_name = "partnerships"

urlpatterns = [
    path("", views.partnership_list, name="list"),
    path("oversigt/", views.summary, name="summary"),  # "oversigt" is a reserved slug (models.RESERVED_SLUGS)
    path("<slug:slug>/", views.partnership_detail, name="detail"),
    path("<slug:slug>/aftale/", views.agreement, name="agreement"),
]
