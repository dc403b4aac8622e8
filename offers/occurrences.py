"""Planning dated visits: booking deadlines, series of dates (weekdays × start times over a period, leaving
out school holidays and chosen weeks) and the weeks of a month for the back office's calendar.

The model, its rules and its queries are in offers/models.py (Occurrence, OccurrenceQuerySet), the holiday
calendar in offers/holidays.py, the admin pages in offers/admin_occurrences.py.
"""

from __future__ import annotations

import calendar
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from offers.holidays import SchoolCalendar, school_calendar
from offers.models import DEADLINE_DAYS, Occurrence, Offer, unique_key

# The most dates one series may create (a school year of two times a day on two weekdays is about 160).
MAX_SERIES = 500


def deadline(start_day: date, days_before: int, today: date) -> date:
    """``days_before`` days before ``start_day``, but not before today (a date added at short notice can still
    be requested today) and never after the day it starts."""
    return min(start_day, max(start_day - timedelta(days=days_before), today))


def default_deadline(starts: datetime, today: date) -> date:
    """The deadline of a new date when none is given."""
    return deadline(timezone.localdate(starts), DEADLINE_DAYS, today)


@dataclass(frozen=True)
class Series:
    """Dates on ``weekdays`` (ISO: 1 is Monday) at each of ``times`` from ``first`` to ``last``, Danish time."""

    first: date
    last: date
    weekdays: frozenset[int]
    times: tuple[time, ...]
    minutes: int
    places: int = 1
    deadline_days: int = DEADLINE_DAYS
    skip_holidays: bool = True
    skip_weeks: frozenset[int] = frozenset()

    def days(self, school: SchoolCalendar) -> tuple[list[date], Counter[str]]:
        """The days the series meets, and how many matching weekdays it leaves out, by reason."""
        days, skipped = [], Counter()
        for offset in range((self.last - self.first).days + 1):
            day = self.first + timedelta(days=offset)
            if day.isoweekday() not in self.weekdays:
                continue
            holiday = school.holiday_on(day) if self.skip_holidays else None
            week = day.isocalendar().week
            if holiday:
                skipped[holiday] += 1
            elif week in self.skip_weeks:
                skipped[_("week %(number)d") % {"number": week}] += 1
            else:
                days.append(day)
        return days, skipped

    def plan(self, school: SchoolCalendar) -> tuple[list[datetime], Counter[str]]:
        """The starts of the series' dates (Danish time), and the days left out by reason."""
        zone = timezone.get_default_timezone()
        days, skipped = self.days(school)
        return [datetime.combine(day, at, tzinfo=zone) for day in days for at in self.times], skipped


@dataclass
class SeriesResult:
    created: list[Occurrence] = field(default_factory=list)
    existing: int = 0
    skipped: Counter[str] = field(default_factory=Counter)


def create_series(
    offer: Offer, series: Series, *, school: SchoolCalendar | None = None, now: datetime | None = None
) -> SeriesResult:
    """Create the dates of ``series`` that ``offer`` lacks (none with the same start), each with its deadline.

    Idempotent: running the same series again creates nothing. One series at a time per offer (the offer's
    row is locked), so two clicks cannot both insert.
    """
    school = school or school_calendar()
    now = now or timezone.now()
    today = timezone.localdate(now)
    starts_planned, skipped = series.plan(school)
    result = SeriesResult(skipped=skipped)
    with transaction.atomic():
        Offer.objects.select_for_update().filter(pk=offer.pk).exists()
        present = list(offer.occurrences.values_list("starts", "key"))
        starts_present = {starts for starts, _key in present}
        keys = {key for _starts, key in present}
        for starts in starts_planned:
            # Compared in UTC: in the hour that comes twice in October, a local time equals no other zone's.
            if starts.astimezone(UTC) in starts_present:
                result.existing += 1
            elif starts <= now:
                result.skipped[_("already begun")] += 1
            else:
                result.created.append(
                    Occurrence(
                        offer=offer,
                        key=unique_key(Occurrence.key_for(starts), keys),
                        starts=starts,
                        ends=starts + timedelta(minutes=series.minutes),
                        places=series.places,
                        booking_deadline=deadline(starts.date(), series.deadline_days, today),
                    )
                )
        Occurrence.objects.bulk_create(result.created)
    return result


@dataclass(frozen=True)
class CalendarDay:
    day: date
    in_month: bool
    is_today: bool
    holiday: str | None
    occurrences: list[Occurrence]


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """The first and last day of the weeks (Monday to Sunday) that show ``month``."""
    weeks = calendar.Calendar().monthdatescalendar(year, month)
    return weeks[0][0], weeks[-1][-1]


def month_weeks(
    year: int, month: int, occurrences: list[Occurrence], school: SchoolCalendar, today: date
) -> list[tuple[int, list[CalendarDay]]]:
    """(ISO week number, its seven days) for each week that shows ``month``; a date is on the day it starts."""
    by_day: dict[date, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        by_day[timezone.localdate(occurrence.starts)].append(occurrence)
    return [
        (
            week[0].isocalendar().week,
            [
                CalendarDay(day, day.month == month, day == today, school.holiday_on(day), by_day[day])
                for day in week
            ],
        )
        for week in calendar.Calendar().monthdatescalendar(year, month)
    ]
