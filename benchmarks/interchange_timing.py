"""Time `import_portal` and `export_portal` on a large generated document (default 50,000 offers).

Run it against a freshly migrated scratch database (it refuses a database that already has offers or
providers, and deletes what it imported before the second import):

    createdb -h 127.0.0.1 -U postgres bench_interchange
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_interchange
    .venv/bin/python manage.py migrate
    .venv/bin/python benchmarks/interchange_timing.py [--offers 50000]

Steps timed: import into the empty database (all created), the same import again (all unchanged),
export, import of that export into the emptied database, and a second export, which must equal the first.
The generated document is deterministic (fixed random seed); values use the real reference data.
"""

import argparse
import io
import json
import os
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from municipalities.models import Municipality  # noqa: E402
from offers.models import SDG, GradeLevel, Offer, Provider, Subject  # noqa: E402

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
    municipalities = list(Municipality.objects.values_list("code", flat=True))
    subjects = list(Subject.objects.values_list("slug", flat=True))
    grades = list(GradeLevel.objects.values_list("slug", flat=True))
    sdgs = list(SDG.objects.values_list("number", flat=True))
    kinds = [kind for kind, _label in Provider.Kind.choices]
    providers = [
        {
            "key": f"laeringssted-{n}",
            "name": f"Læringssted {n}",
            "kind": rng.choice(kinds),
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
                "format": rng.choice([value for value, _label in Offer.Format.choices]),
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


def timed(label: str, command: str, *args: str) -> tuple[float, str]:
    out = io.StringIO()
    began = time.perf_counter()
    call_command(command, *args, stdout=out)
    seconds = time.perf_counter() - began
    print(f"{label:<44} {seconds:7.1f} s   {out.getvalue().strip().replace(chr(10), '; ')[:110]}")
    return seconds, out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, default=50_000)
    options = parser.parse_args()
    if Offer.objects.exists() or Provider.objects.exists():
        sys.exit("Use a freshly migrated scratch database: this one already has offers or providers.")

    with tempfile.TemporaryDirectory() as tmp:
        source, first, second = (Path(tmp) / name for name in ("source.json", "first.json", "second.json"))
        source.write_text(
            json.dumps(generate(options.offers, random.Random(2026)), ensure_ascii=False), "utf-8"
        )
        print(f"document: {options.offers} offers, {source.stat().st_size / 1e6:.0f} MB")
        timed("import into an empty database", "import_portal", str(source))
        timed("same import again (all unchanged)", "import_portal", str(source))
        timed("export", "export_portal", str(first))
        Offer.objects.all().delete()
        Provider.objects.all().delete()
        timed("import of the export into the emptied database", "import_portal", str(first))
        timed("export again", "export_portal", str(second))
        same = first.read_bytes() == second.read_bytes()
        print(f"round trip identical: {same}; export size {first.stat().st_size / 1e6:.0f} MB")
    print(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
