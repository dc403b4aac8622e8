"""Searching by distance from the chosen school: the "afstand" facet (within 5 / 10 / 25 / 50 km, with
counts), "nearest first", the "transport dækkes" facet, and the ``skole`` parameter, on /tilbud/, the
municipal search and the API, against hand-computed distances (tests/test_distances.py explains them)."""

from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from municipalities.geo import Point
from municipalities.models import Municipality, MunicipalSite, School
from offers.models import Offer, Provider

PEDERSBORG = "pedersborg-skole-4180"  # Pedersborg Skole, Sorø: 55.462278 N 11.553035 E
ABSALON = "absalons-skole-4000"  # Absalons Skole, Roskilde: 55.640122 N 12.074092 E

# From Pedersborg Skole, by hand (equirectangular, as in tests/test_distances.py):
# - Sorø Akademi 55.4318 N 11.5560 E: Δlat -0.030478° = 3.389 km, Δlon 0.002965° × cos 55.447° 0.5675 ×
#   111.195 = 0.187 km: 3.39 km (within 5 km).
# - Lejre Museum (conftest) 55.6 N 11.97 E: Δlat 0.137722° = 15.314 km, Δlon 0.416965° × cos 55.531°
#   0.56605 × 111.195 = 26.245 km: 30.39 km (within 50, not 25).
# - Vikingeskibsmuseet, Roskilde 55.6508 N 12.0794 E: 39.18 km; a place in 4000 Roskilde without
#   coordinates of its own, at the postcode's point: 38.65 km (both within 50).
# - Moesgaard, Aarhus 56.0884 N 10.2246 E: Δlat 0.626122° = 69.62 km, Δlon -1.328435° × cos 55.775°
#   0.56253 × 111.195 = -83.10 km: 108.4 km (in no band).
KM = {"soroe": 3.39, "lejre": 30.39, "by_postcode": 38.65, "museum": 39.18, "aarhus": 108.4}


@pytest.fixture
def places(db, provider) -> dict[str, Provider]:
    roskilde = Municipality.objects.get(code="265")

    def place(key, municipality, **fields):
        return Provider.objects.create(
            key=key, slug=key, name=key.title(), kind="museum", municipality=municipality, **fields
        )

    return {
        "soroe": place(
            "soroe-akademi", Municipality.objects.get(code="340"), postcode="4180", latitude=55.4318, longitude=11.5560
        ),
        "lejre": provider,
        "museum": place("vikingeskibsmuseet", roskilde, postcode="4000", latitude=55.6508, longitude=12.0794),
        "by_postcode": place("uden-koordinater", roskilde, postcode="4000"),
        "aarhus": place(
            "moesgaard", Municipality.objects.get(code="751"), postcode="8270", latitude=56.0884, longitude=10.2246
        ),
        "unknown": place("ukendt-sted", roskilde),
    }  # fmt: skip


@pytest.fixture
def offers(places, make_offer) -> dict[str, Offer]:
    def offer(key, title, place, **fields):
        return make_offer(title, key=key, provider=places[place], **fields)

    return {
        "soroe": offer("akademiet", "Akademiets have", "soroe", subjects=["natur-teknologi"], grades=["4-klasse"]),
        "lejre": offer("sagnkonger", "Vikingernes sagnkonger", "lejre", subjects=["historie"], grades=["5-klasse"]),
        "by_postcode": offer("domkirken", "Domkirkens vikinger", "by_postcode", subjects=["historie"], grades=["8-klasse"]),
        "museum": offer("vikingeskibe", "Vikingeskibe", "museum", subjects=["historie"], grades=["4-klasse"]),
        "aarhus": offer("oldtid", "Vikinger i Aarhus", "aarhus", subjects=["historie"], grades=["4-klasse"]),
        "unknown": offer("et-sted", "Vikinger et sted", "unknown", subjects=["historie"]),
        "outreach": offer("kommer", "Vikingen kommer", "aarhus", format="outreach", subjects=["historie"]),
        "online": offer("online", "Vikinger online", "aarhus", format="online"),
    }  # fmt: skip


