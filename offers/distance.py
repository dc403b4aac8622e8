"""Distance from a point (a chosen school) to offers' learning places, and the municipality's transport
support, as OfferQuerySet methods (mixed into offers.models.OfferQuerySet).

Building blocks for the catalogue's distance facet, "nearest first" order and "transport covered" filter:
every method returns an ordinary queryset, so it combines with the other filters, counting and paging. A
place without coordinates of its own stands at its postcode's point (municipalities.Postcode). Offers that
need no travel (NO_TRAVEL_FORMATS: the learning place comes to the school, online, material) count as
0 km away: never far.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Case, Exists, F, FloatField, OuterRef, QuerySet, Subquery, Value, When
from django.db.models.lookups import LessThanOrEqual

from municipalities.geo import Point, sql_haversine_km
from municipalities.models import Postcode

if TYPE_CHECKING:
    from municipalities.models import MunicipalSite

NO_TRAVEL_FORMATS = ("outreach", "online", "material")  # Offer.Format values


def _place_coordinate(name: str):
    """The place's own latitude/longitude when it has both, else its postcode's."""
    postcode_point = Postcode.objects.filter(code=OuterRef("provider__postcode")).values(name)[:1]
    return Case(
        When(
            provider__latitude__isnull=False,
            provider__longitude__isnull=False,
            then=F(f"provider__{name}"),
        ),
        default=Subquery(postcode_point),
        output_field=FloatField(),
    )


def distance_km_expression(point: Point):
    """Kilometres (straight line) from `point` to an offer's place; 0 for offers that need no travel; NULL
    when neither the place nor its postcode has a point."""
    return Case(
        When(format__in=NO_TRAVEL_FORMATS, then=Value(0.0)),
        default=sql_haversine_km(_place_coordinate("latitude"), _place_coordinate("longitude"), point),
        output_field=FloatField(),
    )


class DistanceQuerySet(QuerySet):
    def with_distance(self, point: Point) -> DistanceQuerySet:
        """Annotate `distance_km` (see distance_km_expression)."""
        return self.annotate(distance_km=distance_km_expression(point))

    def within_km(self, point: Point, km: float) -> DistanceQuerySet:
        """Offers at most `km` from `point` (offers that need no travel always; unknown places never).
        Adds no column, so it is safe under counting and grouping."""
        return self.filter(LessThanOrEqual(distance_km_expression(point), Value(float(km))))

    def nearest_first(self, point: Point) -> DistanceQuerySet:
        """Ordered by distance from `point` (no-travel offers first, unknown places last), then title."""
        return self.with_distance(point).order_by(F("distance_km").asc(nulls_last=True), "title", "pk")

    def covered_by_transport(self, site: MunicipalSite, point: Point) -> DistanceQuerySet:
        """Offers that `site`'s transport support pays the trip to, for a school of its municipality at
        `point`: the SQL twin of MunicipalSite.transport_verdict() (covered is True). Offers that need no
        travel are not included. The rules become query parameters, so cached counts follow a change."""
        if not site.supports_transport:
            return self.none()
        qs = self.exclude(format__in=NO_TRAVEL_FORMATS)
        if site.transport_within_municipality_only:
            qs = qs.filter(provider__municipality_id=site.municipality_id)
        if site.covered_grade_ids:
            links = self.model.grades.through.objects.filter(offer_id=OuterRef("pk"))
            qs = qs.filter(
                ~Exists(links) | Exists(links.filter(gradelevel_id__in=sorted(site.covered_grade_ids)))
            )
        if site.transport_max_distance_km is not None:
            qs = qs.within_km(point, site.transport_max_distance_km)
        return qs


def place_distance_km_expression(point: Point):
    """Kilometres (straight line) from `point` to a learning place (a Provider row): its own coordinates,
    else its postcode's point; NULL when it has neither."""

    def coordinate(name: str):
        postcode_point = Postcode.objects.filter(code=OuterRef("postcode")).values(name)[:1]
        return Case(
            When(latitude__isnull=False, longitude__isnull=False, then=F(name)),
            default=Subquery(postcode_point),
            output_field=FloatField(),
        )

    return sql_haversine_km(coordinate("latitude"), coordinate("longitude"), point)


def place_distances(point: Point) -> QuerySet:
    """Every learning place's id and `km` from `point`. The catalogue search joins this
    (offers/search_engine.py), so each place's distance is computed once per search, not once per offer."""
    from offers.models import Provider

    return Provider.objects.order_by().annotate(km=place_distance_km_expression(point)).values("id", "km")
