"""The front page."""

from django.shortcuts import render

from offers.models import Offer, Provider


def home(request):
    context = {
        "offer_count": Offer.objects.published().count(),
        "provider_count": Provider.objects.filter(offers__status=Offer.Status.PUBLISHED).distinct().count(),
    }
    return render(request, "portal/home.html", context)
