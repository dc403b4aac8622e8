"""The one-page sheet per offer (/tilbud/<slug>/ark.pdf) that a teacher prints for the staff room, read with
pdftotext, its pages counted and its QR code scanned."""

from offers.models import Offer
from tests.pdf_tools import pdf_pages, pdf_qr_codes, pdf_text


def test_the_sheet_is_one_page_with_the_offers_facts_booking_and_a_qr_code_to_its_page(client, make_offer):
    make_offer(
        "Sejlads i vikingeskib",
        key="sejlads",
        subjects=["historie"],
        grades=["4-klasse", "5-klasse", "6-klasse"],
        price_dkk=450,
        duration_minutes=90,
        booking_email="booking@lejre-museum.example.dk",
        description="<p>Eleverne ror og sejler et rekonstrueret vikingeskib på Roskilde Fjord.</p>",
    )
    response = client.get("/tilbud/sejlads/ark.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="sejlads.pdf"' in response["Content-Disposition"]
    text = " ".join(pdf_text(response.content).split())
    assert "Sejlads i vikingeskib Lejre Museum · Museum · Lejre" in text
    assert "Klassetrin 4.–6. klasse Fag Historie Pris 450 kr. pr. klasse Varighed 1 time 30 minutter" in text
    assert "Hvor Orehøjvej 4, 4320 Lejre" in text
    assert "Eleverne ror og sejler et rekonstrueret vikingeskib på Roskilde Fjord." in text
    assert "Booking E-mail: booking@lejre-museum.example.dk" in text
    assert pdf_pages(response.content) == 1
    assert pdf_qr_codes(response.content) == ["http://testserver/tilbud/sejlads/"]


def test_a_long_description_is_shortened_to_keep_the_sheet_on_one_page(client, make_offer):
    paragraph = "<p>" + " ".join(["Eleverne undersøger fjorden og dens dyr og planter."] * 30) + "</p>"
    make_offer("Fjordens liv", key="fjord", description=paragraph * 6)
    response = client.get("/tilbud/fjord/ark.pdf")
    assert pdf_pages(response.content) == 1
    assert "…" in pdf_text(response.content)


def test_a_draft_has_no_public_sheet(client, make_offer):
    make_offer("Kladde", key="kladde", status=Offer.Status.DRAFT)
    assert client.get("/tilbud/kladde/ark.pdf").status_code == 404


def test_the_offer_page_links_to_its_sheet(client, published_offer):
    html = client.get(published_offer.get_absolute_url()).content.decode()
    assert f'href="/tilbud/{published_offer.slug}/ark.pdf"' in html
