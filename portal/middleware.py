"""Middleware of the portal: the interface language, and answers while the database cannot be reached."""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils import translation
from django.utils.cache import patch_vary_headers

from portal import errors

logger = logging.getLogger(__name__)


class LanguageCookieMiddleware:
    """Danish for everyone; English only for a visitor who chose it (the language cookie that the footer's
    menu sets through Django's set_language view). Unlike Django's LocaleMiddleware, the browser's
    Accept-Language is ignored: an English browser would otherwise get English labels around Danish offers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        try:
            language = translation.get_supported_language_variant(chosen) if chosen else None
        except LookupError:
            language = None
        translation.activate(language or settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        patch_vary_headers(response, ["Cookie"])
        return response


class DatabaseUnavailableMiddleware:
    """While the database cannot be reached (a restart, a lost connection, a statement over
    DATABASE_STATEMENT_TIMEOUT), a view's error becomes a 503 with Retry-After and the Danish error page,
    rendered without the database, instead of a 500 with a traceback; so does costly work refused because
    too much of it runs already (portal.errors.ServiceBusy). Errors outside views (e.g. saving a session)
    reach handler500, which answers the same way (portal/errors.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, errors.ServiceBusy):
            logger.warning("Busy, answered 503 for %s: %s", request.path, exception)
            return errors.service_unavailable(request)
        if isinstance(exception, OperationalError | InterfaceError):
            logger.warning("Database unavailable for %s: %s", request.path, str(exception).strip())
            return errors.service_unavailable(request)
        return None
