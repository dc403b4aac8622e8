"""The state changes of a booking request, each in one transaction, each sending its e-mail
(bookings/emails.py) after the transaction. Who may call which is decided by the views: the teacher's
signed link (confirm_email, change, cancel, accept_offer, accept_proposal) or the place in the back office
(confirm, decline, propose); see bookings/views.py and bookings/admin.py.
"""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bookings import emails
from bookings.models import OFFER_HOURS, AllocationRound, BookingRequest, confirmed_count
from offers.models import Occurrence

Status = BookingRequest.Status


class BookingError(Exception):
    """A state change that cannot be made; its message is shown to the user."""


def _lock_date(occurrence_id: int) -> Occurrence:
    return Occurrence.objects.select_for_update().get(pk=occurrence_id)


def _is_full(occurrence: Occurrence) -> bool:
    return confirmed_count(occurrence) >= occurrence.places


def confirm_email(booking: BookingRequest, base_url: str) -> bool:
    """The teacher confirmed her e-mail: the request counts from now on, as pending, or on the waiting list
    when its date is full. False when it was confirmed already."""
    with transaction.atomic():
        booking = BookingRequest.objects.select_for_update().get(pk=booking.pk)
        if booking.status != Status.UNCONFIRMED:
            return False
        booking.email_confirmed_at = timezone.now()
        booking.status = Status.PENDING
        if booking.occurrence_id and _is_full(_lock_date(booking.occurrence_id)):
            booking.status = Status.WAITING
        booking.save(update_fields=["email_confirmed_at", "status", "updated_at"])
    emails.request_counted(booking, base_url)
    return True


def confirm(booking: BookingRequest, base_url: str, agreed_starts: datetime.datetime | None = None) -> None:
    """The place confirms: the date's row is locked and its places counted, so the last place goes to one
    request only (the trigger ``booking_capacity`` refuses a second one whatever the path)."""
    with transaction.atomic():
        booking = BookingRequest.objects.select_for_update().get(pk=booking.pk)
        if booking.status not in {Status.PENDING, Status.WAITING}:
            raise BookingError(_("Only a pending request or one on the waiting list can be confirmed."))
        if AllocationRound.objects.filter(
            offer_id=booking.offer_id, status=AllocationRound.Status.OPEN
        ).exists():
            raise BookingError(
                _(
                    "The offer's dates are shared in an allocation round: confirm requests after it is allocated."
                )
            )
        if booking.occurrence_id is None:
            if agreed_starts is None and booking.agreed_starts is None:
                raise BookingError(_("Give the agreed time of the visit."))
            booking.agreed_starts = agreed_starts or booking.agreed_starts
        elif _is_full(_lock_date(booking.occurrence_id)):
            raise BookingError(_("The date is fully booked."))
        booking.status = Status.CONFIRMED
        booking.decided_at = timezone.now()
        booking.offered_until = None
        booking.proposed_occurrence = None
        try:
            with transaction.atomic():
                booking.save()
        except IntegrityError as error:  # the trigger: someone else took the last place
            raise BookingError(_("The date is fully booked.")) from error
    emails.confirmed(booking, base_url)


def decline(booking: BookingRequest, reason: str, base_url: str) -> None:
    with transaction.atomic():
        booking = BookingRequest.objects.select_for_update().get(pk=booking.pk)
        if booking.status not in {Status.PENDING, Status.WAITING, Status.CONFIRMED}:
            raise BookingError(_("This request cannot be declined."))
        if not reason.strip():
            raise BookingError(_("Give a reason for the teacher."))
        was_confirmed = booking.status == Status.CONFIRMED
        booking.status, booking.reason = Status.DECLINED, reason.strip()
        booking.decided_at, booking.offered_until = timezone.now(), None
        booking.save()
    emails.declined(booking, base_url)
    if was_confirmed:
        offer_next(booking.occurrence_id, base_url)


def propose(booking: BookingRequest, occurrence: Occurrence, note: str, base_url: str) -> None:
    """The place proposes another date of the same offer; the teacher accepts it through her link."""
    with transaction.atomic():
        booking = BookingRequest.objects.select_for_update().get(pk=booking.pk)
        if booking.status not in {Status.PENDING, Status.WAITING}:
            raise BookingError(_("Another date can be proposed only for a pending request."))
        if occurrence.offer_id != booking.offer_id or occurrence.pk == booking.occurrence_id:
            raise BookingError(_("Propose another date of the same offer."))
        booking.proposed_occurrence, booking.reason = occurrence, note.strip()
        booking.save()
    emails.proposed(booking, base_url)


