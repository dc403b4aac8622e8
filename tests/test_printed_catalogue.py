"""A municipality's printed catalogue (/kommuner/<slug>/katalog.pdf), read as a teacher reads the paper: the
text as pdftotext extracts it, the pages counted, and the QR codes scanned."""

import re

import pytest
from django.utils import timezone

from municipalities.catalogue import school_year
from municipalities.models import FeaturedOffer, MunicipalSite
from offers.models import Offer
from tests.pdf_tools import pdf_pages, pdf_qr_codes, pdf_text


@pytest.fixture
def site(lejre, make_offer):
    """Lejre's published site: one featured offer with a note, two more local offers, one draft."""
    site = MunicipalSite.objects.create(
        municipality=lejre,
        title="Åben skole i Lejre",
        intro="Her er kommunens udvalg af tilbud til skoler og dagtilbud.",
        transport_info="Skolerne kan søge transportpuljen senest fire uger før besøget.",
        published=True,
    )
    sailing = make_offer(
        "Sejlads i vikingeskib",
        key="sejlads",
        subjects=["historie"],
        grades=["4-klasse", "5-klasse", "6-klasse"],
        price_dkk=450,
        duration_minutes=120,
    )
    make_offer("Arkæologi for begyndere", key="arkaeologi", subjects=["historie"], grades=["8-klasse"])
    make_offer("Frøer i mosen", key="froeer", subjects=["biologi"], grades=["dagtilbud"], price_dkk=0)
    make_offer("Kladde om kludetæpper", key="kladde", status=Offer.Status.DRAFT)
    FeaturedOffer.objects.create(site=site, offer=sailing, note="Gratis for kommunens skoler", position=1)
    return site


def text_of(client, url="/kommuner/lejre/katalog.pdf") -> str:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return " ".join(pdf_text(response.content).split())  # one line: pdftotext breaks lines as it lays out


def test_the_cover_names_the_site_the_municipality_and_the_school_year(client, site):
    text = text_of(client)
    year = school_year(timezone.localdate())
    assert text.startswith(
        f"ÅBEN SKOLE-PORTALEN Åben skole i Lejre Lejre Kommune · Skoleåret {year} 3 tilbud"
    )


@pytest.mark.parametrize(
    ("day", "year"),
    [
        ("2026-07-31", "2025/26"),
        ("2026-08-01", "2026/27"),
        ("2026-12-24", "2026/27"),
        ("2099-09-01", "2099/00"),
    ],
)
def test_the_school_year_runs_from_august_to_july(day, year):
    from datetime import date

    assert school_year(date.fromisoformat(day)) == year


def test_the_catalogue_prints_the_introduction_transport_and_contents_with_page_numbers(client, site):
    text = text_of(client)
    assert "Her er kommunens udvalg af tilbud til skoler og dagtilbud." in text
    assert "Transport Skolerne kan søge transportpuljen senest fire uger før besøget." in text
    contents = re.search(r"Indhold (.*?) Introduktion Her er", text).group(1)
    assert re.fullmatch(
        r"Introduktion ?\.+ 2 Transport ?\.+ 2 Tilbud efter fag ?\.+ 3 Tilbud efter klassetrin ?\.+ 3 "
        r"Kommunen anbefaler ?\.+ 4 Flere tilbud til kommunens skoler ?\.+ 4",
        contents,
    ), contents


def test_every_published_offer_is_printed_with_its_facts_the_featured_one_first_with_its_note(client, site):
    text = text_of(client)
    assert "Kladde om kludetæpper" not in text  # drafts never print
    featured = text.index("1 Sejlads i vikingeskib")
    assert featured < text.index("2 Arkæologi for begyndere") < text.index("3 Frøer i mosen")
    assert (
        "1 Sejlads i vikingeskib Lejre Museum, Lejre Klassetrin: 4.–6. klasse · Pris: 450 kr. pr. klasse · "
        "Varighed: 2 timer · Besøg på stedet · Hele året Eleverne prøver livet i vikingetiden. "
        "Note fra Lejre Kommune: Gratis for kommunens skoler"
    ) in text
    assert "Klassetrin: Dagtilbud (0–6 år) · Pris: Gratis" in text


def test_the_indexes_give_the_offer_numbers_by_subject_and_by_grade_stage(client, site):
    text = text_of(client)
    by_subject = re.search(
        r"Tilbud efter fag .*? Tilbud efter klassetrin", text[text.index("Tilbud efter fag Tallene") :]
    )
    assert "Biologi 3 Historie 1, 2" in by_subject.group(0)
    assert (
        "Tilbud efter klassetrin Dagtilbud 3 Mellemtrin (4.–6. klasse) 1 Udskoling (7.–10. klasse) 2" in text
    )


def test_each_offer_has_a_qr_code_that_leads_to_its_page(client, site):
    pdf = client.get("/kommuner/lejre/katalog.pdf").content
    assert pdf_qr_codes(pdf) == [
        "http://testserver/tilbud/sejlads/",
        "http://testserver/tilbud/arkaeologi/",
        "http://testserver/tilbud/froeer/",
    ]


def test_the_catalogue_has_a_cover_a_contents_page_an_index_page_and_the_offers(client, site):
    assert pdf_pages(client.get("/kommuner/lejre/katalog.pdf").content) == 4


def test_the_catalogue_comes_from_the_cache_until_the_catalogue_changes(
    client, site, django_assert_max_num_queries
):
    assert "Sejlads i vikingeskib" in text_of(client)
    with django_assert_max_num_queries(2):  # the site and the catalogue version
        assert client.get("/kommuner/lejre/katalog.pdf").status_code == 200
    Offer.objects.filter(key="sejlads").update(title="Sejlads i langskib")
    text = text_of(client)
    assert "Sejlads i langskib" in text and "Sejlads i vikingeskib" not in text


def test_the_number_of_queries_does_not_grow_with_the_offers(
    client, site, make_offer, django_assert_max_num_queries
):
    for n in range(10):
        make_offer(f"Ekstra tilbud {n}", subjects=["dansk"], grades=["2-klasse"])
    with django_assert_max_num_queries(10):
        assert client.get("/kommuner/lejre/katalog.pdf").status_code == 200


def test_an_unpublished_site_has_no_public_catalogue_but_its_consultant_can_preview_it(
    client, site, consultant
):
    MunicipalSite.objects.filter(pk=site.pk).update(published=False)
    assert client.get("/kommuner/lejre/katalog.pdf").status_code == 404
    client.force_login(consultant)
    assert "Sejlads i vikingeskib" in text_of(client)


def test_the_catalogue_is_only_read(client, site):
    assert client.post("/kommuner/lejre/katalog.pdf").status_code == 405


def test_the_public_site_and_the_consultants_admin_page_link_to_the_catalogue(client, site, consultant):
    assert 'href="/kommuner/lejre/katalog.pdf"' in client.get("/kommuner/lejre/").content.decode()
    client.force_login(consultant)
    admin_page = client.get(f"/admin/municipalities/municipalsite/{site.pk}/change/").content.decode()
    assert 'href="/kommuner/lejre/katalog.pdf"' in admin_page
