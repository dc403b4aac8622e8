"""Login throttling with django-axes (configured in settings): the client address it counts failed logins
by, and the page a locked-out login gets.

The address is the connection's (REMOTE_ADDR), which a client cannot choose. Behind PORTAL_PROXY_COUNT
reverse proxies that each append to X-Forwarded-For, it is the address the outermost proxy saw: that many
entries from the right, so entries a client adds on the left change nothing.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def client_ip(request: HttpRequest) -> str:
    proxies = settings.PORTAL_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [address for address in forwarded if address]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def lockout_response(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """429 Too Many Requests, in Danish, saying how long to wait."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "portal/login_locked.html", {"minutes": minutes}, status=429)
