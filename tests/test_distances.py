"""Distances from a school to learning places: hand-computed pairs, the postcode point standing in for a place
without coordinates, offers that need no travel, and the OfferQuerySet building blocks (distance, within N km,
nearest first) that the catalogue's distance facet and order will use. School coordinates in admin."""

import pytest
from django.db.models import Count

from municipalities.geo import Point, distance_text, haversine_km, travel_minutes, travel_text
from municipalities.models import Municipality, Postcode, School
from offers.models import Offer, Provider

# Hand computation (equirectangular, exact to metres at this range): 1° of latitude = 6371.0088 km × π/180
# = 111.195 km. Pedersborg Skole 55.462278 N 11.553035 E (the ministry's register) to Vikingeskibsmuseet,
# Roskilde 55.6508 N 12.0794 E: Δlat 0.188522° = 20.963 km; Δlon 0.526365° × cos(55.5565°) 0.565593
# × 111.195 = 33.104 km; √(20.963² + 33.104²) = 39.18 km.
PEDERSBORG_TO_VIKINGESKIBSMUSEET_KM = 39.18
# To the point of postcode 4000 Roskilde, 55.65577 N 12.06365 E: Δlat 0.193492° = 21.515 km; Δlon 0.510615°
# × cos(55.5590°) × 111.195 = 32.111 km; √(21.515² + 32.111²) = 38.65 km.
PEDERSBORG_TO_POSTCODE_4000_KM = 38.65


@pytest.fixture
def pedersborg(db) -> Point:
    school = School.objects.get(key="pedersborg-skole-4180")
    return Point(school.latitude, school.longitude)


@pytest.fixture
def places(db) -> dict[str, Provider]:
    roskilde = Municipality.objects.get(code="265")

    def place(key, **fields):
        defaults = {"slug": key, "name": key.title(), "kind": "museum", "municipality": roskilde}
        return Provider.objects.create(key=key, **{**defaults, **fields})

    return {
        "museum": place("vikingeskibsmuseet", postcode="4000", latitude=55.6508, longitude=12.0794),
        "by_postcode": place("uden-koordinater", postcode="4000"),
        "unknown": place("ingen-steder"),
        "far": place("aarhus-museum", postcode="8000", latitude=56.1572, longitude=10.2107),
    }


@pytest.fixture
def offers(places, make_offer) -> dict[str, Offer]:
    return {
        "museum": make_offer("Vikingeskibe", key="museum", provider=places["museum"], subjects=["historie"]),
        "by_postcode": make_offer("Roskilde by", key="by-postcode", provider=places["by_postcode"]),
        "unknown": make_offer("Et sted", key="unknown", provider=places["unknown"]),
        "far": make_offer("Aarhus", key="far", provider=places["far"], subjects=["historie"]),
        "outreach": make_offer("Museet kommer", key="outreach", provider=places["far"], format="outreach"),
        "online": make_offer("Online forløb", key="online", provider=places["far"], format="online"),
        "material": make_offer("Materiale", key="material", provider=places["far"], format="material"),
    }


def distances(queryset, point) -> dict[str, float | None]:
    return dict(queryset.with_distance(point).values_list("key", "distance_km"))


def test_pedersborg_skole_to_a_place_in_roskilde_is_the_hand_computed_39_km(pedersborg, offers):
    museum = Point(55.6508, 12.0794)
    assert haversine_km(pedersborg, museum) == pytest.approx(PEDERSBORG_TO_VIKINGESKIBSMUSEET_KM, abs=0.01)
    assert distances(Offer.objects.all(), pedersborg)["museum"] == pytest.approx(
        PEDERSBORG_TO_VIKINGESKIBSMUSEET_KM, abs=0.01
    )


def test_a_place_without_coordinates_stands_at_its_postcodes_point(pedersborg, offers):
    assert distances(Offer.objects.all(), pedersborg)["by-postcode"] == pytest.approx(
        PEDERSBORG_TO_POSTCODE_4000_KM, abs=0.01
    )


def test_a_place_without_coordinates_or_a_known_postcode_has_no_distance(pedersborg, offers):
    assert distances(Offer.objects.all(), pedersborg)["unknown"] is None


def test_offers_that_need_no_travel_are_never_far_away(pedersborg, offers):
    found = distances(Offer.objects.all(), pedersborg)
    assert found["far"] == pytest.approx(114.04, abs=0.01)  # to Aarhus
    assert [found[key] for key in ("outreach", "online", "material")] == [0, 0, 0]


