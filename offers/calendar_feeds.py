"""iCalendar feeds of dated visits (``…/datoer.ics``) that Google Calendar and Outlook subscribe to: an
offer's, a learning place's and a municipal site's selection (municipalities/views.py).

Each date is a VEVENT whose UID is made from the date's primary key and the portal's host, so it never
changes between requests and a calendar updates the event instead of adding a new one. Times are in
Europe/Copenhagen, with its VTIMEZONE. Cancelled dates stay in the feed as ``STATUS:CANCELLED`` (with a
higher SEQUENCE), so subscribed calendars strike them out. The feed holds upcoming dates and those of the
last ``CALENDAR_PAST_DAYS`` days (OccurrenceQuerySet.for_calendar), of published offers only.
"""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.text import Truncator
from icalendar import Calendar, Event

from offers.models import Occurrence
from offers.structured_data import AT_THE_PLACE

PRODUCT = "-//Åben Skole-portalen//Datoer//DA"
REFRESH = datetime.timedelta(hours=6)  # how often subscribers are asked to fetch the feed again
DESCRIPTION_WORDS = 60


def calendar_response(request: HttpRequest, name: str, offers: QuerySet, filename: str) -> HttpResponse:
    """The dates of ``offers`` as an iCalendar feed called ``name``: two queries at most (offers' dates)."""
    occurrences = Occurrence.objects.for_calendar(offers)
    body = build_calendar(request, name, occurrences).to_ical()
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def build_calendar(request: HttpRequest, name: str, occurrences) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone.get_default_timezone_name())
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")  # Outlook's name for it
    stamp = timezone.now()
    host = request.get_host().split(":")[0]
    for occurrence in occurrences:
        calendar.add_component(event(request, occurrence, host, stamp))
    calendar.add_missing_timezones()
    return calendar


def event(request: HttpRequest, occurrence: Occurrence, host: str, stamp) -> Event:
    offer, provider = occurrence.offer, occurrence.offer.provider
    cancelled = occurrence.status == Occurrence.Status.CANCELLED
    item = Event()
    item.add("uid", f"occurrence-{occurrence.pk}@{host}")
    item.add("dtstamp", stamp)
    item.add("dtstart", timezone.localtime(occurrence.starts))
    item.add("dtend", timezone.localtime(occurrence.ends))
    item.add("summary", offer.title)
    item.add("url", request.build_absolute_uri(offer.get_absolute_url()))
    if offer.summary:
        item.add("description", Truncator(offer.summary).words(DESCRIPTION_WORDS))
    if offer.format in AT_THE_PLACE:
        postal = " ".join(part for part in (provider.postcode, provider.city) if part)
        item.add("location", ", ".join(part for part in (provider.name, provider.address, postal) if part))
        if provider.latitude is not None and provider.longitude is not None:
            item.add("geo", (provider.latitude, provider.longitude))
    item.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    item.add("sequence", 1 if cancelled else 0)
    item.add("transp", "TRANSPARENT" if cancelled else "OPAQUE")
    return item
