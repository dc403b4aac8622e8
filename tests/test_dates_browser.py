"""In a real browser: portal staff create a series of dates for an offer in the back office, see the month
calendar, cancel one date, and a teacher sees the free dates on the offer page."""

import datetime

import pytest
from django.utils import timezone

from offers.holidays import school_calendar
from offers.models import Occurrence
from tests.conftest import axe_check


def next_autumn_holiday():
    today = timezone.localdate()
    holidays = [h for h in school_calendar().holidays if h.name == "Efterårsferie" and h.first > today]
    assert holidays, "The holiday calendar has no autumn holiday ahead: add the next school year to it."
    return holidays[0]


@pytest.mark.browser
def test_staff_create_a_series_see_the_calendar_cancel_a_date_and_teachers_see_the_dates(
    page, staff_user, published_offer
):
    autumn = next_autumn_holiday()
    holiday_monday = autumn.last - datetime.timedelta(days=6)
    first, last = holiday_monday - datetime.timedelta(weeks=1), holiday_monday + datetime.timedelta(days=11)

    page.goto("/admin/")
    page.locator("input[name=username]").fill("portalstaff")
    page.locator("input[name=password]").fill("correct-horse-battery")
    page.locator("input[type=submit]").click()
    page.goto(f"/admin/offers/offer/{published_offer.pk}/change/")
    assert "Bookes efter aftale" not in page.content()
    page.get_by_role("link", name="Opret en serie af datoer").click()

    # The series form: Tuesdays and Thursdays at 9:00 and 11:00, the weeks around the autumn holiday.
    page.wait_for_url("**/series/")
    axe_check(page)
    page.get_by_label("Første dag").fill(first.isoformat())
    page.get_by_label("Sidste dag").fill(last.isoformat())
    page.get_by_label("tirsdag").check()
    page.get_by_label("torsdag").check()
    page.get_by_label("Starttidspunkter").fill("9:00, 11:00")
    page.get_by_label("Varighed (minutter)").fill("90")
    page.get_by_role("button", name="Opret datoerne").click()

    # The month calendar: the dates, the holiday marked, a success message.
    page.wait_for_url("**/calendar/?month=*")
    assert (
        "Oprettede 8 datoer. Sprunget over: Efterårsferie (2)." in page.locator(".messagelist").inner_text()
    )
    calendar = page.locator("table.dates-month")
    assert "Efterårsferie" in calendar.inner_text()
    assert calendar.get_by_role("link", name="9.00–10.30").count() == 4
    axe_check(page)

    # Cancel the first date.
    page.get_by_role("button", name="Aflys").first.click()
    page.wait_for_url("**/calendar/?month=*")
    assert "er aflyst" in page.locator(".messagelist").inner_text()
    assert page.get_by_role("button", name="Aflys").count() == 7
    assert "Aflyst" in page.locator("table.dates-month").inner_text()
    assert Occurrence.objects.filter(status=Occurrence.Status.CANCELLED).count() == 1

    # A teacher sees the free dates on the offer page; the cancelled one is not among them.
    page.context.clear_cookies()
    page.goto(published_offer.get_absolute_url())
    dates = page.get_by_role("region", name="Datoer")
    assert dates.get_by_role("listitem").count() == 6
    assert "og 1 dato mere" in dates.inner_text()
    axe_check(page)
