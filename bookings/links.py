"""The teacher's link to her request: no account, no password.

A link carries the request's id signed with Django's ``signing.Signer`` (HMAC with SECRET_KEY, salt ``SALT``); it does
not expire, so the same link in every e-mail lets her confirm her e-mail, see, change and cancel the request
until the visit. Nothing secret is stored in the database, and rotating SECRET_KEY revokes every link. The
48 hours of a waiting-list offer are kept in the database (``BookingRequest.offered_until``), not in the link.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

SALT = "bookings.request-link"


def token_for(booking) -> str:
    return signing.Signer(salt=SALT).sign(str(booking.pk))


def booking_for_token(token: str, queryset):
    """The request the link names, or 404 for a link that was not signed here (or whose data are gone)."""
    try:
        pk = int(signing.Signer(salt=SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        raise Http404 from None
    return get_object_or_404(queryset, pk=pk, anonymised_at__isnull=True)


def base_url(request=None) -> str:
    """The portal's address for links: the one the request came to, else ``PORTAL_BASE_URL``."""
    return request.build_absolute_uri("/").rstrip("/") if request is not None else settings.PORTAL_BASE_URL


def manage_url(booking, base: str) -> str:
    """The teacher's link, beginning with the portal's address ``base`` (``base_url(request)``)."""
    return base + reverse("bookings:manage", args=[token_for(booking)])
