"""Dated visits (occurrences): the rules the database keeps, and which dates count as free on a day or in a
period, exactly at the edges (a visit ending at midnight, a booking deadline today, a visit that began)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from offers.models import Occurrence, Offer
from offers.search_engine import catalogue_version

pytestmark = pytest.mark.django_db

DK = timezone.get_default_timezone()
MARCH_4 = datetime.date(2027, 3, 4)


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=DK)


def add_date(offer, starts, ends=None, **fields) -> Occurrence:
    ends = ends or starts + datetime.timedelta(hours=2)
    return Occurrence.objects.create(offer=offer, starts=starts, ends=ends, **fields)


@pytest.fixture
def offer(make_offer) -> Offer:
    return make_offer("Vikingetid på egen krop", key="vikingetid")


def keys(queryset) -> list[str]:
    return sorted(queryset.values_list("key", flat=True))


# --- Rules the database keeps, whichever way a date is written ---


def test_a_date_that_ends_before_it_starts_is_refused(offer):
    with pytest.raises(IntegrityError, match="occurrence_ends_after_starts"):
        add_date(offer, at(MARCH_4, 11), at(MARCH_4, 9))


def test_a_date_without_places_is_refused(offer):
    with pytest.raises(IntegrityError, match="occurrence_places_positive"):
        add_date(offer, at(MARCH_4, 9), places=0)


def test_a_booking_deadline_after_the_day_it_starts_is_refused_in_danish_time(offer):
    # 00:30 on 5 March in Denmark is still 4 March in UTC: the deadline 5 March is the same day, allowed.
    assert add_date(
        offer, at(MARCH_4 + datetime.timedelta(days=1), 0, 30), booking_deadline=datetime.date(2027, 3, 5)
    )
    with pytest.raises(IntegrityError, match="occurrence_deadline_not_after_start"):
        add_date(offer, at(MARCH_4, 9), booking_deadline=datetime.date(2027, 3, 5))


def test_an_offer_cannot_have_two_dates_with_the_same_start(offer):
    add_date(offer, at(MARCH_4, 9))
    with pytest.raises(IntegrityError, match="occurrence_offer_starts_unique"), transaction.atomic():
        add_date(offer, at(MARCH_4, 9), key="other")
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the rule is checked at commit


def test_two_dates_may_swap_their_times_in_one_transaction(offer):
    first, second = add_date(offer, at(MARCH_4, 9)), add_date(offer, at(MARCH_4, 11))
    with transaction.atomic():
        Occurrence.objects.filter(pk=first.pk).update(starts=at(MARCH_4, 11), ends=at(MARCH_4, 13))
        Occurrence.objects.filter(pk=second.pk).update(starts=at(MARCH_4, 9), ends=at(MARCH_4, 11))
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    assert [o.pk for o in offer.occurrences.all()] == [second.pk, first.pk]


def test_the_same_start_on_another_offer_is_fine(offer, make_offer):
    add_date(offer, at(MARCH_4, 9))
    assert add_date(make_offer("Sejlads", key="sejlads"), at(MARCH_4, 9))


def test_a_new_date_gets_its_start_as_key_made_unique_within_the_offer(offer):
    assert add_date(offer, at(MARCH_4, 9)).key == "2027-03-04-0900"
    add_date(offer, at(MARCH_4, 13), key="2027-03-04-1000")  # an imported key that looks like a start
    assert add_date(offer, at(MARCH_4, 10)).key == "2027-03-04-1000-2"


def test_a_form_shows_a_danish_message_for_a_date_that_ends_before_it_starts(offer):
    date = Occurrence(offer=offer, key="x", starts=at(MARCH_4, 11), ends=at(MARCH_4, 9))
    with pytest.raises(ValidationError, match="En dato skal slutte, efter den begynder."):
        date.full_clean()


def test_cancelling_a_date_is_remembered_and_cancelling_again_changes_nothing(offer):
    date = add_date(offer, at(MARCH_4, 9))
    assert date.cancel() is True
    assert Occurrence.objects.get().status == Occurrence.Status.CANCELLED
    assert date.cancel() is False


# --- Free dates: open, not begun, deadline not passed ---


def test_a_deadline_today_is_open_until_the_day_ends_in_danish_time(offer):
    add_date(offer, at(MARCH_4, 9), key="with-deadline", booking_deadline=datetime.date(2027, 3, 1))
    last_minute = at(datetime.date(2027, 3, 1), 23, 59)
    assert keys(Occurrence.objects.free(now=last_minute)) == ["with-deadline"]
    assert keys(Occurrence.objects.free(now=at(datetime.date(2027, 3, 2), 0, 0))) == []


def test_without_a_deadline_a_date_is_free_until_it_starts(offer):
    add_date(offer, at(MARCH_4, 9), key="no-deadline")
    assert keys(Occurrence.objects.free(now=at(MARCH_4, 8, 59))) == ["no-deadline"]
    assert keys(Occurrence.objects.free(now=at(MARCH_4, 9))) == []


def test_cancelled_dates_are_never_free(offer):
    add_date(offer, at(MARCH_4, 9), status=Occurrence.Status.CANCELLED)
    assert not Occurrence.objects.free(now=at(MARCH_4, 0)).exists()
    assert not Occurrence.objects.open().exists()


def test_upcoming_dates_are_those_not_begun_whatever_their_status(offer):
    add_date(offer, at(MARCH_4, 9), key="begun")
    add_date(offer, at(MARCH_4, 13), key="later", status=Occurrence.Status.CANCELLED)
    assert keys(Occurrence.objects.upcoming(now=at(MARCH_4, 10))) == ["later"]


# --- A day and a period, in Danish time; a date occupies [starts, ends) ---


def test_a_visit_ending_at_midnight_is_on_its_day_and_not_on_the_next(offer):
    add_date(offer, at(MARCH_4, 20), at(MARCH_4 + datetime.timedelta(days=1), 0), key="evening")
    assert keys(Occurrence.objects.on_day(MARCH_4)) == ["evening"]
    assert keys(Occurrence.objects.on_day(datetime.date(2027, 3, 5))) == []
    assert keys(Occurrence.objects.in_period(datetime.date(2027, 3, 5), datetime.date(2027, 3, 9))) == []


def test_a_visit_across_midnight_is_on_both_days(offer):
    add_date(offer, at(MARCH_4, 22), at(datetime.date(2027, 3, 5), 1), key="night")
    assert keys(Occurrence.objects.on_day(MARCH_4)) == keys(
        Occurrence.objects.on_day(datetime.date(2027, 3, 5))
    )
    assert keys(Occurrence.objects.on_day(MARCH_4)) == ["night"]


def test_a_visit_starting_at_midnight_is_on_that_day_only(offer):
    add_date(offer, at(MARCH_4, 0), key="early")
    assert keys(Occurrence.objects.on_day(datetime.date(2027, 3, 3))) == []
    assert keys(Occurrence.objects.on_day(MARCH_4)) == ["early"]


def test_a_period_includes_its_first_and_last_day(offer):
    add_date(offer, at(datetime.date(2027, 3, 1), 9), key="first")
    add_date(offer, at(datetime.date(2027, 3, 5), 9), key="last")
    add_date(offer, at(datetime.date(2027, 3, 6), 9), key="after")
    add_date(offer, at(datetime.date(2027, 2, 28), 9), key="before")
    assert keys(Occurrence.objects.in_period(datetime.date(2027, 3, 1), datetime.date(2027, 3, 5))) == [
        "first",
        "last",
    ]


def test_days_follow_danish_time_not_utc(offer):
    # 00:30 Danish time on 5 March is 23:30 UTC on 4 March.
    add_date(offer, at(datetime.date(2027, 3, 5), 0, 30), key="just-after-midnight")
    assert keys(Occurrence.objects.on_day(MARCH_4)) == []
    assert keys(Occurrence.objects.on_day(datetime.date(2027, 3, 5))) == ["just-after-midnight"]


# --- The catalogue's building blocks: offers with a free date (EXISTS, one row per offer) ---


def test_offers_with_a_free_date_on_a_day(offer, make_offer):
    other = make_offer("Sejlads", key="sejlads")
    add_date(offer, at(MARCH_4, 9))
    add_date(offer, at(MARCH_4, 11))
    add_date(other, at(MARCH_4, 9), status=Occurrence.Status.CANCELLED)
    now = at(datetime.date(2027, 2, 1), 12)
    assert list(Offer.objects.with_free_date_on(MARCH_4, now=now)) == [offer]  # once, with two dates
    assert not Offer.objects.with_free_date_on(datetime.date(2027, 3, 5), now=now).exists()


def test_offers_with_a_free_date_in_a_period_respect_deadlines_and_the_present(offer, make_offer):
    late = make_offer("Sejlads", key="sejlads")
    add_date(offer, at(MARCH_4, 9), booking_deadline=datetime.date(2027, 2, 25))
    add_date(late, at(datetime.date(2027, 3, 8), 9), booking_deadline=datetime.date(2027, 3, 1))
    week = (datetime.date(2027, 3, 1), datetime.date(2027, 3, 12))
    assert set(Offer.objects.with_free_date_between(*week, now=at(datetime.date(2027, 2, 25), 16))) == {
        offer,
        late,
    }
    assert list(Offer.objects.with_free_date_between(*week, now=at(datetime.date(2027, 2, 26), 8))) == [late]
    assert list(Offer.objects.with_free_date_between(*week, now=at(datetime.date(2027, 3, 2), 8))) == []


def test_offers_with_upcoming_dates_have_a_date_a_class_can_still_request(offer, make_offer):
    past = make_offer("Sejlads", key="sejlads")
    make_offer("Efter aftale", key="efter-aftale")
    add_date(offer, at(MARCH_4, 9))
    add_date(past, at(datetime.date(2027, 1, 4), 9))
    assert list(Offer.objects.with_upcoming_dates(now=at(datetime.date(2027, 2, 1), 9))) == [offer]


def test_date_filters_combine_with_the_other_catalogue_filters(offer, make_offer):
    draft = make_offer("Kladde", key="kladde", status=Offer.Status.DRAFT)
    add_date(offer, at(MARCH_4, 9))
    add_date(draft, at(MARCH_4, 9))
    now = at(datetime.date(2027, 2, 1), 9)
    assert list(Offer.objects.published().with_free_date_on(MARCH_4, now=now)) == [offer]
    assert Offer.objects.with_free_date_on(MARCH_4, now=now).count() == 2


def test_every_write_to_dates_advances_the_catalogue_version_for_cached_search_counts(offer):
    before = catalogue_version()
    date = add_date(offer, at(MARCH_4, 9))
    added = catalogue_version()
    date.cancel()
    assert before < added < catalogue_version()
