"""An archived offer's address answers 410 Gone with a page that says the offer is no longer offered and leads
on to its learning place and the place's current offers; drafts stay 404 for the public, and the back office
still previews both."""

from offers.models import Offer


def main_of(response) -> str:
    return response.content.decode().split("<main")[1].split("</main>")[0]


def test_an_archived_offer_says_it_is_gone_and_shows_the_place_and_its_current_offers(client, make_offer):
    make_offer("Vikingetid på egen krop", key="vikingetid", status=Offer.Status.ARCHIVED)
    make_offer("Runer og skrift", key="runer")
    make_offer("Jernalderens landsby", key="landsby")
    make_offer("Kladde om skibe", key="kladde", status=Offer.Status.DRAFT)

    response = client.get("/tilbud/vikingetid/")
    main = main_of(response)

    assert response.status_code == 410
    assert "<h1>Vikingetid på egen krop</h1>" in main
    assert "Dette tilbud udbydes ikke længere. Det blev udbudt af Lejre Museum." in main
    assert '<a href="/steder/lejre-museum/">Lejre Museum</a>' in main
    assert "Lejre Museum har 2 tilbud i dag" in main
    assert [offer.title for offer in response.context["page"]] == ["Jernalderens landsby", "Runer og skrift"]
    assert "Kladde om skibe" not in main
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_the_gone_page_says_so_when_the_place_has_nothing_left(client, make_offer):
    make_offer("Vikingetid på egen krop", key="vikingetid", status=Offer.Status.ARCHIVED)
    response = client.get("/tilbud/vikingetid/")
    assert response.status_code == 410
    assert "Lejre Museum har 0 tilbud i dag" in main_of(response)
    assert 'href="/tilbud/"' in main_of(response)


def test_a_draft_and_an_unknown_address_stay_404_for_the_public(client, make_offer, consultant):
    make_offer("Hemmelig zeppelinrejse", key="skjult", status=Offer.Status.DRAFT)
    assert client.get("/tilbud/skjult/").status_code == 404
    assert client.get("/tilbud/findes-ikke/").status_code == 404
    client.force_login(consultant)  # may not change offers: no preview
    assert client.get("/tilbud/skjult/").status_code == 404


def test_the_back_office_still_previews_an_archived_offer(client, make_offer, staff_user):
    make_offer("Vikingetid på egen krop", key="vikingetid", status=Offer.Status.ARCHIVED)
    client.force_login(staff_user)
    response = client.get("/tilbud/vikingetid/")
    assert response.status_code == 200
    assert "Forhåndsvisning" in main_of(response)
