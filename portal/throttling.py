"""Login throttling with django-axes (configured in settings): its authentication backend, the client address
it counts failed logins by, and the page a locked-out login gets.

The address is the connection's (REMOTE_ADDR), which a client cannot choose. Behind PORTAL_PROXY_COUNT
reverse proxies that each append to X-Forwarded-For, it is the address the outermost proxy saw: that many
entries from the right, so entries a client adds on the left change nothing.
"""

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class LoginThrottle(AxesStandaloneBackend):
    """Refuses logins from a locked-out username or address. Every login of the site comes with its request;
    an authentication without one (the test client's `login()`, a script) has no client to count and goes on
    to the next backend, where axes itself would stop it with an error."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


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
