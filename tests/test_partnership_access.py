"""Who sees and edits which partnerships: a municipal consultant works on their own municipality's records
(admin, summary, agreement); other municipalities' records are invisible or forbidden, and unchanged."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from municipalities.models import Municipality
from offers.models import Offer
from partnerships.models import Partnership
from portal.access import CONSULTANTS_GROUP

CHANGELIST = reverse("admin:partnerships_partnership_changelist")
SUMMARY = "/samarbejder/oversigt/"
LEJRE_CONTACTS = (("teacher", "Mette Hansen", "mette@lejre.example.dk"),)
ROSKILDE_CONTACTS = (("teacher", "Rasmus Roskilde", "rasmus@roskilde.example.dk"),)


@pytest.fixture
def lejre_record(make_partnership):
    return make_partnership(
        "Lejre Museum og Bramsnæsvigskolen", key="lejre-samarbejde", contacts=LEJRE_CONTACTS
    )


@pytest.fixture
def roskilde_record(make_partnership):
    return make_partnership(
        "Roskilde Domkirke og skolen",
        key="roskilde-samarbejde",
        municipalities=["265"],
        public=False,
        goals="",
        contacts=ROSKILDE_CONTACTS,
    )


@pytest.fixture
def shared_record(make_partnership):
    return make_partnership("Fælles naturforløb", key="faelles", municipalities=["350", "265"])


@pytest.fixture
def consultant_client(client, consultant):
    client.force_login(consultant)
    return client


def change_url(partnership: Partnership) -> str:
    return reverse("admin:partnerships_partnership_change", args=[partnership.pk])


def form_data(response, **changes) -> dict:
    """The POST data of an admin change form as rendered, with `changes` applied."""
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(item) for item in value]
        elif value is not None:
            data[name] = str(value)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data |= {f"{formset.prefix}-{key}": value for key, value in formset.management_form.initial.items()}
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(len(formset.initial_forms))  # no extra, empty forms
        for subform in formset.initial_forms:
            for name in subform.fields:
                value = subform[name].value()
                if value is not None:
                    data[subform.add_prefix(name)] = str(value)
    return data | changes


# --- Admin ---


def test_a_consultant_lists_only_records_involving_their_municipality(
    consultant_client, lejre_record, roskilde_record, shared_record
):
    html = consultant_client.get(CHANGELIST).content.decode()
    assert "Lejre Museum og Bramsnæsvigskolen" in html
    assert "Fælles naturforløb" in html
    assert "Roskilde Domkirke og skolen" not in html


def test_a_consultant_cannot_open_another_municipalitys_record(consultant_client, roskilde_record):
    for url in [
        change_url(roskilde_record),
        f"{change_url(roskilde_record).removesuffix('change/')}history/",
    ]:
        response = consultant_client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/")  # "does not exist", no form
        html = consultant_client.get("/admin/").content.decode()
        assert f"ID “{roskilde_record.pk}” findes ikke" in html
        assert "Roskilde Domkirke og skolen" not in html
    assert consultant_client.get(change_url(roskilde_record).replace("change", "delete")).status_code == 403


def test_a_consultant_edits_their_own_record(consultant_client, lejre_record):
    response = consultant_client.get(change_url(lejre_record))
    assert response.status_code == 200
    data = form_data(response, title="Lejre Museum og skolen", goals="Fælles mål")
    response = consultant_client.post(change_url(lejre_record), data)
    assert response.status_code == 302
    lejre_record.refresh_from_db()
    assert (lejre_record.title, lejre_record.goals) == ("Lejre Museum og skolen", "Fælles mål")
    assert list(lejre_record.contacts.values_list("email", flat=True)) == ["mette@lejre.example.dk"]


def test_a_consultant_cannot_move_a_record_out_of_their_municipalities(consultant_client, lejre_record):
    roskilde = str(lejre_record.municipalities.model.objects.get(code="265").pk)
    data = form_data(consultant_client.get(change_url(lejre_record)), municipalities=[roskilde])
    response = consultant_client.post(change_url(lejre_record), data)
    assert response.status_code == 200
    assert "Vælg mindst én af dine egne kommuner: Lejre." in response.content.decode()
    assert list(lejre_record.municipalities.values_list("code", flat=True)) == ["350"]


def test_a_post_to_another_municipalitys_record_changes_nothing(
    consultant_client, roskilde_record, lejre_record
):
    data = form_data(consultant_client.get(change_url(lejre_record)), title="Overtaget")
    response = consultant_client.post(change_url(roskilde_record), data)
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    roskilde_record.refresh_from_db()
    assert roskilde_record.title == "Roskilde Domkirke og skolen"
    assert list(roskilde_record.municipalities.values_list("code", flat=True)) == ["265"]


def test_a_consultant_may_not_delete_records(consultant_client, lejre_record):
    url = reverse("admin:partnerships_partnership_delete", args=[lejre_record.pk])
    assert consultant_client.get(url).status_code == 403
    assert consultant_client.post(url, {"post": "yes"}).status_code == 403
    assert Partnership.objects.filter(pk=lejre_record.pk).exists()


def test_the_successor_autocomplete_offers_only_the_consultants_records(
    consultant_client, lejre_record, roskilde_record
):
    response = consultant_client.get(
        "/admin/autocomplete/",
        {"app_label": "partnerships", "model_name": "partnership", "field_name": "successor", "term": "o"},
    )
    texts = [result["text"] for result in response.json()["results"]]
    assert "Lejre Museum og Bramsnæsvigskolen" in texts
    assert "Roskilde Domkirke og skolen" not in texts


@pytest.mark.parametrize(
    ("field", "term", "expected"),
    [("municipalities", "Lej", "Lejre"), ("schools", "Pedersborg", "Pedersborg Skole (4180)")],
)
def test_a_consultant_can_look_up_municipalities_and_schools_for_a_record(
    consultant_client, lejre_record, field, term, expected
):
    response = consultant_client.get(
        "/admin/autocomplete/",
        {"app_label": "partnerships", "model_name": "partnership", "field_name": field, "term": term},
    )
    assert response.status_code == 200
    assert expected in [result["text"] for result in response.json()["results"]]


def test_the_consultants_group_may_view_add_and_change_but_not_delete_partnerships(db):
    codenames = set(Group.objects.get(name=CONSULTANTS_GROUP).permissions.values_list("codename", flat=True))
    assert {"view_partnership", "add_partnership", "change_partnership", "delete_contact"} <= codenames
    assert "delete_partnership" not in codenames
    assert {"view_provider", "view_school", "view_municipality"} <= codenames  # for autocomplete


def test_portal_staff_see_every_record(client, staff_user, lejre_record, roskilde_record):
    client.force_login(staff_user)
    html = client.get(CHANGELIST).content.decode()
    assert "Lejre Museum og Bramsnæsvigskolen" in html and "Roskilde Domkirke og skolen" in html


# --- Summary per municipality ---


def test_the_summary_shows_a_consultant_their_municipality_only(
    consultant_client, lejre_record, roskilde_record, shared_record
):
    response = consultant_client.get(SUMMARY)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Lejre Kommune" in html
    assert "Roskilde Kommune" not in html
    [lejre] = response.context["summaries"]
    assert lejre.total.count == 2  # the Lejre record and the shared one
    no_goals = {cell.label: cell for cell in lejre.flags}["Ingen mål"]
    assert no_goals.count == 2
    assert "municipality=350" in no_goals.url and "health=no_goals" in no_goals.url


def test_staff_see_a_summary_for_every_municipality_with_records(
    client, staff_user, lejre_record, roskilde_record
):
    client.force_login(staff_user)
    html = client.get(SUMMARY).content.decode()
    assert "Lejre Kommune" in html and "Roskilde Kommune" in html


def test_the_summary_needs_a_login_and_staff_permissions(client, db):
    assert client.get(SUMMARY).status_code == 302
    client.force_login(get_user_model().objects.create_user("elev", "elev@example.dk", "pw-correct-horse"))
    assert client.get(SUMMARY).status_code == 403


def test_the_summarys_links_open_the_filtered_admin_list(consultant_client, lejre_record, roskilde_record):
    [lejre] = consultant_client.get(SUMMARY).context["summaries"]
    url = {cell.label: cell for cell in lejre.flags}["Ingen mål"].url
    html = consultant_client.get(url).content.decode()
    assert "Lejre Museum og Bramsnæsvigskolen" in html
    assert "Roskilde Domkirke og skolen" not in html


# --- Printable agreement ---


def test_a_consultant_prints_their_municipalitys_agreement_with_contacts(consultant_client, lejre_record):
    response = consultant_client.get(lejre_record.get_agreement_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Samarbejdsaftale" in html
    assert "mette@lejre.example.dk" in html
    assert "css/partnerships.css" in html


def test_another_municipalitys_agreement_is_not_found_like_a_missing_one(consultant_client, roskilde_record):
    response = consultant_client.get(roskilde_record.get_agreement_url())
    assert response.status_code == 404  # not 403: whether the record exists stays unsaid
    assert "rasmus@roskilde.example.dk" not in response.content.decode()
    assert consultant_client.get("/samarbejder/findes-ikke/aftale/").status_code == 404


def test_the_agreement_sends_anonymous_visitors_to_the_login(client, lejre_record):
    response = client.get(lejre_record.get_agreement_url())
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_agreement_is_forbidden_for_users_without_staff_access(client, lejre_record):
    client.force_login(get_user_model().objects.create_user("elev", "elev@example.dk", "pw-correct-horse"))
    assert client.get(lejre_record.get_agreement_url()).status_code == 403


def test_staff_print_any_agreement(client, staff_user, roskilde_record):
    client.force_login(staff_user)
    assert "rasmus@roskilde.example.dk" in client.get(roskilde_record.get_agreement_url()).content.decode()


# --- What a consultant may link to a record ---


def municipality_pks(*codes: str) -> list[str]:
    return [str(pk) for pk in Municipality.objects.filter(code__in=codes).values_list("pk", flat=True)]


@pytest.mark.parametrize("status", [Offer.Status.DRAFT, Offer.Status.ARCHIVED])
def test_a_consultant_cannot_link_an_unpublished_offer_and_so_read_its_title(
    consultant_client, lejre_record, make_offer, status
):
    hidden = make_offer("Hemmeligt forløb", key="hemmeligt", status=status)
    data = form_data(consultant_client.get(change_url(lejre_record)), offers=[str(hidden.pk)])
    response = consultant_client.post(change_url(lejre_record), data)
    assert response.status_code == 200  # the form again, with an error
    assert (
        f"Marker en gyldig valgmulighed. {hidden.pk} er ikke en af de tilgængelige"
        in response.content.decode()
    )
    assert not lejre_record.offers.exists()


def test_an_offer_archived_after_it_was_linked_stays_when_the_record_is_saved(
    consultant_client, lejre_record, make_offer
):
    offer = make_offer("Vikingetid på egen krop", key="vikinger")
    lejre_record.offers.add(offer)
    offer.status = Offer.Status.ARCHIVED
    offer.save()
    data = form_data(consultant_client.get(change_url(lejre_record)), title="Nyt navn")
    assert consultant_client.post(change_url(lejre_record), data).status_code == 302
    assert list(lejre_record.offers.all()) == [offer]


def test_portal_staff_may_link_a_draft_offer(client, staff_user, lejre_record, make_offer):
    draft = make_offer("Forløb under udvikling", key="udkast", status=Offer.Status.DRAFT)
    client.force_login(staff_user)
    data = form_data(client.get(change_url(lejre_record)), offers=[str(draft.pk)])
    assert client.post(change_url(lejre_record), data).status_code == 302
    assert list(lejre_record.offers.all()) == [draft]


# --- Which municipalities a consultant may give a record ---


def test_a_consultant_cannot_add_another_municipality_to_their_record(consultant_client, lejre_record):
    data = form_data(
        consultant_client.get(change_url(lejre_record)), municipalities=municipality_pks("350", "265")
    )
    response = consultant_client.post(change_url(lejre_record), data)
    assert response.status_code == 200
    assert "Du kan kun tilføje kommuner, du er konsulent for – ikke Roskilde." in response.content.decode()
    assert list(lejre_record.municipalities.values_list("code", flat=True)) == ["350"]


def test_a_consultant_cannot_remove_another_municipality_from_a_shared_record(
    consultant_client, shared_record
):
    data = form_data(consultant_client.get(change_url(shared_record)), municipalities=municipality_pks("350"))
    response = consultant_client.post(change_url(shared_record), data)
    assert response.status_code == 200
    assert "Du kan kun fjerne kommuner, du er konsulent for – ikke Roskilde." in response.content.decode()
    assert sorted(shared_record.municipalities.values_list("code", flat=True)) == ["265", "350"]


def test_a_consultant_keeps_other_municipalities_links_while_editing_a_shared_record(
    consultant_client, shared_record
):
    data = form_data(consultant_client.get(change_url(shared_record)), title="Fælles naturforløb 2027")
    assert consultant_client.post(change_url(shared_record), data).status_code == 302
    shared_record.refresh_from_db()
    assert shared_record.title == "Fælles naturforløb 2027"
    assert sorted(shared_record.municipalities.values_list("code", flat=True)) == ["265", "350"]


def test_a_consultant_of_both_municipalities_may_share_a_record(consultant_client, consultant, lejre_record):
    consultant.consultant_for.add(Municipality.objects.get(code="265"))
    data = form_data(
        consultant_client.get(change_url(lejre_record)), municipalities=municipality_pks("350", "265")
    )
    assert consultant_client.post(change_url(lejre_record), data).status_code == 302
    assert sorted(lejre_record.municipalities.values_list("code", flat=True)) == ["265", "350"]


def test_portal_staff_may_give_a_record_any_municipalities(client, staff_user, lejre_record):
    client.force_login(staff_user)
    data = form_data(client.get(change_url(lejre_record)), municipalities=municipality_pks("101", "265"))
    assert client.post(change_url(lejre_record), data).status_code == 302
    assert sorted(lejre_record.municipalities.values_list("code", flat=True)) == ["101", "265"]


def test_a_consultant_adds_records_for_their_own_municipalities_only(consultant_client):
    add = reverse("admin:partnerships_partnership_add")
    data = form_data(consultant_client.get(add))
    data |= {"title": "Nyt samarbejde", "kind": "collaboration", "key": "nyt", "slug": "nyt"}
    response = consultant_client.post(add, data | {"municipalities": municipality_pks("265")})
    assert response.status_code == 200
    assert "ikke Roskilde" in response.content.decode()
    assert not Partnership.objects.filter(key="nyt").exists()
    assert consultant_client.post(add, data | {"municipalities": municipality_pks("350")}).status_code == 302
    assert list(Partnership.objects.get(key="nyt").municipalities.values_list("code", flat=True)) == ["350"]


# --- The summary without records ---


def test_the_summary_of_a_municipality_without_records_says_so_and_how_to_add_one(
    consultant_client, roskilde_record
):
    html = consultant_client.get(SUMMARY).content.decode()
    assert "Der er ingen igangværende samarbejder eller partnerskaber i Lejre i portalen." in html
    assert (
        f'<a href="{reverse("admin:partnerships_partnership_add")}">Tilføj et i administrationen</a>' in html
    )
    assert "summary-table" not in html  # no rows of zeros


def test_the_summary_without_any_records_tells_staff_how_to_add_one(client, staff_user):
    client.force_login(staff_user)
    html = client.get(SUMMARY).content.decode()
    assert "Der er endnu ikke registreret samarbejder eller partnerskaber i portalen." in html
    assert reverse("admin:partnerships_partnership_add") in html
