"""Benchmark the catalogue search /tilbud/ on a seeded catalogue (default 50,000 offers).

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/aabenskole_bench   # a scratch database
    .venv/bin/python benchmarks/search_benchmark.py [--offers 50000] [--reseed] [--json results.json]

1. Database: migrates the database in DATABASE_URL and seeds it with `seed_demo --offers N` when it is
   empty; reuses it when it already holds exactly N offers; refuses any other content unless --reseed
   (which deletes ALL offers, learning places and partnerships in that database and seeds again).
   Then VACUUM (ANALYZE) of the catalogue tables, as autovacuum would after a bulk load.
2. Server time, in process: Django's test Client with DEBUG off times every scenario --repeat times
   after a warm-up, rotating over several addresses per scenario, and reports median and 95th percentile
   in ms, the part of it spent waiting for PostgreSQL, the CPU time of the Django process, and the
   number of SQL queries per page.
3. Throughput: starts gunicorn (--workers sync workers, DEBUG off, static files collected into a
   temporary folder) and drives it from a separate load-generator process on loopback (threads, one
   http.client connection each, fixed duration). /healthz (a view that does nothing) and the search
   /tilbud/?q=<word> (rotating words) are measured in alternating rounds in the same run; the ratio is
   search/healthz. The load generator, gunicorn and PostgreSQL share the machine's cores: the report
   shows how much CPU each took, and the machine's load.

Nothing is hard-coded: every figure printed is measured in this run.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS: dict[str, list[str]] = {
    "healthz (trivial view)": ["/healthz"],
    "a) no filters": ["/tilbud/", "/tilbud/?page=2", "/tilbud/?page=40", "/tilbud/?sorter=titel"],
    "b) a common word": [
        "/tilbud/?q=natur",
        "/tilbud/?q=historie",
        "/tilbud/?q=museum",
        "/tilbud/?q=kunst",
        "/tilbud/?q=vand",
    ],
    "c) word + two facets": [
        "/tilbud/?q=natur&fag=biologi&klassetrin=5-klasse",
        "/tilbud/?q=historie&fag=historie&klassetrin=8-klasse",
        "/tilbud/?q=museum&klassetrin=3-klasse&format=visit",
        "/tilbud/?q=kunst&fag=billedkunst&region=1084",
        "/tilbud/?q=vand&fag=natur-teknologi&gratis=1",
    ],
    "api: a common word": ["/api/tilbud/?q=natur", "/api/tilbud/?q=historie", "/api/tilbud/?q=museum"],
}
LOAD_WORDS = ["natur", "historie", "museum", "kunst", "vand"]


# --- helpers ---------------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (0–100), linear interpolation between closest ranks."""
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def load_text() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot, from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    ticks = os.sysconf("SC_CLK_TCK")
    idle = fields[3] + fields[4]  # idle + iowait
    return (sum(fields) - idle) / ticks, sum(fields) / ticks


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds of these processes (the ones still alive)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:  # the process has ended
            continue
        fields = stat.rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


class PostgresCpu(threading.Thread):
    """Samples (every 0.1 s) the CPU time of the PostgreSQL processes that serve ``database``: its
    backends and the parallel workers they start, which live only as long as one query. CPU that a
    short-lived worker spends after its last sample is missed, so the figure is a slight underestimate."""

    def __init__(self, database: str, own_pid: int):
        super().__init__(daemon=True)
        self.pattern = re.compile(rf"^postgres: .*? \S+ {re.escape(database)} ")
        self.own_pid = own_pid  # the benchmark's own connection, not part of the load
        self.backends: set[int] = set()
        self.first: dict[int, float] = {}
        self.last: dict[int, float] = {}
        self.stopping = threading.Event()
        self.ticks = os.sysconf("SC_CLK_TCK")
        self.started_at = float(Path("/proc/uptime").read_text().split()[0]) * self.ticks

    def sample(self) -> None:
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
                if "(postgres)" not in stat:
                    continue
                command = (entry / "cmdline").read_text().replace("\0", " ")
            except OSError:
                continue
            pid = int(entry.name)
            worker = re.search(r"parallel worker for PID (\d+)", command)
            if pid == self.own_pid or not (
                self.pattern.search(command) or (worker and int(worker[1]) in self.backends)
            ):
                continue
            if not worker:
                self.backends.add(pid)
            fields = stat.rsplit(")", 1)[1].split()
            cpu, born = (int(fields[11]) + int(fields[12])) / self.ticks, int(fields[19])
            self.first.setdefault(pid, 0.0 if born >= self.started_at else cpu)
            self.last[pid] = cpu

    def run(self) -> None:
        while not self.stopping.wait(0.1):
            self.sample()

    def stop(self) -> float:
        """Stop sampling; CPU seconds used since the start."""
        self.stopping.set()
        self.join()
        self.sample()
        return sum(self.last[pid] - self.first[pid] for pid in self.last)


