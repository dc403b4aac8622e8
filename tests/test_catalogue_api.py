"""The catalogue as JSON: /api/tilbud/ (the same search, parameters and order as /tilbud/, paginated) and
/api/tilbud/<slug>/. Published offers only; bad parameters get a clear JSON error."""

import datetime

import pytest

from municipalities.models import Municipality
from offers.models import SDG, Offer, Provider


@pytest.fixture
def catalogue(make_offer, provider):
    odense = Provider.objects.create(
        key="naturskolen",
        slug="naturskolen",
        name="Naturskolen Odense",
        kind=Provider.Kind.NATURE,
        municipality=Municipality.objects.get(code="461"),
    )
    vikings = make_offer(
        "Vikingetid på egen krop",
        key="vikingetid",
        subjects=["historie", "dansk"],
        grades=["4-klasse", "5-klasse"],
        price_dkk=0,
        summary="Eleverne prøver livet i vikingetiden.",
        duration_minutes=120,
        max_participants=28,
        available_from=datetime.date(2026, 8, 1),
        booking_email="booking@lejre-museum.example.dk",
    )
    vikings.sdgs.set(SDG.objects.filter(number__in=[4, 11]))
    make_offer("Byg et vikingeskib", key="vikingeskib", subjects=["historie"], summary="Om skibe.")
    make_offer("Smådyr i åen", key="smaadyr", subjects=["biologi"], provider=odense, summary="Liv i vand.")
    make_offer("Udkast", key="udkast", status=Offer.Status.DRAFT)
    make_offer("Arkiveret", key="arkiveret", status=Offer.Status.ARCHIVED)


def api(client, **params):
    response = client.get("/api/tilbud/", params)
    assert response["Content-Type"] == "application/json"
    return response


def test_an_item_has_the_fields_an_integration_needs(client, catalogue):
    data = api(client, q="vikingetid").json()

    assert data["count"] == 1
    assert data["results"] == [
        {
            "key": "vikingetid",
            "slug": "vikingetid",
            "url": "http://testserver/tilbud/vikingetid/",
            "title": "Vikingetid på egen krop",
            "summary": "Eleverne prøver livet i vikingetiden.",
            "provider": {"key": "lejre-museum", "slug": "lejre-museum", "name": "Lejre Museum"},
            "municipality_code": "350",
            "subjects": ["dansk", "historie"],
            "grades": ["4-klasse", "5-klasse"],
            "format": "visit",
            "price_dkk": 0,
            "sdgs": [4, 11],
        }
    ]


def test_only_published_offers_are_listed(client, catalogue):
    slugs = {item["slug"] for item in api(client).json()["results"]}

    assert slugs == {"vikingetid", "vikingeskib", "smaadyr"}


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "vikinge"},
        {"q": "vikingskib"},
        {"q": "vikinge", "sorter": "titel"},
        {"sorter": "title"},
        {"fag": ["historie", "biologi"], "sorter": "nyeste"},
        {"kommune": "350", "gratis": "1"},
        {"region": "1083"},
    ],
)
def test_the_api_finds_the_same_offers_in_the_same_order_as_the_page(client, catalogue, params):
    page = [offer.slug for offer in client.get("/tilbud/", params).context["page"]]
    listed = [item["slug"] for item in api(client, **params).json()["results"]]

    assert listed == page


def test_the_list_is_paginated_with_links_that_keep_the_search(client, make_offer, settings):
    settings.PORTAL_PAGE_SIZE = 2
    for n in range(5):
        make_offer(f"Historie {n}", key=f"historie-{n}", subjects=["historie"])

    first = api(client, fag="historie").json()
    last = api(client, fag="historie", page="3").json()

    assert (first["count"], first["page"], first["pages"], len(first["results"])) == (5, 1, 3, 2)
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/tilbud/?fag=historie&page=2"
    assert client.get(first["next"]).json()["results"][0]["slug"] == "historie-2"
    assert [item["slug"] for item in last["results"]] == ["historie-0"]
    assert last["next"] is None
    assert last["previous"] == "http://testserver/api/tilbud/?fag=historie&page=2"


def test_an_offer_in_detail_adds_booking_and_place(client, catalogue):
    response = client.get("/api/tilbud/vikingetid/")
    data = response.json()

    assert response.status_code == 200
    assert data["title"] == "Vikingetid på egen krop"
    assert data["duration_minutes"] == 120
    assert data["max_participants"] == 28
    assert data["available_from"] == "2026-08-01"
    assert data["available_to"] is None
    assert data["booking_email"] == "booking@lejre-museum.example.dk"
    assert data["provider"]["url"] == "http://testserver/steder/lejre-museum/"
    assert (data["provider"]["latitude"], data["provider"]["longitude"]) == (55.6, 11.97)
    assert data["sdgs"] == [4, 11]


@pytest.mark.parametrize("slug", ["udkast", "arkiveret", "findes-ikke"])
def test_drafts_archived_and_unknown_offers_are_404_in_json(client, catalogue, slug):
    response = client.get(f"/api/tilbud/{slug}/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"error": "No published offer with this slug."}


def test_unknown_parameter_values_are_a_400_naming_the_parameters(client, catalogue):
    response = api(client, fag="nonexistent", klassetrin="<script>", page="999999", kommune="abc")

    assert response.status_code == 400
    assert response.json() == {"error": "Invalid parameters.", "parameters": ["fag", "klassetrin", "kommune"]}
    assert "<script>" not in response.content.decode()


@pytest.mark.parametrize("page", ["999999", "abc", "0", "-1"])
def test_a_page_that_does_not_exist_is_a_404_in_json(client, catalogue, page):
    response = api(client, page=page)

    assert response.status_code == 404
    assert response.json() == {"error": "No such page."}


def test_the_api_is_read_only(client, catalogue):
    assert client.post("/api/tilbud/", {}).status_code == 405
    assert client.delete("/api/tilbud/vikingetid/").status_code == 405
