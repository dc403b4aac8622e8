"""The catalogue search: Danish full text, typo tolerance, facet counts and pagination.

This module owns what /tilbud/, /api/tilbud/ and any scoped catalogue (e.g. a municipality's
/kommuner/<slug>/tilbud/) have in common. Views stay thin: they choose a base queryset and a template.

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
    through a many-to-many) is fine: it is used as an id set, so hits are never counted twice.

``search_catalogue(request, base_queryset, *, exclude_facets=()) -> dict`` reads request.GET (the
parameters q, fag, klassetrin, kommune, region, format, udbyder, verdensmaal, gratis, dato, sorter, page)
and returns the template context below. It never raises on bad input: unknown values are ignored and
reported in ``notices``. The number of SQL queries is bounded (at most 9; usually 6) whatever the number of hits.
``exclude_facets`` hides facets (by parameter name) that make no sense in a scope; their parameters
are still honoured if present in the address.

Every link the include renders is relative ("?fag=historie&q=…"), so the include works under any path;
the search form submits to the current path.

Context keys (do not use these names for other things in a page that includes the search):

    catalogue_form    the bound filter form (django-filter FilterSet.form): q, dato, sorter fields
    filterset         the OfferFilterSet itself
    page              django Page of Offer objects (provider, municipality, subjects, grades, sdgs loaded)
    total             int, number of hits
    q                 the cleaned free-text query ("" if none)
    facets            list of Facet(name, label, choices=[FacetChoice(value, label, count, selected, url)])
                      in display order; choices with count 0 are left out unless selected
    active_filters    list of ActiveFilter(label, url_without, count_without) for the way out of a
                      narrow search; count_without is only known (not None) when total == 0
    suggestions       list of Suggestion(text, url, count): "did you mean" spellings that give hits
    similar_words     words a fuzzy search also looked for when full text found little ([] otherwise)
    notices           list of messages about ignored parameters (never echoing the raw input)
    hidden_filters    list of (name, value) facet parameters the form carries along as hidden inputs
    query             urlencoded current parameters without "page", for "?{{ query }}&page=N"
    clear_url         "?" (relative link that clears every filter)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import HttpRequest
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from offers.filters import DEFAULT_SORT
from offers.folding import danish_sort_key
from offers.search_engine import FACET_ORDER, NATURAL_ORDER, VISIBLE_CHOICES, SearchResult, run_search

PARAM_ORDER = ["q", *FACET_ORDER, "dato", "sorter"]


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


def search_catalogue(request: HttpRequest, base_queryset, *, exclude_facets: Iterable[str] = ()) -> dict:
    """The catalogue search over ``base_queryset`` as a template context for "offers/_search.html"."""
    excluded = set(exclude_facets)
    result = run_search(request.GET, base_queryset, facets=[f for f in FACET_ORDER if f not in excluded])
    state = _state(result)
    return {
        "filterset": result.filterset,
        "catalogue_form": result.filterset.form,
        "page": result.paginator.get_page(request.GET.get("page")),
        "total": result.total,
        "q": result.filterset.form.cleaned_data.get("q") or "",
        "facets": _facets(result, state),
        "active_filters": _active_filters(result, state),
        "suggestions": [
            Suggestion(text, _url(_replace(state, "q", [text])), n) for text, n in result.suggestions
        ],
        "similar_words": result.similar,
        "notices": _notices(result),
        "hidden_filters": [(name, value) for name, value in state if name not in ("q", "dato", "sorter")],
        "query": urlencode(state),
        "clear_url": "?",
    }


def _state(result: SearchResult) -> list[tuple[str, str]]:
    """The understood parameters in a canonical order: the basis of every link the page renders."""
    data = result.filterset.form.cleaned_data
    pairs: list[tuple[str, str]] = []
    for name in PARAM_ORDER:
        value = data.get(name)
        if not value or (name == "sorter" and value == DEFAULT_SORT):
            continue
        if name == "gratis":
            pairs.append((name, "1"))
        elif name == "dato":
            pairs.append((name, value.isoformat()))
        elif isinstance(value, list):
            pairs.extend((name, v) for v in value)
        else:
            pairs.append((name, str(value)))
    return pairs


def _url(pairs: list[tuple[str, str]]) -> str:
    ordered = sorted(pairs, key=lambda pair: PARAM_ORDER.index(pair[0]))
    return "?" + urlencode(ordered)


def _replace(state, name: str, values: list[str]) -> list[tuple[str, str]]:
    return [pair for pair in state if pair[0] != name] + [(name, v) for v in values]


def _toggle(state, name: str, value: str) -> list[tuple[str, str]]:
    if (name, value) in state:
        return [pair for pair in state if pair != (name, value)]
    return [*state, (name, value)]


def _facets(result: SearchResult, state) -> list[Facet]:
    facets = []
    for name, counts in result.facet_counts.items():
        if name == "gratis":
            options = [("1", _("Free only"))]
        else:
            options = [(c.value, c.label) for c in result.reference.choices.get(name, [])]
            if name == "verdensmaal":
                options = [(value, f"{value}. {label}") for value, label in options]
        choices = [
            FacetChoice(
                value, label, counts.get(value, 0), (name, value) in state, _url(_toggle(state, name, value))
            )
            for value, label in options
        ]
        choices = [c for c in choices if c.count or c.selected]  # empty choices are hidden
        if not choices:
            continue
        if name not in NATURAL_ORDER:
            choices.sort(key=lambda c: (not c.selected, -c.count, danish_sort_key(c.label)))
        facets.append(
            Facet(
                name,
                str(result.filterset.filters[name].label),
                choices[:VISIBLE_CHOICES],
                choices[VISIBLE_CHOICES:],
            )
        )
    return facets


def _active_filters(result: SearchResult, state) -> list[ActiveFilter]:
    filterset = result.filterset
    labels = {
        name: dict((c.value, c.label) for c in choices) for name, choices in result.reference.choices.items()
    }
    active = []
    for name, value in filterset.active().items():
        if name == "q":
            label = _("Search words: “%(words)s”") % {"words": value}
        elif name == "gratis":
            label = _("Free only")
        elif name == "dato":
            label = _("Available on %(date)s") % {"date": date_format(value)}
        else:
            shown = ", ".join(labels.get(name, {}).get(v, v) for v in value)
            label = f"{filterset.filters[name].label}: {shown}"
        active.append(ActiveFilter(label, _url(_replace(state, name, [])), result.counts_without.get(name)))
    return active


def _notices(result: SearchResult) -> list[str]:
    if not result.ignored:
        return []
    names = ", ".join(result.ignored)  # parameter names from our own list, never the raw input
    return [
        _("Some search settings in the address were not understood and have been left out: %(names)s.")
        % {"names": names}
    ]
