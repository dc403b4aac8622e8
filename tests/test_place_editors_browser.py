"""In a real browser: a place editor keeps their learning place up to date, creates an offer, copies it, adds a
series of dates and sends the offer for approval; portal staff find it in the queue, see what it says and
approve it; the pages used pass axe-core."""

import datetime

import pytest
from django.utils import timezone

from offers.holidays import school_calendar
from offers.models import Offer
from tests.conftest import axe_check


def log_in(page, username: str, path: str) -> None:
    page.goto(path)  # to the login form first
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill("correct-horse-battery")
    page.get_by_role("button", name="Log ind").click()


def run_action(page, offer_title: str, action: str) -> None:
    page.goto("/admin/offers/offer/")
    row = page.locator("#result_list tbody tr").filter(
        has=page.get_by_role("link", name=offer_title, exact=True)
    )
    row.locator("input.action-select").check()
    page.locator("select[name=action]").select_option(label=action)
    page.get_by_role("button", name="Udfør").click()


def weeks_before_the_autumn_holiday() -> tuple[datetime.date, datetime.date]:
    today = timezone.localdate()
    autumn = [h for h in school_calendar().holidays if h.name == "Efterårsferie" and h.first > today][0]
    return autumn.first - datetime.timedelta(weeks=3), autumn.first - datetime.timedelta(days=1)


@pytest.mark.browser
def test_a_place_editor_keeps_their_place_and_offers_and_staff_approve(
    page, place_editor, staff_user, provider
):
    # The place: description and phone.
    log_in(page, "museum-redaktoer", f"/admin/offers/provider/{provider.pk}/change/")
    page.wait_for_url(f"**/provider/{provider.pk}/change/")
    axe_check(page)
    page.get_by_label("Beskrivelse").fill("Oplev jernalder og vikingetid i Lejre.")
    page.get_by_label("Telefon").fill("46 48 08 78")
    page.get_by_role("button", name="Gem", exact=True).click()
    page.wait_for_url("**/admin/offers/provider/")
    provider.refresh_from_db()
    assert (provider.description, provider.phone) == ("Oplev jernalder og vikingetid i Lejre.", "46 48 08 78")

    # A new offer, as a draft (the place is chosen for them).
    page.goto("/admin/offers/offer/add/")
    axe_check(page)
    page.get_by_label("Titel").fill("Stenalderdag for 3. klasse")
    page.get_by_label("Resumé").fill("Eleverne slår flint og laver mad over bål.")
    page.get_by_label("Undervisningsform").select_option(label="Besøg på stedet")
    page.get_by_role("button", name="Gem", exact=True).click()
    page.wait_for_url("**/admin/offers/offer/")
    offer = Offer.objects.get(title="Stenalderdag for 3. klasse")
    assert (offer.provider, offer.status, offer.key) == (provider, "draft", "stenalderdag-for-3-klasse")
    axe_check(page)

    # A copy of it: a draft with its own key, opened for editing.
    run_action(page, "Stenalderdag for 3. klasse", "Kopiér valgte tilbud")
    page.wait_for_url("**/change/")
    assert "er en kladde" in page.locator(".messagelist").inner_text()
    copy = Offer.objects.get(title="Kopi af Stenalderdag for 3. klasse")
    assert (copy.status, copy.key) == ("draft", "stenalderdag-for-3-klasse-kopi")

    # A series of dates for the offer.
    first, last = weeks_before_the_autumn_holiday()
    page.goto(f"/admin/offers/occurrence/offer/{offer.pk}/series/")
    page.get_by_label("Første dag").fill(first.isoformat())
    page.get_by_label("Sidste dag").fill(last.isoformat())
    page.get_by_label("tirsdag").check()
    page.get_by_label("Starttidspunkter").fill("9:00")
    page.get_by_role("button", name="Opret datoerne").click()
    page.wait_for_url("**/calendar/?month=*")
    assert "Oprettede 3 datoer." in page.locator(".messagelist").inner_text()
    assert offer.occurrences.count() == 3

    # Send it for approval.
    run_action(page, "Stenalderdag for 3. klasse", "Send valgte tilbud til godkendelse")
    page.wait_for_url("**/admin/offers/offer/")
    assert "sendt til godkendelse" in page.locator(".messagelist").inner_text()
    offer.refresh_from_db()
    assert offer.status == Offer.Status.REVIEW

    # Portal staff: the queue, the offer, approval.
    page.context.clear_cookies()
    log_in(page, "portalstaff", "/admin/offers/offer/")
    page.get_by_role("link", name="Afventer godkendelse (1)").click()
    page.wait_for_url("**/offer/review/")
    axe_check(page)
    page.get_by_role("link", name="Stenalderdag for 3. klasse").click()
    page.wait_for_url(f"**/offer/{offer.pk}/review/")
    assert "Et nyt tilbud" in page.content()
    assert "Eleverne slår flint og laver mad over bål." in page.locator("table.field-changes").inner_text()
    axe_check(page)
    page.get_by_role("button", name="Godkend og udgiv").click()
    page.wait_for_url("**/offer/review/")
    assert "er udgivet" in page.locator(".messagelist").inner_text()
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED

    # The history names who did what.
    page.goto(f"/admin/offers/offer/{offer.pk}/history/")
    history = page.locator(".offer-revisions").inner_text()
    assert "Sendt til godkendelse · museum-redaktoer" in history and "Godkendt · portalstaff" in history
    axe_check(page)
