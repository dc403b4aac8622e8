"""Text helpers shared by the apps: Danish slugs, HTML sanitising, and the limits and fields for long texts."""

import re
import unicodedata

import nh3
from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})

# The interchange format allows simple markup in descriptions; everything else is removed.
ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}

# Longest description of an offer or a learning place, in characters: about ten printed pages, far more than
# any real description, and far below what PostgreSQL's search vector can hold (1 MB).
DESCRIPTION_MAX_LENGTH = 20_000
# Longest summary of an offer ("one or two sentences shown in lists").
SUMMARY_MAX_LENGTH = 2_000


def danish_slugify(value: str, max_length: int = 200) -> str:
    """`"Natur/teknologi"` → `"natur-teknologi"`, `"Håndværk og design"` → `"haandvaerk-og-design"`."""
    text = value.translate(_DANISH).lower()
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:max_length].rstrip("-")


def sanitize_html(value: str) -> str:
    """Keep the simple tags the portal allows; drop scripts, styles, event handlers and the like."""
    if not value:
        return value
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    ).strip()


@deconstructible
class MaxLengthValidator(validators.MaxLengthValidator):
    """Django's, with a message that gives both numbers as the reader writes them ("20.000" in Danish).
    On the model field, so admin forms and the interchange import (which reuses model validators) agree."""

    message = _("At most %(limit_value)s characters are allowed; this text has %(show_value)s.")

    def __call__(self, value):
        length = self.clean(value)
        if self.compare(length, self.limit_value):
            params = {
                "limit_value": number_format(self.limit_value, force_grouping=True),
                "show_value": number_format(length, force_grouping=True),
                "value": value,
            }
            raise ValidationError(self.message, code=self.code, params=params)


class HtmlFormField(forms.CharField):
    """A form's HTML text, sanitised before it is validated (so a limit counts what will be stored)."""

    def to_python(self, value):
        return sanitize_html(super().to_python(value))


class HtmlField(models.TextField):
    """Text with the simple markup of ALLOWED_TAGS. Sanitised on every write, whatever the path: save(),
    forms, bulk_create, bulk_update and update() all prepare the value with get_db_prep_save. Pages render
    it through the `sanitized_html` filter (portal/templatetags/portal_html.py), which sanitises again."""

    def get_db_prep_save(self, value, connection):
        if isinstance(value, str):
            value = sanitize_html(value)
        return super().get_db_prep_save(value, connection)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": HtmlFormField, **kwargs})
