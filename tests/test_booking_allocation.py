"""Fair allocation of scarce dates: a constructed case where first come, first served and the fair rule give
different schools the dates, with the winners written out by hand; the seeded lottery of a tie; the
explanations e-mailed to the schools and the table staff see."""

import contextlib
import datetime

import pytest
from django.core import mail
from django.utils import timezone

from bookings import allocation, states
from bookings.models import AllocationPolicy, AllocationRound, BookingRequest, school_year_start
from offers.models import Occurrence
from tests.bookings_helpers import BASE, add_date, make_request

pytestmark = pytest.mark.django_db
Status = BookingRequest.Status

ALLERSLEV, BOHOLM, BRAMSNAES, KARLEBY = (
    "allerslev-skole-4320",
    "boholmskolen-4060",
    "bramsnaesvigskolen-4070",
    "dagskolen-i-karleby-4070",
)


def earlier_visits(make_offer, visits: dict[str, int]) -> None:
    """Confirmed visits this school year (early in it) to another offer."""
    other = make_offer("Stenalderen", key="stenalder")
    day = school_year_start(timezone.localdate()) + datetime.timedelta(days=14)
    starts = datetime.datetime.combine(day, datetime.time(9), tzinfo=timezone.get_default_timezone())
    date = Occurrence.objects.create(
        offer=other, starts=starts, ends=starts + datetime.timedelta(hours=2), places=10
    )
    for school, count in visits.items():
        for _ in range(count):
            make_request(date, Status.CONFIRMED, school=school)


@pytest.fixture
def scarce(make_offer):
    """An offer with two dates of one place each."""
    offer = make_offer("Vikingetid på egen krop", key="vikingetid")
    return offer, add_date(offer, days_ahead=30), add_date(offer, days_ahead=31)


def winners(*dates) -> list[str]:
    return [BookingRequest.objects.get(occurrence=date, status=Status.CONFIRMED).school.key for date in dates]


def send_in_order(dates_and_schools, round_=None) -> list[BookingRequest]:
    """Requests in the order they arrive (each a few seconds after the one before)."""
    sent = []
    first = timezone.now() - datetime.timedelta(hours=1)
    for number, (date, school) in enumerate(dates_and_schools):
        booking = make_request(date, school=school, allocation=round_, email=f"{number}@skole.example.dk")
        BookingRequest.objects.filter(pk=booking.pk).update(
            email_confirmed_at=first + datetime.timedelta(seconds=number)
        )
        sent.append(booking)
    return sent


def test_first_come_first_served_and_fair_allocation_give_the_dates_to_different_schools(make_offer, scarce):
    offer, day_1, day_2 = scarce
    # Allerslev already has 2 visits this school year, Bramsnæsvig 1, Boholm none.
    earlier_visits(make_offer, {ALLERSLEV: 2, BRAMSNAES: 1})
    arrivals = [(day_1, ALLERSLEV), (day_2, ALLERSLEV), (day_1, BRAMSNAES), (day_2, BOHOLM)]

    # First come, first served: the place confirms in the order the requests arrived.
    for booking in send_in_order(arrivals):
        with contextlib.suppress(states.BookingError):  # the date was taken
            states.confirm(booking, BASE)
    assert winners(day_1, day_2) == [ALLERSLEV, ALLERSLEV]  # the fastest school takes both dates

    # The same requests in an allocation round.
    BookingRequest.objects.filter(offer=offer).delete()
    round_ = AllocationRound.objects.create(
        offer=offer, requests_until=timezone.now() - datetime.timedelta(minutes=1)
    )
    send_in_order(arrivals, round_)
    mail.outbox.clear()
    decisions = allocation.allocate(round_, BASE, seed=1)

    # Boholm (0 visits) first: day 2. Bramsnæsvig (1 visit): day 1. Allerslev (2 visits): both dates taken.
    assert winners(day_1, day_2) == [BRAMSNAES, BOHOLM]
    assert [(d.school, d.visits, d.placed) for d in decisions] == [
        ("Boholmskolen", 0, True),
        ("Bramsnæsvigskolen", 1, True),
        ("Allerslev Skole", 2, False),
        ("Allerslev Skole", 2, False),
    ]
    lost = BookingRequest.objects.filter(offer=offer, school__key=ALLERSLEV)
    assert {booking.status for booking in lost} == {Status.WAITING}
    assert {booking.reason for booking in lost} == {
        "I fik ikke plads, fordi skoler med færre bekræftede besøg i dette skoleår går først: "
        "Bramsnæsvigskolen havde 1, I havde 2 besøg.",
        "I fik ikke plads, fordi skoler med færre bekræftede besøg i dette skoleår går først: "
        "Boholmskolen havde 0, I havde 2 besøg.",
    }
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects == [
        "I fik ikke plads: Vikingetid på egen krop",
        "I fik ikke plads: Vikingetid på egen krop",
        "Jeres besøg er bekræftet: Vikingetid på egen krop",
        "Jeres besøg er bekræftet: Vikingetid på egen krop",
    ]
    assert "I fik ikke plads, fordi" in next(m.body for m in mail.outbox if m.subject.startswith("I fik"))
    round_.refresh_from_db()
    assert (round_.status, round_.seed, len(round_.table)) == (AllocationRound.Status.ALLOCATED, 1, 4)


