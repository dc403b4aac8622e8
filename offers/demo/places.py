"""Where demo learning places lie: per municipality its size and real street/postcode pairs (taken from the
schools in municipalities/data/schools.csv, kept to postcodes of the municipality's own region) with the
postcode's point (municipalities/data/postcodes.csv), and Danish place names fit for a learning place's
name."""

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from portal.reference import read_csv

MUNICIPALITY_DATA = Path(__file__).resolve().parents[2] / "municipalities" / "data"
FACTS = Path(__file__).resolve().parent / "municipality_facts.csv"

# Name forms used in front of a noun ("Københavns Bibliotek") and in running text ("i Nordfyn").
_PREFIX = {"101": "Københavns"}
_PLAIN = {"480": "Nordfyn", "820": "Vesthimmerland"}

_COPENHAGEN_DISTRICTS = {
    "København K": "Indre By",
    "København V": "Vesterbro",
    "København Ø": "Østerbro",
    "København N": "Nørrebro",
    "København S": "Amager",
    "København NV": "Nordvest",
    "København SV": "Sydhavnen",
}
# Postal district letters and disambiguating suffixes that a place name would not carry.
_POSTAL_SUFFIX = re.compile(
    r"\s+(C|K|V|Ø|N|S|M|NV|NØ|SV|SØ|Øst|Vest|Nord|Syd|Sjælland|Midtsjælland|Fyn|Jylland|Djurs|Stevns|Ærø)$"
)
_STREET = re.compile(r"^([^\d,]*[^\d\s,])\s+\d")


@dataclass(frozen=True)
class Address:
    street: str
    postcode: str
    city: str  # the postal city, "København Ø"
    town: str  # the place name, "Østerbro"
    latitude: float  # the postcode's point: inside the town
    longitude: float


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    region_code: str
    population: float  # thousands
    coastal: bool
    addresses: tuple[Address, ...]  # one per school, so bigger towns come up more often

    @property
    def prefix(self) -> str:
        return _PREFIX.get(self.code, self.name)

    @property
    def plain_name(self) -> str:
        return _PLAIN.get(self.code, self.name)


def town_name(city: str) -> str:
    """ "København Ø" → "Østerbro", "Odense C" → "Odense", "Viby Sjælland" → "Viby"."""
    if city in _COPENHAGEN_DISTRICTS:
        return _COPENHAGEN_DISTRICTS[city]
    if city.startswith("Nykøbing"):
        return city
    return _POSTAL_SUFFIX.sub("", city)


@cache
def load_places() -> tuple[Place, ...]:
    """All 98 municipalities, ordered by code."""
    postcodes = {r["postcode"]: r for r in read_csv(MUNICIPALITY_DATA / "postcodes.csv")}
    municipalities = read_csv(MUNICIPALITY_DATA / "municipalities.csv")
    region_of = {m["code"]: m["region_code"] for m in municipalities}
    addresses: dict[str, list[Address]] = {m["code"]: [] for m in municipalities}
    for school in read_csv(MUNICIPALITY_DATA / "schools.csv"):
        code, postcode = school["municipality"], school["postcode"]
        match = _STREET.match(school["address"])
        if (
            not (code and match and postcode in postcodes)
            or postcodes[postcode]["region_code"] != region_of[code]
        ):
            continue
        row = postcodes[postcode]
        addresses[code].append(
            Address(
                match.group(1),
                postcode,
                row["city"],
                town_name(row["city"]),
                float(row["lat"]),
                float(row["lon"]),
            )
        )
    with FACTS.open(encoding="utf-8", newline="") as f:
        facts = {row["code"]: row for row in csv.DictReader(f)}
    places = []
    for m in sorted(municipalities, key=lambda m: m["code"]):
        fact = facts[m["code"]]
        if not addresses[m["code"]]:
            raise ValueError(f"No street address for municipality {m['code']} {m['name']}")
        places.append(
            Place(
                code=m["code"],
                name=m["name"],
                region_code=m["region_code"],
                population=float(fact["population_thousands"]),
                coastal=fact["coastal"] == "1",
                addresses=tuple(addresses[m["code"]]),
            )
        )
    return tuple(places)
