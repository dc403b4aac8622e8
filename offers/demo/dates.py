"""Dated visits for the demo catalogue: about 15 % of the offers, those a class goes to or that come to the
class (visits, outreach, courses, events), get dates in the demo's school year 2026/27: weekday mornings
outside the school holidays (offers/holidays.py), inside the offer's own period, one to three weekdays
weekly or every other week. Deterministic from the seed; nothing depends on the real date."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from random import Random
from typing import NamedTuple

from django.utils import timezone

from offers.holidays import school_calendar
from offers.models import Occurrence, Offer

F = Offer.Format

SHARE = 0.15
SCHOOL_YEAR = (date(2026, 8, 10), date(2027, 6, 25))
FORMATS = {F.VISIT, F.OUTREACH, F.COURSE, F.EVENT}
# Start times of a morning's visits: one or two sessions.
TIMES = (
    (time(9, 0),),
    (time(9, 0),),
    (time(8, 30),),
    (time(10, 0),),
    (time(9, 0), time(11, 0)),
    (time(8, 30), time(10, 30)),
    (time(9, 30), time(12, 0)),
)
# (part of the year, weight): many places plan one term at a time.
TERMS = (
    ((SCHOOL_YEAR[0], SCHOOL_YEAR[1]), 5),
    ((SCHOOL_YEAR[0], date(2026, 12, 18)), 3),
    ((date(2027, 1, 4), SCHOOL_YEAR[1]), 3),
)
DEADLINE_DAYS = (14, 14, 14, 7, 21, None)
MAX_MINUTES = 240


class DemoDate(NamedTuple):
    """One dated visit, as offers.demo.store writes it (plain values: 450,000 model instances would take
    most of a 50,000-offer seed's time)."""

    offer: Offer
    key: str
    starts: datetime
    ends: datetime
    places: int
    booking_deadline: date | None
    status: str


@dataclass(frozen=True)
class _Plan:
    first: date
    last: date
    weekdays: frozenset[int]
    every: int  # weeks
    times: tuple[time, ...]
    minutes: int
    places: int
    deadline_days: int | None


def school_days() -> list[date]:
    """The weekdays of the demo school year that are not holidays."""
    school = school_calendar()
    first, last = SCHOOL_YEAR
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    return [day for day in days if day.isoweekday() <= 5 and not school.holiday_on(day)]


def dated_visits(offers: list[Offer], rng: Random) -> list[DemoDate]:
    """Dates for a share of ``offers`` (each date points to its offer, which may not be saved yet)."""
    candidates = [offer for offer in offers if offer.format in FORMATS and _period(offer, SCHOOL_YEAR)]
    chosen = rng.sample(candidates, min(len(candidates), round(SHARE * len(offers))))
    days = school_days()
    occurrences = []
    for offer in chosen:
        plan = _plan(offer, rng)
        monday = plan.first - timedelta(days=plan.first.weekday())
        for day in days:
            if not (plan.first <= day <= plan.last and day.isoweekday() in plan.weekdays):
                continue
            if ((day - monday).days // 7) % plan.every:
                continue
            for at in plan.times:
                key, starts = _moment(day, at)
                deadline = None if plan.deadline_days is None else day - timedelta(days=plan.deadline_days)
                occurrences.append(
                    DemoDate(
                        offer,
                        key,
                        starts,
                        starts + timedelta(minutes=plan.minutes),
                        plan.places,
                        deadline,
                        Occurrence.Status.CANCELLED if rng.random() < 0.03 else Occurrence.Status.OPEN,
                    )
                )
    return occurrences


@cache
def _moment(day: date, at: time) -> tuple[str, datetime]:
    """The key and the start of a date on ``day`` at ``at`` (shared by the many offers that meet then)."""
    return f"{day:%Y-%m-%d}-{at:%H%M}", datetime.combine(day, at, tzinfo=timezone.get_default_timezone())


def _period(offer: Offer, term: tuple[date, date]) -> tuple[date, date] | None:
    """The part of ``term`` inside the offer's own period, if any."""
    first = max(term[0], offer.available_from or term[0])
    last = min(term[1], offer.available_to or term[1])
    return (first, last) if first <= last else None


def _plan(offer: Offer, rng: Random) -> _Plan:
    term = rng.choices([t for t, _w in TERMS], weights=[w for _t, w in TERMS])[0]
    first, last = _period(offer, term) or _period(offer, SCHOOL_YEAR)
    times = rng.choice(TIMES)
    return _Plan(
        first=first,
        last=last,
        weekdays=frozenset(rng.sample(range(1, 6), rng.choice((1, 1, 2, 2, 3)))),
        every=rng.choice((1, 1, 2)),
        times=times,
        minutes=min(offer.duration_minutes or 90, MAX_MINUTES, _gap(times)),
        places=rng.choice((1, 1, 1, 2)),
        deadline_days=rng.choice(DEADLINE_DAYS),
    )


def _gap(times: tuple[time, ...]) -> int:
    """Minutes between a morning's sessions (so they do not overlap); no limit for one session."""
    if len(times) < 2:
        return MAX_MINUTES
    return (times[1].hour * 60 + times[1].minute) - (times[0].hour * 60 + times[0].minute)
