from django.urls import path
from django.views.decorators.cache import never_cache

from bookings import views

app_name = "bookings"

urlpatterns = [
    path("tilbud/<slug:slug>/book/", never_cache(views.request_form), name="request"),
    path("booking/sendt/", views.sent, name="sent"),
    path("booking/<str:token>/", never_cache(views.manage), name="manage"),
    path("booking/<str:token>/bekraeft/", views.confirm_email, name="confirm_email"),
    path("booking/<str:token>/aflys/", views.cancel, name="cancel"),
    path("booking/<str:token>/tag-pladsen/", views.accept_offer, name="accept_offer"),
    path("booking/<str:token>/tag-datoen/", views.accept_proposal, name="accept_proposal"),
    path("kommuner/<slug:slug>/besoeg/", never_cache(views.visits), name="visits"),
]
