"""The place handles its requests in the back office (confirm, decline with a reason, propose another date),
and who may make each state change: the teacher's link, the place's editor, another place's editor, a
consultant, anonymous. The waiting list moves when a place is freed."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from bookings import links, states
from bookings.models import BookingRequest
from offers.models import Provider
from tests.bookings_helpers import BASE, add_date, link_path, make_request

pytestmark = pytest.mark.django_db
Status = BookingRequest.Status


@pytest.fixture
def offer(make_offer):
    return make_offer("Vikingetid på egen krop", key="vikingetid", booking_email="booking@museum.example.dk")


@pytest.fixture
def other_editor(lejre):
    from io import StringIO

    Provider.objects.create(key="andet-sted", slug="andet-sted", name="Andet sted", municipality=lejre)
    user = get_user_model().objects.create_user("andet-sted", "a@example.dk", "correct-horse-battery")
    call_command("grant_provider", user.username, "andet-sted", stdout=StringIO())
    return user


def handle(client, booking, **data):
    return client.post(f"/admin/bookings/bookingrequest/{booking.pk}/handle/", data)


DECISIONS = {
    "confirm": ({"action": "confirm"}, Status.CONFIRMED),
    "decline": ({"action": "decline", "reason": "Vi har lukket for skoler den uge."}, Status.DECLINED),
}


@pytest.mark.parametrize("decision", DECISIONS)
def test_the_places_editor_decides_and_the_teacher_is_told(client, place_editor, offer, decision):
    booking = make_request(add_date(offer))
    client.force_login(place_editor)
    data, status = DECISIONS[decision]
    response = handle(client, booking, **data)
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == status
    message = mail.outbox[-1]
    assert message.to == ["mette@skole.example.dk"]
    if decision == "decline":
        assert "Stedets begrundelse: Vi har lukket for skoler den uge." in message.body


def test_a_confirmed_visit_carries_its_ics(client, place_editor, offer):
    date = add_date(offer)
    booking = make_request(date)
    client.force_login(place_editor)
    handle(client, booking, action="confirm")
    message = mail.outbox[-1]
    assert message.subject == "Jeres besøg er bekræftet: Vikingetid på egen krop"
    ((name, content, mimetype),) = message.attachments
    assert (name, mimetype) == ("besoeg.ics", "text/calendar")
    (event,) = Calendar.from_ical(content).walk("VEVENT")
    assert event["UID"] == f"booking-{booking.pk}@testserver"
    assert event.decoded("DTSTART") == timezone.localtime(date.starts)
    assert str(event["SUMMARY"]) == "Vikingetid på egen krop"


def test_the_place_proposes_another_date_and_the_teacher_accepts_it(client, place_editor, offer):
    first, other = add_date(offer), add_date(offer, days_ahead=40)
    booking = make_request(first)
    client.force_login(place_editor)
    handle(client, booking, action="propose", other_date=other.pk, reason="Den 9. passer bedre.")
    assert mail.outbox[-1].subject == "Stedet foreslår en anden dato: Vikingetid på egen krop"
    client.logout()
    page = client.get(link_path(booking))
    assert "Tag imod den foreslåede dato" in page.text
    client.post(link_path(booking) + "tag-datoen/")
    booking.refresh_from_db()
    assert (booking.status, booking.occurrence) == (Status.CONFIRMED, other)


def test_declining_needs_a_reason_and_bad_choices_are_400_free(client, place_editor, offer):
    booking = make_request(add_date(offer))
    client.force_login(place_editor)
    response = handle(client, booking, action="decline", reason=" ")
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "Giv læreren en begrundelse." in page.text
    assert handle(client, booking, action="propose", other_date="nonsense").status_code == 302
    booking.refresh_from_db()
    assert booking.status == Status.PENDING


@pytest.mark.parametrize("decision", ["confirm", "decline", "propose"])
def test_nobody_else_may_decide(client, other_editor, consultant, place_editor, offer, decision):
    booking = make_request(add_date(offer))
    other_date = add_date(offer, days_ahead=40)
    data = {**DECISIONS, "propose": ({"action": "propose", "other_date": other_date.pk}, None)}[decision][0]
    response = handle(client, booking, **data)  # anonymous: to the login
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(other_editor)
    assert handle(client, booking, **data).status_code == 404
    assert (
        client.get(f"/admin/bookings/bookingrequest/{booking.pk}/change/").status_code == 302
    )  # "not found"
    client.force_login(consultant)
    assert handle(client, booking, **data).status_code in (403, 404)
    assert client.get("/admin/bookings/bookingrequest/").status_code == 403
    booking.refresh_from_db()
    assert (booking.status, booking.proposed_occurrence) == (Status.PENDING, None)
    assert mail.outbox == []
    # The teacher's link has no way to confirm her own request.
    client.logout()
    assert client.post(link_path(booking) + "tag-pladsen/").status_code == 302
    booking.refresh_from_db()
    assert booking.status == Status.PENDING


@pytest.mark.parametrize("who", ["anonymous", "place_editor", "other_editor", "consultant", "staff_user"])
def test_teacher_link_actions_need_the_signed_link(client, offer, who, request):
    """Confirming the e-mail, changing, cancelling and taking a place or a date are the teacher's, through
    her link: nobody without it, logged in or not, the place included, can do them by the request's id."""
    booking = make_request(add_date(offer), Status.UNCONFIRMED)
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    assert (
        client.post(f"/booking/{booking.pk}/", {"pupils": "2", "name": "X", "phone": "1"}).status_code == 404
    )
    for action in ("bekraeft/", "aflys/", "tag-pladsen/", "tag-datoen/"):
        assert client.post(f"/booking/{booking.pk}/{action}").status_code == 404
    booking.refresh_from_db()
    assert (booking.status, booking.pupils) == (Status.UNCONFIRMED, 24)