def choices(response, facet: str) -> dict[str, int]:
    for found in response.context["facets"]:
        if found.name == facet:
            return {c.value: c.count for c in [*found.choices, *found.more]}
    return {}


def keys(response) -> list[str]:
    return [offer.key for offer in response.context["page"]]


def test_the_distance_facet_counts_offers_within_each_band_from_the_chosen_school(client, offers):
    response = client.get("/tilbud/", {"skole": PEDERSBORG})
    # Within 5, 10 and 25 km: Sorø Akademi (3.39 km) and the two offers that need no travel.
    # Within 50: also Lejre (30.39), the postcode point in Roskilde (38.65) and Vikingeskibsmuseet (39.18).
    assert choices(response, "afstand") == {"5": 3, "10": 3, "25": 3, "50": 6}
    labels = [c.label for f in response.context["facets"] if f.name == "afstand" for c in f.choices]
    assert labels == ["Inden for 5 km", "Inden for 10 km", "Inden for 25 km", "Inden for 50 km"]


@pytest.mark.parametrize(
    ("km", "expected"),
    [
        ("5", {"akademiet", "kommer", "online"}),
        ("25", {"akademiet", "kommer", "online"}),
        ("50", {"akademiet", "kommer", "online", "sagnkonger", "domkirken", "vikingeskibe"}),
    ],
)
def test_within_km_keeps_the_offers_that_close_and_those_that_need_no_travel(client, offers, km, expected):
    response = client.get("/tilbud/", {"skole": PEDERSBORG, "afstand": km})
    assert set(keys(response)) == expected
    assert response.context["total"] == len(expected)


def test_nearest_first_orders_by_hand_computed_distance_and_unknown_places_last(client, offers):
    response = client.get("/tilbud/", {"skole": PEDERSBORG, "sorter": "naermest"})
    order = keys(response)
    assert set(order[:2]) == {"kommer", "online"}  # 0 km: they come to the school or need no travel
    assert order[2:] == ["akademiet", "sagnkonger", "domkirken", "vikingeskibe", "oldtid", "et-sted"]
    page = response.content.decode()
    assert '<option value="naermest" selected>Nærmest først</option>' in page


def test_distance_works_with_words_and_other_facets_and_counts_them_together(client, offers):
    response = client.get(
        "/tilbud/",
        {"skole": PEDERSBORG, "q": "vikinger", "fag": "historie", "afstand": "50", "sorter": "naermest"},
    )
    assert keys(response) == ["kommer", "sagnkonger", "domkirken", "vikingeskibe"]
    # Each facet is counted with the other filters: the bands without "afstand", the subjects with it.
    assert choices(response, "afstand") == {"5": 1, "10": 1, "25": 1, "50": 4}
    assert choices(response, "fag")["historie"] == 4
    active = [f.label for f in response.context["active_filters"]]
    assert "Afstand fra din skole: Inden for 50 km" in active


def test_choosing_another_band_replaces_the_chosen_one(client, offers):
    response = client.get("/tilbud/", {"skole": PEDERSBORG, "afstand": "50"})
    links = {c.value: c.url for f in response.context["facets"] if f.name == "afstand" for c in f.choices}
    assert links["10"] == "?afstand=10"
    assert links["50"] == "?"  # the chosen one removes itself


def test_the_cookie_school_measures_when_no_skole_parameter_is_given(client, offers):
    client.cookies["skole"] = PEDERSBORG
    response = client.get("/tilbud/", {"afstand": "5"})
    assert set(keys(response)) == {"akademiet", "kommer", "online"}


def test_an_explicit_skole_parameter_overrides_the_cookie(client, offers):
    client.cookies["skole"] = ABSALON  # in Roskilde, 1.2 km from Vikingeskibsmuseet
    response = client.get("/tilbud/", {"skole": PEDERSBORG, "afstand": "5"})
    assert "vikingeskibe" not in keys(response)
    assert "akademiet" in keys(response)


