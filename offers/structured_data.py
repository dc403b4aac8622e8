"""schema.org JSON-LD for the offer and learning-place pages, for search engines and other systems.

An offer is a ``Course`` (schema.org's type for teaching that is booked on request): its provider, the
grades (``educationalLevel``, ``audience``), the subjects (``teaches``), the price in DKK (``offers``,
``isAccessibleForFree``) and, for offers that take place somewhere, a ``CourseInstance`` whose
``location`` is the learning place with its address and coordinates (``Course`` itself takes no
``location``). The page's JSON-LD is a ``@graph``: the Course, and one ``EducationEvent`` per upcoming
dated visit the page fetched for its dates list (``OfferDates.upcoming``: no further query), with
``startDate``/``endDate`` in Danish time, ``eventStatus`` (scheduled or cancelled), ``location``,
``offers``, the grades, audience, subjects and the learning place as ``organizer``. An offer without dates
(booked on request) is the Course alone.

A learning place is an ``Organization`` that is also a ``Place``: a ``Museum``, ``Library`` or
``ArchiveOrganization`` when its kind says so, with ``address`` (``PostalAddress``) and ``geo``
(``GeoCoordinates``).

Everything here reads what the pages already load (provider, municipality, region, subjects, grades), so
the JSON-LD costs no queries.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from django.http import HttpRequest
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from offers.models import GradeLevel, Occurrence, Offer, Provider

CONTEXT = "https://schema.org"
PLACE_TYPES = {
    Provider.Kind.MUSEUM: "Museum",
    Provider.Kind.LIBRARY: "Library",
    Provider.Kind.ARCHIVE: "ArchiveOrganization",
}
ORGANIZATION_TYPES = {Provider.Kind.EDUCATION: "EducationalOrganization"}
COURSE_MODES = {  # formats that take place somewhere (at the learning place unless "outreach")
    Offer.Format.VISIT: "onsite",
    Offer.Format.COURSE: "onsite",
    Offer.Format.EVENT: "onsite",
    Offer.Format.TEACHER_COURSE: "onsite",
    Offer.Format.OUTREACH: "onsite",
    Offer.Format.ONLINE: "online",
}
AT_THE_PLACE = {Offer.Format.VISIT, Offer.Format.COURSE, Offer.Format.EVENT, Offer.Format.TEACHER_COURSE}
# Who learns: teachers on teacher courses, children in day care, pupils and students otherwise.
_SCHOOL_STAGES = {stage for stage in GradeLevel.Stage.values if stage != GradeLevel.Stage.DAGTILBUD}

# Characters that could end the <script> element or start markup inside it, escaped as JSON allows.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data: dict) -> SafeString:
    """``data`` as a ``<script type="application/ld+json">`` element, safe to put in a page. It is data,
    not code: browsers never run it, so the page's Content-Security-Policy has nothing to allow."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def offer_graph(request: HttpRequest, offer: Offer, occurrences: Iterable[Occurrence] = ()) -> dict:
    """The JSON-LD of an offer page: the Course and an EducationEvent per date in ``occurrences``."""
    nodes = [course(request, offer)] + [education_event(request, offer, date) for date in occurrences]
    return {"@context": CONTEXT, "@graph": nodes}


def place_graph(request: HttpRequest, provider: Provider) -> dict:
    return {"@context": CONTEXT, **organization(request, provider)}


def course(request: HttpRequest, offer: Offer) -> dict:
    url = request.build_absolute_uri(offer.get_absolute_url())
    grades = list(offer.grades.all())
    node = {
        "@type": "Course",
        "@id": f"{url}#course",
        "url": url,
        "name": offer.title,
        "description": offer.summary,
        "provider": organization(request, offer.provider),
        "educationalLevel": [grade.name for grade in grades],
        "teaches": [subject.name for subject in offer.subjects.all()],
        "audience": _audience(offer, grades),
        "inLanguage": offer.languages,
        "keywords": offer.themes,
    }
    if offer.duration_minutes:
        node["timeRequired"] = f"PT{offer.duration_minutes}M"
    if offer.price_dkk is not None:
        node["isAccessibleForFree"] = offer.price_dkk == 0
        node["offers"] = _price(offer, url)
    if offer.format in COURSE_MODES:
        node["hasCourseInstance"] = _instance(request, offer)
    return {key: value for key, value in node.items() if value not in ("", [], None)}


