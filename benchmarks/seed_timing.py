"""Time `manage.py seed_demo` for a few catalogue sizes (default 2,500 and 50,000 offers).

For each size it (re)creates a throwaway database, migrates it (timed apart), then runs
`manage.py seed_demo --offers N` in a fresh process and reports the wall time of that process, the time
the command reports itself (generation and writing, without start-up), the rows written and rows per
second, and the peak memory of the process. The database is dropped at the end unless --keep.

    .venv/bin/python benchmarks/seed_timing.py [--sizes 2500 50000] [--database aabenskole_bench_seed]

The server comes from $DATABASE_URL (its database name is replaced by --database), else from
bin/devdb.py (PostgreSQL on 127.0.0.1:5432, else the project-local server). The script DROPS the
database named by --database, so never point it at one you care about.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def server_url(database: str) -> str:
    """A DATABASE_URL for ``database`` on the server the project uses."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        env = {**os.environ, "PORTAL_DB_NAME": database}
        url = subprocess.run(
            [PYTHON, str(ROOT / "bin" / "devdb.py")], env=env, check=True, capture_output=True, text=True
        ).stdout.strip()
    parts = urlsplit(url)
    if parts.path.lstrip("/") == database and os.environ.get("DATABASE_URL"):
        sys.exit(f"--database {database} is the database in DATABASE_URL; choose a throwaway name.")
    return urlunsplit(parts._replace(path=f"/{database}"))


def recreate(url: str, database: str) -> None:
    with psycopg.connect(url, dbname="postgres", autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))


def drop(url: str, database: str) -> None:
    with psycopg.connect(url, dbname="postgres", autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database)))


def run_manage(url: str, *args: str) -> tuple[float, str, float]:
    """Run manage.py in a fresh process: (wall seconds, output, peak memory in MB)."""
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "portal.settings"}
    began = time.perf_counter()
    proc = subprocess.Popen(
        [PYTHON, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output = proc.stdout.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - began
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{output}")
    return seconds, output, usage.ru_maxrss / 1024


def row_counts(url: str) -> dict[str, int]:
    """Exact row counts of every table in the public schema."""
    with psycopg.connect(url) as conn:
        tables = [t for (t,) in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        return {
            table: conn.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))).fetchone()[
                0
            ]
            for table in sorted(tables)
        }


def latest_migration(url: str, app: str) -> str:
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT max(name) FROM django_migrations WHERE app = %s", [app]).fetchone()
        return row[0] or "none"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2500, 50_000], help="offers per run")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database", default="aabenskole_bench_seed", help="throwaway database (dropped!)")
    parser.add_argument("--keep", action="store_true", help="keep the database of the last size")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    options = parser.parse_args()

    url = server_url(options.database)
    print(f"server: {urlsplit(url)._replace(path='').geturl()}  database: {options.database} (throwaway)")
    print(
        f"machine: {os.cpu_count()} CPUs; load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    results = []
    for size in options.sizes:
        recreate(url, options.database)
        migrate_s, _out, _mem = run_manage(url, "migrate", "--noinput")
        before = row_counts(url)  # reference data written by the migrations
        wall, output, peak_mb = run_manage(
            url, "seed_demo", "--offers", str(size), "--seed", str(options.seed)
        )
        reported = re.search(r"in ([0-9.]+) s\.", output)
        counts = {t: n - before.get(t, 0) for t, n in row_counts(url).items() if n != before.get(t, 0)}
        rows = sum(counts.values())
        schema = latest_migration(url, "offers")
        results.append(
            {
                "offers": size,
                "migrate_s": round(migrate_s, 2),
                "seed_wall_s": round(wall, 2),
                "seed_reported_s": float(reported.group(1)) if reported else None,
                "rows": rows,
                "row_counts": counts,
                "offers_per_s": round(counts["offers_offer"] / wall),
                "rows_per_s": round(rows / wall),
                "peak_rss_mb": round(peak_mb),
                "load_after": [round(x, 2) for x in os.getloadavg()],
                "schema": schema,
            }
        )
        print(f"  {size:,} offers (schema: offers {schema}): {output.strip().splitlines()[-1]}", flush=True)
    if not options.keep:
        drop(url, options.database)

    print()
    header = (
        f"{'offers':>8} {'migrate s':>10} {'seed wall s':>12} {'cmd says s':>11} "
        f"{'rows':>9} {'offers/s':>9} {'rows/s':>8} {'peak MB':>8}  load after"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        print(
            f"{r['offers']:>8,} {r['migrate_s']:>10.1f} {r['seed_wall_s']:>12.1f} "
            f"{r['seed_reported_s'] if r['seed_reported_s'] is not None else '?':>11} "
            f"{r['rows']:>9,} {r['offers_per_s']:>9,} {r['rows_per_s']:>8,} {r['peak_rss_mb']:>8}  "
            f"{' '.join(str(x) for x in r['load_after'])}"
        )
    print("\nrows: every row seed_demo added, in all tables (offers, places, links, sites, partnerships …)")
    for r in results:
        print(f"  {r['offers']:,}: " + ", ".join(f"{t} {n:,}" for t, n in r["row_counts"].items()))
    if options.json:
        options.json.write_text(json.dumps({"cpus": os.cpu_count(), "results": results}, indent=2))


if __name__ == "__main__":
    main()
