"""Let lapse the waiting-list offers not taken within their 48 hours and offer the places to the next in
line (run every few minutes, e.g. from cron)."""

from django.core.management.base import BaseCommand

from bookings import links, states


class Command(BaseCommand):
    help = "Offer freed places to the next on the waiting lists when an offer has lapsed."

    def handle(self, *args, **options):
        count = states.lapse_offers(links.base_url())
        self.stdout.write(f"{count} offers lapsed.")
