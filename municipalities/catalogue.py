"""A municipality's printed catalogue (/kommuner/<slug>/katalog.pdf): its site's texts and selection laid
out by offers.printing, the featured offers first with the consultant's notes, then the rest by title.

A catalogue of a few hundred offers takes seconds to lay out, so the PDF is cached under the catalogue
version (offers.printing.cached_pdf), which every write to offers, learning places and municipal sites
advances: an edit shows in the next download.
"""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from municipalities.models import MunicipalSite
from offers.printing import build_catalogue, cached_pdf, render_catalogue


def school_year(day: datetime.date) -> str:
    """The Danish school year (August to July) that ``day`` falls in: "2026/27"."""
    start = day.year if day.month >= 8 else day.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def catalogue_pdf(request: HttpRequest, site: MunicipalSite) -> bytes:
    """The site's catalogue as PDF, from the cache when nothing in the catalogue changed since."""
    year = school_year(timezone.localdate())
    return cached_pdf(request, f"municipal-site:{site.pk}", lambda: _render(request, site, year))


def _render(request: HttpRequest, site: MunicipalSite, year: str) -> bytes:
    municipality = site.municipality
    featured = list(site.featured_entries())
    catalogue = build_catalogue(
        request,
        site.title,
        [
            (_("Recommended by the municipality"), [entry.offer for entry in featured]),
            (_("More offers for the municipality's schools") if featured else "", site.other_offers()),
        ],
        subtitle=_("%(name)s · School year %(year)s") % {"name": municipality.official_name, "year": year},
        sections=[
            (_("Introduction"), site.intro),
            (_("The municipality's goals for open school"), site.goals),
            (_("Transport"), site.transport_info),
            (_("Contact"), _contact(site)),
        ],
        notes={entry.offer_id: entry.note for entry in featured},
        note_label=_("Note from %(name)s:") % {"name": municipality.official_name},
    )
    return render_catalogue(request, catalogue)


def _contact(site: MunicipalSite) -> str:
    return "\n".join(line for line in (site.contact_name, site.contact_email, site.contact_phone) if line)
