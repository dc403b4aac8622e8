"""Time the catalogue's date filters on a large catalogue with dates (default: the demo's 50,000 offers).

    export PORTAL_DB_NAME=aabenskole_dates_50k          # or DATABASE_URL=… of a scratch database
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py seed_demo --offers 50000
    .venv/bin/python benchmarks/dates_benchmark.py [--repeat 30] [--now 2026-11-30T12:00] [--json FILE]

Each scenario is one QuerySet as the search will use it, counted (`.count()`) and, for a result page,
fetched (the ids of the newest 20): `Offer.objects.published().with_free_date_between(first, last)` for a
day, a week, a month and the rest of the school year, `with_free_date_on(day)`, `with_upcoming_dates()`,
and a date filter combined with a subject facet. The demo's dates lie in school year 2026/27; `--now`
fixes "now" so that runs on different days compare (default: 2026-11-30 12:00 Danish time).

It first runs VACUUM (ANALYZE) on the dates, as autovacuum would after the bulk load, then prints the
catalogue's size, the machine's load average, then per scenario the median, 95th percentile,
min and max milliseconds over `--repeat` runs (after two untimed ones), and the matching offers; then the
plan of the month's count (EXPLAIN ANALYZE). Nothing is stored or compared: every figure is measured now.
"""

import argparse
import json
import os
import statistics
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from offers.models import Occurrence, Offer, Subject  # noqa: E402


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def scenarios(now: datetime) -> dict:
    published = Offer.objects.published()
    history = Subject.objects.filter(slug="historie").values_list("id", flat=True)
    return {
        "a day (on)": published.with_free_date_on(date(2027, 3, 9), now=now),
        "a day (between)": published.with_free_date_between(date(2027, 3, 9), date(2027, 3, 9), now=now),
        "a week": published.with_free_date_between(date(2027, 3, 8), date(2027, 3, 12), now=now),
        "a month": published.with_free_date_between(date(2027, 3, 1), date(2027, 3, 31), now=now),
        "rest of the school year": published.with_free_date_between(now.date(), date(2027, 6, 30), now=now),
        "any upcoming date": published.with_upcoming_dates(now=now),
        "a month + subject": published.with_free_date_between(
            date(2027, 3, 1), date(2027, 3, 31), now=now
        ).with_any_subject(list(history)),
    }


def timed(function, repeat: int) -> tuple[list[float], object]:
    for _ in range(2):
        result = function()
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - began) * 1000)
    return times, result


def summary(times: list[float]) -> dict:
    return {
        "median": round(statistics.median(times), 2),
        "p95": round(percentile(times, 95), 2),
        "min": round(min(times), 2),
        "max": round(max(times), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--now", default="2026-11-30T12:00", help="Danish time, YYYY-MM-DDTHH:MM")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    now = datetime.fromisoformat(args.now).replace(tzinfo=timezone.get_default_timezone())

    with connection.cursor() as cursor:  # as autovacuum would after a bulk load (sets the visibility map)
        cursor.execute(f"VACUUM (ANALYZE) {connection.ops.quote_name(Occurrence._meta.db_table)}")
    offers, published = Offer.objects.count(), Offer.objects.published().count()
    dates, dated = Occurrence.objects.count(), Occurrence.objects.values("offer").distinct().count()
    if not dates:
        sys.exit("No dated visits in this database: seed it first (manage.py seed_demo --offers 50000).")
    print(
        f"database {connection.settings_dict['NAME']}: {offers:,} offers ({published:,} published), "
        f"{dates:,} dates on {dated:,} offers; now = {now:%Y-%m-%d %H:%M}"
    )
    print(f"machine: {os.cpu_count()} CPUs, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print()
    print(
        f"{'scenario':28} {'count: median':>14} {'p95':>8} {'min':>8} {'max':>8} {'page: median':>13} {'hits':>7}"
    )
    figures = {}
    for name, queryset in scenarios(now).items():
        count_times, hits = timed(queryset.count, args.repeat)
        page_times, _page = timed(
            lambda q=queryset: list(q.order_by("-created").values_list("id", flat=True)[:20]), args.repeat
        )
        count, page = summary(count_times), summary(page_times)
        figures[name] = {"count_ms": count, "page_ms": page, "hits": hits}
        print(
            f"{name:28} {count['median']:>11.1f} ms {count['p95']:>8.1f} {count['min']:>8.1f} {count['max']:>8.1f} "
            f"{page['median']:>10.1f} ms {hits:>7,}"
        )
    month = scenarios(now)["a month"]
    print()
    print("EXPLAIN ANALYZE of the month's count:")
    print(_explain_count(month))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")


def _explain_count(queryset) -> str:
    """The plan of exactly the SQL that `queryset.count()` runs."""
    with CaptureQueriesContext(connection) as queries:
        queryset.count()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + queries[-1]["sql"])
        return "\n".join(row[0] for row in cursor.fetchall())


if __name__ == "__main__":
    main()
