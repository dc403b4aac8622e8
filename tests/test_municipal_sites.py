"""Municipal sites (kommunesites): the selection rules, the public pages, the scoped search, the offer page's
"recommended by" and the consultant's coverage matrix."""

import random

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from municipalities.demo import seed_demo_sites
from municipalities.models import FeaturedOffer, Municipality, MunicipalSite
from offers.models import Offer, Provider


@pytest.fixture
def roskilde(db) -> Municipality:
    return Municipality.objects.get(code="265")


@pytest.fixture
def roskilde_provider(roskilde) -> Provider:
    return Provider.objects.create(
        key="vikingeskibsmuseet",
        slug="vikingeskibsmuseet",
        name="Vikingeskibsmuseet",
        kind="museum",
        municipality=roskilde,
    )


@pytest.fixture
def site(lejre) -> MunicipalSite:
    return MunicipalSite.objects.create(
        municipality=lejre,
        title="Åben skole i Lejre",
        intro="Kommunens udvalg af undervisningstilbud.",
        contact_name="Mette Holm",
        contact_email="aabenskole@lejre.example.dk",
        transport_info="Skoler kan søge kommunens transportpulje til bus.",
        goals="Alle elever skal lære uden for skolen hvert år.",
        published=True,
    )


@pytest.fixture
def offers(make_offer, roskilde_provider):
    """Local offers in Lejre and offers from Roskilde, in every status."""
    return {
        "local": make_offer("Lokalt forløb", key="lokalt"),
        "local_draft": make_offer("Lokalt udkast", key="lokalt-udkast", status=Offer.Status.DRAFT),
        "local_archived": make_offer(
            "Lokalt arkiveret", key="lokalt-arkiveret", status=Offer.Status.ARCHIVED
        ),
        "featured": make_offer("Vikingeskibe", key="vikingeskibe", provider=roskilde_provider),
        "featured_2": make_offer("Sejlads", key="sejlads", provider=roskilde_provider),
        "featured_archived": make_offer(
            "Arkiveret sejlads",
            key="arkiveret-sejlads",
            provider=roskilde_provider,
            status=Offer.Status.ARCHIVED,
        ),
        "extra": make_offer("Bådebyggeri", key="baadebyggeri", provider=roskilde_provider),
        "extra_draft": make_offer(
            "Udkast fra Roskilde",
            key="udkast-roskilde",
            provider=roskilde_provider,
            status=Offer.Status.DRAFT,
        ),
        "elsewhere": make_offer("Ikke valgt", key="ikke-valgt", provider=roskilde_provider),
    }


@pytest.fixture
def curated(site, offers) -> MunicipalSite:
    FeaturedOffer.objects.create(
        site=site, offer=offers["featured_2"], note="Kommunen betaler bussen", position=2
    )
    FeaturedOffer.objects.create(
        site=site, offer=offers["featured"], note="Gratis for kommunens skoler", position=1
    )
    FeaturedOffer.objects.create(site=site, offer=offers["featured_archived"], note="Udgået", position=3)
    site.extra_offers.set([offers["extra"], offers["extra_draft"]])
    return site


def _titles(queryset) -> set[str]:
    return set(queryset.values_list("title", flat=True))


# --- Selection rules ---


def test_the_selection_is_featured_local_and_added_offers_that_are_published(curated):
    assert _titles(curated.selection()) == {"Lokalt forløb", "Vikingeskibe", "Sejlads", "Bådebyggeri"}


def test_without_local_offers_the_selection_is_featured_and_added_offers_only(curated):
    curated.include_local_offers = False
    curated.save()
    assert _titles(curated.selection()) == {"Vikingeskibe", "Sejlads", "Bådebyggeri"}


def test_a_local_offer_that_is_also_featured_appears_once(curated, offers):
    FeaturedOffer.objects.create(site=curated, offer=offers["local"], position=9)
    assert curated.selection().filter(title="Lokalt forløb").count() == 1


def test_featured_entries_keep_the_consultants_order_and_skip_unpublished_offers(curated):
    assert [(e.offer.title, e.note) for e in curated.featured_entries()] == [
        ("Vikingeskibe", "Gratis for kommunens skoler"),
        ("Sejlads", "Kommunen betaler bussen"),
    ]


def test_archiving_an_offer_removes_it_from_every_list(curated, offers):
    offers["featured"].status = Offer.Status.ARCHIVED
    offers["featured"].save()
    assert "Vikingeskibe" not in _titles(curated.selection())
    assert "Vikingeskibe" not in [e.offer.title for e in curated.featured_entries()]


