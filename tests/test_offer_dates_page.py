"""The offer page's dates: the next free dates with weekday, time, places and deadline; "Ingen kommende datoer"
when every date has passed; "Bookes efter aftale" without dates; always the same number of queries."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from offers.models import Occurrence
from offers.templatetags.offer_dates import SHOWN, offer_dates

DK = timezone.get_default_timezone()
TUESDAY = datetime.date(2031, 3, 4)


def at(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=DK)


def add_date(offer, starts, **fields):
    fields.setdefault("ends", starts + datetime.timedelta(hours=2))
    return Occurrence.objects.create(offer=offer, starts=starts, **fields)


def dates_section(client, offer) -> str:
    html = client.get(offer.get_absolute_url()).content.decode()
    start = html.index('<section class="dates"')
    return html[start : html.index("</section>", start)]


def test_an_offer_without_dates_is_booked_on_request(client, published_offer):
    assert "Bookes efter aftale" in dates_section(client, published_offer)


def test_free_dates_show_weekday_date_time_places_and_deadline(client, published_offer):
    add_date(published_offer, at(TUESDAY, 9), places=2, booking_deadline=datetime.date(2031, 2, 18))
    add_date(published_offer, at(TUESDAY, 12, 30), ends=at(TUESDAY, 14))
    section = dates_section(client, published_offer)
    assert (
        '<time datetime="2031-03-04T09:00:00+01:00">Tirsdag 4. marts 2031, kl. 9.00–11.00</time>' in section
    )
    assert "2 pladser · tilmelding senest 18. februar" in section
    assert "Tirsdag 4. marts 2031, kl. 12.30–14.00" in section and "1 plads<" in section
    assert "Bookes efter aftale" not in section


def test_only_free_dates_are_listed_in_order_and_the_rest_are_counted(client, published_offer):
    for week in range(SHOWN + 3):
        add_date(published_offer, at(TUESDAY + datetime.timedelta(weeks=week), 9))
    add_date(published_offer, at(TUESDAY - datetime.timedelta(days=1), 9), status=Occurrence.Status.CANCELLED)
    section = dates_section(client, published_offer)
    assert section.count("<li>") == SHOWN
    assert section.index("4. marts 2031") < section.index("11. marts 2031")
    assert "3. marts 2031" not in section  # cancelled
    assert "og 3 datoer mere" in section


def test_an_offer_whose_dates_have_passed_has_no_upcoming_dates(client, published_offer):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    add_date(published_offer, at(yesterday, 9))
    section = dates_section(client, published_offer)
    assert "Ingen kommende datoer" in section and "<li>" not in section


def test_dates_whose_deadline_passed_or_that_are_cancelled_are_not_offered(client, published_offer):
    soon = timezone.localdate() + datetime.timedelta(days=3)
    add_date(published_offer, at(soon, 9), booking_deadline=timezone.localdate() - datetime.timedelta(days=1))
    add_date(published_offer, at(soon, 13), status=Occurrence.Status.CANCELLED)
    assert "Ingen kommende datoer" in dates_section(client, published_offer)


def test_the_dates_cost_one_query_whatever_their_number(published_offer, make_offer):
    with CaptureQueriesContext(connection) as none:
        offer_dates(published_offer)
    busy = make_offer("Sejlads", key="sejlads")
    for day in range(40):
        add_date(busy, at(TUESDAY + datetime.timedelta(days=day), 9))
    with CaptureQueriesContext(connection) as many:
        assert len(offer_dates(busy).dates) == SHOWN
    assert len(none) == len(many) == 1


def test_the_offer_page_needs_as_many_queries_with_dates_as_without(client, published_offer, make_offer):
    busy = make_offer("Sejlads", key="sejlads", subjects=["historie"], grades=["4-klasse", "5-klasse"])
    for day in range(30):
        add_date(busy, at(TUESDAY + datetime.timedelta(days=day), 9))
    counts = []
    for offer in (published_offer, busy):
        client.get(offer.get_absolute_url())  # warm the per-process caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(offer.get_absolute_url()).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
