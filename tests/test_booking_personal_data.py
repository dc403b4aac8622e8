"""Teachers' personal data on booking requests: deleted a set time after the visit by a nightly command, and
the consultant sees only numbers per school (never names, e-mails or phones)."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from bookings.models import BookingRequest
from offers.models import Occurrence
from tests.bookings_helpers import add_date, make_request

pytestmark = pytest.mark.django_db
Status = BookingRequest.Status


def past_date(offer, days_ago: int) -> Occurrence:
    starts = timezone.now() - datetime.timedelta(days=days_ago)
    return Occurrence.objects.create(offer=offer, starts=starts, ends=starts + datetime.timedelta(hours=2))


@override_settings(BOOKING_PERSONAL_DATA_DAYS=30)
def test_personal_data_are_deleted_the_set_time_after_the_visit(make_offer):
    offer = make_offer(key="vikingetid")
    old = make_request(past_date(offer, 40), Status.CONFIRMED)
    recent = make_request(past_date(offer, 20), Status.CONFIRMED, school="boholmskolen-4060")
    upcoming = make_request(add_date(offer), school="bramsnaesvigskolen-4070")
    out = StringIO()
    call_command("anonymise_bookings", stdout=out)
    assert out.getvalue().strip() == "Deleted the personal data of 1 booking requests."
    old.refresh_from_db()
    assert (old.name, old.email, old.phone, old.message) == ("", "", "", "")
    assert old.anonymised_at is not None and old.status == Status.CONFIRMED and old.pupils == 24
    for kept in (recent, upcoming):
        kept.refresh_from_db()
        assert kept.email == "mette@skole.example.dk"


def test_the_consultant_sees_visits_per_school_fewest_first_without_personal_data(
    client, consultant, make_offer, lejre, django_assert_max_num_queries
):
    from municipalities.models import MunicipalSite

    MunicipalSite.objects.create(municipality=lejre, title="Åben Skole i Lejre", published=True)
    offer = make_offer(key="vikingetid")
    date = add_date(offer, places=3)
    make_request(date, Status.CONFIRMED, name="Mette Lærer")
    make_request(add_date(offer, days_ahead=31), Status.CONFIRMED, name="Mette Lærer")
    make_request(date, Status.PENDING, school="boholmskolen-4060", name="Hans Lærer")
    client.force_login(consultant)
    assert "/kommuner/lejre/besoeg/" in client.get("/kommuner/lejre/daekning/").text
    with django_assert_max_num_queries(8):
        page = client.get("/kommuner/lejre/besoeg/")
    assert page.status_code == 200
    rows = [line for line in page.text.splitlines() if '<tr><th scope="row">' in line]
    assert '<th scope="row">Allerslev Skole</th><td>2</td><td>48</td>' in rows[-1]
    assert '<th scope="row">Boholmskolen</th><td>0</td>' in page.text  # pending is no visit
    assert "Mette" not in page.text and "@" not in page.text.split("<main", 1)[1]
    # Nor may she open the requests themselves.
    assert client.get("/admin/bookings/bookingrequest/").status_code == 403


def test_the_numbers_are_for_those_who_manage_the_site(client, place_editor, lejre):
    from municipalities.models import MunicipalSite

    MunicipalSite.objects.create(municipality=lejre, title="Åben Skole i Lejre", published=True)
    assert client.get("/kommuner/lejre/besoeg/").status_code == 302  # to the login
    client.force_login(place_editor)
    assert client.get("/kommuner/lejre/besoeg/").status_code == 403
