"""The front page, robots.txt, and a health check for load balancers."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

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


def robots_txt(request):
    """Crawlers: the sitemap lists every page worth indexing; searches and filtered lists are left out, as they
    are endless permutations of the same offers (each carries a canonical link to the plain list)."""
    context = {"sitemap_url": request.build_absolute_uri(reverse("sitemap"))}
    return render(request, "robots.txt", context, content_type="text/plain; charset=utf-8")


def healthz(request):
    """For load balancers and uptime checks: answers without touching the database."""
    return HttpResponse("ok", content_type="text/plain")
