"""Straight-line distances between points in Denmark, in Python and in SQL, and how the portal words them.

A distance is the great-circle (haversine) distance in kilometres between two WGS84 points. The points are
honest to about a kilometre in towns (schools.csv: the ministry's register, else the postcode's point), so
distances are shown in whole kilometres. The travel time is a labelled estimate, never a timetable: the road
is taken as ROAD_FACTOR times the straight line and a bus as averaging BUS_KMH, and it is only given up to
TRAVEL_ESTIMATE_MAX_KM (farther trips often cross water or need planning the estimate cannot know about).
"""

from __future__ import annotations

import math
from typing import NamedTuple

from django.db.models import Value
from django.db.models.functions import ASin, Cos, Power, Radians, Sin, Sqrt
from django.utils.formats import number_format
from django.utils.translation import gettext

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)
ROAD_FACTOR = 1.3  # road distance / straight line, typical for Danish roads outside the cities
BUS_KMH = 50  # average speed of a hired bus door to door, towns and country roads together
TRAVEL_ESTIMATE_MAX_KM = 60


class Point(NamedTuple):
    latitude: float
    longitude: float


def haversine_km(a: Point, b: Point) -> float:
    """Kilometres along the earth's surface from `a` to `b`."""
    phi_a, phi_b = math.radians(a.latitude), math.radians(b.latitude)
    d_phi = phi_b - phi_a
    d_lambda = math.radians(b.longitude - a.longitude)
    h = math.sin(d_phi / 2) ** 2 + math.cos(phi_a) * math.cos(phi_b) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(h, 1.0)))


def sql_haversine_km(latitude, longitude, point: Point):
    """The same distance as an SQL expression from `point` to the columns/expressions given, NULL when
    either is NULL. Plain arithmetic (no cube or earthdistance extension), so it runs on every PostgreSQL
    the portal supports."""
    d_phi = Radians(latitude - Value(point.latitude))
    d_lambda = Radians(longitude - Value(point.longitude))
    h = Power(Sin(d_phi / Value(2.0)), 2) + Value(math.cos(math.radians(point.latitude))) * Cos(
        Radians(latitude)
    ) * Power(Sin(d_lambda / Value(2.0)), 2)
    # No clamping of h to 1 (LEAST would ignore NULL): rounding can only push it past 1 at the antipodes.
    return Value(2 * EARTH_RADIUS_KM) * ASin(Sqrt(h))


def distance_text(km: float) -> str:
    """ "ca. 12 km", "under 1 km": whole kilometres, as honest as the points are."""
    if km < 1:
        return gettext("under 1 km")
    return gettext("about %(km)s km") % {"km": round(km)}


def travel_minutes(km: float) -> int | None:
    """Estimated minutes by bus for a straight-line distance (module docstring), to the nearest 5 minutes
    and at least 5; None beyond TRAVEL_ESTIMATE_MAX_KM."""
    if km > TRAVEL_ESTIMATE_MAX_KM:
        return None
    minutes = km * ROAD_FACTOR / BUS_KMH * 60
    return max(5, 5 * round(minutes / 5))


def travel_text(minutes: int) -> str:
    """ "ca. 20 min. i bus", "ca. 1 t. 15 min. i bus"."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return gettext("about %(minutes)s min. by bus") % {"minutes": rest}
    if not rest:
        return gettext("about %(hours)s h by bus") % {"hours": hours}
    return gettext("about %(hours)s h %(minutes)s min. by bus") % {"hours": hours, "minutes": rest}


def travel_method_text() -> str:
    """How travel_minutes() estimates, for the page that shows an estimate."""
    return gettext(
        "Estimate: the road is taken as %(factor)s times the straight line, and a bus as %(speed)s km/h "
        "on average."
    ) % {"factor": number_format(ROAD_FACTOR, 1), "speed": BUS_KMH}
