"""The search and filters of the list of learning places (/steder/): name, type of place, municipality and
region, with the catalogue's parameter names and identifiers (q, udbyder, kommune=<code>, region=<code>),
and with a chosen school the catalogue's distance filter and order (afstand=<km>, sorter=naermest)."""

import django_filters
from django import forms
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from municipalities.geo import Point
from municipalities.models import Municipality, Region
from offers.distance import place_distance_km_expression
from offers.filters import DISTANCE_LABELS, NEAREST
from offers.models import Provider
from portal.filtering import LenientFilterSet


class PlaceFilterSet(LenientFilterSet):
    q = django_filters.CharFilter(
        label=_("Name"),
        field_name="name",
        lookup_expr="icontains",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    udbyder = django_filters.ChoiceFilter(
        label=_("Kind of learning place"),
        field_name="kind",
        choices=Provider.Kind.choices,
        empty_label=_("All"),
    )
    kommune = django_filters.ModelChoiceFilter(
        label=_("Municipality"),
        field_name="municipality",
        queryset=Municipality.objects.order_by("name"),
        to_field_name="code",
        empty_label=_("All"),
    )
    region = django_filters.ModelChoiceFilter(
        label=_("Region"),
        field_name="municipality__region",
        queryset=Region.objects.order_by("name"),
        to_field_name="code",
        empty_label=_("All"),
    )

    afstand = django_filters.ChoiceFilter(
        label=_("Distance from your school"),
        choices=[(str(km), label) for km, label in DISTANCE_LABELS.items()],
        empty_label=_("All"),
        method="within",
    )
    sorter = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=[(NEAREST, _("Nearest first"))],
        empty_label=_("Name"),
        method="nearest_first",
    )

    class Meta:
        model = Provider
        fields = ["q", "udbyder", "kommune", "region", "afstand", "sorter"]

    def __init__(self, *args, point: Point | None = None, **kwargs):
        """With `point` (the chosen school), each place gets ``distance_km``; without it, no distance
        filter or order."""
        super().__init__(*args, **kwargs)
        if point is None:
            del self.filters["afstand"], self.filters["sorter"]
        else:
            self.queryset = self.queryset.annotate(distance_km=place_distance_km_expression(point))

    def within(self, queryset, name, value):
        return queryset.filter(distance_km__lte=float(value))

    def nearest_first(self, queryset, name, value):
        return queryset.order_by(F("distance_km").asc(nulls_last=True), "name", "pk")
