"""While the database cannot be reached, the portal answers 503 with Retry-After and the Danish error page
(rendered without the database), /healthz stays up, and it recovers by itself. Connections that the database
drops are replaced (CONN_HEALTH_CHECKS), and no statement of a request runs longer than
DATABASE_STATEMENT_TIMEOUT. Real outages against a production server (tests/production_server.py):
`pg_terminate_backend` and a database that refuses connections."""

import threading
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from portal import errors
from tests.production_server import HTTPS, connect

# The server serves the test database, which pytest-django creates for tests marked like these.
pytestmark = pytest.mark.django_db

DANISH_503 = "Portalen er midlertidigt utilgængelig"


@pytest.fixture
def control(django_db_setup):
    """A connection to the server's maintenance database, outside any test transaction, and the backend id
    of this process's own connection if it has one (an outage spares it, so later tests keep it)."""
    assert connection.settings_dict["NAME"].startswith("test_")  # never cut off a real database
    own = connection.connection
    own_pid = own.info.backend_pid if own is not None and not own.closed else 0
    with connect(connection.settings_dict, "postgres") as conn:
        yield conn, connection.settings_dict["NAME"], own_pid


def terminate_connections(control) -> int:
    """Cut every connection to the test database but the test's own: what a database restart does."""
    conn, name, own_pid = control
    rows = conn.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> %s",
        [name, own_pid],
    ).fetchall()
    return len(rows)


@contextmanager
def database_refusing_connections(control):
    """The test database refuses new connections and loses its current ones until the block ends."""
    conn, name, _own_pid = control
    conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
    try:
        terminate_connections(control)
        yield
    finally:
        conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')


def assert_503(response) -> None:
    assert response.status == 503, response.body[:500]
    assert response.headers["Retry-After"] == str(errors.RETRY_AFTER_SECONDS)
    assert DANISH_503 in response.body
    assert 'class="site-header"' in response.body and 'id="error-q"' in response.body  # layout, search box


def test_connections_are_health_checked_and_requests_are_bounded():
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    assert "-c statement_timeout=5s" in settings.DATABASES["default"]["OPTIONS"]["options"]


def test_a_dropped_connection_is_replaced_without_an_error(production_server, control):
    assert production_server.get("/", HTTPS).status == 200  # the worker now holds a connection
    assert terminate_connections(control) >= 1
    assert production_server.get("/", HTTPS).status == 200


def test_while_the_database_refuses_connections_pages_answer_503_and_then_recover(production_server, control):
    assert production_server.get("/tilbud/", HTTPS).status == 200
    with database_refusing_connections(control):
        assert_503(production_server.get("/", HTTPS))
        assert_503(production_server.get("/tilbud/?q=vikinger", HTTPS))
        assert_503(production_server.get("/api/tilbud/", HTTPS))
        # With a session cookie, even the 404 page would read the session from the database.
        assert_503(production_server.get("/tilbud/findes-ikke/", {**HTTPS, "Cookie": "sessionid=abc"}))
        assert production_server.get("/findes-ikke/", HTTPS).status == 404  # no database needed
        assert production_server.get("/healthz").status == 200
    assert production_server.get("/", HTTPS).status == 200
    assert production_server.get("/tilbud/?q=vikinger", HTTPS).status == 200


def test_connections_cut_again_and_again_under_load_give_200_or_503_never_500(production_server, control):
    statuses: list[int] = []
    done = threading.Event()

    def load():
        while not done.is_set():
            statuses.append(production_server.get("/tilbud/?q=vikinger+skib&sorter=titel", HTTPS).status)

    thread = threading.Thread(target=load)
    thread.start()
    try:
        for _round in range(20):
            terminate_connections(control)
            threading.Event().wait(0.05)
    finally:
        done.set()
        thread.join(timeout=60)
    assert statuses and set(statuses) <= {200, 503}, statuses
    assert production_server.get("/tilbud/?q=vikinger", HTTPS).status == 200


def test_a_statement_held_up_past_the_timeout_answers_503(db):
    """A request waits for a table that another transaction has locked: cut off, it answers 503 (here with
    a 100 ms bound instead of the 5 s default, to keep the test short)."""
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = '100ms'")  # undone when the test's transaction rolls back
    with connect(connection.settings_dict) as other, other.transaction():
        other.execute("LOCK TABLE offers_offer IN ACCESS EXCLUSIVE MODE")
        response = Client(raise_request_exception=False).get("/tilbud/")
    assert response.status_code == 503
    assert response["Retry-After"] == str(errors.RETRY_AFTER_SECONDS)
    assert DANISH_503 in response.content.decode()
