"""The catalogue's parameters, parsed once: the first step of the search (parse → query → count and fetch →
present; see offers/search_engine.py and offers/search.py).

/tilbud/, every scoped catalogue and /api/tilbud/ take the same Danish, shareable parameters: q, fag,
klassetrin, afstand, transport, gratis, ledige, format, region, kommune, udbyder, verdensmaal, dato, fra,
til, sorter and page. Facets are repeatable (OR within a facet, AND across facets). ``afstand`` (within 5,
10, 25 or 50 km), ``transport`` and ``sorter=naermest`` need a chosen school (``Origin``: the ``skole``
parameter or the cookie, municipalities/my_school.py); without one they are left out like unknown values. ``parse()`` cuts every parameter to its limit before
anything else sees it (q to MAX_QUERY_LENGTH characters, at most MAX_VALUES values of a facet, any other
value to MAX_VALUE_LENGTH characters), keeps the values it knows and names the parameters it left out,
wholly or partly, so that the page can say so without echoing them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django import forms
from django.db.models import CharField, IntegerField, Subquery, Value
from django.db.models.functions import Cast
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from municipalities.models import Municipality, Region
from offers.folding import danish_sort_key
from offers.models import SDG, FacetCount, GradeLevel, Offer, Provider, SearchWord, Subject

# The facets in the order the page shows them, with their labels.
FACETS = {
    "fag": _("Subject"),
    "klassetrin": _("Grade"),
    "afstand": _("Distance from your school"),
    "transport": _("Transport support"),
    "gratis": _("Price"),
    "ledige": _("Dates"),
    "format": _("Format"),
    "region": _("Region"),
    "kommune": _("Municipality"),
    "udbyder": _("Kind of learning place"),
    "verdensmaal": _("Sustainable development goal"),
}
DEFAULT_SORT = "relevans"  # best match first; without search words the newest first
NEAREST = "naermest"  # nearest first: needs a chosen school
SORT_CHOICES = [
    (DEFAULT_SORT, _("Relevance")),
    ("nyeste", _("Newest first")),
    ("titel", _("Title")),
    (NEAREST, _("Nearest first")),
]
# The issue named the orders in English; integrators may use either word.
SORT_ALIASES = {
    "relevance": "relevans",
    "newest": "nyeste",
    "title": "titel",
    "nearest": NEAREST,
    "nærmest": NEAREST,
}
PARAMETERS = ["q", *FACETS, "dato", "fra", "til", "sorter"]  # canonical order in every link the page makes
DISTANCES_KM = (5, 10, 25, 50)  # the choices of "afstand": within this many km of the chosen school
DISTANCE_LABELS = {5: _("Within 5 km"), 10: _("Within 10 km"), 25: _("Within 25 km"), 50: _("Within 50 km")}
FROM_SCHOOL = ("afstand", "transport")  # facets that need a chosen school

MAX_QUERY_LENGTH = 200
MAX_VALUES = 20  # values of one facet; more are left out (and reported)
MAX_VALUE_LENGTH = 40  # any other value: slugs, codes, dates, page numbers


@dataclass(frozen=True)
class Choice:
    id: int | None
    value: str
    label: str


@dataclass
class ReferenceData:
    """The choices of every facet (subjects, grades, SDGs, municipalities, regions from the database;
    formats, kinds of place and "free" from the models), and the subjects, grades and SDGs themselves for
    the offer cards, kept per process under the catalogue version, which their tables advance (offers
    migration 0007)."""

    choices: dict[str, list[Choice]] = field(default_factory=dict)
    by_id: dict[str, dict[int, Choice]] = field(default_factory=dict)
    values: dict[str, frozenset[str]] = field(default_factory=dict)
    # "subjects", "grades", "sdgs": id -> (position in the model's order, object)
    vocabularies: dict[str, dict[int, tuple[int, object]]] = field(default_factory=dict)
    published: int = 0  # offers in the catalogue (offers.search_engine decides by it how to count)
    common_words: frozenset[str] = frozenset()  # folded words more than half of the published offers use

    @classmethod
    def for_version(cls, version: int) -> ReferenceData:
        if _reference[0] != version:
            _reference[:] = [version, cls.load()]
        return _reference[1]

    @classmethod
    def load(cls) -> ReferenceData:
        def rows(facet, queryset, value, label, order):
            return queryset.order_by().values_list(
                Value(facet, output_field=CharField()), "id", value, label, order
            )

        zero = Value(0, output_field=IntegerField())
        everything = FacetCount.objects.filter(facet="", value="").values("offers")[:1]
        union = rows("fag", Subject.objects, "slug", "name", zero).union(
            rows("klassetrin", GradeLevel.objects, "slug", "name", "order"),
            rows(
                "verdensmaal",
                SDG.objects.annotate(code=Cast("number", CharField())),
                "code",
                "name_da",
                "number",
            ),
            rows("kommune", Municipality.objects, "code", "name", zero),
            rows("region", Region.objects, "code", "name", zero),
            # The number of published offers, in the id column of a row of its own (offers_facetcount) ...
            FacetCount.objects.filter(facet="", value="")
            .order_by()
            .values_list(
                Value(PUBLISHED, output_field=CharField()),
                "offers",
                Value("", output_field=CharField()),
                Value("", output_field=CharField()),
                zero,
            ),
            # ... and the words more than half of them use (offers_searchword), as the value of one row each.
            SearchWord.objects.filter(offers__gt=Subquery(everything) / 2.0)
            .order_by()
            .values_list(Value(COMMON, output_field=CharField()), "offers", "folded", "folded", zero),
            all=True,
        )
        data = cls()
        for facet, pk, value, label, _order in sorted(
            union, key=lambda r: (r[0], r[4], danish_sort_key(r[3]))
        ):
            if facet == PUBLISHED:
                data.published = pk
                continue
            if facet == COMMON:
                data.common_words |= {value}
                continue
            data.choices.setdefault(facet, []).append(Choice(pk, value, label))
        # Labels of the models' choices stay lazy: they are translated when a page shows them.
        data.choices["format"] = [Choice(None, v, label) for v, label in Offer.Format.choices]
        data.choices["udbyder"] = [Choice(None, v, label) for v, label in Provider.Kind.choices]
        data.choices["gratis"] = [Choice(None, "1", _("Free only"))]
        data.choices["ledige"] = [Choice(None, "1", _("Has free dates"))]
        data.choices["transport"] = [Choice(None, "1", _("Your municipality pays the transport"))]
        data.choices["afstand"] = [Choice(None, str(km), DISTANCE_LABELS[km]) for km in DISTANCES_KM]
        data.by_id = {
            facet: {c.id: c for c in choices if c.id is not None} for facet, choices in data.choices.items()
        }
        data.values = {facet: frozenset(c.value for c in choices) for facet, choices in data.choices.items()}
        data.vocabularies = {
            name: {obj.id: (i, obj) for i, obj in enumerate(model.objects.all())}
            for name, model in (("subjects", Subject), ("grades", GradeLevel), ("sdgs", SDG))
        }
        return data

    def ids(self, facet: str, values: tuple[str, ...]) -> list[int]:
        wanted = set(values)
        return [c.id for c in self.choices.get(facet, []) if c.value in wanted]

    def label(self, facet: str, value: str) -> str:
        return next((c.label for c in self.choices.get(facet, []) if c.value == value), value)


_reference: list = [None, None]  # [catalogue version, ReferenceData]
PUBLISHED = "_published"  # the row of ReferenceData.load() that holds the number of published offers
COMMON = "_common"  # the rows of ReferenceData.load() that hold the words most offers use


class CatalogueForm(forms.Form):
    """The parameters that are fields of the search form (the facets are links; ``parse()`` reads them)."""

    q = forms.CharField(
        label=_("Search words"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "maxlength": MAX_QUERY_LENGTH}),
    )
    dato = forms.DateField(
        label=_("Available on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    fra = forms.DateField(
        label=_("Free dates from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    til = forms.DateField(
        label=_("Free dates until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    sorter = forms.ChoiceField(
        label=_("Sort by"),
        choices=SORT_CHOICES,
        required=False,
        # Django's default message repeats the value; this one (Django's, translated) does not.
        error_messages={
            "invalid_choice": _("Select a valid choice. That choice is not one of the available choices.")
        },
    )

    def __init__(self, *args, nearest: bool = True, **kwargs):
        kwargs.setdefault("auto_id", "catalogue-%s")  # unique beside the header's search box
        super().__init__(*args, **kwargs)
        if not nearest:  # "nearest first" needs a chosen school
            self.fields["sorter"].choices = [c for c in SORT_CHOICES if c[0] != NEAREST]

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("fra"), cleaned.get("til")
        if first and last and first > last:
            self.add_error("til", _("The period ends before it begins."))
        return cleaned


@dataclass(frozen=True)
class TransportRules:
    """The rules of a municipality's transport support that decide whether it covers a trip (see
    MunicipalSite.transport_verdict and OfferQuerySet.covered_by_transport, which the search follows)."""

    municipality_id: int | None  # only places in this municipality count; None: anywhere
    grade_ids: tuple[int, ...]  # the grade levels covered; empty: all
    max_km: float | None  # the longest trip covered (straight line); None: any


@dataclass(frozen=True)
class Origin:
    """The chosen school as the search needs it: where it is (WGS84), and its municipality's transport
    rules (None when it registered no support). Part of the cache key, so a change of rules changes it."""

    key: str
    latitude: float
    longitude: float
    transport: TransportRules | None = None


@dataclass(frozen=True)
class SearchParams:
    """What a search asks, cleaned: the input of offers.search_engine.run_search()."""

    q: str = ""
    facets: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (name, values) with values, in FACETS order
    day: datetime.date | None = None
    first: datetime.date | None = None  # a period with a free date ("fra"/"til"); either end may be open
    last: datetime.date | None = None
    sort: str = DEFAULT_SORT
    page: str = ""  # as given; the paginator decides what it means
    ignored: tuple[str, ...] = ()  # parameters (names) left out wholly or partly
    origin: Origin | None = None  # the chosen school
    now: datetime.datetime | None = None  # what "free" (a date's start, its deadline) is measured against
    # The offers with free dates at ``now``, looked up once per catalogue version and a few minutes
    # (offers.search_engine.free_offer_ids); None: look them up in the query.
    free_ids: tuple[int, ...] | None = field(default=None, repr=False, compare=False)
    # The offers with dates of any kind, per catalogue version (offers.search_engine.dated_offer_ids): the
    # date filters need them (run_search() looks them up).
    dated_ids: tuple[int, ...] | None = field(default=None, repr=False, compare=False)

    @property
    def period(self) -> bool:
        return bool(self.first or self.last)

    def selected(self, name: str) -> tuple[str, ...]:
        return dict(self.facets).get(name, ())

    def pairs(self) -> list[tuple[str, str]]:
        """The parameters as (name, value) in canonical order, defaults left out: every link's basis."""
        pairs = [("q", self.q)] if self.q else []
        pairs += [(name, value) for name, values in self.facets for value in values]
        if self.day:
            pairs.append(("dato", self.day.isoformat()))
        if self.first:
            pairs.append(("fra", self.first.isoformat()))
        if self.last:
            pairs.append(("til", self.last.isoformat()))
        if self.sort != DEFAULT_SORT:
            pairs.append(("sorter", self.sort))
        return pairs


