"""A place editor in the back office: their own learning place and its offers and dates to keep, and nothing of
another place's, whatever id they try (lists, change forms, actions, autocomplete, filters, history,
"view on site", the dates' calendar and series pages)."""

import datetime
import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from offers.models import Occurrence, Offer, Provider

OTHER_PLACE = "Roskilde Hemmelige Værksted"
OTHER_OFFER = "Hemmeligt forløb i domkirken"
OTHER_DRAFT = "Roskildes udkast"
DK = datetime.timezone(datetime.timedelta(hours=1))


@pytest.fixture
def editor_client(client, place_editor):
    client.force_login(place_editor)
    return client


@pytest.fixture
def other_place(db):
    return Provider.objects.create(key="vaerkstedet", slug="vaerkstedet", name=OTHER_PLACE, kind="company")


@pytest.fixture
def other_offer(make_offer, other_place):
    return make_offer(OTHER_OFFER, key="hemmeligt-forloeb", provider=other_place)


@pytest.fixture
def other_draft(make_offer, other_place):
    return make_offer(OTHER_DRAFT, key="roskilde-udkast", provider=other_place, status=Offer.Status.DRAFT)


@pytest.fixture
def other_date(other_offer):
    starts = datetime.datetime(2031, 3, 4, 9, tzinfo=DK)
    return Occurrence.objects.create(
        offer=other_offer, starts=starts, ends=starts + datetime.timedelta(hours=2)
    )


def offer_form(offer: Offer, **changes) -> dict:
    """The offer form as a place editor posts it, unchanged but for `changes` (no key or slug: those are
    staff's)."""
    data = {
        "title": offer.title,
        "provider": offer.provider_id,
        "status": offer.status,
        "summary": offer.summary,
        "description": offer.description,
        "format": offer.format,
        "themes": ",".join(offer.themes),
        "languages": ",".join(offer.languages),
        "price_dkk": "" if offer.price_dkk is None else str(offer.price_dkk),
        "occurrences-TOTAL_FORMS": "0",
        "occurrences-INITIAL_FORMS": "0",
        "occurrences-MIN_NUM_FORMS": "0",
        "occurrences-MAX_NUM_FORMS": "1000",
    }
    if offer.pk:
        for name in ("subjects", "grades", "sdgs"):
            data[name] = [str(pk) for pk in getattr(offer, name).values_list("pk", flat=True)]
    return data | changes


def view_on_site(obj) -> str:
    return f"/admin/r/{ContentType.objects.get_for_model(obj).pk}/{obj.pk}/"


# --- Lists ---


def test_the_lists_show_only_the_editors_own_place_and_offers(
    editor_client, provider, make_offer, other_offer, other_draft
):
    make_offer("Vikingetid på egen krop", key="vikinger")
    make_offer("Museets eget udkast", key="museets-udkast", status=Offer.Status.DRAFT)
    offers = editor_client.get("/admin/offers/offer/").content.decode()
    assert "Vikingetid på egen krop" in offers and "Museets eget udkast" in offers
    assert OTHER_OFFER not in offers and OTHER_DRAFT not in offers  # not even the published one
    assert OTHER_OFFER not in editor_client.get("/admin/offers/offer/", {"q": "domkirken"}).content.decode()
    places = editor_client.get("/admin/offers/provider/").content.decode()
    assert "Lejre Museum" in places and OTHER_PLACE not in places


def test_a_lookup_by_another_places_id_is_refused(editor_client, other_offer, other_place):
    assert (
        editor_client.get("/admin/offers/offer/", {"provider__id__exact": other_place.pk}).status_code == 400
    )
    assert (
        editor_client.get("/admin/offers/occurrence/", {"offer__id__exact": other_offer.pk}).status_code
        == 400
    )


def test_the_dates_list_shows_only_the_editors_dates(editor_client, published_offer, other_date):
    starts = datetime.datetime(2031, 3, 5, 9, tzinfo=DK)
    Occurrence.objects.create(offer=published_offer, starts=starts, ends=starts + datetime.timedelta(hours=1))
    html = editor_client.get("/admin/offers/occurrence/").content.decode()
    assert published_offer.title in html
    assert OTHER_OFFER not in html


# --- Change forms and history ---


