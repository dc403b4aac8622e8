"""In a real browser: a teacher searches from the front page, narrows by subject and grade, opens an offer and
goes back with the filters kept; the pages pass axe-core; and all of it works without JavaScript."""

import re

import pytest

from tests.conftest import axe_check


@pytest.fixture
def vikings(make_offer):
    make_offer(
        "Vikingetid på egen krop",
        key="vikingetid",
        subjects=["historie"],
        grades=["4-klasse", "5-klasse"],
        summary="Eleverne prøver livet som vikinger.",
        price_dkk=0,
        duration_minutes=120,
        booking_email="booking@lejre-museum.example.dk",
    )
    make_offer(
        "Vikingernes skibe", key="skibe", subjects=["historie"], grades=["8-klasse"], summary="Om skibe."
    )
    make_offer("Vikinger og tal", key="tal", subjects=["matematik"], grades=["4-klasse"], summary="Regning.")
    make_offer("Skovens dyr", key="skov", subjects=["biologi"], grades=["4-klasse"], summary="Dyr i skoven.")


def result_titles(page) -> list[str]:
    return page.locator(".catalogue__list h3").all_inner_texts()


def choose(page, text: str) -> None:
    """Click a facet choice by its label."""
    page.locator(".facets a.facet__choice", has=page.locator(".facet__label", has_text=text)).first.click()


@pytest.mark.browser
def test_a_teacher_searches_narrows_opens_an_offer_goes_back_and_sorts(page, vikings):
    page.goto("/")
    page.locator("#hero-q").fill("vikinger")
    page.locator("#hero-q").press("Enter")
    page.wait_for_url("**/tilbud/?q=vikinger")
    assert sorted(result_titles(page)) == ["Vikinger og tal", "Vikingernes skibe", "Vikingetid på egen krop"]

    choose(page, "Historie")
    page.wait_for_url("**/tilbud/?q=vikinger&fag=historie#catalogue-results-heading")
    assert sorted(result_titles(page)) == ["Vikingernes skibe", "Vikingetid på egen krop"]

    choose(page, "4. klasse")
    page.wait_for_url("**/tilbud/?q=vikinger&fag=historie&klassetrin=4-klasse#catalogue-results-heading")
    assert result_titles(page) == ["Vikingetid på egen krop"]
    assert page.locator(".catalogue__count").inner_text() == "1 tilbud"
    axe_check(page)

    page.get_by_role("link", name="Vikingetid på egen krop").click()
    page.wait_for_url("**/tilbud/vikingetid/")
    assert page.get_by_role("heading", level=1).inner_text() == "Vikingetid på egen krop"
    assert "booking@lejre-museum.example.dk" in page.locator("main").inner_text()
    axe_check(page)

    page.go_back()
    page.wait_for_url("**/tilbud/?q=vikinger&fag=historie&klassetrin=4-klasse#catalogue-results-heading")
    assert result_titles(page) == ["Vikingetid på egen krop"]
    assert page.locator("#catalogue-q").input_value() == "vikinger"
    selected = page.locator(".facets a[aria-current=true] .facet__label").all_inner_texts()
    assert selected == ["Historie", "4. klasse"]

    # The order changes when the teacher presses Enter in the sort menu (not while she moves through it).
    choose(page, "Historie")  # back to all grades
    page.wait_for_url("**/tilbud/?q=vikinger&klassetrin=4-klasse#catalogue-results-heading")
    choose(page, "4. klasse")
    page.wait_for_url("**/tilbud/?q=vikinger#catalogue-results-heading")
    sorter = page.locator("#catalogue-sorter")
    sorter.select_option("titel")
    sorter.press("Enter")
    page.wait_for_url("**/tilbud/?q=vikinger&sorter=titel")  # and no empty date in the address
    assert result_titles(page) == ["Vikinger og tal", "Vikingernes skibe", "Vikingetid på egen krop"]


@pytest.mark.browser
def test_a_search_without_hits_is_accessible_and_leads_out(page, vikings):
    page.goto("/tilbud/?q=vikinger&fag=biologi")
    assert "Ingen tilbud matcher “vikinger” med disse filtre." in page.locator("main").inner_text()
    axe_check(page)

    page.locator(".zero-results").get_by_role("link", name=re.compile("Fjern “Fag: Biologi”")).click()

    page.wait_for_url("**/tilbud/?q=vikinger#catalogue-results-heading")
    assert len(result_titles(page)) == 3


@pytest.fixture
def page_without_js(browser, live_server, django_db_serialized_rollback, transactional_db):
    context = browser.new_context(base_url=live_server.url, locale="da-DK", java_script_enabled=False)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.mark.browser
def test_without_javascript_a_teacher_can_search_filter_and_sort(page_without_js, vikings):
    page = page_without_js
    page.goto("/tilbud/")

    page.locator("#catalogue-q").fill("vikinger")
    page.locator("form.catalogue-form button[type=submit]").click()
    page.wait_for_url("**/tilbud/?q=vikinger&dato=&fra=&til=&sorter=relevans")
    assert len(result_titles(page)) == 3

    choose(page, "Historie")
    page.wait_for_url("**/tilbud/?q=vikinger&fag=historie")
    assert sorted(result_titles(page)) == ["Vikingernes skibe", "Vikingetid på egen krop"]

    page.locator("#catalogue-sorter").select_option("titel")
    assert page.url.endswith("/tilbud/?q=vikinger&fag=historie")  # nothing happens until the button
    page.locator("form.catalogue-form button[type=submit]").click()
    page.wait_for_url("**/tilbud/?fag=historie&q=vikinger&dato=&fra=&til=&sorter=titel")
    assert result_titles(page) == ["Vikingernes skibe", "Vikingetid på egen krop"]

    page.get_by_role("link", name="Vikingetid på egen krop").click()
    page.wait_for_url("**/tilbud/vikingetid/")
    assert "Gratis" in page.locator("main").inner_text()
