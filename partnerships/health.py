"""The health of a partnership: flags derived from the record, each explained in plain Danish.

Each flag is one SQL condition, written once in `FLAGS`. `annotate()` turns the conditions into boolean
annotations (`flag_<name>`) and their number (`flag_count`); the admin's filter, the consultants' summary and
`Partnership.health_flags()` all read those annotations, so there is one source of truth per flag.

Definitions:
- school-side contacts are contacts with the role teacher, school leader or PLC; fewer than two means the
  collaboration hangs on one person (or on nobody registered);
- "no written agreement" is an agreement of the form none or informal (oral);
- "ends soon" is an end date from today up to 60 days ahead, with no successor record and not recurring
  (a recurring record is renewed each school year by design, so it counts as renewed);
- "not evaluated in the last school year": the record ran before the current school year began and its
  latest evaluation (if any) is older than the start of the previous school year. The Danish school year
  starts on 1 August.

Only current records raise flags (no end date, or an end date today or later): an ended collaboration
has no health to watch. Dates are relative to `today`, which callers pass explicitly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.db.models import (
    BooleanField,
    Case,
    Count,
    DateField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from partnerships.models import Partnership

ENDING_SOON_DAYS = 60


def school_year_start(day: date) -> date:
    """1 August that opened the Danish school year `day` belongs to."""
    return date(day.year if day.month >= 8 else day.year - 1, 8, 1)


def previous_school_year_start(day: date) -> date:
    start = school_year_start(day)
    return start.replace(year=start.year - 1)


@dataclass(frozen=True)
class Flag:
    name: str
    label: Promise
    explanation: Promise  # may use %(since)s: the date the last school year began
    condition: Callable[[date], Q]


@dataclass(frozen=True)
class RaisedFlag:
    """A flag as shown to staff: its name (for links and filters), short label and explanation."""

    name: str
    label: str
    explanation: str


def _agreement_not_written(today: date) -> Q:
    from partnerships.models import Agreement

    return Q(agreement__in=[Agreement.NONE, Agreement.INFORMAL])


def _ends_soon_without_successor(today: date) -> Q:
    return Q(
        ended__range=(today, today + timedelta(days=ENDING_SOON_DAYS)),
        successor__isnull=True,
        recurring=False,
    )


def _not_evaluated_last_school_year(today: date) -> Q:
    ran_last_year = Q(started__isnull=True) | Q(started__lt=school_year_start(today))
    not_evaluated = Q(last_evaluated__isnull=True) | Q(last_evaluated__lt=previous_school_year_start(today))
    return ran_last_year & not_evaluated


FLAGS: list[Flag] = [
    Flag(
        "single_school_contact",
        _("At most one contact at the school"),
        _(
            "At most one person at the school (teacher, school leader or PLC) is registered as a contact. "
            "If that person leaves, the collaboration is likely to disappear with them."
        ),
        lambda today: Q(school_contact_count__lt=2),
    ),
    Flag(
        "no_school_leader",
        _("No school leader involved"),
        _(
            "No school leader is registered as a contact. Without the school's leadership the collaboration "
            "is rarely given time, priority and a place in the school's plans."
        ),
        lambda today: Q(has_school_leader=False),
    ),
    Flag(
        "no_written_agreement",
        _("No written agreement"),
        _(
            "The collaboration rests on no agreement or an oral one. A written agreement lets it survive "
            "when the people behind it change."
        ),
        _agreement_not_written,
    ),
    Flag(
        "no_goals",
        _("No stated goals"),
        _(
            "No goals or expected outcome are written down, so nobody can tell afterwards what the pupils "
            "got out of it."
        ),
        lambda today: Q(goals__regex=r"^\s*$"),
    ),
    Flag(
        "ends_without_successor",
        _("Ends soon without renewal"),
        _(
            "The collaboration ends within 60 days, and neither a record that continues it nor a renewal "
            "(recurring each school year) is registered."
        ),
        _ends_soon_without_successor,
    ),
    Flag(
        "no_recent_evaluation",
        _("Not evaluated in the last school year"),
        _("No evaluation is registered since %(since)s, when the last school year began."),
        _not_evaluated_last_school_year,
    ),
]
FLAG_NAMES = [flag.name for flag in FLAGS]


def field_name(flag: str) -> str:
    """The annotation that holds flag `flag`; unknown names are a programming error."""
    if flag not in FLAG_NAMES:
        raise ValueError(f"unknown health flag {flag!r}")
    return f"flag_{flag}"


def is_flag(name: str | None) -> bool:
    return name in FLAG_NAMES


def current(today: date) -> Q:
    """Records that have not ended before `today`."""
    return Q(ended__isnull=True) | Q(ended__gte=today)


def annotate(queryset: QuerySet, today: date) -> QuerySet:
    """`queryset` with `flag_<name>` (boolean) per flag, `flag_count` and `health_date` (= today)."""
    from partnerships.models import Contact, Role

    school_contacts = (
        Contact.objects.filter(partnership=OuterRef("pk"), role__in=Contact.SCHOOL_SIDE_ROLES)
        .order_by()
        .values("partnership")
        .annotate(count=Count("pk"))
        .values("count")
    )
    queryset = queryset.annotate(
        school_contact_count=Coalesce(Subquery(school_contacts, output_field=IntegerField()), 0),
        has_school_leader=Exists(Contact.objects.filter(partnership=OuterRef("pk"), role=Role.SCHOOL_LEADER)),
        health_date=Value(today, output_field=DateField()),
    )
    flags = {
        field_name(flag.name): Case(
            When(current(today) & flag.condition(today), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
        for flag in FLAGS
    }
    queryset = queryset.annotate(**flags)
    count = sum((Cast(F(name), IntegerField()) for name in flags), Value(0))
    return queryset.annotate(flag_count=count)


def describe(today: date) -> list[RaisedFlag]:
    """Every flag with its explanation as of `today`: the legend of lists that count flags."""
    params = {"since": date_format(previous_school_year_start(today))}
    return [RaisedFlag(flag.name, str(flag.label), str(flag.explanation) % params) for flag in FLAGS]


def raised(partnership: Partnership, today: date) -> list[RaisedFlag]:
    """The flags `partnership` raises on `today`, from its annotations or else one query."""
    if partnership.pk is None:
        return []
    names = [field_name(flag.name) for flag in FLAGS]
    if getattr(partnership, "health_date", None) == today and all(hasattr(partnership, n) for n in names):
        values = {name: getattr(partnership, name) for name in names}
    else:
        values = type(partnership).objects.filter(pk=partnership.pk).with_health(today).values(*names).get()
    return [flag for flag in describe(today) if values[field_name(flag.name)]]
