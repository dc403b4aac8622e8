"""The teacher's chosen school ("Min skole"): the picker, the cookie and the ?skole= link, the header, and what
every offer card and offer page then says (distance, travel estimate, transport verdict, the municipality's
note), in a constant number of queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from municipalities.models import FeaturedOffer, Municipality, MunicipalSite
from offers.models import Offer, Provider

ABSALON = "absalons-skole-4000"  # Absalons Skole, Roskilde (55.640122 N 12.074092 E)


@pytest.fixture
def roskilde_site(make_transport_pool) -> MunicipalSite:
    return make_transport_pool(
        transport_apply_url="https://www.roskilde.example.dk/transportpulje",
        transport_note="Puljen dækker bus til og fra stedet.",
    )


@pytest.fixture
def museum(db) -> Provider:
    return Provider.objects.create(
        key="vikingeskibsmuseet",
        slug="vikingeskibsmuseet",
        name="Vikingeskibsmuseet",
        kind="museum",
        municipality=Municipality.objects.get(code="265"),
        postcode="4000",
        latitude=55.6508,
        longitude=12.0794,
    )


@pytest.fixture
def ships(make_offer, museum, roskilde_site) -> Offer:
    """1.2 km from Absalons Skole; Roskilde features it with a note."""
    offer = make_offer(
        "Vikingeskibe", key="vikingeskibe", provider=museum, grades=["5-klasse"], price_dkk=900
    )
    FeaturedOffer.objects.create(site=roskilde_site, offer=offer, note="Gratis for kommunens skoler")
    return offer


def choose(client, key: str = ABSALON) -> None:
    client.cookies["skole"] = key


def school_queries(client, url: str) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        page = client.get(url).content.decode()
    return page, [q["sql"] for q in queries.captured_queries if '"municipalities_school"' in q["sql"]]


# --- The picker ---


@pytest.mark.parametrize("find", ["pedersborg", "4180", "Sorø", "skole sorø"])
def test_the_picker_finds_a_school_by_name_postcode_or_town(client, db, find):
    page = client.get("/min-skole/", {"find": find}).content.decode()
    assert "<strong>Pedersborg Skole</strong>" in page
    assert "Rustkammervej 76, 4180 Sorø · Sorø Kommune" in page
    assert 'name="school" value="pedersborg-skole-4180"' in page


def test_the_picker_treats_aa_and_å_alike(client, db):
    page = client.get("/min-skole/", {"find": "åbenrå"}).content.decode()
    assert "6200 Aabenraa" in page


def test_the_picker_shows_a_short_list_and_asks_for_more_words_when_many_match(client, db):
    page = client.get("/min-skole/", {"find": "skole"}).content.decode()
    assert len(re.findall(r'name="school" value=', page)) == 20
    assert "Viser de første 20. Tilføj et ord, et postnummer eller en by for at finde din." in page


def test_the_picker_says_when_nothing_matches(client, db):
    page = client.get("/min-skole/", {"find": "xyzzy"}).content.decode()
    assert "0 skoler fundet" in page and "Tjek stavningen" in page


def test_choosing_a_school_remembers_it_and_returns_to_the_page_without_an_old_link_choice(client, db):
    response = client.post(
        "/min-skole/", {"school": "pedersborg-skole-4180", "next": "/tilbud/?q=viking&skole=" + ABSALON}
    )
    assert (response.status_code, response["Location"]) == (302, "/tilbud/?q=viking")
    cookie = response.cookies["skole"]
    assert cookie.value == "pedersborg-skole-4180"
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and cookie["max-age"] == 365 * 24 * 3600
    page = client.get(response["Location"]).content.decode()
    assert "Din skole er nu Pedersborg Skole." in page
    assert "Min skole:</span> Pedersborg Skole" in page


def test_choosing_an_unknown_school_is_refused_with_a_message_and_remembers_nothing(client, db):
    response = client.post("/min-skole/", {"school": "ingen-skole-9999", "next": "/tilbud/"})
    assert response.status_code == 400
    assert "Skolen findes ikke på listen. Søg efter den igen." in response.content.decode()
    assert "skole" not in response.cookies


def test_after_choosing_the_teacher_never_leaves_the_portal(client, db):
    response = client.post("/min-skole/", {"school": ABSALON, "next": "https://example.com/tilbud/"})
    assert response["Location"] == "/tilbud/"
    response = client.post("/min-skole/", {"school": ABSALON, "next": "/min-skole/?find=absalon"})
    assert response["Location"] == "/tilbud/"


def test_forgetting_the_school_deletes_the_cookie(client, db):
    choose(client)
    assert client.get("/min-skole/glem/").status_code == 405
    response = client.post("/min-skole/glem/", {"next": "/tilbud/"})
    assert (response.status_code, response["Location"]) == (302, "/tilbud/")
    assert response.cookies["skole"].value == "" and response.cookies["skole"]["max-age"] == 0
    assert "Vælg din skole" in client.get("/").content.decode()


# --- The link, the cookie and the header ---


def test_a_link_with_skole_chooses_that_school_on_any_page(client, db):
    response = client.get("/", {"skole": "pedersborg-skole-4180"})
    assert response.cookies["skole"].value == "pedersborg-skole-4180"
    assert "Min skole:</span> Pedersborg Skole" in response.content.decode()
    assert "Min skole:</span> Pedersborg Skole" in client.get("/kommuner/").content.decode()


def test_a_link_with_an_unknown_school_keeps_the_chosen_one(client, db):
    choose(client)
    response = client.get("/", {"skole": "ingen-skole-9999"})
    assert "skole" not in response.cookies
    assert "Min skole:</span> Absalons Skole" in response.content.decode()


def test_a_remembered_school_that_no_longer_exists_is_forgotten(client, db):
    choose(client, "nedlagt-skole-4000")
    response = client.get("/")
    assert response.cookies["skole"]["max-age"] == 0
    assert "Vælg din skole" in response.content.decode()


def test_without_a_chosen_school_the_header_invites_a_choice_and_no_school_is_looked_up(client, db):
    page, queries = school_queries(client, "/tilbud/")
    assert queries == []
    assert '<a class="my-school__choose" href="/min-skole/?next=/tilbud/">Vælg din skole</a>' in page


def test_pages_that_depend_on_the_chosen_school_vary_by_cookie(client, db):
    assert "Cookie" in client.get("/tilbud/")["Vary"]


# --- What cards and offer pages say ---


def test_cards_show_distance_travel_estimate_transport_verdict_and_the_municipalitys_note(client, ships):
    choose(client)
    page = client.get("/tilbud/").content.decode()
    assert "ca. 1 km fra din skole · ca. 5 min. i bus (anslået)" in page
    assert "Roskilde Kommune dækker transport hertil (transportpuljen, ansøg senest 14 dage før)." in page
    assert "<strong>Roskilde Kommune:</strong> Gratis for kommunens skoler" in page


def test_a_place_without_coordinates_gets_an_estimated_distance_from_its_postcode(client, make_offer, db):
    place = Provider.objects.create(key="sted", slug="sted", name="Sted", kind="other", postcode="4180")
    make_offer("Et besøg", key="besoeg", provider=place)
    choose(client)
    page = client.get("/tilbud/").content.decode()
    # Absalons Skole to the point of postcode 4180 Sorø (55.40880 N 11.55727 E): Δlat 0.231322° = 25.72 km,
    # Δlon 0.516822° × cos(55.5245°) × 111.195 = 32.53 km: 41.5 km; × 1.3 / 50 km/h = 65 minutes.
    assert "ca. 41 km fra din skole · ca. 1 t. 5 min. i bus (anslået)" in page
    assert "afstanden er anslået ud fra postnummeret" in page


def test_offers_that_come_to_the_school_or_are_online_say_so_instead_of_a_distance(client, make_offer, db):
    make_offer("Museet kommer", key="ud", format="outreach")
    make_offer("Onlineforløb", key="online", format="online")
    choose(client)
    page = client.get("/tilbud/").content.decode()
    assert '<p class="from-school__distance">Kommer til skolen</p>' in page
    assert '<p class="from-school__distance">Online</p>' in page
    assert "km fra din skole" not in page and "from-school__transport" not in page


def test_a_school_in_another_municipality_sees_its_own_verdict_and_not_roskildes_note(client, ships):
    choose(client, "pedersborg-skole-4180")
    page = client.get("/tilbud/").content.decode()
    assert "ca. 39 km fra din skole" in page
    assert "Sorø Kommune har ikke registreret nogen transportstøtte på portalen." in page
    assert "Gratis for kommunens skoler" not in page


def test_the_offer_page_shows_the_note_by_the_price_the_distance_and_how_to_apply(client, ships):
    choose(client)
    page = client.get(ships.get_absolute_url()).content.decode()
    facts = page[page.index('<dl class="facts">') : page.index("</dl>")]
    assert facts.index("900 kr. pr. klasse") < facts.index("Note fra Roskilde Kommune")
    assert '<dd class="from-school__note">Gratis for kommunens skoler</dd>' in facts
    assert "ca. 1 km fra Absalons Skole" in facts
    assert "Puljen dækker bus til og fra stedet." in facts
    assert (
        '<a href="https://www.roskilde.example.dk/transportpulje" rel="noopener">Søg om transport</a>'
        in facts
    )


def test_the_offer_page_explains_the_travel_estimate(client, make_offer, db):
    make_offer("Lejre", key="lejre")  # Lejre Museum, 7.9 km from Absalons Skole: 12 minutes
    choose(client)
    page = client.get("/tilbud/lejre/").content.decode()
    assert "ca. 8 km fra Absalons Skole · ca. 10 min. i bus (anslået)" in page
    assert "Anslået: vejen regnes som 1,3 gange luftlinjen og bussen som 50 km/t i gennemsnit." in page


def test_the_offer_page_invites_a_teacher_without_a_school_to_choose_one(client, ships):
    page = client.get(ships.get_absolute_url()).content.decode()
    assert (
        f'<a href="/min-skole/?next={ships.get_absolute_url()}">Vælg din skole</a> for at se afstanden'
        in page
    )


def test_the_note_shows_once_on_the_municipalitys_own_featured_card(client, ships, roskilde_site):
    choose(client)
    page = client.get(roskilde_site.get_absolute_url()).content.decode()
    assert page.count("Gratis for kommunens skoler") == 1


# --- Queries ---


@pytest.mark.parametrize("url", ["/tilbud/", "/kommuner/roskilde/", "/steder/vikingeskibsmuseet/"])
def test_a_chosen_school_costs_the_same_queries_for_few_and_many_offers(
    client, ships, make_offer, museum, url
):
    choose(client)
    place = Provider.objects.create(key="sted", slug="sted", name="Sted", kind="other", postcode="4180")
    make_offer("Uden koordinater", key="uden", provider=place)
    make_offer("Museet kommer", key="ud", provider=museum, format="outreach")
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(8):
        make_offer(f"Tilbud {n}", key=f"tilbud-{n}", provider=museum, grades=["4-klasse"])
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert "Tilbud 7" in page
    assert len(many) == len(few)
    assert sum('"municipalities_school"' in q["sql"] for q in many.captured_queries) == 1


def test_a_chosen_school_adds_at_most_three_queries_to_an_offer_page(client, ships):
    url = ships.get_absolute_url()
    with CaptureQueriesContext(connection) as without:
        client.get(url)
    choose(client)
    with CaptureQueriesContext(connection) as chosen:
        client.get(url)
    # The school with its site and rules; the site's notes; and, only if needed, the postcode points.
    assert len(chosen) - len(without) <= 3
