"""Template tags that show municipal sites on other apps' pages (the offer page)."""

from django import template

from municipalities.models import FeaturedOffer

register = template.Library()


@register.simple_tag
def featuring_sites(offer):
    """`{% featuring_sites offer as featuring %}`: the published municipal sites featuring `offer`."""
    return list(FeaturedOffer.objects.on_published_sites(offer))
