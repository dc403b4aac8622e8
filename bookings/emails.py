"""The e-mails of a booking request, in Danish, through Django's e-mail framework (the backend is a setting:
the console in development, SMTP in production). Every e-mail to the teacher ends with her link
(bookings/links.py); a confirmed booking carries the visit as an iCalendar attachment, its VEVENT made as the
calendar feeds make theirs (offers/calendar_feeds.py).
"""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar

from bookings import links
from offers.calendar_feeds import PRODUCT, event
from offers.models import Occurrence

DEFAULT_VISIT = datetime.timedelta(hours=2)  # an agreed visit's length when the offer names none


def when(booking) -> str:
    starts = booking.starts
    if starts is None:
        return _("on a date to be agreed")
    return formats.date_format(timezone.localtime(starts), "l j. F Y \\k\\l. H.i")


def describe(booking) -> str:
    return _("%(offer)s at %(place)s, %(when)s") % {
        "offer": booking.offer.title,
        "place": booking.offer.provider.name,
        "when": when(booking),
    }


def _send(booking, subject: str, paragraphs: list[str], base_url: str, attachments=()) -> None:
    link = links.manage_url(booking, base_url)
    body = "\n\n".join(
        [
            _("Dear %(name)s,") % {"name": booking.name},
            *paragraphs,
            _("See, change or cancel your request here:\n%(link)s") % {"link": link},
            _("Kind regards\nThe Open School Portal"),
        ]
    )
    message = EmailMessage(f"{subject}: {booking.offer.title}", body, to=[booking.email])
    for attachment in attachments:
        message.attach(*attachment)
    message.send()


def _to_place(booking, subject: str, text: str, base_url: str) -> None:
    """A note to the place (the offer's booking e-mail, else the place's), with the request in the back office."""
    address = booking.offer.booking_email or booking.offer.provider.email
    if not address:
        return
    admin = base_url + reverse("admin:bookings_bookingrequest_change", args=[booking.pk])
    body = f"{text}\n\n{describe(booking)}\n{booking.school.name}\n\n{admin}"
    EmailMessage(f"{subject}: {booking.offer.title}", body, to=[address]).send()


def confirm_your_email(booking, base_url: str) -> None:
    with translation.override("da"):
        _send(
            booking,
            _("Confirm your booking request"),
            [
                _("Thank you for your request: %(visit)s.") % {"visit": describe(booking)},
                _(
                    "Open the link below and confirm your e-mail address. Until then the request does not count."
                ),
            ],
            base_url,
        )


def request_counted(booking, base_url: str) -> None:
    with translation.override("da"):
        if booking.status == booking.Status.WAITING:
            text = _(
                "The date is fully booked. You are on the waiting list and will be offered a place by e-mail if one becomes free."
            )
        elif booking.allocation_id:
            text = _(
                "The place allocates its dates together after %(deadline)s, fairly among the schools that asked. You will hear from us then."
            ) % {
                "deadline": formats.date_format(
                    timezone.localtime(booking.allocation.requests_until), "j. F Y"
                )
            }
        else:
            text = _("The place has received your request and will answer you by e-mail.")
        _send(booking, _("We have received your request"), [describe(booking), text], base_url)
        _to_place(booking, _("New booking request"), _("A school asks to book a visit."), base_url)


def confirmed(booking, base_url: str) -> None:
    with translation.override("da"):
        _send(
            booking,
            _("Your visit is confirmed"),
            [
                _("The place has confirmed your visit: %(visit)s.") % {"visit": describe(booking)},
                _("The visit is attached as a calendar file (.ics)."),
            ],
            base_url,
            attachments=[("besoeg.ics", visit_calendar(booking, base_url), "text/calendar")],
        )


def declined(booking, base_url: str) -> None:
    with translation.override("da"):
        _send(
            booking,
            _("Your request was declined"),
            [describe(booking), _("The place's reason: %(reason)s") % {"reason": booking.reason}],
            base_url,
        )


def proposed(booking, base_url: str) -> None:
    with translation.override("da"):
        other = booking.proposed_occurrence
        paragraphs = [
            describe(booking),
            _("The place proposes another date: %(date)s. Accept it through the link below.")
            % {"date": formats.date_format(timezone.localtime(other.starts), "l j. F Y \\k\\l. H.i")},
        ]
        if booking.reason:
            paragraphs.append(booking.reason)
        _send(booking, _("The place proposes another date"), paragraphs, base_url)


def cancelled(booking, base_url: str, tell_place: bool = True) -> None:
    with translation.override("da"):
        paragraphs = [_("Your request is cancelled: %(visit)s.") % {"visit": describe(booking)}]
        if booking.reason:
            paragraphs.append(booking.reason)
        _send(booking, _("Your request is cancelled"), paragraphs, base_url)
        if tell_place:
            _to_place(booking, _("Booking cancelled"), _("A school has cancelled its request."), base_url)


def place_offered(booking, base_url: str) -> None:
    with translation.override("da"):
        until = formats.date_format(timezone.localtime(booking.offered_until), "l j. F \\k\\l. H.i")
        _send(
            booking,
            _("A place has become free"),
            [
                _("A place has become free: %(visit)s.") % {"visit": describe(booking)},
                _(
                    "It is yours if you accept it through the link below by %(until)s. After that it is offered to the next on the waiting list."
                )
                % {"until": until},
            ],
            base_url,
        )


def not_allocated(booking, base_url: str) -> None:
    with translation.override("da"):
        _send(
            booking,
            _("You did not get a place"),
            [describe(booking), booking.reason, _("You are on the waiting list for the date.")],
            base_url,
        )


class _Site:
    """What offers.calendar_feeds.event needs of a request: the portal's address."""

    def __init__(self, base_url: str):
        self.base_url = base_url

    def build_absolute_uri(self, path: str) -> str:
        return self.base_url + path

    def get_host(self) -> str:
        return urlsplit(self.base_url).netloc


def visit_calendar(booking, base_url: str) -> bytes:
    """The confirmed visit as an iCalendar file: one VEVENT whose UID names the booking."""
    occurrence = booking.occurrence
    if occurrence is None:
        length = datetime.timedelta(minutes=booking.offer.duration_minutes or 0) or DEFAULT_VISIT
        occurrence = Occurrence(
            offer=booking.offer, starts=booking.agreed_starts, ends=booking.agreed_starts + length
        )
    site = _Site(base_url)
    host = site.get_host().split(":")[0]
    item = event(site, occurrence, host, timezone.now())
    item.pop("uid")
    item.add("uid", f"booking-{booking.pk}@{host}")
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(item)
    calendar.add_missing_timezones()
    return calendar.to_ical()
