"""The catalogue search as a page: Danish full text, typo tolerance, facet counts and pagination.

This module owns what /tilbud/ and any scoped catalogue (e.g. a municipality's /kommuner/<slug>/tilbud/)
have in common, and is the last step of one pipeline: parse the parameters (offers/filters.py) → build
the query → count and fetch (offers/search_engine.py) → present (here; offers/api.py presents JSON).
Views stay thin: they choose a base queryset and a template.

Contract for other apps (stable; ask the offers owner before changing it)
--------------------------------------------------------------------------

    from offers.search import search_catalogue

    def municipal_offers(request, slug):
        site = get_object_or_404(...)
        base = Offer.objects.published().filter(...)        # any Offer queryset; published() is applied anyway
        context = search_catalogue(request, base, exclude_facets=("kommune", "region"))
        return render(request, "municipalities/site_offers.html", {**context, "site": site})

    and in the template (which extends base.html):

        {% block extra_head %}{% include "offers/_search_head.html" %}{% endblock %}   (CSS + optional JS)
        {% block content %}<h1>…your heading…</h1>{% include "offers/_search.html" %}{% endblock %}

    The include's headings start at <h2>. A base queryset that joins other tables (e.g. featured offers
    through a many-to-many) is fine: it is used as a set of ids, so hits are never counted twice.

``search_catalogue(request, base_queryset, *, exclude_facets=()) -> dict`` reads request.GET (the
parameters q, fag, klassetrin, afstand, transport, gratis, ledige, format, region, kommune, udbyder,
verdensmaal, dato, fra, til, sorter, page; see offers/filters.py) and the chosen school
(``request.my_school``: ``?skole=`` or the cookie) and returns the template context below. It never raises on bad input: every parameter is cut to its limit
first, unknown values are ignored and reported in ``notices``. The number of SQL queries does not depend on
the number of hits: usually 3 (the catalogue version, one query for the hits, the counts and, when few
are found, the candidates of similar words; the page's offers), 2 when nothing is found or the result is
cached, one more when similar words widen the search, 4 more after a change to the catalogue (the facets'
names), at most 11 (a misspelt search with few hits in a scope, which also looks in the whole catalogue),
one more every few minutes for the offers with free dates (offers.search_engine.free_offer_ids), one more
after a change to the catalogue for the offers with dates when a date filter is used (dated_offer_ids). A chosen
school adds one (the school, its municipality's site and transport rules) and at most two for the cards
(municipalities/my_school.py). ``exclude_facets`` hides facets (by parameter name) that make no sense in a
scope; their parameters are still honoured if present. A scope narrower than the whole catalogue that finds
few offers also counts the same search in the whole catalogue (``wider_search``).

``search_all(request, base_queryset, *, limit) -> AllHits`` reads the same parameters (page is ignored) for
outputs that take a whole result along (the CSV export, the printed search): the total, the ids of the first
``limit`` hits in the page's order, the active filters' labels and the notices; ``AllHits.offers()`` fetches
the offers a chunk at a time (one query per chunk, card relations loaded), for streaming.

Every link the include renders is relative ("?fag=historie&q=…"), so the include works under any path;
the search form submits to the current path.

Context keys (do not use these names for other things in a page that includes the search):

    catalogue_form    the bound form (offers.filters.CatalogueForm): its q, dato and sorter fields
    filterset         the parsed search (offers.filters.SearchParams; the name is kept from earlier versions)
    page              django Page of Offer objects (provider, municipality, subjects, grades, sdgs loaded)
    total             int, number of hits
    q                 the cleaned free-text query ("" if none)
    facets            list of Facet(name, label, choices=[FacetChoice(value, label, count, selected, url)],
                      more=[…]) in display order; choices with count 0 are left out unless selected
    active_filters    list of ActiveFilter(label, url_without, count_without) for the way out of a
                      narrow search; count_without is only known (not None) when total == 0
    suggestions       list of Suggestion(text, url, count): "did you mean" spellings that give hits
    similar_words     words a fuzzy search also looked for when full text found little ([] otherwise)
    wider_search      WiderSearch(url, count): the same search in the whole catalogue, when this scope
                      finds few offers and the whole catalogue more; else None
    nearby_search     WiderSearch(url, count): with a chosen school, the same search in the whole catalogue
                      within NEARBY_KM of it, nearest first, when this scope finds few offers; else None
    choose_school_url with no school chosen, the school picker's address that returns to this search (the
                      distance controls invite the teacher to choose); else None
    notices           list of messages about ignored parameters or words (never echoing the raw input)
    hidden_filters    list of (name, value) facet parameters the form carries along as hidden inputs
    query             urlencoded current parameters without "page", for "?{{ query }}&page=N"
    clear_url         "?" (relative link that clears every filter)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from html import escape
from urllib.parse import quote_plus, urlencode

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.http import HttpRequest
from django.template.loader import get_template
from django.urls import reverse
from django.utils.formats import date_format, localize
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from offers.filters import (
    FACETS,
    NEAREST,
    PARAMETERS,
    CatalogueForm,
    Origin,
    ReferenceData,
    SearchParams,
    TransportRules,
    parse,
)
from offers.folding import danish_sort_key
from offers.models import Offer
from offers.search_engine import Scope, SearchResult, catalogue_version, run_search

NATURAL_ORDER = {"klassetrin", "verdensmaal", "format", "region", "afstand"}  # others: most hits first
ONE_CHOICE = {"afstand"}  # choosing another value replaces the chosen one
YES_OR_NO = {"gratis", "transport", "ledige"}  # one choice, named by its label alone
NEARBY_KM = "25"  # a scoped search that finds little offers the same search this close to the school
VISIBLE_CHOICES = 8  # long facets show this many choices and the rest behind "Show more"
FEW_IN_SCOPE = 5  # a scoped search with fewer hits also counts the whole catalogue


@dataclass
class FacetChoice:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class Facet:
    name: str
    label: str
    choices: list[FacetChoice]  # shown at once
    more: list[FacetChoice]  # behind "Show more"

    @property
    def choices_html(self) -> SafeString:
        return _choices_html(self.choices)

    @property
    def more_html(self) -> SafeString:
        return _choices_html(self.more)


def _choices_html(choices: list[FacetChoice]) -> SafeString:
    """The list items of facet choices: built here, once per page, because a template would resolve and
    escape a dozen variables for each of up to 200 choices (benchmarks/README.md)."""
    selected_text = escape(_("Selected, click to remove:"))
    offers_text = escape(_("offers"))
    number = localize if settings.USE_THOUSAND_SEPARATOR else str
    items = []
    for c in choices:
        if c.selected:
            start = (
                f'<a class="facet__choice is-selected" href="{escape(c.url)}" rel="nofollow" aria-current="true">'
                f'<span class="visually-hidden">{selected_text} </span>'
            )
        else:
            start = f'<a class="facet__choice" href="{escape(c.url)}" rel="nofollow">'
        items.append(
            f'<li>{start}<span class="facet__label">{escape(c.label)}</span> <span class="facet__count">'
            f'{number(c.count)}<span class="visually-hidden"> {offers_text}</span></span></a></li>'
        )
    return mark_safe("".join(items))  # every value above is escaped


@dataclass
class ActiveFilter:
    label: str
    url_without: str
    count_without: int | None


@dataclass
class Suggestion:
    text: str
    url: str
    count: int


@dataclass
class WiderSearch:
    url: str
    count: int


def origin_of(request: HttpRequest) -> Origin | None:
    """The chosen school (municipalities.my_school) as the search needs it; None when there is none or it
    has no point."""
    choice = getattr(request, "my_school", None)
    if not choice:
        return None
    point, _approximate = choice.location
    if point is None:
        return None
    site, transport = choice.site, None
    if site is not None and site.supports_transport:
        transport = TransportRules(
            municipality_id=site.municipality_id if site.transport_within_municipality_only else None,
            grade_ids=tuple(sorted(site.covered_grade_ids)),
            max_km=site.transport_max_distance_km,
        )
    return Origin(choice.school.key, point.latitude, point.longitude, transport)


def parse_request(request: HttpRequest, reference: ReferenceData) -> tuple[SearchParams, CatalogueForm]:
    """parse() with the chosen school; a ``skole`` parameter that names no school is reported as ignored
    (the cookie's school, if any, is then used)."""
    origin = origin_of(request)
    params, form = parse(request.GET, reference, origin)
    given = request.GET.get("skole", "").strip()
    if given and (origin is None or origin.key != given):
        params = replace(params, ignored=tuple(sorted({*params.ignored, "skole"})))
    return params, form


def search_catalogue(request: HttpRequest, base_queryset, *, exclude_facets: Iterable[str] = ()) -> dict:
    """The catalogue search over ``base_queryset`` as a template context for "offers/_search.html"."""
    version = catalogue_version()
    reference = ReferenceData.for_version(version)
    params, form = parse_request(request, reference)
    scope = Scope.of(base_queryset)
    excluded = set(exclude_facets)
    facets = [name for name in FACETS if name not in excluded]
    result = run_search(params, scope, reference=reference, version=version, facets=facets)
    links = Links(params)
    paginator = _Counted(result.total, result.per_page)
    wider, nearby = _wider(result, links, version)
    return {
        "filterset": params,
        "catalogue_form": form,
        "page": Page(_with_card_texts(result.offers(), version), result.page_number, paginator),
        "total": result.total,
        "q": params.q,
        "facets": _facets(result, links),
        "active_filters": _active_filters(result, links),
        "suggestions": [Suggestion(text, links.replace("q", text), n) for text, n in result.suggestions],
        "similar_words": result.similar,
        "wider_search": wider,
        "nearby_search": nearby,
        "choose_school_url": None
        if params.origin or "afstand" in excluded
        else _choose_school_url(request, links),
        "notices": _notices(result),
        "hidden_filters": [
            (name, value) for name, value in links.pairs if name not in ("q", "dato", "fra", "til", "sorter")
        ],
        "query": links.query,
        "clear_url": "?",
    }


CARD_TEXTS = 20_000  # cards kept rendered per process (about 1 kB each)
_card_texts: list = [None, {}]  # [catalogue version, {(language, offer id): rendered text}]


def _with_card_texts(offers: list, version: int) -> list:
    """The offers, each with ``card_text``: the part of its card that is the same for every visitor
    ("offers/_offer_card_text.html"), rendered once per process, language and catalogue version, which
    every write to offers, places, municipalities and vocabularies advances."""
    if _card_texts[0] != version:
        _card_texts[:] = [version, {}]
    texts = _card_texts[1]
    language = get_language()
    template = None
    for offer in offers:
        key = (language, offer.pk)
        text = texts.get(key)
        if text is None:
            template = template or get_template("offers/_offer_card_text.html")
            text = template.render({"offer": offer})
            if len(texts) < CARD_TEXTS:
                texts[key] = text
        offer.card_text = text
    return offers


class _Counted(Paginator):
    """A paginator told the number of hits (counted with the facets)."""

    def __init__(self, count: int, per_page: int):
        super().__init__([], per_page)
        self.count = count


class Links:
    """Every link of a result page, built from the parameters once: each parameter is encoded once, and a
    facet link joins the encoded parameters before and after its place with its own value."""

    def __init__(self, params: SearchParams):
        self.pairs = params.pairs()
        self.encoded = [f"{name}={quote_plus(value)}" for name, value in self.pairs]
        self.query = "&".join(self.encoded)
        position = {name: i for i, name in enumerate(PARAMETERS)}
        self._split = {}
        for name in FACETS:
            before = [
                e
                for (n, _v), e in zip(self.pairs, self.encoded, strict=True)
                if position[n] <= position[name]
            ]
            after = self.encoded[len(before) :]
            self._split[name] = ("&".join(before), "&".join(after))

    @staticmethod
    def _join(*parts: str) -> str:
        return "?" + "&".join(part for part in parts if part)

    def toggle(self, name: str, value: str, selected: bool) -> str:
        """The link that adds ``value`` to facet ``name`` (replaces its value for ONE_CHOICE), or removes it
        when it is selected."""
        if not selected and name in ONE_CHOICE:
            return self.replace(name, value)
        if selected:
            return self._join(
                *(e for pair, e in zip(self.pairs, self.encoded, strict=True) if pair != (name, value))
            )
        before, after = self._split[name]
        return self._join(before, f"{name}={quote_plus(value)}", after)

    def without(self, name: str) -> str:
        """The link without parameter ``name`` ("fra" stands for the period: both its ends)."""
        names = {"fra", "til"} if name == "fra" else {name}
        return self._join(*(e for (n, _v), e in zip(self.pairs, self.encoded, strict=True) if n not in names))

    def replace(self, name: str, value: str) -> str:
        pairs = [(n, v) for n, v in self.pairs if n != name]
        position = {n: i for i, n in enumerate(PARAMETERS)}
        pairs.append((name, value))
        pairs.sort(key=lambda pair: position[pair[0]])
        return self._join(*(f"{n}={quote_plus(v)}" for n, v in pairs))


def _facets(result: SearchResult, links: Links) -> list[Facet]:
    facets = []
    for name, counts in result.facet_counts.items():
        selected = set(result.params.selected(name))
        choices = []
        for choice in result.reference.choices.get(name, []):
            count = counts.get(choice.value, 0)
            is_selected = choice.value in selected
            if not count and not is_selected:
                continue  # empty choices are hidden
            label = f"{choice.value}. {choice.label}" if name == "verdensmaal" else str(choice.label)
            choices.append(
                FacetChoice(
                    choice.value, label, count, is_selected, links.toggle(name, choice.value, is_selected)
                )
            )
        if not choices:
            continue
        if name not in NATURAL_ORDER:
            choices.sort(key=lambda c: (not c.selected, -c.count, danish_sort_key(c.label)))
        facets.append(Facet(name, str(FACETS[name]), choices[:VISIBLE_CHOICES], choices[VISIBLE_CHOICES:]))
    return facets


def _active_filters(result: SearchResult, links: Links) -> list[ActiveFilter]:
    params = result.params
    active = []
    if params.q:
        active.append(("q", _("Search words: “%(words)s”") % {"words": params.q}))
    for name, values in params.facets:
        if name in YES_OR_NO:
            active.append((name, str(result.reference.label(name, "1"))))
        else:
            shown = ", ".join(str(result.reference.label(name, value)) for value in values)
            active.append((name, f"{FACETS[name]}: {shown}"))
    if params.day:
        active.append(("dato", _("Available on %(date)s") % {"date": date_format(params.day)}))
    if params.period:
        first = date_format(params.first) if params.first else ""
        last = date_format(params.last) if params.last else ""
        if first and last:
            label = _("Free dates from %(first)s to %(last)s") % {"first": first, "last": last}
        elif first:
            label = _("Free dates from %(first)s") % {"first": first}
        else:
            label = _("Free dates until %(last)s") % {"last": last}
        active.append(("fra", label))
    return [
        ActiveFilter(label, links.without(name), result.counts_without.get(name)) for name, label in active
    ]


def _wider(result: SearchResult, links: Links, version: int) -> tuple[WiderSearch | None, WiderSearch | None]:
    """The same search in the whole catalogue when this scope finds few offers, and with a chosen school
    the part of it within NEARBY_KM, nearest first (one more query: the distance facet's counts)."""
    params = result.params
    if not result.scope.narrowed or result.total >= FEW_IN_SCOPE:
        return None, None
    nearby_wanted = params.origin is not None and not params.selected("afstand")
    if not (params.q or params.facets or params.day or params.period or nearby_wanted):
        return None, None
    whole = run_search(
        replace(params, page=""),
        Scope.whole(),
        reference=result.reference,
        version=version,
        facets=("afstand",) if nearby_wanted else (),
        per_page=1,
    )
    catalogue = reverse("offers:offer_list")
    wider = nearby = None
    if whole.total > result.total and (params.q or params.facets or params.day or params.period):
        wider = WiderSearch(catalogue + (f"?{links.query}" if links.query else ""), whole.total)
    close = whole.facet_counts.get("afstand", {}).get(NEARBY_KM, 0)
    if nearby_wanted and close:
        order = list(FACETS)
        facets = sorted((*params.facets, ("afstand", (NEARBY_KM,))), key=lambda facet: order.index(facet[0]))
        near = Links(replace(params, facets=tuple(facets), sort=NEAREST))
        nearby = WiderSearch(catalogue + f"?{near.query}", close)
    return wider, nearby


def _choose_school_url(request: HttpRequest, links: Links) -> str:
    """The school picker, returning to this search (its understood parameters only, never the raw input)."""
    here = request.path + (f"?{links.query}" if links.query else "")
    return reverse("my_school:choose") + "?" + urlencode({"next": here})


def _notices(result: SearchResult) -> list[str]:
    notices = []
    if result.params.ignored:
        names = ", ".join(result.params.ignored)  # parameter names from our own list, never the raw input
        notices.append(
            _("Some search settings in the address were not understood and have been left out: %(names)s.")
            % {"names": names}
        )
    if result.text.small_words and not result.text:
        notices.append(
            _(
                "The search words are all small words (like “og” and “i”) that the search leaves out, so all offers are shown."
            )
        )
    return notices


@dataclass
class AllHits:
    """A whole search result, up to a limit (``search_all``)."""

    result: SearchResult  # its ids are the first ``limit`` hits
    total: int  # every hit, also those past the limit
    query: str  # the understood parameters, urlencoded (a key for caches)
    active_filters: list[ActiveFilter]
    notices: list[str]

    @property
    def ids(self) -> list[int]:
        return self.result.ids

    @property
    def capped(self) -> bool:
        return self.total > len(self.result.ids)

    def offers(self, chunk: int = 500) -> Iterator[Offer]:
        """The offers in order, ``chunk`` at a time: one query per chunk, subjects, grades and SDGs loaded."""
        for start in range(0, len(self.ids), chunk):
            yield from replace(self.result, ids=self.ids[start : start + chunk]).offers()


def search_all(request: HttpRequest, base_queryset, *, limit: int) -> AllHits:
    """The search in ``request.GET`` over ``base_queryset``, its first ``limit`` hits in the page's order."""
    version = catalogue_version()
    reference = ReferenceData.for_version(version)
    params, _form = parse(request.GET, reference)
    params = replace(params, page="")
    result = run_search(
        params, Scope.of(base_queryset), reference=reference, version=version, facets=(), per_page=limit
    )
    links = Links(params)
    return AllHits(result, result.total, links.query, _active_filters(result, links), _notices(result))
