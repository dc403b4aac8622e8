"""Public catalogue pages: offers and learning places. Only published offers are public."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render

from offers.models import Offer, Provider


def offer_list(request):
    offers = Offer.objects.published().with_card_relations()
    page = Paginator(offers, settings.PORTAL_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "offers/offer_list.html", {"page": page})


def offer_detail(request, slug):
    offer = get_object_or_404(
        Offer.objects.published().select_related("provider__municipality__region"), slug=slug
    )
    return render(request, "offers/offer_detail.html", {"offer": offer})


def provider_list(request):
    published = Q(offers__status=Offer.Status.PUBLISHED)
    providers = (
        Provider.objects.annotate(offer_count=Count("offers", filter=published))
        .filter(offer_count__gt=0)
        .select_related("municipality")
    )
    page = Paginator(providers, 50).get_page(request.GET.get("page"))
    return render(request, "offers/provider_list.html", {"page": page})


def provider_detail(request, slug):
    provider = get_object_or_404(Provider.objects.select_related("municipality"), slug=slug)
    offers = provider.offers.published().with_card_relations()
    return render(request, "offers/provider_detail.html", {"provider": provider, "offers": offers})