@pytest.mark.parametrize("page", ["change", "history", "delete"])
def test_another_places_offer_place_and_date_cannot_be_opened(
    editor_client, other_offer, other_place, other_date, page
):
    for obj in (other_offer, other_place, other_date):
        url = reverse(f"admin:offers_{obj._meta.model_name}_{page}", args=[obj.pk])
        response = editor_client.get(url)
        assert response.status_code in (302, 403, 404)
        if response.status_code == 302:
            assert response["Location"] == "/admin/"  # "does not exist"
        assert OTHER_OFFER not in editor_client.get("/admin/").content.decode()


def test_another_places_offer_and_date_cannot_be_changed_by_posting(editor_client, other_offer, other_date):
    url = reverse("admin:offers_offer_change", args=[other_offer.pk])
    editor_client.post(url, offer_form(other_offer, title="Overtaget"))
    other_offer.refresh_from_db()
    assert other_offer.title == OTHER_OFFER
    url = reverse("admin:offers_occurrence_change", args=[other_date.pk])
    editor_client.post(url, {"offer": other_offer.pk, "places": "9", "status": "cancelled"})
    other_date.refresh_from_db()
    assert (other_date.places, other_date.status) == (1, "open")


def test_the_editor_changes_their_place_but_not_its_identifiers(editor_client, provider, lejre):
    url = reverse("admin:offers_provider_change", args=[provider.pk])
    form = editor_client.get(url).content.decode()
    assert 'name="description"' in form and 'name="latitude"' in form
    assert 'name="key"' not in form and 'name="slug"' not in form and 'name="municipality"' not in form
    response = editor_client.post(
        url,
        {
            "name": "Lejre Museum",
            "kind": "museum",
            "description": "Vikinger, jernalder og stenalder på 43 hektar.",
            "address": "Slangealléen 2",
            "postcode": "4320",
            "city": "Lejre",
            "latitude": "55.61",
            "longitude": "11.96",
            "website": "https://www.lejre-museum.example.dk",
            "email": "skole@lejre-museum.example.dk",
            "phone": "46 48 08 78",
            "embed_origins": "",
            "key": "overtaget",
            "slug": "overtaget",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    provider.refresh_from_db()
    assert (provider.address, provider.latitude, provider.phone) == ("Slangealléen 2", 55.61, "46 48 08 78")
    assert (provider.key, provider.slug, provider.municipality) == ("lejre-museum", "lejre-museum", lejre)


def test_the_editor_adds_no_places_and_deletes_no_offers(editor_client, published_offer):
    assert editor_client.get("/admin/offers/provider/add/").status_code == 403
    assert (
        editor_client.post(
            reverse("admin:offers_offer_delete", args=[published_offer.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    assert Offer.objects.filter(pk=published_offer.pk).exists()


def test_a_new_offer_can_only_be_for_the_editors_own_place(editor_client, provider, other_place):
    form = editor_client.get("/admin/offers/offer/add/").content.decode()
    assert f'<option value="{provider.pk}" selected>' in form  # their one place, chosen for them
    blank = Offer(title="Stenalderdag", provider=other_place, format="visit", status="draft")
    response = editor_client.post("/admin/offers/offer/add/", offer_form(blank))
    assert response.status_code == 200
    assert "Marker en gyldig valgmulighed" in response.content.decode()
    assert not Offer.objects.filter(title="Stenalderdag").exists()
    response = editor_client.post("/admin/offers/offer/add/", offer_form(blank, provider=provider.pk))
    assert response.status_code == 302
    offer = Offer.objects.get(title="Stenalderdag")
    assert (offer.provider, offer.key, offer.slug, offer.status) == (
        provider,
        "stenalderdag",
        "stenalderdag",
        "draft",
    )


# --- Actions ---


def test_actions_on_another_places_ids_change_nothing(
    editor_client, published_offer, other_offer, other_date
):
    for action in ("archive", "copy_offers", "submit"):
        editor_client.post(
            "/admin/offers/offer/", {"action": action, "_selected_action": [other_offer.pk], "index": "0"}
        )
    other_offer.refresh_from_db()
    assert other_offer.status == Offer.Status.PUBLISHED
    assert Offer.objects.filter(provider=other_offer.provider).count() == 1
    editor_client.post(
        "/admin/offers/occurrence/",
        {"action": "cancel_dates", "_selected_action": [other_date.pk], "index": "0"},
    )
    other_date.refresh_from_db()
    assert other_date.status == Occurrence.Status.OPEN


def test_the_editor_archives_their_own_offer(editor_client, published_offer):
    editor_client.post(
        "/admin/offers/offer/", {"action": "archive", "_selected_action": [published_offer.pk], "index": "0"}
    )
    published_offer.refresh_from_db()
    assert published_offer.status == Offer.Status.ARCHIVED


# --- Autocomplete, "view on site" ---


def autocomplete(client, model_name: str, field_name: str, term: str = "") -> list[str]:
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "offers", "model_name": model_name, "field_name": field_name, "term": term},
    )
    assert response.status_code == 200
    return [result["text"] for result in json.loads(response.content)["results"]]


def test_pickers_offer_only_the_editors_own_places_and_offers(editor_client, published_offer, other_offer):
    assert autocomplete(editor_client, "offer", "provider") == ["Lejre Museum"]
    assert autocomplete(editor_client, "offer", "provider", "Roskilde") == []
    offers = autocomplete(editor_client, "occurrence", "offer")
    assert len(offers) == 1 and offers[0].startswith(published_offer.title)
    assert autocomplete(editor_client, "occurrence", "offer", "domkirken") == []


def test_view_on_site_leads_only_to_the_editors_own_records(
    editor_client, make_offer, other_offer, other_place
):
    draft = make_offer("Museets udkast", key="museets-udkast", status=Offer.Status.DRAFT)
    assert editor_client.get(view_on_site(draft))["Location"].endswith(draft.get_absolute_url())
    assert editor_client.get(view_on_site(other_offer)).status_code == 404
    assert editor_client.get(view_on_site(other_place)).status_code == 404


# --- Dates ---


def test_another_places_calendar_series_and_dates_are_out_of_reach(editor_client, other_offer, other_date):
    calendar = reverse("admin:offers_occurrence_calendar", args=[other_offer.pk])
    series = reverse("admin:offers_occurrence_series", args=[other_offer.pk])
    assert editor_client.get(calendar, {"month": "2031-03"}).status_code == 404
    assert editor_client.get(series).status_code == 404
    assert editor_client.post(series, {"first": "2031-03-01"}).status_code == 404
    assert (
        editor_client.post(reverse("admin:offers_occurrence_cancel", args=[other_date.pk])).status_code == 404
    )
    other_date.refresh_from_db()
    assert other_date.status == Occurrence.Status.OPEN
    response = editor_client.post(
        "/admin/offers/occurrence/add/",
        {
            "offer": other_offer.pk,
            "starts_0": "2031-03-06",
            "starts_1": "09:00",
            "ends_0": "2031-03-06",
            "ends_1": "10:00",
            "places": "1",
            "status": "open",
        },
    )
    assert response.status_code == 200
    assert other_offer.occurrences.count() == 1


def test_the_editor_keeps_their_own_offers_dates(editor_client, published_offer):
    calendar = reverse("admin:offers_occurrence_calendar", args=[published_offer.pk])
    assert editor_client.get(calendar, {"month": "2031-03"}).status_code == 200
    assert (
        editor_client.get(reverse("admin:offers_occurrence_series", args=[published_offer.pk])).status_code
        == 200
    )


# --- Others unchanged ---


def test_a_consultant_still_looks_at_every_place_and_published_offer(
    client, consultant, other_offer, other_draft
):
    client.force_login(consultant)
    assert OTHER_PLACE in client.get("/admin/offers/provider/").content.decode()
    offers = client.get("/admin/offers/offer/").content.decode()
    assert OTHER_OFFER in offers and OTHER_DRAFT not in offers


def test_a_place_editor_whose_last_place_was_taken_away_sees_no_offers(
    editor_client, place_editor, provider, published_offer, other_offer
):
    provider.editors.remove(place_editor)
    html = editor_client.get("/admin/offers/offer/").content.decode()
    assert published_offer.title not in html and OTHER_OFFER not in html
    assert "Lejre Museum" not in editor_client.get("/admin/offers/provider/").content.decode()
