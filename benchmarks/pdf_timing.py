"""Time the printed catalogue (/kommuner/<slug>/katalog.pdf) for a selection of N offers (default 300).

Inside a transaction that is rolled back at the end (the database is left as it was; the catalogue version,
a sequence, moves on), it gives a
municipality without a site a published site whose selection is N published offers of the catalogue,
ten of them featured with a note, and requests the catalogue through Django's test Client as a visitor
would (DEBUG off):

1. cold: the first request in this process with an empty cache, which lays out the PDF and makes every
   QR code (as for offers never printed before);
2. cached: the same request again, answered from the cache (same catalogue version);
3. after an edit: the site's title changed (a new catalogue version), so the PDF is laid out again, with
   the QR codes from the shared cache (portal.pdf.qr_data_uris: an address's code never changes);
4. search: the same number of offers printed from a search (/tilbud/katalog.pdf), QR codes cached.

For each it prints wall and CPU seconds, the PDF's size and its pages (pdfinfo, from poppler-utils), and
one offer sheet (/tilbud/<slug>/ark.pdf) the same way. It also prints the load average: other processes on
a shared machine take CPU too, so wall time can exceed CPU time.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/aabenskole   # a database with seed_demo data
    .venv/bin/python benchmarks/pdf_timing.py [--offers 300] [--json FILE]

Needs at least N published offers (``manage.py seed_demo`` makes 2,500 offers, about 2,250 published).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")


def measure(client, url: str) -> dict:
    began, cpu = time.perf_counter(), time.process_time()
    response = client.get(url)
    wall, cpu = time.perf_counter() - began, time.process_time() - cpu
    if response.status_code != 200 or response["Content-Type"] != "application/pdf":
        sys.exit(f"{url} answered {response.status_code} {response['Content-Type']}")
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "bytes": len(response.content),
        "pages": pages(response.content),
    }


def pages(pdf: bytes) -> int | None:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        try:
            info = subprocess.run(["pdfinfo", file.name], capture_output=True, text=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError):
            return None
    return next(int(line.split()[-1]) for line in info.splitlines() if line.startswith("Pages:"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--offers", type=int, default=300)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.db import transaction
    from django.test import Client
    from django.test.utils import override_settings

    from municipalities.models import FeaturedOffer, Municipality, MunicipalSite
    from offers.models import Offer

    offers = list(Offer.objects.published().order_by("pk").values_list("pk", flat=True)[: args.offers])
    if len(offers) < args.offers:
        sys.exit(f"Only {len(offers)} published offers; seed more (manage.py seed_demo --offers N).")
    figures: dict = {"offers": args.offers, "load_average": os.getloadavg()}
    with override_settings(DEBUG=False, ALLOWED_HOSTS=["testserver"]), transaction.atomic():
        municipality = Municipality.objects.filter(site__isnull=True).order_by("code").first()
        site = MunicipalSite.objects.create(
            municipality=municipality,
            title=f"Åben skole i {municipality.name}",
            intro="Kataloget over kommunens udvalg af undervisningstilbud.",
            transport_info="Skolerne kan søge kommunens transportpulje.",
            include_local_offers=False,
            published=True,
        )
        site.extra_offers.set(offers[10:])
        FeaturedOffer.objects.bulk_create(
            FeaturedOffer(site=site, offer_id=pk, note="Anbefalet til 5. klasse", position=n)
            for n, pk in enumerate(offers[:10], start=1)
        )
        client = Client()
        url = f"/kommuner/{municipality.slug}/katalog.pdf"
        cache.clear()
        figures["catalogue_cold"] = measure(client, url)
        figures["catalogue_cached"] = measure(client, url)
        site.title += " 2026/27"
        site.save()  # advances the catalogue version, as any edit does
        figures["catalogue_after_edit"] = measure(client, url)
        with override_settings(PORTAL_PRINT_MAX_OFFERS=args.offers):
            figures["search"] = measure(client, "/tilbud/katalog.pdf?sorter=titel")
        slug = Offer.objects.get(pk=offers[0]).slug
        figures["offer_sheet"] = measure(client, f"/tilbud/{slug}/ark.pdf")
        figures["debug"] = settings.DEBUG
        transaction.set_rollback(True)
    print(json.dumps(figures, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
