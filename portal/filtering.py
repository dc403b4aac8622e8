"""Filters of the public lists that are not the catalogue (/steder/, /samarbejder/): like /tilbud/, a
parameter they do not understand is left out and named in a notice instead of failing the page."""

from __future__ import annotations

from urllib.parse import urlencode

import django_filters
from django.utils.translation import gettext as _


class LenientFilterSet(django_filters.FilterSet):
    """A FilterSet whose invalid parameters are ignored (django-filter drops them from ``cleaned_data``)."""

    def ignored(self) -> list[str]:
        """The names of the parameters whose value was not understood."""
        if not self.is_bound or self.is_valid():
            return []
        return sorted(self.form.errors)

    def notices(self) -> list[str]:
        if not (ignored := self.ignored()):
            return []
        return [
            _("Some search settings in the address were not understood and have been left out: %(names)s.")
            % {"names": ", ".join(ignored)}  # parameter names from our own list, never the raw input
        ]

    def query(self) -> str:
        """The understood, non-empty parameters, urlencoded, for links to the other pages of the list."""
        if not self.is_bound:
            return ""
        ignored = set(self.ignored())
        pairs = [
            (name, value)
            for name in self.filters
            if name not in ignored
            for value in self.data.getlist(name)
            if value
        ]
        return urlencode(pairs)
