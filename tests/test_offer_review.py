"""Publishing with review (PORTAL_REVIEW_PLACE_EDITS) and the offers' change history: a place editor's offer
waits "til godkendelse" until portal staff approve it or send it back, staff see the queue and what changed,
and every change is kept field by field on the offer's history page."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from offers.history import OfferRevision
from offers.models import Offer, Provider
from tests.test_place_editors import offer_form


@pytest.fixture
def editor_client(client, place_editor):
    client.force_login(place_editor)
    return client


@pytest.fixture
def staff_client(staff_user):
    client = Client()
    client.force_login(staff_user)
    return client


def change_url(offer):
    return reverse("admin:offers_offer_change", args=[offer.pk])


def review_url(offer):
    return reverse("admin:offers_offer_review", args=[offer.pk])


QUEUE = "/admin/offers/offer/review/"


# --- Review on (the default) ---


def test_a_place_editors_new_offer_waits_for_approval_and_staff_publish_it(
    editor_client, staff_client, provider
):
    blank = Offer(title="Stenalderdag", provider=provider, format="visit", status="review")
    response = editor_client.post("/admin/offers/offer/add/", offer_form(blank), follow=True)
    assert "afventer godkendelse" in response.content.decode()
    offer = Offer.objects.get(title="Stenalderdag")
    assert offer.status == Offer.Status.REVIEW
    assert editor_client.get(offer.get_absolute_url()).status_code == 200  # a preview for its editor
    assert Client().get(offer.get_absolute_url()).status_code == 404  # not in the catalogue yet

    queue = staff_client.get(QUEUE).content.decode()
    assert "Stenalderdag" in queue and "Lejre Museum" in queue
    page = staff_client.get(review_url(offer)).content.decode()
    assert "Et nyt tilbud" in page
    response = staff_client.post(review_url(offer), {"decision": "approve", "comment": ""})
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED
    assert Client().get(offer.get_absolute_url()).status_code == 200
    assert "Ingen tilbud afventer godkendelse." in staff_client.get(QUEUE).content.decode()


def test_a_change_to_a_published_offer_waits_and_staff_see_what_changed(
    editor_client, staff_client, published_offer
):
    response = editor_client.post(
        change_url(published_offer),
        offer_form(published_offer, title="Vikingetid for hele klassen", summary="Nyt resumé."),
    )
    assert response.status_code == 302
    published_offer.refresh_from_db()
    assert published_offer.status == Offer.Status.REVIEW  # out of the catalogue until approved (the rule)
    page = staff_client.get(review_url(published_offer)).content.decode()
    assert "Ændringer siden den sidst udgivne version" in page
    assert "Vikingetid på egen krop" in page and "Vikingetid for hele klassen" in page
    assert "Nyt resumé." in page


def test_a_published_offer_saved_without_changes_stays_published(editor_client, published_offer):
    editor_client.post(change_url(published_offer), offer_form(published_offer))
    published_offer.refresh_from_db()
    assert published_offer.status == Offer.Status.PUBLISHED


def test_staff_send_an_offer_back_with_a_comment_the_editor_reads(editor_client, staff_client, make_offer):
    offer = make_offer("Stenalderdag", key="stenalder", status=Offer.Status.DRAFT)
    editor_client.post(
        "/admin/offers/offer/", {"action": "submit", "_selected_action": [offer.pk], "index": "0"}
    )
    offer.refresh_from_db()
    assert offer.status == Offer.Status.REVIEW

    response = staff_client.post(review_url(offer), {"decision": "send_back", "comment": ""})
    assert response.status_code == 200
    assert "Skriv, hvad stedet skal ændre" in response.content.decode()
    offer.refresh_from_db()
    assert offer.status == Offer.Status.REVIEW
    staff_client.post(review_url(offer), {"decision": "send_back", "comment": "Tilføj klassetrin og pris."})
    offer.refresh_from_db()
    assert offer.status == Offer.Status.DRAFT
    form = editor_client.get(change_url(offer)).content.decode()
    assert "Sendt tilbage af portalens redaktion" in form and "Tilføj klassetrin og pris." in form


def test_a_bad_decision_is_a_400(staff_client, make_offer):
    offer = make_offer("Stenalderdag", key="stenalder", status=Offer.Status.REVIEW)
    assert staff_client.post(review_url(offer), {"decision": "publish-everything"}).status_code == 400


def test_the_editor_can_neither_publish_nor_approve(editor_client, make_offer):
    offer = make_offer("Stenalderdag", key="stenalder", status=Offer.Status.REVIEW)
    assert editor_client.get(QUEUE).status_code == 403
    assert editor_client.get(review_url(offer)).status_code == 403
    assert editor_client.post(review_url(offer), {"decision": "approve"}).status_code == 403
    for action in ("approve", "publish"):
        editor_client.post(
            "/admin/offers/offer/", {"action": action, "_selected_action": [offer.pk], "index": "0"}
        )
    offer.refresh_from_db()
    assert offer.status == Offer.Status.REVIEW
    form = editor_client.get(change_url(offer)).content.decode()
    assert 'value="published"' not in form  # the status field offers no "published"


def test_staff_changes_never_wait(staff_client, make_offer):
    offer = make_offer("Stenalderdag", key="stenalder", status=Offer.Status.DRAFT)
    staff_client.post(
        "/admin/offers/offer/", {"action": "publish", "_selected_action": [offer.pk], "index": "0"}
    )
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED


def test_the_staff_list_links_to_the_queue_with_its_count(staff_client, editor_client, make_offer):
    make_offer("Stenalderdag", key="stenalder", status=Offer.Status.REVIEW)
    assert "Afventer godkendelse (1)" in staff_client.get("/admin/offers/offer/").content.decode()
    assert "Afventer godkendelse (" not in editor_client.get("/admin/offers/offer/").content.decode()


# --- Review off ---


def test_without_review_a_place_editors_offer_goes_live_at_once(editor_client, provider, settings):
    settings.PORTAL_REVIEW_PLACE_EDITS = False
    blank = Offer(title="Stenalderdag", provider=provider, format="visit", status="published")
    assert editor_client.post("/admin/offers/offer/add/", offer_form(blank)).status_code == 302
    assert Offer.objects.get(title="Stenalderdag").status == Offer.Status.PUBLISHED


# --- Copy ---


def test_copying_an_offer_gives_a_draft_with_a_new_key(editor_client, published_offer):
    response = editor_client.post(
        "/admin/offers/offer/",
        {"action": "copy_offers", "_selected_action": [published_offer.pk], "index": "0"},
    )
    copy = Offer.objects.exclude(pk=published_offer.pk).get()
    assert response["Location"] == change_url(copy)
    assert (copy.title, copy.status, copy.provider) == (
        "Kopi af Vikingetid på egen krop",
        Offer.Status.DRAFT,
        published_offer.provider,
    )
    assert copy.key == copy.slug == f"{published_offer.key}-kopi"
    assert list(copy.grades.all()) == list(published_offer.grades.all())
    editor_client.post(
        "/admin/offers/offer/",
        {"action": "copy_offers", "_selected_action": [published_offer.pk], "index": "0"},
    )
    assert Offer.objects.filter(key=f"{published_offer.key}-kopi-2").exists()


# --- History ---


def test_every_change_is_kept_with_who_when_and_what(
    editor_client, staff_client, place_editor, published_offer
):
    editor_client.post(change_url(published_offer), offer_form(published_offer, price_dkk="450"))
    staff_client.post(review_url(published_offer), {"decision": "approve", "comment": "Fint."})
    submitted, approved = (
        OfferRevision.objects.filter(offer=published_offer).exclude(action="recorded").reverse()
    )
    assert (submitted.user, submitted.action) == (place_editor, "submitted")
    assert submitted.changes["price_dkk"] == [0, 450]
    assert submitted.changes["status"] == ["published", "review"]
    assert (approved.action, approved.comment, approved.changes) == (
        "approved",
        "Fint.",
        {"status": ["review", "published"]},
    )

    history = editor_client.get(
        reverse("admin:offers_offer_history", args=[published_offer.pk])
    ).content.decode()
    assert "Ændringer felt for felt" in history
    assert "Sendt til godkendelse" in history and "museum-redaktoer" in history
    assert "Pris (kr.)" in history and "450" in history
    assert "Godkendt" in history and "Fint." in history


def test_a_place_editor_sees_only_their_own_offers_history(editor_client, make_offer):
    place = Provider.objects.create(key="andet", slug="andet", name="Et andet sted", kind="company")
    other = make_offer("Andres forløb", key="andres", provider=place)
    OfferRevision.objects.create(
        offer=other, action="changed", state={}, changes={"title": ["Hemmelig", "x"]}
    )
    response = editor_client.get(reverse("admin:offers_offer_history", args=[other.pk]))
    assert response.status_code == 302
    assert "Hemmelig" not in editor_client.get(response["Location"]).content.decode()


def test_the_queue_and_the_editors_list_take_the_same_queries_for_many_offers(
    staff_client, editor_client, make_offer, django_assert_max_num_queries
):
    def pages():
        assert staff_client.get(QUEUE).status_code == 200
        assert editor_client.get("/admin/offers/offer/").status_code == 200

    make_offer("Stenalderdag", key="stenalder", status=Offer.Status.REVIEW)
    with CaptureQueriesContext(connection) as few:
        pages()
    for number in range(15):
        make_offer(f"Forløb {number}", key=f"forloeb-{number}", status=Offer.Status.REVIEW)
    with django_assert_max_num_queries(len(few.captured_queries)):
        pages()


def test_an_import_keeps_a_revision_of_each_offer_it_changes(published_offer):
    from portal.interchange import export_document, import_document

    exported = export_document()
    [entry] = [offer for offer in exported["offers"] if offer["key"] == published_offer.key]
    entry["title"] = "Vikingetid – nyt forløb"
    document = {"format": exported["format"], "offers": [entry]}
    import_document(document)
    import_document(document)  # nothing changes the second time: nothing more is kept
    [revision] = published_offer.revisions.exclude(action="recorded")
    assert (revision.user, revision.action, revision.comment) == (None, "changed", "Import")
    assert revision.changes == {"title": ["Vikingetid på egen krop", "Vikingetid – nyt forløb"]}
