"""Benchmark the catalogue search as its users use it: many distinct queries, each asked once.

    PORTAL_DB_NAME=wt_search_bench50k DATABASE_URL=$(.venv/bin/python bin/devdb.py) \\
        .venv/bin/python benchmarks/search_benchmark.py --offers 50000 [--json results.json]

1. Database: migrates the database in DATABASE_URL and seeds it with `seed_demo --offers N` when it is
   empty; reuses it when it already holds exactly N offers; refuses any other content unless --reseed
   (which deletes ALL offers, learning places and partnerships there). Then VACUUM (FULL, ANALYZE) of the
   offer and learning-place tables (seeding leaves several versions of every row) and VACUUM (ANALYZE).
2. Queries: --queries (default 1,000) distinct /tilbud/ addresses generated from --seed out of the
   catalogue's own vocabulary (words of published titles and summaries, other inflections of the same
   stem, typos, partly typed words, two-word phrases with "og", "i", "med" …, place names), with 0–3
   facets, some later pages and other orders; and a second, disjoint list for the throughput part.
   --school KEY adds `skole=KEY` to every address (a chosen school: distances, the distance and transport
   facets) and mixes in `afstand`, `transport=1` and `sorter=naermest`; --dates mixes in `dato`,
   `fra`/`til` and `ledige=1` (see SchoolAndDates).
3. SQL and the cache, in process: for the first --sql-sample addresses, Django's test client counts the
   SQL queries of the page with an empty cache, then times the same address again (a cache hit).
4. One client on gunicorn (--workers 2, DEBUG off): every address once, one after the other; the server
   time of each request is gunicorn's own (%(D)s in its access log). Then the same list again (repeats,
   which may hit the cache of whichever worker answers).
5. The PostgreSQL floor for the same queries, on one connection: the text match and count alone
   (`count(*)` of published offers whose search vector matches the words, as to_tsquery('danish')
   understands them, the last as a prefix), and that plus a count of every facet over the hits in one
   pass; the ratio of page to floor.
6. Throughput with wrk (benchmarks/walk.lua walks the second list, each connection its own stride, no
   address twice): /healthz and the search in alternating rounds on the same gunicorn, in the same run.

Every figure printed is measured in this run, with the load average (`uptime`) beside it: other people's
processes share the cores, so compare figures taken under similar load.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parent.parent
WALK_LUA = Path(__file__).resolve().parent / "walk.lua"
CONNECTORS = ["og", "i", "med", "på", "for", "til", "om", "af"]
FOLD = str.maketrans(
    "ÆØÅÄäÖöÜüÁÀÂáàâÉÈÊËéèêëÍÌÎÏíìîïÓÒÔóòôÚÙÛúùûÝýÿÇçÑñ/",
    "æøåææøøuuaaaaaaeeeeeeeeiiiiiiiioooooouuuuuuyyyccnn ",
)


# --- helpers ---------------------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (0–100), linear interpolation between closest ranks."""
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def summary(values: list[float]) -> dict:
    if not values:
        return {"n": 0}
    return {
        "n": len(values),
        "median": round(statistics.median(values), 1),
        "p95": round(percentile(values, 95), 1),
        "max": round(max(values), 1),
    }


def load_text() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cpu_seconds(pids: list[int]) -> float:
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


# --- 1. the database -------------------------------------------------------------------------------------


