"""In a real browser on a 390 px phone screen, by keyboard only: a teacher chooses her school, searches, and sees
the distance and her municipality's transport verdict on the cards and the offer page; the new pages pass axe."""

import pytest

from municipalities.models import FeaturedOffer
from offers.models import Provider
from tests.conftest import axe_check


@pytest.fixture
def roskilde(make_offer, make_transport_pool):
    site = make_transport_pool(["4-klasse", "5-klasse", "6-klasse"])
    roskilde = site.municipality
    museum = Provider.objects.create(
        key="vikingeskibsmuseet", slug="vikingeskibsmuseet", name="Vikingeskibsmuseet", kind="museum",
        municipality=roskilde, postcode="4000", latitude=55.6508, longitude=12.0794,
    )  # fmt: skip
    ships = make_offer("Vikingeskibe", key="vikingeskibe", provider=museum, grades=["5-klasse"])
    FeaturedOffer.objects.create(site=site, offer=ships, note="Gratis for kommunens skoler")
    make_offer("Vikinger i Lejre", key="lejre", grades=["9-klasse"])  # Lejre Museum, grade not covered
    make_offer("Vikinger på besøg", key="besoeg", format="outreach", grades=["5-klasse"])


def tab_to(page, locator, limit: int = 40) -> None:
    """Press Tab until `locator` has the focus."""
    for _ in range(limit):
        if locator.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError("the element never got the focus")


@pytest.mark.browser
def test_a_teacher_chooses_her_school_by_keyboard_on_a_phone_and_sees_distance_and_transport(page, roskilde):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/tilbud/")
    choose_link = page.get_by_role("banner").get_by_role(
        "link", name="Vælg din skole"
    )  # the search has one too
    tab_to(page, choose_link)
    page.keyboard.press("Enter")
    page.wait_for_url("**/min-skole/?next=/tilbud/")
    axe_check(page)

    tab_to(page, page.get_by_label("Skolens navn, postnummer eller by"))
    page.keyboard.type("absalon 4000")
    page.keyboard.press("Enter")
    page.wait_for_url("**/min-skole/?next=%2Ftilbud%2F&find=absalon+4000")
    assert page.get_by_role("heading", level=2).inner_text() == "1 skole fundet"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone
    axe_check(page)
    tab_to(page, page.get_by_role("button", name="Vælg Absalons Skole"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/tilbud/")
    assert "Din skole er nu Absalons Skole." in page.get_by_role("status").inner_text()
    assert "Min skole: Absalons Skole" in page.locator(".my-school").inner_text()

    page.locator("#catalogue-q").fill("vikinger")
    page.locator("#catalogue-q").press("Enter")
    page.wait_for_url("**/tilbud/?q=vikinger*")
    cards = {
        card.locator("h3").inner_text(): [
            line for line in card.locator(".from-school").inner_text().splitlines() if line
        ]
        for card in page.locator(".catalogue__list .card").all()
    }
    assert cards["Vikingeskibe"] == [
        "Roskilde Kommune: Gratis for kommunens skoler",
        "ca. 1 km fra din skole · ca. 5 min. i bus (anslået)",
        "Roskilde Kommune dækker transport hertil (transportpuljen, ansøg senest 14 dage før).",
    ]
    assert cards["Vikinger i Lejre"][1] == (
        "Roskilde Kommunes transportstøtte dækker ikke dette tilbuds klassetrin."
    )
    assert cards["Vikinger på besøg"] == ["Kommer til skolen"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    axe_check(page)

    tab_to(page, page.get_by_role("link", name="Vikingeskibe"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/tilbud/vikingeskibe/")
    facts = page.locator(".facts").inner_text()
    assert "Note fra Roskilde Kommune\nGratis for kommunens skoler" in facts
    assert "ca. 1 km fra Absalons Skole" in facts
    assert "Roskilde Kommune dækker transport hertil" in facts
    axe_check(page)

    tab_to(page, page.get_by_role("button", name="Glem skole"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("status").inner_text() == "Din skole er glemt i denne browser."
    assert page.get_by_role("link", name="Vælg din skole").count() == 2  # header and the offer's facts
