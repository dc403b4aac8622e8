"""`{% offer_dates offer as dates %}`: what the offer page shows about dated visits (offers/_dates.html)."""

from django import template

from offers.models import Occurrence, OfferDates

register = template.Library()

SHOWN = 6  # free dates listed on the offer page; the rest are counted


@register.simple_tag
def offer_dates(offer) -> OfferDates:
    """The offer's next free dates, how many more, and whether it has dates at all: one query."""
    return Occurrence.objects.for_offer_page(offer, SHOWN)
