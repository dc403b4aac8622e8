"""Logging in to the back office: after 5 failed logins for one username, or from one address, that username or
address is refused for 15 minutes with a Danish page (django-axes, counted in the database); a refused `next`
lands on the back office."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.test import RequestFactory, override_settings

from portal.throttling import client_ip

LOGIN = "/admin/login/"
PASSWORD = "correct-horse-battery"
LOCKED = "For mange mislykkede login-forsøg"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Every attempt checks a password: a fast hasher keeps these tests quick (the rules are the same)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def mette(db):
    return get_user_model().objects.create_user("mette", "mette@example.dk", PASSWORD, is_staff=True)


def log_in(client, username: str, password: str, address: str, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **extra)


def is_logged_in(client) -> bool:
    return client.get("/admin/").status_code == 200


def test_wrong_passwords_below_the_limit_get_the_usual_message(client, mette):
    for _attempt in range(4):
        response = log_in(client, "mette", "forkert", "10.0.0.1")
        assert response.status_code == 200
        assert "Indtast venligst det korrekte brugernavn og adgangskode" in response.content.decode()
    assert log_in(client, "mette", PASSWORD, "10.0.0.1").status_code == 302
    assert is_logged_in(client)


def test_five_wrong_passwords_lock_the_account_from_every_address(client, mette):
    for number in range(5):
        log_in(client, "mette", "forkert", f"10.0.0.{number + 1}")
    response = log_in(client, "mette", PASSWORD, "192.0.2.7")  # the right password, from a new address
    assert response.status_code == 429
    html = response.content.decode()
    assert LOCKED in html
    assert "spærret i 15 minutter" in html
    assert not is_logged_in(client)


def test_five_failed_logins_from_one_address_lock_that_address_for_every_account(client, mette):
    for number in range(5):
        log_in(client, f"gaet-{number}", "forkert", "10.0.0.9")
    assert log_in(client, "mette", PASSWORD, "10.0.0.9").status_code == 429
    assert not is_logged_in(client)
    assert log_in(client, "mette", PASSWORD, "10.0.0.10").status_code == 302  # another address may
    assert is_logged_in(client)


def test_a_successful_login_clears_the_count(client, mette):
    for _attempt in range(4):
        log_in(client, "mette", "forkert", "10.0.0.1")
    assert log_in(client, "mette", PASSWORD, "10.0.0.1").status_code == 302
    client.logout()
    for _attempt in range(4):
        log_in(client, "mette", "forkert", "10.0.0.1")
    assert log_in(client, "mette", PASSWORD, "10.0.0.1").status_code == 302


def test_the_lock_ends_after_15_minutes(client, mette):
    for _attempt in range(5):
        log_in(client, "mette", "forkert", "10.0.0.1")
    assert log_in(client, "mette", PASSWORD, "10.0.0.1").status_code == 429
    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time -= timedelta(minutes=16)
        attempt.save()
    assert log_in(client, "mette", PASSWORD, "10.0.0.1").status_code == 302


@override_settings(PORTAL_PROXY_COUNT=1)
def test_behind_a_proxy_the_address_is_the_one_the_proxy_saw(client, mette):
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.9", REMOTE_ADDR="10.0.0.2")
    assert client_ip(request) == "198.51.100.9"  # what a client writes on the left changes nothing
    for number in range(5):
        log_in(
            client,
            f"gaet-{number}",
            "forkert",
            "10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"9.9.9.{number}, 198.51.100.9",
        )
    spoofed = "5.5.5.5, 198.51.100.9"
    assert log_in(client, "mette", PASSWORD, "10.0.0.2", HTTP_X_FORWARDED_FOR=spoofed).status_code == 429
    assert (
        log_in(client, "mette", PASSWORD, "10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.10").status_code == 302
    )


def test_without_proxies_a_forwarded_address_is_ignored(db):
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="1.2.3.4", REMOTE_ADDR="10.0.0.2")
    assert client_ip(request) == "10.0.0.2"


def test_a_login_whose_next_is_refused_lands_on_the_back_office(client, mette):
    response = client.post(
        f"{LOGIN}?next=https://evil.example/",
        {"username": "mette", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
    )
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert client.get(response["Location"]).status_code == 200


def test_a_login_without_a_request_such_as_the_test_clients_is_not_throttled_but_works(client, mette):
    assert client.login(username="mette", password=PASSWORD)
    assert is_logged_in(client)
    assert not client.login(username="mette", password="forkert")
