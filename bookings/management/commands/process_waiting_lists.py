"""Let lapse the waiting-list offers not taken within their 48 hours and offer the places to the next in
line, and close the requests of dates the places have cancelled (run every few minutes, e.g. from cron)."""

from django.core.management.base import BaseCommand

from bookings import links, states


class Command(BaseCommand):
    help = "Offer freed places to the next on the waiting lists when an offer has lapsed."

    def handle(self, *args, **options):
        base = links.base_url()
        closed = states.close_cancelled_dates(base)
        lapsed = states.lapse_offers(base)
        self.stdout.write(f"{closed} requests on cancelled dates closed; {lapsed} offers lapsed.")