def test_without_a_school_the_distance_controls_invite_her_to_choose_one_and_return(client, offers):
    response = client.get("/tilbud/", {"fag": "historie"})
    page = response.content.decode()
    assert response.context["facets"] and "afstand" not in [f.name for f in response.context["facets"]]
    assert '<a href="/min-skole/?next=%2Ftilbud%2F%3Ffag%3Dhistorie">Vælg din skole</a>' in page
    assert "sortere efter afstand" in page
    assert 'value="naermest"' not in page  # no order she cannot use yet


@pytest.mark.parametrize(
    "params",
    [
        {"afstand": "10"},
        {"transport": "1"},
        {"sorter": "naermest"},
        {"skole": "ingen-skole-9999", "afstand": "10"},
    ],
)
def test_distance_parameters_without_a_known_school_are_left_out_with_a_notice(client, offers, params):
    response = client.get("/tilbud/", params)
    assert response.status_code == 200
    assert response.context["total"] == len(offers)
    assert "blev ikke forstået og er udeladt" in response.content.decode()


@pytest.mark.parametrize("value", ["7", "abc", "-1", "10.5", "x" * 500])
def test_junk_distances_are_left_out_with_a_notice(client, offers, value):
    response = client.get("/tilbud/", {"skole": PEDERSBORG, "afstand": value})
    assert response.status_code == 200
    assert response.context["total"] == len(offers)
    assert response.context["notices"]


def test_a_chosen_school_keeps_the_number_of_queries_of_a_search_constant(client, offers, make_offer, places):
    params = {"skole": PEDERSBORG, "afstand": "50", "sorter": "naermest"}
    with CaptureQueriesContext(connection) as few:
        client.get("/tilbud/", params)
    for n in range(25):
        make_offer(f"Flere vikinger {n}", key=f"flere-{n}", provider=places["lejre"], grades=["4-klasse"])
    with CaptureQueriesContext(connection) as many:
        response = client.get("/tilbud/", params)
    assert response.context["total"] > 20
    # Not more for more offers (one fewer here: no card on the first page needs the postcode points).
    assert len(many) <= len(few) <= 10


# --- Transport covered --------------------------------------------------------------------------------


@pytest.fixture
def roskilde_pool(make_transport_pool) -> MunicipalSite:
    """Roskilde's transport pool: day care to 6th grade, up to 40 km."""
    return make_transport_pool(["dagtilbud", "0-klasse", "4-klasse", "5-klasse", "6-klasse"])


def test_the_transport_facet_keeps_the_trips_the_schools_municipality_pays(client, offers, roskilde_pool):
    # From Absalons Skole in Roskilde: Vikingeskibsmuseet 1.2 km (4th grade: covered), Lejre 7 km (5th
    # grade: covered), the Roskilde place without coordinates (8th grade: not covered), Sorø 36 km (4th
    # grade: covered), Aarhus over 40 km (not covered), the unknown place (no distance: not covered),
    # offers that need no travel (no trip to pay).
    response = client.get("/tilbud/", {"skole": ABSALON, "transport": "1"})
    assert set(keys(response)) == {"vikingeskibe", "sagnkonger", "akademiet"}
    school = School.objects.get(key=ABSALON)
    site = MunicipalSite.objects.get(pk=roskilde_pool.pk)
    covered = Offer.objects.published().covered_by_transport(site, Point(school.latitude, school.longitude))
    assert set(keys(response)) == set(covered.values_list("key", flat=True))
    assert choices(client.get("/tilbud/", {"skole": ABSALON}), "transport") == {"1": 3}
    page = response.content.decode()
    assert "Kommunen betaler transporten" in page
    assert "Roskilde Kommune dækker transport hertil" in page


def test_a_school_whose_municipality_registered_no_support_gets_no_transport_choice(
    client, offers, roskilde_pool
):
    response = client.get("/tilbud/", {"skole": PEDERSBORG})  # Sorø has no site
    assert choices(response, "transport") == {}
    response = client.get("/tilbud/", {"skole": PEDERSBORG, "transport": "1"})
    assert response.context["total"] == 0


