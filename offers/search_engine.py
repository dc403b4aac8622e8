"""The catalogue search itself: the free-text query (Danish stemming, prefix, typo tolerance), counting
hits and facets in one query, and ordering. offers/search.py turns a SearchResult into a page;
offers/api.py into JSON. The contract other apps use is in offers/search.py."""

from __future__ import annotations

import hashlib
import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import reduce

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramSimilarity
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Case, CharField, Count, F, QuerySet, Value, When
from django.db.models.functions import Cast
from django.http import QueryDict
from django.utils.functional import cached_property

from offers.filters import DEFAULT_SORT, MAX_QUERY_LENGTH, SORT_ALIASES, OfferFilterSet, ReferenceData
from offers.folding import fold, words
from offers.models import Offer, SearchWord

FEW_HITS = 3  # fewer full-text hits than this: also look for similar words (typos)
MAX_WORDS = 8
MAX_WORD_LENGTH = 40
SIMILAR_PER_WORD = 3
SIMILARITY_MARGIN = 0.1  # similar words must be about as close as the closest one
MIN_LENGTH_RATIO = 0.6  # a much shorter word is another word: "bio" is not what "bioloji" meant
FACET_ORDER = ["fag", "klassetrin", "gratis", "format", "region", "kommune", "udbyder", "verdensmaal"]
# How each facet groups the hits; many-to-many and foreign-key facets group by id (mapped to slugs/codes).
FACET_GROUPS = {
    "fag": "subjects",
    "klassetrin": "grades",
    "verdensmaal": "sdgs",
    "kommune": "provider__municipality",
    "region": "provider__municipality__region",
    "format": "format",
    "udbyder": "provider__kind",
    "gratis": Case(When(price_dkk=0, then=Value("1")), default=Value("0")),
}
GROUPED_BY_ID = {"fag", "klassetrin", "verdensmaal", "kommune", "region"}
NATURAL_ORDER = {"klassetrin", "verdensmaal", "format", "region"}  # others: most hits first
VISIBLE_CHOICES = 8  # long facets show this many choices and the rest behind "Show more"


# --- The free-text part ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TextQuery:
    """The words of a search, each with its alternatives (similar spellings), as a to_tsquery() expression.

    Words AND together, alternatives OR; the last word and its alternatives also match as a prefix
    ("vikinge" finds "vikingetid"). Only folded letters and digits survive parsing (and the dots of an
    abbreviation), so quoting them is safe. A word of two or three letters may be an abbreviation: "hc"
    and "H.C." also look for "h.c", the one word PostgreSQL makes of "H.C." in a text.
    """

    terms: tuple[tuple[str, ...], ...] = ()

    @classmethod
    def parse(cls, text: str) -> TextQuery:
        text = _ABBREVIATION_DOT.sub("", fold(text[:MAX_QUERY_LENGTH]))
        tokens = [w for w in words(text) if len(w) <= MAX_WORD_LENGTH]
        return cls(tuple((token, *_abbreviations(token)) for token in tokens[:MAX_WORDS]))

    def __bool__(self) -> bool:
        return bool(self.terms)

    @property
    def typed(self) -> list[str]:
        return [term[0] for term in self.terms]

    def tsquery(self, *, prefix: bool = True) -> str:
        """The to_tsquery() expression; with ``prefix=False`` whole words only (to rank them higher)."""
        last = len(self.terms) - 1 if prefix else -1
        return " & ".join(
            "(" + " | ".join(f"'{word}':*" if i == last else f"'{word}'" for word in term) + ")"
            for i, term in enumerate(self.terms)
        )

    def widened(self, similar: dict[str, list[str]]) -> TextQuery:
        return TextQuery(tuple((*term, *similar.get(term[0], [])) for term in self.terms))


# The dot after a single letter that another single letter follows: "h.c. andersen" -> "hc. andersen".
_ABBREVIATION_DOT = re.compile(r"(?<=\b[^\W\d_])\.(?=[^\W\d_]\b)")


def _abbreviations(token: str) -> tuple[str, ...]:
    return (".".join(token),) if 2 <= len(token) <= 3 and token.isalpha() else ()


