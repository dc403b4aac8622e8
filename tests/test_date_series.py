"""Series of dates checked against the school calendar: school holidays and public holidays left out, weeks
the editor names left out, deadlines computed per date, nothing created twice when a series runs again."""

import datetime
from collections import Counter

import pytest
from django.utils import timezone

from offers.holidays import school_calendar
from offers.models import Occurrence
from offers.occurrences import Series, create_series

pytestmark = pytest.mark.django_db

DK = timezone.get_default_timezone()
TUESDAY, THURSDAY = 2, 4
NINE, ELEVEN = datetime.time(9), datetime.time(11)


def moment(year, month, day, hour=8):
    return datetime.datetime(year, month, day, hour, tzinfo=DK)


def local(occurrence) -> datetime.datetime:
    return timezone.localtime(occurrence.starts)


@pytest.fixture
def offer(make_offer):
    return make_offer("Vikingetid på egen krop", key="vikingetid")


def spring_2027(**changes) -> Series:
    """Tuesdays and Thursdays at 9:00 and 11:00, February to April 2027, two hours, except week 8."""
    fields = {
        "first": datetime.date(2027, 2, 1),
        "last": datetime.date(2027, 4, 30),
        "weekdays": frozenset({TUESDAY, THURSDAY}),
        "times": (NINE, ELEVEN),
        "minutes": 120,
        "skip_weeks": frozenset({8}),
    }
    return Series(**{**fields, **changes})


# --- The holiday calendar shipped with the project ---


def test_the_holiday_calendar_is_ordered_without_overlaps():
    holidays = school_calendar().holidays
    assert all(h.first <= h.last for h in holidays)
    assert all(a.last < b.first for a, b in zip(holidays, holidays[1:], strict=False))


@pytest.mark.parametrize("autumn", [2025, 2026, 2027, 2028])
def test_every_school_year_has_the_danish_holidays(autumn):
    school = school_calendar()
    spring = autumn + 1
    expected = {
        datetime.date.fromisocalendar(autumn, 42, 3): "Efterårsferie",  # week 42
        datetime.date(autumn, 12, 24): "Juleferie",
        datetime.date(spring, 1, 1): "Juleferie",
        datetime.date.fromisocalendar(spring, 7, 3): "Vinterferie",  # week 7
        datetime.date(spring, 7, 15): "Sommerferie",
    }
    for day, name in expected.items():
        assert school.holiday_on(day) == name, day
    assert school.holiday_on(datetime.date.fromisocalendar(autumn, 43, 3)) is None


def test_easter_ascension_whitsun_and_constitution_day_2027_are_holidays():
    school = school_calendar()
    for day in ["2027-03-25", "2027-03-26", "2027-03-29", "2027-05-06", "2027-05-07", "2027-05-17"]:
        assert school.holiday_on(datetime.date.fromisoformat(day)), day
    assert school.holiday_on(datetime.date(2027, 3, 30)) is None  # school again after Easter Monday
    assert school.holiday_on(datetime.date(2028, 6, 5))  # Constitution Day (and Whit Monday that year)


# --- A series ---


def test_a_series_leaves_out_school_holidays_and_the_weeks_named(offer):
    result = create_series(offer, spring_2027(), now=moment(2027, 1, 4))
    days = sorted({local(o).date() for o in offer.occurrences.all()})
    weeks = {day.isocalendar().week for day in days}
    assert 7 not in weeks and 8 not in weeks  # winter holiday, and week 8 as asked
    assert not any(datetime.date(2027, 3, 20) <= day <= datetime.date(2027, 3, 29) for day in days)  # Easter
    assert {day.isoweekday() for day in days} == {TUESDAY, THURSDAY}
    assert (days[0], days[-1]) == (datetime.date(2027, 2, 2), datetime.date(2027, 4, 29))
    assert len(days) == 20 and len(result.created) == 40
    assert result.skipped == Counter({"Vinterferie": 2, "Påskeferie": 2, "uge 8": 2})


def test_dates_start_at_the_same_danish_time_on_both_sides_of_summer_time(offer):
    create_series(offer, spring_2027(), now=moment(2027, 1, 4))
    starts = {(local(o).hour, local(o).minute) for o in offer.occurrences.all()}
    assert starts == {(9, 0), (11, 0)}
    after = offer.occurrences.filter(starts__date__gte=datetime.date(2027, 3, 29)).first()
    assert after.starts.utcoffset() == datetime.timedelta(0) and local(after).utcoffset().seconds == 7200
    assert all(o.ends - o.starts == datetime.timedelta(hours=2) for o in offer.occurrences.all())


