"""The catalogue on a phone and by keyboard, in a real browser: the filters open from "Filtrér" above the results
and a choice leads back to the results; the sort menu waits for Enter or the button; a catalogue page has one
search form; at 320 px no page scrolls sideways."""

import pytest

from municipalities.models import MunicipalSite
from offers.models import Provider
from tests.conftest import axe_check

PHONE = {"width": 390, "height": 844}
RESULTS = "catalogue-results-heading"
LONG_EMAIL = "skoletjenesten.booking.og.information@vikingeskibsmuseet-i-roskilde.example.dk"
LONG_WEBSITE = "https://www.vikingeskibsmuseet-i-roskilde.example.dk/skoletjeneste/undervisningsforloeb/"


@pytest.fixture
def vikings(make_offer, provider):
    provider.website = LONG_WEBSITE
    provider.email = LONG_EMAIL
    provider.save()
    make_offer(
        "Vikingetid på egen krop",
        key="vikingetid",
        subjects=["historie"],
        grades=["4-klasse"],
        booking_email=LONG_EMAIL,
        booking_url=LONG_WEBSITE,
    )
    make_offer("Vikingernes skibe", key="skibe", subjects=["historie"], grades=["8-klasse"])
    make_offer("Vikinger og tal", key="tal", subjects=["matematik"], grades=["4-klasse"])


def result_titles(page) -> list[str]:
    return page.locator(".catalogue__list h3").all_inner_texts()


def sideways_scroll(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.browser
def test_on_a_phone_the_filters_open_above_the_results_and_a_choice_returns_to_the_results(
    page, vikings, make_offer
):
    for number in range(6):  # enough results to scroll the heading to the top
        make_offer(f"Vikingernes handel {number}", subjects=["historie"], summary="Sølv, pels og rav. " * 8)
    page.set_viewport_size(PHONE)
    page.goto("/tilbud/?q=vikinger")
    toggle = page.locator("summary", has_text="Filtrér")
    assert toggle.is_visible()
    assert toggle.bounding_box()["y"] < page.locator(".catalogue__list").bounding_box()["y"]
    assert page.locator(".facets").is_hidden()  # closed until asked for

    toggle.click()
    assert page.locator(".facets").is_visible()
    axe_check(page)
    page.locator(".facets a.facet__choice", has_text="Historie").click()

    page.wait_for_url(f"**/tilbud/?q=vikinger&fag=historie#{RESULTS}")
    assert len(result_titles(page)) == 8
    assert page.evaluate("document.activeElement.id") == RESULTS
    assert page.evaluate("window.scrollY") > 0
    assert 0 <= page.locator(f"#{RESULTS}").bounding_box()["y"] < 50  # the results at the top of the screen


@pytest.mark.browser
def test_on_a_wide_screen_the_filters_stay_beside_the_results(page, vikings):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/tilbud/?q=vikinger")
    assert page.locator(".catalogue__filter").is_hidden()
    facets = page.locator(".facets").bounding_box()
    results = page.locator(".catalogue__results").bounding_box()
    assert facets["x"] > results["x"] + results["width"] - 1


@pytest.mark.browser
def test_the_sort_menu_sorts_on_enter_not_while_the_arrow_keys_move_through_it(page, vikings):
    page.goto("/tilbud/?q=vikinger")
    sorter = page.locator("#catalogue-sorter")
    sorter.focus()
    sorter.press("ArrowDown")
    sorter.press("ArrowDown")
    page.wait_for_timeout(500)  # an automatic submit would have left the page by now

    assert sorter.input_value() == "titel"
    assert page.url.endswith("/tilbud/?q=vikinger")
    sorter.press("Enter")
    page.wait_for_url("**/tilbud/?q=vikinger&sorter=titel")
    assert result_titles(page) == ["Vikinger og tal", "Vikingernes skibe", "Vikingetid på egen krop"]


@pytest.mark.browser
def test_a_catalogue_page_has_one_search_form_and_other_pages_keep_the_header_search(page, vikings, lejre):
    MunicipalSite.objects.create(municipality=lejre, title="Åben skole i Lejre", published=True)
    for url in ["/tilbud/", "/tilbud/?q=vikinger", "/kommuner/lejre/tilbud/"]:
        page.goto(url)
        assert page.get_by_role("search").count() == 1, url
        assert page.locator("#site-search-q").count() == 0, url
    axe_check(page)
    page.goto("/tilbud/vikingetid/")
    assert page.get_by_role("search").count() == 1
    assert page.locator("#site-search-q").is_visible()


@pytest.mark.browser
def test_at_320_px_the_catalogue_an_offer_and_a_place_do_not_scroll_sideways(page, vikings):
    Provider.objects.filter(key="lejre-museum").update(name="Lejre Museum og Sagnlandet Lejre Forsøgscenter")
    page.set_viewport_size({"width": 320, "height": 640})
    for url in [
        "/tilbud/",
        "/tilbud/?q=vikinger&fag=historie",
        "/tilbud/vikingetid/",
        "/steder/lejre-museum/",
    ]:
        page.goto(url)
        assert sideways_scroll(page) == 0, url
    assert page.get_by_text(LONG_EMAIL).first.is_visible()
    axe_check(page)
