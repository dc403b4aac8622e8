"""Public catalogue pages: the offer search, offers and learning places, and the teacher's shortlist
(offers/shortlist.py). Only published offers are public."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from offers.calendar_feeds import calendar_response
from offers.models import Offer, Provider
from offers.place_filters import PlaceFilterSet
from offers.printing import (
    build_catalogue,
    cached_pdf,
    render_catalogue,
    render_offer_sheet,
    search_catalogue_pdf,
)
from offers.search import search_all, search_catalogue
from offers.shortlist import MAX_OFFERS, Shortlist, parse_keys, shortlisted_offers
from offers.spreadsheet import csv_response
from portal.access import get_offer_for_user
from portal.embedding import allow_framing
from portal.pdf import pdf_response


def offer_list(request):
    context = search_catalogue(request, Offer.objects.published())
    context["export_max_rows"] = settings.PORTAL_EXPORT_MAX_ROWS
    context["print_max_offers"] = settings.PORTAL_PRINT_MAX_OFFERS
    return render(request, "offers/offer_list.html", context)


@require_safe
def offer_list_csv(request):
    """The search (same parameters as /tilbud/) as a CSV file for Danish Excel (offers/spreadsheet.py), at most
    ``PORTAL_EXPORT_MAX_ROWS`` rows, streamed."""
    hits = search_all(request, Offer.objects.published(), limit=settings.PORTAL_EXPORT_MAX_ROWS)
    return csv_response(request, hits.offers(), "tilbud.csv")


@require_safe
def offer_list_pdf(request):
    """The search as a printed catalogue, at most ``PORTAL_PRINT_MAX_OFFERS`` offers (the cover says so)."""
    hits = search_all(request, Offer.objects.published(), limit=settings.PORTAL_PRINT_MAX_OFFERS)
    return pdf_response(search_catalogue_pdf(request, hits), "tilbud.pdf")


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


@require_safe
def offer_calendar(request, slug):
    """The offer's dated visits as an iCalendar feed (offers/calendar_feeds.py); published offers only."""
    offer = get_object_or_404(Offer.objects.published(), slug=slug)
    return calendar_response(request, offer.title, Offer.objects.filter(pk=offer.pk), f"{offer.slug}.ics")


def offer_gone(request, slug):
    """An archived offer answers 410 Gone, so old bookmarks and printed catalogues lead on to its place and the
    place's current offers. Drafts and unknown addresses stay 404."""
    offer = get_object_or_404(
        Offer.objects.filter(status=Offer.Status.ARCHIVED).select_related("provider__municipality"), slug=slug
    )
    current = offer.provider.offers.published().with_card_relations().order_by("title", "pk")
    page = Paginator(current, settings.PORTAL_PAGE_SIZE).get_page(1)
    return render(request, "offers/offer_gone.html", {"offer": offer, "page": page}, status=410)


@require_safe
def offer_sheet(request, slug):
    """One printable A4 page about the offer, with a QR code to its page (drafts for the back office only)."""
    offer = get_object_or_404(Offer.objects.visible_to(request.user).with_card_relations(), slug=slug)
    pdf = cached_pdf(request, f"offer-sheet:{offer.pk}", lambda: render_offer_sheet(request, offer))
    return pdf_response(pdf, f"{offer.slug}.pdf")


def provider_list(request):
    published = Q(offers__status=Offer.Status.PUBLISHED)
    providers = (
        Provider.objects.annotate(offer_count=Count("offers", filter=published))
        .filter(offer_count__gt=0)
        .select_related("municipality")
        .order_by("name", "pk")
    )
    point = request.my_school.location[0] if request.my_school else None
    places = PlaceFilterSet(request.GET or None, queryset=providers, point=point)
    page = Paginator(places.qs, 50).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "filter": places,
        "notices": places.notices(),
        "query": places.query(),
        "distances": point is not None,
        "choose_school_url": None if point else _choose_school_url(request.path, places.query()),
    }
    return render(request, "offers/provider_list.html", context)


def _choose_school_url(path: str, query: str) -> str:
    """The school picker, returning to this list (its understood parameters only)."""
    return reverse("my_school:choose") + "?" + urlencode({"next": path + (f"?{query}" if query else "")})


