"""Any search printed ("Udskriv som PDF" on /tilbud/ → /tilbud/katalog.pdf?…), read as a teacher reads the
paper: the text as pdftotext extracts it, the pages counted, and the QR codes scanned."""

import pytest

from offers.models import Offer
from tests.pdf_tools import pdf_pages, pdf_qr_codes, pdf_text


@pytest.fixture
def offers(make_offer):
    make_offer(
        "Sejlads i vikingeskib",
        key="sejlads",
        subjects=["historie"],
        grades=["4-klasse", "5-klasse", "6-klasse"],
        price_dkk=450,
        duration_minutes=120,
    )
    make_offer("Arkæologi for begyndere", key="arkaeologi", subjects=["historie"], grades=["8-klasse"])
    make_offer("Frøer i mosen", key="froeer", subjects=["biologi"], grades=["dagtilbud"], price_dkk=0)
    make_offer("Kladde om vikinger", key="kladde", subjects=["historie"], status=Offer.Status.DRAFT)


def printed(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response.content


def text_of(pdf: bytes) -> str:
    return " ".join(pdf_text(pdf).split())


def test_the_cover_says_what_was_searched_for_and_how_many_offers_are_printed(client, offers):
    text = text_of(printed(client, "/tilbud/katalog.pdf?fag=historie&sorter=titel"))
    assert text.startswith("ÅBEN SKOLE-PORTALEN Undervisningstilbud Fag: Historie 2 tilbud Udskrevet")
    assert "Søgningen fandt" not in text  # nothing left out


def test_the_search_s_offers_are_printed_in_its_order_with_their_facts_and_indexes(client, offers):
    pdf = printed(client, "/tilbud/katalog.pdf?fag=historie&sorter=titel")
    text = text_of(pdf)
    assert "Kladde om vikinger" not in text and "Frøer i mosen" not in text
    assert text.index("1 Arkæologi for begyndere") < text.index("2 Sejlads i vikingeskib")
    assert (
        "2 Sejlads i vikingeskib Lejre Museum, Lejre Klassetrin: 4.–6. klasse · Pris: 450 kr. pr. klasse · "
        "Varighed: 2 timer"
    ) in text
    assert "Tilbud efter fag Tallene er tilbuddenes numre i kataloget. Historie 1, 2" in text
    assert pdf_pages(pdf) == 4  # cover, contents, indexes, offers
    assert pdf_qr_codes(pdf) == ["http://testserver/tilbud/arkaeologi/", "http://testserver/tilbud/sejlads/"]


def test_a_search_with_more_offers_than_the_limit_prints_the_first_and_says_so_on_the_cover(
    client, offers, settings
):
    settings.PORTAL_PRINT_MAX_OFFERS = 2
    text = text_of(printed(client, "/tilbud/katalog.pdf?sorter=titel"))
    assert (
        "Søgningen fandt 3 tilbud. Kataloget har de første 2; afgræns søgningen for at udskrive resten."
    ) in text
    assert "1 Arkæologi for begyndere" in text and "2 Frøer i mosen" in text
    assert "Sejlads i vikingeskib" not in text


def test_the_search_page_says_when_only_the_first_offers_are_printed(client, offers, settings):
    settings.PORTAL_PRINT_MAX_OFFERS = 2
    page = client.get("/tilbud/").text
    assert 'Udskriv som PDF</a> <span class="meta">(de første 2 tilbud)</span>' in page


def test_the_printed_search_comes_from_the_cache_until_the_catalogue_changes(
    client, offers, django_assert_max_num_queries
):
    assert "Sejlads i vikingeskib" in text_of(printed(client, "/tilbud/katalog.pdf?q=sejlads"))
    with django_assert_max_num_queries(2):  # the catalogue version and the reference data's version check
        printed(client, "/tilbud/katalog.pdf?q=sejlads")
    Offer.objects.filter(key="sejlads").update(title="Sejlads i langskib")
    text = text_of(printed(client, "/tilbud/katalog.pdf?q=sejlads"))
    assert "Sejlads i langskib" in text and "Sejlads i vikingeskib" not in text


def test_the_number_of_queries_does_not_grow_with_the_offers(
    client, offers, make_offer, django_assert_max_num_queries
):
    for n in range(10):
        make_offer(f"Ekstra tilbud {n}", subjects=["dansk"], grades=["2-klasse"])
    with django_assert_max_num_queries(8):
        printed(client, "/tilbud/katalog.pdf")


def test_a_search_without_hits_prints_a_cover_that_says_so(client, offers):
    text = text_of(printed(client, "/tilbud/katalog.pdf?q=rumraketter"))
    assert "0 tilbud" in text


def test_nonsense_parameters_are_left_out_not_an_error(client, offers):
    text = text_of(printed(client, "/tilbud/katalog.pdf?fag=findes-ikke&page=-1&dato=igår"))
    assert "3 tilbud" in text


def test_the_printed_search_is_only_read(client, offers):
    assert client.post("/tilbud/katalog.pdf").status_code == 405


def test_a_qr_code_follows_its_offer_to_a_new_address(client, offers):
    url = "/tilbud/katalog.pdf?q=sejlads"
    assert pdf_qr_codes(printed(client, url)) == ["http://testserver/tilbud/sejlads/"]
    Offer.objects.filter(key="sejlads").update(slug="sejlads-i-vikingeskib")
    assert pdf_qr_codes(printed(client, url)) == ["http://testserver/tilbud/sejlads-i-vikingeskib/"]


def test_while_every_print_slot_is_taken_a_new_catalogue_is_refused_with_a_503_and_a_cached_one_is_served(
    client, offers, settings
):
    from django.core.cache import cache

    settings.PORTAL_PRINT_SLOTS = 1
    cached = printed(client, "/tilbud/katalog.pdf?fag=historie")
    cache.add("portal.pdf.slot.0", True)  # another server lays out a catalogue right now

    response = client.get("/tilbud/katalog.pdf?fag=biologi")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Portalen er midlertidigt utilgængelig" in response.content.decode()
    assert printed(client, "/tilbud/katalog.pdf?fag=historie") == cached

    cache.delete("portal.pdf.slot.0")  # that one is done: the next asks are laid out again
    assert pdf_text(printed(client, "/tilbud/katalog.pdf?fag=biologi"))
