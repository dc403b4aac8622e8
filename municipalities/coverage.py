"""The consultant's coverage matrix: offers in a site's selection per subject and grade level."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count

from municipalities.models import MunicipalSite
from offers.models import GradeLevel, Subject


@dataclass(frozen=True)
class Cell:
    grade: GradeLevel
    count: int


@dataclass(frozen=True)
class Row:
    subject: Subject
    cells: list[Cell]

    @property
    def gaps(self) -> int:
        return sum(1 for cell in self.cells if cell.count == 0)


@dataclass(frozen=True)
class Coverage:
    grades: list[GradeLevel]
    rows: list[Row]

    @property
    def gaps(self) -> int:
        return sum(row.gaps for row in self.rows)


def coverage(site: MunicipalSite) -> Coverage:
    """Subjects taught in primary school and day care × grade levels up to 10th grade.

    The counts come from one GROUP BY query over the site's selection (published offers only); an offer
    with several subjects and grades counts once in each of its cells.
    """
    counts = {
        (subject, grade): n
        for subject, grade, n in site.selection()
        .order_by()
        .filter(subjects__isnull=False, grades__isnull=False)
        .values_list("subjects", "grades")
        .annotate(n=Count("pk"))
    }
    grades = list(GradeLevel.objects.exclude(stage=GradeLevel.Stage.UNGDOMSUDDANNELSE))
    subjects = Subject.objects.exclude(level=Subject.Level.GYMNASIE)
    rows = [
        Row(subject, [Cell(grade, counts.get((subject.pk, grade.pk), 0)) for grade in grades])
        for subject in subjects
    ]
    return Coverage(grades, rows)