# --- Public pages ---


def test_the_list_shows_published_sites_by_region(client, curated, roskilde):
    MunicipalSite.objects.create(municipality=roskilde, title="Roskilde (kladde)", published=False)
    aarhus = Municipality.objects.get(code="751")
    MunicipalSite.objects.create(municipality=aarhus, title="Aarhus – den åbne skole", published=True)
    html = client.get("/kommuner/").content.decode()
    assert html.index("Region Midtjylland") < html.index("Aarhus Kommune") < html.index("Region Sjælland")
    assert html.index("Region Sjælland") < html.index("Lejre Kommune")
    assert "Roskilde" not in html


def test_the_site_page_shows_texts_featured_offers_in_order_with_notes_then_the_rest(client, curated):
    response = client.get("/kommuner/lejre/")
    html = response.content.decode()
    assert response.status_code == 200
    for text in [
        "Åben skole i Lejre",
        "Kommunens udvalg af undervisningstilbud.",
        "Mette Holm",
        "mailto:aabenskole@lejre.example.dk",
        "transportpulje",
        "Alle elever skal lære uden for skolen",
    ]:
        assert text in html
    positions = [html.index(title) for title in ["Vikingeskibe", "Gratis for kommunens skoler", "Sejlads"]]
    assert positions == sorted(positions)
    rest = html[html.index("Sejlads") :]
    assert "Bådebyggeri" in rest and "Lokalt forløb" in rest
    for hidden in ["Udkast", "udkast", "Arkiveret", "arkiveret", "Udgået", "Ikke valgt"]:
        assert hidden not in html
    assert html.count("Vikingeskibe") == 1  # featured, not repeated in the rest


def test_an_unknown_municipality_is_a_404(client, db):
    assert client.get("/kommuner/atlantis/").status_code == 404
    assert client.get("/kommuner/atlantis/tilbud/").status_code == 404


def test_an_unpublished_site_is_a_404_for_anonymous_visitors(client, curated):
    curated.published = False
    curated.save()
    assert client.get("/kommuner/lejre/").status_code == 404
    assert client.get("/kommuner/lejre/tilbud/").status_code == 404


def test_the_site_page_uses_a_constant_number_of_queries(client, site, make_offer):
    def queries() -> list[str]:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/kommuner/lejre/").status_code == 200
        return [query["sql"] for query in captured.captured_queries]

    # Both sizes have featured offers and the rest of the selection (an empty list needs no queries).
    for index in range(3):
        offer = make_offer(f"Forløb {index}", subjects=["historie"], grades=["4-klasse"])
        if index < 2:
            FeaturedOffer.objects.create(site=site, offer=offer, note="Gratis", position=index)
    small = queries()
    for index in range(30):
        offer = make_offer(f"Mere {index}", subjects=["dansk", "historie"], grades=["5-klasse"])
        if index % 3 == 0:
            FeaturedOffer.objects.create(site=site, offer=offer, note="Anbefalet", position=10 + index)
    large = queries()
    assert len(large) == len(small), "\n".join(large)


def test_a_large_selection_is_paginated(client, site, make_offer, settings):
    settings.PORTAL_PAGE_SIZE = 5
    for index in range(12):
        make_offer(f"Forløb {index:02d}")
    html = client.get("/kommuner/lejre/").content.decode()
    assert "Forløb 00" in html and "Forløb 05" not in html
    html = client.get("/kommuner/lejre/?page=3").content.decode()
    assert "Forløb 10" in html and "Forløb 00" not in html


# --- The offer page ---


def test_the_offer_page_names_the_published_sites_that_feature_it(client, curated, offers, roskilde):
    other = MunicipalSite.objects.create(municipality=roskilde, title="Roskilde", published=False)
    FeaturedOffer.objects.create(site=other, offer=offers["featured"], note="Hemmelig note")
    html = client.get(offers["featured"].get_absolute_url()).content.decode()
    assert "Lejre Kommune" in html
    assert 'href="/kommuner/lejre/"' in html
    assert "Gratis for kommunens skoler" in html
    assert "Hemmelig note" not in html


def test_an_offer_that_no_site_features_says_nothing_about_municipalities(client, curated, offers):
    html = client.get(offers["extra"].get_absolute_url()).content.decode()
    assert "featured-on-heading" not in html and "/kommuner/lejre/" not in html


# --- The scoped search ---


