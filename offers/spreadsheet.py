"""Offers as a spreadsheet: CSV that Danish Excel opens as it is (a search's /tilbud/eksport.csv, the
shortlist's /min-liste/min-liste.csv).

Danish Excel reads a CSV file by the computer's regional settings, so the file is written for them: UTF-8
with a byte order mark (else Excel guesses Windows-1252 and "æøå" break), ``;`` between cells (``,`` is the
decimal separator), dates as ``dd-mm-yyyy``, decimal commas and no thousands separators, CRLF line ends.

Cells are text from learning places, so a cell that Excel would read as a formula (starting with ``=``,
``+``, ``-`` or ``@``, or with a tab or carriage return before one) is neutralised with a leading apostrophe
(OWASP's advice on CSV injection): it shows as text and is never evaluated.

The rows are streamed: a response of thousands of offers holds one chunk of offers in memory at a time.
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.db.models import Min
from django.http import HttpRequest, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from offers.models import Occurrence, Offer

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 500  # offers fetched and written at a time


class _Line:
    """A file-like target for csv.writer that hands back what it was given (one row)."""

    def write(self, text: str) -> str:
        return text


def cell(value) -> str:
    """One value as Danish Excel should read it: dates dd-mm-yyyy, decimals (``Decimal``) with a comma, yes/no,
    text never a formula."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f").replace(".", ",")
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _decimal(value: float | None, places: int) -> Decimal | None:
    return None if value is None else round(Decimal(str(value)), places)


def headings() -> list[str]:
    return [
        _("Title"),
        _("Learning place"),
        _("Address"),
        _("Postcode"),
        _("Town"),
        _("Municipality"),
        _("Subjects"),
        _("Grades"),
        _("Format"),
        _("Price (DKK)"),
        _("Free"),
        _("Duration (hours)"),
        _("Available from"),
        _("Available to"),
        _("Next free date"),
        _("Latitude"),
        _("Longitude"),
        _("Summary"),
        _("Page on the portal"),
        _("Key"),
    ]


def offer_row(request: HttpRequest, offer: Offer, next_date: datetime.date | None) -> list:
    """One offer's values (uses the card relations: provider, municipality, subjects, grades)."""
    place = offer.provider
    return [
        offer.title,
        place.name,
        place.address,
        place.postcode,
        place.city,
        place.municipality.name if place.municipality else "",
        ", ".join(subject.name for subject in offer.subjects.all()),
        offer.grade_span,
        offer.get_format_display(),
        offer.price_dkk,
        offer.is_free,
        round(Decimal(offer.duration_minutes) / 60, 2) if offer.duration_minutes else None,
        offer.available_from,
        offer.available_to,
        next_date,
        _decimal(place.latitude, 5),  # about a metre
        _decimal(place.longitude, 5),
        offer.summary,
        request.build_absolute_uri(offer.get_absolute_url()),
        offer.key,
    ]


def next_free_dates(offers: list[Offer]) -> dict[int, datetime.date]:
    """The first date a class can still request, per offer id, in Danish time (one query)."""
    firsts = (
        Occurrence.objects.free()
        .filter(offer__in=[offer.pk for offer in offers])
        .values("offer")
        .annotate(first=Min("starts"))
    )
    return {row["offer"]: timezone.localtime(row["first"]).date() for row in firsts}


def rows(request: HttpRequest, offers: Iterable[Offer]) -> Iterator[str]:
    """The lines of the file: BOM and headings, then one line per offer, ``CHUNK`` offers at a time."""
    writer = csv.writer(_Line(), delimiter=";", lineterminator="\r\n")
    yield BOM + writer.writerow(headings())
    chunk: list[Offer] = []
    for offer in offers:
        chunk.append(offer)
        if len(chunk) == CHUNK:
            yield from _lines(request, writer, chunk)
            chunk = []
    yield from _lines(request, writer, chunk)


def _lines(request: HttpRequest, writer, offers: list[Offer]) -> Iterator[str]:
    if not offers:
        return
    dates = next_free_dates(offers)
    for offer in offers:
        yield writer.writerow([cell(value) for value in offer_row(request, offer, dates.get(offer.pk))])


def csv_response(request: HttpRequest, offers: Iterable[Offer], filename: str) -> StreamingHttpResponse:
    """The offers as a CSV download for Danish Excel, streamed."""
    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in rows(request, offers)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