def test_each_date_gets_its_deadline_the_chosen_days_before(offer):
    create_series(offer, spring_2027(deadline_days=14), now=moment(2027, 1, 4))
    for occurrence in offer.occurrences.all():
        assert occurrence.booking_deadline == local(occurrence).date() - datetime.timedelta(days=14)


def test_a_deadline_that_has_passed_becomes_today_and_never_after_the_day_itself(offer):
    series = spring_2027(first=datetime.date(2027, 2, 2), last=datetime.date(2027, 3, 5), times=(NINE,))
    create_series(offer, series, now=moment(2027, 2, 1))
    deadlines = dict(offer.occurrences.values_list("starts__date", "booking_deadline"))
    assert deadlines[datetime.date(2027, 2, 2)] == datetime.date(2027, 2, 1)  # 14 days before: passed
    assert deadlines[datetime.date(2027, 3, 4)] == datetime.date(2027, 2, 18)
    create_series(
        offer, spring_2027(first=datetime.date(2027, 4, 6), deadline_days=0), now=moment(2027, 2, 1)
    )
    assert offer.occurrences.get(key="2027-04-06-0900").booking_deadline == datetime.date(2027, 4, 6)


def test_running_the_same_series_twice_creates_nothing_the_second_time(offer):
    first = create_series(offer, spring_2027(), now=moment(2027, 1, 4))
    before = list(offer.occurrences.values())
    again = create_series(offer, spring_2027(), now=moment(2027, 1, 5))
    assert (len(again.created), again.existing) == (0, len(first.created))
    assert list(offer.occurrences.values()) == before  # not a deadline recomputed


def test_a_changed_series_adds_only_the_new_times(offer):
    create_series(offer, spring_2027(), now=moment(2027, 1, 4))
    result = create_series(
        offer, spring_2027(times=(NINE, ELEVEN, datetime.time(13))), now=moment(2027, 1, 4)
    )
    assert (len(result.created), result.existing) == (20, 40)
    assert offer.occurrences.count() == 60


def test_a_date_added_by_hand_is_kept_with_its_own_values(offer):
    by_hand = Occurrence.objects.create(
        offer=offer, starts=moment(2027, 2, 2, 9), ends=moment(2027, 2, 2, 12), places=3
    )
    result = create_series(offer, spring_2027(), now=moment(2027, 1, 4))
    assert result.existing == 1
    by_hand.refresh_from_db()
    assert (by_hand.places, by_hand.ends) == (3, moment(2027, 2, 2, 12))


def test_new_keys_never_take_one_already_used_for_another_time(offer):
    Occurrence.objects.create(
        offer=offer, key="2027-02-02-0900", starts=moment(2027, 6, 1, 9), ends=moment(2027, 6, 1, 10)
    )
    create_series(offer, spring_2027(), now=moment(2027, 1, 4))
    assert local(offer.occurrences.get(key="2027-02-02-0900-2")) == moment(2027, 2, 2, 9)


def test_public_holidays_on_school_days_are_left_out():
    may = Series(
        first=datetime.date(2027, 5, 3),
        last=datetime.date(2027, 5, 28),
        weekdays=frozenset({1, 4, 5}),
        times=(NINE,),
        minutes=60,
    )
    days, skipped = may.days(school_calendar())
    assert datetime.date(2027, 5, 6) not in days  # Ascension Day
    assert datetime.date(2027, 5, 7) not in days  # the Friday after
    assert datetime.date(2027, 5, 17) not in days  # Whit Monday
    assert skipped == Counter({"Kristi himmelfart": 2, "Pinse": 1})


def test_holidays_can_be_kept_when_the_place_is_open_then():
    series = spring_2027(skip_holidays=False, skip_weeks=frozenset())
    days, skipped = series.days(school_calendar())
    assert datetime.date(2027, 2, 16) in days and not skipped  # a Tuesday in the winter holiday


def test_times_that_have_begun_today_are_left_out(offer):
    series = spring_2027(first=datetime.date(2027, 2, 2), last=datetime.date(2027, 2, 2))
    result = create_series(offer, series, now=moment(2027, 2, 2, 10))
    assert [local(o).hour for o in result.created] == [11]
    assert result.skipped == Counter({"allerede begyndt": 1})


def test_a_time_in_the_hour_that_comes_twice_is_not_created_twice(offer):
    night = Series(
        first=datetime.date(2027, 10, 31),
        last=datetime.date(2027, 10, 31),
        weekdays=frozenset({7}),
        times=(datetime.time(2, 30),),
        minutes=30,
        skip_holidays=False,
    )
    assert len(create_series(offer, night, now=moment(2027, 10, 1)).created) == 1
    again = create_series(offer, night, now=moment(2027, 10, 1))
    assert (len(again.created), again.existing) == (0, 1)
