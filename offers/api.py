"""The catalogue as JSON for open data and integrations: /api/tilbud/ (the same search, parameters and order
as /tilbud/, paginated; ``skole=<school key>`` measures distances from that school, for ``afstand``,
``transport``, ``sorter=naermest`` and each offer's ``distance_km``) and /api/tilbud/<slug>/. Read-only,
published offers only, no login. /api/ serves their OpenAPI description (offers/openapi.yaml)."""

from functools import cache
from pathlib import Path
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

from offers.filters import ReferenceData
from offers.models import Offer
from offers.search import parse_request
from offers.search_engine import PageOutOfRange, Scope, catalogue_version, run_search

JSON_OPTIONS = {"ensure_ascii": False}
DESCRIPTION = Path(__file__).with_name("openapi.yaml")


def offer_item(request: HttpRequest, offer: Offer) -> dict:
    """One offer in a list (uses the card relations: provider, municipality, subjects, grades, SDGs)."""
    municipality = offer.provider.municipality
    return {
        "key": offer.key,
        "slug": offer.slug,
        "url": request.build_absolute_uri(offer.get_absolute_url()),
        "title": offer.title,
        "summary": offer.summary,
        "provider": {"key": offer.provider.key, "slug": offer.provider.slug, "name": offer.provider.name},
        "municipality_code": municipality.code if municipality else None,
        "subjects": [subject.slug for subject in offer.subjects.all()],
        "grades": [grade.slug for grade in offer.grades.all()],
        "format": offer.format,
        "price_dkk": offer.price_dkk,
        "sdgs": [sdg.number for sdg in offer.sdgs.all()],
    }


def _with_distance(request: HttpRequest, item: dict, offer: Offer) -> dict:
    """With a chosen school: how far the offer's place is, in km (one decimal; 0 for offers that need no
    travel; null when the place's location is unknown)."""
    here = request.my_school.for_offer(offer) if request.my_school else None
    if here is not None:
        item["distance_km"] = (
            0.0 if here.format != "travel" else (None if here.km is None else round(here.km, 1))
        )
    return item


def _error(status: int, message: str, **extra) -> JsonResponse:
    return JsonResponse({"error": message, **extra}, status=status, json_dumps_params=JSON_OPTIONS)


@require_GET
def offer_list(request: HttpRequest) -> JsonResponse:
    version = catalogue_version()
    reference = ReferenceData.for_version(version)
    params, _form = parse_request(request, reference)
    if params.ignored:
        return _error(400, "Invalid parameters.", parameters=list(params.ignored))
    try:
        result = run_search(
            params, Scope.whole(), reference=reference, version=version, facets=(), strict_page=True
        )
    except PageOutOfRange:
        return _error(404, "No such page.")
    pairs = params.pairs()  # the understood parameters only, each within its limit
    if params.origin:
        pairs.append(("skole", params.origin.key))

    def link(number: int) -> str | None:
        if not 1 <= number <= result.pages:
            return None
        return request.build_absolute_uri("?" + urlencode([*pairs, ("page", str(number))]))

    return JsonResponse(
        {
            "count": result.total,
            "page": result.page_number,
            "pages": result.pages,
            "next": link(result.page_number + 1),
            "previous": link(result.page_number - 1),
            "results": [
                _with_distance(request, offer_item(request, offer), offer) for offer in result.offers()
            ],
        },
        json_dumps_params=JSON_OPTIONS,
    )


@require_GET
def offer_detail(request: HttpRequest, slug: str) -> JsonResponse:
    offer = (
        Offer.objects.published().with_card_relations().select_related("provider").filter(slug=slug).first()
    )
    if offer is None:
        return _error(404, "No published offer with this slug.")
    provider = offer.provider
    item = offer_item(request, offer)
    item["provider"].update(
        {
            "url": request.build_absolute_uri(provider.get_absolute_url()),
            "kind": provider.kind,
            "address": provider.address,
            "postcode": provider.postcode,
            "city": provider.city,
            "latitude": provider.latitude,
            "longitude": provider.longitude,
            "website": provider.website,
        }
    )
    item.update(
        {
            "description_html": offer.description,
            "themes": offer.themes,
            "duration_minutes": offer.duration_minutes,
            "max_participants": offer.max_participants,
            "available_from": offer.available_from.isoformat() if offer.available_from else None,
            "available_to": offer.available_to.isoformat() if offer.available_to else None,
            "booking_url": offer.booking_url,
            "booking_email": offer.booking_email,
            "languages": offer.languages,
            "updated": offer.updated.isoformat(),
        }
    )
    return JsonResponse(item, json_dumps_params=JSON_OPTIONS)


@cache
def _description() -> bytes:
    return DESCRIPTION.read_bytes()


@require_GET
def description(request: HttpRequest) -> HttpResponse:
    """The API's OpenAPI 3.1 description, as YAML (RFC 9512)."""
    return HttpResponse(_description(), content_type="application/yaml; charset=utf-8")
