"""The teacher's shortlist ("Min liste"): offers marked while browsing, without a login.

The list lives in the visitor's session as offer keys (the stable identifiers; nothing personal), in the
order they were added, at most ``MAX_OFFERS``. Plain POST forms (with CSRF) add and remove offers, so it
works without JavaScript. A shared link holds only the keys (``/min-liste/?tilbud=key1,key2``): it shows
the same list read-only, and the colleague who opens it can copy it into her own list.

Only published offers are ever shown; a key whose offer was unpublished stays in the list (it shows again
if the offer comes back) but is not shown or shared.
"""

from __future__ import annotations

import re

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from offers.models import Offer

SESSION_KEY = "offers.shortlist"
MAX_OFFERS = 100
_KEY = re.compile(r"^[-a-zA-Z0-9_]{1,200}$")  # an offer key is a slug


class Shortlist:
    """The offer keys in ``session``; ``offer.key in shortlist`` in templates."""

    def __init__(self, session):
        self.session = session

    @property
    def keys(self) -> list[str]:
        return list(self.session.get(SESSION_KEY, []))

    def __contains__(self, key: str) -> bool:
        return key in self.keys

    def __len__(self) -> int:
        return len(self.keys)

    def add(self, keys: list[str]) -> int | None:
        """Add ``keys`` not yet on the list; the number added, or None (nothing added) if they do not fit."""
        current = self.keys
        new = [key for key in dict.fromkeys(keys) if key not in current]
        if len(current) + len(new) > MAX_OFFERS:
            return None
        if new:
            self.session[SESSION_KEY] = current + new
        return len(new)

    def remove(self, key: str) -> None:
        current = self.keys
        if key in current:
            current.remove(key)
            self.session[SESSION_KEY] = current

    def clear(self) -> None:
        self.session.pop(SESSION_KEY, None)


def parse_keys(text: str) -> list[str]:
    """The offer keys in a shared link's ``tilbud=key1,key2``: well-formed ones only, once each, at most
    ``MAX_OFFERS``."""
    keys = [key.strip() for key in text.split(",")]
    return list(dict.fromkeys(key for key in keys if _KEY.match(key)))[:MAX_OFFERS]


def shortlisted_offers(keys: list[str]) -> list[Offer]:
    """The published offers among ``keys``, in the list's order, ready for offer cards (constant queries)."""
    offers = {
        offer.key: offer for offer in Offer.objects.published().filter(key__in=keys).with_card_relations()
    }
    return [offers[key] for key in keys if key in offers]


def context(request: HttpRequest) -> dict:
    """Context processor: ``shortlist`` for the add/remove buttons on offer cards. Lazy: a page that shows no
    button never reads the session."""
    return {"shortlist": SimpleLazyObject(lambda: Shortlist(request.session))}