@pytest.mark.parametrize("seed, winner", [(1, BOHOLM), (0, KARLEBY)])
def test_a_tie_is_drawn_by_lot_with_the_recorded_seed_the_same_way_every_time(scarce, seed, winner):
    offer, day_1, _day_2 = scarce
    round_ = AllocationRound.objects.create(
        offer=offer, requests_until=timezone.now() - datetime.timedelta(minutes=1)
    )
    first, second = send_in_order([(day_1, BOHOLM), (day_1, KARLEBY)], round_)
    assert allocation.lots([first.pk, second.pk], seed) == (
        {first.pk: 1, second.pk: 2} if winner == BOHOLM else {first.pk: 2, second.pk: 1}
    )
    allocation.allocate(round_, BASE, seed=seed)
    assert winners(day_1) == [winner]
    loser = BookingRequest.objects.get(occurrence=day_1, status=Status.WAITING)
    assert "lodtrækningen satte den først (lodnummer 1, jeres 2)" in loser.reason


def test_a_round_collects_until_its_deadline_and_is_allocated_once(client, place_editor, scarce):
    offer, day_1, _day_2 = scarce
    round_ = AllocationRound.objects.create(
        offer=offer, requests_until=timezone.now() + datetime.timedelta(days=1)
    )
    (booking,) = send_in_order([(day_1, BOHOLM)], round_)
    late = make_request(day_1, school=KARLEBY)  # after the deadline, before the allocation: not in the round
    for request in (booking, late):
        with pytest.raises(states.BookingError, match="fordelingsrunde"):
            states.confirm(request, BASE)  # not one by one until the round is allocated
    client.force_login(place_editor)
    response = client.post(f"/admin/bookings/allocationround/{round_.pk}/allocate/", follow=True)
    assert "Runden samler forespørgsler indtil fristen" in response.text
    AllocationRound.objects.filter(pk=round_.pk).update(requests_until=timezone.now())
    response = client.post(f"/admin/bookings/allocationround/{round_.pk}/allocate/", follow=True)
    assert "Fordelt: 1 af 1 forespørgsler fik plads." in response.text
    assert "Boholmskolen" in response.text and "Bekræftet" in response.text  # the table
    response = client.post(f"/admin/bookings/allocationround/{round_.pk}/allocate/", follow=True)
    assert "Denne runde er allerede fordelt." in response.text
    with pytest.raises(states.BookingError, match="Datoen er fuldt booket"):
        states.confirm(late, BASE)  # one by one again, and the round gave the place to Boholm


