"""Public catalogue pages: the offer search, offers and learning places. Only published offers are public."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render

from offers.models import Offer, Provider
from offers.search import search_catalogue


def offer_list(request):
    context = search_catalogue(request, Offer.objects.published())
    return render(request, "offers/offer_list.html", context)


def offer_detail(request, slug):
    offer = get_object_or_404(
        Offer.objects.visible_to(request.user)
        .select_related("provider__municipality__region")
        .prefetch_related("subjects", "grades", "sdgs"),
        slug=slug,
    )
    related = Offer.objects.published().related_to(offer).with_card_relations()
    return render(request, "offers/offer_detail.html", {"offer": offer, "related": related})


def provider_list(request):
    published = Q(offers__status=Offer.Status.PUBLISHED)
    providers = (
        Provider.objects.annotate(offer_count=Count("offers", filter=published))
        .filter(offer_count__gt=0)
        .select_related("municipality")
        .order_by("name", "pk")
    )
    page = Paginator(providers, 50).get_page(request.GET.get("page"))
    return render(request, "offers/provider_list.html", {"page": page})


def provider_detail(request, slug):
    provider = get_object_or_404(Provider.objects.select_related("municipality__region"), slug=slug)
    offers = provider.offers.published().with_card_relations().by_title()
    page = Paginator(offers, settings.PORTAL_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "offers/provider_detail.html", {"provider": provider, "page": page})
