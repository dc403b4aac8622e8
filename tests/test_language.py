"""The interface language: Danish for everyone, whatever the browser asks for; English only when chosen in the
footer's menu, which names each language in its own words."""

import re

import pytest

from tests.conftest import axe_check


def language_options(html: str) -> list[str]:
    return re.findall(r'<option value="(\w+)" lang="\w+"(?: selected)?>([^<]+)</option>', html)


def test_an_english_browser_gets_the_danish_interface(client, db):
    response = client.get("/", headers={"accept-language": "en-GB,en;q=0.9"})
    html = response.content.decode()
    assert '<html lang="da">' in html and "Spring til indhold" in html
    assert response["Content-Language"] == "da"


def test_english_is_shown_once_chosen_in_the_footer_and_danish_again_when_chosen(client, db):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/tilbud/"})
    assert response.status_code == 302 and response["Location"] == "/tilbud/"
    html = client.get("/", headers={"accept-language": "da"}).content.decode()
    assert '<html lang="en">' in html and "Skip to content" in html
    client.post("/i18n/setlang/", {"language": "da", "next": "/"})
    assert '<html lang="da">' in client.get("/", headers={"accept-language": "en"}).content.decode()


def test_an_unknown_language_in_the_cookie_falls_back_to_danish(client, db):
    client.cookies["django_language"] = "xx"
    assert '<html lang="da">' in client.get("/").content.decode()


def test_the_language_menu_names_each_language_in_its_own_words(client, db):
    assert language_options(client.get("/").content.decode()) == [("da", "Dansk"), ("en", "English")]
    client.cookies["django_language"] = "en"
    assert language_options(client.get("/").content.decode()) == [("da", "Dansk"), ("en", "English")]


def test_the_language_cookie_is_same_site_http_only_and_kept_a_year(client, db):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    cookie = response.cookies["django_language"]
    assert cookie["samesite"] == "Lax" and cookie["httponly"]
    assert cookie["max-age"] == 365 * 24 * 60 * 60


@pytest.mark.browser
def test_a_browser_set_to_english_sees_danish_until_english_is_chosen(
    browser, live_server, django_db_serialized_rollback, transactional_db
):
    context = browser.new_context(base_url=live_server.url, locale="en-US")
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        page.goto("/")
        assert page.locator("html").get_attribute("lang") == "da"
        assert page.get_by_role("link", name="Spring til indhold").count() == 1
        menu = page.get_by_label("Sprog")
        assert menu.locator("option").all_inner_texts() == ["Dansk", "English"]
        menu.select_option("en")
        page.get_by_role("button", name="Skift").click()
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.get_by_label("Language").locator("option").all_inner_texts() == ["Dansk", "English"]
        axe_check(page)
    finally:
        context.close()