def test_within_km_keeps_the_offers_at_most_that_far_and_those_that_need_no_travel(pedersborg, offers):
    def within(km):
        return set(Offer.objects.within_km(pedersborg, km).values_list("key", flat=True))

    assert within(10) == {"outreach", "online", "material"}
    assert within(38.7) == {"by-postcode", "outreach", "online", "material"}
    assert within(40) == {"museum", "by-postcode", "outreach", "online", "material"}
    assert within(500) == set(Offer.objects.values_list("key", flat=True)) - {"unknown"}


def test_nearest_first_puts_offers_that_need_no_travel_first_and_unknown_places_last(pedersborg, offers):
    keys = list(Offer.objects.nearest_first(pedersborg).values_list("key", flat=True))
    assert keys == ["material", "outreach", "online", "by-postcode", "museum", "far", "unknown"]


def test_the_distance_filter_combines_with_other_filters_and_counting(pedersborg, offers):
    within = (
        Offer.objects.published()
        .with_any_subject([offers["museum"].subjects.get().pk])
        .within_km(pedersborg, 50)
    )
    assert list(within.values_list("key", flat=True)) == ["museum"]
    per_format = dict(
        Offer.objects.within_km(pedersborg, 50).order_by().values_list("format").annotate(n=Count("pk"))
    )
    assert per_format == {"visit": 2, "outreach": 1, "online": 1, "material": 1}


@pytest.mark.parametrize(
    ("km", "shown"),
    [
        (0.4, "under 1 km"),
        (1.49, "ca. 1 km"),
        (12.4, "ca. 12 km"),
        (39.18, "ca. 39 km"),
        (127.6, "ca. 128 km"),
    ],
)
def test_distances_are_shown_in_whole_kilometres(km, shown):
    assert distance_text(km) == shown


@pytest.mark.parametrize(
    ("km", "shown"),
    [
        (1.0, "ca. 5 min. i bus"),  # 1.6 minutes: never less than 5
        (12.0, "ca. 20 min. i bus"),  # 12 × 1.3 / 50 km/h = 18.7 minutes
        (PEDERSBORG_TO_VIKINGESKIBSMUSEET_KM, "ca. 1 t. i bus"),  # 61.1 minutes
        (52.0, "ca. 1 t. 20 min. i bus"),  # 81.1 minutes
    ],
)
def test_the_travel_estimate_is_road_factor_1_3_at_50_km_an_hour_to_the_nearest_5_minutes(km, shown):
    assert travel_text(travel_minutes(km)) == shown


def test_no_travel_time_is_estimated_beyond_60_km():
    assert travel_minutes(60) is not None
    assert travel_minutes(61) is None


def test_staff_see_and_edit_a_schools_coordinates_in_admin(client, staff_user):
    school = School.objects.get(key="pedersborg-skole-4180")
    client.force_login(staff_user)
    url = f"/admin/municipalities/school/{school.pk}/change/"
    page = client.get(url).content.decode()
    assert 'name="latitude" value="55.462278"' in page and "openstreetmap.org/?mlat=55.46228" in page
    data = {
        "key": school.key,
        "name": school.name,
        "kind": school.kind,
        "address": school.address,
        "postcode": school.postcode,
        "municipality": school.municipality_id,
        "cvr": school.cvr,
        "ean": school.ean,
        "latitude": "55.4625",
        "longitude": "11.5533",
        "location_source": "manual",
    }
    assert client.post(url, data).status_code == 302
    school.refresh_from_db()
    assert (school.latitude, school.longitude, school.location_source) == (55.4625, 11.5533, "manual")
    response = client.post(url, {**data, "longitude": ""})
    assert response.status_code == 200
    assert "Angiv både bredde- og længdegrad eller ingen af dem." in response.content.decode()


def test_every_school_and_postcode_has_a_point_from_the_reference_data(db):
    assert Postcode.objects.count() == 1090
    assert not School.objects.filter(latitude__isnull=True).exists()
    sources = dict(School.objects.order_by().values_list("location_source").annotate(n=Count("pk")))
    assert sources == {"register": 2307, "postcode": 550}
    roskilde = Postcode.objects.get(code="4000")
    assert (roskilde.city, roskilde.latitude, roskilde.longitude) == ("Roskilde", 55.65577, 12.06365)
