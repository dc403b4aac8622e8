"""Deployment settings: production mode passes `check --deploy`, refuses to start without a secret,
and serves compressed static files with hashed names."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.env import env_bool

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "PORTAL_PRODUCTION": "1",
    "DJANGO_SECRET_KEY": "k3Qw9-test-only-7vPz2xL0aR5sT8uY1bN4cM6dF3gH0jK2lQ9wE7rT5yU1iO3pA",
    "DJANGO_ALLOWED_HOSTS": "aabenskole.example.dk",
}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True
    )


def test_production_settings_pass_check_deploy():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SECRET_KEY"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_collectstatic_writes_hashed_and_compressed_files(tmp_path):
    result = manage("collectstatic", "--noinput", env={**PRODUCTION_ENV, "DJANGO_STATIC_ROOT": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    css = [p.name for p in (tmp_path / "css").iterdir() if p.name.startswith("portal.")]
    assert any(len(name.split(".")) == 3 and name.endswith(".css") for name in css), css  # portal.<hash>.css
    assert any(name.endswith(".css.gz") for name in css), css


def test_boolean_settings_reject_nonsense(monkeypatch):
    monkeypatch.setenv("DJANGO_DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DJANGO_DEBUG"):
        env_bool("DJANGO_DEBUG")
