"""`{{ value|sanitized_html }}`: the one way a page shows stored HTML (never `|safe`): sanitised again on
output with the rules it was sanitised with on input (portal.text.sanitize_html)."""

from django import template
from django.utils.safestring import mark_safe

from portal.text import sanitize_html

register = template.Library()


@register.filter
def sanitized_html(value) -> str:
    return mark_safe(sanitize_html(str(value or "")))
