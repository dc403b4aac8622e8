"""The catalogue search itself, steps 2 and 3 of parse → query → count and fetch → present.

- **Query**: ``offers.search_words.TextQuery`` turns the words into a to_tsquery() expression (Danish
  stemming in PostgreSQL, stop words left out, irregular forms and day-care words added, the last word as
  a prefix, similar words for typos); ``Scope`` is the set of offers searched; ``FACET_SQL`` says how each facet filters
  and what it counts, ``SORT_SQL`` how each order sorts.
- **Count and fetch**: ``run_search()`` answers with ONE query that selects the hits once (GIN index on
  the search vector) and from them the ids of the page, the total and the count of every facet choice
  (one pass over the facet values kept on each offer row, offers migration 0007); the same query looks up
  similar words only when the words find few offers, and counts the offers without the words only when it
  finds none. When there are similar words, one more query asks the words with them. Results are cached
  under the catalogue version, which every write to the catalogue advances, so an edit shows at once.
- **Without words** the whole catalogue's counts are kept by triggers (offers_facetcount per facet value,
  offers_placecount per learning place, migrations 0007 and 0014) and a covering index holds the published
  offers' facet values (migration 0014): one facet chosen, a distance band, "transport covered" or "ledige
  datoer" alone narrow the hits and take their own counts from there; a date filter alone keeps most
  offers, and so do words most offers contain ("klasse"), so the offers they leave out are counted and
  subtracted (_count_misses()).

Adding a facet (e.g. a distance from a chosen school in km bands) takes an entry in ``FACET_SQL`` (the SQL
of its row values and of its condition, with parameters), its choices in ``offers.filters.ReferenceData``
and its label in ``offers.filters.FACETS``; a new order (e.g. "nærmest først") an entry in ``SORT_SQL``.
offers/search.py presents a SearchResult as a page, offers/api.py as JSON.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone

from municipalities.geo import Point
from offers.distance import NO_TRAVEL_FORMATS, place_distances
from offers.filters import DEFAULT_SORT, DISTANCES_KM, FACETS, NEAREST, ReferenceData, SearchParams
from offers.folding import fold
from offers.models import Occurrence, Offer
from offers.search_words import (
    SIMILAR_ORDER,
    TextQuery,
    choose_similar,
    corrigible_tokens,
    phrases,
    similar_sql,
)

FEW_HITS = 3  # fewer full-text hits than this: also look for similar words (typos)
CACHE_SECONDS = 300  # bounds how long a result can be stale if a reader races a writer's commit


# --- Where to look, how to filter, count and sort ---------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """The offers a search looks in, as an SQL condition on the offer ``o``: every published offer, or the
    published offers of a base queryset (a municipal site's selection), used as a set of ids."""

    sql: str
    params: tuple = ()
    narrowed: bool = False  # a part of the published catalogue only

    @classmethod
    def whole(cls) -> Scope:
        return cls("o.status = 'published'")

    @classmethod
    def of(cls, base_queryset: QuerySet) -> Scope:
        sql, params = base_queryset.order_by().values("pk").query.sql_with_params()
        if (sql, params) == _published_ids():
            return cls.whole()
        return cls(f"o.status = 'published' AND o.id IN ({sql})", tuple(params), narrowed=True)

    @property
    def key(self) -> str:
        return f"{self.sql}\0{self.params!r}"


def _published_ids() -> tuple[str, tuple]:
    if not _PUBLISHED:
        _PUBLISHED.append(Offer.objects.published().order_by().values("pk").query.sql_with_params())
    return _PUBLISHED[0]


_PUBLISHED: list = []


@dataclass(frozen=True)
class FacetSql:
    """How one facet reads an offer ``o``: ``values`` is the SQL of its value(s) on the row (an integer
    array when ``array``) with ``values_args(params)`` as its parameters; ``where(selected, params)`` gives
    the condition that keeps the chosen values (``condition`` when it is not "the row's value is one of the
    chosen"). Facets of reference data (``by_id``) count and filter by id. ``stored``: offers_facetcount
    keeps the counts of its values (offers migration 0007); a facet that depends on the search (a distance
    from a chosen school) is not stored and is always counted over the hits."""

    values: str
    array: bool = False
    by_id: bool = False
    values_args: Callable[[SearchParams], list] = lambda params: []
    condition: Callable[[list, SearchParams], tuple[str, list]] | None = None
    stored: bool = True
    needs_origin: bool = False  # counted only when a school is chosen (it reads the join _joins() adds)
    cumulative: bool = False  # its values are nested bands: a count includes the counts of the smaller ones
    # A yes-or-no facet whose condition depends on the search (value '1' when the condition holds).
    flag: Callable[[SearchParams], tuple[str, list]] | None = None
    # A flag's count in the whole catalogue when the search already knows it (None: count it).
    whole_count: Callable[[SearchParams], int | None] = lambda params: None

    def counted_in_whole(self, params: SearchParams) -> bool:
        """Whether the whole catalogue's counts of its values are known without a pass over the offers:
        stored (offers_facetcount), per learning place from a chosen school (offers_placecount), or known
        to the search (whole_count)."""
        return self.stored or self.needs_origin or self.whole_count(params) is not None

    def column(self, params: SearchParams) -> tuple[str, list]:
        """The SQL of the row's value(s) and its parameters."""
        if self.flag:
            sql, args = self.flag(params)
            return f"CASE WHEN {sql} THEN '1' END", args
        return self.values, self.values_args(params)

    def where(self, selected: list, params: SearchParams) -> tuple[str, list]:
        if self.flag:
            return self.flag(params)
        if self.condition:
            return self.condition(selected, params)
        if self.array:
            return f"{self.values} && %s::integer[]", [*self.values_args(params), selected]
        return f"{self.values} = ANY(%s)", [*self.values_args(params), selected]


# --- From a chosen school (params.origin): each place's distance is joined once (_joins) as d.km.
NO_TRAVEL_SQL = "o.format IN (" + ", ".join(f"'{value}'" for value in NO_TRAVEL_FORMATS) + ")"
# Offers that need no travel (outreach, online, material) are 0 km away, as on the cards: never far.
DISTANCE_SQL = f"CASE WHEN {NO_TRAVEL_SQL} THEN 0.0 ELSE d.km END"
DISTANCE_BANDS_SQL = (
    "CASE " + " ".join(f"WHEN {DISTANCE_SQL} <= {km} THEN '{km}'" for km in DISTANCES_KM) + " END"
)


def _joins(params: SearchParams) -> tuple[str, list]:
    """The join the distance facet and order read (d.km), when a school is chosen."""
    if params.origin is None:
        return "", []
    point = Point(params.origin.latitude, params.origin.longitude)
    sql, args = _places_sql(point)
    return f" LEFT JOIN ({sql}) d ON d.id = o.provider_id", list(args)


@functools.lru_cache(maxsize=256)
def _places_sql(point: Point) -> tuple[str, tuple]:
    """Every learning place's id and distance ``km`` from ``point`` (offers.distance.place_distances) as
    SQL, compiled once per point: the ORM takes milliseconds to compile it, and a teacher searches from her
    school again and again."""
    sql, args = place_distances(point).query.sql_with_params()
    return sql, tuple(args)


def _within(selected: list, params: SearchParams) -> tuple[str, list]:
    """Within the largest chosen distance; a place of unknown location is within none (false, not NULL:
    the filters' flags are counted by their truth)."""
    return f"COALESCE({DISTANCE_SQL} <= %s, false)", [max(float(km) for km in selected)]


def _covered(params: SearchParams) -> tuple[str, list]:
    """Offers the chosen school's municipality's transport support covers: the rules of
    OfferQuerySet.covered_by_transport() (tests/test_catalogue_distance.py holds them equal) on the offer's
    facet columns and the joined distance, so that no second pass over the offers is needed."""
    rules = params.origin.transport if params.origin else None
    if rules is None:
        return "false", []
    offer, args = _covered_offer(params)
    conditions = [f"NOT {NO_TRAVEL_SQL}", offer]
    if rules.max_km is not None:  # a place of unknown location is not covered
        conditions.append(f"COALESCE({DISTANCE_SQL} <= %s, false)")
        args.append(float(rules.max_km))
    return "(" + " AND ".join(conditions) + ")", args


def _covered_offer(params: SearchParams) -> tuple[str, list]:
    """The transport rules that read the offer only (its municipality and grade levels), not the distance."""
    rules = params.origin.transport
    conditions, args = ["true"], []
    if rules.municipality_id is not None:
        conditions.append("o.facet_municipality = %s")
        args.append(rules.municipality_id)
    if rules.grade_ids:  # an offer without grade levels is for anyone
        conditions.append("(cardinality(o.facet_grades) = 0 OR o.facet_grades && %s::integer[])")
        args.append(list(rules.grade_ids))
    return "(" + " AND ".join(conditions) + ")", args


def _from_school_counts(params: SearchParams, scope: Scope, names: list[str]) -> tuple[str, list]:
    """The distance bands and "transport covered" of every published offer (the whole catalogue, no other
    filter), as rows of part 7. The bands: the published offers per learning place and need of travel
    (offers_placecount, kept by a trigger, offers migration 0014) with each place's distance, computed once
    per place. Transport: the offers that need travel and meet the rules on the offer (municipality, grade
    levels) at the places within the distance the rules allow. The same rules as DISTANCE_BANDS_SQL and
    _covered()."""
    assert not scope.narrowed, "offers_placecount counts the whole catalogue"
    point = Point(params.origin.latitude, params.origin.longitude)
    places, place_args = _places_sql(point)
    parts, args = [], []
    if "afstand" in names:
        distance = "CASE WHEN c.no_travel THEN 0.0 ELSE d.km END"
        bands = "CASE " + " ".join(f"WHEN {distance} <= {km} THEN '{km}'" for km in DISTANCES_KM) + " END"
        parts.append(
            f"SELECT 7, 'afstand', band, sum(n)::bigint, NULL FROM (SELECT {bands} AS band, c.offers AS n "
            f"FROM offers_placecount c LEFT JOIN ({places}) d ON d.id = c.provider_id) s GROUP BY band"
        )
        args += place_args
    if "transport" in names:
        rules = params.origin.transport
        if rules is None:
            parts.append("SELECT 7, 'transport', '1', 0::bigint, NULL")
        else:
            offer, offer_args = _covered_offer(params)
            where, where_args = (
                f"{scope.sql} AND NOT {NO_TRAVEL_SQL} AND {offer}",
                [*scope.params, *offer_args],
            )
            if rules.max_km is not None:  # a place of unknown location is not covered
                # "OR false" keeps the IN a subplan, which PostgreSQL computes once and hashes; pulled up
                # into a join, the planner computed each place's distance again per offer (31 ms, not 18).
                where += f" AND (o.provider_id IN (SELECT p.id FROM ({places}) p WHERE p.km <= %s) OR false)"
                where_args += [*place_args, float(rules.max_km)]
            parts.append(f"SELECT 7, 'transport', '1', count(*), NULL FROM offers_offer o WHERE {where}")
            args += where_args
    return "\nUNION ALL ".join(parts), args


# --- Dated visits (Occurrence): what "free" means is Occurrence.free_condition, measured at params.now.


def _free_dates(params: SearchParams, first=None, last=None) -> tuple[str, list]:
    """Offers with a free date that takes place (in part) from ``first`` to ``last`` (either open): the
    offers of those dates, looked up once per query on the open dates' index (PostgreSQL hashes them)."""
    dates = Occurrence.objects.free(params.now).order_by()
    if first or last:
        dates = dates.in_period(first, last)
    sql, args = dates.values("offer_id").query.sql_with_params()
    return f"o.id IN ({sql})", list(args)


def _has_free_dates(params: SearchParams) -> tuple[str, list]:
    """The "ledige datoer" facet: offers with upcoming free dates, from the ids looked up for this search
    when it has them, else by _free_dates()."""
    if params.free_ids is None:
        return _free_dates(params)
    return _among(params.free_ids)


def _among(ids: tuple[int, ...]) -> tuple[str, list]:
    """The offer is one of ``ids`` (PostgreSQL hashes them once per query)."""
    return "o.id IN (SELECT unnest(%s::integer[]))", [_array_literal(ids)]


@functools.lru_cache(maxsize=8)
def _array_literal(ids: tuple[int, ...]) -> str:
    """``ids`` as PostgreSQL's text form of an array, made once per set of ids: psycopg would convert
    thousands of ids one by one in every query that uses them."""
    return "{" + ",".join(map(str, ids)) + "}"


def free_offer_ids(version: int, now: datetime.datetime) -> tuple[int, ...]:
    """The ids of the published offers with upcoming free dates (one query over the open dates' index),
    kept for CACHE_SECONDS under the catalogue version (writes to dates advance it) and the day (deadlines
    end with it): the facet "ledige datoer" then costs a hash lookup per hit instead of a look at its dates,
    and its count in the whole catalogue is the number of ids."""

    def compute() -> tuple[int, ...]:
        dates = Occurrence.objects.free(now).filter(offer__status=Offer.Status.PUBLISHED).order_by()
        return tuple(dates.values_list("offer_id", flat=True).distinct())

    return _cached(f"offers.free_offer_ids.{timezone.localdate(now).isoformat()}", version, compute)


def dated_offer_ids(version: int) -> tuple[int, ...]:
    """The ids of the offers with dates of any kind (past, cancelled), per catalogue version: the date
    filters take every other offer as booked on request."""
    return _cached(
        "offers.dated_offer_ids",
        version,
        lambda: tuple(Occurrence.objects.order_by().values_list("offer_id", flat=True).distinct()),
    )


def _on_request(params: SearchParams, first: datetime.date, last: datetime.date | None) -> tuple[str, list]:
    """Offers without dates (booked on request) whose season (available_from/to) meets the period."""
    dated, args = _among(params.dated_ids)
    season = ["(o.available_to IS NULL OR o.available_to >= %s)"]
    args.append(first)
    if last:
        season.append("(o.available_from IS NULL OR o.available_from <= %s)")
        args.append(last)
    return f"(NOT {dated} AND {' AND '.join(season)})", args


def dates_condition(params: SearchParams, first, last) -> tuple[str, list]:
    """The date filters (``dato``: one day; ``fra``/``til``: a period): offers with a free date then, and
    offers without any dates (bookable on request) whose season includes the period."""
    first = first or timezone.localdate(params.now)
    free, free_args = _free_dates(params, first, last)
    request, request_args = _on_request(params, first, last)
    return f"({free} OR {request})", [*free_args, *request_args]


FACET_SQL: dict[str, FacetSql] = {
    "fag": FacetSql("o.facet_subjects", array=True, by_id=True),
    "klassetrin": FacetSql("o.facet_grades", array=True, by_id=True),
    "afstand": FacetSql(
        DISTANCE_BANDS_SQL, condition=_within, stored=False, needs_origin=True, cumulative=True
    ),
    "transport": FacetSql("", flag=_covered, stored=False, needs_origin=True),
    "gratis": FacetSql(
        "CASE WHEN o.price_dkk = 0 THEN '1' END", condition=lambda selected, params: ("o.price_dkk = 0", [])
    ),
    "ledige": FacetSql(
        "",
        flag=_has_free_dates,
        stored=False,
        whole_count=lambda params: None if params.free_ids is None else len(params.free_ids),
    ),
    "format": FacetSql("o.format"),
    "region": FacetSql("o.facet_region", by_id=True),
    "kommune": FacetSql("o.facet_municipality", by_id=True),
    "udbyder": FacetSql("o.facet_kind"),
    "verdensmaal": FacetSql("o.facet_sdgs", array=True, by_id=True),
}


@dataclass(frozen=True)
class SortSql:
    """One order of the results: ``order`` sorts the hits, which carry ``o.id`` as id, ``o.created`` as
    created and ``column`` (SQL over the offer ``o``, with ``column_args(params)``) as sort_key."""

    order: str
    column: str = "NULL"
    column_args: Callable[[SearchParams], list] = lambda params: []


SORT_SQL: dict[str, SortSql] = {
    DEFAULT_SORT: SortSql("created DESC, id DESC"),  # with words: by rank, see _hits_sql()
    "nyeste": SortSql("created DESC, id DESC"),
    "titel": SortSql('sort_key COLLATE "C", id', "o.title_sort"),
    # Needs a chosen school (filters.parse() drops it without one); places of unknown location last, and
    # among offers as far away (those that need no travel are all 0 km) the newest first.
    NEAREST: SortSql("sort_key NULLS LAST, created DESC, id DESC", DISTANCE_SQL),
}
RANK_ORDER = "rank DESC, created DESC, id DESC"
EVERYTHING = (
    "(SELECT sum(offers) FROM offers_facetcount WHERE facet = '')"  # published offers (migration 0007)
)


@dataclass(frozen=True)
class Counted:
    """What one query returns: the ids of the page, the total, the counts per facet value (by id or
    value), per active filter how many offers the search would find without it, and the counts of other
    phrases."""

    ids: list[int]
    total: int
    facets: dict[str, dict[str, int]]
    without: dict[str, int]
    phrases: list[int] = field(default_factory=list)
    similar: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # see search_words.choose_similar
    bare: int | None = None  # found without the words (only asked when nothing is found)


def _hits_sql(
    text: TextQuery | None,
    params: SearchParams,
    scope: Scope,
    reference: ReferenceData,
    *,
    facets: Iterable[str] = (),
    rank: Iterable[str] = (),
    required: Iterable[str] = (),
    marks: Iterable[TextQuery] = (),
) -> tuple[str, list, list[str]]:
    """The hits of a search as SQL: the offers in the scope that match the words and the ``required``
    facets, with the values of ``facets``, a rank (the sum of ts_rank() by each to_tsquery() expression
    of ``rank``), whether they match each of
    ``marks`` (as m_<i>), and per other active filter (facets and date) whether they pass it, as f_<name>. Offers that fail two of those filters or more
    count for nothing and are left out; those that fail one count for that filter's facet and for "without
    this filter"."""
    sort = SORT_SQL[params.sort]
    columns = ["o.id", "o.created", f"{sort.column} AS sort_key"]
    args = sort.column_args(params)
    ranks = list(rank)
    if ranks:
        columns.append(
            " + ".join(["ts_rank(o.search_vector, to_tsquery('danish', %s))"] * len(ranks)) + " AS rank"
        )
        args += ranks
    for name in facets:
        values, values_args = FACET_SQL[name].column(params)
        columns.append(f"{values} AS v_{name}")
        args += values_args
    for i, query in enumerate(marks):
        columns.append(f"o.search_vector @@ to_tsquery('danish', %s) AS m_{i}")
        args.append(query.tsquery())
    conditions, condition_args, flags = [scope.sql], list(scope.params), []
    for name, values in params.facets:
        selected = reference.ids(name, values) if FACET_SQL[name].by_id else list(values)
        sql, sql_args = FACET_SQL[name].where(selected, params)
        if name in required:
            conditions.append(sql)
            condition_args += sql_args
        else:
            flags.append((name, sql, sql_args))
    if params.day:
        flags.append(("dato", *dates_condition(params, params.day, params.day)))
    if params.period:
        flags.append(("fra", *dates_condition(params, params.first, params.last)))
    for name, sql, flag_args in flags:
        columns.append(f"({sql}) AS f_{name}")
        args += flag_args
    if text:
        conditions.append("o.search_vector @@ to_tsquery('danish', %s)")
        condition_args.append(text.tsquery())
    joins, join_args = _joins(params)
    sql = f"SELECT {', '.join(columns)} FROM offers_offer o{joins} WHERE {' AND '.join(conditions)}"
    args += join_args + condition_args
    if len(flags) > 1:
        misses = " + ".join(f"(NOT f_{name})::integer" for name, _sql, _args in flags)
        sql = f"SELECT * FROM ({sql}) h WHERE {misses} <= 1"
    return sql, args, [name for name, _sql, _args in flags]


def _case(cases: list[tuple[str, str]], otherwise: str) -> str:
    if not cases:
        return otherwise
    return "CASE " + " ".join(f"WHEN {when} THEN {then}" for when, then in cases) + f" ELSE {otherwise} END"


def _column(name: str) -> str:
    return "missed" if name == "missed" else f"v_{name}"


def _all(flags: Iterable[str], but: str = "") -> str:
    return " AND ".join(f"f_{name}" for name in flags if name != but) or "true"


def count_and_fetch(
    text: TextQuery | None,
    params: SearchParams,
    scope: Scope,
    reference: ReferenceData,
    *,
    facets: list[str],
    offset: int,
    limit: int,
    rank: Iterable[str] = (),
    phrases: Iterable[TextQuery] = (),
    similar_to: list[str] = (),
    bare: bool = False,
) -> Counted:
    """The page's ids, the total and the facet counts of a search in one query (see the module docstring);
    with ``rank`` (to_tsquery() expressions, see _ranks()) the best match first. A page past the end
    gives the last page's ids.

    Without words and date in the whole catalogue, the counts of every offer come from offers_facetcount:
    with no facet chosen all of them, with one facet chosen that facet's own (its other choices are
    counted without it); the hits are then only the offers that have the chosen value.

    The same query answers what a search with few hits needs next, only when it needs it: with
    ``similar_to`` (typed words) the candidates of similar words (offers.search_words.SIMILAR_SQL) when
    fewer than FEW_HITS offers are found; with ``bare`` how many the search finds without its words when it
    finds none (and no similar words are candidates)."""
    rank = list(rank) if params.sort == DEFAULT_SORT else []
    if not phrases and _counts_by_complement(text, params, scope, reference, facets):
        window = {"facets": facets, "offset": offset, "limit": limit, "rank": rank}
        counted = _count_misses(text, params, scope, reference, **window)
        if counted.total >= FEW_HITS or not text:  # (else the words need what follows: similar words, ...)
            return counted
    chosen = [name for name, _values in params.facets]
    whole = (
        not text
        and not scope.narrowed
        and not params.day
        and not params.period
        and len(chosen) <= 1
        and all(FACET_SQL[name].counted_in_whole(params) for name in chosen)
    )
    from_table = [name for name in facets if whole and FACET_SQL[name].stored and chosen in ([], [name])]
    # Yes-or-no facets that depend on the search (free dates, transport covered) in the whole catalogue
    # without filters, or chosen alone: counted straight from the offers (or known: the offers with free
    # dates), so that the page can still read its hits by an index.
    # The distance bands and transport from a chosen school, likewise: grouped by learning place first.
    # With one of them chosen alone, its own counts too (the others are counted over its hits).
    from_school = [
        name for name in facets if whole and chosen in ([], [name]) and FACET_SQL[name].needs_origin
    ]
    direct = [name for name in facets if whole and chosen in ([], [name]) and FACET_SQL[name].flag]
    direct = [name for name in direct if name not in from_school]
    counted = [name for name in facets if name not in (*from_table, *direct, *from_school)]
    phrases = list(phrases)
    hits, args, flags = _hits_sql(
        text,
        params,
        scope,
        reference,
        facets=counted,
        rank=rank,
        required=chosen if whole else (),
        marks=phrases,
    )
    order = RANK_ORDER if rank else SORT_SQL[params.sort].order
    page = f"SELECT id FROM hits WHERE {_all(flags)} ORDER BY {order} LIMIT %s OFFSET %s"
    part_args = [limit, offset]
    if offset:  # past the end: the last page
        total = EVERYTHING if whole and not chosen else f"(SELECT count(*) FROM hits WHERE {_all(flags)})"
        page = page.replace("OFFSET %s", f"OFFSET LEAST(%s, GREATEST({total} - 1, 0) / %s * %s)")
        part_args += [limit, limit]
    parts = [f"SELECT 0 AS part, '' AS facet, '' AS value, 0::bigint AS n, ARRAY({page}) AS ids"]
    scalars = []
    for name in counted:
        if FACET_SQL[name].array:
            parts.append(
                f"SELECT 1, '{name}', x::text, count(*), NULL "
                f"FROM (SELECT unnest(v_{name}) AS x FROM hits WHERE {_all(flags, but=name)}) s GROUP BY x"
            )
        else:
            scalars.append(name)
    if scalars or not (whole and not chosen):
        # The other facets, the total and how many fail each filter alone: one pass, one group per facet.
        missed = _case([(f"NOT f_{name}", f"'{name}'") for name in flags], "''")
        sets = [*scalars, "missed"]
        facet = _case([(f"GROUPING({_column(name)}) = 0", f"'{name}'") for name in scalars], "''")
        count = _case(
            [
                (f"GROUPING({_column(name)}) = 0", f"count(*) FILTER (WHERE {_all(flags, but=name)})")
                for name in scalars
            ],
            "count(*)",
        )
        value = f"coalesce({', '.join(f'{_column(name)}::text' for name in sets)})"
        parts.append(
            f"SELECT 2, {facet}, {value}, {count}, NULL FROM (SELECT *, {missed} AS missed FROM hits) h "
            f"GROUP BY GROUPING SETS ({', '.join(f'({_column(name)})' for name in sets)})"
        )
    if whole:
        parts.append("SELECT 4, facet, value, offers, NULL FROM offers_facetcount WHERE facet = ANY(%s)")
        part_args.append([*from_table, ""])
    for name in direct:  # counted straight from the offers (see above), unless the search knows the number
        if (known := FACET_SQL[name].whole_count(params)) is not None:
            parts.append(f"SELECT 7, '{name}', '1', %s::bigint, NULL")
            part_args.append(known)
            continue
        condition, condition_args = FACET_SQL[name].flag(params)
        joins, join_args = _joins(params) if FACET_SQL[name].needs_origin else ("", [])
        parts.append(
            f"SELECT 7, '{name}', '1', count(*), NULL FROM offers_offer o{joins} "
            f"WHERE {scope.sql} AND {condition}"
        )
        part_args += [*join_args, *scope.params, *condition_args]
    if from_school:
        school_sql, school_args = _from_school_counts(params, scope, from_school)
        parts.append(school_sql)
        part_args += school_args
    if phrases:  # each phrase finds a part of the hits (its words are among their alternatives)
        counts = ", ".join(f"count(*) FILTER (WHERE m_{i} AND {_all(flags)})" for i in range(len(phrases)))
        parts.append(f"SELECT 3, '', '', 0, ARRAY[{counts}] FROM hits")
    # Only the page reads the hits of the whole catalogue: let PostgreSQL read them by an index.
    only_page = len(parts) == 2 + len(direct) + bool(from_school)
    materialized = "NOT MATERIALIZED" if only_page and whole and not chosen else "MATERIALIZED"
    ctes = [f"hits AS {materialized} ({hits})"]
    none_found = f"NOT EXISTS (SELECT FROM hits WHERE {_all(flags)})"
    if similar_to:  # looked up only when the words find few offers (a one-time filter)
        similar, similar_args = similar_sql(list(similar_to))
        few = f"(SELECT count(*) FROM (SELECT FROM hits WHERE {_all(flags)} LIMIT %s) f) < %s"
        ctes.append(f"candidates AS MATERIALIZED (SELECT * FROM ({similar}) c WHERE {few})")
        args += [*similar_args, FEW_HITS, FEW_HITS]
        parts.append(
            "SELECT 5, '', json_agg(json_build_array(token, word, folded, similarity) "
            f"ORDER BY {SIMILAR_ORDER})::text, 0, NULL FROM candidates"
        )
        # ... and when no similar word may widen the search: a typed word with candidates is no typo if
        # one of them is the word itself (as offers.search_words.choose_similar() decides).
        none_found += (
            " AND NOT EXISTS (SELECT FROM candidates c WHERE NOT EXISTS "
            "(SELECT FROM candidates k WHERE k.token = c.token AND k.folded = k.token))"
        )
    if bare and not (scope.narrowed or params.day or params.period or chosen):  # every published offer
        parts.append(f"SELECT 6, '', '', {EVERYTHING}, NULL WHERE {none_found}")
    elif bare:
        without, without_args, without_flags = _hits_sql(None, params, scope, reference)
        parts.append(
            f"SELECT 6, '', '', (SELECT count(*) FROM ({without}) b WHERE {_all(without_flags)}), NULL "
            f"WHERE {none_found}"
        )
        part_args += without_args
    sql = f"WITH {', '.join(ctes)}\n" + "\nUNION ALL ".join(parts)
    with connection.cursor() as cursor:
        cursor.execute(sql, args + part_args)
        rows = cursor.fetchall()
    ids, counts, missed_counts, phrase_counts = [], {name: {} for name in facets}, {}, []
    everything, candidates, bare_total = 0, [], None
    for part, facet, value, n, numbers in rows:
        if part == 0:
            ids = numbers
        elif part in (1, 7) or (part in (2, 4) and facet):
            if value is not None:
                counts[facet][value] = n
        elif part == 2:
            missed_counts[value] = n
        elif part == 4:
            everything = n
        elif part == 5:
            candidates = json.loads(value) if value else []
        elif part == 6:
            bare_total = n
        else:
            phrase_counts = numbers
    total = everything if whole and not chosen else missed_counts.pop("", 0)
    without = {name: total + n for name, n in missed_counts.items()}
    without.update({name: everything for name in chosen if whole})
    return Counted(
        ids=ids,
        total=total,
        facets={name: _by_value(name, values, reference) for name, values in counts.items()},
        without=without,
        phrases=phrase_counts,
        similar=choose_similar(candidates) if total < FEW_HITS else {},
        bare=bare_total,
    )


def _counts_by_complement(
    text, params: SearchParams, scope: Scope, reference: ReferenceData, facets: list[str]
) -> bool:
    """Searches in the whole catalogue that keep most offers: a date filter alone (``dato`` or
    ``fra``/``til``, no words, no facet chosen: the offers without dates whose season fits stay), or words
    alone that most offers contain ("klasse"; _mostly_matching()). Their pages count the few offers they
    leave out instead, and take them from the whole catalogue's counts (_count_misses())."""
    if (
        scope.narrowed
        or params.facets
        or not all(FACET_SQL[name].counted_in_whole(params) for name in facets)
    ):
        return False
    if text:
        return (
            not params.day
            and not params.period
            and reference.published >= MOSTLY_FROM
            and _mostly_matching(text, reference)
        )
    return bool(params.day) != params.period


MOSTLY_FROM = 1000  # words are counted by what they leave out in a catalogue of this many offers or more


def _mostly_matching(text: TextQuery, reference: ReferenceData) -> bool:
    """Whether one search word certainly matches most offers: a word of the vocabulary that more than half
    of the published offers use begins with it (ReferenceData.common_words), so that its prefix search
    finds at least those. Decided without a query; words it misses are merely counted the ordinary way."""
    return len(text.terms) == 1 and any(
        word.startswith(alternative) for alternative in text.terms[0] for word in reference.common_words
    )


def _count_misses(
    text: TextQuery | None,
    params: SearchParams,
    scope: Scope,
    reference: ReferenceData,
    *,
    facets: list[str],
    offset: int,
    limit: int,
    rank: list[str],
) -> Counted:
    """count_and_fetch() for a search that keeps most of the whole catalogue (_counts_by_complement()):
    the offers it leaves out ("misses") are counted per facet value and subtracted from the whole
    catalogue's counts (offers_facetcount, the known number of offers with free dates, and the distance
    bands and transport per learning place). A date filter's misses are one pass over the covering index,
    and its page is the newest (or first by title) offers that are not among them, read by an index; the
    words' hits are read once by their index, ranked, and the page taken from them, and the misses are the
    other offers, from the covering index."""
    every, args, flags = _hits_sql(None, params, scope, reference, facets=facets)
    sort = SORT_SQL[params.sort]
    total = f"({EVERYTHING} - (SELECT count(*) FROM misses))"
    window = f"LIMIT %s OFFSET LEAST(%s, GREATEST({total} - 1, 0) / %s * %s)"
    if text:
        found, found_args, _flags = _hits_sql(text, params, scope, reference, rank=rank)
        ctes = f"found AS MATERIALIZED ({found}), misses AS MATERIALIZED "
        ctes += f"(SELECT * FROM ({every}) h WHERE id NOT IN (SELECT id FROM found))"
        args = [*found_args, *args]
        page = f"SELECT id FROM found ORDER BY {RANK_ORDER if rank else sort.order} {window}"
        page_args = [limit, offset, limit, limit]
    else:
        (flag,) = flags
        ctes = f"misses AS MATERIALIZED (SELECT * FROM ({every}) h WHERE NOT f_{flag})"
        joins, join_args = _joins(params) if params.sort == NEAREST else ("", [])
        page = (
            f"SELECT id FROM (SELECT o.id, o.created, {sort.column} AS sort_key FROM offers_offer o{joins} "
            f"WHERE {scope.sql}) p WHERE id NOT IN (SELECT id FROM misses) ORDER BY {sort.order} {window}"
        )
        page_args = [*sort.column_args(params), *join_args, *scope.params, limit, offset, limit, limit]
    parts = [f"SELECT 0 AS part, '' AS facet, '' AS value, 0::bigint AS n, ARRAY({page}) AS ids"]
    arrays = [name for name in facets if FACET_SQL[name].array]
    scalars = [name for name in facets if not FACET_SQL[name].array]
    for name in arrays:
        parts.append(
            f"SELECT 1, '{name}', x::text, count(*), NULL FROM (SELECT unnest(v_{name}) AS x FROM misses) s "
            "GROUP BY x"
        )
    facet = _case([(f"GROUPING(v_{name}) = 0", f"'{name}'") for name in scalars], "''")
    value = "coalesce(" + ", ".join([*(f"v_{name}::text" for name in scalars), "''"]) + ")"
    sets = ", ".join([*(f"(v_{name})" for name in scalars), "()"])
    parts.append(f"SELECT 2, {facet}, {value}, count(*), NULL FROM misses GROUP BY GROUPING SETS ({sets})")
    parts.append("SELECT 4, facet, value, offers, NULL FROM offers_facetcount WHERE facet = ANY(%s)")
    part_args = [[*(name for name in facets if FACET_SQL[name].stored), ""]]
    from_school = [name for name in facets if FACET_SQL[name].needs_origin]
    if from_school:
        school_sql, school_args = _from_school_counts(params, scope, from_school)
        parts.append(school_sql)
        part_args += school_args
    sql = f"WITH {ctes}\n" + "\nUNION ALL ".join(parts)
    with connection.cursor() as cursor:
        cursor.execute(sql, args + page_args + part_args)
        rows = cursor.fetchall()
    whole = {name: {} for name in facets}
    missed = {name: {} for name in facets}
    ids, everything, misses = [], 0, 0
    for part, name, value, n, numbers in rows:
        if part == 0:
            ids = numbers
        elif part == 2 and not name:
            misses = n
        elif part == 4 and not name:
            everything = n
        elif part in (1, 2) and value is not None:
            missed[name][value] = n
        elif part in (4, 7) and value is not None:
            whole[name][value] = n
    for name in facets:
        if (known := FACET_SQL[name].whole_count(params)) is not None:
            whole[name] = {"1": known}
    counts = {
        name: {value: n - missed[name].get(value, 0) for value, n in whole[name].items()} for name in facets
    }
    return Counted(
        ids=ids,
        total=everything - misses,
        facets={name: _by_value(name, values, reference) for name, values in counts.items()},
        without={flag: everything for flag in flags},
    )


def count_without_words(params: SearchParams, scope: Scope, reference: ReferenceData) -> int:
    """How many offers the search would find without its words (one query)."""
    hits, args, flags = _hits_sql(None, params, scope, reference)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM ({hits}) h WHERE {_all(flags)}", args)
        return cursor.fetchone()[0]


def _by_value(name: str, counts: dict[str, int], reference: ReferenceData) -> dict[str, int]:
    """Counts keyed by parameter value (slug, code, number) instead of database id."""
    if FACET_SQL[name].cumulative:  # nested bands: within 10 km includes within 5 km
        total, nested = 0, {}
        for choice in reference.choices[name]:
            total += counts.get(choice.value, 0)
            nested[choice.value] = total
        return nested
    if not FACET_SQL[name].by_id:
        return counts
    known = reference.by_id.get(name, {})
    return {known[int(pk)].value: n for pk, n in counts.items() if int(pk) in known}


# --- The search -------------------------------------------------------------------------------------------


def catalogue_version() -> int:
    """A number that changes with every write to offers, their links, learning places, municipal sites
    or the vocabularies (a sequence advanced by statement triggers; offers migrations 0006 and 0007)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT last_value FROM offers_catalogue_version")
        return cursor.fetchone()[0]


@dataclass
class SearchResult:
    params: SearchParams
    reference: ReferenceData
    scope: Scope
    text: TextQuery  # the words as typed (without similar words)
    total: int
    page_number: int
    pages: int
    per_page: int
    ids: list[int]
    facet_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    similar: list[str] = field(default_factory=list)
    suggestions: list[tuple[str, int]] = field(default_factory=list)
    counts_without: dict[str, int] = field(default_factory=dict)

    def offers(self) -> list[Offer]:
        """The offers of the page, in order, ready for cards: one query, their subjects, grades and SDGs
        taken from the facet ids on each row and the reference data (as prefetch_related() would)."""
        if not self.ids:
            return []
        found = {
            offer.pk: offer
            for offer in Offer.objects.filter(pk__in=self.ids)
            .select_related("provider__municipality")
            .defer("search_vector")
        }
        offers = [found[pk] for pk in self.ids if pk in found]
        for offer in offers:
            for relation, ids in (
                ("subjects", offer.facet_subjects),
                ("grades", offer.facet_grades),
                ("sdgs", offer.facet_sdgs),
            ):
                known = self.reference.vocabularies[relation]  # id -> (position in model order, object)
                _known_related(
                    offer, relation, [obj for _i, obj in sorted(known[pk] for pk in ids if pk in known)]
                )
        return offers


def _known_related(offer: Offer, relation: str, objects: list) -> None:
    """Give ``offer.<relation>.all()`` the ``objects`` without a query, as prefetch_related() does (the
    cache of a forward many-to-many relation is keyed by its field name)."""
    queryset = getattr(offer, relation).all()
    queryset._result_cache = objects
    queryset._prefetch_done = True
    offer.__dict__.setdefault("_prefetched_objects_cache", {})[relation] = queryset


PAST_THE_END = 10**9  # any page number beyond this is past the end too


class PageOutOfRange(Exception):
    """The page asked for does not exist (only raised with ``strict_page``)."""


def run_search(
    params: SearchParams,
    scope: Scope,
    *,
    reference: ReferenceData | None = None,
    version: int | None = None,
    facets: Iterable[str] = FACETS,
    per_page: int | None = None,
    strict_page: bool = False,
) -> SearchResult:
    """Count and fetch ``params`` in ``scope``. A page number past the end (or not a number) gives the last
    (first) page, as Django's Paginator.get_page() does, unless ``strict_page`` (then PageOutOfRange)."""
    version = catalogue_version() if version is None else version
    reference = reference or ReferenceData.for_version(version)
    facets = [
        name for name in FACETS if name in set(facets) and (params.origin or not FACET_SQL[name].needs_origin)
    ]
    per_page = per_page or settings.PORTAL_PAGE_SIZE
    number = _page_number(params.page, strict_page)
    typed = TextQuery.parse(params.q)
    if params.now is None:
        params = replace(params, now=timezone.now())
    if params.free_ids is None and ("ledige" in facets or params.selected("ledige")):
        params = replace(params, free_ids=free_offer_ids(version, params.now))
    if params.dated_ids is None and (params.day or params.period):
        params = replace(params, dated_ids=dated_offer_ids(version))
    # The same words (whatever small words or spelling around them) share their results. Which dates are
    # free changes with the day (deadlines) and the hour (starts): a cached result is at most CACHE_SECONDS
    # behind the clock, and never from another day.
    key = hashlib.sha256(
        repr(
            (
                scope.key,
                bool(params.q),
                typed.terms,
                params.facets,
                params.day,
                params.first,
                params.last,
                params.sort,
                params.origin,
                timezone.localdate(params.now),
                facets,
                per_page,
            )
        ).encode()
    ).hexdigest()

    found = _cached(
        f"offers.search.{key}.{number}",
        version,
        lambda: _search(typed, params, scope, reference, facets, per_page, number),
    )
    pages = max(1, -(-found["total"] // per_page))
    if number > pages:
        if strict_page:
            raise PageOutOfRange
        number = pages  # the query gave the last page's ids (count_and_fetch())
    return SearchResult(
        params=params,
        reference=reference,
        scope=scope,
        text=typed,
        total=found["total"],
        page_number=number,
        pages=pages,
        per_page=per_page,
        ids=found["ids"],
        facet_counts=found["facets"],
        similar=found["similar"],
        suggestions=found["suggestions"],
        counts_without=found["counts_without"],
    )


def _page_number(page: str, strict: bool) -> int:
    try:
        number = int(page or 1)
    except ValueError:
        if strict:
            raise PageOutOfRange from None
        return 1
    if number < 1:
        if strict:
            raise PageOutOfRange
        return PAST_THE_END  # Paginator.get_page(): a page below 1 is the last page
    return min(number, PAST_THE_END)


def _cached(key: str, version: int, compute):
    result = cache.get(key, version=version)
    if result is None:
        result = compute()
        cache.set(key, result, CACHE_SECONDS, version=version)
    return result


def _search(
    typed: TextQuery, params: SearchParams, scope: Scope, reference, facets, per_page, number
) -> dict:
    """At most two queries: the words as typed, with the candidates of similar words when they find few
    offers; then, if there are similar words, the words with them (see count_and_fetch())."""
    window = {"facets": facets, "offset": (number - 1) * per_page, "limit": per_page}
    plain = counted = count_and_fetch(
        typed or None,
        params,
        scope,
        reference,
        rank=_ranks(typed),
        similar_to=corrigible_tokens(typed.corrigible) if typed else [],
        bare=bool(typed),
        **window,
    )
    wider, similar, suggestions = counted, [], []
    found = plain.similar
    if found:
        # A similar word brings its own alternatives, so that every phrase finds a part of the hits.
        widened = typed.widened(
            {
                token: [alt for _w, f in pairs for term in TextQuery.parse(f).terms for alt in term]
                for token, pairs in found.items()
            }
        )
        corrected = phrases(typed.typed, found)
        wider = count_and_fetch(
            widened,
            params,
            scope,
            reference,
            rank=_ranks(widened, typed),
            phrases=[TextQuery.parse(p) for p in corrected],
            bare=plain.total == 0,
            **window,
        )
        if wider.total > counted.total:  # the similar words found more: use them
            counted = wider
            suggestions = sorted(
                ((p, n) for p, n in zip(corrected, wider.phrases, strict=True) if n), key=lambda s: -s[1]
            )
            similar = list(dict.fromkeys(w for pairs in found.values() for w, _f in pairs))
    counts_without = {}
    if counted.total == 0:
        for name in _active(params):
            if name == "q":
                counts_without[name] = _without_words(typed, plain, wider, params, scope, reference)
                continue
            as_typed = plain.without.get(name, plain.total)
            with_similar = wider.without.get(name, wider.total)
            use_similar = as_typed < FEW_HITS and with_similar > as_typed
            counts_without[name] = with_similar if use_similar else as_typed
    return {
        "total": counted.total,
        "ids": counted.ids,
        "facets": counted.facets,
        "similar": [w for w in similar if fold(w) not in typed.typed],
        "suggestions": suggestions,
        "counts_without": counts_without,
    }


def _without_words(typed, plain: Counted, wider: Counted, params, scope, reference) -> int:
    """How many offers the search finds without its words: counted by the query that found none, or, when
    a similar word seemed possible there but was not taken, by one more query."""
    if not typed:  # only small words: the search is already without words
        return plain.total
    bare = wider.bare if wider.bare is not None else plain.bare
    return bare if bare is not None else count_without_words(params, scope, reference)


def _ranks(text: TextQuery, typed: TextQuery | None = None) -> list[str]:
    """What relevance adds up: whole words weigh more than words that only begin alike, and words as typed
    more than similar words."""
    if not text:
        return []
    ranks = [text.tsquery(), text.tsquery(prefix=False)]
    return [*ranks, typed.tsquery()] if typed else ranks


def _active(params: SearchParams) -> list[str]:
    """The filters that narrow a search, in the order of the parameters (the words first)."""
    names = ["q"] if params.q else []
    names += [name for name, _values in params.facets]
    return names + (["dato"] if params.day else []) + (["fra"] if params.period else [])
