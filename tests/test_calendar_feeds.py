"""The iCalendar feeds of dated visits (…/datoer.ics), read back as a calendar reads them (icalendar's
Calendar.from_ical): stable UIDs, Europe/Copenhagen with its VTIMEZONE, cancelled visits as CANCELLED,
published offers only, upcoming and recent dates, and a constant number of queries."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from municipalities.models import MunicipalSite
from offers.models import Occurrence, Offer

DK = timezone.get_default_timezone()


def at(days_from_today: int, hour: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days_from_today)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=DK)


def add_date(offer, starts, **fields):
    fields.setdefault("ends", starts + datetime.timedelta(hours=2))
    return Occurrence.objects.create(offer=offer, starts=starts, **fields)


def feed(client, url: str) -> Calendar:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_an_offer_feed_has_each_date_in_danish_time_with_title_place_and_page(client, published_offer):
    add_date(published_offer, at(10, 9))
    calendar = feed(client, f"/tilbud/{published_offer.slug}/datoer.ics")

    [event] = calendar.events
    assert str(event["summary"]) == "Vikingetid på egen krop"
    assert event.decoded("dtstart") == at(10, 9) and event.decoded("dtend") == at(10, 11)
    assert event["dtstart"].params["TZID"] == "Europe/Copenhagen"
    assert str(event["location"]) == "Lejre Museum, Orehøjvej 4, 4320 Lejre"
    assert str(event["url"]) == f"http://testserver/tilbud/{published_offer.slug}/"
    assert str(event["description"]) == "Eleverne prøver livet i vikingetiden."
    assert str(event["status"]) == "CONFIRMED" and "dtstamp" in event
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["tzid"]) == "Europe/Copenhagen"
    assert {component.name for component in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}


def test_uids_stay_the_same_from_one_request_to_the_next_and_differ_per_date(client, published_offer):
    add_date(published_offer, at(10, 9))
    add_date(published_offer, at(11, 9))
    url = f"/tilbud/{published_offer.slug}/datoer.ics"
    first = [str(event["uid"]) for event in feed(client, url).events]
    second = [str(event["uid"]) for event in feed(client, url).events]
    assert first == second and len(set(first)) == 2
    assert all(uid.endswith("@testserver") for uid in first)


def test_a_cancelled_date_stays_in_the_feed_as_cancelled(client, published_offer):
    add_date(published_offer, at(10, 9)).cancel()
    [event] = feed(client, f"/tilbud/{published_offer.slug}/datoer.ics").events
    assert str(event["status"]) == "CANCELLED"
    assert event["sequence"] == 1


def test_only_upcoming_and_recent_dates_are_in_the_feed(client, published_offer):
    add_date(published_offer, at(-5, 9))
    add_date(published_offer, at(-60, 9))
    add_date(published_offer, at(5, 9))
    starts = [
        event.decoded("dtstart")
        for event in feed(client, f"/tilbud/{published_offer.slug}/datoer.ics").events
    ]
    assert starts == [at(-5, 9), at(5, 9)]


def test_a_draft_has_no_feed_and_its_dates_are_not_in_the_place_feed(client, make_offer, published_offer):
    draft = make_offer("Kladde", key="kladde", status=Offer.Status.DRAFT)
    add_date(draft, at(3, 9))
    add_date(published_offer, at(4, 9))
    assert client.get("/tilbud/kladde/datoer.ics").status_code == 404
    calendar = feed(client, "/steder/lejre-museum/datoer.ics")
    assert [str(event["summary"]) for event in calendar.events] == ["Vikingetid på egen krop"]
    assert str(calendar["x-wr-calname"]) == "Lejre Museum"


def test_a_published_municipal_site_has_a_feed_of_its_selection(client, lejre, make_offer, published_offer):
    site = MunicipalSite.objects.create(
        municipality=lejre, title="Åben skole i Lejre", include_local_offers=True
    )
    add_date(published_offer, at(4, 9))
    add_date(make_offer("Kladde", key="kladde", status=Offer.Status.DRAFT), at(3, 9))
    assert client.get(f"/kommuner/{lejre.slug}/datoer.ics").status_code == 404  # not published yet
    site.published = True
    site.save()
    calendar = feed(client, f"/kommuner/{lejre.slug}/datoer.ics")
    assert [str(event["summary"]) for event in calendar.events] == ["Vikingetid på egen krop"]
    assert "Abonnér på datoerne i din kalender" in client.get(f"/kommuner/{lejre.slug}/").content.decode()


def test_the_pages_link_to_their_feeds(client, published_offer):
    add_date(published_offer, at(4, 9))
    offer_page = client.get(published_offer.get_absolute_url()).content.decode()
    assert f'href="/tilbud/{published_offer.slug}/datoer.ics"' in offer_page
    assert "Abonnér på datoerne i din kalender" in offer_page
    assert 'href="/steder/lejre-museum/datoer.ics"' in client.get("/steder/lejre-museum/").content.decode()


def test_a_feed_costs_the_same_queries_whatever_the_number_of_dates(
    client, lejre, make_offer, published_offer
):
    MunicipalSite.objects.create(municipality=lejre, title="Lejre", include_local_offers=True, published=True)
    urls = [
        f"/tilbud/{published_offer.slug}/datoer.ics",
        "/steder/lejre-museum/datoer.ics",
        f"/kommuner/{lejre.slug}/datoer.ics",
    ]
    add_date(published_offer, at(4, 9))

    def counts():
        found = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            found.append(len(queries))
        return found

    few = counts()
    assert few == [2, 2, 2]  # the offer, place or site; then its dates with offers and places
    for number in range(5):
        other = make_offer(f"Tilbud {number}", key=f"tilbud-{number}")
        for day in range(8):
            add_date(other, at(5 + day, 9))
            add_date(published_offer, at(20 + day + number * 10, 9))
    assert counts() == few
    assert len(feed(client, urls[1]).events) == 1 + 5 * 8 + 5 * 8