def similar_words(tokens: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
    """For each typed word of three letters or more that is not a known word, up to SIMILAR_PER_WORD
    known words that look like it (pg_trgm), best first, as (shown word, folded word). One query.

    Only words about as similar as the best one count, and no word much shorter than the typed one:
    "matmatik" means "matematik", not also "matematikdag"; "fotosyntese" does not mean "fotos"."""
    tokens = [t for t in dict.fromkeys(tokens) if len(t) >= 3]
    if not tokens:
        return {}
    branches = [
        SearchWord.objects.filter(folded__trigram_similar=token)
        .annotate(token=Value(token, output_field=CharField()), similarity=TrigramSimilarity("folded", token))
        .order_by("-similarity", "word")
        .values_list("token", "word", "folded", "similarity")[: SIMILAR_PER_WORD + 1]
        for token in tokens
    ]
    rows = branches[0].union(*branches[1:], all=True) if len(branches) > 1 else branches[0]
    found: dict[str, list[tuple[str, str, float]]] = {}
    for token, word, folded, similarity in rows:
        found.setdefault(token, []).append((word, folded, similarity))
    result = {}
    for token, candidates in found.items():
        if any(folded == token for _word, folded, _similarity in candidates):
            continue  # a known word: nothing to correct
        usable = [
            (w, f, sim)
            for w, f, sim in candidates
            if words(f) == [f] and len(f) >= MIN_LENGTH_RATIO * len(token)
        ]
        if usable:
            best = max(sim for _w, _f, sim in usable)
            result[token] = [(w, f) for w, f, sim in usable if sim >= best - SIMILARITY_MARGIN][
                :SIMILAR_PER_WORD
            ]
    return result


# --- Counting ------------------------------------------------------------------------------------------


CACHE_SECONDS = 300  # bounds how long a result can be stale if a reader races a writer's commit


def catalogue_version() -> int:
    """A number that changes with every write to offers, their links, learning places or municipal sites
    (a sequence advanced by statement triggers; offers migration 0006)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT last_value FROM offers_catalogue_version")
        return cursor.fetchone()[0]


def cached(queryset: QuerySet, version: int, compute):
    """``compute()``'s result for ``queryset``, cached under its SQL and the catalogue ``version``, so any
    write to the catalogue makes it stale at once. For the expensive steps of a search: most visitors ask
    the same few questions."""
    sql, params = queryset.query.sql_with_params()
    key = "offers.search." + hashlib.sha256(f"{sql}\0{params!r}".encode()).hexdigest()
    result = cache.get(key, version=version)
    if result is None:
        result = compute()
        cache.set(key, result, CACHE_SECONDS, version=version)
    return result


def count_hits(branches: list[tuple[str, QuerySet, object]], version: int) -> dict[str, dict[str, int]]:
    """Count many querysets in ONE query (UNION ALL). Each branch is (label, queryset, group) where
    group is a field path or expression to count per value, or None for a plain count. Cached (``cached``)."""
    if not branches:
        return {}
    combined = [
        qs.order_by()
        .values_list(
            Value(label, output_field=CharField()),
            Cast(group, CharField()) if group is not None else Value("", output_field=CharField()),
        )
        .annotate(n=Count("pk"))
        for label, qs, group in branches
    ]
    rows = combined[0].union(*combined[1:], all=True) if len(combined) > 1 else combined[0]

    def count() -> dict[str, dict[str, int]]:
        counts = {label: {} for label, _qs, _group in branches}
        for label, value, n in rows:
            if value is not None:
                counts[label][value] = n
        return counts

    return cached(rows, version, count)


def _total(counts: dict[str, dict[str, int]], label: str) -> int:
    return counts.get(label, {}).get("", 0)


# --- The search ----------------------------------------------------------------------------------------


class _CountedPaginator(Paginator):
    """A paginator told the number of hits (already counted with the facets), so it does not count. The
    ids of a page are cached like the counts (ranking a common word's hits is the next most expensive
    step); the offers themselves are always read fresh."""

    def __init__(self, object_list, per_page, count: int, version: int):
        super().__init__(object_list, per_page)
        self._known_count = count
        self.version = version

    @cached_property
    def count(self) -> int:
        return self._known_count

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        ids_query = self.object_list.values_list("pk", flat=True)[bottom : bottom + self.per_page]
        ids = cached(ids_query, self.version, lambda: list(ids_query))
        offers = {
            offer.pk: offer
            for offer in self.object_list.model.objects.filter(pk__in=ids).with_card_relations()
        }
        return self._get_page([offers[pk] for pk in ids if pk in offers], number, self)


@dataclass
class SearchResult:
    filterset: OfferFilterSet
    reference: ReferenceData
    text: TextQuery
    total: int
    paginator: Paginator
    facet_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    similar: list[str] = field(default_factory=list)
    suggestions: list[tuple[str, int]] = field(default_factory=list)
    counts_without: dict[str, int] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)

    @property
    def sort(self) -> str:
        return self.filterset.form.cleaned_data.get("sorter") or DEFAULT_SORT


def scoped(base_queryset: QuerySet) -> QuerySet:
    """Published offers of ``base_queryset``; a base that joins, groups or slices is used as an id set so
    that counting never sees duplicates."""
    query = base_queryset.query
    if query.annotations or query.distinct or query.combinator or query.is_sliced or len(query.alias_map) > 1:
        return Offer.objects.filter(pk__in=base_queryset.order_by().values("pk")).published()
    return base_queryset.order_by().published()


def normalized(data: QueryDict) -> QueryDict:
    data = data.copy()
    data.pop("page", None)
    if data.get("sorter") in SORT_ALIASES:
        data["sorter"] = SORT_ALIASES[data["sorter"]]
    return data


def run_search(
    data: QueryDict,
    base_queryset: QuerySet,
    *,
    facets: Iterable[str] = FACET_ORDER,
    per_page: int | None = None,
) -> SearchResult:
    """Search ``base_queryset`` with the catalogue parameters in ``data``: see the module docstring."""
    facets = [name for name in FACET_ORDER if name in set(facets)]
    reference = ReferenceData.load()
    filterset = OfferFilterSet(normalized(data), queryset=scoped(base_queryset), reference=reference)
    ignored = filterset.ignored()
    text = TextQuery.parse(filterset.form.cleaned_data.get("q") or "")
    filterset.tsquery = text.tsquery() if text else None
    version = catalogue_version()

    branches = [("total", filterset.queryset_without(), None)]
    branches += [(name, filterset.queryset_without(name), FACET_GROUPS[name]) for name in facets]
    counts = count_hits(branches, version)
    total = _total(counts, "total")

    similar: list[str] = []
    suggestions: list[tuple[str, int]] = []
    plain_text = widened = text
    if text and total < FEW_HITS:
        found = similar_words(text.typed)
        if found:
            widened = text.widened({token: [f for _w, f in pairs] for token, pairs in found.items()})
            filterset.tsquery = widened.tsquery()
            phrases = _phrases(text.typed, found)
            branches = [("total", filterset.queryset_without(), None)]
            branches += [(name, filterset.queryset_without(name), FACET_GROUPS[name]) for name in facets]
            branches += [
                (f"phrase{i}", filterset.queryset_without("q").matching(TextQuery.parse(p).tsquery()), None)
                for i, p in enumerate(phrases)
            ]
            widened_counts = count_hits(branches, version)
            if _total(widened_counts, "total") > total:  # the similar words found more: use them
                text, counts, total = widened, widened_counts, _total(widened_counts, "total")
                phrase_hits = [(p, _total(counts, f"phrase{i}")) for i, p in enumerate(phrases)]
                suggestions = sorted(((p, n) for p, n in phrase_hits if n), key=lambda item: -item[1])
                similar = list(dict.fromkeys(w for pairs in found.values() for w, _f in pairs))
            else:
                filterset.tsquery = plain_text.tsquery()

    counts_without = _counts_without(filterset, plain_text, widened, version) if total == 0 else {}

    hits = filterset.queryset_without()
    sort = filterset.form.cleaned_data.get("sorter") or DEFAULT_SORT
    if sort == DEFAULT_SORT and text:
        # Whole words weigh more than words that only begin alike, words as typed more than similar words.
        queries = [text.tsquery(), text.tsquery(prefix=False)]
        if text is not plain_text:
            queries.append(plain_text.tsquery())
        rank = reduce(
            operator.add,
            (
                SearchRank(F("search_vector"), SearchQuery(q, search_type="raw", config="danish"))
                for q in queries
            ),
        )
        hits = hits.annotate(rank=rank).order_by("-rank", "-created", "-pk")
    elif sort == "titel":
        hits = hits.order_by("title", "pk")
    else:
        hits = hits.order_by("-created", "-pk")

    return SearchResult(
        filterset=filterset,
        reference=reference,
        text=plain_text,
        total=total,
        paginator=_CountedPaginator(hits, per_page or settings.PORTAL_PAGE_SIZE, total, version),
        facet_counts={name: _by_value(name, counts.get(name, {}), reference) for name in facets},
        similar=[w for w in similar if fold(w) not in plain_text.typed],
        suggestions=suggestions,
        counts_without=counts_without,
        ignored=ignored,
    )


def _counts_without(
    filterset: OfferFilterSet, plain: TextQuery, widened: TextQuery, version: int
) -> dict[str, int]:
    """For a search without hits: how many each active filter would give if it were removed, as the page
    would count them (similar words used when the words as typed find few). One query."""
    active = list(filterset.active())
    if not active:
        return {}
    queries = {"": plain} if widened is plain else {"": plain, "~": widened}
    branches = []
    for suffix, query in queries.items():
        filterset.tsquery = query.tsquery() if query else None
        branches += [(name + suffix, filterset.queryset_without(name), None) for name in active]
    filterset.tsquery = plain.tsquery() if plain else None
    counted = count_hits(branches, version)
    counts = {}
    for name in active:
        as_typed, with_similar = _total(counted, name), _total(counted, name + "~")
        use_similar = name != "q" and as_typed < FEW_HITS and with_similar > as_typed
        counts[name] = with_similar if use_similar else as_typed
    return counts


def _by_value(name: str, counts: dict[str, int], reference: ReferenceData) -> dict[str, int]:
    """Counts keyed by parameter value (slug, code, number) instead of database id."""
    if name not in GROUPED_BY_ID:
        return counts
    return {c.value: counts[str(c.id)] for c in reference.choices.get(name, []) if str(c.id) in counts}


def _phrases(typed: list[str], found: dict[str, list[tuple[str, str]]]) -> list[str]:
    """Up to three corrected queries: each typed word replaced by its 1st, 2nd, 3rd similar word."""
    phrases = []
    for k in range(SIMILAR_PER_WORD):
        phrase = []
        for token in typed:
            options = found.get(token, [])
            phrase.append(options[min(k, len(options) - 1)][0] if options else token)
        phrases.append(" ".join(phrase))
    return list(dict.fromkeys(phrases))
