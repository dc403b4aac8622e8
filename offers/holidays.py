"""The Danish school calendar that dated visits are planned around: school holidays and the public holidays
that fall on school days, read from offers/data/school_holidays.csv (one period a row, both days included).

Source: the common pattern of Danish municipal school calendars (folkeskolens ferieplaner), compared with
plans that municipalities and schools published for 2025/26–2027/28 (e.g. Tønder Kommune, Vesthimmerland,
Syddjurs Friskole, Ørstedskolen): summer from the last Saturday of June to the Sunday six weeks later;
autumn holiday week 42; Christmas from about 20 December to the first days of January; winter holiday
week 7; Easter from the Saturday before Palm Sunday to Easter Monday; Ascension Day and the Friday after;
Whitsun (Saturday to Whit Monday); Constitution Day (5 June). Store bededag is no longer a holiday (from
2024). 2028/29 follows the same pattern. Municipalities differ by a day or a week here and there (winter
holiday in week 6 or 8, Christmas a day longer): the series form lets an editor leave out more weeks.

To plan further ahead, add the next school year's rows to the file.
"""

from __future__ import annotations

import csv
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

HOLIDAYS_CSV = Path(__file__).resolve().parent / "data" / "school_holidays.csv"


@dataclass(frozen=True)
class Holiday:
    first: date
    last: date
    name: str


class SchoolCalendar:
    """Holiday periods, in order and not overlapping; days outside first_day–last_day are unknown."""

    def __init__(self, holidays: list[Holiday]):
        self.holidays = sorted(holidays, key=lambda holiday: holiday.first)
        self._firsts = [holiday.first for holiday in self.holidays]

    @property
    def first_day(self) -> date:
        return self.holidays[0].first

    @property
    def last_day(self) -> date:
        return self.holidays[-1].last

    def covers(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day

    def holiday_on(self, day: date) -> str | None:
        """The name of the holiday ``day`` lies in (e.g. "Vinterferie"), or None on a school day's date."""
        index = bisect_right(self._firsts, day) - 1
        if index >= 0 and day <= self.holidays[index].last:
            return self.holidays[index].name
        return None


@cache
def school_calendar() -> SchoolCalendar:
    with HOLIDAYS_CSV.open(encoding="utf-8", newline="") as file:
        return SchoolCalendar(
            [
                Holiday(date.fromisoformat(row["first"]), date.fromisoformat(row["last"]), row["name"])
                for row in csv.DictReader(file)
            ]
        )
