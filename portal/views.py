"""The front page, and a health check for load balancers."""

from django.http import HttpResponse
from django.shortcuts import render

from municipalities.models import MunicipalSite
from offers.models import GradeLevel, Offer, Provider, Subject


def home(request):
    published = Offer.objects.published()
    context = {
        "offer_count": published.count(),
        "day_care_count": published.filter(grades__stage=GradeLevel.Stage.DAGTILBUD).distinct().count(),
        "provider_count": Provider.objects.filter(offers__status=Offer.Status.PUBLISHED).distinct().count(),
        "subjects": Subject.objects.most_offered(12),
        "site_count": MunicipalSite.objects.published().count(),
    }
    return render(request, "portal/home.html", context)


def healthz(request):
    """For load balancers and uptime checks: answers without touching the database."""
    return HttpResponse("ok", content_type="text/plain")
