"""In a real browser on a 390 px phone screen, by keyboard: the search's distance controls invite a teacher to
choose her school, she chooses it and comes back to her search, sees distance and transport verdict, sorts
nearest first and keeps the offers within 10 km; axe finds nothing on the way."""

import pytest

from municipalities.models import Municipality
from offers.models import Provider
from tests.conftest import axe_check
from tests.test_my_school_browser import tab_to


@pytest.fixture
def vikings(make_offer, make_transport_pool):
    """From Absalons Skole, Roskilde: Vikingeskibsmuseet 1.2 km, Lejre Museum (conftest) 7 km, Moesgaard
    in Aarhus 135 km, and a museum that comes to the school. Roskilde's pool pays trips up to 40 km."""
    make_transport_pool(["4-klasse", "5-klasse", "6-klasse"])

    def place(key, name, code, lat, lon):
        return Provider.objects.create(
            key=key, slug=key, name=name, kind="museum", municipality=Municipality.objects.get(code=code),
            latitude=lat, longitude=lon,
        )  # fmt: skip

    museum = place("vikingeskibsmuseet", "Vikingeskibsmuseet", "265", 55.6508, 12.0794)
    aarhus = place("moesgaard", "Moesgaard", "751", 56.0884, 10.2246)
    make_offer("Vikingeskibe", key="vikingeskibe", provider=museum, grades=["5-klasse"])
    make_offer("Vikinger i Lejre", key="lejre", grades=["5-klasse"])
    make_offer("Vikinger i Aarhus", key="aarhus", provider=aarhus, grades=["5-klasse"])
    make_offer("Vikinger på besøg", key="besoeg", provider=aarhus, format="outreach", grades=["5-klasse"])


def titles(page) -> list[str]:
    return page.locator(".catalogue__list .card h3").all_inner_texts()


@pytest.mark.browser
def test_a_teacher_sorts_nearest_first_and_keeps_offers_within_10_km_on_a_phone(page, vikings):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/tilbud/?q=vikinger")
    invite = page.locator(".catalogue__choose-school a")
    assert "sortere efter afstand" in page.locator(".catalogue__choose-school").inner_text()
    axe_check(page)
    tab_to(page, invite)
    page.keyboard.press("Enter")
    page.wait_for_url("**/min-skole/?next=%2Ftilbud%2F%3Fq%3Dvikinger")

    tab_to(page, page.get_by_label("Skolens navn, postnummer eller by"))
    page.keyboard.type("absalon 4000")
    page.keyboard.press("Enter")
    page.wait_for_url("**find=absalon+4000")
    tab_to(page, page.get_by_role("button", name="Vælg Absalons Skole"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/tilbud/?q=vikinger")
    assert page.locator(".catalogue__choose-school").count() == 0
    card = page.locator(".catalogue__list .card", has_text="Vikingeskibe")
    assert "ca. 1 km fra din skole" in card.inner_text()
    assert "Roskilde Kommune dækker transport hertil" in card.inner_text()

    sorter = page.locator("#catalogue-sorter")
    tab_to(page, sorter)
    sorter.select_option("naermest")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tilbud/?q=vikinger&sorter=naermest")
    assert titles(page) == ["Vikinger på besøg", "Vikingeskibe", "Vikinger i Lejre", "Vikinger i Aarhus"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    summary = page.locator(".catalogue__filter summary")
    tab_to(page, summary)
    page.keyboard.press("Enter")
    within = page.get_by_role("link", name="Inden for 10 km")
    assert within.locator(".facet__count").inner_text().startswith("3")  # its count
    assert page.get_by_role("link", name="Kommunen betaler transporten").count() == 1
    axe_check(page)
    tab_to(page, within, limit=80)
    page.keyboard.press("Enter")
    page.wait_for_url("**/tilbud/?q=vikinger&afstand=10&sorter=naermest*")
    assert titles(page) == ["Vikinger på besøg", "Vikingeskibe", "Vikinger i Lejre"]
    assert "Afstand fra din skole: Inden for 10 km" in page.locator(".catalogue__active").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    axe_check(page)