def test_a_change_of_the_rules_changes_the_facet_at_once(client, offers, roskilde_pool):
    assert choices(client.get("/tilbud/", {"skole": ABSALON}), "transport") == {"1": 3}
    roskilde_pool.transport_max_distance_km = 10
    roskilde_pool.save()
    assert choices(client.get("/tilbud/", {"skole": ABSALON}), "transport") == {"1": 2}


# --- The municipal search and the API -----------------------------------------------------------------


def test_the_municipal_search_filters_and_sorts_by_distance(client, offers, roskilde_pool):
    # Roskilde's own offers (its local places) and two it added: Sorø Akademi and Aarhus.
    roskilde_pool.extra_offers.set([offers["soroe"], offers["aarhus"]])
    url = f"/kommuner/{roskilde_pool.municipality.slug}/tilbud/"
    response = client.get(url, {"skole": PEDERSBORG, "sorter": "naermest"})
    assert keys(response) == ["akademiet", "domkirken", "vikingeskibe", "oldtid", "et-sted"]
    assert choices(response, "afstand") == {"5": 1, "10": 1, "25": 1, "50": 3}
    response = client.get(url, {"skole": PEDERSBORG, "afstand": "10"})
    assert keys(response) == ["akademiet"]


def test_a_municipal_search_that_finds_nothing_offers_nearby_offers_to_a_chosen_school(
    client, offers, roskilde_pool
):
    url = f"/kommuner/{roskilde_pool.municipality.slug}/tilbud/"
    response = client.get(url, {"skole": PEDERSBORG, "q": "sagnkonger"})  # only in Lejre, 30 km away
    assert response.context["total"] == 0
    assert response.context["wider_search"].count == 1
    assert response.context["nearby_search"] is None  # nothing within 25 km
    response = client.get(url, {"skole": PEDERSBORG, "q": "akademiets"})  # Sorø Akademi, 3.4 km away
    nearby = response.context["nearby_search"]
    assert (nearby.url, nearby.count) == ("/tilbud/?q=akademiets&afstand=25&sorter=naermest", 1)
    page = response.content.decode()
    assert "Nær din skole (inden for 25 km), nærmeste først: 1 tilbud" in page
    assert client.get(nearby.url).context["total"] == 1


def test_without_a_school_the_municipal_dead_end_offers_only_the_whole_catalogue(
    client, offers, roskilde_pool
):
    response = client.get(f"/kommuner/{roskilde_pool.municipality.slug}/tilbud/", {"q": "akademiets"})
    assert response.context["nearby_search"] is None
    assert response.context["wider_search"].count == 1


def test_the_api_takes_skole_afstand_and_nearest_first_and_says_how_far(client, offers):
    data = client.get(
        "/api/tilbud/", {"skole": PEDERSBORG, "afstand": "50", "sorter": "naermest", "fag": "historie"}
    ).json()
    assert [item["key"] for item in data["results"]] == ["kommer", "sagnkonger", "domkirken", "vikingeskibe"]
    distances = [item["distance_km"] for item in data["results"]]
    assert distances[0] == 0.0
    for found, by_hand in zip(distances[1:], [KM["lejre"], KM["by_postcode"], KM["museum"]], strict=True):
        assert abs(found - by_hand) <= 0.06  # one decimal, against the hand computation's two
    assert data["count"] == 4


def test_the_api_pages_keep_the_school(client, offers, settings):
    settings.PORTAL_PAGE_SIZE = 2
    data = client.get("/api/tilbud/", {"skole": PEDERSBORG, "sorter": "naermest"}).json()
    assert "skole=pedersborg-skole-4180" in data["next"]
    assert "sorter=naermest" in data["next"]


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"afstand": "10"}, ["afstand"]),
        ({"sorter": "naermest"}, ["sorter"]),
        ({"skole": "ingen-skole-9999"}, ["skole"]),
        ({"skole": PEDERSBORG, "afstand": "7"}, ["afstand"]),
        ({"skole": PEDERSBORG, "transport": "ja"}, ["transport"]),
    ],
)
def test_the_api_answers_400_naming_distance_parameters_it_cannot_use(client, offers, params, named):
    response = client.get("/api/tilbud/", params)
    assert response.status_code == 400
    assert response.json()["parameters"] == named


