"""The hits, their order and every facet count of a set of catalogue searches, pinned.

Written on the search as it was before the rework of issue 11 (one-pass facet counts) and kept passing
after it: the rework changed how the page is computed, not what it shows. Each case asks /tilbud/ once
and compares the number of hits, the titles of the page in order and the counts of every facet choice.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from municipalities.models import Municipality
from offers.models import SDG, Offer, Provider

PLACES = {
    "lejre": ("Lejre Museum", Provider.Kind.MUSEUM, "350"),
    "roskilde": ("Vikingeskibsmuseet", Provider.Kind.MUSEUM, "265"),
    "odense": ("Naturskolen Odense", Provider.Kind.NATURE, "461"),
    "aarhus": ("Kunsthal Aarhus", Provider.Kind.ART, "751"),
}

# title, place, summary, subjects, grades, sdgs, price, format
# fmt: off
OFFERS = [
    ("Vikingetid på egen krop", "lejre", "Eleverne prøver livet i vikingetiden.", ["historie"],
     ["4-klasse", "5-klasse"], [4], 0, "visit"),
    ("Byg et vikingeskib", "roskilde", "Eleverne bygger et skib som vikingerne.",
     ["historie", "haandvaerk-og-design"], ["5-klasse", "6-klasse"], [], 500, "visit"),
    ("Vikingernes skibe og søfart", "roskilde", "Om sejlads, handel og togter.", ["historie"],
     ["7-klasse", "8-klasse", "9-klasse"], [14], 800, "outreach"),
    ("Smådyr i åen", "odense", "Vi fanger smådyr og undersøger vandets kvalitet.",
     ["biologi", "natur-teknologi"], ["2-klasse", "3-klasse", "4-klasse"], [14, 15], 0, "visit"),
    ("Skovens træer", "odense", "Træer, blade og dyr i skoven.", ["biologi", "natur-teknologi"],
     ["0-klasse", "1-klasse", "2-klasse", "3-klasse"], [15], 300, "visit"),
    ("Klima og energi i hverdagen", "odense", "Hvor kommer energien fra, og hvad betyder den for klimaet?",
     ["fysik-kemi", "geografi"], ["7-klasse", "8-klasse", "9-klasse"], [7, 13], 0, "course"),
    ("Vand i byen", "aarhus", "Regnvand, kloakker og klimatilpasning i byen.",
     ["geografi", "natur-teknologi"], ["4-klasse", "5-klasse", "6-klasse"], [6, 11, 13], 400, "outreach"),
    ("Kunst med ler", "aarhus", "Eleverne former figurer i ler.", ["billedkunst"],
     ["1-klasse", "2-klasse", "3-klasse"], [], 250, "visit"),
    ("Museets skatte", "lejre", "En rundvisning blandt museets fund fra vikingetiden.",
     ["historie", "dansk"], ["3-klasse", "4-klasse", "5-klasse", "6-klasse"], [4], None, "visit"),
    ("Matematik i naturen", "odense", "Mål og vej træer, og regn på naturen.", ["matematik"],
     ["4-klasse", "5-klasse", "6-klasse"], [], 0, "visit"),
    ("Eventyr på scenen", "aarhus", "Skuespillere spiller eventyr for de yngste.", ["dansk", "drama"],
     ["0-klasse", "1-klasse", "2-klasse"], [], 150, "event"),
    ("Energi fra vind", "roskilde", "Vindmøller og vedvarende energi.", ["fysik-kemi"],
     ["7-klasse", "8-klasse", "9-klasse", "10-klasse"], [7], 600, "outreach"),
    ("Bæverens dæmning", "odense", "Bæveren bygger i vand.", ["biologi", "natur-teknologi"],
     ["4-klasse", "5-klasse", "6-klasse"], [15], 0, "visit"),
    ("Hemmelig zeppelinrejse", "lejre", "Et udkast om vikinger og vand.", ["historie"],
     ["5-klasse"], [4], 0, "visit"),  # a draft: never found, never counted
]
# fmt: on


@pytest.fixture
def pinned_catalogue(db):
    places = {
        key: Provider.objects.create(
            key=key, slug=key, name=name, kind=kind, municipality=Municipality.objects.get(code=code)
        )
        for key, (name, kind, code) in PLACES.items()
    }
    for n, (title, place, summary, subjects, grades, sdgs, price, fmt) in enumerate(OFFERS):
        offer = Offer.objects.create(
            key=f"pinned-{n}",
            slug=f"pinned-{n}",
            title=title,
            summary=summary,
            provider=places[place],
            format=fmt,
            price_dkk=price,
            status=Offer.Status.DRAFT if title.startswith("Hemmelig") else Offer.Status.PUBLISHED,
        )
        offer.subjects.set(offer.subjects.model.objects.filter(slug__in=subjects))
        offer.grades.set(offer.grades.model.objects.filter(slug__in=grades))
        offer.sdgs.set(SDG.objects.filter(number__in=sdgs))


def observed(client, query: str) -> tuple[int, list[str], dict[str, str]]:
    """The number of hits, the titles of the page, and each facet's choices in the order shown, as
    "value count, value count"."""
    response = client.get("/tilbud/?" + query)
    assert response.status_code == 200
    context = response.context
    facets = {
        f.name: ", ".join(f"{c.value} {c.count}" for c in f.choices + f.more) for f in context["facets"]
    }
    return context["total"], [offer.title for offer in context["page"]], facets


# params -> (total, titles of the page in order, facet counts). The page holds 5 offers.
PINNED = {
    "": (
        13,
        ["Bæverens dæmning", "Energi fra vind", "Eventyr på scenen", "Matematik i naturen", "Museets skatte"],
        {
            "fag": "historie 4, natur-teknologi 4, biologi 3, dansk 2, fysik-kemi 2, geografi 2, billedkunst 1, "
            "drama 1, haandvaerk-og-design 1, matematik 1",
            "klassetrin": "0-klasse 2, 1-klasse 3, 2-klasse 4, 3-klasse 4, 4-klasse 6, 5-klasse 6, 6-klasse 5, "
            "7-klasse 3, 8-klasse 3, 9-klasse 3, 10-klasse 1",
            "gratis": "1 5",
            "format": "visit 8, outreach 3, course 1, event 1",
            "region": "1082 3, 1085 5, 1083 5",
            "kommune": "461 5, 265 3, 751 3, 350 2",
            "udbyder": "museum 5, nature 5, art 3",
            "verdensmaal": "4 2, 6 1, 7 2, 11 1, 13 2, 14 2, 15 3",
        },
    ),
    "page=2": (
        13,
        ["Kunst med ler", "Vand i byen", "Klima og energi i hverdagen", "Skovens træer", "Smådyr i åen"],
        {
            "fag": "historie 4, natur-teknologi 4, biologi 3, dansk 2, fysik-kemi 2, geografi 2, "
            "billedkunst 1, drama 1, haandvaerk-og-design 1, matematik 1",
            "klassetrin": "0-klasse 2, 1-klasse 3, 2-klasse 4, 3-klasse 4, 4-klasse 6, 5-klasse 6, "
            "6-klasse 5, 7-klasse 3, 8-klasse 3, 9-klasse 3, 10-klasse 1",
            "gratis": "1 5",
            "format": "visit 8, outreach 3, course 1, event 1",
            "region": "1082 3, 1085 5, 1083 5",
            "kommune": "461 5, 265 3, 751 3, 350 2",
            "udbyder": "museum 5, nature 5, art 3",
            "verdensmaal": "4 2, 6 1, 7 2, 11 1, 13 2, 14 2, 15 3",
        },
    ),
    "page=3": (
        13,
        ["Vikingernes skibe og søfart", "Byg et vikingeskib", "Vikingetid på egen krop"],
        {
            "fag": "historie 4, natur-teknologi 4, biologi 3, dansk 2, fysik-kemi 2, geografi 2, "
            "billedkunst 1, drama 1, haandvaerk-og-design 1, matematik 1",
            "klassetrin": "0-klasse 2, 1-klasse 3, 2-klasse 4, 3-klasse 4, 4-klasse 6, 5-klasse 6, "
            "6-klasse 5, 7-klasse 3, 8-klasse 3, 9-klasse 3, 10-klasse 1",
            "gratis": "1 5",
            "format": "visit 8, outreach 3, course 1, event 1",
            "region": "1082 3, 1085 5, 1083 5",
            "kommune": "461 5, 265 3, 751 3, 350 2",
            "udbyder": "museum 5, nature 5, art 3",
            "verdensmaal": "4 2, 6 1, 7 2, 11 1, 13 2, 14 2, 15 3",
        },
    ),
    "sorter=titel": (
        13,
        [
            "Byg et vikingeskib",
            "Bæverens dæmning",
            "Energi fra vind",
            "Eventyr på scenen",
            "Klima og energi i hverdagen",
        ],
        {
            "fag": "historie 4, natur-teknologi 4, biologi 3, dansk 2, fysik-kemi 2, geografi 2, "
            "billedkunst 1, drama 1, haandvaerk-og-design 1, matematik 1",
            "klassetrin": "0-klasse 2, 1-klasse 3, 2-klasse 4, 3-klasse 4, 4-klasse 6, 5-klasse 6, "
            "6-klasse 5, 7-klasse 3, 8-klasse 3, 9-klasse 3, 10-klasse 1",
            "gratis": "1 5",
            "format": "visit 8, outreach 3, course 1, event 1",
            "region": "1082 3, 1085 5, 1083 5",
            "kommune": "461 5, 265 3, 751 3, 350 2",
            "udbyder": "museum 5, nature 5, art 3",
            "verdensmaal": "4 2, 6 1, 7 2, 11 1, 13 2, 14 2, 15 3",
        },
    ),
    "sorter=titel&page=2": (
        13,
        ["Kunst med ler", "Matematik i naturen", "Museets skatte", "Skovens træer", "Smådyr i åen"],
        {
            "fag": "historie 4, natur-teknologi 4, biologi 3, dansk 2, fysik-kemi 2, "
            "geografi 2, billedkunst 1, drama 1, haandvaerk-og-design 1, matematik 1",
            "klassetrin": "0-klasse 2, 1-klasse 3, 2-klasse 4, 3-klasse 4, 4-klasse 6, "
            "5-klasse 6, 6-klasse 5, 7-klasse 3, 8-klasse 3, 9-klasse 3, "
            "10-klasse 1",
            "gratis": "1 5",
            "format": "visit 8, outreach 3, course 1, event 1",
            "region": "1082 3, 1085 5, 1083 5",
            "kommune": "461 5, 265 3, 751 3, 350 2",
            "udbyder": "museum 5, nature 5, art 3",
            "verdensmaal": "4 2, 6 1, 7 2, 11 1, 13 2, 14 2, 15 3",
        },
    ),
    "q=viking": (
        5,
        [
            "Vikingernes skibe og søfart",
            "Byg et vikingeskib",
            "Vikingetid på egen krop",
            "Museets skatte",
            "Energi fra vind",
        ],
        {
            "fag": "historie 4, dansk 1, fysik-kemi 1, haandvaerk-og-design 1",
            "klassetrin": "3-klasse 1, 4-klasse 2, 5-klasse 3, 6-klasse 2, 7-klasse 2, 8-klasse 2, "
            "9-klasse 2, 10-klasse 1",
            "gratis": "1 1",
            "format": "visit 3, outreach 2",
            "region": "1085 5",
            "kommune": "265 3, 350 2",
            "udbyder": "museum 5",
            "verdensmaal": "4 2, 7 1, 14 1",
        },
    ),
    "q=vikinger": (
        5,
        [
            "Vikingernes skibe og søfart",
            "Byg et vikingeskib",
            "Vikingetid på egen krop",
            "Museets skatte",
            "Energi fra vind",
        ],
        {
            "fag": "historie 4, dansk 1, fysik-kemi 1, haandvaerk-og-design 1",
            "klassetrin": "3-klasse 1, 4-klasse 2, 5-klasse 3, 6-klasse 2, 7-klasse 2, 8-klasse 2, "
            "9-klasse 2, 10-klasse 1",
            "gratis": "1 1",
            "format": "visit 3, outreach 2",
            "region": "1085 5",
            "kommune": "265 3, 350 2",
            "udbyder": "museum 5",
            "verdensmaal": "4 2, 7 1, 14 1",
        },
    ),
    "q=vikingeskib": (
        3,
        ["Byg et vikingeskib", "Energi fra vind", "Vikingernes skibe og søfart"],
        {
            "fag": "historie 2, fysik-kemi 1, haandvaerk-og-design 1",
            "klassetrin": "5-klasse 1, 6-klasse 1, 7-klasse 2, 8-klasse 2, 9-klasse 2, 10-klasse 1",
            "format": "visit 1, outreach 2",
            "region": "1085 3",
            "kommune": "265 3",
            "udbyder": "museum 3",
            "verdensmaal": "7 1, 14 1",
        },
    ),
    "q=vikingetiden": (
        2,
        ["Vikingetid på egen krop", "Museets skatte"],
        {
            "fag": "historie 2, dansk 1",
            "klassetrin": "3-klasse 1, 4-klasse 2, 5-klasse 2, 6-klasse 1",
            "gratis": "1 1",
            "format": "visit 2",
            "region": "1085 2",
            "kommune": "350 2",
            "udbyder": "museum 2",
            "verdensmaal": "4 2",
        },
    ),
    "q=skibe": (
        2,
        ["Vikingernes skibe og søfart", "Byg et vikingeskib"],
        {
            "fag": "historie 2, haandvaerk-og-design 1",
            "klassetrin": "5-klasse 1, 6-klasse 1, 7-klasse 1, 8-klasse 1, 9-klasse 1",
            "format": "visit 1, outreach 1",
            "region": "1085 2",
            "kommune": "265 2",
            "udbyder": "museum 2",
            "verdensmaal": "14 1",
        },
    ),
    "q=vand": (
        3,
        ["Vand i byen", "Bæverens dæmning", "Smådyr i åen"],
        {
            "fag": "natur-teknologi 3, biologi 2, geografi 1",
            "klassetrin": "2-klasse 1, 3-klasse 1, 4-klasse 3, 5-klasse 2, 6-klasse 2",
            "gratis": "1 2",
            "format": "visit 2, outreach 1",
            "region": "1082 1, 1083 2",
            "kommune": "461 2, 751 1",
            "udbyder": "nature 2, art 1",
            "verdensmaal": "6 1, 11 1, 13 1, 14 1, 15 2",
        },
    ),
    "q=vand&sorter=nyeste": (
        3,
        ["Bæverens dæmning", "Vand i byen", "Smådyr i åen"],
        {
            "fag": "natur-teknologi 3, biologi 2, geografi 1",
            "klassetrin": "2-klasse 1, 3-klasse 1, 4-klasse 3, 5-klasse 2, 6-klasse 2",
            "gratis": "1 2",
            "format": "visit 2, outreach 1",
            "region": "1082 1, 1083 2",
            "kommune": "461 2, 751 1",
            "udbyder": "nature 2, art 1",
            "verdensmaal": "6 1, 11 1, 13 1, 14 1, 15 2",
        },
    ),
    "q=vand&gratis=1": (
        2,
        ["Bæverens dæmning", "Smådyr i åen"],
        {
            "fag": "biologi 2, natur-teknologi 2",
            "klassetrin": "2-klasse 1, 3-klasse 1, 4-klasse 2, 5-klasse 1, 6-klasse 1",
            "gratis": "1 2",
            "format": "visit 2",
            "region": "1083 2",
            "kommune": "461 2",
            "udbyder": "nature 2",
            "verdensmaal": "14 1, 15 2",
        },
    ),
    "q=natur": (
        6,
        ["Matematik i naturen", "Bæverens dæmning", "Skovens træer", "Smådyr i åen", "Vand i byen"],
        {
            "fag": "natur-teknologi 4, biologi 3, geografi 2, fysik-kemi 1, matematik 1",
            "klassetrin": "0-klasse 1, 1-klasse 1, 2-klasse 2, 3-klasse 2, 4-klasse 4, 5-klasse 3, "
            "6-klasse 3, 7-klasse 1, 8-klasse 1, 9-klasse 1",
            "gratis": "1 4",
            "format": "visit 4, outreach 1, course 1",
            "region": "1082 1, 1083 5",
            "kommune": "461 5, 751 1",
            "udbyder": "nature 5, art 1",
            "verdensmaal": "6 1, 7 1, 11 1, 13 2, 14 1, 15 3",
        },
    ),
    "q=energi": (
        2,
        ["Energi fra vind", "Klima og energi i hverdagen"],
        {
            "fag": "fysik-kemi 2, geografi 1",
            "klassetrin": "7-klasse 2, 8-klasse 2, 9-klasse 2, 10-klasse 1",
            "gratis": "1 1",
            "format": "outreach 1, course 1",
            "region": "1085 1, 1083 1",
            "kommune": "461 1, 265 1",
            "udbyder": "museum 1, nature 1",
            "verdensmaal": "7 2, 13 1",
        },
    ),
    "q=klima%20energi": (
        1,
        ["Klima og energi i hverdagen"],
        {
            "fag": "fysik-kemi 1, geografi 1",
            "klassetrin": "7-klasse 1, 8-klasse 1, 9-klasse 1",
            "gratis": "1 1",
            "format": "course 1",
            "region": "1083 1",
            "kommune": "461 1",
            "udbyder": "nature 1",
            "verdensmaal": "7 1, 13 1",
        },
    ),
    "q=tr%C3%A6er": (
        2,
        ["Skovens træer", "Matematik i naturen"],
        {
            "fag": "biologi 1, matematik 1, natur-teknologi 1",
            "klassetrin": "0-klasse 1, 1-klasse 1, 2-klasse 1, 3-klasse 1, 4-klasse 1, 5-klasse 1, "
            "6-klasse 1",
            "gratis": "1 1",
            "format": "visit 2",
            "region": "1083 2",
            "kommune": "461 2",
            "udbyder": "nature 2",
            "verdensmaal": "15 1",
        },
    ),
    "q=smaadyr": (
        1,
        ["Smådyr i åen"],
        {
            "fag": "biologi 1, natur-teknologi 1",
            "klassetrin": "2-klasse 1, 3-klasse 1, 4-klasse 1",
            "gratis": "1 1",
            "format": "visit 1",
            "region": "1083 1",
            "kommune": "461 1",
            "udbyder": "nature 1",
            "verdensmaal": "14 1, 15 1",
        },
    ),
    "q=bioloji": (0, [], {}),
    "q=vikingskib": (
        3,
        ["Byg et vikingeskib", "Energi fra vind", "Vikingernes skibe og søfart"],
        {
            "fag": "historie 2, fysik-kemi 1, haandvaerk-og-design 1",
            "klassetrin": "5-klasse 1, 6-klasse 1, 7-klasse 2, 8-klasse 2, 9-klasse 2, 10-klasse 1",
            "format": "visit 1, outreach 2",
            "region": "1085 3",
            "kommune": "265 3",
            "udbyder": "museum 3",
            "verdensmaal": "7 1, 14 1",
        },
    ),
    "q=odense": (
        5,
        [
            "Bæverens dæmning",
            "Matematik i naturen",
            "Klima og energi i hverdagen",
            "Skovens træer",
            "Smådyr i åen",
        ],
        {
            "fag": "biologi 3, natur-teknologi 3, fysik-kemi 1, geografi 1, matematik 1",
            "klassetrin": "0-klasse 1, 1-klasse 1, 2-klasse 2, 3-klasse 2, 4-klasse 3, 5-klasse 2, "
            "6-klasse 2, 7-klasse 1, 8-klasse 1, 9-klasse 1",
            "gratis": "1 4",
            "format": "visit 4, course 1",
            "region": "1083 5",
            "kommune": "461 5",
            "udbyder": "nature 5",
            "verdensmaal": "7 1, 13 1, 14 1, 15 3",
        },
    ),
    "q=xylofon": (0, [], {}),
    "q=xylofon&fag=matematik": (0, [], {"fag": "matematik 0"}),
    "fag=historie": (
        4,
        ["Museets skatte", "Vikingernes skibe og søfart", "Byg et vikingeskib", "Vikingetid på egen krop"],
        {
            "fag": "historie 4, natur-teknologi 4, biologi 3, dansk 2, fysik-kemi 2, geografi 2, "
            "billedkunst 1, drama 1, haandvaerk-og-design 1, matematik 1",
            "klassetrin": "3-klasse 1, 4-klasse 2, 5-klasse 3, 6-klasse 2, 7-klasse 1, 8-klasse 1, "
            "9-klasse 1",
            "gratis": "1 1",
            "format": "visit 3, outreach 1",
            "region": "1085 4",
            "kommune": "350 2, 265 2",
            "udbyder": "museum 4",
            "verdensmaal": "4 2, 14 1",
        },
    ),
    "fag=historie&fag=biologi": (
        7,
        [
            "Bæverens dæmning",
            "Museets skatte",
            "Skovens træer",
            "Smådyr i åen",
            "Vikingernes skibe og søfart",
        ],
        {
            "fag": "historie 4, biologi 3, natur-teknologi 4, dansk 2, fysik-kemi 2, "
            "geografi 2, billedkunst 1, drama 1, haandvaerk-og-design 1, "
            "matematik 1",
            "klassetrin": "0-klasse 1, 1-klasse 1, 2-klasse 2, 3-klasse 3, 4-klasse 4, "
            "5-klasse 4, 6-klasse 3, 7-klasse 1, 8-klasse 1, 9-klasse 1",
            "gratis": "1 3",
            "format": "visit 6, outreach 1",
            "region": "1085 4, 1083 3",
            "kommune": "461 3, 350 2, 265 2",
            "udbyder": "museum 4, nature 3",
            "verdensmaal": "4 2, 14 2, 15 3",
        },
    ),
    "fag=biologi&klassetrin=4-klasse": (
        2,
        ["Bæverens dæmning", "Smådyr i åen"],
        {
            "fag": "biologi 2, natur-teknologi 3, historie 2, dansk 1, geografi 1, matematik 1",
            "klassetrin": "0-klasse 1, 1-klasse 1, 2-klasse 2, 3-klasse 2, "
            "4-klasse 2, 5-klasse 1, 6-klasse 1",
            "gratis": "1 2",
            "format": "visit 2",
            "region": "1083 2",
            "kommune": "461 2",
            "udbyder": "nature 2",
            "verdensmaal": "14 1, 15 2",
        },
    ),
    "klassetrin=4-klasse&gratis=1": (
        4,
        ["Bæverens dæmning", "Matematik i naturen", "Smådyr i åen", "Vikingetid på egen krop"],
        {
            "fag": "biologi 2, natur-teknologi 2, historie 1, matematik 1",
            "klassetrin": "2-klasse 1, 3-klasse 1, 4-klasse 4, 5-klasse 3, 6-klasse "
            "2, 7-klasse 1, 8-klasse 1, 9-klasse 1",
            "gratis": "1 4",
            "format": "visit 4",
            "region": "1085 1, 1083 3",
            "kommune": "461 3, 350 1",
            "udbyder": "nature 3, museum 1",
            "verdensmaal": "4 1, 14 1, 15 2",
        },
    ),
    "kommune=461&format=visit": (
        4,
        ["Bæverens dæmning", "Matematik i naturen", "Skovens træer", "Smådyr i åen"],
        {
            "fag": "biologi 3, natur-teknologi 3, matematik 1",
            "klassetrin": "0-klasse 1, 1-klasse 1, 2-klasse 2, 3-klasse 2, 4-klasse 3, "
            "5-klasse 2, 6-klasse 2",
            "gratis": "1 3",
            "format": "visit 4, course 1",
            "region": "1083 4",
            "kommune": "461 4, 350 2, 265 1, 751 1",
            "udbyder": "nature 4",
            "verdensmaal": "14 1, 15 3",
        },
    ),
    "region=1085&klassetrin=5-klasse": (
        3,
        ["Museets skatte", "Byg et vikingeskib", "Vikingetid på egen krop"],
        {
            "fag": "historie 3, dansk 1, haandvaerk-og-design 1",
            "klassetrin": "3-klasse 1, 4-klasse 2, 5-klasse 3, 6-klasse 2, "
            "7-klasse 2, 8-klasse 2, 9-klasse 2, 10-klasse 1",
            "gratis": "1 1",
            "format": "visit 3",
            "region": "1082 1, 1085 3, 1083 2",
            "kommune": "350 2, 265 1",
            "udbyder": "museum 3",
            "verdensmaal": "4 2",
        },
    ),
    "udbyder=museum&klassetrin=5-klasse&q=vikinge": (
        3,
        ["Byg et vikingeskib", "Vikingetid på egen krop", "Museets skatte"],
        {
            "fag": "historie 3, dansk 1, haandvaerk-og-design 1",
            "klassetrin": "3-klasse 1, 4-klasse 2, 5-klasse 3, "
            "6-klasse 2, 7-klasse 2, 8-klasse 2, "
            "9-klasse 2, 10-klasse 1",
            "gratis": "1 1",
            "format": "visit 3",
            "region": "1085 3",
            "kommune": "350 2, 265 1",
            "udbyder": "museum 3",
            "verdensmaal": "4 2",
        },
    ),
    "verdensmaal=13&verdensmaal=15": (
        5,
        ["Bæverens dæmning", "Vand i byen", "Klima og energi i hverdagen", "Skovens træer", "Smådyr i åen"],
        {
            "fag": "natur-teknologi 4, biologi 3, geografi 2, fysik-kemi 1",
            "klassetrin": "0-klasse 1, 1-klasse 1, 2-klasse 2, 3-klasse 2, "
            "4-klasse 3, 5-klasse 2, 6-klasse 2, 7-klasse 1, "
            "8-klasse 1, 9-klasse 1",
            "gratis": "1 3",
            "format": "visit 3, outreach 1, course 1",
            "region": "1082 1, 1083 4",
            "kommune": "461 4, 751 1",
            "udbyder": "nature 4, art 1",
            "verdensmaal": "4 2, 6 1, 7 2, 11 1, 13 2, 14 2, 15 3",
        },
    ),
    "q=skov&region=1083&fag=biologi": (
        1,
        ["Skovens træer"],
        {
            "fag": "biologi 1, natur-teknologi 1",
            "klassetrin": "0-klasse 1, 1-klasse 1, 2-klasse 1, 3-klasse 1",
            "format": "visit 1",
            "region": "1083 1",
            "kommune": "461 1",
            "udbyder": "nature 1",
            "verdensmaal": "15 1",
        },
    ),
    "q=energi&format=outreach&klassetrin=10-klasse": (
        1,
        ["Energi fra vind"],
        {
            "fag": "fysik-kemi 1",
            "klassetrin": "7-klasse 1, 8-klasse 1, 9-klasse 1, 10-klasse 1",
            "format": "outreach 1",
            "region": "1085 1",
            "kommune": "265 1",
            "udbyder": "museum 1",
            "verdensmaal": "7 1",
        },
    ),
    "fag=matematik&kommune=350": (
        0,
        [],
        {"fag": "matematik 0, historie 2, dansk 1", "kommune": "350 0, 461 1"},
    ),
    "dato=2026-09-15&fag=dansk": (
        2,
        ["Eventyr på scenen", "Museets skatte"],
        {
            "fag": "dansk 2, historie 4, natur-teknologi 4, biologi 3, fysik-kemi 2, "
            "geografi 2, billedkunst 1, drama 1, haandvaerk-og-design 1, "
            "matematik 1",
            "klassetrin": "0-klasse 1, 1-klasse 1, 2-klasse 1, 3-klasse 1, 4-klasse 1, "
            "5-klasse 1, 6-klasse 1",
            "format": "visit 1, event 1",
            "region": "1082 1, 1085 1",
            "kommune": "350 1, 751 1",
            "udbyder": "art 1, museum 1",
            "verdensmaal": "4 1",
        },
    ),
}


@pytest.mark.parametrize("query", list(PINNED), ids=list(PINNED))
def test_a_search_finds_and_counts_what_it_always_did(client, pinned_catalogue, settings, query):
    settings.PORTAL_PAGE_SIZE = 5

    assert observed(client, query) == PINNED[query]


# Searches that keep most of a large catalogue count the offers they leave out and subtract them from the
# whole catalogue's counts (offers.search_engine._count_misses): a date filter alone, and words that most
# offers contain. Here the small catalogue is made to take that way, and must find and count what the
# ordinary way does.
BY_COMPLEMENT = [
    "q=viking",
    "q=mellemtrin",
    "q=viking&sorter=titel",
    "q=viking&page=2",
    "q=mellemtrin&sorter=nyeste&page=2",
    "dato=2027-03-10",
    "fra=2027-03-01&til=2027-03-31",
    "fra=2027-03-01&sorter=titel&page=2",
    "til=2027-03-31&page=9",
]


@pytest.mark.parametrize("query", BY_COMPLEMENT)
def test_counting_what_a_search_leaves_out_finds_and_counts_the_same(
    client, pinned_catalogue, settings, monkeypatch, query
):
    from django.core.cache import cache

    from offers import search_engine

    settings.PORTAL_PAGE_SIZE = 3
    # Seasons that leave some offers out of the dates searched.
    Offer.objects.filter(title__in=["Skovens træer", "Vand i byen"]).update(available_to="2027-02-28")
    Offer.objects.filter(title="Kunst med ler").update(available_from="2027-04-01")
    monkeypatch.setattr(search_engine, "_counts_by_complement", lambda *args: False)
    ordinary = observed(client, query)
    monkeypatch.undo()
    cache.clear()
    monkeypatch.setattr(search_engine, "MOSTLY_FROM", 0)
    monkeypatch.setattr(search_engine, "_mostly_matching", lambda text, reference: True)
    with CaptureQueriesContext(connection) as queries:
        assert observed(client, query) == ordinary
    assert any("misses AS MATERIALIZED" in q["sql"] for q in queries.captured_queries)
    assert search_engine.FEW_HITS <= ordinary[0] < 13  # found enough, and left some out