def test_the_scoped_search_finds_only_the_selection(client, curated):
    response = client.get("/kommuner/lejre/tilbud/")
    html = response.content.decode()
    assert response.status_code == 200
    for title in ["Vikingeskibe", "Sejlads", "Bådebyggeri", "Lokalt forløb"]:
        assert title in html
    for title in ["Ikke valgt", "Lokalt udkast", "Udkast fra Roskilde", "Arkiveret sejlads"]:
        assert title not in html


def test_the_scoped_search_filters_and_can_be_widened_to_the_whole_country(client, curated, offers):
    offers["featured"].subjects.set([])
    response = client.get("/kommuner/lejre/tilbud/", {"q": "sejlads"})
    html = response.content.decode()
    assert "Sejlads" in html
    assert "Lokalt forløb" not in html
    assert 'href="/tilbud/?q=sejlads"' in html


def test_the_scoped_search_counts_follow_changes_to_the_selection_at_once(client, curated, offers):
    def total() -> int:
        return client.get("/kommuner/lejre/tilbud/").context["total"]

    before = total()
    curated.extra_offers.add(offers["elsewhere"])
    assert total() == before + 1
    curated.featured.filter(offer=offers["featured"]).delete()
    assert total() == before
    curated.include_local_offers = False
    curated.save()
    assert total() == before - 1


def test_the_scoped_search_never_fails_on_bad_input(client, curated):
    response = client.get("/kommuner/lejre/tilbud/", {"fag": "findes-ikke", "klassetrin": "x", "page": "abc"})
    assert response.status_code == 200


# --- Coverage ---


@pytest.fixture
def consultant_client(client, consultant):
    client.force_login(consultant)
    return client


def test_coverage_counts_the_selection_per_subject_and_grade_and_marks_gaps(
    consultant_client, site, make_offer, offers
):
    make_offer("Historie for 4.", subjects=["historie"], grades=["4-klasse"])
    make_offer("Historie og dansk", subjects=["historie", "dansk"], grades=["4-klasse", "5-klasse"])
    make_offer("Udkast", subjects=["historie"], grades=["4-klasse"], status=Offer.Status.DRAFT)
    response = consultant_client.get("/kommuner/lejre/daekning/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<caption" in html and 'scope="row"' in html and 'scope="col"' in html
    link = '/kommuner/lejre/tilbud/?fag=historie&amp;klassetrin=4-klasse">2</a>'
    assert link in html
    assert '/kommuner/lejre/tilbud/?fag=dansk&amp;klassetrin=5-klasse">1</a>' in html
    gap = '/kommuner/lejre/daekning/matematik/4-klasse/"><span aria-hidden="true">○ </span>0'
    assert gap in html
    assert 'class="coverage-gap"' in html


def test_coverage_is_one_grouped_query_whatever_the_number_of_offers(
    consultant_client, site, make_offer, django_assert_max_num_queries
):
    for index in range(20):
        make_offer(f"Forløb {index}", subjects=["historie", "dansk"], grades=["4-klasse", "5-klasse"])
    with django_assert_max_num_queries(10):
        assert consultant_client.get("/kommuner/lejre/daekning/").status_code == 200


def test_a_teacher_cannot_see_coverage(client, site):
    teacher = get_user_model().objects.create_user("laerer", password="correct-horse-battery")
    client.force_login(teacher)
    assert client.get("/kommuner/lejre/daekning/").status_code == 403


# --- Demo data ---


def test_demo_sites_are_published_deterministic_and_feature_published_offers(make_offer, roskilde_provider):
    for index in range(10):
        make_offer(f"Lejre {index}", key=f"lejre-{index}")
        make_offer(f"Roskilde {index}", key=f"roskilde-{index}", provider=roskilde_provider)
    make_offer("Udkast", key="udkast", status=Offer.Status.DRAFT)

    def snapshot():
        return sorted(
            FeaturedOffer.objects.values_list("site__municipality__code", "offer__key", "note", "position")
        )

    count = seed_demo_sites(random.Random(4))
    first = snapshot()
    assert count == MunicipalSite.objects.published().count() >= 6
    assert seed_demo_sites(random.Random(4)) == count
    assert snapshot() == first
    assert not FeaturedOffer.objects.exclude(offer__status=Offer.Status.PUBLISHED).exists()
    assert MunicipalSite.objects.filter(contact_name="").count() == 1
    assert {note for _code, _key, note, _position in first} - {""}  # Danish notes on featured offers