def test_another_places_editor_and_a_consultant_cannot_allocate(client, consultant, scarce, lejre):
    from io import StringIO

    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from offers.models import Provider

    offer, _day_1, _day_2 = scarce
    round_ = AllocationRound.objects.create(offer=offer, requests_until=timezone.now())
    assert client.post(f"/admin/bookings/allocationround/{round_.pk}/allocate/").status_code == 302  # login
    Provider.objects.create(key="andet-sted", slug="andet-sted", name="Andet sted", municipality=lejre)
    other = get_user_model().objects.create_user("andet-sted", "a@example.dk", "correct-horse-battery")
    call_command("grant_provider", other.username, "andet-sted", stdout=StringIO())
    client.force_login(other)
    assert client.post(f"/admin/bookings/allocationround/{round_.pk}/allocate/").status_code == 404
    client.force_login(consultant)
    assert client.post(f"/admin/bookings/allocationround/{round_.pk}/allocate/").status_code in (403, 404)
    round_.refresh_from_db()
    assert round_.status == AllocationRound.Status.OPEN


def test_where_the_municipality_favours_distant_schools_the_farther_one_wins_a_tie(scarce):
    """Lejre Museum lies in Lejre (55.6, 11.97); Allerslev Skole is about 1 km away, Boholmskolen in Roskilde
    about 4 km: with the same number of visits, Boholm goes first whatever the lot."""
    from municipalities.models import Municipality

    offer, day_1, _day_2 = scarce
    AllocationPolicy.objects.create(municipality=Municipality.objects.get(code="350"), favour_distant=True)
    round_ = AllocationRound.objects.create(
        offer=offer, requests_until=timezone.now() - datetime.timedelta(minutes=1)
    )
    near, far = send_in_order([(day_1, ALLERSLEV), (day_1, BOHOLM)], round_)
    assert allocation.lots([near.pk, far.pk], 1) == {
        near.pk: 1,
        far.pk: 2,
    }  # the lot alone would pick Allerslev
    decisions = allocation.allocate(round_, BASE, seed=1)
    assert winners(day_1) == [BOHOLM]
    assert decisions[0].km > decisions[1].km
    near.refresh_from_db()
    assert near.reason.startswith(
        "I fik ikke plads, fordi Boholmskolen havde lige så mange besøg som jer i dette skoleår og ligger "
        "længere fra stedet ("
    )


def test_a_municipalitys_consultant_keeps_its_policy_and_a_place_editor_may_not(
    client, consultant, place_editor, lejre
):
    client.force_login(place_editor)
    assert client.get("/admin/bookings/allocationpolicy/add/").status_code == 403
    client.force_login(consultant)
    response = client.post(
        "/admin/bookings/allocationpolicy/add/", {"municipality": lejre.pk, "favour_distant": "on"}
    )
    assert response.status_code == 302
    assert AllocationPolicy.objects.get().favour_distant
    from municipalities.models import Municipality

    roskilde = Municipality.objects.get(code="265")
    response = client.post(
        "/admin/bookings/allocationpolicy/add/", {"municipality": roskilde.pk, "favour_distant": "on"}
    )
    assert response.status_code == 200 and not AllocationPolicy.objects.filter(municipality=roskilde).exists()


def test_a_place_editor_opens_a_round_only_for_its_own_offers(client, place_editor, scarce, lejre):
    from offers.models import Offer, Provider

    offer, _day_1, _day_2 = scarce
    other_place = Provider.objects.create(
        key="andet-sted", slug="andet-sted", name="Andet sted", municipality=lejre
    )
    foreign = Offer.objects.create(
        key="fremmed", slug="fremmed", title="Fremmed", provider=other_place, status="published"
    )
    client.force_login(place_editor)
    until = {"requests_until_0": "2027-01-15", "requests_until_1": "12:00"}
    response = client.post("/admin/bookings/allocationround/add/", {"offer": foreign.pk, **until})
    assert response.status_code == 200 and not AllocationRound.objects.exists()
    response = client.post("/admin/bookings/allocationround/add/", {"offer": offer.pk, **until})
    assert response.status_code == 302
    assert AllocationRound.objects.get().offer == offer
