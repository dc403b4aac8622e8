"""Error pages people land on: Danish, in the layout, with a search box and the way back; the 500 and 503
pages render without the database, and a database error becomes a 503 with Retry-After, not a 500."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import OperationalError
from django.test import Client, RequestFactory

from portal import errors
from tests.conftest import axe_check


def failing(error):
    """A stand-in for a model whose `objects` raises `error`: the front page's view fails on its first line."""

    def objects(self):
        raise error

    return type("Failing", (), {"objects": property(objects)})()


def assert_error_page(html: str, heading: str) -> None:
    assert '<html lang="da">' in html
    assert f'<h1 id="error-heading">{heading}</h1>' in html
    assert 'class="site-header"' in html and 'class="site-footer"' in html  # the layout
    assert '<input id="error-q" type="search" name="q">' in html and 'action="/tilbud/"' in html
    assert '<a href="/">Gå til forsiden</a>' in html
    assert '<a href="/tilbud/">Se alle undervisningstilbud</a>' in html


def test_an_unknown_page_is_a_danish_404_in_the_layout(client, db):
    response = client.get("/findes-ikke/")
    assert response.status_code == 404
    assert_error_page(response.content.decode(), "Vi kan ikke finde siden")


def test_a_404_offers_the_way_back_to_the_page_the_visitor_came_from_on_this_site(client, db):
    html = client.get("/findes-ikke/", headers={"referer": "http://testserver/tilbud/?q=vikinger"})
    assert (
        'href="http://testserver/tilbud/?q=vikinger">Tilbage til siden, du kom fra</a>'
        in html.content.decode()
    )
    html = client.get("/findes-ikke/", headers={"referer": "https://evil.example/"}).content.decode()
    assert "evil.example" not in html and "Tilbage til siden" not in html


def test_a_missing_offer_is_the_same_404(client, db):
    response = client.get("/tilbud/findes-ikke/")
    assert response.status_code == 404
    assert_error_page(response.content.decode(), "Vi kan ikke finde siden")


def test_a_forbidden_page_is_a_danish_403_in_the_layout(client, db, monkeypatch):
    monkeypatch.setattr("portal.views.Offer", failing(PermissionDenied))
    response = client.get("/")
    assert response.status_code == 403
    assert_error_page(response.content.decode(), "Du har ikke adgang til denne side")


def test_an_expired_form_is_a_danish_403(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/i18n/setlang/", {"language": "en"})
    assert response.status_code == 403
    assert_error_page(response.content.decode(), "Formularen er udløbet")


def test_a_bad_host_is_a_danish_400(client, db):
    response = client.get("/", headers={"host": "evil.example"})
    assert response.status_code == 400
    assert_error_page(response.content.decode(), "Forespørgslen kunne ikke forstås")


def test_an_error_is_a_danish_500_that_does_not_touch_the_database(
    db, staff_user, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr("portal.views.Offer", failing(RuntimeError("a bug")))
    client = Client(raise_request_exception=False)
    client.force_login(staff_user)  # a session and a user the page could be tempted to read
    with django_assert_num_queries(0):
        response = client.get("/")
    assert response.status_code == 500
    assert_error_page(response.content.decode(), "Der gik noget galt hos os")


def test_a_database_error_in_a_view_is_a_503_with_retry_after(db, monkeypatch):
    refused = OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")
    monkeypatch.setattr("portal.views.Offer", failing(refused))
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == str(errors.RETRY_AFTER_SECONDS)
    assert_error_page(response.content.decode(), "Portalen er midlertidigt utilgængelig")


def test_a_database_error_outside_a_view_is_also_a_503(db):
    request = RequestFactory().get("/")
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = errors.server_error(request)  # Django calls handler500 while it handles the error
    assert response.status_code == 503 and response["Retry-After"]


def test_error_pages_follow_the_chosen_language(client, db):
    client.cookies["django_language"] = "en"
    html = client.get("/findes-ikke/").content.decode()
    assert '<html lang="en">' in html and "We cannot find that page" in html


@pytest.mark.browser
def test_the_404_page_passes_axe_and_its_search_box_leads_to_results(page):
    response = page.goto("/findes-ikke/")
    assert response.status == 404
    axe_check(page)
    page.get_by_label("Søg i stedet efter et undervisningstilbud").fill("vikinger")
    page.get_by_role("main").get_by_role("button", name="Find tilbud").click()
    page.wait_for_url("**/tilbud/?q=vikinger")
