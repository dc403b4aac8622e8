"""Time a few catalogue pages with and without a chosen school and with the date filters, on the catalogue in
DATABASE_URL (seed it first, e.g. with search_benchmark.py or `manage.py seed_demo --offers 50000`).

    .venv/bin/python benchmarks/search_scenarios.py [--repeat 5] [--school absalons-skole-4000]

Each address is asked in process with Django's test client, the cache emptied before every request (a search
new to the server), after one warm-up request. With --warm-dates the offers with free dates (looked up once
per catalogue version, day and CACHE_SECONDS by offers.search_engine.free_offer_ids) and the offers with
dates (per catalogue version, dated_offer_ids) are looked up again before each request, outside the timing,
as a running server has them most of the time. It prints per address the median wall time, the median CPU
of Django and its PostgreSQL backend together, and the SQL queries, with the load average: on a shared
machine the CPU column is the one to compare. Nothing is stored or compared with earlier figures.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from benchmarks.search_benchmark import on_cpu_ms  # noqa: E402
from offers.search_engine import catalogue_version, dated_offer_ids, free_offer_ids  # noqa: E402


def addresses(school: str) -> list[str]:
    day = date.today() + timedelta(days=100)
    month = f"fra={day.isoformat()}&til={(day + timedelta(days=30)).isoformat()}"
    plain = ["/tilbud/", "/tilbud/?q=natur", "/tilbud/?q=historie&klassetrin=5-klasse&gratis=1"]
    dates = [
        f"/tilbud/?dato={day.isoformat()}",
        f"/tilbud/?{month}",
        "/tilbud/?ledige=1",
        f"/tilbud/?q=natur&{month}&ledige=1",
    ]
    s = f"skole={school}"
    chosen = [
        f"/tilbud/?{s}",
        f"/tilbud/?q=natur&{s}",
        f"/tilbud/?{s}&afstand=25",
        f"/tilbud/?{s}&sorter=naermest",
        f"/tilbud/?q=natur&{s}&afstand=25&sorter=naermest",
        f"/tilbud/?{s}&transport=1",
        f"/tilbud/?q=historie&klassetrin=5-klasse&{s}&afstand=50&ledige=1",
    ]
    return plain + dates + chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--school", default="absalons-skole-4000")
    parser.add_argument("--warm-dates", action="store_true", help="free dates looked up before the timing")
    options = parser.parse_args()
    client = Client()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_backend_pid(), (SELECT count(*) FROM offers_offer WHERE status = 'published')"
        )
        backend, published = cursor.fetchone()
    print(f"{published:,} published offers; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'address':<82} {'wall ms':>8} {'CPU ms':>8} {'SQL':>4}")
    for address in addresses(options.school):
        client.cookies.clear()
        client.get(address)  # warm-up: templates, reference data
        walls, cpus = [], []
        for _ in range(options.repeat):
            cache.clear()
            client.cookies.clear()
            if options.warm_dates:
                version = catalogue_version()
                free_offer_ids(version, timezone.now())
                dated_offer_ids(version)
            with CaptureQueriesContext(connection) as queries:
                began, cpu = time.perf_counter(), time.process_time() * 1000 + on_cpu_ms([backend])
                response = client.get(address)
                walls.append((time.perf_counter() - began) * 1000)
                cpus.append(time.process_time() * 1000 + on_cpu_ms([backend]) - cpu)
            assert response.status_code == 200, (address, response.status_code)
        print(
            f"{address:<82} {statistics.median(walls):>8.1f} {statistics.median(cpus):>8.1f} {len(queries):>4}"
        )
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
