"""The catalogue's date filters over dated visits: ``dato`` (a day), ``fra``/``til`` (a period) and the
"ledige datoer" facet (``ledige=1``), on the page and in the API, exactly at the edges (a visit that ends at
midnight, a booking deadline today or yesterday, a cancelled date, a date that began).

Offers without any dates are booked on request: the day and period filters keep them when their season
(available from/to) includes the day or meets the period; ``ledige=1`` keeps only offers with free dates."""

import datetime

import pytest
from django.utils import timezone

from offers.models import Occurrence, Offer

DK = timezone.get_default_timezone()


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=DK)


def add_date(offer, starts, ends=None, **fields) -> Occurrence:
    return Occurrence.objects.create(offer=offer, starts=starts, ends=ends or starts + datetime.timedelta(hours=2), **fields)  # fmt: skip


@pytest.fixture
def today() -> datetime.date:
    return timezone.localdate()


@pytest.fixture
def dated(make_offer, today) -> dict[str, Offer]:
    """Offers and their dates, from the day after tomorrow (D) on."""
    d = today + datetime.timedelta(days=2)
    offers = {
        key: make_offer(title, key=key)
        for key, title in [
            ("morning", "Vikinger om morgenen"),
            ("midnight", "Natten i museet"),  # ends at midnight
            ("deadline-today", "Sidste frist i dag"),
            ("deadline-passed", "Fristen er gået"),
            ("cancelled", "Aflyst besøg"),
            ("past", "Gamle datoer"),
            ("begun", "Er begyndt"),
        ]
    }
    add_date(offers["morning"], at(d, 9))
    add_date(offers["midnight"], at(d, 22), at(d + datetime.timedelta(days=1), 0))
    add_date(offers["deadline-today"], at(d, 10), booking_deadline=today)
    add_date(offers["deadline-passed"], at(d, 10), booking_deadline=today - datetime.timedelta(days=1))
    add_date(offers["cancelled"], at(d, 9), status=Occurrence.Status.CANCELLED)
    add_date(offers["past"], at(today - datetime.timedelta(days=10), 9))
    now = timezone.now()
    add_date(offers["begun"], now - datetime.timedelta(minutes=5), now + datetime.timedelta(hours=1))
    # Without dates: bookable on request, in their season.
    offers["on-request"] = make_offer("Efter aftale", key="on-request")
    offers["out-of-season"] = make_offer(
        "Kun om sommeren", key="out-of-season", available_from=today + datetime.timedelta(days=100)
    )
    return offers


def keys(response) -> set[str]:
    return {offer.key for offer in response.context["page"]}


def test_free_dates_facet_counts_offers_with_dates_a_class_can_still_request(client, dated):
    response = client.get("/tilbud/")
    facet = next(f for f in response.context["facets"] if f.name == "ledige")
    assert [(c.label, c.count) for c in facet.choices] == [("Har ledige datoer", 3)]
    assert keys(client.get("/tilbud/", {"ledige": "1"})) == {"morning", "midnight", "deadline-today"}


def test_a_day_finds_free_dates_that_day_and_offers_on_request_in_season(client, dated, today):
    d = today + datetime.timedelta(days=2)
    response = client.get("/tilbud/", {"dato": d.isoformat()})
    assert keys(response) == {"morning", "midnight", "deadline-today", "on-request"}


def test_a_visit_ending_at_midnight_is_not_on_the_next_day(client, dated, today):
    next_day = today + datetime.timedelta(days=3)
    assert keys(client.get("/tilbud/", {"dato": next_day.isoformat(), "ledige": "1"})) == set()


def test_with_free_dates_the_day_filter_keeps_only_the_dated_offers(client, dated, today):
    d = today + datetime.timedelta(days=2)
    response = client.get("/tilbud/", {"dato": d.isoformat(), "ledige": "1"})
    assert keys(response) == {"morning", "midnight", "deadline-today"}


