"""/steder/ finds learning places by name and narrows them by type, municipality and region, with the
catalogue's parameter names and identifiers; junk in the address gives a notice, not an error; the number of
queries does not grow with the number of places."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from municipalities.models import Municipality
from offers.models import Offer, Provider

LIST = "/steder/"
JUNK = "<script>alert(1)</script>"


@pytest.fixture
def places(make_offer, provider):
    """Lejre Museum (museum, Lejre, Sjælland), Naturskolen Odense (nature, Odense, Syddanmark), Roskilde
    Bibliotek (library, Roskilde, Sjælland), and a museum in Odense with only a draft."""
    odense = Municipality.objects.get(code="461")
    roskilde = Municipality.objects.get(code="265")
    nature = Provider.objects.create(
        key="natur", slug="natur", name="Naturskolen Odense", kind="nature", municipality=odense
    )
    library = Provider.objects.create(
        key="bib", slug="bib", name="Roskilde Bibliotek", kind="library", municipality=roskilde
    )
    hidden = Provider.objects.create(
        key="skjult", slug="skjult", name="Møntmuseet Odense", kind="museum", municipality=odense
    )
    make_offer("Vikingetid")
    make_offer("Smådyr i åen", provider=nature)
    make_offer("Bogstavjagt", provider=library)
    make_offer("Kladde", provider=hidden, status=Offer.Status.DRAFT)


def names(response) -> list[str]:
    return [place.name for place in response.context["page"]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["Lejre Museum", "Naturskolen Odense", "Roskilde Bibliotek"]),
        ({"q": "odense"}, ["Naturskolen Odense"]),
        ({"q": "MUSEUM"}, ["Lejre Museum"]),  # the museum with only a draft is not a place to visit
        ({"udbyder": "library"}, ["Roskilde Bibliotek"]),
        ({"kommune": "461"}, ["Naturskolen Odense"]),
        ({"region": "1085"}, ["Lejre Museum", "Roskilde Bibliotek"]),
        ({"region": "1085", "udbyder": "museum"}, ["Lejre Museum"]),
        ({"q": "bibliotek", "kommune": "350"}, []),
    ],
)
def test_places_are_found_by_name_and_narrowed_by_type_municipality_and_region(
    client, places, params, expected
):
    response = client.get(LIST, params)
    assert response.status_code == 200
    assert names(response) == expected


def test_the_form_shows_the_chosen_filters_and_the_count(client, places):
    html = client.get(LIST, {"udbyder": "museum", "kommune": "350"}).content.decode()
    assert '<option value="museum" selected>Museum</option>' in html
    assert '<option value="350" selected>Lejre</option>' in html
    assert "1 læringssted</h2>" in html
    assert '<label for="id_udbyder">Type læringssted</label>' in html


def test_a_search_without_places_says_so_and_leads_back_to_all(client, places):
    html = client.get(LIST, {"q": "zeppelin"}).content.decode()
    assert "Ingen læringssteder matcher søgningen." in html
    assert '<a href="/steder/">Vis alle læringssteder</a>' in html


@pytest.mark.parametrize(
    "params",
    [
        {"kommune": "atlantis", "udbyder": JUNK, "region": "9999", "page": "abc"},
        {"q": JUNK * 40, "kommune": ["350", JUNK]},
    ],
)
def test_junk_in_the_address_is_left_out_with_a_notice(client, places, params):
    response = client.get(LIST, params)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Læringssteder</h1>" in html
    assert "Nogle søgeindstillinger i adressen blev ikke forstået og er udeladt:" in html
    assert "<script>alert" not in html


def test_a_bad_value_leaves_the_other_filters_working(client, places):
    response = client.get(LIST, {"kommune": "atlantis", "udbyder": "library"})
    assert names(response) == ["Roskilde Bibliotek"]
    assert "udeladt: kommune." in response.content.decode()


def test_pages_keep_the_understood_filters_in_their_links(client, provider, make_offer):
    for number in range(51):
        place = Provider.objects.create(
            key=f"m{number}", slug=f"m{number}", name=f"Museum {number:02}", kind="museum"
        )
        make_offer("Besøg", provider=place)
    html = client.get(LIST, {"udbyder": "museum", "region": "x"}).content.decode()
    assert 'href="?udbyder=museum&amp;page=2"' in html


def test_the_list_needs_the_same_number_of_queries_for_3_and_15_places(client, make_offer):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(
                LIST, {"q": "sted", "udbyder": "museum", "kommune": "350", "region": "1085"}
            )
        assert response.status_code == 200
        return len(captured)

    def add(count: int) -> None:
        lejre = Municipality.objects.get(code="350")
        for _ in range(count):
            n = Provider.objects.count()
            place = Provider.objects.create(
                key=f"s{n}", slug=f"s{n}", name=f"Sted {n}", kind="museum", municipality=lejre
            )
            make_offer("Besøg", provider=place)

    add(3)
    few = queries()
    add(12)
    assert queries() == few


# --- With a chosen school: distance and nearest first (from Pedersborg Skole, Sorø; tests/test_distances.py
# and tests/test_catalogue_distance.py compute the distances by hand) ---------------------------------------


@pytest.fixture
def far_and_near(make_offer, provider):
    """Lejre Museum (conftest, 30.4 km from Pedersborg Skole), Sorø Akademi (3.4 km), a place in Aarhus
    (108 km) and one whose location is unknown."""
    for key, name, code, lat, lon in [
        ("soroe", "Sorø Akademi", "340", 55.4318, 11.5560),
        ("moesgaard", "Moesgaard", "751", 56.0884, 10.2246),
        ("ukendt", "Et ukendt sted", "265", None, None),
    ]:
        place = Provider.objects.create(
            key=key, slug=key, name=name, kind="museum", latitude=lat, longitude=lon,
            municipality=Municipality.objects.get(code=code),
        )  # fmt: skip
        make_offer(f"Tilbud hos {name}", key=key, provider=place)
    make_offer("Vikingetid", key="lejre")


def test_with_a_chosen_school_places_show_their_distance_and_sort_nearest_first(client, far_and_near):
    client.cookies["skole"] = "pedersborg-skole-4180"
    response = client.get(LIST, {"sorter": "naermest"})
    assert names(response) == ["Sorø Akademi", "Lejre Museum", "Moesgaard", "Et ukendt sted"]
    page = response.content.decode()
    assert 'Sorø Akademi</a></h3>\n    <p class="meta">Museum · Sorø · ca. 3 km' in page
    assert "Museum · Roskilde · Afstanden kendes ikke" in page


def test_with_a_chosen_school_places_can_be_filtered_by_distance(client, far_and_near):
    client.cookies["skole"] = "pedersborg-skole-4180"
    assert names(client.get(LIST, {"afstand": "50", "sorter": "naermest"})) == [
        "Sorø Akademi",
        "Lejre Museum",
    ]
    assert names(client.get(LIST, {"afstand": "5"})) == ["Sorø Akademi"]


def test_without_a_school_the_list_invites_a_choice_and_ignores_distance(client, far_and_near):
    response = client.get(LIST, {"afstand": "5", "udbyder": "museum"})
    assert len(names(response)) == 4
    assert (
        '<a href="/min-skole/?next=%2Fsteder%2F%3Fudbyder%3Dmuseum">Vælg din skole</a>'
        in response.content.decode()
    )
