"""Embedding the portal in other web sites: iframes of the /indlejr/… pages, and who may show them.

A municipal site and a learning place each list the web sites (origins: ``https://www.lejre.dk``) that may
show their embed (``OriginListField``). An embed page answers with
``Content-Security-Policy: frame-ancestors <those origins>`` and without ``X-Frame-Options``
(``allow_framing``); with no origins listed it stays as unframeable as every other page
(``frame-ancestors 'none'`` and ``X-Frame-Options: DENY``, portal/settings.py).

The back office shows the snippet to paste (``snippet``; portal.admin.EmbedSnippetAdmin): the iframe and the portal's
static/js/embed.js, which sizes the iframe to the height that static/js/embed-frame.js inside it reports.
"""

from __future__ import annotations

import re

from django import forms
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.forms import SimpleArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

# scheme://host[:port]: a host name of letters, digits and hyphens in dot-separated labels (IDN as punycode).
_ORIGIN = re.compile(
    r"^https?://[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?$"
)


def validate_origin(value: str) -> None:
    if not _ORIGIN.match(value):
        raise ValidationError(
            _("“%(value)s” is not a web site's address such as https://www.lejre.dk (no path, no spaces)."),
            code="invalid_origin",
            params={"value": value},
        )


def normalize_origin(value: str) -> str:
    """ "HTTPS://Www.Lejre.dk/" → "https://www.lejre.dk": what a browser sends as the origin."""
    return value.strip().rstrip("/").lower()


class OriginsFormField(SimpleArrayField):
    """One origin per line; blank lines are ignored and each origin is normalised before it is checked."""

    def __init__(self, base_field, **kwargs):
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 3}))
        super().__init__(base_field, delimiter="\n", **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = "\n".join(normalize_origin(line) for line in value.splitlines() if line.strip())
        return super().to_python(value)


class OriginListField(ArrayField):
    """The web sites that may embed an object's pages, edited one per line."""

    def __init__(self, *args, **kwargs):
        kwargs["base_field"] = models.CharField(max_length=200, validators=[validate_origin])
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        del kwargs["base_field"]
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": OriginsFormField, **kwargs})


def allow_framing(response: HttpResponse, origins: list[str]) -> HttpResponse:
    """Let exactly ``origins`` show ``response`` in a frame; with none, nobody may (the portal's default)."""
    if origins:
        response._csp_replace = {"frame-ancestors": list(origins)}  # read by django-csp's middleware
        response.xframe_options_exempt = True  # read by Django's XFrameOptionsMiddleware
    return response


def snippet(base_url: str, embed_path: str, title: str) -> str:
    """The HTML a web editor pastes into a page to show the embed at ``embed_path``. The script's address
    is the unhashed static file (WhiteNoise serves it too), so pasted snippets outlive new versions of it."""
    portal = escape(base_url.rstrip("/"))
    script = f"/{settings.STATIC_URL.strip('/')}/js/embed.js"
    return (
        f'<iframe src="{portal}{escape(embed_path)}" title="{escape(title)}" data-aabenskole-embed '
        f'loading="lazy" style="width: 100%; height: 40rem; border: 0;"></iframe>\n'
        f'<script src="{portal}{escape(script)}" async></script>'
    )