def test_a_date_that_began_is_no_longer_free_today(client, dated, today):
    assert "begun" not in keys(client.get("/tilbud/", {"dato": today.isoformat()}))


def test_a_period_finds_offers_with_a_free_date_in_it(client, dated, today):
    week = {"fra": today.isoformat(), "til": (today + datetime.timedelta(days=7)).isoformat()}
    assert keys(client.get("/tilbud/", {**week, "ledige": "1"})) == {"morning", "midnight", "deadline-today"}
    # Without "ledige": also the offers on request whose season meets the week.
    assert keys(client.get("/tilbud/", week)) == {"morning", "midnight", "deadline-today", "on-request"}
    # The period's last day counts whole; the day before the dates finds none of them.
    day_before = {"fra": today.isoformat(), "til": (today + datetime.timedelta(days=1)).isoformat()}
    assert keys(client.get("/tilbud/", {**day_before, "ledige": "1"})) == set()


def test_a_period_may_be_open_at_either_end(client, dated, today):
    later = (today + datetime.timedelta(days=3)).isoformat()
    assert keys(client.get("/tilbud/", {"fra": later, "ledige": "1"})) == set()  # the midnight visit ended
    until = (today + datetime.timedelta(days=2)).isoformat()
    assert keys(client.get("/tilbud/", {"til": until, "ledige": "1"})) == {
        "morning",
        "midnight",
        "deadline-today",
    }
    in_season = (today + datetime.timedelta(days=120)).isoformat()
    assert "out-of-season" in keys(client.get("/tilbud/", {"fra": in_season}))


def test_the_period_shows_as_one_filter_that_removes_both_ends(client, dated, today):
    first, last = today.isoformat(), (today + datetime.timedelta(days=7)).isoformat()
    response = client.get("/tilbud/", {"q": "vikinger", "fra": first, "til": last})
    [period] = [f for f in response.context["active_filters"] if f.label.startswith("Ledige datoer fra")]
    assert period.url_without == "?q=vikinger"


def test_a_period_that_ends_before_it_begins_is_left_out_with_a_message(client, dated, today):
    first, last = (today + datetime.timedelta(days=7)).isoformat(), today.isoformat()
    response = client.get("/tilbud/", {"fra": first, "til": last})
    assert response.status_code == 200
    assert response.context["total"] == len(dated)
    page = response.content.decode()
    assert "Perioden slutter, før den begynder." in page
    assert "blev ikke forstået og er udeladt: fra, til" in page


@pytest.mark.parametrize(
    "params", [{"fra": "i morgen"}, {"til": "2026-13-45"}, {"ledige": "ja"}, {"fra": "9" * 500}]
)
def test_junk_dates_are_left_out_with_a_notice(client, dated, params):
    response = client.get("/tilbud/", params)
    assert response.status_code == 200
    assert response.context["total"] == len(dated)
    assert response.context["notices"]


def test_the_api_takes_the_date_filters(client, dated, today):
    d = (today + datetime.timedelta(days=2)).isoformat()
    data = client.get("/api/tilbud/", {"dato": d, "ledige": "1", "sorter": "titel"}).json()
    assert [item["key"] for item in data["results"]] == ["midnight", "deadline-today", "morning"]
    data = client.get("/api/tilbud/", {"fra": today.isoformat(), "til": d}).json()
    assert data["count"] == 4
    response = client.get("/api/tilbud/", {"fra": d, "til": today.isoformat()})
    assert response.status_code == 400
    assert response.json()["parameters"] == ["fra", "til"]


def test_a_new_date_shows_in_the_filters_at_once(client, dated, today):
    assert "on-request" not in keys(client.get("/tilbud/", {"ledige": "1"}))
    add_date(dated["on-request"], at(today + datetime.timedelta(days=5), 9))
    assert "on-request" in keys(client.get("/tilbud/", {"ledige": "1"}))
