"""Helpers for the booking tests: dates of an offer, a teacher's request in a given state, the teacher's link."""

import datetime
import re

from django.core import mail
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
