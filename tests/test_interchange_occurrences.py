"""An offer's `occurrences` (dated visits) in `import_portal` / `export_portal`: Danish local times, key order,
updates in place by key, round trip, and errors that name the offer, the date and the field, writing nothing.
The rules every section shares are tested in tests/test_interchange.py."""

import datetime
import json

import pytest
from django.utils import timezone

from offers.models import Occurrence, Offer
from tests.test_interchange import (
    OFFER_KEY,
    complete_example,
    export,
    export_text,
    import_errors,
    run_import,
    snapshot,
    wipe,
    write,
)

UTC = datetime.UTC


def a_date(key="2027-03-04-0900", **fields) -> dict:
    return {
        "key": key,
        "starts": "2027-03-04T09:00",
        "ends": "2027-03-04T11:00",
        "places": 1,
        "booking_deadline": "2027-02-18",
        "status": "open",
        **fields,
    }


def with_dates(*dates) -> dict:
    document = complete_example()
    document["offers"][0]["occurrences"] = list(dates)
    return document


def stored() -> list[tuple]:
    return list(
        Occurrence.objects.order_by("key").values_list(
            "key", "starts", "ends", "places", "booking_deadline", "status"
        )
    )


def test_times_are_danish_local_time_in_winter_and_in_summer(db, tmp_path):
    summer = a_date(
        "2027-05-04-0900", starts="2027-05-04T09:00", ends="2027-05-04T10:30", booking_deadline=None
    )
    run_import(tmp_path, with_dates(a_date(), summer))
    assert stored() == [
        ("2027-03-04-0900", datetime.datetime(2027, 3, 4, 8, tzinfo=UTC), datetime.datetime(2027, 3, 4, 10, tzinfo=UTC),
         1, datetime.date(2027, 2, 18), "open"),
        ("2027-05-04-0900", datetime.datetime(2027, 5, 4, 7, tzinfo=UTC), datetime.datetime(2027, 5, 4, 8, 30, tzinfo=UTC),
         1, None, "open"),
    ]  # fmt: skip
    assert Occurrence.objects.get(key="2027-03-04-0900").offer.key == OFFER_KEY


def test_dates_are_exported_in_key_order_with_every_field_and_the_portals_defaults(db, tmp_path):
    run_import(
        tmp_path,
        with_dates({"key": "b", "starts": "2027-03-05T13:15", "ends": "2027-03-05T15:00"}, a_date("a")),
    )
    assert export()["offers"][0]["occurrences"] == [
        a_date("a"),
        {"key": "b", "starts": "2027-03-05T13:15", "ends": "2027-03-05T15:00", "places": 1,
         "booking_deadline": None, "status": "open"},
    ]  # fmt: skip


def test_dates_round_trip_into_an_empty_database(db, tmp_path):
    dates = [
        a_date(),
        a_date("sommer", starts="2027-06-01T09:30", ends="2027-06-01T12:00", places=3, status="cancelled"),
        a_date("nat", starts="2027-06-02T22:00", ends="2027-06-03T00:00", booking_deadline="2027-06-02"),
        a_date("efteraar", starts="2027-10-31T02:30", ends="2027-10-31T04:00", booking_deadline=None),
    ]
    run_import(tmp_path, with_dates(*dates))
    first = export_text()
    wipe()
    run_import(tmp_path, write(tmp_path, json.loads(first), "first.json"))
    assert export_text() == first
    assert [d["key"] for d in json.loads(first)["offers"][0]["occurrences"]] == [
        "2027-03-04-0900",
        "efteraar",
        "nat",
        "sommer",
    ]


def test_an_hour_that_comes_twice_in_autumn_means_its_first_pass(db, tmp_path):
    run_import(
        tmp_path,
        with_dates(
            a_date("efteraar", starts="2027-10-31T02:30", ends="2027-10-31T03:15", booking_deadline=None)
        ),
    )
    date = Occurrence.objects.get()
    assert date.starts == datetime.datetime(2027, 10, 31, 0, 30, tzinfo=UTC)  # summer time, UTC+2
    assert date.ends - date.starts == datetime.timedelta(minutes=105)  # 03:15 winter time


def test_a_date_whose_values_change_is_updated_in_place_and_dates_no_longer_listed_are_removed(db, tmp_path):
    run_import(
        tmp_path, with_dates(a_date(), a_date("gaar-ud", starts="2027-03-05T09:00", ends="2027-03-05T11:00"))
    )
    kept = Occurrence.objects.get(key="2027-03-04-0900")
    changed = with_dates(
        a_date(places=2, status="cancelled"), a_date("ny", starts="2027-03-11T09:00", ends="2027-03-11T11:00")
    )
    assert run_import(tmp_path, changed)[2] == "offers: 0 created, 1 updated, 0 unchanged"
    assert [key for key, *_rest in stored()] == ["2027-03-04-0900", "ny"]
    again = Occurrence.objects.get(key="2027-03-04-0900")
    assert (again.pk, again.places, again.status) == (kept.pk, 2, "cancelled")
    assert run_import(tmp_path, changed)[2] == "offers: 0 created, 0 updated, 1 unchanged"


def test_two_dates_may_swap_their_times_in_one_import(db, tmp_path):
    morning = a_date("a", starts="2027-03-04T09:00", ends="2027-03-04T10:00")
    noon = a_date("b", starts="2027-03-04T12:00", ends="2027-03-04T13:00")
    run_import(tmp_path, with_dates(morning, noon))
    swapped = [
        {**morning, "starts": noon["starts"], "ends": noon["ends"]},
        {**noon, "starts": morning["starts"], "ends": morning["ends"]},
    ]
    run_import(tmp_path, with_dates(*swapped))
    assert [d["starts"] for d in export()["offers"][0]["occurrences"]] == [
        "2027-03-04T12:00",
        "2027-03-04T09:00",
    ]


