"""A teacher's booking request without an account: sent from the offer page for her chosen school,
counted only once she confirms her e-mail through the signed link, and seen, changed and cancelled there."""

import pytest
from django.core import mail

from bookings.models import BookingRequest
from offers.models import Offer
from tests.bookings_helpers import SCHOOL, add_date, link_in_mail, link_path, make_request

pytestmark = pytest.mark.django_db
Status = BookingRequest.Status


@pytest.fixture
def offer(make_offer):
    return make_offer("Vikingetid på egen krop", key="vikingetid", grades=["4-klasse", "5-klasse"])


@pytest.fixture
def teacher(client):
    client.cookies["skole"] = SCHOOL
    return client


def form_data(date, **changes):
    data = {
        "occurrence": date.pk,
        "pupils": "24",
        "adults": "2",
        "name": "Mette Lærer",
        "email": "mette@skole.example.dk",
        "phone": "12345678",
        "message": "Vi glæder os.",
    }
    return {**data, **changes}


def test_a_teacher_without_a_chosen_school_is_sent_to_the_school_picker(client, offer):
    add_date(offer)
    response = client.get("/tilbud/vikingetid/book/")
    assert response.status_code == 200
    assert "Vælg først din skole" in response.text
    assert "/min-skole/?next=/tilbud/vikingetid/book/" in response.text


def test_a_request_waits_for_the_teachers_email_and_the_mail_carries_her_link(teacher, offer):
    date = add_date(offer)
    response = teacher.post("/tilbud/vikingetid/book/", form_data(date))
    assert response.status_code == 302 and response["Location"] == "/booking/sendt/"
    booking = BookingRequest.objects.get()
    assert (booking.status, booking.school.key, booking.occurrence) == (Status.UNCONFIRMED, SCHOOL, date)
    (message,) = mail.outbox
    assert message.to == ["mette@skole.example.dk"]
    assert message.subject == "Bekræft din bookingforespørgsel: Vikingetid på egen krop"
    assert link_in_mail(message) == link_path(booking)

    page = teacher.get(link_path(booking))
    assert "Bekræft min e-mail" in page.text
    teacher.post(link_path(booking) + "bekraeft/")
    booking.refresh_from_db()
    assert booking.status == Status.PENDING and booking.email_confirmed_at is not None
    assert mail.outbox[-1].subject == "Vi har modtaget jeres forespørgsel: Vikingetid på egen krop"


def test_a_request_for_a_full_date_joins_its_waiting_list_when_confirmed(teacher, offer):
    date = add_date(offer, places=1)
    make_request(date, Status.CONFIRMED, school="boholmskolen-4060")
    page = teacher.get("/tilbud/vikingetid/book/")
    assert "fuldt booket: kom på ventelisten" in page.text
    teacher.post("/tilbud/vikingetid/book/", form_data(date))
    booking = BookingRequest.objects.get(status=Status.UNCONFIRMED)
    teacher.post(link_path(booking) + "bekraeft/")
    booking.refresh_from_db()
    assert booking.status == Status.WAITING
    assert "venteliste" in mail.outbox[-1].body


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"pupils": "0"}, "Denne værdi skal være større end eller lig 1."),
        ({"email": "ikke-en-adresse"}, "Indtast en gyldig e-mail-adresse."),
        ({"occurrence": "999999"}, "Marker en gyldig valgmulighed."),
        ({"name": ""}, "Dette felt er påkrævet."),
    ],
)
def test_bad_input_is_answered_with_a_clear_message_and_400(teacher, offer, changes, message):
    date = add_date(offer)
    response = teacher.post("/tilbud/vikingetid/book/", form_data(date, **changes))
    assert response.status_code == 400
    assert message in response.text
    assert not BookingRequest.objects.exists()


def test_an_offer_booked_on_request_asks_for_wished_dates(teacher, offer):
    response = teacher.post(
        "/tilbud/vikingetid/book/", form_data(add_date(offer), occurrence="", wished_dates="")
    )
    assert response.status_code == 400  # has dates: a date is required
    offer.occurrences.all().delete()
    data = form_data(add_date(offer), wished_dates="Uge 12 eller 14, formiddag")
    offer.occurrences.all().delete()
    del data["occurrence"]
    assert teacher.post("/tilbud/vikingetid/book/", data).status_code == 302
    assert BookingRequest.objects.get().wished_dates == "Uge 12 eller 14, formiddag"


