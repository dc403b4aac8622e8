"""Featuring offers on a municipal site in the back office: a picker that tells same-titled offers apart, new
rows that go last, and a form whose every field is labelled (the browser flow: test_featuring_offers_browser.py)."""

import re

import pytest

from municipalities.models import FeaturedOffer, MunicipalSite
from offers.models import Provider

SITES = "/admin/municipalities/municipalsite/"


@pytest.fixture
def consultant_client(client, consultant):
    client.force_login(consultant)
    return client


@pytest.fixture
def two_viking_ships(make_offer, provider):
    roskilde = Provider.objects.create(
        key="vikingeskibsmuseet",
        slug="vikingeskibsmuseet",
        name="Vikingeskibsmuseet",
        kind="museum",
        city="Roskilde",
    )
    return [
        make_offer("Byg et vikingeskib", key="skib-lejre", grades=["4-klasse", "5-klasse", "6-klasse"]),
        make_offer("Byg et vikingeskib", key="skib-roskilde", provider=roskilde, grades=["7-klasse"]),
    ]


@pytest.fixture
def site(lejre, published_offer):
    site = MunicipalSite.objects.create(municipality=lejre, title="Åben skole i Lejre")
    FeaturedOffer.objects.create(site=site, offer=published_offer, position=1)
    return site


def _autocomplete(client, model_name, field_name, term):
    return client.get(
        "/admin/autocomplete/",
        {"app_label": "municipalities", "model_name": model_name, "field_name": field_name, "term": term},
    ).json()["results"]


def test_the_offer_picker_tells_offers_with_the_same_title_apart(consultant_client, two_viking_ships):
    for model_name, field_name in [("featuredoffer", "offer"), ("municipalsite", "extra_offers")]:
        labels = sorted(
            result["text"] for result in _autocomplete(consultant_client, model_name, field_name, "Byg")
        )
        assert labels == [
            "Byg et vikingeskib – Lejre Museum, Lejre · 4.–6. klasse · Udgivet",
            "Byg et vikingeskib – Vikingeskibsmuseet, Roskilde · 7. klasse · Udgivet",
        ]


def test_the_picker_shows_a_chosen_offer_the_same_way(consultant_client, site, two_viking_ships):
    FeaturedOffer.objects.create(site=site, offer=two_viking_ships[1], position=2)
    html = consultant_client.get(f"{SITES}{site.pk}/change/").content.decode()
    assert "Byg et vikingeskib – Vikingeskibsmuseet, Roskilde · 7. klasse · Udgivet</option>" in html


def test_a_featured_offer_added_without_a_position_goes_last(consultant_client, site, two_viking_ships):
    first, second = two_viking_ships
    data = {
        "title": site.title,
        "include_local_offers": "on",
        "featured-TOTAL_FORMS": "3",
        "featured-INITIAL_FORMS": "1",
        "featured-0-id": str(site.featured.get().pk),
        "featured-0-site": str(site.pk),
        "featured-0-offer": str(site.featured.get().offer_id),
        "featured-0-position": "5",
        "featured-1-offer": str(first.pk),
        "featured-1-position": "",
        "featured-2-offer": str(second.pk),
        "featured-2-position": "",
    }
    response = consultant_client.post(f"{SITES}{site.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()
    assert [(entry.offer.key, entry.position) for entry in site.featured.all()] == [
        ("offer-1", 5),
        ("skib-lejre", 6),
        ("skib-roskilde", 7),
    ]


def test_a_new_row_starts_with_an_empty_position_not_zero(consultant_client, site):
    html = consultant_client.get(f"{SITES}{site.pk}/change/").content.decode()
    new_row = re.search(r'<input[^>]*name="featured-1-position"[^>]*>', html).group(0)
    assert 'value="' not in new_row


def test_every_field_of_a_featured_row_has_a_label(consultant_client, site):
    html = consultant_client.get(f"{SITES}{site.pk}/change/").content.decode()
    for name, label in [
        ("featured-0-position", "Placering"),
        ("featured-0-offer", "Tilbud"),
        ("featured-0-note", "Note"),
        ("featured-0-DELETE", "Slet denne række"),
        ("featured-1-offer", "Tilbud"),
    ]:
        field = re.search(rf'<(input|select)[^>]*name="{name}"[^>]*>', html).group(0)
        assert f'aria-label="{label}"' in field, field
