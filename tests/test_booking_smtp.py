"""The booking e-mails go through Django's SMTP backend to a real SMTP server (aiosmtpd on loopback), and
the message as received is Danish and carries the visit as an iCalendar attachment."""

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from django.test import override_settings
from django.utils import timezone
from icalendar import Calendar

from bookings import states
from tests.bookings_helpers import BASE, add_date, make_request

pytestmark = pytest.mark.django_db


class Inbox(Message):
    def __init__(self):
        super().__init__()
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)


@pytest.fixture
def smtp_server():
    with socket.socket() as probe:  # a free port on loopback
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="127.0.0.1", EMAIL_PORT=port
    ):
        yield inbox
    controller.stop()


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
