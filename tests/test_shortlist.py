"""The shortlist "Min liste": a teacher marks offers without a login (plain forms, session), sees them on
/min-liste/, downloads them as PDF and shares a link that holds only the offer keys."""

import pytest
from django.test import Client

from offers.models import Offer
from offers.shortlist import MAX_OFFERS, SESSION_KEY
from tests.pdf_tools import pdf_pages, pdf_qr_codes, pdf_text


@pytest.fixture
def offers(make_offer):
    return [
        make_offer("Sejlads i vikingeskib", key="sejlads", grades=["5-klasse"], price_dkk=450),
        make_offer("Frøer i mosen", key="froeer", grades=["dagtilbud"], price_dkk=0),
        make_offer("Arkæologi for begyndere", key="arkaeologi"),
    ]


def add(client, key, from_page="http://testserver/tilbud/"):
    return client.post("/min-liste/tilfoej/", {"tilbud": key}, headers={"referer": from_page})


def test_a_teacher_adds_offers_from_the_cards_and_sees_them_on_her_list_in_that_order(client, offers):
    catalogue = client.get("/tilbud/").content.decode()
    assert 'action="/min-liste/tilfoej/"' in catalogue and 'value="sejlads"' in catalogue
    response = add(client, "froeer")
    assert (response.status_code, response["Location"]) == (302, "http://testserver/tilbud/")
    add(client, "sejlads")
    page = client.get("/min-liste/").content.decode()
    assert page.index("Frøer i mosen") < page.index("Sejlads i vikingeskib")
    assert "Arkæologi for begyndere" not in page
    assert "450 kr. pr. klasse" in page and "Dagtilbud (0–6 år)" in page
    assert "Min liste (2)" in page  # the menu counts them


def test_a_card_on_the_list_offers_to_remove_it_and_removing_works(client, offers):
    add(client, "sejlads")
    catalogue = client.get("/tilbud/").content.decode()
    sailing = catalogue[catalogue.index('<a href="/tilbud/sejlads/">') :]
    assert (
        sailing.index('value="sejlads"') < sailing.index("Fjern fra min liste") < sailing.index("</article>")
    )
    assert catalogue.count("Tilføj til min liste") == 2  # the other two
    client.post(
        "/min-liste/fjern/", {"tilbud": "sejlads"}, headers={"referer": "http://testserver/min-liste/"}
    )
    assert "Din liste er tom." in client.get("/min-liste/").content.decode()


def test_adding_needs_the_forms_csrf_token(offers):
    client = Client(enforce_csrf_checks=True)
    assert add(client, "sejlads").status_code == 403


def test_only_published_offers_can_be_added(client, offers, make_offer):
    make_offer("Kladde", key="kladde", status=Offer.Status.DRAFT)
    assert add(client, "kladde").status_code == 404
    assert add(client, "findes-ikke").status_code == 404
    assert client.session.get(SESSION_KEY) is None


def test_after_adding_the_teacher_goes_back_to_her_page_but_never_to_another_site(client, offers):
    assert add(client, "froeer", from_page="http://testserver/tilbud/?q=fr%C3%B8er")["Location"] == (
        "http://testserver/tilbud/?q=fr%C3%B8er"
    )
    assert add(client, "sejlads", from_page="https://evil.example/")["Location"] == "/tilbud/sejlads/"
    assert add(client, "sejlads", from_page="")["Location"] == "/tilbud/sejlads/"


def test_a_full_list_takes_no_more_offers_and_says_so(client, offers):
    session = client.session
    session[SESSION_KEY] = [f"tilbud-{n}" for n in range(MAX_OFFERS)]
    session.save()
    response = add(client, "sejlads", from_page="http://testserver/min-liste/")
    assert "sejlads" not in client.session[SESSION_KEY]
    assert "Din liste er fuld (100 tilbud)." in client.get(response["Location"]).content.decode()


def test_the_share_link_holds_only_the_keys_and_shows_a_colleague_the_same_list_to_copy(client, offers):
    add(client, "froeer")
    add(client, "sejlads")
    own = client.get("/min-liste/").content.decode()
    assert 'value="http://testserver/min-liste/?tilbud=froeer,sejlads"' in own

    colleague = Client()
    shared = colleague.get("/min-liste/?tilbud=froeer,sejlads").content.decode()
    assert "En delt liste med tilbud" in shared
    assert shared.index("Frøer i mosen") < shared.index("Sejlads i vikingeskib")
    assert "Fjern fra min liste" not in shared  # read-only
    assert colleague.session.get(SESSION_KEY) is None  # looking changes nothing
    response = colleague.post("/min-liste/kopier/", {"tilbud": "froeer,sejlads"})
    assert response["Location"] == "/min-liste/"
    assert colleague.session[SESSION_KEY] == ["froeer", "sejlads"]
    assert "2 tilbud blev føjet til din liste." in colleague.get("/min-liste/").content.decode()


def test_a_share_link_with_unknown_or_malformed_keys_shows_the_offers_it_can(client, offers):
    response = client.get("/min-liste/?tilbud=<script>,findes-ikke,,sejlads,sejlads")
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('<h2><a href="/tilbud/sejlads/">') == 1
    assert "<script>," not in page


def test_the_list_downloads_as_a_pdf_with_a_qr_code_per_offer(client, offers):
    add(client, "froeer")
    add(client, "sejlads")
    response = client.get("/min-liste/min-liste.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    assert "Min liste" in text and "2 tilbud" in text
    assert text.index("1 Frøer i mosen") < text.index("2 Sejlads i vikingeskib")
    assert pdf_qr_codes(response.content) == [
        "http://testserver/tilbud/froeer/",
        "http://testserver/tilbud/sejlads/",
    ]
    assert pdf_pages(response.content) == 4  # cover, contents, indexes, the offers


def test_a_shared_list_downloads_as_the_same_pdf(client, offers):
    text = pdf_text(client.get("/min-liste/min-liste.pdf?tilbud=arkaeologi").content)
    assert "Arkæologi for begyndere" in text and "Frøer i mosen" not in text


def test_the_list_page_costs_the_same_queries_for_many_offers(
    client, make_offer, django_assert_max_num_queries
):
    for n in range(12):
        add(client, make_offer(f"Tilbud nummer {n}", subjects=["dansk"], grades=["3-klasse"]).key)
    with django_assert_max_num_queries(6):
        assert client.get("/min-liste/").status_code == 200


def test_the_offer_page_offers_the_list_and_the_printable_sheet(client, offers):
    page = client.get("/tilbud/sejlads/").content.decode()
    assert "Tilføj til min liste" in page
    assert 'href="/tilbud/sejlads/ark.pdf"' in page