def test_editors_list_only_their_places_requests_and_personal_data_stay_with_them(
    client, place_editor, other_editor, offer
):
    make_request(add_date(offer), name="Mette Lærer")
    client.force_login(place_editor)
    page = client.get("/admin/bookings/bookingrequest/")
    assert page.status_code == 200 and "Allerslev Skole" in page.text
    client.force_login(other_editor)
    page = client.get("/admin/bookings/bookingrequest/")
    assert "Allerslev Skole" not in page.text


def test_the_waiting_list_moves_when_a_place_is_freed_and_offers_lapse_after_48_hours(client, offer):
    date = add_date(offer, places=1)
    held = make_request(date, Status.CONFIRMED, email="a@skole.example.dk")
    first = make_request(date, Status.WAITING, school="boholmskolen-4060", email="b@skole.example.dk")
    second = make_request(date, Status.WAITING, school="bramsnaesvigskolen-4070", email="c@skole.example.dk")

    client.post(link_path(held) + "aflys/")
    first.refresh_from_db()
    assert first.has_offer and first.offered_until > timezone.now() + datetime.timedelta(hours=47)
    assert mail.outbox[-1].to == ["b@skole.example.dk"]
    assert mail.outbox[-1].subject == "Der er blevet en plads ledig: Vikingetid på egen krop"

    # 48 hours pass: the offer lapses, the next one is offered.
    later = timezone.now() + datetime.timedelta(hours=49)
    assert states.lapse_offers(BASE, now=later) == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Status.CANCELLED
    assert second.offered_until is not None and mail.outbox[-1].to == ["c@skole.example.dk"]

    client.post(link_path(second) + "tag-pladsen/")
    second.refresh_from_db()
    assert second.status == Status.CONFIRMED


def test_an_offer_taken_after_its_hours_is_refused(client, offer):
    date = add_date(offer, places=1)
    booking = make_request(date, Status.WAITING)
    booking.offered_until = timezone.now() - datetime.timedelta(minutes=1)
    booking.save()
    response = client.post(link_path(booking) + "tag-pladsen/", follow=True)
    assert "Tilbuddet om en plads er udløbet." in response.text
    booking.refresh_from_db()
    assert booking.status == Status.WAITING


def test_the_link_of_a_request_with_deleted_personal_data_is_404(client, offer):
    booking = make_request(add_date(offer))
    token = links.token_for(booking)
    BookingRequest.objects.filter(pk=booking.pk).update(anonymised_at=timezone.now())
    assert client.get(f"/booking/{token}/").status_code == 404


