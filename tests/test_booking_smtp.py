"""The booking e-mails go through Django's SMTP backend to a real SMTP server (aiosmtpd on loopback), and
the message as received is Danish and carries the visit as an iCalendar attachment."""

import email
import email.policy

import pytest
from django.utils import timezone
from icalendar import Calendar

from bookings import states
from tests import bookings_helpers
from tests.bookings_helpers import BASE, add_date, make_request

smtp_server = bookings_helpers.smtp_server  # a real SMTP server on loopback

pytestmark = pytest.mark.django_db


def test_the_confirmation_arrives_over_smtp_in_danish_with_the_visit_as_ics(smtp_server, make_offer):
    date = add_date(make_offer("Vikingetid på egen krop", key="vikingetid"))
    booking = make_request(date)
    states.confirm(booking, BASE)

    (received,) = smtp_server.messages
    message = email.message_from_bytes(received.as_bytes(), policy=email.policy.default)
    assert message["To"] == "mette@skole.example.dk"
    assert message["Subject"].strip() == "Jeres besøg er bekræftet: Vikingetid på egen krop"
    body = message.get_body(("plain",)).get_content()
    assert body.startswith("Kære Mette Lærer")
    assert "Stedet har bekræftet jeres besøg: Vikingetid på egen krop hos Lejre Museum" in body
    assert "http://testserver/booking/" in body
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_content_type() == "text/calendar" and attachment.get_filename() == "besoeg.ics"
    (event,) = Calendar.from_ical(attachment.get_content()).walk("VEVENT")
    assert event.decoded("DTSTART") == timezone.localtime(date.starts)
    assert "Lejre Museum" in str(event["LOCATION"])
