"""Crawlers find the pages worth indexing and not the endless filter permutations: robots.txt, a sitemap of
offers, places, published municipal sites and public partnerships, and a canonical link on every page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from municipalities.models import Municipality, MunicipalSite
from offers.models import Offer, Provider


def canonical(response) -> str:
    links = re.findall(r'<link rel="canonical" href="([^"]*)">', response.content.decode())
    assert len(links) == 1, links
    return links[0]


@pytest.fixture
def catalogue(make_offer, make_partnership, lejre, provider):
    make_offer("Vikingetid", key="vikingetid")
    make_offer("Kladde", key="kladde", status=Offer.Status.DRAFT)
    make_offer("Udgået", key="udgaaet", status=Offer.Status.ARCHIVED)
    Provider.objects.create(key="tomt-sted", slug="tomt-sted", name="Tomt sted", kind="museum")
    MunicipalSite.objects.create(municipality=lejre, title="Åben skole i Lejre", published=True)
    MunicipalSite.objects.create(municipality=Municipality.objects.get(code="265"), title="Roskilde (kladde)")
    make_partnership("Vikingeskibe og skolen", key="vikinger")
    make_partnership("Hemmeligt samarbejde", key="hemmeligt", public=False)


def test_robots_txt_keeps_crawlers_out_of_searches_and_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "User-agent: *" in text
    for rule in [
        "Disallow: /tilbud/?",
        "Disallow: /steder/?",
        "Disallow: /kommuner/*/tilbud/",
        "Disallow: /admin/",
    ]:
        assert rule in text.splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_the_sitemap_lists_public_pages_only(client, catalogue):
    response = client.get("/sitemap.xml")
    locations = set(re.findall(r"<loc>([^<]*)</loc>", response.content.decode()))
    assert response.status_code == 200
    assert {
        "http://testserver/",
        "http://testserver/tilbud/",
        "http://testserver/tilbud/vikingetid/",
        "http://testserver/steder/",
        "http://testserver/steder/lejre-museum/",
        "http://testserver/kommuner/lejre/",
        "http://testserver/samarbejder/vikinger/",
    } <= locations
    for hidden in ["kladde", "udgaaet", "tomt-sted", "roskilde", "hemmeligt", "?"]:
        assert not [url for url in locations if hidden in url], hidden
    assert "<lastmod>" in response.content.decode()


def test_the_sitemap_needs_the_same_number_of_queries_for_few_and_many_offers(client, make_offer):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/sitemap.xml").status_code == 200
        return len(captured)

    make_offer("Et")
    few = queries()
    for number in range(10):
        make_offer(f"Tilbud {number}")
    assert queries() == few


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/tilbud/", "http://testserver/tilbud/"),
        ("/tilbud/?q=vikinger&fag=historie&klassetrin=4-klasse&sorter=titel", "http://testserver/tilbud/"),
        ("/tilbud/?fag=historie&page=2", "http://testserver/tilbud/"),
        ("/tilbud/vikingetid/?utm_source=nyhedsbrev", "http://testserver/tilbud/vikingetid/"),
        ("/steder/?udbyder=museum&kommune=atlantis", "http://testserver/steder/"),
        ("/kommuner/lejre/tilbud/?fag=historie", "http://testserver/kommuner/lejre/tilbud/"),
        ("/samarbejder/?q=skibe", "http://testserver/samarbejder/"),
        ("/?junk=1", "http://testserver/"),
    ],
)
def test_every_page_links_to_its_canonical_address_without_filters_or_junk(client, catalogue, url, expected):
    assert canonical(client.get(url)) == expected


def test_a_later_page_of_an_unfiltered_list_is_its_own_canonical_address(
    client, catalogue, make_offer, settings
):
    settings.PORTAL_PAGE_SIZE = 1
    make_offer("Runer", key="runer")
    assert canonical(client.get("/tilbud/", {"page": "2"})) == "http://testserver/tilbud/?page=2"
    assert canonical(client.get("/tilbud/", {"page": "1"})) == "http://testserver/tilbud/"