@pytest.mark.parametrize(
    "rules",
    [
        {"transport_within_municipality_only": True, "transport_max_distance_km": None},
        {"transport_within_municipality_only": False, "transport_max_distance_km": 10},
        {"transport_within_municipality_only": True, "transport_max_distance_km": 2, "grades": []},
        {"transport_within_municipality_only": False, "transport_max_distance_km": None, "grades": []},
    ],
)
def test_the_transport_facet_follows_covered_by_transport_for_every_rule(
    client, offers, roskilde_pool, rules
):
    grades = rules.pop("grades", None)
    MunicipalSite.objects.filter(pk=roskilde_pool.pk).update(**rules)
    if grades is not None:
        roskilde_pool.transport_grades.set(grades)
    site = MunicipalSite.objects.get(pk=roskilde_pool.pk)
    school = School.objects.get(key=ABSALON)
    covered = Offer.objects.published().covered_by_transport(site, Point(school.latitude, school.longitude))
    expected = set(covered.values_list("key", flat=True))
    assert expected  # each rule covers some trips and not others
    assert expected != {offer.key for offer in offers.values()}
    assert set(keys(client.get("/tilbud/", {"skole": ABSALON, "transport": "1"}))) == expected
    assert choices(client.get("/tilbud/", {"skole": ABSALON}), "transport") == {"1": len(expected)}


def test_a_distance_or_transport_chosen_alone_counts_its_own_choices_over_every_offer(
    client, offers, roskilde_pool
):
    # The chosen band's own choices count as without it; the other facets count the offers within it.
    response = client.get("/tilbud/", {"skole": PEDERSBORG, "afstand": "5"})
    assert choices(response, "afstand") == {"5": 3, "10": 3, "25": 3, "50": 6}
    assert response.context["total"] == 3
    formats = Counter(offer.format for offer in response.context["page"])
    assert {k: n for k, n in choices(response, "format").items() if n} == dict(formats)
    # "Transport covered" chosen alone: its own count over every offer, the bands over the covered ones.
    response = client.get("/tilbud/", {"skole": ABSALON, "transport": "1"})
    assert choices(response, "transport") == {"1": 3}
    assert response.context["total"] == 3
    unfiltered = choices(client.get("/tilbud/", {"skole": ABSALON}), "afstand")
    within = choices(response, "afstand")
    assert within["50"] == 3 and all(within[km] <= unfiltered[km] for km in within)


def test_the_distance_bands_follow_every_change_to_the_offers_at_once(client, offers, places):
    # The bands of the whole catalogue come from counts per learning place that a trigger keeps.
    def bands():
        return choices(client.get("/tilbud/", {"skole": PEDERSBORG}), "afstand")

    assert bands() == {"5": 3, "10": 3, "25": 3, "50": 6}
    Offer.objects.filter(pk=offers["aarhus"].pk).update(provider=places["soroe"])  # moved close by
    assert bands() == {"5": 4, "10": 4, "25": 4, "50": 7}
    Offer.objects.filter(pk=offers["lejre"].pk).update(format="outreach")  # now comes to the school
    assert bands() == {"5": 5, "10": 5, "25": 5, "50": 7}
    Offer.objects.filter(pk=offers["soroe"].pk).update(status=Offer.Status.ARCHIVED)
    assert bands() == {"5": 4, "10": 4, "25": 4, "50": 6}
    offers["museum"].delete()
    assert bands() == {"5": 4, "10": 4, "25": 4, "50": 5}
    Offer.objects.filter(pk=offers["soroe"].pk).update(status=Offer.Status.PUBLISHED)
    assert bands() == {"5": 5, "10": 5, "25": 5, "50": 6}
