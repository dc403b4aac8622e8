"""Production as it runs: real requests to gunicorn started with PORTAL_PRODUCTION=1 (tests/production_server.py),
not a reading of the settings. HTTPS redirects (but not for the load balancer's /healthz probe), HSTS and the
other security headers, and cookies that are Secure, HttpOnly and SameSite."""

import re

import pytest
from django.db import connection

from tests.production_server import HOST, HTTPS, committed_superuser

# The server serves the test database, which pytest-django creates for tests marked like these.
pytestmark = pytest.mark.django_db


def csrf(server, path: str = "/") -> tuple[str, str]:
    """(cookie, form token) from a page with a form."""
    response = server.get(path, HTTPS)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.body).group(1)
    return response.cookies()["csrftoken"].value, token


def post_form(server, path: str, data: dict, cookie: str, token: str):
    headers = {**HTTPS, "Origin": f"https://{HOST}", "Cookie": f"csrftoken={cookie}"}
    return server.post(path, {**data, "csrfmiddlewaretoken": token}, headers)


def test_the_load_balancers_plain_http_probe_of_healthz_gets_200_not_a_redirect(production_server):
    response = production_server.get("/healthz")
    assert (response.status, response.body) == (200, "ok")


def test_plain_http_pages_redirect_permanently_to_https(production_server):
    response = production_server.get("/tilbud/?q=vikinger")
    assert response.status == 301
    assert response.headers["Location"] == f"https://{HOST}/tilbud/?q=vikinger"


def test_https_pages_carry_hsts_and_the_security_headers(production_server):
    response = production_server.get("/", HTTPS)
    assert response.status == 200
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response.headers["Content-Language"] == "da"


def test_the_csrf_and_language_cookies_are_secure_http_only_and_same_site(production_server):
    cookie, token = csrf(production_server)
    response = post_form(production_server, "/i18n/setlang/", {"language": "en", "next": "/"}, cookie, token)
    assert response.status == 302
    language = response.cookies()["django_language"]
    assert language.value == "en"
    assert language["secure"] and language["httponly"] and language["samesite"] == "Lax"
    csrf_cookie = production_server.get("/", HTTPS).cookies()["csrftoken"]
    assert csrf_cookie["secure"] and csrf_cookie["httponly"] and csrf_cookie["samesite"] == "Lax"


def test_an_unknown_page_is_the_danish_404_with_debug_off(production_server):
    response = production_server.get("/findes-ikke/", HTTPS)
    assert response.status == 404
    assert "Vi kan ikke finde siden" in response.body and "Traceback" not in response.body


def test_the_session_cookie_of_a_login_is_secure_and_http_only(production_server):
    with committed_superuser(connection.settings_dict, "driftschef", "correct-horse-battery"):
        cookie, token = csrf(production_server, "/admin/login/")
        data = {"username": "driftschef", "password": "correct-horse-battery", "next": "/admin/"}
        response = post_form(production_server, "/admin/login/", data, cookie, token)
    assert response.status == 302 and response.headers["Location"] == "/admin/"
    session = response.cookies()["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