def own_backend_pid() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


# --- 1. the database -----------------------------------------------------------------------------------


def ensure_database() -> None:
    """Create the database named in the settings when it does not exist yet."""
    import psycopg
    from django.conf import settings
    from psycopg import sql

    db = settings.DATABASES["default"]
    params = {"host": db["HOST"], "port": db["PORT"], "user": db["USER"], "password": db["PASSWORD"]}
    params = {key: value for key, value in params.items() if value}
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))
            print(f"database: created {db['NAME']}")


def ensure_catalogue(offers: int, reseed: bool) -> dict:
    from django.core.management import call_command

    from offers.models import Offer, Provider

    ensure_database()
    call_command("migrate", verbosity=0)
    found, places = Offer.objects.count(), Provider.objects.count()
    if found == offers and not reseed:
        print(f"database: reusing {found:,} seeded offers")
        return {"seeded": False}
    if (found or places) and not reseed:
        sys.exit(
            f"The database holds {found:,} offers and {places:,} learning places, not {offers:,} offers: "
            "use --reseed to replace them all, or point DATABASE_URL at a scratch database."
        )
    print(f"database: seeding {offers:,} offers …", flush=True)
    began = time.perf_counter()
    call_command("seed_demo", offers=offers, replace=True)
    seconds = time.perf_counter() - began
    print(f"database: seeded in {seconds:.1f} s", flush=True)
    return {"seeded": True, "seed_s": round(seconds, 1)}


def vacuum() -> float:
    """VACUUM (ANALYZE) the catalogue tables, as autovacuum would after a bulk load (some servers run
    with autovacuum off): the benchmark then measures a settled database, not the dead rows of seeding."""
    from django.db import connection

    from offers.models import Offer, Provider

    tables = [Offer._meta.db_table, Provider._meta.db_table] + [
        Offer._meta.get_field(name).remote_field.through._meta.db_table
        for name in ("subjects", "grades", "sdgs")
    ]
    began = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 0")  # maintenance, not a request (portal/settings.py)
        cursor.execute("VACUUM (ANALYZE) " + ", ".join(connection.ops.quote_name(t) for t in tables))
    return time.perf_counter() - began


def postgres_settings() -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, setting FROM pg_settings WHERE name IN ('jit', 'max_parallel_workers_per_gather', "
            "'shared_buffers', 'work_mem', 'autovacuum', 'server_version')"
        )
        return dict(cursor.fetchall())


def latest_migrations() -> dict:
    """The newest applied migration of each project app: which search code the figures belong to."""
    from django.db import connection
    from django.db.migrations.recorder import MigrationRecorder

    applied = MigrationRecorder(connection).applied_migrations()
    latest = {}
    for app in ("offers", "municipalities", "partnerships"):
        names = sorted(name for label, name in applied if label == app)
        latest[app] = names[-1] if names else None
    return latest


# --- 2. server time in process ---------------------------------------------------------------------


@dataclass
class ScenarioResult:
    name: str
    urls: list[str]
    samples: int
    median_ms: float
    p95_ms: float
    min_ms: float
    max_ms: float
    db_median_ms: float
    cpu_median_ms: float
    queries: list[int]
    hits: dict[str, int] = field(default_factory=dict)


class DatabaseTimer:
    """An execute wrapper that adds up the time spent waiting for the database."""

    def __init__(self):
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        began = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - began


def server_times(repeat: int, warmup: int, cold: bool) -> list[ScenarioResult]:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    results = []
    for name, urls in SCENARIOS.items():
        queries, hits = [], {}
        for url in urls:
            for _ in range(warmup):
                response = client.get(url)
                if response.status_code != 200:
                    sys.exit(f"{url} answered {response.status_code}")
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            queries.append(len(captured))
            if "/tilbud/" in url:
                hits[url] = _hits(url)
        durations, db_times, cpu_times = [], [], []
        timer = DatabaseTimer()
        with connection.execute_wrapper(timer):
            for i in range(repeat):
                timer.seconds = 0.0
                if cold:
                    cache.clear()  # no cached search counts: every request counts its hits
                began, cpu_began = time.perf_counter(), time.process_time()
                client.get(urls[i % len(urls)])
                durations.append((time.perf_counter() - began) * 1000)
                cpu_times.append((time.process_time() - cpu_began) * 1000)
                db_times.append(timer.seconds * 1000)
        results.append(
            ScenarioResult(
                name=name,
                urls=urls,
                samples=len(durations),
                median_ms=round(statistics.median(durations), 1),
                p95_ms=round(percentile(durations, 95), 1),
                min_ms=round(min(durations), 1),
                max_ms=round(max(durations), 1),
                db_median_ms=round(statistics.median(db_times), 1),
                cpu_median_ms=round(statistics.median(cpu_times), 1),
                queries=sorted(set(queries)),
                hits=hits,
            )
        )
        print(f"  {name}: median {results[-1].median_ms} ms", flush=True)
    return results


