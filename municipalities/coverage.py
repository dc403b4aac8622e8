"""The consultant's coverage matrix: offers in a site's selection per subject and grade level, for the cells
the folkeskole curriculum has, and the offers of the whole catalogue that could fill a gap.

Which cells count (municipalities/data/curriculum.csv, a copy of the shared reference data):
- 1.–10. klasse: a subject or obligatory topic counts on the grades the curriculum lists for it
  (Samfundsfag 8.–10., not 0.–7.).
- 0. klasse (børnehaveklasse) has competence areas, not subjects: a subject counts there when the curriculum
  names the 0. klasse competence area it matches (dansk → sprog, matematik → matematisk opmærksomhed,
  natur/teknologi → naturfaglige fænomener, billedkunst and musik → kreative og musiske udtryksformer,
  idræt → krop og bevægelse), and so do the obligatory topics and dansk som andetsprog, which it lists there.
- Dagtilbud work with the pædagogiske læreplan's themes, not subjects: day care is no column of the matrix
  but a line of its own (the selection's offers for day care, whatever their subject), not part of the totals.
- Subjects outside the curriculum (upper-secondary subjects, the "Alle fag" placeholder) are no rows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.db.models import Avg, Case, Count, ExpressionWrapper, F, FloatField, IntegerField, Value, When

from municipalities.models import MunicipalSite
from offers.models import GradeLevel, Offer, Provider, Subject
from portal.reference import read_csv

CURRICULUM = Path(__file__).resolve().parent / "data" / "curriculum.csv"
KINDERGARTEN_CLASS = "0-klasse"  # børnehaveklasse
GAP_OFFERS_SHOWN = 20


@cache
def curriculum() -> dict[str, frozenset[str]]:
    """Subject slug → the slugs of the grades it is taught on, in the curriculum's order of subjects."""
    taught = {}
    for row in read_csv(CURRICULUM):
        grades = set(row["grades"].split())
        if "0. klasse:" in row["basis"]:  # a 0. klasse competence area that matches the subject
            grades.add(KINDERGARTEN_CLASS)
        taught[row["subject"]] = frozenset(grades)
    return taught


def is_taught(subject: Subject, grade: GradeLevel) -> bool:
    return grade.slug in curriculum().get(subject.slug, ())


@dataclass(frozen=True)
class Cell:
    grade: GradeLevel
    count: int | None  # None: the curriculum has no such cell

    @property
    def is_gap(self) -> bool:
        return self.count == 0


@dataclass(frozen=True)
class Row:
    subject: Subject
    cells: list[Cell]

    @property
    def gaps(self) -> int:
        return sum(1 for cell in self.cells if cell.is_gap)

    @property
    def size(self) -> int:
        return sum(1 for cell in self.cells if cell.count is not None)


@dataclass(frozen=True)
class Coverage:
    grades: list[GradeLevel]
    rows: list[Row]
    day_care: int  # offers for day care in the selection

    @property
    def gaps(self) -> int:
        return sum(row.gaps for row in self.rows)

    @property
    def cells(self) -> int:
        """The subject × grade combinations the curriculum has."""
        return sum(row.size for row in self.rows)


def coverage(site: MunicipalSite) -> Coverage:
    """The site's selection (published offers only) in the curriculum's cells, in four queries whatever the
    number of offers: one GROUP BY over the selection (an offer with several subjects and grades counts once
    in each of its cells), the grades, the subjects and the day-care count."""
    selection = site.selection()
    counts = {
        (subject, grade): n
        for subject, grade, n in selection.order_by()
        .filter(subjects__isnull=False, grades__isnull=False)
        .values_list("subjects", "grades")
        .annotate(n=Count("pk"))
    }
    taught = curriculum()
    grades = list(GradeLevel.objects.filter(slug__in=frozenset().union(*taught.values())))
    subjects = {subject.slug: subject for subject in Subject.objects.filter(slug__in=taught)}
    rows = [
        Row(
            subject,
            [
                Cell(grade, counts.get((subject.pk, grade.pk), 0) if grade.slug in taught[slug] else None)
                for grade in grades
            ],
        )
        for slug in taught
        if (subject := subjects.get(slug))
    ]
    day_care = selection.filter(grades__stage=GradeLevel.Stage.DAGTILBUD).distinct().count()
    return Coverage(grades, rows, day_care)


def gap_offers(site: MunicipalSite, subject: Subject, grade: GradeLevel):
    """Published offers from the whole catalogue, outside the site's selection, that fit ``subject`` on
    ``grade``: nearest first. Learning places in the municipality come first, then those in its region,
    then the rest of the country; within each, by distance from the middle of the municipality's own
    learning places (the mean of their coordinates; places without coordinates last), then by title."""
    municipality = site.municipality
    offers = (
        Offer.objects.published()
        .with_any_subject([subject.pk])
        .for_any_grade([grade.pk])
        .exclude(pk__in=site.selection().values("pk"))
        .annotate(
            nearness=Case(
                When(provider__municipality_id=municipality.pk, then=0),
                When(provider__municipality__region_id=municipality.region_id, then=1),
                default=2,
                output_field=IntegerField(),
            )
        )
    )
    order = [F("nearness").asc()]
    middle = Provider.objects.filter(municipality=municipality, latitude__isnull=False).aggregate(
        lat=Avg("latitude"), lon=Avg("longitude")
    )
    if middle["lat"] is not None:
        # Squared distance on a local flat map: a degree of longitude is cos(latitude) degrees of latitude.
        north = F("provider__latitude") - Value(middle["lat"])
        east = (F("provider__longitude") - Value(middle["lon"])) * Value(
            math.cos(math.radians(middle["lat"]))
        )
        distance = ExpressionWrapper(north * north + east * east, output_field=FloatField())
        offers = offers.annotate(distance=distance)
        order.append(F("distance").asc(nulls_last=True))
    return offers.with_card_relations().order_by(*order, "title", "pk")
