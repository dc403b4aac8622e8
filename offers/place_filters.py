"""The search and filters of the list of learning places (/steder/): name, type of place, municipality and
region, with the catalogue's parameter names and identifiers (q, udbyder, kommune=<code>, region=<code>)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from municipalities.models import Municipality, Region
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

    class Meta:
        model = Provider
        fields = ["q", "udbyder", "kommune", "region"]
