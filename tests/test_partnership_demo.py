"""Demo partnerships for `seed_demo`: deterministic, realistic Danish records that show every health flag
and both kinds, public and private, built on the learning places and schools in the database."""

import random
from datetime import date

import pytest

from municipalities.models import Municipality
from offers.models import Provider
from partnerships.demo import seed_demo_partnerships
from partnerships.health import FLAG_NAMES, field_name
from partnerships.models import Contact, Partnership

TODAY = date(2026, 11, 23)
KINDS = ["museum", "nature", "science", "library", "art", "music", "theatre", "film", "company", "sport"]


@pytest.fixture
def providers(db):
    municipalities = list(Municipality.objects.filter(code__in=["350", "265", "101", "751", "461"]))
    for index, kind in enumerate(KINDS * 2):
        municipality = municipalities[(index + index // len(KINDS)) % len(municipalities)]
        key = f"{kind}-{municipality.slug}"
        Provider.objects.create(
            key=key,
            slug=key,
            name=f"{kind.title()} {municipality.name}",
            kind=kind,
            municipality=municipality,
        )


def snapshot() -> list[tuple]:
    return list(
        Partnership.objects.order_by("key").values_list(
            "key", "title", "kind", "public", "agreement", "started", "ended", "activities", "last_evaluated"
        )
    )


def test_the_demo_creates_a_realistic_mix_of_records(providers):
    created = seed_demo_partnerships(random.Random(2026), today=TODAY)
    assert 30 <= created <= 60
    assert Partnership.objects.count() == created
    assert set(Partnership.objects.values_list("kind", flat=True)) == {"collaboration", "partnership"}
    assert set(Partnership.objects.values_list("public", flat=True)) == {True, False}
    flagged = Partnership.objects.with_health(TODAY)
    for flag in FLAG_NAMES:
        assert flagged.filter(**{field_name(flag): True}).exists(), flag
    assert flagged.filter(flag_count=0).exists()
    assert not Contact.objects.exclude(email__endswith="@example.dk").exists()


def test_the_demo_is_deterministic_and_skips_existing_records(providers):
    seed_demo_partnerships(random.Random(7), today=TODAY)
    first = snapshot()
    assert seed_demo_partnerships(random.Random(7), today=TODAY) == 0
    Partnership.objects.all().delete()
    seed_demo_partnerships(random.Random(7), today=TODAY)
    assert snapshot() == first


def test_the_demo_needs_learning_places(db):
    assert seed_demo_partnerships(random.Random(1), today=TODAY) == 0
