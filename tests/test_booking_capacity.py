"""The database keeps a date's capacity: two confirmations of its last place at the same moment, in two real
transactions on two connections, cannot both succeed."""

import threading
import time

import pytest
from django.db import IntegrityError, connection, connections, transaction

from bookings import states
from bookings.models import BookingRequest
from tests.bookings_helpers import BASE, add_date, make_request

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
Status = BookingRequest.Status


def in_threads(*targets):
    """Run each target in its own thread (its own database connection); return what each raised or None."""
    outcomes = [None] * len(targets)

    def run(index, target):
        try:
            target()
        except Exception as error:  # noqa: BLE001 - reported to the test
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, target)) for i, target in enumerate(targets)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def test_two_place_editors_confirming_the_last_place_at_once_only_one_succeeds(make_offer):
    date = add_date(make_offer(key="vikingetid"), places=1)
    first = make_request(date)
    second = make_request(date, school="boholmskolen-4060")
    start = threading.Barrier(2)

    def confirm(booking):
        def target():
            start.wait()
            states.confirm(booking, BASE)

        return target

    outcomes = in_threads(confirm(first), confirm(second))
    assert sorted(type(outcome).__name__ for outcome in outcomes) == ["BookingError", "NoneType"]
    assert BookingRequest.objects.filter(occurrence=date, status=Status.CONFIRMED).count() == 1


def wait_until_a_backend_waits_for_a_lock(seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    with connections["default"].cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute("SELECT pg_stat_clear_snapshot()")  # the view is a snapshot per transaction
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.05)
    raise AssertionError("the second transaction never waited for the first")


def test_the_trigger_refuses_a_second_confirmation_written_past_the_model(make_offer):
    """Even SQL that skips states.confirm: the second transaction waits for the first and then fails."""
    date = add_date(make_offer(key="vikingetid"), places=1)
    first = make_request(date)
    second = make_request(date, school="boholmskolen-4060")
    first_written, second_waiting = threading.Event(), threading.Event()

    def write_first():
        with transaction.atomic():
            BookingRequest.objects.filter(pk=first.pk).update(status=Status.CONFIRMED)
            first_written.set()
            second_waiting.wait(timeout=10)
            wait_until_a_backend_waits_for_a_lock()  # the second one is blocked on the date's row

    def write_second():
        first_written.wait(timeout=10)
        second_waiting.set()
        with transaction.atomic():
            BookingRequest.objects.filter(pk=second.pk).update(status=Status.CONFIRMED)

    outcomes = in_threads(write_first, write_second)
    assert outcomes[0] is None
    assert isinstance(outcomes[1], IntegrityError) and "fully booked" in str(outcomes[1])
    assert list(BookingRequest.objects.filter(status=Status.CONFIRMED).values_list("pk", flat=True)) == [
        first.pk
    ]


def test_a_date_with_two_places_takes_two(make_offer):
    date = add_date(make_offer(key="vikingetid"), places=2)
    requests = [make_request(date, school=key) for key in ("allerslev-skole-4320", "boholmskolen-4060")]
    for booking in requests:
        states.confirm(booking, BASE)
    third = make_request(date, school="bramsnaesvigskolen-4070")
    with pytest.raises(states.BookingError, match="Datoen er fuldt booket|The date is fully booked"):
        states.confirm(third, BASE)
