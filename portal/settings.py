"""Settings for the portal. Every knob comes from the environment, with local defaults that make
`make run` work; PORTAL_PRODUCTION=1 switches to a deployment that `check --deploy` finds clean."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from portal import localdb
from portal.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

PRODUCTION = env_bool("PORTAL_PRODUCTION", False)
DEBUG = env_bool("DJANGO_DEBUG", not PRODUCTION)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when PORTAL_PRODUCTION=1")
    if not DEBUG:
        # DEBUG off without PORTAL_PRODUCTION looks like a server set up by hand: never with a public key.
        raise ImproperlyConfigured(
            "DJANGO_DEBUG is off but DJANGO_SECRET_KEY is not set: the committed development key must not "
            "serve a site. Set DJANGO_SECRET_KEY (and PORTAL_PRODUCTION=1 for a deployment)."
        )
    SECRET_KEY = "django-insecure-local-development-key-never-used-in-production"

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "portal.apps.PortalAdminConfig",
    "portal",  # before django.contrib.auth: its createsuperuser replaces auth's (portal/management/commands)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_filters",
    "csp",
    "municipalities",
    "offers",
    "partnerships",
    "bookings",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.LanguageCookieMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "municipalities.my_school.ChosenSchoolMiddleware",  # request.my_school: the teacher's chosen school
    "portal.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "offers.shortlist.context",
            ],
        },
    },
]

# Database: DATABASE_URL; else in development the PostgreSQL that `make` uses, found (or started) by
# portal/localdb.py and passed on to child processes.
if not env_str("DATABASE_URL") and not PRODUCTION:
    try:
        os.environ["DATABASE_URL"] = localdb.database_url()
    except localdb.NoDatabase as error:
        raise ImproperlyConfigured(str(error)) from None
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/aabenskole"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if not DATABASES["default"]["ENGINE"].endswith("postgresql"):
    raise ImproperlyConfigured("The portal runs on PostgreSQL only: DATABASE_URL must be postgres://…")
# The catalogue's queries are many short scans: compiling them with JIT costs more than it saves; and the
# catalogue lives in memory (or on SSD), where reading a page out of order costs about what reading the next
# does, so the planner is told so (random_page_cost 1.1 instead of 4, which is for spinning disks): it then
# reads the offers a search word finds through its index instead of scanning all of them (benchmarks/
# README.md). A DATABASE_URL with its own ?options=… keeps its own.
DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off -c random_page_cost=1.1")
# Every statement of a request is bounded (seconds), so no input can hold a connection for long. manage.py
# sets 0 (none) for management commands other than runserver; imports and seeding lift it for their own
# transaction. A timed-out statement or a lost database answers 503 (portal/middleware.py).
DATABASE_STATEMENT_TIMEOUT = env_int("DATABASE_STATEMENT_TIMEOUT", 5)
if DATABASE_STATEMENT_TIMEOUT and "statement_timeout" not in DATABASES["default"]["OPTIONS"]["options"]:
    DATABASES["default"]["OPTIONS"]["options"] += f" -c statement_timeout={DATABASE_STATEMENT_TIMEOUT}s"

# The cache (search results under a catalogue version; see offers/search_engine.py): a Redis server that
# every app server shares when CACHE_URL is set (redis://host:port/db), else a memory cache per process.
CACHE_URL = env_str("CACHE_URL")
if CACHE_URL and not CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured(f"CACHE_URL must be a Redis URL (redis://host:port/db); got {CACHE_URL!r}")
if CACHE_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": env_int("PORTAL_CACHE_ENTRIES", 5000)},
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: the portal speaks Danish; English is available.
LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Danish for everyone; English only when chosen in the footer, which sets this cookie (the browser's
# Accept-Language is not consulted: portal/middleware.py). Kept a year; Secure in production.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Security: strict by default, stricter in production.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    # A load balancer probes /healthz over plain HTTP: it gets its 200, not a redirect.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# No inline scripts or styles, nothing from other hosts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

LOGIN_URL = "admin:login"
CSRF_FAILURE_VIEW = "portal.errors.csrf_failure"
# Where a login goes when its `next` is missing or refused (another host): the back office, not Django's
# /accounts/profile/, which the portal does not have.
LOGIN_REDIRECT_URL = "admin:index"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "django.server": {"class": "logging.StreamHandler", "formatter": "django.server"},
    },
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
    "loggers": {
        # Django's own console handler would print its records a second time beside the root's.
        "django": {"handlers": [], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
        # runserver's one line per request, as Django configures it.
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
    },
}

# The most offers a search takes along: rows of its CSV export (/tilbud/eksport.csv, streamed) and offers
# in its printed catalogue (/tilbud/katalog.pdf, about 6 offers a page; benchmarks/pdf_timing.py).
PORTAL_EXPORT_MAX_ROWS = env_int("PORTAL_EXPORT_MAX_ROWS", 5000)
PORTAL_PRINT_MAX_OFFERS = env_int("PORTAL_PRINT_MAX_OFFERS", 300)
# How many PDFs may be laid out at once on all servers together (portal/pdf.py print_slot); more get a 503.
PORTAL_PRINT_SLOTS = env_int("PORTAL_PRINT_SLOTS", 2)

# Page sizes of the public catalogue and its API.
PORTAL_PAGE_SIZE = env_int("PORTAL_PAGE_SIZE", 20)

# Review of place editors' offers (offers/review.py): on (the default), an offer a place editor publishes, or a
# published offer they change, waits "til godkendelse" for portal staff, who approve it or send it back with
# a comment; off, a place editor's offer goes live at once. Portal staff's own changes never wait.
PORTAL_REVIEW_PLACE_EDITS = env_bool("PORTAL_REVIEW_PLACE_EDITS", True)

# Login throttling (django-axes): after PORTAL_LOGIN_FAILURE_LIMIT failed logins for one username, or from
# one address, that username or address cannot log in for PORTAL_LOGIN_COOLOFF_MINUTES (each further
# failure starts the wait again); a successful login clears the count. The attempts are kept in the
# database, so every worker counts the same. Behind PORTAL_PROXY_COUNT reverse proxies the address is taken
# from X-Forwarded-For. The answer is a Danish page with status 429 (portal/throttling.py).
INSTALLED_APPS += ["axes"]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
AUTHENTICATION_BACKENDS = [
    "portal.throttling.LoginThrottle",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("PORTAL_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("PORTAL_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "portal.throttling.lockout_response"
AXES_CLIENT_IP_CALLABLE = "portal.throttling.client_ip"
PORTAL_PROXY_COUNT = env_int("PORTAL_PROXY_COUNT", 0)

# E-mail (booking requests, bookings/emails.py): printed to the console in development; in production sent
# through the SMTP server EMAIL_HOST:EMAIL_PORT (with EMAIL_HOST_USER/EMAIL_HOST_PASSWORD and STARTTLS when
# EMAIL_USE_TLS=1). PORTAL_BASE_URL is the address links in e-mails sent outside a request begin with.
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Åben Skole-portalen <booking@aabenskole.example.dk>")
PORTAL_BASE_URL = env_str("PORTAL_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

# Teachers' names, e-mails, phones and messages on booking requests are deleted this many days after the
# visit (or, without a date, after the request last changed) by `manage.py anonymise_bookings` (nightly).
BOOKING_PERSONAL_DATA_DAYS = env_int("BOOKING_PERSONAL_DATA_DAYS", 90)