def ensure_catalogue(offers: int, reseed: bool) -> dict:
    import psycopg
    from django.conf import settings
    from django.core.management import call_command
    from psycopg import sql

    from offers.models import Offer, Provider

    db = settings.DATABASES["default"]
    params = {k: v for k, v in {"host": db["HOST"], "port": db["PORT"], "user": db["USER"]}.items() if v}
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))
    call_command("migrate", verbosity=0)
    found, places = Offer.objects.count(), Provider.objects.count()
    if found == offers and not reseed:
        print(f"database {db['NAME']}: reusing {found:,} offers", flush=True)
        return {"seeded": False}
    if (found or places) and not reseed:
        sys.exit(
            f"{db['NAME']} holds {found:,} offers and {places:,} learning places, not {offers:,} offers: "
            "use --reseed to replace them all, or point DATABASE_URL at a scratch database."
        )
    print(f"database {db['NAME']}: seeding {offers:,} offers …", flush=True)
    began = time.perf_counter()
    call_command("seed_demo", offers=offers, replace=True)
    return {"seeded": True, "seed_s": round(time.perf_counter() - began, 1)}


def vacuum() -> None:
    """Seeding writes every offer row several times (insert, link triggers, timestamps); rows written one
    by one in production would not leave that bloat, so the catalogue tables are compacted first."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 0")  # maintenance, not a request (portal/settings.py)
        cursor.execute("VACUUM (FULL, ANALYZE) offers_offer, offers_provider")
        cursor.execute("VACUUM (ANALYZE)")


def database_facts() -> dict:
    from django.db import connection
    from django.db.migrations.recorder import MigrationRecorder

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, setting FROM pg_settings WHERE name IN ('jit', 'max_parallel_workers_per_gather', "
            "'shared_buffers', 'work_mem', 'server_version')"
        )
        facts = dict(cursor.fetchall())
        cursor.execute("SELECT count(*), count(*) FILTER (WHERE status = 'published') FROM offers_offer")
        facts["offers"], facts["published"] = cursor.fetchone()
    applied = MigrationRecorder(connection).applied_migrations()
    facts["schema"] = max(name for app, name in applied if app == "offers")
    return facts


# --- 2. the queries -------------------------------------------------------------------------------------


def vocabulary() -> dict:
    """What the generator draws from, read from the catalogue: words of published titles and summaries
    with their frequency and Danish stem (stop words left out), and the facet values in use."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            r"""
            SELECT w, count(*) AS n, (ts_lexize('danish_stem', w))[1] AS stem
            FROM offers_offer o,
                 regexp_split_to_table(lower(o.title || ' ' || o.summary), '[^[:alnum:]]+') AS w
            WHERE o.status = 'published' AND length(w) >= 3 AND w !~ '[0-9]'
            GROUP BY w HAVING ts_lexize('danish_stem', w) <> '{}'
            ORDER BY n DESC, w
            """
        )
        words = cursor.fetchall()
        facets = {}
        for name, query in {
            "fag": "SELECT DISTINCT s.slug FROM offers_subject s JOIN offers_offer_subjects l ON l.subject_id = s.id",
            "klassetrin": "SELECT DISTINCT g.slug FROM offers_gradelevel g JOIN offers_offer_grades l ON l.gradelevel_id = g.id",
            "verdensmaal": "SELECT DISTINCT s.number::text FROM offers_sdg s JOIN offers_offer_sdgs l ON l.sdg_id = s.id",
            "kommune": "SELECT DISTINCT m.code FROM municipalities_municipality m JOIN offers_provider p ON p.municipality_id = m.id",
            "region": "SELECT DISTINCT r.code FROM municipalities_region r JOIN municipalities_municipality m ON m.region_id = r.id JOIN offers_provider p ON p.municipality_id = m.id",
            "format": "SELECT DISTINCT format FROM offers_offer",
            "udbyder": "SELECT DISTINCT kind FROM offers_provider",
        }.items():
            cursor.execute(query + " ORDER BY 1")
            facets[name] = [row[0] for row in cursor.fetchall()]
        cursor.execute(
            "SELECT DISTINCT lower(m.name) FROM municipalities_municipality m "
            "JOIN offers_provider p ON p.municipality_id = m.id ORDER BY 1"
        )
        places = [row[0] for row in cursor.fetchall()]
    facets["gratis"] = ["1"]
    return {"words": words, "facets": facets, "places": places}


class SchoolAndDates:
    """The parameters of a chosen school and of dates, drawn for one address: with a school every address
    carries it, 30 % a distance (5/10/25/50 km), 25 % nearest first, 10 % "transport covered"; with dates
    20 % a day, 20 % a period (a week or a month, from a day in the coming school year) and 20 % "free
    dates"."""

    def __init__(self, school: str | None, dates: bool):
        self.school, self.dates = school, dates

    def params(self, r: random.Random) -> tuple[list[tuple[str, str]], str | None]:
        """The extra parameters, and the order to use instead (or None)."""
        from datetime import date, timedelta

        extra, order = [], None
        if self.school:
            if r.random() < 0.30:
                extra.append(("afstand", r.choice(["5", "10", "25", "50"])))
            if r.random() < 0.10:
                extra.append(("transport", "1"))
            if r.random() < 0.25:
                order = "naermest"
        if self.dates:
            start = date.today() + timedelta(days=r.randint(1, 240))
            if r.random() < 0.20:
                extra.append(("dato", start.isoformat()))
            if r.random() < 0.20:
                extra += [
                    ("fra", start.isoformat()),
                    ("til", (start + timedelta(r.choice([6, 30]))).isoformat()),
                ]
            if r.random() < 0.20:
                extra.append(("ledige", "1"))
        if self.school:
            extra.append(("skole", self.school))
        return extra, order


