"""Delete the teachers' personal data from booking requests whose visit lies more than
BOOKING_PERSONAL_DATA_DAYS days back (run nightly). The request stays, without name, e-mail, phone and
message, so the numbers per school still count it."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from bookings.models import BookingRequest


class Command(BaseCommand):
    help = "Delete teachers' names, e-mails, phones and messages a set time after the visit."

    def handle(self, *args, **options):
        now = timezone.now()
        count = BookingRequest.objects.due_for_anonymising(now).update(
            name="", email="", phone="", message="", wished_dates="", anonymised_at=now
        )
        self.stdout.write(f"Deleted the personal data of {count} booking requests.")
