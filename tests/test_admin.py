"""The back office: every admin page loads in Danish for staff, and the bulk actions work."""

import pytest
from django.urls import reverse

from offers.models import Offer

ADMIN_MODELS = [
    ("offers", "offer"),
    ("offers", "provider"),
    ("offers", "subject"),
    ("offers", "gradelevel"),
    ("offers", "sdg"),
    ("municipalities", "region"),
    ("municipalities", "municipality"),
    ("municipalities", "school"),
]


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


def test_admin_index_is_in_danish(staff_client):
    html = staff_client.get("/admin/").content.decode()
    assert "Åben Skole-portalen – administration" in html
    assert "Læringssteder og tilbud" in html


@pytest.mark.parametrize(("app", "model"), ADMIN_MODELS)
def test_changelist_and_add_form_load_for_staff(staff_client, published_offer, app, model):
    assert staff_client.get(reverse(f"admin:{app}_{model}_changelist")).status_code == 200
    assert staff_client.get(reverse(f"admin:{app}_{model}_add")).status_code == 200


def test_offer_change_form_loads_and_links_to_the_public_page(staff_client, published_offer):
    response = staff_client.get(reverse("admin:offers_offer_change", args=[published_offer.pk]))
    assert response.status_code == 200
    assert "Se på website" in response.content.decode()


def test_offer_changelist_searches_and_filters(staff_client, make_offer):
    make_offer("Vandløbets smådyr", key="smaadyr")
    make_offer("Demokrati på rådhuset", key="demokrati", status=Offer.Status.DRAFT)
    url = reverse("admin:offers_offer_changelist")
    assert "Vandløbets smådyr" in staff_client.get(url, {"q": "smådyr"}).content.decode()
    drafts = staff_client.get(url, {"status__exact": "draft"}).content.decode()
    assert "Demokrati på rådhuset" in drafts
    assert "Vandløbets smådyr" not in drafts


def test_bulk_publish_and_archive(staff_client, make_offer):
    draft = make_offer("Kladde", key="kladde", status=Offer.Status.DRAFT)
    url = reverse("admin:offers_offer_changelist")
    response = staff_client.post(url, {"action": "publish", "_selected_action": [draft.pk]}, follow=True)
    assert "1 tilbud blev sat til “Udgivet”" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Offer.Status.PUBLISHED
    staff_client.post(url, {"action": "archive", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Offer.Status.ARCHIVED


def test_provider_autocomplete_finds_by_name(staff_client, provider):
    response = staff_client.get(
        "/admin/autocomplete/",
        {"app_label": "offers", "model_name": "offer", "field_name": "provider", "term": "lejre"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["Lejre Museum"]


def test_offer_form_shows_a_danish_message_for_a_reversed_period(staff_client, provider):
    response = staff_client.post(
        reverse("admin:offers_offer_add"),
        {
            "title": "Forkert periode",
            "provider": provider.pk,
            "status": "draft",
            "format": "visit",
            "key": "forkert",
            "slug": "forkert",
            "available_from": "2027-06-01",
            "available_to": "2026-08-01",
            "themes": "",
            "languages": "da",
        },
    )
    assert response.status_code == 200
    assert "“Kan bookes fra” skal ligge før eller på “kan bookes til”." in response.content.decode()
    assert not Offer.objects.filter(key="forkert").exists()


def test_admin_requires_login(client, db):
    response = client.get(reverse("admin:offers_offer_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
