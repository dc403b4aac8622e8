"""The teacher's chosen school ("Min skole"), and what it says about each offer.

A school is chosen in the picker (/min-skole/, municipalities.views) or by `?skole=<school key>` on any
page, and remembered in the cookie COOKIE (no login). ChosenSchoolMiddleware puts a SchoolChoice on every
request as `request.my_school`; templates ask it through the `from_my_school` tag
(municipalities/templatetags/my_school.py).

Queries: none when no school is chosen; else one for the school with everything the cards need (its
municipality and that municipality's site with its transport rules and covered grades, its postcode's
town and point). At most two more per page, each only when needed: the site's notes on featured offers,
and the postcode points when a learning place has no coordinates of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef
from django.utils.cache import patch_vary_headers

from municipalities.geo import (
    Point,
    distance_text,
    haversine_km,
    travel_method_text,
    travel_minutes,
    travel_text,
)
from municipalities.models import FeaturedOffer, MunicipalSite, Postcode, School, TransportVerdict
from offers.distance import NO_TRAVEL_FORMATS

COOKIE = "skole"
PARAM = "skole"  # ?skole=<school key> on any page chooses that school
COOKIE_MAX_AGE = 365 * 24 * 60 * 60


def remember(response, school: School) -> None:
    response.set_cookie(
        COOKIE,
        school.key,
        max_age=COOKIE_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def forget(response) -> None:
    response.delete_cookie(COOKIE, samesite="Lax")


def load_school(keys: list[str]) -> School | None:
    """The first school of `keys` that exists, ready for SchoolChoice (one query)."""
    grade_links = MunicipalSite.transport_grades.through.objects.filter(
        municipalsite__municipality_id=OuterRef("municipality_id")
    )
    schools = (
        School.objects.with_town()
        .select_related("municipality__site")
        .annotate(transport_grade_ids=ArraySubquery(grade_links.values("gradelevel_id")))
        .filter(key__in=keys)
    )
    found = {school.key: school for school in schools}
    school = next((found[key] for key in keys if key in found), None)
    site = _site(school)
    if site is not None:
        site.__dict__["covered_grade_ids"] = frozenset(school.transport_grade_ids)
    return school


def _site(school: School | None) -> MunicipalSite | None:
    if school is None or school.municipality is None:
        return None
    try:
        return school.municipality.site
    except MunicipalSite.DoesNotExist:
        return None


@dataclass(frozen=True)
class FromSchool:
    """What the chosen school sees on an offer's card and page."""

    school: School
    format: str  # "travel", or the offer's format when it needs no travel (outreach, online, material)
    km: float | None = None
    approximate: bool = False  # a postcode's point stood in for the school or the place
    transport: TransportVerdict | None = None
    note: str = ""  # the school's municipality's note on the offer (a featured offer on its site)
    note_by: str = ""

    @property
    def distance_text(self) -> str:
        return "" if self.km is None else distance_text(self.km)

    @property
    def travel_text(self) -> str:
        minutes = None if self.km is None else travel_minutes(self.km)
        return "" if minutes is None else travel_text(minutes)

    @property
    def travel_method(self) -> str:
        return travel_method_text()


class SchoolChoice:
    """The chosen school of one request; false when there is none. Loaded on first use."""

    def __init__(self, *keys: str):
        self.keys = [key for key in keys if key]
        self.consulted = False

    def __bool__(self) -> bool:
        return self.school is not None

    @cached_property
    def school(self) -> School | None:
        self.consulted = True
        return load_school(self.keys) if self.keys else None

    @cached_property
    def site(self) -> MunicipalSite | None:
        """The school's municipality's site (published or not: its verdict says what an unpublished
        one means)."""
        return _site(self.school)

    @cached_property
    def location(self) -> tuple[Point | None, bool]:
        """Where the school is, and whether that is only its postcode's point."""
        school = self.school
        if school.latitude is not None and school.longitude is not None:
            return Point(school.latitude, school.longitude), school.location_source == "postcode"
        if school.postcode_latitude is not None:
            return Point(school.postcode_latitude, school.postcode_longitude), True
        return None, False

    @cached_property
    def notes(self) -> dict[int, str]:
        """The notes of the offers the school's municipality features on its published site."""
        if self.site is None or not self.site.published:
            return {}
        return dict(
            FeaturedOffer.objects.filter(site=self.site).exclude(note="").values_list("offer", "note")
        )

    @cached_property
    def postcode_points(self) -> dict[str, Point]:
        return {
            code: Point(lat, lon)
            for code, lat, lon in Postcode.objects.values_list("code", "latitude", "longitude")
        }

    def place_location(self, provider) -> tuple[Point | None, bool]:
        """Where a learning place is, and whether that is only its postcode's point."""
        if provider.latitude is not None and provider.longitude is not None:
            return Point(provider.latitude, provider.longitude), False
        point = self.postcode_points.get(provider.postcode)
        return point, point is not None

    def for_offer(self, offer) -> FromSchool | None:
        """Distance, transport verdict and note for `offer` (its provider and grades loaded)."""
        school = self.school
        if school is None:
            return None
        note = self.notes.get(offer.pk, "")
        note_by = school.municipality.official_name if note else ""
        if offer.format in NO_TRAVEL_FORMATS:
            return FromSchool(school, offer.format, note=note, note_by=note_by)
        (here, school_approximate), (there, place_approximate) = (
            self.location,
            self.place_location(offer.provider),
        )
        km = haversine_km(here, there) if here and there else None
        return FromSchool(
            school,
            "travel",
            km=km,
            approximate=km is not None and (school_approximate or place_approximate),
            transport=self.transport_verdict(offer, km),
            note=note,
            note_by=note_by,
        )

    def transport_verdict(self, offer, km: float | None) -> TransportVerdict | None:
        if self.school.municipality is None:
            return None
        if self.site is None:
            return TransportVerdict.unregistered(self.school.municipality)
        return self.site.transport_verdict(offer, km)


class ChosenSchoolMiddleware:
    """Sets `request.my_school`; `?skole=<key>` chooses a school and the response remembers it. Pages
    that looked at the choice vary by cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from_param = request.GET.get(PARAM, "").strip()
        from_cookie = request.COOKIES.get(COOKIE, "")
        request.my_school = choice = SchoolChoice(from_param, from_cookie)
        response = self.get_response(request)
        if from_param and choice.school is not None and choice.school.key == from_param:
            remember(response, choice.school)
        elif from_cookie and choice.consulted and choice.school is None and COOKIE not in response.cookies:
            forget(response)  # the remembered school is gone
        if choice.consulted:
            patch_vary_headers(response, ["Cookie"])
        return response
