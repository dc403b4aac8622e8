"""`{% canonical_link %}` for base.html: the address crawlers should index for the page being shown."""

from django import template
from django.core.paginator import Page
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def canonical_link(context) -> str:
    """<link rel="canonical"> to the page's own path without its query string, so searches, facets and junk
    parameters all point to the plain list (/tilbud/?fag=historie → /tilbud/). A later page of a list with no
    other parameter keeps its number (/steder/?page=2)."""
    request = context.get("request")
    if request is None:
        return ""
    url = request.build_absolute_uri(request.path)
    page = context.get("page")
    if isinstance(page, Page) and page.number > 1 and list(request.GET) == ["page"]:
        url = f"{url}?page={page.number}"
    return format_html('<link rel="canonical" href="{}">', url)
