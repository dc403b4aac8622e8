"""`{% from_my_school offer as here %}`: what the chosen school sees on an offer (municipalities.my_school)."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def from_my_school(context, offer):
    """A FromSchool for `offer`, or None when no school is chosen (then no query is made)."""
    choice = getattr(context.get("request"), "my_school", None)
    return choice.for_offer(offer) if choice else None
