"""The shape of a demo teaching topic and helpers for writing grade ranges readably."""

from dataclasses import dataclass

# GradeLevel.order: 0 = dagtilbud, 1 = 0. klasse … 11 = 10. klasse, 12 = ungdomsuddannelse.
DAGTILBUD = (0, 0)
UNGDOM = (12, 12)


def kl(first: int, last: int) -> tuple[int, int]:
    """Grade range by class numbers: kl(4, 6) is 4.–6. klasse."""
    return (first + 1, last + 1)


def kl_ungdom(first: int) -> tuple[int, int]:
    """From a class up to and including ungdomsuddannelse: kl_ungdom(8) is 8. klasse – ungdomsuddannelse."""
    return (first + 1, 12)


def dag(last: int) -> tuple[int, int]:
    """Dagtilbud and the first classes: dag(1) is dagtilbud and 0.–1. klasse."""
    return (0, last + 1)


@dataclass(frozen=True)
class Topic:
    """One teaching idea; the generator turns it into offers with varied titles, grades and formats.

    Texts may use {place} (the learning place's town). `subjects` are grundskole subjects (level
    grundskole or begge) and `gym_subjects` upper-secondary ones (gymnasie or begge), most relevant first.
    """

    tag: str
    titles: tuple[str, ...]
    summary: str
    about: str
    activities: tuple[str, ...]
    grades: tuple[tuple[int, int], ...]
    themes: tuple[str, ...]
    subjects: tuple[str, ...] = ()
    gym_subjects: tuple[str, ...] = ()
    sdgs: tuple[int, ...] = ()
