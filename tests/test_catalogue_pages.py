"""The public catalogue pages: an offer's page, the learning places, what the public never sees (drafts,
archived offers, raw input), and a number of queries that does not grow with the number of offers."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from municipalities.models import Municipality
from offers.models import SDG, Offer, Provider


@pytest.fixture
def rich_offer(make_offer) -> Offer:
    offer = make_offer(
        "Vikingetid på egen krop",
        key="vikingetid",
        subjects=["historie", "natur-teknologi"],
        grades=["4-klasse", "5-klasse", "6-klasse"],
        price_dkk=750,
        duration_minutes=150,
        max_participants=28,
        available_from=datetime.date(2026, 8, 1),
        available_to=datetime.date(2027, 6, 30),
        booking_url="https://booking.example.dk/vikinger",
        booking_email="booking@lejre-museum.example.dk",
        themes=["jernalder"],
        description="<p>Eleverne maler korn og bager brød.</p>",
        languages=["da", "en"],
    )
    offer.sdgs.set(SDG.objects.filter(number=4))
    return offer


@pytest.fixture
def odense_place(db) -> Provider:
    return Provider.objects.create(
        key="naturskolen",
        slug="naturskolen",
        name="Naturskolen Odense",
        kind=Provider.Kind.NATURE,
        municipality=Municipality.objects.get(code="461"),
    )


def main_of(response) -> str:
    return response.content.decode().split("<main")[1].split("</main>")[0]


# --- An offer's page ---


def test_an_offer_page_has_what_a_teacher_needs_to_decide_and_book(client, rich_offer):
    response = client.get("/tilbud/vikingetid/")
    main = main_of(response)

    assert response.status_code == 200
    assert "<h1>Vikingetid på egen krop</h1>" in main
    assert '<a href="/steder/lejre-museum/">Lejre Museum</a>' in main  # who
    assert "Orehøjvej 4, 4320 Lejre" in main  # where
    assert "Fra 1. august 2026 til 30. juni 2027" in main  # when
    assert "4. klasse, 5. klasse, 6. klasse" in main
    assert "Historie, Natur/teknologi" in main
    assert "750 kr. pr. klasse" in main
    assert "2 timer 30 minutter" in main
    assert "<dt>Antal deltagere</dt><dd>Op til 28</dd>" in main
    assert "Besøg på stedet" in main
    assert 'href="https://booking.example.dk/vikinger"' in main
    assert 'href="mailto:booking@lejre-museum.example.dk"' in main
    assert "4. Kvalitetsuddannelse" in main
    assert "<p>Eleverne maler korn og bager brød.</p>" in main
    assert "jernalder" in main


def test_an_offer_page_links_to_the_place_on_a_map_without_scripts_from_other_hosts(client, rich_offer):
    body = client.get("/tilbud/vikingetid/").content.decode()

    assert (
        '<a href="https://www.openstreetmap.org/?mlat=55.60000&amp;mlon=11.97000#map=15/55.60000/11.97000"'
        in body
    )
    assert all(src.startswith("/static/") for src in re.findall(r'<script[^>]*src="([^"]*)"', body))
    assert "<iframe" not in body


def test_a_free_offer_without_details_says_so_instead_of_leaving_gaps(client, make_offer):
    make_offer("Åben værksted", key="vaerksted", price_dkk=0)

    main = main_of(client.get("/tilbud/vaerksted/"))

    assert "Gratis" in main
    assert "Hele året" in main
    assert main.count("Ikke oplyst") == 4  # grades, subjects, duration, capacity


def test_related_offers_share_subjects_most_shared_first_and_never_include_drafts(
    client, rich_offer, make_offer, odense_place
):
    make_offer("Runer og skrift", key="runer", subjects=["historie"])
    make_offer("Jernalderens landsby", key="landsby", subjects=["historie", "natur-teknologi"])
    make_offer("Udkast om vikinger", key="udkast", subjects=["historie"], status=Offer.Status.DRAFT)
    make_offer("Smådyr i åen", key="smaadyr", subjects=["biologi"], provider=odense_place)

    response = client.get("/tilbud/vikingetid/")

    assert [offer.title for offer in response.context["related"]] == [
        "Jernalderens landsby",
        "Runer og skrift",
    ]
    assert "Relaterede tilbud" in main_of(response)


# --- Only published offers are public ---


@pytest.mark.parametrize("status", [Offer.Status.DRAFT, Offer.Status.ARCHIVED])
def test_drafts_and_archived_offers_are_not_shown_and_absent_everywhere(client, make_offer, provider, status):
    make_offer("Synligt tilbud", key="synligt")
    make_offer("Hemmelig zeppelinrejse", key="skjult", status=status)

    assert client.get("/tilbud/skjult/").status_code == (410 if status == Offer.Status.ARCHIVED else 404)
    assert client.get("/api/tilbud/skjult/").status_code == 404
    for url in ["/tilbud/", "/tilbud/?q=zeppelinrejse", "/steder/", "/steder/lejre-museum/", "/api/tilbud/"]:
        response = client.get(url)
        assert response.status_code == 200
        assert "Hemmelig" not in response.content.decode(), url
    assert client.get("/tilbud/", {"q": "zeppelinrejse"}).context["total"] == 0
    assert "1 tilbud" in main_of(client.get("/steder/"))


def test_back_office_staff_preview_a_draft_with_a_warning_but_a_consultant_does_not(
    client, make_offer, staff_user, consultant
):
    make_offer("Hemmelig zeppelinrejse", key="skjult", status=Offer.Status.DRAFT)

    client.force_login(consultant)
    assert client.get("/tilbud/skjult/").status_code == 404
    client.force_login(staff_user)
    response = client.get("/tilbud/skjult/")
    assert response.status_code == 200
    assert "Forhåndsvisning" in main_of(response) and "Hemmelig zeppelinrejse" in main_of(response)
    assert "Hemmelig" not in client.get("/tilbud/").content.decode()


def test_a_misspelling_never_suggests_a_word_only_a_draft_contains(client, make_offer):
    make_offer("Hemmelig zeppelinrejse", key="skjult", status=Offer.Status.DRAFT)

    response = client.get("/tilbud/", {"q": "zepelinrejse"})

    assert response.context["total"] == 0
    assert response.context["suggestions"] == []
    assert "zeppelin" not in main_of(response)


# --- Learning places ---


def test_the_list_of_places_shows_places_with_published_offers_and_their_count(
    client, make_offer, odense_place
):
    make_offer("Vikingetid", key="a")
    make_offer("Runer", key="b")
    make_offer("Udkast", key="c", provider=odense_place, status=Offer.Status.DRAFT)

    main = main_of(client.get("/steder/"))

    assert '<a href="/steder/lejre-museum/">Lejre Museum</a>' in main
    assert "2 tilbud" in main
    assert "Naturskolen Odense" not in main


def test_a_place_page_shows_its_published_offers_and_where_it_is(client, make_offer, provider):
    make_offer("Vikingetid", key="a")
    make_offer("Arkiveret forløb", key="b", status=Offer.Status.ARCHIVED)

    response = client.get("/steder/lejre-museum/")
    main = main_of(response)

    assert response.status_code == 200
    assert "<h1>Lejre Museum</h1>" in main
    assert [offer.title for offer in response.context["page"]] == ["Vikingetid"]
    assert "Arkiveret forløb" not in main
    assert "https://www.openstreetmap.org/?mlat=55.60000" in main
    assert client.get("/steder/findes-ikke/").status_code == 404


# --- Junk in the address ---


JUNK = "<script>alert(1)</script>"


@pytest.mark.parametrize(
    "params",
    [
        {"fag": "nonexistent", "klassetrin": JUNK, "page": "999999", "kommune": "abc"},
        {"q": JUNK, "dato": JUNK, "sorter": JUNK, "gratis": JUNK, "verdensmaal": "99", "page": "-1"},
        {"region": JUNK, "format": JUNK, "udbyder": JUNK, "page": JUNK},
        {"q": "'\\:*|&!()" * 30, "fag": ["historie"] * 50},
    ],
)
def test_junk_in_the_address_gives_a_normal_page_without_reflected_markup(client, published_offer, params):
    response = client.get("/tilbud/", params)
    body = response.content.decode()

    assert response.status_code == 200
    assert "<script>alert" not in body
    assert "<h1>Undervisningstilbud</h1>" in body


def test_a_page_number_past_the_end_shows_the_last_page(client, make_offer, settings):
    settings.PORTAL_PAGE_SIZE = 2
    for n in range(5):
        make_offer(f"Tilbud {n}", key=f"tilbud-{n}")

    response = client.get("/tilbud/", {"page": "999999"})

    assert response.context["page"].number == 3
    assert [offer.title for offer in response.context["page"]] == ["Tilbud 0"]
    assert "Side 3 af 3" in main_of(response)


def test_the_search_is_paginated_with_links_that_keep_the_filters(client, make_offer, settings):
    settings.PORTAL_PAGE_SIZE = 2
    for n in range(5):
        make_offer(f"Tilbud {n}", key=f"tilbud-{n}", subjects=["historie"])

    first = client.get("/tilbud/", {"fag": "historie", "sorter": "titel"})
    second = client.get("/tilbud/", {"fag": "historie", "sorter": "titel", "page": "2"})

    assert [offer.title for offer in first.context["page"]] == ["Tilbud 0", "Tilbud 1"]
    assert '<a rel="next" href="?fag=historie&amp;sorter=titel&amp;page=2">' in main_of(first)
    assert [offer.title for offer in second.context["page"]] == ["Tilbud 2", "Tilbud 3"]
    assert '<a rel="prev" href="?fag=historie&amp;sorter=titel&amp;page=1">' in main_of(second)


@pytest.mark.parametrize("url", ["/steder/?page=abc", "/steder/lejre-museum/?page=999", "/tilbud/?page=0"])
def test_bad_page_numbers_on_other_lists_are_harmless(client, published_offer, url):
    assert client.get(url).status_code == 200


# --- Queries do not grow with the number of offers ---


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


def add_offers(make_offer, places, count: int, start: int) -> None:
    for n in range(start, start + count):
        offer = make_offer(
            f"Vikingetid {n}",
            key=f"vikingetid-{n}",
            provider=places[n % len(places)],
            subjects=["historie", "dansk"],
            grades=["4-klasse", "5-klasse"],
        )
        offer.sdgs.set(SDG.objects.filter(number__in=[4, 14]))


COUNTED = [
    "/tilbud/",
    "/tilbud/?q=vikinge",
    "/tilbud/?q=vikingtid",  # a misspelling: the similar-words path
    "/tilbud/?q=xylofon&fag=matematik",  # no hits: the way-out counts
    "/tilbud/?fag=historie&klassetrin=4-klasse&sorter=titel",
    "/api/tilbud/",
    "/api/tilbud/?q=vikinge&fag=historie",
    "/steder/",
    "/steder/lejre-museum/",
    "/tilbud/vikingetid-0/",
]


def test_the_number_of_queries_does_not_grow_with_the_number_of_offers(
    client, make_offer, provider, odense_place
):
    places = [provider, odense_place]
    add_offers(make_offer, places, 3, start=0)
    few = {url: queries(client, url) for url in COUNTED}

    add_offers(make_offer, places, 27, start=3)
    many = {url: queries(client, url) for url in COUNTED}

    assert many == few
    assert few["/tilbud/"] <= 8  # uncached: reference data, version, counts, page ids, page, 3 relations
    assert few["/api/tilbud/"] <= 8
    assert max(few.values()) <= 11


# --- Cached counts ---


def search(client, **params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/tilbud/", params)
    facet = {f.name: {c.value: c.count for c in f.choices} for f in response.context["facets"]}
    return response.context["total"], facet.get("fag", {}), len(captured.captured_queries)


def test_a_repeated_search_reuses_its_counts_until_the_catalogue_changes(client, make_offer):
    first = make_offer("Zeppelinen over Lejre", key="zeppelin-1", subjects=["historie"])
    total, subjects, cold = search(client, q="zeppelin")
    assert (total, subjects) == (1, {"historie": 1})
    total, subjects, warm = search(client, q="zeppelin")
    assert (total, subjects) == (1, {"historie": 1}) and warm < cold  # counted once, then cached

    second = make_offer("Zeppelinens historie", key="zeppelin-2", subjects=["historie"])
    assert search(client, q="zeppelin")[:2] == (2, {"historie": 2})
    assert len(client.get("/tilbud/", {"q": "zeppelin"}).context["page"]) == 2

    second.subjects.set([])
    assert search(client, q="zeppelin")[:2] == (2, {"historie": 1})

    Offer.objects.filter(pk=first.pk).update(status=Offer.Status.DRAFT)
    assert search(client, q="zeppelin")[:2] == (1, {})
    assert [offer.title for offer in client.get("/tilbud/", {"q": "zeppelin"}).context["page"]] == [
        "Zeppelinens historie"
    ]
