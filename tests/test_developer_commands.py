"""What a developer types: manage.py finds the same database as `make` without DATABASE_URL, two checkouts
never share a database, `make run PORT=…`, `make db-stop` says what it did, createsuperuser speaks one
language, the console shows each log line once, management commands are not cut off by the web's statement
timeout, and a server with DEBUG off never runs with the committed development key."""

import builtins
import getpass
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.utils.http import urlsafe_base64_encode

from portal import localdb

ROOT = Path(__file__).resolve().parent.parent


def without_database_url() -> dict[str, str]:
    """The environment of a developer's shell: no DATABASE_URL (only `make` exports one)."""
    return {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DATABASE_STATEMENT_TIMEOUT")}


def run(*command: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        command, cwd=ROOT, env=env or without_database_url(), capture_output=True, text=True
    )


@pytest.fixture(scope="module")
def a_command():
    """One management command run as a developer would, reporting its database, its statement timeout and
    what it logs."""
    script = (
        "import logging; from django.db import connection; cursor = connection.cursor();"
        "cursor.execute('SHOW statement_timeout');"
        "print(connection.settings_dict['NAME'], connection.settings_dict['HOST'] or '-', cursor.fetchone()[0]);"
        "logging.getLogger('django.request').warning('Not Found: /probe');"
        "logging.getLogger('django.server').info('\"GET /probe HTTP/1.1\" 200 1')"
    )
    result = run(sys.executable, "manage.py", "shell", "-v", "0", "-c", script)
    assert result.returncode == 0, result.stderr
    return result


def test_manage_py_finds_the_database_that_make_uses_without_database_url(a_command):
    url = run(sys.executable, "bin/devdb.py").stdout.strip()
    name, host, _timeout = a_command.stdout.split()
    assert url.endswith(f"/{name}") and host.replace("/", "%2F") in url


def test_management_commands_have_no_statement_timeout_but_requests_do(a_command, db):
    assert a_command.stdout.split()[2] == "0"
    with connection.cursor() as cursor:  # this process serves requests, as gunicorn does
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "5s"


def test_the_console_shows_each_log_line_once(a_command):
    assert a_command.stderr.count("Not Found: /probe") == 1
    assert a_command.stderr.count('"GET /probe HTTP/1.1" 200 1') == 1  # runserver's line per request


def test_two_checkouts_get_their_own_database_by_default(monkeypatch):
    monkeypatch.delenv("PORTAL_DB_NAME", raising=False)
    first, second = localdb.default_name(Path("/home/a/portal")), localdb.default_name(Path("/srv/b/portal"))
    assert first != second
    assert first.startswith("aabenskole_portal_") and len("test_" + first) <= 63
    assert localdb.db_name() == localdb.default_name(ROOT)


def test_a_database_name_that_is_not_an_identifier_is_refused(monkeypatch):
    monkeypatch.setenv("PORTAL_DB_NAME", 'x"; DROP DATABASE y; --')
    with pytest.raises(localdb.NoDatabase, match="PORTAL_DB_NAME must be letters, digits and _"):
        localdb.db_name()


def test_db_stop_says_that_nothing_runs_when_nothing_runs(monkeypatch, tmp_path):
    monkeypatch.setattr(localdb, "DATA_DIR", tmp_path / ".pgdata")
    assert localdb.stop_local_server().endswith("; nothing to stop.")


def test_make_run_takes_a_port():
    result = run("make", "-n", "run", "PORT=8010")
    assert result.returncode == 0, result.stderr
    assert "runserver 127.0.0.1:8010" in result.stdout
    assert "http://127.0.0.1:8010/" in result.stdout


def test_createsuperuser_asks_in_english_only(db, monkeypatch):
    prompts = []
    answers = iter(["driftschef", "drift@example.dk"])

    def ask(prompt=""):
        prompts.append(prompt)
        return next(answers)

    def ask_password(prompt="Password: ", stream=None):
        prompts.append(prompt)
        return "correct-horse-battery-staple"

    monkeypatch.setattr(builtins, "input", ask)
    monkeypatch.setattr(getpass, "getpass", ask_password)
    tty = type("TTY", (), {"isatty": lambda self: True})()
    call_command("createsuperuser", interactive=True, stdin=tty, stdout=io.StringIO())
    assert prompts[0].startswith("Username (leave blank to use ")
    assert prompts[1:] == ["Email address: ", "Password: ", "Password (again): "]
    assert get_user_model().objects.get(username="driftschef").is_superuser


def test_debug_off_without_production_refuses_the_committed_development_key():
    env = {**without_database_url(), "DJANGO_DEBUG": "0"}
    env.pop("DJANGO_SECRET_KEY", None)
    env.pop("PORTAL_PRODUCTION", None)
    result = run(sys.executable, "manage.py", "check", env=env)
    assert result.returncode != 0
    assert "DJANGO_DEBUG is off but DJANGO_SECRET_KEY is not set" in result.stderr
    key = urlsafe_base64_encode(os.urandom(40))
    assert run(sys.executable, "manage.py", "check", env={**env, "DJANGO_SECRET_KEY": key}).returncode == 0