def _hits(url: str) -> int:
    from django.http import QueryDict

    from offers.models import Offer
    from offers.search_engine import run_search

    query = url.partition("?")[2]
    return run_search(QueryDict(query), Offer.objects.published()).total


# --- 3. throughput under load --------------------------------------------------------------------------


def load_generator(port: int, paths: list[str], concurrency: int, seconds: float, queue) -> None:
    """Runs in its own process: ``concurrency`` threads, each with one HTTP/1.1 connection (reopened
    when the server closes it), request paths in rotation until ``seconds`` have passed."""
    stop_at = time.perf_counter() + seconds
    latencies: list[list[float]] = [[] for _ in range(concurrency)]
    errors = [0] * concurrency

    def worker(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        i = n
        while time.perf_counter() < stop_at:
            path = paths[i % len(paths)]
            i += 1
            began = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Host": "127.0.0.1"})
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    errors[n] += 1
                    continue
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
            except (OSError, http.client.HTTPException):
                errors[n] += 1
                conn.close()
                continue
            latencies[n].append(time.perf_counter() - began)
        conn.close()

    began = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    usage = os.times()
    queue.put(
        {
            "elapsed": elapsed,
            "latencies": [x for per_thread in latencies for x in per_thread],
            "errors": sum(errors),
            "cpu_s": usage.user + usage.system,
        }
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env: dict, workers: int, worker_class: str, port: int) -> subprocess.Popen:
    gunicorn = Path(sys.executable).parent / "gunicorn"
    command = [
        str(gunicorn),
        "portal.wsgi",
        "--workers",
        str(workers),
        "--worker-class",
        worker_class,
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    sys.exit("gunicorn did not answer /healthz within 30 s")


def run_load(port: int, paths: list[str], options, server: subprocess.Popen, database: str) -> dict:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    workers = children(server.pid)
    postgres = PostgresCpu(database, own_backend_pid())
    postgres.sample()
    postgres.start()
    server_cpu = cpu_seconds([server.pid, *workers])
    busy, total = machine_busy()
    process = context.Process(
        target=load_generator, args=(port, paths, options.concurrency, options.seconds, queue)
    )
    process.start()
    result = queue.get()
    process.join()
    busy_after, total_after = machine_busy()
    server_cpu = cpu_seconds([server.pid, *workers]) - server_cpu
    db_cpu = postgres.stop()
    elapsed = result["elapsed"]
    latencies = result["latencies"]
    done = len(latencies)
    return {
        "paths": paths,
        "requests": done,
        "errors": result["errors"],
        "seconds": round(elapsed, 2),
        "rps": round(done / elapsed, 1),
        "latency_median_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
        "latency_p95_ms": round(percentile(latencies, 95) * 1000, 1) if latencies else None,
        "cpu_gunicorn": round(server_cpu / elapsed, 2),
        "cpu_postgres": round(db_cpu / elapsed, 2),
        "cpu_loadgen": round(result["cpu_s"] / elapsed, 2),
        "cpu_machine": round((busy_after - busy) / elapsed, 2),
        "cpu_capacity": round((total_after - total) / elapsed, 2),
        "load": load_text(),
    }


def throughput(options, database: str) -> dict:
    from django.conf import settings

    port = free_port()
    server = start_gunicorn(dict(os.environ), options.workers, options.worker_class, port)
    try:
        search_paths = [f"/tilbud/?q={word}" for word in LOAD_WORDS]
        targets = {"healthz": ["/healthz"], "search": search_paths}
        print(
            f"  warm-up {options.warmup_seconds:.0f} s each; then {options.rounds} alternating rounds of "
            f"{options.seconds:.0f} s, {options.concurrency} connections",
            flush=True,
        )
        for paths in targets.values():
            warm = argparse.Namespace(**{**vars(options), "seconds": options.warmup_seconds})
            run_load(port, paths, warm, server, database)
        rounds = {name: [] for name in targets}
        for n in range(options.rounds):
            for name, paths in targets.items():
                rounds[name].append(run_load(port, paths, options, server, database))
                r = rounds[name][-1]
                print(
                    f"  round {n + 1} {name:<8} {r['rps']:8.1f} req/s  "
                    f"(cpu: gunicorn {r['cpu_gunicorn']}, postgres {r['cpu_postgres']}, "
                    f"load generator {r['cpu_loadgen']}, whole machine {r['cpu_machine']}"
                    f"/{r['cpu_capacity']}; load {r['load']})",
                    flush=True,
                )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    summary = {name: _combine(runs) for name, runs in rounds.items()}
    summary["ratio"] = round(summary["search"]["rps"] / summary["healthz"]["rps"], 5)
    summary["rounds"] = rounds
    summary["settings"] = {
        "workers": options.workers,
        "worker_class": options.worker_class,
        "concurrency": options.concurrency,
        "seconds_per_round": options.seconds,
        "rounds": options.rounds,
        "search_paths": targets["search"],
        "conn_max_age": settings.DATABASES["default"].get("CONN_MAX_AGE"),
    }
    return summary


def _combine(runs: list[dict]) -> dict:
    requests = sum(r["requests"] for r in runs)
    seconds = sum(r["seconds"] for r in runs)

    def mean(key):
        return round(statistics.fmean(r[key] for r in runs), 2)

    return {
        "requests": requests,
        "errors": sum(r["errors"] for r in runs),
        "rps": round(requests / seconds, 1),
        "rps_per_round": [r["rps"] for r in runs],
        "latency_median_ms": round(statistics.median(r["latency_median_ms"] for r in runs), 1),
        "latency_p95_ms": round(max(r["latency_p95_ms"] for r in runs), 1),
        "cpu_gunicorn": mean("cpu_gunicorn"),
        "cpu_postgres": mean("cpu_postgres"),
        "cpu_loadgen": mean("cpu_loadgen"),
        "cpu_machine": mean("cpu_machine"),
    }


# --- report ----------------------------------------------------------------------------------------------


def print_report(meta: dict, scenarios: list[ScenarioResult], load: dict | None) -> None:
    print()
    print(f"Search benchmark, {meta['when']} on {meta['machine']}")
    print(
        f"{meta['offers']:,} offers ({meta['published']:,} published); load average at start {meta['load_start']}"
    )
    print()
    pg = meta["postgres"]
    print(
        f"PostgreSQL {pg.get('server_version')}: jit={pg.get('jit')}, max_parallel_workers_per_gather="
        f"{pg.get('max_parallel_workers_per_gather')}, shared_buffers={pg.get('shared_buffers')} (8 kB pages), "
        f"autovacuum={pg.get('autovacuum')}; catalogue tables vacuumed first ({meta['vacuum_s']} s)"
    )
    print("schema: " + ", ".join(f"{app} {name}" for app, name in meta["schema"].items()))
    print()
    header = (
        f"{'scenario':<24} {'n':>4} {'median ms':>10} {'p95 ms':>8} {'min':>7} {'max':>7} "
        f"{'db ms':>7} {'py cpu ms':>10} {'queries':>8}"
    )
    print(
        "Server time in process (Django test Client, DEBUG off). db ms: median time waiting for PostgreSQL;"
    )
    print("py cpu ms: median CPU time of the Django process itself (rendering, ORM, forms).")
    print(header)
    print("-" * len(header))
    for s in scenarios:
        queries = (
            "–".join(str(q) for q in (s.queries[0], s.queries[-1]))
            if len(s.queries) > 1
            else str(s.queries[0])
        )
        print(
            f"{s.name:<24} {s.samples:>4} {s.median_ms:>10.1f} {s.p95_ms:>8.1f} {s.min_ms:>7.1f} "
            f"{s.max_ms:>7.1f} {s.db_median_ms:>7.1f} {s.cpu_median_ms:>10.1f} {queries:>8}"
        )
    print("\nHits per address:")
    for s in scenarios:
        for url, n in s.hits.items():
            print(f"  {n:>6,}  {url}")
    if not load:
        return
    cfg = load["settings"]
    print(
        f"\nThroughput: gunicorn {cfg['workers']} × {cfg['worker_class']} workers, load generator in its own "
        f"process with {cfg['concurrency']} connections, {cfg['rounds']} × {cfg['seconds_per_round']:.0f} s "
        "per target, alternating, all on the same machine (loopback)"
    )
    header = (
        f"{'target':<8} {'req/s':>8} {'rounds':>24} {'lat med ms':>11} {'lat p95 ms':>11} "
        f"{'errors':>7} {'cpu: gunicorn':>14} {'postgres':>9} {'loadgen':>8} {'machine':>8}"
    )
    print(header)
    print("-" * len(header))
    for name in ("healthz", "search"):
        r = load[name]
        rounds = " ".join(f"{x:.0f}" if x >= 100 else f"{x:.1f}" for x in r["rps_per_round"])
        print(
            f"{name:<8} {r['rps']:>8.1f} {rounds:>24} {r['latency_median_ms']:>11.1f} {r['latency_p95_ms']:>11.1f} "
            f"{r['errors']:>7} {r['cpu_gunicorn']:>14.2f} {r['cpu_postgres']:>9.2f} {r['cpu_loadgen']:>8.2f} "
            f"{r['cpu_machine']:>8.2f}"
        )
    print(
        f"search / healthz throughput: {load['ratio']:.4f}, i.e. 1 : {1 / load['ratio']:,.0f} "
        "(goal: 0.50 or better)"
        if load["ratio"]
        else "search / healthz throughput: 0 (no search request finished)"
    )
    print(
        "cpu columns: cores busy on average (2.00 = both cores); postgres = backends of this database and their "
        "parallel workers; machine = everything, other people's processes included"
    )
    print(f"search addresses: {', '.join(cfg['search_paths'])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, default=50_000, help="catalogue size (default 50,000)")
    parser.add_argument("--reseed", action="store_true", help="delete the catalogue and seed it again")
    parser.add_argument("--repeat", type=int, default=50, help="timed requests per scenario (default 50)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed requests per address first")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--worker-class", default="sync", help="gunicorn worker class (default sync)")
    parser.add_argument("--concurrency", type=int, default=8, help="connections of the load generator")
    parser.add_argument("--seconds", type=float, default=15, help="duration of one load round")
    parser.add_argument("--warmup-seconds", type=float, default=3, help="untimed load before the rounds")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per target")
    parser.add_argument("--no-load", action="store_true", help="skip the throughput part")
    parser.add_argument(
        "--cold",
        action="store_true",
        help="server time without cached search counts (cache cleared per request)",
    )
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    options = parser.parse_args()

    # In process and in gunicorn alike: DEBUG off, local (not production) settings, static files
    # collected into a temporary folder (the manifest storage that DEBUG off uses needs them).
    static_root = Path(tempfile.mkdtemp(prefix="bench-static-"))
    os.environ |= {
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_STATIC_ROOT": str(static_root),
        "DJANGO_LOG_LEVEL": "ERROR",
        # DEBUG off refuses the committed development key (portal/settings.py): a key for this run.
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
    }
    os.environ.pop("PORTAL_PRODUCTION", None)
    try:
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, check=True
        )
        run(options)
    finally:
        shutil.rmtree(static_root, ignore_errors=True)


def run(options) -> None:
    sys.path.insert(0, str(ROOT))
    import django
    from django.conf import settings

    django.setup()
    from offers.models import Offer

    database = settings.DATABASES["default"]["NAME"]
    meta = {
        "when": datetime.now().astimezone().isoformat(timespec="minutes"),
        "machine": f"{platform.node()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "database": database,
        "load_start": load_text(),
    }
    meta |= ensure_catalogue(options.offers, options.reseed)
    meta["vacuum_s"] = round(vacuum(), 1)
    meta["postgres"] = postgres_settings()
    meta["schema"] = latest_migrations()
    meta["offers"] = Offer.objects.count()
    meta["published"] = Offer.objects.published().count()

    print(
        f"server time: {options.repeat} requests per scenario after {options.warmup} warm-up each"
        + (
            ", search counts not cached (--cold)"
            if options.cold
            else ", search counts cached after the warm-up"
        ),
        flush=True,
    )
    scenarios = server_times(options.repeat, options.warmup, options.cold)
    load = None
    if not options.no_load:
        from django.db import connections

        connections.close_all()
        print("throughput:", flush=True)
        load = throughput(options, database)
    meta["load_end"] = load_text()
    print_report(meta, scenarios, load)
    print(f"load average at end {meta['load_end']}")
    if options.json:
        options.json.write_text(
            json.dumps(
                {"meta": meta, "server_time": [asdict(s) for s in scenarios], "throughput": load}, indent=2
            )
        )


if __name__ == "__main__":
    main()
