"""Fair allocation of an offer's scarce dates: the requests of an allocation round are given their dates at
once, after the round's deadline, instead of first come, first served.

The rule, deterministic given the requests, the schools' visits and the seed:

1. Every request of the round gets a lot number: the requests in order of id, shuffled by
   ``random.Random(seed)``; the seed is drawn when the place allocates and recorded on the round.
2. Repeatedly, the request with the highest priority among those left is decided: the school with the fewest
   confirmed visits this school year in the portal first (a school that wins a date in the round counts that
   visit when its next request is weighed); then, when the municipality of the place favours distant
   schools (AllocationPolicy), the one farther from the place; then the lower lot number. It gets its date if a place is left, else it joins the date's
   waiting list, told why ("I fik ikke plads, fordi …").
3. The decisions are kept as the round's table, which staff see in the back office.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import asdict, dataclass

from django.db import transaction
from django.db.models import Count
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override

from bookings import emails
from bookings.models import AllocationRound, BookingRequest, places_left
from bookings.states import BookingError
from municipalities.geo import Point, haversine_km

Status = BookingRequest.Status


@dataclass(frozen=True)
class Decision:
    rank: int
    booking: int
    school: str
    date: str
    visits: int
    km: float | None
    lot: int
    placed: bool
    reason: str


def lots(booking_ids: list[int], seed: int) -> dict[int, int]:
    """Lot numbers 1…n for the requests, drawn with the seed."""
    drawn = random.Random(seed).sample(sorted(booking_ids), len(booking_ids))
    return {pk: number for number, pk in enumerate(drawn, start=1)}


def distance_km(booking: BookingRequest) -> float | None:
    school, place = booking.school, booking.offer.provider
    if None in (school.latitude, school.longitude, place.latitude, place.longitude):
        return None
    return round(
        haversine_km(Point(school.latitude, school.longitude), Point(place.latitude, place.longitude)), 1
    )


def allocate(round_: AllocationRound, base_url: str, seed: int | None = None, now=None) -> list[Decision]:
    """Allocate the round's pending requests (see the module's rule) and e-mail every school its result."""
    now = now or timezone.now()
    with transaction.atomic(), override("da"):
        round_ = AllocationRound.objects.select_for_update().get(pk=round_.pk)
        if round_.status != AllocationRound.Status.OPEN:
            raise BookingError(_("This round has been allocated already."))
        if round_.requests_until > now:
            raise BookingError(_("The round collects requests until its deadline; allocate after it."))
        requests = list(
            round_.requests.filter(status=Status.PENDING)
            .select_related("school", "occurrence", "offer__provider")
            .order_by("pk")
        )
        seed = secrets.randbits(32) if seed is None else seed
        lot = lots([booking.pk for booking in requests], seed)
        visits = _visits_this_year([booking.school_id for booking in requests], now)
        km = {booking.pk: distance_km(booking) for booking in requests} if round_.favours_distant else {}
        left = {booking.occurrence_id: places_left(booking.occurrence) for booking in requests}
        winners: dict[int, list[BookingRequest]] = {}
        had_at: dict[int, int] = {}  # a request's school's visits when it was decided

        def priority(booking):
            return (visits.get(booking.school_id, 0), -(km.get(booking.pk) or 0), lot[booking.pk])

        decisions, remaining = [], list(requests)
        while remaining:
            booking = min(remaining, key=priority)
            remaining.remove(booking)
            had = had_at[booking.pk] = visits.get(booking.school_id, 0)
            placed = left[booking.occurrence_id] > 0
            reason = ""
            if placed:
                left[booking.occurrence_id] -= 1
                visits[booking.school_id] = had + 1
                winners.setdefault(booking.occurrence_id, []).append(booking)
                booking.status, booking.decided_at = Status.CONFIRMED, now
            else:
                ahead = winners.get(booking.occurrence_id, [])
                reason = _explain(booking, ahead[-1] if ahead else None, had_at, km, lot)
                booking.status, booking.reason = Status.WAITING, reason
            booking.save()
            decisions.append(
                Decision(
                    len(decisions) + 1,
                    booking.pk,
                    booking.school.name,
                    emails.when(booking),
                    had,
                    km.get(booking.pk),
                    lot[booking.pk],
                    placed,
                    reason,
                )
            )
        round_.status, round_.seed, round_.allocated_at = AllocationRound.Status.ALLOCATED, seed, now
        round_.table = [asdict(decision) for decision in decisions]
        round_.save()
    for booking in requests:
        (emails.confirmed if booking.status == Status.CONFIRMED else emails.not_allocated)(booking, base_url)
    return decisions


def _visits_this_year(school_ids: list[int], now) -> dict[int, int]:
    rows = (
        BookingRequest.objects.visits_in_school_year(timezone.localdate(now))
        .filter(school_id__in=school_ids)
        .values("school_id")
        .annotate(n=Count("pk"))
    )
    return {row["school_id"]: row["n"] for row in rows}


def _explain(booking, winner, had_at, km, lot) -> str:
    """Why the request got no place, against the last school that got one of its date."""
    if winner is None:
        return _("You did not get a place because the date had no place left.")
    had, theirs = had_at[booking.pk], had_at[winner.pk]
    values = {"school": winner.school.name, "theirs": theirs, "yours": had}
    if theirs < had:
        return (
            ngettext(
                "You did not get a place because schools with fewer confirmed visits this school year go first: "
                "%(school)s had %(theirs)d, you had %(yours)d visit.",
                "You did not get a place because schools with fewer confirmed visits this school year go first: "
                "%(school)s had %(theirs)d, you had %(yours)d visits.",
                had,
            )
            % values
        )
    their_km, your_km = km.get(winner.pk), km.get(booking.pk)
    if km and (their_km or 0) > (your_km or 0):
        return _(
            "You did not get a place because %(school)s had as many visits as you this school year and lies "
            "farther from the place (%(their_km)s km, you %(your_km)s km); distant schools go first."
        ) % {
            **values,
            "their_km": formats.number_format(their_km or 0, 1),
            "your_km": formats.number_format(your_km or 0, 1),
        }
    return _(
        "You did not get a place because %(school)s had as many visits as you this school year and the lot "
        "put it first (lot number %(their_lot)d, yours %(your_lot)d)."
    ) % {**values, "their_lot": lot[winner.pk], "your_lot": lot[booking.pk]}