EVENT_STATUS = {
    Occurrence.Status.OPEN: CONTEXT + "/EventScheduled",
    Occurrence.Status.CANCELLED: CONTEXT + "/EventCancelled",
}
ATTENDANCE_MODES = {"onsite": "OfflineEventAttendanceMode", "online": "OnlineEventAttendanceMode"}


def education_event(request: HttpRequest, offer: Offer, occurrence: Occurrence) -> dict:
    """A dated visit of the offer: when, where, at what price, for whom and by whom."""
    url = request.build_absolute_uri(offer.get_absolute_url())
    grades = list(offer.grades.all())
    node = {
        "@type": "EducationEvent",
        "@id": f"{url}#{occurrence.key}",
        "url": url,
        "name": offer.title,
        "description": offer.summary,
        "startDate": timezone.localtime(occurrence.starts).isoformat(),
        "endDate": timezone.localtime(occurrence.ends).isoformat(),
        "eventStatus": EVENT_STATUS[occurrence.status],
        "organizer": organization(request, offer.provider),
        "educationalLevel": [grade.name for grade in grades],
        "teaches": [subject.name for subject in offer.subjects.all()],
        "audience": _audience(offer, grades),
        "inLanguage": offer.languages,
    }
    if offer.format in COURSE_MODES:
        node["eventAttendanceMode"] = CONTEXT + "/" + ATTENDANCE_MODES[COURSE_MODES[offer.format]]
    if offer.format in AT_THE_PLACE:
        node["location"] = _location(request, offer.provider)
    if offer.price_dkk is not None:
        node["isAccessibleForFree"] = offer.price_dkk == 0
        node["offers"] = _price(offer, url)
    return {key: value for key, value in node.items() if value not in ("", [], None)}


def organization(request: HttpRequest, provider: Provider) -> dict:
    """The learning place as an organisation that is also a place (address and coordinates)."""
    url = request.build_absolute_uri(provider.get_absolute_url())
    node = {
        "@type": [
            ORGANIZATION_TYPES.get(provider.kind, "Organization"),
            PLACE_TYPES.get(provider.kind, "Place"),
        ],
        "@id": f"{url}#place",
        "url": url,
        "name": provider.name,
        "description": provider.description,
        "sameAs": provider.website,
        "telephone": provider.phone,
        **_address_and_geo(provider),
    }
    return {key: value for key, value in node.items() if value not in ("", None)}


def _address_and_geo(provider: Provider) -> dict:
    parts = {}
    if provider.address or provider.postcode or provider.city:
        address = {
            "@type": "PostalAddress",
            "streetAddress": provider.address,
            "postalCode": provider.postcode,
            "addressLocality": provider.city,
            "addressRegion": provider.municipality.region.name if provider.municipality else "",
            "addressCountry": "DK",
        }
        parts["address"] = {key: value for key, value in address.items() if value}
    if provider.latitude is not None and provider.longitude is not None:
        parts["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": provider.latitude,
            "longitude": provider.longitude,
        }
    return parts


def _audience(offer: Offer, grades: list[GradeLevel]) -> dict:
    if offer.format == Offer.Format.TEACHER_COURSE:
        role = "teacher"
    elif grades and all(grade.stage not in _SCHOOL_STAGES for grade in grades):
        role = "child"
    else:
        role = "student"
    audience = {"@type": "EducationalAudience", "educationalRole": role}
    if grades:
        audience["audienceType"] = offer.grade_span
    return audience


def _price(offer: Offer, url: str) -> dict:
    price = {
        "@type": "Offer",
        "price": offer.price_dkk,
        "priceCurrency": "DKK",
        "url": offer.booking_url or url,
    }
    if offer.available_from:
        price["availabilityStarts"] = offer.available_from.isoformat()
    if offer.available_to:
        price["availabilityEnds"] = offer.available_to.isoformat()
    return price


def _instance(request: HttpRequest, offer: Offer) -> dict:
    instance = {"@type": "CourseInstance", "courseMode": COURSE_MODES[offer.format]}
    if offer.duration_minutes:
        instance["duration"] = f"PT{offer.duration_minutes}M"
    if offer.format in AT_THE_PLACE:
        instance["location"] = _location(request, offer.provider)
    return instance


def _location(request: HttpRequest, provider: Provider) -> dict:
    location = {"@type": "Place", "name": provider.name, **_address_and_geo(provider)}
    location["url"] = request.build_absolute_uri(provider.get_absolute_url())
    return location
