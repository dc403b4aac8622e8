"""Public catalogue pages: the offer search, offers and learning places. Only published offers are public."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from offers.models import Offer, Provider
from offers.place_filters import PlaceFilterSet
from offers.search import search_catalogue
from portal.access import get_offer_for_user


def offer_list(request):
    context = search_catalogue(request, Offer.objects.published())
    return render(request, "offers/offer_list.html", context)


def offer_detail(request, slug):
    try:
        offer = get_offer_for_user(
            request.user,
            slug,
            queryset=Offer.objects.select_related("provider__municipality__region").prefetch_related(
                "subjects", "grades", "sdgs"
            ),
        )
    except Http404:
        return offer_gone(request, slug)
    related = Offer.objects.published().related_to(offer).with_card_relations()
    return render(request, "offers/offer_detail.html", {"offer": offer, "related": related})


def offer_gone(request, slug):
    """An archived offer answers 410 Gone, so old bookmarks and printed catalogues lead on to its place and the
    place's current offers. Drafts and unknown addresses stay 404."""
    offer = get_object_or_404(
        Offer.objects.filter(status=Offer.Status.ARCHIVED).select_related("provider__municipality"), slug=slug
    )
    current = offer.provider.offers.published().with_card_relations().order_by("title", "pk")
    page = Paginator(current, settings.PORTAL_PAGE_SIZE).get_page(1)
    return render(request, "offers/offer_gone.html", {"offer": offer, "page": page}, status=410)


def provider_list(request):
    published = Q(offers__status=Offer.Status.PUBLISHED)
    providers = (
        Provider.objects.annotate(offer_count=Count("offers", filter=published))
        .filter(offer_count__gt=0)
        .select_related("municipality")
        .order_by("name", "pk")
    )
    places = PlaceFilterSet(request.GET or None, queryset=providers)
    page = Paginator(places.qs, 50).get_page(request.GET.get("page"))
    context = {"page": page, "filter": places, "notices": places.notices(), "query": places.query()}
    return render(request, "offers/provider_list.html", context)


def provider_detail(request, slug):
    provider = get_object_or_404(Provider.objects.select_related("municipality__region"), slug=slug)
    offers = provider.offers.published().with_card_relations().order_by("title", "pk")
    page = Paginator(offers, settings.PORTAL_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "offers/provider_detail.html", {"provider": provider, "page": page})
