"""Shared fixtures: a few objects most tests need, and a real headless Chromium for browser tests."""

import os
import shutil

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from municipalities.models import Municipality, MunicipalSite
from offers.models import GradeLevel, Offer, Provider, Subject

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Playwright's sync API runs an event loop in the test thread; Django's ORM is used beside it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """A test's rolled-back writes leave the catalogue version (a sequence) as it was, so cached search
    counts from an earlier test could match: every test starts with an empty cache, as a new process does."""
    cache.clear()


@pytest.fixture
def lejre(db) -> Municipality:
    return Municipality.objects.get(code="350")


@pytest.fixture
def make_transport_pool(db):
    """Roskilde's municipal site with a transport pool: trips up to 40 km, applied for 14 days ahead, for
    the grade levels given (slugs); other fields as given."""

    def make(grades=(), **fields) -> MunicipalSite:
        site = MunicipalSite.objects.create(
            **{
                "municipality": Municipality.objects.get(code="265"),
                "title": "Åben skole i Roskilde",
                "published": True,
                "transport_scheme": "pool",
                "transport_max_distance_km": 40,
                "transport_apply_days_before": 14,
                **fields,
            }
        )
        site.transport_grades.set(GradeLevel.objects.filter(slug__in=grades))
        return site

    return make


@pytest.fixture
def provider(lejre) -> Provider:
    return Provider.objects.create(
        key="lejre-museum",
        slug="lejre-museum",
        name="Lejre Museum",
        kind=Provider.Kind.MUSEUM,
        municipality=lejre,
        address="Orehøjvej 4",
        postcode="4320",
        city="Lejre",
        latitude=55.6,
        longitude=11.97,
    )


@pytest.fixture
def make_offer(provider):
    """Create an offer; published unless told otherwise. Subjects and grades by slug."""

    def make(title="Vikingetid på egen krop", *, subjects=(), grades=(), **fields) -> Offer:
        key = fields.pop("key", None) or f"offer-{Offer.objects.count() + 1}"
        defaults = {
            "key": key,
            "slug": key,
            "provider": provider,
            "format": Offer.Format.VISIT,
            "status": Offer.Status.PUBLISHED,
            "summary": "Eleverne prøver livet i vikingetiden.",
        }
        offer = Offer.objects.create(title=title, **{**defaults, **fields})
        offer.subjects.set(Subject.objects.filter(slug__in=subjects))
        offer.grades.set(GradeLevel.objects.filter(slug__in=grades))
        return offer

    return make


@pytest.fixture
def published_offer(make_offer) -> Offer:
    return make_offer(subjects=["historie"], grades=["4-klasse", "5-klasse"], price_dkk=0)


@pytest.fixture
def staff_user(db):
    return get_user_model().objects.create_superuser(
        "portalstaff", "staff@example.dk", "correct-horse-battery"
    )


# --- Browser tests: Debian's chromium driven by Playwright; no browser download. ---


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        message = f"Browser tests need Chromium at {CHROMIUM} (Debian package 'chromium')."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, django_db_serialized_rollback, transactional_db):
    """A fresh browser tab on the live server. Reference data survives (serialized rollback)."""
    context = browser.new_context(base_url=live_server.url, locale="da-DK")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def axe_check(page) -> None:
    """Fail with a readable report when axe-core finds WCAG 2.1 A/AA violations on the page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}},
    )
    assert results.violations_count == 0, results.generate_report()


@pytest.fixture
def consultant(lejre):
    """A staff user who is Lejre's open-school consultant (set up as `manage.py grant_municipality` does)."""
    from io import StringIO

    from django.core.management import call_command

    user = get_user_model().objects.create_user(
        "lejre-konsulent", "konsulent@lejre.example.dk", "correct-horse-battery"
    )
    call_command("grant_municipality", user.username, lejre.code, stdout=StringIO())
    user.refresh_from_db()
    return user


@pytest.fixture
def place_editor(provider):
    """A staff user who edits Lejre Museum (set up as `manage.py grant_provider` does)."""
    from io import StringIO

    from django.core.management import call_command

    user = get_user_model().objects.create_user(
        "museum-redaktoer", "redaktoer@museum.example.dk", "correct-horse-battery"
    )
    call_command("grant_provider", user.username, provider.key, stdout=StringIO())
    user.refresh_from_db()
    return user


@pytest.fixture
def make_partnership(lejre):
    """Create a partnership (public unless told otherwise) in Lejre unless told otherwise.

    Related objects by stable identifier: municipalities by code, schools/providers/offers by key, subjects
    and grades by slug; contacts as (role, name, email) tuples, in order.
    """
    from municipalities.models import School
    from partnerships.models import Contact, Partnership

    def make(
        title="Museum og skole",
        *,
        municipalities=("350",),
        schools=(),
        providers=(),
        offers=(),
        subjects=(),
        grades=(),
        contacts=(),
        **fields,
    ):
        key = fields.pop("key", None) or f"partnership-{Partnership.objects.count() + 1}"
        defaults = {"key": key, "slug": key, "kind": "collaboration", "public": True}
        partnership = Partnership.objects.create(title=title, **{**defaults, **fields})
        partnership.municipalities.set(Municipality.objects.filter(code__in=municipalities))
        partnership.schools.set(School.objects.filter(key__in=schools))
        partnership.providers.set(Provider.objects.filter(key__in=providers))
        partnership.offers.set(Offer.objects.filter(key__in=offers))
        partnership.subjects.set(Subject.objects.filter(slug__in=subjects))
        partnership.grades.set(GradeLevel.objects.filter(slug__in=grades))
        Contact.objects.bulk_create(
            Contact(partnership=partnership, role=role, name=name, email=email, position=position)
            for position, (role, name, email) in enumerate(contacts)
        )
        return partnership

    return make


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Let serialized rollback restore the reference data in every browser test, not just the first.

    Playwright's sync API keeps an asyncio loop running in the test thread, so asgiref hands the test a
    different DatabaseWrapper object than the one the test database was serialized on; without the
    serialized contents that object's rollback restores nothing and later browser tests find no
    municipalities. Putting the contents on the wrapper class makes every connection object see them.
    """
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is not None:
            type(connection)._test_serialized_contents = contents


# --- A production server (gunicorn with PORTAL_PRODUCTION=1) on the test database: tests/production_server.py ---


@pytest.fixture(scope="session")
def production_static(tmp_path_factory):
    """Static files collected as a deployment does (hashed names: DEBUG off needs the manifest)."""
    import subprocess
    import sys

    from tests.production_server import PRODUCTION_ENV, ROOT, clean_environment

    root = tmp_path_factory.mktemp("static")
    env = clean_environment(**PRODUCTION_ENV, DJANGO_STATIC_ROOT=str(root))
    command = [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"]
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    return root


@pytest.fixture(scope="session")
def production_server(django_db_setup, production_static):
    """gunicorn with production settings on the test database, started once for the session."""
    from django.db import connection

    from tests.production_server import ProductionServer

    # pytest-django sets up the test database only when some test asks for it (pytestmark in the modules).
    assert connection.settings_dict["NAME"].startswith("test_"), (
        "the production server needs the test database"
    )
    server = ProductionServer(production_static, connection.settings_dict).start()
    yield server
    server.stop()
