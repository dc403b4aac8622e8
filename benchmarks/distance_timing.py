"""Time the distance building blocks of offers/distance.py on the catalogue in DATABASE_URL (seed it first,
e.g. `manage.py seed_demo --offers 50000 --replace`), for the distance facet and order the catalogue will use.

    .venv/bin/python benchmarks/distance_timing.py [--repeat 20] [--schools KEY ...]

For each school (default: one in Roskilde, one in Sorø, one in Copenhagen (Østerbro)) it times, over the published
offers: a plain count (the baseline: the same scan without distances), the four "within 5/10/25/50 km" counts in one query (conditional aggregation, as a facet would
count them), the first page (20 ids) of "nearest first", a "within 25 km" page of 20 ids, and the count of
offers the school's municipality's transport support covers. It prints the median and the slowest time in
ms and the machine's load average. Nothing is stored or compared: every figure is measured in this run.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.db.models import Count, Value  # noqa: E402
from django.db.models.lookups import LessThanOrEqual  # noqa: E402

from municipalities.my_school import SchoolChoice  # noqa: E402
from offers.distance import distance_km_expression  # noqa: E402
from offers.models import Offer  # noqa: E402

RADII = (5, 10, 25, 50)


def timed(function, repeat: int) -> tuple[float, float]:
    function()  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--schools",
        nargs="+",
        default=["absalons-skole-4000", "pedersborg-skole-4180", "heibergskolen-2100"],
    )
    args = parser.parse_args()
    published = Offer.objects.published()
    print(f"{published.count():,} published offers; load average {os.getloadavg()[0]:.1f}")
    for key in args.schools:
        choice = SchoolChoice(key)
        if choice:
            measure(choice, published, args.repeat)
        else:
            print(f"{key}: no such school, skipped")


def measure(choice: SchoolChoice, published, repeat: int) -> None:
    point = choice.location[0]
    expression = distance_km_expression(point)

    def counts():
        return published.aggregate(
            **{f"km{r}": Count("pk", filter=LessThanOrEqual(expression, Value(float(r)))) for r in RADII}
        )

    cases = {
        "baseline: count of all, no distance": published.count,
        "counts within 5/10/25/50 km (one query)": counts,
        "nearest first, first 20 ids": lambda: list(
            published.nearest_first(point).values_list("pk", flat=True)[:20]
        ),
        "within 25 km, first 20 ids by title": lambda: list(
            published.within_km(point, 25).order_by("title", "pk").values_list("pk", flat=True)[:20]
        ),
    }
    if choice.site is not None and choice.site.supports_transport:
        cases["transport covered, count"] = lambda: published.covered_by_transport(choice.site, point).count()
    found = counts()
    print(f"\n{choice.school.name}: " + ", ".join(f"≤{r} km {found[f'km{r}']:,}" for r in RADII))
    for label, function in cases.items():
        median, slowest = timed(function, repeat)
        print(f"  {label:45} median {median:7.1f} ms   max {slowest:7.1f} ms")


if __name__ == "__main__":
    main()
