"""`{% offer_json_ld offer %}` and `{% place_json_ld provider %}`: the pages' schema.org JSON-LD
(offers/structured_data.py) as a <script type="application/ld+json"> element."""

from django import template

from offers import structured_data

register = template.Library()


@register.simple_tag(takes_context=True)
def offer_json_ld(context, offer, occurrences=()):
    """The offer's Course and an EducationEvent per date in ``occurrences`` (those the page fetched)."""
    graph = structured_data.offer_graph(context["request"], offer, occurrences)
    return structured_data.json_ld_script(graph)


@register.simple_tag(takes_context=True)
def place_json_ld(context, provider):
    return structured_data.json_ld_script(structured_data.place_graph(context["request"], provider))
