"""In a real browser, the whole path of a booking: a teacher chooses her school and requests a date, confirms
her e-mail through the link read from a real SMTP server, the place confirms in the back office, she
receives the confirmation with the visit as .ics, cancels, and the place goes to the first on the waiting
list, who takes it. The teacher's pages pass axe."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from icalendar import Calendar

from bookings.models import BookingRequest
from tests import bookings_helpers
from tests.bookings_helpers import add_date, make_request, received
from tests.conftest import axe_check

smtp_server = bookings_helpers.smtp_server  # a real SMTP server on loopback

TEACHER = "mette@skole.example.dk"
NEXT_IN_LINE = "hans@boholm.example.dk"


def path_of_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/booking/\S+/)", message.get_body(("plain",)).get_content()).group(1)


@pytest.mark.browser
def test_request_confirm_place_confirms_ics_cancel_and_the_waiting_list_moves(
    page, browser, live_server, smtp_server, make_offer
):
    offer = make_offer("Vikingetid på egen krop", key="vikingetid", grades=["4-klasse", "5-klasse"])
    date = add_date(offer, places=1)
    editor = get_user_model().objects.create_user(
        "museum-redaktoer", "r@museum.example.dk", "correct-horse-battery"
    )
    call_command("grant_provider", editor.username, offer.provider.key, stdout=None)
    waiting = make_request(
        date, BookingRequest.Status.WAITING, school="boholmskolen-4060", name="Hans Lærer", email=NEXT_IN_LINE
    )

    # The teacher asks from the offer page, choosing her school on the way.
    page.goto("/tilbud/vikingetid/")
    page.get_by_role("link", name="Send en forespørgsel om et besøg").click()
    page.locator("main").get_by_role("link", name="Vælg din skole").click()
    page.get_by_label("Skolens navn, postnummer eller by").fill("Allerslev")
    page.get_by_role("button", name="Find", exact=True).click()
    page.get_by_role("button", name="Vælg Allerslev Skole").click()
    page.wait_for_url("**/tilbud/vikingetid/book/")
    assert "Forespørgslen sendes fra Allerslev Skole." in page.content()
    axe_check(page)
    page.locator("input[name=occurrence]").first.check()
    page.get_by_label("Elever").fill("24")
    page.get_by_label("Voksne").fill("2")
    page.get_by_label("Navn").fill("Mette Lærer")
    page.get_by_label("E-mail").fill(TEACHER)
    page.get_by_label("Telefon").fill("12345678")
    page.get_by_role("button", name="Send forespørgslen").click()
    page.wait_for_url("**/booking/sendt/")
    axe_check(page)

    # She confirms her e-mail through the link in the message the SMTP server received.
    link = path_of_link(received(smtp_server, TEACHER, "Bekræft din bookingforespørgsel"))
    page.goto(link)
    axe_check(page)
    page.get_by_role("button", name="Bekræft min e-mail").click()
    assert page.locator(".booking-status").inner_text() == "Venter"
    booking = BookingRequest.objects.get(email=TEACHER)

    # The place confirms in the back office.
    place = browser.new_context(base_url=live_server.url, locale="da-DK").new_page()
    place.goto("/admin/")
    place.locator("input[name=username]").fill("museum-redaktoer")
    place.locator("input[name=password]").fill("correct-horse-battery")
    place.locator("input[type=submit]").click()
    place.goto(f"/admin/bookings/bookingrequest/{booking.pk}/change/")
    place.get_by_label("Bekræft").check()
    place.get_by_role("button", name="Send afgørelsen").click()
    assert "Forespørgslen er bekræftet" in place.locator(".messagelist").inner_text()
    place.context.close()

    # She receives the confirmation with the visit as a calendar file.
    confirmation = received(smtp_server, TEACHER, "Jeres besøg er bekræftet")
    (attachment,) = list(confirmation.iter_attachments())
    (event,) = Calendar.from_ical(attachment.get_content()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Vikingetid på egen krop"

    # She cancels; the first on the waiting list is offered the place and takes it.
    page.goto(link)
    assert page.locator(".booking-status").inner_text() == "Bekræftet"
    axe_check(page)
    page.get_by_role("button", name="Aflys forespørgslen").click()
    assert page.locator(".booking-status").inner_text() == "Aflyst"
    offer_mail = received(smtp_server, NEXT_IN_LINE, "Der er blevet en plads ledig")
    page.goto(path_of_link(offer_mail))
    axe_check(page)
    page.get_by_role("button", name="Tag pladsen").click()
    assert page.locator(".booking-status").inner_text() == "Bekræftet"
    waiting.refresh_from_db()
    assert waiting.status == BookingRequest.Status.CONFIRMED
