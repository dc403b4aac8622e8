"""`manage.py grant_provider USERNAME PROVIDER_KEY [...]` makes a user a place editor, who then works on their
own learning places, those places' offers and dates, and nothing else (portal.access)."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from offers.models import Occurrence, Offer, Provider
from portal.access import (
    PLACE_EDITORS_GROUP,
    edited_providers,
    is_consultant,
    is_place_editor,
    sees_everything,
)


@pytest.fixture
def other_place(lejre):
    return Provider.objects.create(key="andet-sted", slug="andet-sted", name="Andet Sted", kind="nature")


def grant(*args) -> str:
    out = io.StringIO()
    call_command("grant_provider", *args, stdout=out)
    return out.getvalue()


def test_granting_links_the_user_marks_them_staff_and_adds_the_group(provider, other_place):
    user = get_user_model().objects.create_user("ida", "ida@museum.example.dk", "correct-horse-battery")
    output = grant("ida", "lejre-museum", "andet-sted")
    user.refresh_from_db()
    assert "ida is now a place editor for: Andet Sted (andet-sted), Lejre Museum (lejre-museum)." in output
    assert user.is_staff and not user.is_superuser
    assert user.groups.filter(name=PLACE_EDITORS_GROUP).exists()
    assert set(edited_providers(user)) == {provider, other_place}
    assert is_place_editor(user)
    assert not is_consultant(user)
    assert not sees_everything(user)


def test_an_unknown_key_is_a_clear_error_and_changes_nothing(provider):
    user = get_user_model().objects.create_user("ida", "ida@museum.example.dk", "correct-horse-battery")
    with pytest.raises(CommandError, match=r"Unknown learning place key\(s\): ukendt"):
        grant("ida", "lejre-museum", "ukendt")
    user.refresh_from_db()
    assert not user.is_staff
    assert not user.editor_for.exists()


def test_a_place_editor_manages_their_own_place_its_offers_and_dates_only(
    place_editor, provider, other_place, make_offer
):
    own = make_offer("Vikingetid på egen krop", status=Offer.Status.DRAFT)
    other = make_offer("Skovens dyr", provider=other_place)
    starts = timezone.now() + datetime.timedelta(days=10)
    own_date = Occurrence.objects.create(offer=own, starts=starts, ends=starts + datetime.timedelta(hours=2))
    Occurrence.objects.create(offer=other, starts=starts, ends=starts + datetime.timedelta(hours=2))

    assert list(Provider.objects.managed_by(place_editor)) == [provider]
    assert list(Offer.objects.managed_by(place_editor)) == [own]
    assert list(Occurrence.objects.managed_by(place_editor)) == [own_date]
    # Their draft previews on the site; the other place's published offer is public anyway.
    assert set(Offer.objects.visible_to(place_editor)) == {own, other}


def test_a_place_editor_whose_last_place_was_taken_away_sees_nothing(place_editor, provider, make_offer):
    make_offer()
    provider.editors.remove(place_editor)
    assert not Offer.objects.managed_by(place_editor).exists()
    assert not Provider.objects.managed_by(place_editor).exists()
    assert not sees_everything(place_editor)