def provider_detail(request, slug):
    provider = get_object_or_404(Provider.objects.select_related("municipality__region"), slug=slug)
    offers = provider.offers.published().with_card_relations().by_title()
    page = Paginator(offers, settings.PORTAL_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "offers/provider_detail.html", {"provider": provider, "page": page})


@require_safe
def provider_calendar(request, slug):
    """The dated visits of the learning place's published offers as an iCalendar feed."""
    provider = get_object_or_404(Provider, slug=slug)
    return calendar_response(request, provider.name, provider.offers.all(), f"{provider.slug}.ics")


@require_safe
def provider_embed(request, slug):
    """A learning place's offers for an iframe on the web sites it lists (portal/embedding.py): anonymous,
    read-only, no cookies; offers and booking open in a new tab."""
    provider = get_object_or_404(Provider, slug=slug)
    offers = provider.offers.published().with_card_relations().order_by("title", "pk")
    page = Paginator(offers, settings.PORTAL_PAGE_SIZE).get_page(request.GET.get("page"))
    response = render(request, "offers/embed_place.html", {"provider": provider, "page": page})
    return allow_framing(response, provider.embed_origins)


# --- The shortlist ("Min liste"): offers/shortlist.py ---------------------------------------------------


def _listed(request) -> tuple[list[Offer], bool]:
    """The offers to show: a shared link's (``?tilbud=…``, read-only) or the visitor's own list."""
    if "tilbud" in request.GET:
        return shortlisted_offers(parse_keys(request.GET["tilbud"])), True
    return shortlisted_offers(Shortlist(request.session).keys), False


@require_safe
def shortlist(request):
    offers, shared = _listed(request)
    keys = ",".join(offer.key for offer in offers)
    share_url = request.build_absolute_uri(f"{reverse('offers:shortlist')}?tilbud={keys}")
    context = {"offers": offers, "shared": shared, "keys": keys, "share_url": share_url}
    return render(request, "offers/shortlist.html", context)


@require_safe
def shortlist_pdf(request):
    offers, _shared = _listed(request)

    def render():
        return render_catalogue(request, build_catalogue(request, _("My list"), [("", offers)]))

    pdf = cached_pdf(request, "shortlist:" + ",".join(offer.key for offer in offers), render)
    return pdf_response(pdf, "min-liste.pdf")


@require_safe
def shortlist_csv(request):
    offers, _shared = _listed(request)
    return csv_response(request, offers, "min-liste.csv")


def _back(request, fallback: str):
    """Back to the page the form was on, if it is one of ours. The browser says which (the Referer, sent
    for the portal's own pages by its Referrer-Policy), so no page has to echo its address into a form."""
    target = request.headers.get("referer", "")
    safe = url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure())
    return redirect(target if safe else fallback)


@require_POST
def shortlist_add(request):
    offer = get_object_or_404(Offer.objects.published(), key=request.POST.get("tilbud", ""))
    if Shortlist(request.session).add([offer.key]) is None:
        messages.error(
            request, _("Your list is full (%(max)d offers). Remove one first.") % {"max": MAX_OFFERS}
        )
    else:
        messages.success(request, _("“%(title)s” is on your list.") % {"title": offer.title})
    return _back(request, offer.get_absolute_url())


@require_POST
def shortlist_remove(request):
    key = request.POST.get("tilbud", "")
    Shortlist(request.session).remove(key)
    offer = Offer.objects.published().filter(key=key).first()
    if offer:
        messages.success(request, _("“%(title)s” is no longer on your list.") % {"title": offer.title})
    return _back(request, reverse("offers:shortlist"))


@require_POST
def shortlist_copy(request):
    """Copy a shared list into the visitor's own list."""
    keys = [offer.key for offer in shortlisted_offers(parse_keys(request.POST.get("tilbud", "")))]
    added = Shortlist(request.session).add(keys)
    if added is None:
        messages.error(
            request, _("Your list is full (%(max)d offers). Remove one first.") % {"max": MAX_OFFERS}
        )
        return redirect(f"{reverse('offers:shortlist')}?tilbud={','.join(keys)}")
    message = ngettext(
        "%(count)d offer was added to your list.", "%(count)d offers were added to your list.", added
    )
    messages.success(request, message % {"count": added})
    return redirect("offers:shortlist")


@require_POST
def shortlist_clear(request):
    Shortlist(request.session).clear()
    messages.success(request, _("Your list is empty."))
    return redirect("offers:shortlist")
