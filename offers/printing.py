"""Offers on paper: a printed catalogue of any list of offers, and a one-page sheet per offer (PDF).

A ``PrintedCatalogue`` is what offers/print/catalogue.html lays out: a cover (title and subtitle), text
sections (a consultant's introduction, transport), then the offers numbered 1, 2, 3 … in groups in the
order given (a municipality puts its featured offers first), each with its place, town, grades, price,
duration, dates, an optional note and a QR code to its page; and two indexes that point at those numbers,
by subject and by grade stage. Any list or queryset of offers can be printed this way: a municipality's
selection (municipalities/catalogue.py), a teacher's shortlist (offers/shortlist.py), a search result
(``search_catalogue_pdf`` below, at most ``settings.PORTAL_PRINT_MAX_OFFERS`` offers).

Offers should come with their card relations (``OfferQuerySet.with_card_relations()``) so that printing
300 offers costs a constant number of queries. Laying out a few hundred offers takes seconds, so views
serve their PDFs through ``cached_pdf``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from offers.folding import danish_sort_key
from offers.models import GradeLevel, Offer
from offers.search import AllHits
from offers.search_engine import catalogue_version
from portal.pdf import qr_data_uri, qr_data_uris, render_pdf

CACHE_SECONDS = 24 * 60 * 60  # a new catalogue version or a new day makes a PDF stale sooner


@dataclass
class TextSection:
    heading: str
    text: str
    anchor: str


@dataclass
class PrintedOffer:
    number: int
    offer: Offer
    url: str
    qr: str
    note: str = ""


@dataclass
class OfferGroup:
    heading: str
    anchor: str
    entries: list[PrintedOffer]


@dataclass
class IndexEntry:
    label: str
    numbers: list[int]


@dataclass
class PrintedCatalogue:
    title: str
    subtitle: str = ""
    cover_note: str = ""  # e.g. that a search found more offers than were printed
    note_label: str = ""  # printed before each offer's note, e.g. "Note from Lejre Kommune:"
    sections: list[TextSection] = field(default_factory=list)
    groups: list[OfferGroup] = field(default_factory=list)

    @property
    def entries(self) -> list[PrintedOffer]:
        return [entry for group in self.groups for entry in group.entries]

    @property
    def by_subject(self) -> list[IndexEntry]:
        """Every subject of the printed offers, alphabetically (Danish order), with the offers' numbers."""
        numbers: dict[str, list[int]] = {}
        for entry in self.entries:
            for subject in entry.offer.subjects.all():
                numbers.setdefault(subject.name, []).append(entry.number)
        return [IndexEntry(name, numbers[name]) for name in sorted(numbers, key=danish_sort_key)]

    @property
    def by_stage(self) -> list[IndexEntry]:
        """The grade stages (day care, grades 0–3, 4–6, 7–10 …) in school order, with the offers' numbers."""
        numbers: dict[str, list[int]] = {}
        for entry in self.entries:
            for stage in dict.fromkeys(grade.stage for grade in entry.offer.grades.all()):
                numbers.setdefault(stage, []).append(entry.number)
        return [
            IndexEntry(label, numbers[stage]) for stage, label in GradeLevel.Stage.choices if stage in numbers
        ]


def build_catalogue(
    request: HttpRequest,
    title: str,
    groups: Sequence[tuple[str, Iterable[Offer]]],
    *,
    subtitle: str = "",
    sections: Sequence[tuple[str, str]] = (),
    notes: dict[int, str] | None = None,
    note_label: str = "",
    cover_note: str = "",
) -> PrintedCatalogue:
    """A catalogue of the offers in ``groups`` ((heading, offers) pairs; a heading may be empty), numbered
    across the groups; ``sections`` are (heading, plain text) pairs printed before the offers (empty texts
    are left out), ``notes`` maps offer ids to a note printed with the offer after ``note_label``."""
    notes = notes or {}
    number = 0
    printed_groups = []
    for index, (heading, offers) in enumerate(groups, start=1):
        entries = []
        for offer in offers:
            number += 1
            url = request.build_absolute_uri(offer.get_absolute_url())
            entries.append(PrintedOffer(number, offer, url, "", notes.get(offer.pk, "")))
        if entries:
            printed_groups.append(OfferGroup(heading, f"group-{index}", entries))
    codes = qr_data_uris(entry.url for group in printed_groups for entry in group.entries)
    for group in printed_groups:
        for entry in group.entries:
            entry.qr = codes[entry.url]
    printed_sections = [
        TextSection(heading, text, f"section-{index}")
        for index, (heading, text) in enumerate(sections, start=1)
        if text.strip()
    ]
    return PrintedCatalogue(title, subtitle, cover_note, note_label, printed_sections, printed_groups)


def render_catalogue(request: HttpRequest, catalogue: PrintedCatalogue) -> bytes:
    context = {"catalogue": catalogue, "printed_on": timezone.localdate()}
    return render_pdf(request, "offers/print/catalogue.html", context)


def render_offer_sheet(request: HttpRequest, offer: Offer) -> bytes:
    """One A4 page about ``offer`` (its description shortened to fit) with a QR code to its page."""
    url = request.build_absolute_uri(offer.get_absolute_url())
    context = {"offer": offer, "url": url, "qr": qr_data_uri(url), "printed_on": timezone.localdate()}
    return render_pdf(request, "offers/print/offer_sheet.html", context)


def search_catalogue_pdf(request: HttpRequest, hits: AllHits) -> bytes:
    """A search result (``offers.search.search_all``) as a printed catalogue; the cover says what was searched
    for and, when the search found more offers than the limit, that only the first ones are printed."""

    def render() -> bytes:
        cover_note = ""
        if hits.capped:
            cover_note = ngettext(
                "The search found %(total)s offer. This catalogue holds the first %(count)s; narrow the search "
                "to print the rest.",
                "The search found %(total)s offers. This catalogue holds the first %(count)s; narrow the search "
                "to print the rest.",
                hits.total,
            ) % {"total": number_format(hits.total, force_grouping=True), "count": len(hits.ids)}
        catalogue = build_catalogue(
            request,
            _("Teaching offers"),
            [(_("The offers"), hits.offers())],
            subtitle=" · ".join(item.label for item in hits.active_filters) or _("All offers"),
            cover_note=cover_note,
        )
        return render_catalogue(request, catalogue)

    return cached_pdf(request, "search:" + hits.query, render)


def cached_pdf(request: HttpRequest, name: str, render: Callable[[], bytes]) -> bytes:
    """``render()``'s PDF, cached under ``name`` (what is printed), the language, the portal's address (in
    the QR codes) and the day (on the cover) for as long as the catalogue version stays the same: any write
    to offers, learning places or municipal sites advances it (offers.search_engine.catalogue_version)."""
    parts = (name, get_language(), request.build_absolute_uri("/"), timezone.localdate().isoformat())
    key = "offers.printing." + hashlib.sha256("\0".join(parts).encode()).hexdigest()
    return cache.get_or_set(key, render, CACHE_SECONDS, version=catalogue_version())
