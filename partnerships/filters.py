"""The facets and free-text search of the public showcase, as one FilterSet.

The parameters are the catalogue's (/tilbud/): q, type, kommune=<code>, udbyder, fag=<slug>,
klassetrin=<slug>, aktivitet. A value that is not understood is left out with a notice (portal.filtering),
and the English names of earlier links redirect to these (``OLD_NAMES``, see views.partnership_list).

The municipality, subject and grade facets offer only the values that public records use; every filter is
a QuerySet method of PartnershipQuerySet (EXISTS subqueries, so no duplicate rows and no DISTINCT).
"""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from municipalities.models import Municipality
from offers.models import GradeLevel, Provider, Subject
from partnerships.models import Activity, Kind, Partnership
from portal.filtering import LenientFilterSet

# The parameter names of links made before the showcase spoke like the catalogue → today's names.
# `municipality` took a municipality's slug; `kommune` takes its official code.
OLD_NAMES = {
    "kind": "type",
    "municipality": "kommune",
    "provider_kind": "udbyder",
    "subject": "fag",
    "grade": "klassetrin",
    "activity": "aktivitet",
}


def _used_by_public(model, field: str):
    """`model` objects that at least one public partnership refers to through its M2M `field`."""
    through = getattr(Partnership, field).through
    column = model._meta.model_name
    return lambda request: model.objects.filter(
        Exists(through.objects.filter(**{column: OuterRef("pk")}, partnership__public=True))
    )


class PartnershipFilter(LenientFilterSet):
    q = django_filters.CharFilter(
        label=_("Search collaborations"), method="filter_search", max_length=200, widget=forms.SearchInput
    )
    type = django_filters.ChoiceFilter(
        label=_("Kind"), field_name="kind", choices=Kind.choices, empty_label=_("All kinds")
    )
    kommune = django_filters.ModelChoiceFilter(
        label=_("Municipality"),
        queryset=_used_by_public(Municipality, "municipalities"),
        to_field_name="code",
        empty_label=_("All municipalities"),
        method="filter_municipality",
    )
    udbyder = django_filters.ChoiceFilter(
        label=_("Type of learning place"),
        choices=Provider.Kind.choices,
        empty_label=_("All types"),
        method="filter_provider_kind",
    )
    fag = django_filters.ModelChoiceFilter(
        label=_("Subject"),
        queryset=_used_by_public(Subject, "subjects"),
        to_field_name="slug",
        empty_label=_("All subjects"),
        method="filter_subject",
    )
    klassetrin = django_filters.ModelChoiceFilter(
        label=_("Grade level"),
        queryset=_used_by_public(GradeLevel, "grades"),
        to_field_name="slug",
        empty_label=_("All grade levels"),
        method="filter_grade",
    )
    aktivitet = django_filters.ChoiceFilter(
        label=_("Activity"),
        choices=Activity.choices,
        empty_label=_("All activities"),
        method="filter_activity",
    )

    class Meta:
        model = Partnership
        fields = ["q", "type", "kommune", "udbyder", "fag", "klassetrin", "aktivitet"]

    def filter_search(self, queryset, name, value):
        return queryset.search(value.strip()) if value.strip() else queryset

    def filter_municipality(self, queryset, name, value):
        return queryset.involving_municipalities([value])

    def filter_provider_kind(self, queryset, name, value):
        return queryset.involving_provider_kind(value)

    def filter_subject(self, queryset, name, value):
        return queryset.with_subject(value)

    def filter_grade(self, queryset, name, value):
        return queryset.with_grade(value)

    def filter_activity(self, queryset, name, value):
        return queryset.with_activity(value)
