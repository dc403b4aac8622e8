"""The error pages (400, 403, 404, 500, 503 and a failed CSRF check): Danish, in the layout, with a search box
and the way back (the front page, the catalogue and, when the visitor came from this site, the page before).

They render with a plain context, without context processors: those read the session and the user, which
may need the database, and an error page must work while the database cannot be reached. The handlers are
set in portal/urls.py (handler400 …) and settings.CSRF_FAILURE_VIEW.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme

# How long a client (or a load balancer) should wait before trying again after a 503.
RETRY_AFTER_SECONDS = 30


class ServiceBusy(Exception):
    """Raised by costly work that only so many may run at once (e.g. portal.pdf.print_slot); answered with
    the 503 page and Retry-After (portal.middleware.DatabaseUnavailableMiddleware)."""


def _back_url(request) -> str:
    """The page the visitor came from, when it is on this site."""
    referer = request.META.get("HTTP_REFERER", "")
    try:
        host = request.get_host()
    except Exception:  # a disallowed Host header is what a 400 page may be about
        return ""
    if referer and url_has_allowed_host_and_scheme(referer, {host}, require_https=request.is_secure()):
        return referer
    return ""


def render_error(request, template: str, status: int) -> HttpResponse:
    context = {"request": request, "csrf_token": get_token(request), "back_url": _back_url(request)}
    return HttpResponse(loader.render_to_string(template, context), status=status)


def bad_request(request, exception=None):
    return render_error(request, "400.html", 400)


def permission_denied(request, exception=None):
    return render_error(request, "403.html", 403)


def page_not_found(request, exception=None):
    return render_error(request, "404.html", 404)


def csrf_failure(request, reason=""):
    return render_error(request, "403_csrf.html", 403)


def service_unavailable(request):
    response = render_error(request, "503.html", 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def server_error(request):
    """handler500. Django calls it while it handles the uncaught exception, so sys.exc_info() names that
    exception: when the database could not be reached (e.g. outside a view, where
    DatabaseUnavailableMiddleware does not see it), the answer is the 503, as from the middleware."""
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return service_unavailable(request)
    return render_error(request, "500.html", 500)
