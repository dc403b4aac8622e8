"""Time `manage.py export_portal` and `import_portal` on a large catalogue (default 50,000 offers).

Usage, on any machine with the project installed (`make install`), against an EMPTY scratch database (the
script refuses a database with content, and empties the content tables between steps):

    createdb -h 127.0.0.1 -U postgres bench_interchange
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_interchange
    .venv/bin/python manage.py migrate
    .venv/bin/python benchmarks/interchange_timing.py [--offers 50000] [--catalogue generated|demo]

Catalogues:
- `generated` (default): a document of providers (one per 25 offers) and offers made here from the
  reference data with a fixed random seed, every field filled. Steps: import it into the empty portal
  (all created), the same import again (all unchanged), export, empty the portal, import that export (all
  created), export again.
- `demo`: the portal filled by `manage.py seed_demo --offers N` (learning places, offers, municipal sites,
  partnerships). Steps: export, empty the portal, import that export (all created), the same import again
  (all unchanged), export again.

Each step runs the real command in a child process, as an operator would, and reports its wall-clock
seconds (Django start-up included) and its peak memory (maximum resident set size of that process). The
two exports must be byte for byte the same (the format's round trip); if not, or if a command fails, the
script exits with status 1. Nothing is hard-coded: every number printed is measured in this run.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
# Bulk work, as under manage.py: the web's statement timeout does not apply (portal/settings.py).
os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT", "0")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from municipalities.models import Municipality, MunicipalSite, School  # noqa: E402
from offers.models import SDG, GradeLevel, Offer, Provider, Subject  # noqa: E402
from partnerships.models import Partnership  # noqa: E402

CONTENT = [Partnership, MunicipalSite, Offer, Provider, School]
WORDS = [
    "vikinger",
    "skibe",
    "havet",
    "natur",
    "skoven",
    "fjorden",
    "kunst",
    "maleri",
    "teknologi",
    "robotter",
    "klima",
    "energi",
    "vand",
    "historie",
    "middelalder",
    "bondegård",
    "dyr",
    "planter",
    "sprog",
    "musik",
    "teater",
    "film",
    "byen",
    "arkitektur",
    "fællesskab",
]


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def generate(offers: int, rng: random.Random) -> dict:
    """A valid document of `offers` offers that uses every provider and offer field of the format."""
    municipalities = list(Municipality.objects.values_list("code", flat=True))
    subjects = list(Subject.objects.values_list("slug", flat=True))
    grades = list(GradeLevel.objects.values_list("slug", flat=True))
    sdgs = list(SDG.objects.values_list("number", flat=True))
    providers = [
        {
            "key": f"laeringssted-{n}",
            "name": f"Læringssted {n}",
            "kind": rng.choice(Provider.Kind.values),
            "description": sentence(rng, 30),
            "municipality": rng.choice(municipalities),
            "address": f"Skolevej {n}",
            "postcode": f"{rng.randint(1000, 9990)}",
            "city": "Byen",
            "latitude": round(rng.uniform(54.5, 57.7), 5),
            "longitude": round(rng.uniform(8.0, 15.2), 5),
            "website": f"https://laeringssted-{n}.example.dk",
            "email": f"booking@laeringssted-{n}.example.dk",
            "phone": "+45 00 00 00 00",
        }
        for n in range(max(1, offers // 25))
    ]
    start = date(2026, 8, 1)
    return {
        "format": "aabenskole-portal/1",
        "providers": providers,
        "offers": [
            {
                "key": f"tilbud-{n}",
                "provider": providers[n % len(providers)]["key"],
                "title": sentence(rng, 5)[:-1],
                "summary": sentence(rng, 20),
                "description": "".join(f"<p>{sentence(rng, 40)}</p>" for _ in range(3)),
                "format": rng.choice(Offer.Format.values),
                "subjects": rng.sample(subjects, rng.randint(1, 3)),
                "grades": rng.sample(grades, rng.randint(1, 4)),
                "sdgs": rng.sample(sdgs, rng.randint(0, 2)),
                "themes": rng.sample(WORDS, rng.randint(0, 3)),
                "price_dkk": rng.choice([None, 0, 500, 1200]),
                "duration_minutes": rng.choice([None, 60, 90, 120, 240]),
                "max_participants": rng.choice([None, 28, 30, 60]),
                "available_from": start.isoformat(),
                "available_to": (start + timedelta(days=rng.randint(30, 700))).isoformat(),
                "booking_url": f"https://booking.example.dk/tilbud-{n}",
                "booking_email": "booking@example.dk",
                "languages": ["da"] if n % 5 else ["da", "en"],
                "status": rng.choice(["published", "published", "draft", "archived"]),
            }
            for n in range(offers)
        ],
    }


def empty_portal() -> None:
    """Delete all content (reference data stays): TRUNCATE, so emptying 50,000 offers takes no time."""
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in CONTENT)
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {tables} CASCADE")


def step(label: str, *command: str) -> float:
    """Run `manage.py COMMAND` in a child process; print its seconds, peak memory and summary."""
    with tempfile.TemporaryFile("w+") as output:
        began = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py"), *command], stdout=output, stderr=subprocess.STDOUT
        )
        _pid, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - began
        output.seek(0)
        summary = "; ".join(line.strip() for line in output if line.strip())
    peak_mb = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 1024**2
    print(f"{label:<44} {seconds:7.1f} s {peak_mb:7.0f} MB   {summary[:150]}", flush=True)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{label}: the command failed.")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, default=50_000, help="number of offers (default 50000)")
    parser.add_argument("--catalogue", choices=["generated", "demo"], default="generated")
    options = parser.parse_args()
    if any(model.objects.exists() for model in [Partnership, MunicipalSite, Offer, Provider]):
        sys.exit("Use an empty scratch database: this one has providers, offers, sites or partnerships.")
    print(
        f"database {connection.settings_dict['NAME']}, {options.catalogue} catalogue of {options.offers} offers"
    )
    print(f"{'step':<44} {'time':>9} {'peak RSS':>10}   command output")

    with tempfile.TemporaryDirectory() as tmp:
        source, first, second = (Path(tmp) / name for name in ("source.json", "first.json", "second.json"))
        if options.catalogue == "generated":
            document = generate(options.offers, random.Random(2026))
            source.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
            del document
            print(f"(document: {source.stat().st_size / 1e6:.0f} MB)")
            step("import into the empty portal", "import_portal", str(source))
            step("same import again (all unchanged)", "import_portal", str(source))
            step("export", "export_portal", str(first))
            empty_portal()
            step("import of the export into the empty portal", "import_portal", str(first))
        else:
            step("(seed_demo, not part of the format)", "seed_demo", "--offers", str(options.offers))
            step("export", "export_portal", str(first))
            empty_portal()
            step("import of the export into the empty portal", "import_portal", str(first))
            step("same import again (all unchanged)", "import_portal", str(first))
        step("export again", "export_portal", str(second))
        same = first.read_bytes() == second.read_bytes()
        print(f"round trip identical: {same}; export {first.stat().st_size / 1e6:.0f} MB")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
