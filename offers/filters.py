"""The catalogue's filters: one django-filter FilterSet behind /tilbud/, scoped catalogues and /api/tilbud/.

Parameters are Danish and shareable: q, fag, klassetrin, kommune, region, format, udbyder, verdensmaal,
gratis, dato, sorter. Every facet is repeatable (OR within a facet, AND across facets). Unknown values are
dropped rather than failing the whole search; ``OfferFilterSet.ignored()`` says which parameters were.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import django_filters
from django import forms
from django.db.models import CharField, IntegerField, Value
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from municipalities.models import Municipality, Region
from offers.folding import danish_sort_key
from offers.models import SDG, GradeLevel, Offer, Provider, Subject

DEFAULT_SORT = "relevans"  # best match first; without search words the newest first
SORT_CHOICES = [(DEFAULT_SORT, _("Relevance")), ("nyeste", _("Newest first")), ("titel", _("Title"))]
# The issue names the orders in English; integrators may use either word.
SORT_ALIASES = {"relevance": "relevans", "newest": "nyeste", "title": "titel"}
MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class Choice:
    id: int | None
    value: str
    label: str


@dataclass
class ReferenceData:
    """The choices of the model-backed facets (subjects, grades, SDGs, places), loaded in one query."""

    choices: dict[str, list[Choice]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> ReferenceData:
        def rows(facet, queryset, value, label, order):
            return queryset.order_by().values_list(
                Value(facet, output_field=CharField()),
                "id",
                value,
                label,
                order,
            )

        union = rows("fag", Subject.objects, "slug", "name", Value(0, output_field=IntegerField())).union(
            rows("klassetrin", GradeLevel.objects, "slug", "name", "order"),
            rows(
                "verdensmaal",
                SDG.objects.annotate(code=Cast("number", CharField())),
                "code",
                "name_da",
                "number",
            ),
            rows("kommune", Municipality.objects, "code", "name", Value(0, output_field=IntegerField())),
            rows("region", Region.objects, "code", "name", Value(0, output_field=IntegerField())),
            all=True,
        )
        data = cls()
        for facet, pk, value, label, _order in sorted(
            union, key=lambda r: (r[0], r[4], danish_sort_key(r[3]))
        ):
            data.choices.setdefault(facet, []).append(Choice(pk, value, label))
        data.choices["format"] = [Choice(None, v, str(label)) for v, label in Offer.Format.choices]
        data.choices["udbyder"] = [Choice(None, v, str(label)) for v, label in Provider.Kind.choices]
        return data

    def ids(self, facet: str, values: Iterable[str]) -> list[int]:
        wanted = set(values)
        return [c.id for c in self.choices.get(facet, []) if c.value in wanted]


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Keeps the known values of a repeated parameter and drops the others instead of failing."""

    def clean(self, value):
        values = self.to_python(value)
        kept = list(dict.fromkeys(v for v in values if self.valid_value(v)))
        self.dropped = len(kept) < len(set(values))
        return kept


class FacetFilter(django_filters.MultipleChoiceFilter):
    field_class = LenientMultipleChoiceField


class CatalogueForm(forms.Form):
    """The form around the filters; ``sorter`` orders the results and filters nothing."""

    sorter = forms.ChoiceField(label=_("Sort by"), choices=SORT_CHOICES, required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "catalogue-%s")  # unique beside the header's search box
        super().__init__(*args, **kwargs)

    def clean_sorter(self):
        return self.cleaned_data.get("sorter") or ""


class OfferFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search words"),
        method="filter_text",
        strip=True,
        # Longer input is cut by offers.search.TextQuery rather than rejected.
        widget=forms.TextInput(attrs={"type": "search", "maxlength": MAX_QUERY_LENGTH}),
    )
    fag = FacetFilter(label=_("Subject"), method="filter_subjects")
    klassetrin = FacetFilter(label=_("Grade"), method="filter_grades")
    gratis = django_filters.ChoiceFilter(
        label=_("Price"), choices=[("1", _("Free only"))], method="filter_free"
    )
    format = FacetFilter(label=_("Format"), method="filter_format")
    region = FacetFilter(label=_("Region"), method="filter_regions")
    kommune = FacetFilter(label=_("Municipality"), method="filter_municipalities")
    udbyder = FacetFilter(label=_("Kind of learning place"), method="filter_provider_kinds")
    verdensmaal = FacetFilter(label=_("Sustainable development goal"), method="filter_sdgs")
    dato = django_filters.DateFilter(
        label=_("Available on"),
        method="filter_available_on",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    class Meta:
        model = Offer
        fields: list[str] = []
        form = CatalogueForm

    def __init__(self, data=None, queryset=None, *, reference: ReferenceData, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.reference = reference
        # The free-text condition, a to_tsquery() expression (offers.search.TextQuery); search code may
        # widen it (typo tolerance) before building querysets.
        self.tsquery: str | None = None
        for name, flt in self.filters.items():
            if isinstance(flt, FacetFilter):
                flt.extra["choices"] = [(c.value, c.label) for c in reference.choices.get(name, [])]

    # -- building querysets ---------------------------------------------------------------------------

    def filter_queryset(self, queryset):
        return self.queryset_without(queryset=queryset)

    def queryset_without(self, *names: str, queryset=None):
        """The base queryset with every valid filter applied except ``names`` (for facet counts)."""
        qs = self.queryset if queryset is None else queryset
        for name, value in self.form.cleaned_data.items():
            if name in self.filters and name not in names:
                qs = self.filters[name].filter(qs, value)
        return qs

    def active(self) -> dict[str, object]:
        """Filters that narrow the search, by parameter name (q included)."""
        return {
            name: value
            for name, value in self.form.cleaned_data.items()
            if name in self.filters and value not in (None, "", [], False)
        }

    def ignored(self) -> list[str]:
        """Parameters (names) whose value was not understood, wholly or partly."""
        self.form.is_valid()
        names = [name for name in self.form.errors if name in self.data]
        names += [name for name, field in self.form.fields.items() if getattr(field, "dropped", False)]
        return sorted(set(names))

    # -- filter methods -------------------------------------------------------------------------------

    def filter_text(self, qs, name, value):
        return qs.matching(self.tsquery) if self.tsquery else qs

    def filter_subjects(self, qs, name, value):
        return qs.with_any_subject(self.reference.ids("fag", value))

    def filter_grades(self, qs, name, value):
        return qs.for_any_grade(self.reference.ids("klassetrin", value))

    def filter_sdgs(self, qs, name, value):
        return qs.with_any_sdg(self.reference.ids("verdensmaal", value))

    def filter_municipalities(self, qs, name, value):
        return qs.in_municipalities(self.reference.ids("kommune", value))

    def filter_regions(self, qs, name, value):
        return qs.in_regions(self.reference.ids("region", value))

    def filter_format(self, qs, name, value):
        return qs.of_format(value)

    def filter_provider_kinds(self, qs, name, value):
        return qs.by_provider_kind(value)

    def filter_free(self, qs, name, value):
        return qs.free()

    def filter_available_on(self, qs, name, value):
        return qs.available_on(value)
