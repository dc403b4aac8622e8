"""The shared layout and the front page: Danish, accessible, served without external hosts."""

import pytest

from tests.conftest import axe_check


def test_front_page_speaks_danish_and_leads_to_the_catalogue(client, published_offer):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="da">' in html
    assert "Spring til indhold" in html  # skip link
    assert 'href="/tilbud/"' in html
    assert "1 undervisningstilbud" in html


def test_front_page_offers_shortcuts_to_the_most_offered_subjects_and_the_other_sections(
    client, make_offer, django_assert_max_num_queries
):
    make_offer("Fugle i mosen", subjects=["biologi"])
    make_offer("Frøer i mosen", subjects=["biologi", "natur-teknologi"])
    make_offer("Kladde", subjects=["fysik"], status="draft")
    with django_assert_max_num_queries(6):
        html = client.get("/").content.decode()
    assert 'href="/tilbud/?fag=biologi"' in html and 'Biologi <span class="count">(2)</span>' in html
    assert "?fag=fysik" not in html  # only drafts: no shortcut to an empty search
    assert 'href="/kommuner/"' in html and 'href="/samarbejder/"' in html


def test_front_page_can_be_shown_in_english(client, published_offer):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.get("/")
    assert '<html lang="en">' in response.content.decode()
    assert "Skip to content" in response.content.decode()


def test_pages_send_a_strict_content_security_policy(client, db):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy


def test_layout_loads_nothing_from_other_hosts(client, db):
    html = client.get("/").content.decode()
    assert "http://" not in html.replace("http://testserver", "")
    assert "https://" not in html


def test_unknown_page_is_a_404(client, db):
    assert client.get("/findes-ikke/").status_code == 404


def test_health_check_answers_ok_without_the_database(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain"
    assert response.content == b"ok"


@pytest.mark.browser
def test_front_page_search_box_leads_to_results_and_passes_axe(page, published_offer):
    page.goto("/")
    axe_check(page)
    page.get_by_label("Hvad vil du undervise i?").fill("vikinger")
    page.get_by_role("button", name="Find tilbud").click()
    page.wait_for_url("**/tilbud/?q=vikinger")
    assert page.locator("h1").first.inner_text()
