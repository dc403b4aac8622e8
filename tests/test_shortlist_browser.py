"""In a real browser: a teacher marks offers without JavaScript, sees and prints her list, and a colleague
opens the shared link and copies it into her own list."""

import pytest

from tests.conftest import axe_check


@pytest.fixture
def offers(make_offer):
    make_offer(
        "Sejlads i vikingeskib", key="sejlads", subjects=["historie"], grades=["5-klasse"], price_dkk=450
    )
    make_offer("Frøer i mosen", key="froeer", subjects=["biologi"], grades=["dagtilbud"], price_dkk=0)


@pytest.mark.browser
def test_a_teacher_keeps_a_list_without_javascript_and_a_colleague_copies_it(
    page, browser, live_server, offers
):
    no_script = browser.new_context(base_url=live_server.url, locale="da-DK", java_script_enabled=False)
    teacher = no_script.new_page()
    teacher.goto("/tilbud/")
    card = teacher.locator("article.card", has_text="Frøer i mosen")
    card.get_by_role("button", name="Tilføj til min liste").click()
    teacher.wait_for_url("**/tilbud/")
    assert "“Frøer i mosen” er på din liste." in teacher.locator(".messages").inner_text()
    assert card.get_by_role("button", name="Fjern fra min liste").is_visible()
    teacher.locator("article.card", has_text="Sejlads i vikingeskib").get_by_role(
        "button", name="Tilføj til min liste"
    ).click()

    teacher.get_by_role("link", name="Min liste (2)").click()
    entries = teacher.locator("ol.shortlist > li")
    assert entries.count() == 2
    assert (
        "Frøer i mosen" in entries.nth(0).inner_text()
        and "Sejlads i vikingeskib" in entries.nth(1).inner_text()
    )
    share_url = teacher.get_by_label("Link til listen").input_value()
    assert share_url == f"{live_server.url}/min-liste/?tilbud=froeer,sejlads"
    no_script.close()

    # The colleague (JavaScript on) opens the link, sees the same list and copies it into her own.
    page.goto(share_url)
    assert page.get_by_role("heading", level=1).inner_text() == "En delt liste med tilbud"
    assert page.locator("ol.shortlist > li").count() == 2
    axe_check(page)
    page.get_by_role("button", name="Kopiér til min liste").click()
    page.wait_for_url("**/min-liste/")
    assert page.get_by_role("link", name="Min liste (2)").is_visible()
    axe_check(page)


@pytest.mark.browser
def test_the_offer_page_breaks_no_policy_and_the_printed_list_shows_offers_not_buttons(page, offers):
    policy_errors = []
    page.on(
        "console", lambda m: policy_errors.append(m.text) if "Content Security Policy" in m.text else None
    )
    page.goto("/tilbud/sejlads/")
    assert page.locator('script[type="application/ld+json"]').count() == 1  # data, which the CSP allows
    assert policy_errors == []
    page.get_by_role("region", name="Tag det med").get_by_role("button", name="Tilføj til min liste").click()
    page.get_by_role("link", name="Se min liste").click()
    assert page.get_by_role("button", name="Udskriv listen").is_visible()  # shown when JavaScript runs
    page.emulate_media(media="print")
    assert page.get_by_role("heading", name="Sejlads i vikingeskib").is_visible()
    assert not page.get_by_role("link", name="Hent som PDF").is_visible()
    assert not page.get_by_role("button", name="Fjern fra min liste").is_visible()
    assert not page.locator(".site-header").is_visible()
    assert page.get_by_text(f"{page.url.split('/min-liste/')[0]}/tilbud/sejlads/").is_visible()
