"""Helpers for the booking tests: dates of an offer, a teacher's request in a given state, the teacher's link."""

import datetime
import email
import email.policy
import re
import socket

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from bookings import links
from bookings.models import BookingRequest
from municipalities.models import School
from offers.models import Occurrence

SCHOOL = "allerslev-skole-4320"  # a school in Lejre (reference data)
BASE = "http://testserver"


def add_date(offer, days_ahead: int = 30, places: int = 1, hour: int = 9) -> Occurrence:
    day = timezone.localdate() + datetime.timedelta(days=days_ahead)
    starts = datetime.datetime.combine(day, datetime.time(hour), tzinfo=timezone.get_default_timezone())
    return Occurrence.objects.create(
        offer=offer, starts=starts, ends=starts + datetime.timedelta(hours=2), places=places
    )


def make_request(occurrence, status=BookingRequest.Status.PENDING, school=SCHOOL, **fields) -> BookingRequest:
    confirmed_at = None if status == BookingRequest.Status.UNCONFIRMED else timezone.now()
    defaults = {
        "pupils": 24,
        "adults": 2,
        "name": "Mette Lærer",
        "email": "mette@skole.example.dk",
        "phone": "12345678",
        "email_confirmed_at": confirmed_at,
    }
    return BookingRequest.objects.create(
        offer=occurrence.offer,
        occurrence=occurrence,
        school=School.objects.get(key=school),
        status=status,
        **{**defaults, **fields},
    )


def link_path(booking) -> str:
    return links.manage_url(booking, "")


def link_in_mail(message) -> str:
    """The path of the teacher's link in an e-mail."""
    return re.search(r"https?://[^/\s]+(/booking/[^\s]+/)", message.body).group(1)


def subjects() -> list[str]:
    return [message.subject for message in mail.outbox]


# --- A real SMTP server on loopback (aiosmtpd) that the booking e-mails are sent to ---


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


def received(inbox, to: str, subject_start: str):
    """The last message to `to` whose subject begins with `subject_start`, parsed as a mail client does."""
    for raw in reversed(inbox.messages):
        message = email.message_from_bytes(raw.as_bytes(), policy=email.policy.default)
        if message["To"] == to and message["Subject"].strip().startswith(subject_start):
            return message
    raise AssertionError(f"no message to {to} about {subject_start!r}")