def limited(data: QueryDict) -> tuple[QueryDict, set[str]]:
    """Only the known parameters, each cut to its limit, and the names of those that were cut."""
    cut: set[str] = set()
    kept = QueryDict(mutable=True)
    for name in (*PARAMETERS, "page"):
        if name not in data:
            continue
        if name in FACETS:
            values = data.getlist(name)
            if len(values) > MAX_VALUES:
                values = values[:MAX_VALUES]
                cut.add(name)
            kept.setlist(name, [value[:MAX_VALUE_LENGTH] for value in values])
        else:
            limit = MAX_QUERY_LENGTH if name == "q" else MAX_VALUE_LENGTH
            kept[name] = data.get(name, "")[:limit]
    if kept.get("sorter") in SORT_ALIASES:
        kept["sorter"] = SORT_ALIASES[kept["sorter"]]
    return kept, cut


def parse(
    data: QueryDict, reference: ReferenceData, origin: Origin | None = None
) -> tuple[SearchParams, CatalogueForm]:
    """The search ``data`` asks for, and the bound form the page shows (with its errors). A facet keeps
    the values it knows, once each, and drops the others instead of failing; without ``origin`` (a chosen
    school) the distance and transport facets know no values."""
    kept, cut = limited(data)
    page = kept.pop("page", [""])[-1]
    form = CatalogueForm(kept, nearest=origin is not None)
    form.is_valid()
    cleaned = form.cleaned_data
    ignored = cut | {name for name in form.errors if name in kept}
    if "til" in form.errors:  # a period that ends before it begins: neither end is used
        cleaned.pop("fra", None)
        ignored |= {"fra", "til"} & set(kept)
    facets = []
    for name in FACETS:
        given = kept.getlist(name)
        values = reference.values[name] if origin or name not in FROM_SCHOOL else ()
        known = tuple(dict.fromkeys(value for value in given if value in values))
        if len(known) < len(set(given)):
            ignored.add(name)
        if known:
            facets.append((name, known))
    params = SearchParams(
        q=cleaned.get("q") or "",
        facets=tuple(facets),
        day=cleaned.get("dato"),
        first=cleaned.get("fra"),
        last=cleaned.get("til"),
        sort=cleaned.get("sorter") or DEFAULT_SORT,
        page=page,
        ignored=tuple(sorted(ignored)),
        origin=origin,
    )
    return params, form