def test_the_place_is_told_of_new_requests_and_cancellations_with_its_back_office_link(client, offer):
    booking = make_request(add_date(offer), Status.UNCONFIRMED)
    states.confirm_email(booking, BASE)
    to_place = [message for message in mail.outbox if message.to == ["booking@museum.example.dk"]]
    assert [message.subject for message in to_place] == ["Ny bookingforespørgsel: Vikingetid på egen krop"]
    assert f"{BASE}/admin/bookings/bookingrequest/{booking.pk}/change/" in to_place[0].body
    assert "Mette" not in to_place[0].subject


def test_the_list_and_the_teachers_page_take_a_fixed_number_of_queries(
    client, place_editor, offer, django_assert_max_num_queries
):
    date = add_date(offer, places=5)
    schools = ["allerslev-skole-4320", "boholmskolen-4060", "bramsnaesvigskolen-4070"]
    bookings = [make_request(date, school=school) for school in schools]
    client.force_login(place_editor)
    with django_assert_max_num_queries(14):
        assert client.get("/admin/bookings/bookingrequest/").status_code == 200
    client.logout()
    with django_assert_max_num_queries(6):
        assert client.get(link_path(bookings[0])).status_code == 200


def test_requests_on_a_date_the_place_cancels_are_closed_and_the_teachers_told(offer):
    from io import StringIO

    from offers.models import Occurrence

    date = add_date(offer, places=2)
    held = make_request(date, Status.CONFIRMED)
    unconfirmed = make_request(date, Status.UNCONFIRMED, email="ny@skole.example.dk")
    Occurrence.objects.filter(pk=date.pk).update(
        status=Occurrence.Status.CANCELLED
    )  # the admin's bulk action
    out = StringIO()
    call_command("process_waiting_lists", stdout=out)
    assert out.getvalue().strip() == "2 requests on cancelled dates closed; 0 offers lapsed."
    held.refresh_from_db()
    unconfirmed.refresh_from_db()
    assert (held.status, unconfirmed.status) == (Status.CANCELLED, Status.CANCELLED)
    (message,) = [m for m in mail.outbox if m.to == ["mette@skole.example.dk"]]
    assert "Stedet har aflyst datoen." in message.body
    assert not [m for m in mail.outbox if m.to == ["ny@skole.example.dk"]]


def test_a_request_for_an_offer_booked_on_request_is_confirmed_with_the_agreed_time(
    client, place_editor, offer
):
    from municipalities.models import School

    booking = BookingRequest.objects.create(
        offer=offer,
        school=School.objects.get(key="allerslev-skole-4320"),
        wished_dates="Uge 12, formiddag",
        pupils=22,
        name="Mette Lærer",
        email="mette@skole.example.dk",
        status=Status.PENDING,
        email_confirmed_at=timezone.now(),
    )
    client.force_login(place_editor)
    response = handle(client, booking, action="confirm")
    assert "Angiv besøgets aftalte tidspunkt." in client.get(response["Location"]).text
    handle(client, booking, action="confirm", agreed_starts="2027-03-23T09:30")
    booking.refresh_from_db()
    assert booking.status == Status.CONFIRMED
    assert timezone.localtime(booking.agreed_starts).strftime("%Y-%m-%d %H:%M") == "2027-03-23 09:30"
    (event,) = Calendar.from_ical(mail.outbox[-1].attachments[0][1]).walk("VEVENT")
    assert timezone.localtime(event.decoded("DTSTART")).strftime("%d.%m %H:%M") == "23.03 09:30"
    assert "tirsdag 23. marts 2027 kl. 09.30" in mail.outbox[-1].body


def test_a_confirmed_visit_the_place_declines_frees_its_place_for_the_waiting_list(
    client, place_editor, offer
):
    date = add_date(offer, places=1)
    held = make_request(date, Status.CONFIRMED)
    waiting = make_request(date, Status.WAITING, school="boholmskolen-4060", email="b@skole.example.dk")
    client.force_login(place_editor)
    handle(client, held, action="decline", reason="Underviseren er syg.")
    waiting.refresh_from_db()
    assert waiting.has_offer
    assert mail.outbox[-1].to == ["b@skole.example.dk"]