def test_an_offer_given_again_without_dates_no_longer_has_them(db, tmp_path):
    run_import(tmp_path, with_dates(a_date()))
    document = with_dates()
    del document["offers"][0]["occurrences"]
    run_import(tmp_path, document)
    assert not Occurrence.objects.exists()


def test_dates_made_in_the_back_office_export_and_import_again(db, tmp_path, published_offer):
    starts = datetime.datetime(2027, 3, 4, 9, 0, 30, tzinfo=timezone.get_default_timezone())
    date = Occurrence(offer=published_offer, starts=starts, ends=starts + datetime.timedelta(hours=1))
    date.full_clean()  # as a back-office form does: whole minutes
    date.save()
    exported = export_text()
    assert json.loads(exported)["offers"][0]["occurrences"][0]["starts"] == "2027-03-04T09:00"
    wipe()
    run_import(tmp_path, write(tmp_path, json.loads(exported)))
    assert export_text() == exported


@pytest.mark.parametrize(
    ("dates", "message"),
    [
        ([a_date(ends="2027-03-04T08:00")], "[0] key=2027-03-04-0900: ends: must be after starts"),
        ([a_date(ends="2027-03-04T09:00")], "[0] key=2027-03-04-0900: ends: must be after starts"),
        ([a_date(starts="2027-03-04 09:00")], '[0] key=2027-03-04-0900: starts: must be a time written YYYY-MM-DDTHH:MM, e.g. "2027-03-04T09:00"'),
        ([a_date(starts="2027-03-04T09:00:00")], '[0] key=2027-03-04-0900: starts: must be a time written YYYY-MM-DDTHH:MM, e.g. "2027-03-04T09:00"'),
        ([a_date(starts="2027-02-30T09:00")], '[0] key=2027-03-04-0900: starts: must be a time written YYYY-MM-DDTHH:MM, e.g. "2027-03-04T09:00"'),
        ([a_date(starts=None)], "[0] key=2027-03-04-0900: starts: is required"),
        ([a_date(starts="2027-03-28T02:30", ends="2027-03-28T04:00", booking_deadline=None)],
         "[0] key=2027-03-04-0900: starts: does not exist in Danish time (the clocks skip that hour)"),
        ([a_date(places=0)], "[0] key=2027-03-04-0900: places: must be a whole number 1 or more"),
        ([a_date(places=40000)], "[0] key=2027-03-04-0900: places: Ensure this value is less than or equal to 32767."),
        ([a_date(booking_deadline="2027-03-05")], "[0] key=2027-03-04-0900: booking_deadline: must be on or before the day of starts"),
        ([a_date(status="full")], "[0] key=2027-03-04-0900: status: must be one of: open, cancelled"),
        ([a_date(key="4. marts")], "[0] key=4. marts: key: must be letters a-z, digits, hyphens and underscores only (no spaces, no æ, ø, å), e.g. \"vikingeskibsmuseet\""),
        ([a_date(key=None)], "[0]: key: is required"),
        ([a_date(capacity=2)], "[0] key=2027-03-04-0900: capacity: unknown field"),
        ([a_date("a"), a_date("a", starts="2027-03-05T09:00", ends="2027-03-05T10:00")], "[1] key=a: key: appears more than once (also at [0])"),
        ([a_date("a"), a_date("b")], "[1] key=b: starts: appears more than once (also at [0])"),
        (["2027-03-04T09:00"], "[0]: must be an object"),
    ],
)  # fmt: skip
def test_a_bad_date_is_named_with_its_offer_and_nothing_is_written(db, tmp_path, dates, message):
    before = snapshot()
    assert import_errors(tmp_path, with_dates(*dates)) == [
        f"offers[0] key={OFFER_KEY}: occurrences: {message}"
    ]
    assert snapshot() == before


def test_occurrences_that_are_not_a_list_are_named(db, tmp_path):
    document = complete_example()
    document["offers"][0]["occurrences"] = {"key": "a"}
    assert import_errors(tmp_path, document) == [
        f"offers[0] key={OFFER_KEY}: occurrences: must be a list of objects with the fields key, starts, ends, "
        "places, booking_deadline, status"
    ]


def test_a_deadline_on_the_day_itself_is_fine_even_just_after_midnight(db, tmp_path):
    run_import(
        tmp_path,
        with_dates(a_date(starts="2027-03-05T00:30", ends="2027-03-05T02:00", booking_deadline="2027-03-05")),
    )
    assert Occurrence.objects.get().booking_deadline == datetime.date(2027, 3, 5)


def test_the_number_of_queries_does_not_grow_with_the_number_of_dates(
    db, tmp_path, django_assert_max_num_queries
):
    document = complete_example()
    del document["schools"], document["municipal_sites"], document["partnerships"]
    base = document["offers"][0]
    document["offers"] = [
        {**base, "key": f"tur-{n}", "occurrences": [
            a_date(f"d{day}", starts=f"2027-03-{day:02d}T09:00", ends=f"2027-03-{day:02d}T10:00", booking_deadline=None)
            for day in range(1, 21)
        ]}
        for n in range(100)
    ]  # fmt: skip
    with django_assert_max_num_queries(42):  # 30, and 12 for the offers' history (offers.history.states)
        run_import(tmp_path, document)
    assert Occurrence.objects.count() == 2000
    document["offers"][7]["occurrences"][3]["places"] = 2
    with django_assert_max_num_queries(42):  # 30, and 12 for the offers' history (offers.history.states)
        assert run_import(tmp_path, document)[-1] == "offers: 0 created, 1 updated, 99 unchanged"
    assert Offer.objects.get(key="tur-7").occurrences.get(key="d4").places == 2
