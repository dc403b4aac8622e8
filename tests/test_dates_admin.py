"""Dated visits in the back office: one at a time on the offer, a series from a form, the month calendar,
cancelling a date (POST with CSRF), and refusals for bad input and for users without the permissions."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from offers.holidays import school_calendar
from offers.models import DEADLINE_DAYS, Occurrence

DK = timezone.get_default_timezone()


def at(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=DK)


def add_date(offer, starts, **fields):
    fields.setdefault("ends", starts + datetime.timedelta(hours=2))
    return Occurrence.objects.create(offer=offer, starts=starts, **fields)


def next_holiday(name: str):
    """The next holiday period called ``name`` in the shipped calendar (e.g. the next autumn holiday)."""
    today = timezone.localdate()
    upcoming = [
        h for h in school_calendar().holidays if h.name == name and h.first > today + datetime.timedelta(7)
    ]
    assert upcoming, f"The holiday calendar has no {name} after {today}: add the next school year to it."
    return upcoming[0]


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture
def offer(published_offer):
    return published_offer


def calendar_url(offer, month=None):
    url = reverse("admin:offers_occurrence_calendar", args=[offer.pk])
    return f"{url}?month={month}" if month else url


def series_url(offer):
    return reverse("admin:offers_occurrence_series", args=[offer.pk])


# --- One at a time, on the offer ---


def offer_form(offer, dates: list[dict]) -> dict:
    data = {
        "title": offer.title,
        "provider": offer.provider_id,
        "status": offer.status,
        "summary": offer.summary,
        "format": offer.format,
        "key": offer.key,
        "slug": offer.slug,
        "themes": "",
        "languages": "da",
        "occurrences-TOTAL_FORMS": str(len(dates)),
        "occurrences-INITIAL_FORMS": "0",
        "occurrences-MIN_NUM_FORMS": "0",
        "occurrences-MAX_NUM_FORMS": "1000",
    }
    for index, values in enumerate(dates):
        data |= {f"occurrences-{index}-{name}": value for name, value in values.items()}
    return data


def test_a_date_added_on_the_offer_gets_the_default_deadline(staff_client, offer):
    response = staff_client.post(
        reverse("admin:offers_offer_change", args=[offer.pk]),
        offer_form(
            offer,
            [
                {
                    "starts_0": "2031-03-04",
                    "starts_1": "09:00",
                    "ends_0": "2031-03-04",
                    "ends_1": "11:00",
                    "places": "2",
                    "status": "open",
                }
            ],
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    date = offer.occurrences.get()
    assert (date.key, date.places, date.status) == ("2031-03-04-0900", 2, "open")
    assert date.booking_deadline == datetime.date(2031, 3, 4) - datetime.timedelta(days=DEADLINE_DAYS)


def test_a_date_that_ends_before_it_starts_is_refused_with_a_danish_message(staff_client, offer):
    response = staff_client.post(
        reverse("admin:offers_offer_change", args=[offer.pk]),
        offer_form(
            offer,
            [
                {
                    "starts_0": "2031-03-04",
                    "starts_1": "11:00",
                    "ends_0": "2031-03-04",
                    "ends_1": "09:00",
                    "places": "1",
                    "status": "open",
                }
            ],
        ),
    )
    assert response.status_code == 200
    assert "En dato skal slutte, efter den begynder." in response.content.decode()
    assert not offer.occurrences.exists()


def test_two_dates_at_the_same_time_are_refused_with_a_message_not_an_error(staff_client, offer):
    same = {
        "starts_0": "2031-03-04",
        "starts_1": "09:00",
        "ends_0": "2031-03-04",
        "ends_1": "11:00",
        "places": "1",
        "status": "open",
    }
    response = staff_client.post(
        reverse("admin:offers_offer_change", args=[offer.pk]), offer_form(offer, [same, same])
    )
    assert response.status_code == 200
    assert not offer.occurrences.exists()


def test_the_offer_form_shows_only_the_next_dates_and_links_to_the_calendar_and_series(staff_client, offer):
    add_date(offer, at(timezone.localdate() - datetime.timedelta(days=1), 9))  # over
    for day in range(25):
        add_date(offer, at(timezone.localdate() + datetime.timedelta(days=day + 1), 9))
    html = staff_client.get(reverse("admin:offers_offer_change", args=[offer.pk])).content.decode()
    assert 'name="occurrences-INITIAL_FORMS" value="20"' in html
    assert "Viser de næste 20 datoer." in html
    assert f'href="{calendar_url(offer)}"' in html and f'href="{series_url(offer)}"' in html


# --- A series ---


def series_data(begin, end, **changes) -> dict:
    return {
        "first": begin.isoformat(),
        "last": end.isoformat(),
        "weekdays": ["2", "4"],
        "times": "9:00, 11.00",
        "minutes": "120",
        "places": "1",
        "deadline_days": "14",
        "skip_holidays": "on",
        "skip_weeks": "",
        **changes,
    }


def around(holiday):
    """From the Monday of the school week before ``holiday`` to the Sunday of the school week after it."""
    monday = holiday.last - datetime.timedelta(days=holiday.last.weekday())
    return monday - datetime.timedelta(weeks=1), monday + datetime.timedelta(weeks=1, days=6)


def test_the_series_form_offers_the_offers_duration_and_the_default_deadline(staff_client, make_offer):
    offer = make_offer("Sejlads", key="sejlads", duration_minutes=150)
    html = staff_client.get(series_url(offer)).content.decode()
    assert 'name="minutes" value="150"' in html
    assert f'name="deadline_days" value="{DEADLINE_DAYS}"' in html
    assert 'id="id_skip_holidays" checked' in html


def test_a_series_is_created_around_the_autumn_holiday_and_running_it_again_adds_nothing(staff_client, offer):
    autumn = next_holiday("Efterårsferie")
    first, last = around(autumn)
    response = staff_client.post(series_url(offer), series_data(first, last), follow=True)
    month = timezone.localdate(offer.occurrences.first().starts)
    assert response.redirect_chain[-1][0] == calendar_url(offer, f"{month:%Y-%m}")
    assert offer.occurrences.count() == 8  # Tuesdays and Thursdays of two school weeks, two times a day
    assert not any(
        autumn.first <= timezone.localdate(o.starts) <= autumn.last for o in offer.occurrences.all()
    )
    assert "Oprettede 8 datoer. Sprunget over: Efterårsferie (2)." in response.content.decode()

    again = staff_client.post(series_url(offer), series_data(first, last), follow=True)
    assert "Oprettede 0 datoer. 8 fandtes allerede." in again.content.decode()
    assert offer.occurrences.count() == 8


def test_weeks_named_by_the_editor_are_left_out_too(staff_client, offer):
    autumn = next_holiday("Efterårsferie")
    first, last = around(autumn)
    week = (last - datetime.timedelta(days=1)).isocalendar().week
    response = staff_client.post(
        series_url(offer), series_data(first, last, skip_weeks=f"uge {week}"), follow=True
    )
    assert offer.occurrences.count() == 4
    assert f"uge {week} (2)" in response.content.decode()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"times": "9-00"}, "“9-00” er ikke et klokkeslæt; skriv fx 9:00 eller 13.30."),
        ({"times": ""}, "Dette felt er påkrævet."),
        ({"skip_weeks": "uge 54"}, "“54” er ikke et ugenummer (1–53)."),
        ({"weekdays": []}, "Dette felt er påkrævet."),
        ({"places": "0"}, "Denne værdi skal være større end eller lig 1."),
        ({"weekdays": ["6"]}, "Ingen dag i perioden passer: tjek ugedagene og de uger, der springes over."),
        ({"first": "2020-01-06"}, "En serie kan ikke begynde i fortiden."),
        ({"first": "ikke en dato"}, "Indtast en gyldig dato."),
    ],
)
def test_a_bad_series_is_refused_with_a_message_and_creates_nothing(staff_client, offer, changes, message):
    first, last = around(next_holiday("Efterårsferie"))
    last = first + datetime.timedelta(days=4)  # Monday to Friday of a school week
    response = staff_client.post(series_url(offer), series_data(first, last, **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not offer.occurrences.exists()


def test_a_series_ending_before_it_begins_or_spanning_years_is_refused(staff_client, offer):
    first, last = around(next_holiday("Efterårsferie"))
    response = staff_client.post(series_url(offer), series_data(last, first))
    assert "Sidste dag skal ligge på eller efter første dag." in response.content.decode()
    data = series_data(first, datetime.date(9999, 12, 31))
    del data["skip_holidays"]
    assert "En serie kan højst dække to år." in staff_client.post(series_url(offer), data).content.decode()
    assert not offer.occurrences.exists()


def test_a_series_beyond_the_holiday_calendar_must_include_the_holidays(staff_client, offer):
    beyond = school_calendar().last_day + datetime.timedelta(days=30)
    beyond += datetime.timedelta(days=7 - beyond.weekday())  # a Monday
    data = series_data(beyond, beyond + datetime.timedelta(days=14))
    assert "Feriekalenderen dækker" in staff_client.post(series_url(offer), data).content.decode()
    del data["skip_holidays"]
    assert staff_client.post(series_url(offer), data).status_code == 302
    assert offer.occurrences.count() == 8


def test_a_series_too_large_is_refused(staff_client, offer):
    first = timezone.localdate() + datetime.timedelta(days=1)
    data = series_data(
        first,
        first + datetime.timedelta(weeks=30),
        weekdays=["1", "2", "3", "4", "5"],
        times="8:00 9:00 10:00 11:00",
    )
    del data["skip_holidays"]
    response = staff_client.post(series_url(offer), data)
    assert "en serie kan højst have 500" in response.content.decode()
    assert not offer.occurrences.exists()


# --- The month calendar and cancelling ---


def test_the_calendar_shows_a_month_with_its_dates_holidays_and_neighbouring_months(staff_client, offer):
    add_date(offer, at(datetime.date(2027, 2, 9), 9), booking_deadline=datetime.date(2027, 1, 26))
    add_date(offer, at(datetime.date(2027, 2, 11), 13), status=Occurrence.Status.CANCELLED)
    response = staff_client.get(calendar_url(offer, "2027-02"))
    page = response.content.decode()
    start = page.index('<table class="dates-month">')
    html = page[start : page.index("</table>", start)]
    assert response.status_code == 200
    assert "<caption>februar 2027</caption>" in html
    assert html.count('<th scope="col">') == 8  # the week number and seven weekdays
    assert '<th scope="row">7</th>' in html and "Vinterferie" in html
    assert "9.00–11.00" in html and "frist 26. jan" in html
    assert html.count('action="/admin/offers/occurrence/') == 1  # only the open date can be cancelled
    assert "Aflyst" in html
    assert 'href="?month=2027-01" rel="prev"' in page and 'href="?month=2027-03" rel="next"' in page


def test_the_calendar_without_a_month_shows_this_month(staff_client, offer):
    today = timezone.localdate()
    html = staff_client.get(calendar_url(offer)).content.decode()
    assert 'aria-current="date"' in html
    assert f"?month={(today.replace(day=28) + datetime.timedelta(days=4)):%Y-%m}" in html


@pytest.mark.parametrize("month", ["2027-13", "marts", "2027-3", "0000-01", "9999-12"])
def test_an_unreadable_month_is_a_clear_400(staff_client, offer, month):
    response = staff_client.get(calendar_url(offer, month))
    assert response.status_code == 400
    assert "Skriv måneden som ÅÅÅÅ-MM" in response.content.decode()


def test_cancelling_a_date_in_the_calendar(staff_client, offer):
    date = add_date(offer, at(datetime.date(2027, 2, 9), 9))
    response = staff_client.post(reverse("admin:offers_occurrence_cancel", args=[date.pk]), follow=True)
    assert response.redirect_chain[-1][0] == calendar_url(offer, "2027-02")
    assert "Datoen 9. februar 2027 09:00 er aflyst." in response.content.decode()
    date.refresh_from_db()
    assert date.status == Occurrence.Status.CANCELLED
    again = staff_client.post(reverse("admin:offers_occurrence_cancel", args=[date.pk]), follow=True)
    assert "var allerede aflyst" in again.content.decode()


def test_cancelling_needs_a_post_with_a_csrf_token(staff_user, offer):
    date = add_date(offer, at(datetime.date(2027, 2, 9), 9))
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user)
    url = reverse("admin:offers_occurrence_cancel", args=[date.pk])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403
    date.refresh_from_db()
    assert date.status == Occurrence.Status.OPEN


def test_cancelling_selected_dates_from_the_list(staff_client, offer):
    dates = [add_date(offer, at(datetime.date(2027, 2, day), 9)) for day in (9, 10, 11)]
    response = staff_client.post(
        reverse("admin:offers_occurrence_changelist"),
        {"action": "cancel_dates", "_selected_action": [dates[0].pk, dates[1].pk]},
        follow=True,
    )
    assert "2 datoer blev aflyst." in response.content.decode()
    assert list(offer.occurrences.values_list("status", flat=True)) == ["cancelled", "cancelled", "open"]


def test_a_date_added_alone_gets_the_default_deadline(staff_client, offer):
    assert (
        f'value="{offer.pk}" selected'
        in staff_client.get(reverse("admin:offers_occurrence_add") + f"?offer={offer.pk}").content.decode()
    )
    data = {
        "offer": offer.pk,
        "starts_0": "2031-03-04",
        "starts_1": "09:00",
        "ends_0": "2031-03-04",
        "ends_1": "11:00",
        "places": "1",
        "status": "open",
    }
    assert staff_client.post(reverse("admin:offers_occurrence_add"), data).status_code == 302
    assert offer.occurrences.get().booking_deadline == datetime.date(2031, 2, 18)


# --- Who may ---


@pytest.fixture
def viewer(db):
    """Back-office staff who may look at dates but not change or add them."""
    user = get_user_model().objects.create_user(
        "kigger", "kigger@example.dk", "correct-horse-battery", is_staff=True
    )
    user.user_permissions.add(*Permission.objects.filter(codename__in=["view_occurrence", "view_offer"]))
    return user


def test_staff_who_may_only_look_see_the_calendar_without_buttons_and_cannot_cancel_or_add(
    client, viewer, offer
):
    date = add_date(offer, at(datetime.date(2027, 2, 9), 9))
    client.force_login(viewer)
    html = client.get(calendar_url(offer, "2027-02")).content.decode()
    assert "9.00–11.00" in html and 'aria-label="Aflys' not in html
    assert client.post(reverse("admin:offers_occurrence_cancel", args=[date.pk])).status_code == 403
    assert client.get(series_url(offer)).status_code == 403
    date.refresh_from_db()
    assert date.status == Occurrence.Status.OPEN


def test_a_consultant_cannot_reach_the_dates_pages(client, consultant, offer):
    date = add_date(offer, at(datetime.date(2027, 2, 9), 9))
    client.force_login(consultant)
    assert client.get(calendar_url(offer, "2027-02")).status_code == 403
    assert client.get(series_url(offer)).status_code == 403
    assert client.post(reverse("admin:offers_occurrence_cancel", args=[date.pk])).status_code == 403


def test_the_dates_pages_need_a_login_and_an_existing_offer(client, staff_client, offer):
    assert "/admin/login/" in Client().get(calendar_url(offer))["Location"]
    assert staff_client.get(reverse("admin:offers_occurrence_calendar", args=[999999])).status_code == 404
    assert staff_client.post(reverse("admin:offers_occurrence_cancel", args=[999999])).status_code == 404
