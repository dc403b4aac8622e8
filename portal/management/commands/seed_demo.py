"""`manage.py seed_demo`: fill the database with deterministic demo data: the catalogue of learning places and
offers (offers.demo), municipal sites that feature some of them (municipalities.demo) and partnerships
between learning places and schools (partnerships.demo)."""

import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Count, ProtectedError, RestrictedError

from municipalities.demo import seed_demo_sites
from offers.demo.generate import build_catalogue
from offers.demo.store import delete_catalogue, write_catalogue
from offers.models import Offer, Provider
from partnerships.demo import seed_demo_partnerships
from partnerships.models import Partnership


class Command(BaseCommand):
    help = (
        "Create a demo catalogue of learning places and offers, municipal sites and partnerships. The same "
        "--seed and --offers always give the same catalogue. Refuses to run when learning places or offers "
        "exist, unless --replace or --if-empty."
    )

    def add_arguments(self, parser):
        parser.add_argument("--offers", type=int, default=2500, help="Number of offers (default 2500).")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        existing = parser.add_mutually_exclusive_group()
        existing.add_argument(
            "--replace",
            action="store_true",
            help="Delete ALL learning places, offers and partnerships first (reference data is kept).",
        )
        existing.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing and exit successfully when learning places or offers already exist.",
        )

    def handle(self, *args, offers: int, seed: int, replace: bool, if_empty: bool, **options):
        if offers < 1:
            raise CommandError("--offers must be at least 1.")
        if replace and if_empty:
            raise CommandError("Use either --replace or --if-empty, not both.")
        n_offers, n_providers = Offer.objects.count(), Provider.objects.count()
        if (n_offers or n_providers) and not replace:
            found = f"{n_offers:,} offers and {n_providers:,} learning places"
            if if_empty:
                self.stdout.write(f"The database already has {found}; nothing seeded.")
                return
            raise CommandError(
                f"The database already has {found}. Use --replace to delete them all and seed again, "
                "or --if-empty to leave existing data alone."
            )

        started = time.perf_counter()
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:  # bulk work: the web's statement timeout does not apply
                    cursor.execute("SET LOCAL statement_timeout = 0")
                if n_offers or n_providers:
                    n_partnerships = Partnership.objects.count()
                    Partnership.objects.all().delete()
                    deleted = delete_catalogue()
                    self.stdout.write(
                        f"Deleted {deleted[0]:,} offers, {deleted[1]:,} learning places "
                        f"and {n_partnerships:,} partnerships "
                        f"in {time.perf_counter() - started:.1f} s."
                    )
                built = time.perf_counter()
                written = write_catalogue(build_catalogue(offers, seed))
                rng = random.Random(seed)
                sites = seed_demo_sites(rng)
                partnerships = seed_demo_partnerships(rng)
        except (ProtectedError, RestrictedError) as error:
            raise CommandError(
                f"Cannot delete the existing catalogue: other data refers to it ({error.args[0]})"
            ) from error
        elapsed = time.perf_counter() - built
        by_status = dict(Offer.objects.values_list("status").annotate(n=Count("id")).order_by())
        links = ", ".join(f"{n:,} {name}" for name, n in written.links.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {written.providers:,} learning places and {written.offers:,} offers "
                f"({by_status.get('published', 0):,} published, {by_status.get('draft', 0):,} draft, "
                f"{by_status.get('archived', 0):,} archived; links: {links}), {written.occurrences:,} dated "
                f"visits, {sites} municipal sites "
                f"and {partnerships} partnerships from seed {seed} in {elapsed:.1f} s."
            )
        )