def test_a_link_that_was_not_signed_here_is_404(client, offer):
    booking = make_request(add_date(offer))
    forged = link_path(booking).replace("/booking/", "/booking/x")
    assert client.get(forged).status_code == 404
    assert client.post(forged + "aflys/").status_code == 404
    assert client.get("/booking/MTIz:forged/").status_code == 404


def test_the_teacher_changes_her_class_and_cancels_through_her_link(client, offer):
    booking = make_request(add_date(offer))
    response = client.post(
        link_path(booking), {"pupils": "19", "adults": "3", "name": "Mette L.", "phone": "87654321"}
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert (booking.pupils, booking.adults, booking.name) == (19, 3, "Mette L.")
    assert client.post(link_path(booking), {"pupils": "0", "name": "x"}).status_code == 400

    client.post(link_path(booking) + "aflys/")
    booking.refresh_from_db()
    assert booking.status == Status.CANCELLED
    assert mail.outbox[-1].subject == "Jeres forespørgsel er aflyst: Vikingetid på egen krop"
    page = client.get(link_path(booking))
    assert "Aflyst" in page.text and "Gem ændringerne" not in page.text


def test_the_link_lists_the_teachers_other_requests(client, offer, make_offer):
    first = make_request(add_date(offer))
    other = make_request(add_date(make_offer("Jernalderen", key="jernalder")))
    page = client.get(link_path(first))
    assert "Jernalderen" in page.text and link_path(other) in page.text


def test_one_address_cannot_be_sent_more_than_three_unconfirmed_requests_a_day(teacher, offer):
    date = add_date(offer, places=5)
    for _ in range(3):
        assert teacher.post("/tilbud/vikingetid/book/", form_data(date)).status_code == 302
    response = teacher.post("/tilbud/vikingetid/book/", form_data(date, email="METTE@skole.example.dk"))
    assert response.status_code == 400
    assert "Bekræft de forespørgsler, der allerede er sendt til denne e-mailadresse" in response.text
    assert len(mail.outbox) == 3


def test_the_offer_page_links_to_the_request_form(client, offer):
    add_date(offer)
    page = client.get("/tilbud/vikingetid/")
    assert (
        '<a class="button-link" href="/tilbud/vikingetid/book/">Send en forespørgsel om et besøg</a>'
        in page.text
    )


def test_a_request_never_confirmed_can_still_be_cancelled_through_its_link(client, make_offer):
    offer = make_offer(key="vikingetid", booking_email="booking@museum.example.dk")
    booking = make_request(add_date(offer), Status.UNCONFIRMED)
    assert client.post(link_path(booking) + "aflys/").status_code == 302
    booking.refresh_from_db()
    assert booking.status == Status.CANCELLED
    assert [message.to for message in mail.outbox] == [["mette@skole.example.dk"]]  # the place never saw it


def test_the_offer_page_shows_places_left_and_full_dates(client, offer):
    full, half, empty = (
        add_date(offer, places=1),
        add_date(offer, days_ahead=31, places=2),
        add_date(offer, days_ahead=32, places=2),
    )
    make_request(full, Status.CONFIRMED)
    make_request(half, Status.CONFIRMED)
    make_request(empty, Status.PENDING)  # a pending request holds no place
    text = client.get("/tilbud/vikingetid/").text
    assert text.count("fuldt booket: kom på ventelisten") == 1
    assert "1 af 2 pladser ledige" in text
    assert "2 pladser" in text


def test_a_fully_booked_date_is_not_a_free_date_in_the_catalogue(client, offer, make_offer):
    full = add_date(offer, places=1)
    other = make_offer("Skovens dyr", key="skovens-dyr")
    add_date(other, places=2)
    make_request(full, Status.CONFIRMED)
    day = full.starts.date().isoformat()

    assert list(Offer.objects.with_upcoming_dates()) == [other]
    found = client.get("/api/tilbud/", {"ledige": "1"}).json()
    assert [hit["key"] for hit in found["results"]] == ["skovens-dyr"]
    assert client.get("/api/tilbud/", {"dato": day}).json()["count"] == 1  # only the other offer's date
    # The offer page still lists the full date, for the waiting list.
    assert "fuldt booket: kom på ventelisten" in client.get("/tilbud/vikingetid/").text


def test_an_empty_post_is_400_with_the_fields_named(teacher, offer):
    add_date(offer)
    response = teacher.post("/tilbud/vikingetid/book/", {})
    assert response.status_code == 400
    assert "Dette felt er påkrævet." in response.text
