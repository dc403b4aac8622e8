"""`manage.py seed_demo`: a deterministic, realistic Danish demo catalogue, and its safety switches."""

import datetime
from io import StringIO

import pytest
from django.contrib.postgres.search import SearchQuery
from django.core.management import CommandError, call_command
from django.utils import timezone

from municipalities.models import FeaturedOffer, MunicipalSite, Region
from offers.demo.generate import build_catalogue
from offers.demo.profiles import PROFILES
from offers.demo.topics import TOPICS
from offers.holidays import school_calendar
from offers.models import Occurrence, Offer, Provider, Subject
from partnerships.models import Partnership
from portal.text import sanitize_html

pytestmark = pytest.mark.django_db

SMALL = 300


def seed(**options) -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out, **options)
    return out.getvalue()


def snapshot() -> list[tuple]:
    return list(
        Offer.objects.order_by("key").values_list(
            "key", "slug", "title", "provider__key", "price_dkk", "status", "available_from", "created"
        )
    )


def dates_snapshot() -> list[tuple]:
    return list(
        Occurrence.objects.order_by("offer__key", "key").values_list("offer__key", "key", "ends", "status")
    )


@pytest.fixture
def seeded() -> str:
    return seed(offers=SMALL, seed=7)


def test_seeding_creates_exactly_the_asked_number_of_offers_from_about_a_fifth_as_many_places(seeded):
    assert Offer.objects.count() == SMALL
    assert Provider.objects.count() == SMALL // 5
    assert f"{SMALL} offers" in seeded and f"{SMALL // 5} learning places" in seeded
    assert " s." in seeded  # how long it took


def test_the_same_seed_gives_the_same_catalogue_and_another_seed_a_different_one(seeded):
    first, first_dates = snapshot(), dates_snapshot()
    seed(offers=SMALL, seed=7, replace=True)
    assert snapshot() == first
    assert dates_snapshot() == first_dates
    seed(offers=SMALL, seed=8, replace=True)
    assert dates_snapshot() != first_dates
    other = snapshot()
    assert [row[2] for row in other] != [row[2] for row in first]
    assert {row[0] for row in other} != {row[0] for row in first}


def test_learning_places_lie_in_every_region_and_many_municipalities(seeded):
    providers = Provider.objects.all()
    assert providers.values("municipality").distinct().count() >= 40
    assert set(providers.values_list("municipality__region", flat=True)) == set(
        Region.objects.values_list("id", flat=True)
    )


def test_addresses_are_danish_and_consistent_with_the_region(seeded):
    for provider in Provider.objects.select_related("municipality__region"):
        assert len(provider.postcode) == 4 and provider.city and provider.address
        assert 54.5 < provider.latitude < 57.8 and 8.0 < provider.longitude < 15.2
        assert provider.website.startswith("https://www.") and provider.website.endswith(".example.dk")
        assert provider.email.endswith(".example.dk") and provider.phone.startswith("+45 ")


def test_a_default_sized_catalogue_has_every_kind_of_learning_place_and_all_municipalities(db):
    catalogue = build_catalogue(2500, seed=1)
    assert len(catalogue.offers) == 2500 and len(catalogue.providers) == 500
    assert {p.kind for p in catalogue.providers} == set(Provider.Kind.values)
    assert len({p.municipality.code for p in catalogue.providers}) == 98
    per_provider = {}
    for offer in catalogue.offers:
        per_provider[offer.provider.key] = per_provider.get(offer.provider.key, 0) + 1
    assert min(per_provider.values()) >= 1 and max(per_provider.values()) <= 15


def test_prices_statuses_and_formats_are_spread_like_a_real_catalogue(seeded):
    offers = Offer.objects.all()
    assert offers.filter(price_dkk=0).count() >= 0.3 * SMALL
    assert offers.filter(price_dkk__isnull=True).exists()
    assert offers.filter(price_dkk__gt=0).exclude(price_dkk__range=(300, 4000)).count() == 0
    assert offers.filter(status=Offer.Status.PUBLISHED).count() >= 0.8 * SMALL
    assert offers.filter(status=Offer.Status.DRAFT).exists()
    assert offers.filter(status=Offer.Status.ARCHIVED).exists()
    assert (
        offers.filter(format=Offer.Format.VISIT).count() > offers.filter(format=Offer.Format.ONLINE).count()
    )


def test_every_offer_has_grades_and_school_offers_have_subjects(seeded):
    assert not Offer.objects.filter(grades__isnull=True).exists()
    day_care_only = Offer.objects.exclude(
        grades__stage__in=["indskoling", "mellemtrin", "udskoling", "ungdomsuddannelse"]
    )
    assert not Offer.objects.exclude(pk__in=day_care_only).filter(subjects__isnull=True).exists()


def test_descriptions_are_already_clean_html(seeded):
    for description in Offer.objects.values_list("description", flat=True)[:100]:
        assert description.startswith("<p>")
        assert sanitize_html(description) == description


def test_seeded_offers_have_search_vectors_and_danish_full_text_finds_them(seeded):
    assert Offer.objects.filter(search_vector__isnull=True).count() == 0
    for word in ("museum", "natur", "undervisning", "eleverne"):
        assert Offer.objects.filter(search_vector=SearchQuery(word, config="danish")).exists(), word