class QueryGenerator:
    """Distinct catalogue addresses, deterministic for a seed and a vocabulary."""

    def __init__(self, vocab: dict, seed: int, extra: SchoolAndDates | None = None):
        self.extra = extra
        self.random = random.Random(seed)
        self.facets = vocab["facets"]
        self.places = vocab["places"]
        words = [(w, n, stem) for w, n, stem in vocab["words"] if len(w) >= 4]
        # Common words are typed more often: draw from the frequent third twice as often as the rest.
        self.common = [w for w, _n, _s in words[: max(1, len(words) // 3)]]
        self.all = [w for w, _n, _s in words]
        by_stem: dict[str, list[str]] = {}
        for w, _n, stem in words:
            by_stem.setdefault(stem, []).append(w)
        self.inflected = [forms for forms in by_stem.values() if len(forms) > 1]

    def word(self) -> str:
        return self.random.choice(self.common if self.random.random() < 0.67 else self.all)

    def typo(self, word: str) -> str:
        r, i = self.random, self.random.randrange(1, len(word) - 1)
        kind = r.choice(["swap", "drop", "double", "vowel", "danish"])
        if kind == "swap":
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if kind == "drop":
            return word[:i] + word[i + 1 :]
        if kind == "double":
            return word[:i] + word[i] + word[i:]
        if kind == "danish" and any(c in word for c in "æøå"):
            return word.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
        vowels = [j for j, c in enumerate(word) if c in "aeiouyæøå"] or [i]
        j = r.choice(vowels)
        return word[:j] + r.choice([v for v in "aeioy" if v != word[j]]) + word[j + 1 :]

    def text(self) -> str:
        r = self.random
        kind = r.choices(
            ["none", "word", "inflection", "typo", "prefix", "phrase", "two", "place"],
            weights=[12, 28, 12, 12, 8, 14, 8, 6],
        )[0]
        if kind == "none":
            return ""
        if kind == "inflection" and self.inflected:
            return r.choice(r.choice(self.inflected))
        word = self.word()
        if kind == "typo" and len(word) >= 5:
            return self.typo(word)
        if kind == "prefix" and len(word) >= 6:
            return word[: r.randint(4, len(word) - 1)]
        if kind == "phrase":
            return f"{word} {r.choice(CONNECTORS)} {self.word()}"
        if kind == "two":
            return f"{word} {self.word()}"
        if kind == "place" and self.places:
            return f"{word} {r.choice(self.places)}"
        return word

    def address(self) -> str:
        r = self.random
        params: list[tuple[str, str]] = []
        text = self.text()
        if text:
            params.append(("q", text))
        for name in r.sample(sorted(self.facets), r.choices([0, 1, 2, 3], weights=[45, 30, 15, 10])[0]):
            values = self.facets[name]
            if values:
                params.append((name, r.choice(values)))
        extra, order = self.extra.params(r) if self.extra else ([], None)
        params += extra
        if order:
            params.append(("sorter", order))
        elif r.random() < 0.1:
            params.append(("sorter", r.choice(["titel", "nyeste"])))
        if r.random() < 0.12:
            params.append(("page", str(r.randint(2, 5))))
        return "/tilbud/" + ("?" + urlencode(params, quote_via=quote) if params else "")

    def distinct(self, count: int, taken: set[str] = frozenset()) -> list[str]:
        seen, found = set(taken), []
        while len(found) < count:
            address = self.address()
            if address not in seen:
                seen.add(address)
                found.append(address)
        return found


def describe(addresses: list[str]) -> dict:
    """What the mix holds: how many have words, facets, a later page, another order."""
    from urllib.parse import parse_qsl

    kinds: Counter = Counter()
    for address in addresses:
        params = parse_qsl(address.partition("?")[2])
        names = [name for name, _value in params]
        kinds["with words"] += "q" in names
        kinds["phrase with a small word"] += any(
            name == "q" and any(f" {c} " in f" {value} " for c in CONNECTORS) for name, value in params
        )
        extra = ("skole", "afstand", "transport", "dato", "fra", "til", "ledige")
        facets = len([n for n in names if n not in ("q", "page", "sorter", *extra)])
        kinds[f"{facets} facets"] += 1
        kinds["later page"] += "page" in names
        kinds["other order"] += "sorter" in names
        kinds["nearest first"] += ("sorter", "naermest") in params
        for name in extra[1:]:
            if name != "til" and name in names:
                kinds[f"with {name}"] += 1
    return dict(sorted(kinds.items()))


# --- 3. SQL queries and cache hits in process ---------------------------------------------------------------


def in_process(addresses: list[str]) -> dict:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.get("/tilbud/")  # templates and reference data loaded once, as in a running worker
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    queries, cold, cold_cpu, warm = [], [], [], []
    for address in addresses:
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            began, cpu = time.perf_counter(), time.process_time() * 1000 + on_cpu_ms([backend])
            response = client.get(address)
            cold.append((time.perf_counter() - began) * 1000)
            cold_cpu.append(time.process_time() * 1000 + on_cpu_ms([backend]) - cpu)
        if response.status_code != 200:
            sys.exit(f"{address} answered {response.status_code}")
        queries.append(len(captured))
        began = time.perf_counter()
        client.get(address)
        warm.append((time.perf_counter() - began) * 1000)
    return {
        "sample": len(addresses),
        "sql_queries": dict(sorted(Counter(queries).items())),
        "cold_ms": summary(cold),
        "cold_cpu_ms": summary(cold_cpu),
        "cache_hit_ms": summary(warm),
    }


# --- 4. one client on gunicorn -----------------------------------------------------------------------------


def start_gunicorn(env: dict, workers: int, port: int, access_log: Path) -> subprocess.Popen:
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "portal.wsgi",
        f"--workers={workers}",
        f"--bind=127.0.0.1:{port}",
        "--log-level=warning",
        f"--access-logfile={access_log}",
        "--access-logformat=%(D)s %(s)s %(U)s?%(q)s",
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


def stop(server: subprocess.Popen) -> None:
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=30)


def get(port: int, address: str) -> tuple[int, float]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    began = time.perf_counter()
    conn.request("GET", address, headers={"Host": "127.0.0.1"})
    response = conn.getresponse()
    response.read()
    conn.close()
    return response.status, (time.perf_counter() - began) * 1000


def on_cpu_ms(pids: list[int]) -> float:
    """Milliseconds these processes have run on a CPU (/proc/<pid>/schedstat, nanoseconds)."""
    total = 0
    for pid in pids:
        try:
            total += int(Path(f"/proc/{pid}/schedstat").read_text().split()[0])
        except OSError:
            continue
    return total / 1e6


def backends() -> list[int]:
    """The PostgreSQL backends of the other connections to this database (gunicorn's workers)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
        )
        return [row[0] for row in cursor.fetchall()]


def one_client(port: int, addresses: list[str], access_log: Path, server: subprocess.Popen) -> dict:
    """Each address once, in order; server time from gunicorn's access log, and the CPU time gunicorn's
    workers and their PostgreSQL backends spent on each request (what it would take on idle cores;
    parallel query workers not counted)."""
    from django.db import connections

    time.sleep(0.5)  # let the access log take the requests before these
    start = len(access_log.read_text().splitlines()) if access_log.exists() else 0
    load_before = load_text()
    pids = children(server.pid) + backends()
    connections.close_all()
    client_ms, cpu_ms, errors = [], [], 0
    for address in addresses:
        cpu = on_cpu_ms(pids)
        status, ms = get(port, address)
        cpu_ms.append(on_cpu_ms(pids) - cpu)
        errors += status != 200
        client_ms.append(ms)
    time.sleep(0.5)  # let the access log flush
    lines = [line.split(" ", 2) for line in access_log.read_text().splitlines()[start:]]
    timed = [
        (int(d) / 1000, path.removesuffix("?")) for d, _status, path in lines if path.startswith("/tilbud/")
    ]
    server_ms = [ms for ms, _path in timed]
    return {
        "server_ms": summary(server_ms),
        "slowest": sorted(timed, reverse=True)[:10],
        "client_ms": summary(client_ms),
        "cpu_ms": summary(cpu_ms),
        "errors": errors,
        "load_before": load_before,
        "load_after": load_text(),
    }


# --- 5. the PostgreSQL floor ----------------------------------------------------------------------------------

FLOOR_COUNT = "SELECT count(*) FROM offers_offer WHERE status = 'published' {text}"
FLOOR_FACETS = """
WITH hits AS MATERIALIZED (
  SELECT o.id, o.format, o.price_dkk, p.kind, p.municipality_id, m.region_id
  FROM offers_offer o JOIN offers_provider p ON p.id = o.provider_id
  LEFT JOIN municipalities_municipality m ON m.id = p.municipality_id
  WHERE o.status = 'published' {text})
SELECT 'total', 0, count(*) FROM hits
UNION ALL SELECT 'fag', l.subject_id, count(*) FROM hits JOIN offers_offer_subjects l ON l.offer_id = hits.id GROUP BY 2
UNION ALL SELECT 'klassetrin', l.gradelevel_id, count(*) FROM hits JOIN offers_offer_grades l ON l.offer_id = hits.id GROUP BY 2
UNION ALL SELECT 'verdensmaal', l.sdg_id, count(*) FROM hits JOIN offers_offer_sdgs l ON l.offer_id = hits.id GROUP BY 2
UNION ALL SELECT 'kommune', municipality_id, count(*) FROM hits GROUP BY 2
UNION ALL SELECT 'region', region_id, count(*) FROM hits GROUP BY 2
UNION ALL SELECT 'format', 0, count(*) FROM hits GROUP BY format
UNION ALL SELECT 'udbyder', 0, count(*) FROM hits GROUP BY kind
UNION ALL SELECT 'gratis', 0, count(*) FROM hits WHERE price_dkk = 0
"""


def floor_tsquery(text: str) -> str | None:
    """The words as to_tsquery() reads them: AND, the last one as a prefix (PostgreSQL drops stop words)."""
    words = re.findall(r"[^\W_]+", text.translate(FOLD).lower().replace("aa", "å"))
    if not words:
        return None
    return " & ".join(f"'{w}'" + (":*" if i == len(words) - 1 else "") for i, w in enumerate(words))


def floor(addresses: list[str]) -> dict:
    """Text match + count, and that + every facet counted over the hits, for each address's words."""
    from urllib.parse import parse_qs

    from django.db import connection

    count_ms, facets_ms, hits = [], [], []
    with connection.cursor() as cursor:
        cursor.execute("SET client_min_messages = warning")  # to_tsquery's notice about stop words
        for address in addresses:
            text = parse_qs(address.partition("?")[2]).get("q", [""])[0]
            tsquery = floor_tsquery(text)
            condition = "AND search_vector @@ to_tsquery('danish', %s)" if tsquery else ""
            args = [tsquery] if tsquery else []
            began = time.perf_counter()
            cursor.execute(FLOOR_COUNT.format(text=condition), args)
            hits.append(cursor.fetchone()[0])
            count_ms.append((time.perf_counter() - began) * 1000)
            began = time.perf_counter()
            cursor.execute(
                FLOOR_FACETS.format(text=condition.replace("search_vector", "o.search_vector")), args
            )
            cursor.fetchall()
            facets_ms.append((time.perf_counter() - began) * 1000)
    return {
        "count_ms": summary(count_ms),
        "count_and_facets_ms": summary(facets_ms),
        "text_hits": summary(hits),
        "without_hits": sum(1 for n in hits if n == 0),
    }


# --- 6. throughput with wrk ---------------------------------------------------------------------------------


def wrk(port: int, paths_file: Path, options) -> dict:
    command = [
        "wrk",
        f"--threads={options.wrk_threads}",
        f"--connections={options.connections}",
        f"--duration={options.seconds}s",
        "--timeout=30s",
        "--script",
        str(WALK_LUA),
        f"http://127.0.0.1:{port}",
        "--",
        str(paths_file),
        str(options.wrk_threads),
    ]
    load_before = load_text()
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    result = json.loads(output.strip().splitlines()[-1])
    result["load_before"] = load_before
    return result


def throughput(port: int, server: subprocess.Popen, paths: list[str], options, workdir: Path) -> dict:
    health = workdir / "healthz.txt"
    health.write_text("/healthz\n")
    per_round = len(paths) // options.rounds
    rounds: dict[str, list[dict]] = {"healthz": [], "search": []}
    pids = [server.pid, *children(server.pid)]
    for n in range(options.rounds):
        segment = workdir / f"search-{n}.txt"
        segment.write_text("\n".join(paths[n * per_round : (n + 1) * per_round]) + "\n")
        for name, file in (("healthz", health), ("search", segment)):
            cpu = cpu_seconds(pids)
            result = wrk(port, file, options)
            result["cpu_gunicorn"] = round((cpu_seconds(pids) - cpu) / result["seconds"], 2)
            if name == "search":
                result["distinct_available"] = per_round
            rounds[name].append(result)
            print(
                f"  round {n + 1} {name:<8} {result['rps']:8.1f} req/s, latency median "
                f"{result['latency_median_ms']} ms, {result['requests']} requests, "
                f"{result['non_2xx'] + result['socket_errors']} errors, gunicorn {result['cpu_gunicorn']} cores; "
                f"load {result['load_before']}",
                flush=True,
            )
    combined = {}
    for name, runs in rounds.items():
        requests, seconds = sum(r["requests"] for r in runs), sum(r["seconds"] for r in runs)
        combined[name] = {
            "rps": round(requests / seconds, 1),
            "rps_per_round": [r["rps"] for r in runs],
            "latency_median_ms": round(statistics.median(r["latency_median_ms"] for r in runs), 1),
            "errors": sum(r["non_2xx"] + r["socket_errors"] for r in runs),
            "repeated": sum(max(0, r["requests"] - r.get("distinct_available", r["requests"])) for r in runs),
        }
    combined["ratio"] = round(combined["search"]["rps"] / combined["healthz"]["rps"], 5)
    combined["rounds"] = rounds
    return combined


# --- the run ---------------------------------------------------------------------------------------------------


def run(options) -> dict:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connections

    result: dict = {
        "when": datetime.now().astimezone().isoformat(timespec="minutes"),
        "machine": f"{platform.node()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "load_start": load_text(),
    }
    result |= ensure_catalogue(options.offers, options.reseed)
    vacuum()
    result["database"] = database_facts()
    extra = SchoolAndDates(options.school, options.dates) if options.school or options.dates else None
    generator = QueryGenerator(vocabulary(), options.seed, extra)
    addresses = generator.distinct(options.queries)
    load_paths = generator.distinct(options.load_queries, taken=set(addresses))
    warmup = generator.distinct(20, taken=set(addresses) | set(load_paths))
    result["mix"] = describe(addresses)
    print(f"{len(addresses):,} distinct addresses (seed {options.seed}): {result['mix']}", flush=True)
    if options.list:
        options.list.write_text("\n".join(addresses) + "\n")

    print(f"in process: SQL queries and cache hits for {options.sql_sample} addresses …", flush=True)
    result["in_process"] = in_process(addresses[: options.sql_sample])
    connections.close_all()

    workdir = Path(tempfile.mkdtemp(prefix="search-bench-"))
    env = {k: v for k, v in os.environ.items() if k != "CACHE_URL"}
    if options.cache_url:
        env["CACHE_URL"] = options.cache_url
    port = options.port or free_port()
    access_log = workdir / "access.log"
    server = start_gunicorn(env, options.workers, port, access_log)
    try:
        with ThreadPoolExecutor(2) as pool:  # both workers connect to PostgreSQL before the timing
            list(pool.map(lambda address: get(port, address), ["/healthz", *warmup]))
        print(f"one client: {len(addresses):,} addresses, each once …", flush=True)
        result["distinct"] = one_client(port, addresses, access_log, server)
        print(f"  {result['distinct']['server_ms']} (load {result['distinct']['load_after']})", flush=True)
        print("one client: the same list again …", flush=True)
        result["repeated"] = one_client(port, addresses, access_log, server)
        print(f"  {result['repeated']['server_ms']}", flush=True)
        print("PostgreSQL floor …", flush=True)
        result["floor"] = floor(addresses)
        result["floor"]["load_after"] = load_text()
        connections.close_all()
        if not options.no_load:
            print(
                f"throughput: wrk, {options.rounds} alternating rounds of {options.seconds} s …", flush=True
            )
            result["throughput"] = throughput(port, server, load_paths, options, workdir)
    finally:
        stop(server)
        shutil.rmtree(workdir, ignore_errors=True)
    result["load_end"] = load_text()
    return result


def report(r: dict) -> None:
    db = r["database"]
    print()
    print(f"Search benchmark {r['when']} on {r['machine']}; load average at start {r['load_start']}")
    print(
        f"{db['offers']:,} offers ({db['published']:,} published), schema offers {db['schema']}, PostgreSQL "
        f"{db['server_version']} (jit={db['jit']}, shared_buffers={db['shared_buffers']} × 8 kB)"
    )
    d, rep, fl, ip = r["distinct"], r["repeated"], r["floor"], r["in_process"]
    print()
    print(f"{'measure':<58} {'n':>5} {'median':>8} {'p95':>8} {'max':>8}")

    def row(label, s):
        print(f"{label:<58} {s['n']:>5} {s['median']:>8.1f} {s['p95']:>8.1f} {s['max']:>8.1f}")

    row("page, distinct queries, each once: gunicorn server ms", d["server_ms"])
    row("  the same, as the client saw it (ms)", d["client_ms"])
    row("  CPU of gunicorn + PostgreSQL per page (ms)", d["cpu_ms"])
    row("page, the same list again (ms)", rep["server_ms"])
    row("  CPU of gunicorn + PostgreSQL per page (ms)", rep["cpu_ms"])
    row(f"in process, empty cache (first {ip['sample']}) ms", ip["cold_ms"])
    row("  CPU of Django + PostgreSQL per page (ms)", ip["cold_cpu_ms"])
    row(f"in process, cache hit (first {ip['sample']}) ms", ip["cache_hit_ms"])
    row("floor: text match + count (ms)", fl["count_ms"])
    row("floor: text match + count + every facet in one pass (ms)", fl["count_and_facets_ms"])
    row("text hits per query", fl["text_hits"])
    print(
        f"page/floor (medians): {d['server_ms']['median'] / max(fl['count_ms']['median'], 0.01):.1f} × the "
        f"count, {d['server_ms']['median'] / max(fl['count_and_facets_ms']['median'], 0.01):.1f} × count + facets; "
        f"p95: {d['server_ms']['p95'] / max(fl['count_ms']['p95'], 0.01):.1f} ×, "
        f"{d['server_ms']['p95'] / max(fl['count_and_facets_ms']['p95'], 0.01):.1f} ×"
    )
    print(
        f"SQL queries per page (queries: pages): {ip['sql_queries']}; "
        f"queries without text hits: {fl['without_hits']}"
    )
    print(f"errors: {d['errors']}; load during the one-client pass {d['load_before']} → {d['load_after']}")
    print("slowest addresses, each once (server ms):")
    for ms, path in d["slowest"]:
        print(f"  {ms:8.1f}  {path}")
    t = r.get("throughput")
    if t:
        h, s = t["healthz"], t["search"]
        print(
            f"throughput: /healthz {h['rps']:.1f} req/s {h['rps_per_round']}, search {s['rps']:.1f} req/s "
            f"{s['rps_per_round']} (latency median {s['latency_median_ms']} ms, errors {s['errors']}, "
            f"addresses asked twice {s['repeated']}): 1 : {1 / t['ratio']:,.0f}"
            if t["ratio"]
            else "throughput: no search finished"
        )
    print(f"load average at end {r['load_end']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, default=50_000, help="catalogue size (default 50,000)")
    parser.add_argument("--reseed", action="store_true", help="delete the catalogue and seed it again")
    parser.add_argument("--seed", type=int, default=11, help="seed of the query generator (default 11)")
    parser.add_argument("--queries", type=int, default=1000, help="distinct addresses, each asked once")
    parser.add_argument("--load-queries", type=int, default=6000, help="distinct addresses for wrk")
    parser.add_argument("--sql-sample", type=int, default=100, help="addresses measured in process")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2)")
    parser.add_argument("--port", type=int, help="gunicorn's port (default: a free one)")
    parser.add_argument("--cache-url", help="CACHE_URL for gunicorn (default: none, per-process memory)")
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=15, help="duration of one wrk round")
    parser.add_argument("--rounds", type=int, default=3, help="alternating wrk rounds per target")
    parser.add_argument("--no-load", action="store_true", help="skip the throughput part")
    parser.add_argument("--list", type=Path, help="also write the distinct addresses to this file")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument(
        "--school", metavar="KEY", help="a chosen school (e.g. absalons-skole-4000): distance parameters too"
    )
    parser.add_argument(
        "--dates", action="store_true", help="mix in the date filters (dato, fra/til, ledige)"
    )
    options = parser.parse_args()
    if not options.no_load and not shutil.which("wrk"):
        sys.exit("wrk is not installed (Debian package 'wrk'); use --no-load to skip the throughput part")

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
    os.environ.pop("CACHE_URL", None)  # in process: a memory cache; gunicorn gets --cache-url if given
    try:
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, check=True
        )
        result = run(options)
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
    report(result)
    if options.json:
        options.json.write_text(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
