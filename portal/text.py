"""Text helpers shared by the apps: Danish slugs and HTML sanitising."""

import re
import unicodedata

import nh3

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})

# The interchange format allows simple markup in descriptions; everything else is removed.
ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


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
