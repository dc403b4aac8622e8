"""A real server for tests: gunicorn serving the portal as a deployment runs it (PORTAL_PRODUCTION=1, a secret
key, allowed hosts, collected static files), against the test database, on a Unix socket (no port to
allocate). Requests are plain HTTP, as from a load balancer; a test adds `X-Forwarded-Proto: https` for a
request that reached the load balancer over HTTPS. The fixtures are in tests/conftest.py."""

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import Message
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parent.parent
HOST = "aabenskole.example.dk"
PRODUCTION_ENV = {
    "PORTAL_PRODUCTION": "1",
    "DJANGO_SECRET_KEY": "k3Qw9-test-only-7vPz2xL0aR5sT8uY1bN4cM6dF3gH0jK2lQ9wE7rT5yU1iO3pA",
    "DJANGO_ALLOWED_HOSTS": HOST,
}
HTTPS = {"X-Forwarded-Proto": "https"}


def clean_environment(**env: str) -> dict[str, str]:
    """This process's environment without the portal's settings, plus `env`."""
    kept = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_", "DATABASE_"))}
    return {**kept, **env}


def database_url(settings_dict: dict) -> str:
    """A DATABASE_URL for the database Django is connected to (in tests: the test database)."""
    user = quote(settings_dict["USER"] or "", safe="")
    password = f":{quote(settings_dict['PASSWORD'], safe='')}" if settings_dict["PASSWORD"] else ""
    host = quote(settings_dict["HOST"] or "", safe="")
    port = f":{settings_dict['PORT']}" if settings_dict["PORT"] else ""
    return f"postgres://{user}{password}@{host}{port}/{settings_dict['NAME']}"


def connect(settings_dict: dict, dbname: str | None = None):
    """A psycopg connection of its own (autocommit) to the test database, or to `dbname` on its server:
    outside the test's transaction, as another process would be."""
    import psycopg

    keys = {"host": "HOST", "port": "PORT", "user": "USER", "password": "PASSWORD"}
    params = {key: settings_dict[name] for key, name in keys.items() if settings_dict[name]}
    return psycopg.connect(dbname=dbname or settings_dict["NAME"], autocommit=True, **params)


@contextmanager
def committed_superuser(settings_dict: dict, username: str, password: str):
    """A superuser the server can see (committed, unlike a test's own objects), removed afterwards with
    the sessions it opened."""
    from django.contrib.auth.hashers import make_password

    with connect(settings_dict) as conn:
        (pk,) = conn.execute(
            "INSERT INTO auth_user (password, is_superuser, username, first_name, last_name, email, is_staff,"
            " is_active, date_joined) VALUES (%s, true, %s, '', '', '', true, true, now()) RETURNING id",
            [make_password(password), username],
        ).fetchone()
        try:
            yield pk
        finally:
            conn.execute("DELETE FROM django_session")
            conn.execute("DELETE FROM auth_user WHERE id = %s", [pk])


@dataclass
class Response:
    status: int
    headers: Message
    body: str

    def cookies(self) -> SimpleCookie:
        jar = SimpleCookie()
        for header in self.headers.get_all("Set-Cookie") or []:
            jar.load(header)
        return jar


class _UnixConnection(http.client.HTTPConnection):
    def __init__(self, path: str):
        super().__init__(HOST, timeout=30)
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self.path)


class ProductionServer:
    def __init__(self, static_root: Path, settings_dict: dict, **env: str):
        self.folder = Path(tempfile.mkdtemp(prefix="portal-gunicorn-"))  # short: socket paths are limited
        self.socket = str(self.folder / "gunicorn.sock")
        self.log = self.folder / "gunicorn.log"
        self.env = clean_environment(
            **PRODUCTION_ENV,
            DATABASE_URL=database_url(settings_dict),
            DJANGO_STATIC_ROOT=str(static_root),
            **env,
        )
        self.process: subprocess.Popen | None = None

    def start(self) -> "ProductionServer":
        command = [sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", f"unix:{self.socket}"]
        command += ["--workers", "1", "--timeout", "60", "--no-control-socket"]
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=log)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log.read_text()}")
            try:
                self.get("/healthz")  # any answer: the tests judge the answers
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"gunicorn did not answer within 30 s:\n{self.log.read_text()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # gunicorn's quick shutdown
            self.process.wait(timeout=30)
        shutil.rmtree(self.folder, ignore_errors=True)

    def request(self, method: str, path: str, *, headers: dict | None = None, body: str | None = None):
        connection = _UnixConnection(self.socket)
        try:
            connection.request(method, path, body=body, headers={"Host": HOST, **(headers or {})})
            response = connection.getresponse()
            return Response(response.status, response.headers, response.read().decode("utf-8", "replace"))
        finally:
            connection.close()

    def get(self, path: str, headers: dict | None = None) -> Response:
        return self.request("GET", path, headers=headers)

    def post(self, path: str, data: dict, headers: dict | None = None) -> Response:
        headers = {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})}
        return self.request("POST", path, headers=headers, body=urlencode(data))
