"""The consultants' summary: for each municipality a user follows, how many current partnerships there
are of each kind and how many raise each health flag, counted in one SQL query, with links into the
admin list filtered the same way."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.db.models import Count, Exists, F, OuterRef, Q
from django.urls import reverse

from municipalities.models import Municipality
from partnerships import health
from partnerships.models import Kind, Partnership
from portal import access


@dataclass(frozen=True)
class Cell:
    label: str
    count: int
    url: str


@dataclass(frozen=True)
class MunicipalitySummary:
    municipality: Municipality
    total: Cell
    kinds: list[Cell]
    flags: list[Cell]


def _admin_list(**params: str) -> str:
    return f"{reverse('admin:partnerships_partnership_changelist')}?{urlencode(params)}"


def summary_municipalities(user):
    """The municipalities the summary shows to `user`: their own (a consultant), or every municipality that
    takes part in a partnership (portal staff)."""
    municipalities = Municipality.objects.managed_by(user).order_by("name")
    if access.sees_everything(user):
        through = Partnership.municipalities.through
        return municipalities.filter(Exists(through.objects.filter(municipality=OuterRef("pk"))))
    return municipalities


def summarise(user, today: date) -> list[MunicipalitySummary]:
    """One summary per municipality `user` follows (see `summary_municipalities`), by municipality name."""
    municipalities = list(summary_municipalities(user))
    counts = {f"kind_{kind}": Count("pk", filter=Q(kind=kind)) for kind in Kind.values} | {
        flag: Count("pk", filter=Q(**{health.field_name(flag): True})) for flag in health.FLAG_NAMES
    }
    rows = (
        Partnership.objects.managed_by(user)
        .with_health(today)
        .filter(health.current(today), municipalities__in=municipalities)
        .values(municipality=F("municipalities"))
        .annotate(total=Count("pk"), **counts)
        .order_by()
    )
    by_municipality = {row["municipality"]: row for row in rows}
    summaries = []
    for municipality in municipalities:
        row = by_municipality.get(municipality.pk, {})
        where = {"municipality": municipality.code, "period": "current"}
        summaries.append(
            MunicipalitySummary(
                municipality=municipality,
                total=Cell("", row.get("total", 0), _admin_list(**where)),
                kinds=[
                    Cell(
                        str(kind.label),
                        row.get(f"kind_{kind.value}", 0),
                        _admin_list(**where, kind__exact=kind.value),
                    )
                    for kind in Kind
                ],
                flags=[
                    Cell(str(flag.label), row.get(flag.name, 0), _admin_list(**where, health=flag.name))
                    for flag in health.FLAGS
                ],
            )
        )
    return summaries