def test_if_empty_does_nothing_when_a_catalogue_exists(seeded):
    before = snapshot()
    out = seed(offers=50, seed=99, if_empty=True)
    assert "nothing seeded" in out
    assert snapshot() == before


def test_seeding_refuses_to_touch_an_existing_catalogue_without_replace(seeded):
    with pytest.raises(CommandError, match="--replace"):
        seed(offers=50)
    assert Offer.objects.count() == SMALL


def test_replace_deletes_the_old_catalogue_and_keeps_reference_data(seeded):
    subjects = Subject.objects.count()
    out = seed(offers=50, seed=3, replace=True)
    assert f"Deleted {SMALL} offers" in out
    assert Offer.objects.count() == 50
    assert Subject.objects.count() == subjects


def test_seeding_also_creates_published_municipal_sites_and_partnerships_on_the_new_places(seeded):
    sites = MunicipalSite.objects.filter(published=True)
    assert sites.count() >= 5 and "municipal sites" in seeded
    assert FeaturedOffer.objects.filter(site__in=sites, offer__status=Offer.Status.PUBLISHED).count() >= 10
    assert Partnership.objects.filter(public=True).exists() and "partnerships" in seeded
    assert not Partnership.objects.filter(providers=None).exists()


def test_replace_also_replaces_partnerships_so_none_is_left_without_its_learning_place(seeded):
    out = seed(offers=SMALL, seed=8, replace=True)
    assert "partnerships" in out.splitlines()[0]
    assert Partnership.objects.exists()
    assert not Partnership.objects.filter(providers=None).exists()
    assert not FeaturedOffer.objects.exclude(offer__in=Offer.objects.all()).exists()


def test_at_least_one_offer_is_required(db):
    with pytest.raises(CommandError, match="at least 1"):
        seed(offers=0)


def test_every_topic_names_existing_subjects_for_the_levels_it_serves(db):
    levels = dict(Subject.objects.values_list("slug", "level"))
    for topic in TOPICS:
        assert all(levels.get(s) in ("grundskole", "begge") for s in topic.subjects), topic.titles[0]
        assert all(levels.get(s) in ("gymnasie", "begge") for s in topic.gym_subjects), topic.titles[0]
        for first, last in topic.grades:
            if last == 12:
                assert topic.gym_subjects, topic.titles[0]
            if first <= 11 and last >= 1:
                assert topic.subjects, topic.titles[0]


def test_every_provider_kind_has_a_profile_that_fits_anywhere():
    for kind in Provider.Kind.values:
        assert any(p.min_population == 0 and not p.coastal for p in PROFILES[kind]), kind


def test_demo_learning_places_lie_in_their_town_near_their_postcodes_point(db):
    from municipalities.geo import Point, haversine_km
    from municipalities.models import Postcode

    points = {p.code: Point(p.latitude, p.longitude) for p in Postcode.objects.all()}
    for provider in build_catalogue(SMALL, seed=7).providers:
        place = Point(provider.latitude, provider.longitude)
        assert 0 < haversine_km(points[provider.postcode], place) < 1.0, provider.name


def test_demo_municipal_sites_get_realistic_transport_rules(db):
    import random

    from municipalities.demo import seed_demo_sites

    seed_demo_sites(random.Random(1))
    sites = {site.municipality.code: site for site in MunicipalSite.objects.select_related("municipality")}
    assert {"pool", "bus", "public_transport", "none"} == {site.transport_scheme for site in sites.values()}
    roskilde = sites["265"]
    assert (
        roskilde.transport_scheme,
        roskilde.transport_max_distance_km,
        roskilde.transport_apply_days_before,
    ) == (
        "pool",
        40,
        14,
    )
    assert roskilde.transport_grades.count() == 8  # day care and grades 0-6
    assert sites["330"].transport_scheme == "none" and "ingen transportordning" in sites["330"].transport_info


# --- Dated visits in the demo catalogue ---


def test_some_demo_offers_have_dated_visits_on_school_day_mornings(seeded):
    assert Occurrence.objects.filter(status="cancelled").exists()
    dated = Offer.objects.filter(occurrences__isnull=False).distinct()
    assert dated.count() == round(0.15 * SMALL)
    assert f"{Occurrence.objects.count():,} dated visits" in seeded
    assert set(dated.values_list("format", flat=True)) <= {"visit", "outreach", "course", "event"}
    school = school_calendar()
    for date in Occurrence.objects.select_related("offer"):
        starts, ends = timezone.localtime(date.starts), timezone.localtime(date.ends)
        assert datetime.date(2026, 8, 10) <= starts.date() <= datetime.date(2027, 6, 25)
        assert starts.isoweekday() <= 5 and school.holiday_on(starts.date()) is None, starts
        assert 8 <= starts.hour < 13 and ends.date() == starts.date()
        offer = date.offer
        assert (
            (offer.available_from or starts.date()) <= starts.date() <= (offer.available_to or starts.date())
        )
        if date.booking_deadline:
            assert date.booking_deadline < starts.date()