def accept_proposal(booking: BookingRequest, base_url: str) -> None:
    """The teacher takes the proposed date: it is confirmed at once if it has a place."""
    with transaction.atomic():
        booking = BookingRequest.objects.select_for_update().get(pk=booking.pk)
        if booking.proposed_occurrence_id is None or not booking.is_open:
            raise BookingError(_("There is no proposed date to accept."))
        booking.occurrence_id, booking.proposed_occurrence = booking.proposed_occurrence_id, None
        booking.status = Status.PENDING
        booking.save()
        confirm(booking, base_url)


def accept_offer(booking: BookingRequest, base_url: str) -> None:
    """The teacher takes the place offered from the waiting list, within its 48 hours."""
    if not booking.has_offer:
        raise BookingError(_("The offer of a place has expired."))
    confirm(booking, base_url)


def change(booking: BookingRequest, fields: dict) -> None:
    """The teacher changes her class's details (not the date) while the request is open."""
    if not (booking.is_open or booking.status == Status.CONFIRMED):
        raise BookingError(_("This request can no longer be changed."))
    for name, value in fields.items():
        setattr(booking, name, value)
    booking.save()


def cancel(booking: BookingRequest, base_url: str, reason: str = "") -> None:
    """The teacher cancels; a place she held goes to the first on the waiting list."""
    with transaction.atomic():
        booking = BookingRequest.objects.select_for_update().get(pk=booking.pk)
        if booking.status in {Status.CANCELLED, Status.DECLINED}:
            raise BookingError(_("The request is already closed."))
        held = booking.status == Status.CONFIRMED
        seen_by_place = booking.status != Status.UNCONFIRMED
        booking.status, booking.offered_until = Status.CANCELLED, None
        booking.reason = reason or booking.reason
        booking.save()
    emails.cancelled(booking, base_url, tell_place=seen_by_place)
    if held:
        offer_next(booking.occurrence_id, base_url)


def offer_next(occurrence_id: int | None, base_url: str, now: datetime.datetime | None = None) -> bool:
    """Offer a freed place of the date to the first on its waiting list who has no standing offer, for
    ``OFFER_HOURS`` hours. False when nobody is waiting, an offer stands, or the date is full or past."""
    if occurrence_id is None:
        return False
    now = now or timezone.now()
    with transaction.atomic():
        occurrence = _lock_date(occurrence_id)
        if occurrence.status != Occurrence.Status.OPEN or occurrence.starts <= now or _is_full(occurrence):
            return False
        waiting = BookingRequest.objects.waiting_for(occurrence).select_for_update()
        if waiting.filter(offered_until__gt=now).exists():
            return False
        first = waiting.filter(offered_until__isnull=True).first()
        if first is None:
            return False
        first.offered_until = now + datetime.timedelta(hours=OFFER_HOURS)
        first.save(update_fields=["offered_until", "updated_at"])
    emails.place_offered(first, base_url)
    return True


def lapse_offers(base_url: str, now: datetime.datetime | None = None) -> int:
    """Offers from a waiting list not taken within their hours lapse (the request is cancelled), and the
    place goes to the next in line. Run every few minutes (manage.py process_waiting_lists)."""
    now = now or timezone.now()
    lapsed = list(BookingRequest.objects.filter(status=Status.WAITING, offered_until__lte=now))
    for booking in lapsed:
        BookingRequest.objects.filter(pk=booking.pk, status=Status.WAITING).update(
            status=Status.CANCELLED,
            offered_until=None,
            reason=_("The offered place was not accepted within %(hours)d hours.") % {"hours": OFFER_HOURS},
            updated_at=now,
        )
        offer_next(booking.occurrence_id, base_url, now)
    return len(lapsed)


def close_cancelled_dates(base_url: str) -> int:
    """Requests still open or confirmed on a date the place has cancelled (however it was cancelled: one
    date, the admin's bulk action, an import) are cancelled, and their teachers told. Run with
    process_waiting_lists."""
    live = {Status.UNCONFIRMED, Status.PENDING, Status.WAITING, Status.CONFIRMED}
    affected = BookingRequest.objects.filter(status__in=live, occurrence__status=Occurrence.Status.CANCELLED)
    count = 0
    for booking in affected.select_related("offer__provider", "occurrence", "school"):
        told = booking.status != Status.UNCONFIRMED  # an unconfirmed address gets no more mail
        updated = BookingRequest.objects.filter(pk=booking.pk, status=booking.status).update(
            status=Status.CANCELLED,
            offered_until=None,
            reason=_("The place has cancelled the date."),
            updated_at=timezone.now(),
        )
        if updated and told:
            booking.refresh_from_db()
            emails.cancelled(booking, base_url, tell_place=False)  # the place cancelled the date itself
        count += updated
    return count


def collecting_round(offer_id: int) -> AllocationRound | None:
    """The allocation round that collects the offer's requests now, if any: the place cannot confirm one by
    one until it has allocated."""
    return AllocationRound.objects.collecting().filter(offer_id=offer_id).first()
