"""Domain rules the database enforces, and the messages staff see when a form breaks them."""

import datetime

import pytest
from django.contrib.postgres.search import SearchQuery
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from offers.models import Offer, Provider


def test_negative_price_is_refused_by_the_database(make_offer):
    with pytest.raises(IntegrityError, match="offer_price_not_negative"):
        Offer.objects.filter(pk=make_offer().pk).update(price_dkk=-1)


def test_available_from_after_available_to_is_refused(make_offer):
    with pytest.raises(IntegrityError, match="offer_available_from_before_to"):
        make_offer(available_from=datetime.date(2027, 6, 1), available_to=datetime.date(2026, 8, 1))


def test_same_day_availability_is_allowed(make_offer):
    day = datetime.date(2027, 3, 1)
    assert make_offer(available_from=day, available_to=day).pk


def test_offer_slugs_are_unique(make_offer):
    make_offer(key="a", slug="same")
    with pytest.raises(IntegrityError):
        make_offer(key="b", slug="same")


def test_provider_postcode_must_have_four_digits(provider):
    provider.postcode = "432A"
    with pytest.raises(ValidationError, match="Et postnummer har fire cifre"):
        provider.full_clean()


def test_provider_coordinates_must_be_on_earth(provider):
    with pytest.raises(IntegrityError, match="provider_latitude_range"):
        Provider.objects.filter(pk=provider.pk).update(latitude=123.0)


def test_full_clean_explains_a_reversed_period_in_words(make_offer):
    offer = make_offer()
    offer.available_from, offer.available_to = datetime.date(2027, 6, 1), datetime.date(2026, 8, 1)
    with pytest.raises(ValidationError, match="skal ligge før eller på"):
        offer.full_clean()


def test_descriptions_are_sanitized_on_save(make_offer):
    offer = make_offer(
        description='<p onclick="x()">Hej <script>alert(1)</script><a href="javascript:x">l</a></p>'
    )
    offer.refresh_from_db()
    assert "script" not in offer.description
    assert "onclick" not in offer.description
    assert "javascript" not in offer.description
    assert offer.description.startswith("<p>Hej")


def test_search_vector_is_kept_current_by_the_database(make_offer, provider):
    offer = make_offer("Skibe og søfart", description="<p>Museets udstillinger</p>")
    assert Offer.objects.filter(pk=offer.pk, search_vector=SearchQuery("museer", config="danish")).exists()
    provider.name = "Vikingeskibsmuseet"
    provider.save()
    assert Offer.objects.filter(
        pk=offer.pk, search_vector=SearchQuery("vikingeskibsmuseet", config="danish")
    ).exists()
