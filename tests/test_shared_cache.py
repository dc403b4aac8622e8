"""Several app servers behind a proxy share one Redis cache (CACHE_URL): a search one server counted is
reused by the other, and an edit made through either shows at once on both. Real parts: redis-server
(Debian package; started here on a free loopback port), two gunicorn instances on the test database."""

import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from offers.models import Offer

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(check, what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except Exception:  # not listening yet
            pass
        time.sleep(0.1)
    raise AssertionError(f"{what} did not start within {seconds:.0f} s")


@pytest.fixture(scope="module")
def redis_url():
    binary = shutil.which("redis-server")
    if not binary:
        message = "The shared-cache test needs redis-server (Debian package 'redis-server')."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    import redis

    port = free_port()
    with tempfile.TemporaryDirectory() as workdir:
        server = subprocess.Popen(
            [
                binary,
                "--bind",
                "127.0.0.1",
                "--port",
                str(port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                workdir,
            ],
            stdout=subprocess.DEVNULL,
        )
        url = f"redis://127.0.0.1:{port}/0"
        try:
            wait_for(lambda: redis.Redis.from_url(url).ping(), "redis-server")
            yield url
        finally:
            server.terminate()
            server.wait(timeout=10)


@pytest.fixture
def app_servers(redis_url, transactional_db, django_db_serialized_rollback):
    """Two gunicorn instances on the test database, sharing the Redis cache."""
    db = connection.settings_dict
    database_url = "postgres://{user}@{host}:{port}/{name}".format(
        user=urllib.parse.quote(db["USER"] or ""),
        host=urllib.parse.quote(db["HOST"] or "", safe=""),
        port=db["PORT"] or 5432,
        name=db["NAME"],
    )
    env = {**os.environ, "DATABASE_URL": database_url, "CACHE_URL": redis_url, "DJANGO_DEBUG": "1"}
    env.pop("PORTAL_PRODUCTION", None)
    servers, urls = [], []
    try:
        for _ in range(2):
            port = free_port()
            servers.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "gunicorn",
                        "portal.wsgi",
                        "--bind",
                        f"127.0.0.1:{port}",
                        "--workers",
                        "1",
                    ],
                    cwd=ROOT,
                    env=env,
                    stderr=subprocess.DEVNULL,
                )
            )
            url = f"http://127.0.0.1:{port}"
            wait_for(lambda url=url: urllib.request.urlopen(url + "/healthz").status == 200, "gunicorn")
            urls.append(url)
        yield urls
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)


def get(url: str) -> str:
    with urllib.request.urlopen(url) as response:
        return response.read().decode()


def admin_session(base: str, username: str, password: str):
    """A browser-like session logged in to the back office of the server at ``base``."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def post(path: str, data: dict) -> None:
        page = opener.open(base + path).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True).encode()
        opener.open(urllib.request.Request(base + path, data=body, headers={"Referer": base + path}))

    post("/admin/login/?next=/admin/", {"username": username, "password": password, "next": "/admin/"})
    return post


def test_two_app_servers_share_the_cache_and_both_show_an_edit_at_once(app_servers, redis_url, make_offer):
    import redis

    first, second = app_servers
    cache = redis.Redis.from_url(redis_url)
    cache.flushdb()
    offer = make_offer("Zeppelinen over Lejre", key="zeppelin")
    get_user_model().objects.create_superuser("redaktor", "redaktor@example.dk", "correct-horse-battery")

    assert "Zeppelinen over Lejre" in get(f"{second}/tilbud/?q=zeppelin")
    stored = cache.dbsize()
    assert stored > 0  # the second server cached the search in Redis …
    assert "Zeppelinen over Lejre" in get(f"{first}/tilbud/?q=zeppelin")
    assert cache.dbsize() == stored  # … and the first server found it there

    post = admin_session(first, "redaktor", "correct-horse-battery")
    post("/admin/offers/offer/", {"action": "archive", "_selected_action": offer.pk, "index": "0"})

    assert Offer.objects.get(pk=offer.pk).status == Offer.Status.ARCHIVED
    for server in (second, first):
        page = get(f"{server}/tilbud/?q=zeppelin")
        assert "Zeppelinen over Lejre" not in page
        assert "Ingen tilbud matcher “zeppelin”." in page
