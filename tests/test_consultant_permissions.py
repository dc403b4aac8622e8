"""A municipal consultant edits only their own municipality's site, on the server: every attempt at another
municipality's site, at offers, learning places or users fails and changes nothing."""

import json

import pytest
from django.contrib.auth import get_user_model

from municipalities.models import FeaturedOffer, Municipality, MunicipalSite
from offers.models import Offer
from portal.access import CONSULTANTS_GROUP, consulted_municipalities, is_consultant

SITES = "/admin/municipalities/municipalsite/"


@pytest.fixture
def lejre_site(lejre, published_offer):
    site = MunicipalSite.objects.create(municipality=lejre, title="Åben skole i Lejre", published=False)
    FeaturedOffer.objects.create(site=site, offer=published_offer, note="Gratis", position=1)
    return site


@pytest.fixture
def roskilde_site(db):
    return MunicipalSite.objects.create(
        municipality=Municipality.objects.get(code="265"), title="Åben skole i Roskilde", published=True
    )


@pytest.fixture
def consultant_client(client, consultant):
    client.force_login(consultant)
    return client


def _site_form(site, **changes) -> dict:
    """The change form's POST data for `site`, with its featured offers as they are."""
    entries = list(site.featured.all())
    data = {
        "title": site.title,
        "intro": site.intro,
        "contact_name": "",
        "contact_email": "",
        "contact_phone": "",
        "goals": "",
        "transport_info": "",
        "include_local_offers": "on",
        "published": "on" if site.published else "",
        "featured-TOTAL_FORMS": str(len(entries)),
        "featured-INITIAL_FORMS": str(len(entries)),
        "featured-MIN_NUM_FORMS": "0",
        "featured-MAX_NUM_FORMS": "1000",
    }
    for index, entry in enumerate(entries):
        data |= {
            f"featured-{index}-id": str(entry.pk),
            f"featured-{index}-site": str(site.pk),
            f"featured-{index}-offer": str(entry.offer_id),
            f"featured-{index}-note": entry.note,
            f"featured-{index}-position": str(entry.position),
        }
    return {key: value for key, value in (data | changes).items() if value is not None}


# --- The access helper ---


def test_a_consultant_consults_for_their_own_municipalities_only(consultant, lejre):
    assert list(consulted_municipalities(consultant)) == [lejre]
    assert is_consultant(consultant)
    assert consultant.groups.filter(name=CONSULTANTS_GROUP).exists()
    assert list(Municipality.objects.managed_by(consultant)) == [lejre]


def test_superusers_manage_every_municipality_and_ordinary_users_none(staff_user, db):
    teacher = get_user_model().objects.create_user("laerer", password="correct-horse-battery")
    assert Municipality.objects.managed_by(staff_user).count() == 98
    assert not is_consultant(
        staff_user
    )  # a consultant is linked to municipalities; a superuser needs no link
    assert not Municipality.objects.managed_by(teacher).exists()
    assert not is_consultant(teacher)


def test_a_linked_user_who_is_no_longer_staff_loses_access(consultant, lejre):
    consultant.is_staff = False
    consultant.save()
    assert not consulted_municipalities(consultant).exists()
    assert not Municipality.objects.managed_by(consultant).exists()


# --- Their own site: allowed ---


def test_the_change_list_shows_only_the_consultants_own_site(consultant_client, lejre_site, roskilde_site):
    html = consultant_client.get(SITES).content.decode()
    assert "Åben skole i Lejre" in html
    assert "Åben skole i Roskilde" not in html


def test_a_consultant_can_edit_publish_and_feature_on_their_own_site(
    consultant_client, lejre_site, make_offer
):
    other = make_offer("Naturvejleder i skoven", key="naturvejleder")
    data = _site_form(
        lejre_site, title="Lejre åbner skolen", published="on", goals="Alle elever ud af huset."
    )
    data |= {
        "featured-TOTAL_FORMS": "2",
        "featured-1-offer": str(other.pk),
        "featured-1-note": "Kommunen betaler bussen",
        "featured-1-position": "0",
    }
    response = consultant_client.post(f"{SITES}{lejre_site.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()
    lejre_site.refresh_from_db()
    assert lejre_site.title == "Lejre åbner skolen"
    assert lejre_site.published
    assert [(e.offer.title, e.note) for e in lejre_site.featured.all()] == [
        ("Naturvejleder i skoven", "Kommunen betaler bussen"),
        ("Vikingetid på egen krop", "Gratis"),
    ]


def test_a_consultant_cannot_feature_a_draft_offer(consultant_client, lejre_site, make_offer):
    draft = make_offer("Hemmeligt udkast", key="udkast", status=Offer.Status.DRAFT)
    data = _site_form(lejre_site)
    data |= {"featured-TOTAL_FORMS": "2", "featured-1-offer": str(draft.pk), "featured-1-position": "2"}
    response = consultant_client.post(f"{SITES}{lejre_site.pk}/change/", data)
    assert response.status_code == 200  # the form again, with an error
    assert not lejre_site.featured.filter(offer=draft).exists()


def test_a_consultant_can_add_a_site_only_for_their_own_municipality(consultant_client, consultant, lejre):
    odense = Municipality.objects.get(code="461")
    form = consultant_client.get(f"{SITES}add/").content.decode()
    assert f'<option value="{lejre.pk}">Lejre</option>' in form
    assert "Odense" not in form
    data = {"municipality": str(odense.pk), "title": "Odense", "include_local_offers": "on"}
    data |= {"featured-TOTAL_FORMS": "0", "featured-INITIAL_FORMS": "0"}
    response = consultant_client.post(f"{SITES}add/", data)
    assert response.status_code == 200
    assert not MunicipalSite.objects.filter(municipality=odense).exists()
    response = consultant_client.post(f"{SITES}add/", data | {"municipality": str(lejre.pk)})
    assert response.status_code == 302
    assert MunicipalSite.objects.get(municipality=lejre).title == "Odense"


def test_a_consultant_cannot_delete_even_their_own_site(consultant_client, lejre_site):
    assert consultant_client.post(f"{SITES}{lejre_site.pk}/delete/", {"post": "yes"}).status_code == 403
    assert MunicipalSite.objects.filter(pk=lejre_site.pk).exists()


def test_a_consultant_cannot_move_their_site_to_another_municipality(consultant_client, lejre_site):
    odense = Municipality.objects.get(code="461")
    response = consultant_client.post(
        f"{SITES}{lejre_site.pk}/change/", _site_form(lejre_site, municipality=str(odense.pk))
    )
    assert response.status_code == 302
    lejre_site.refresh_from_db()
    assert lejre_site.municipality.code == "350"


# --- Another municipality's site: refused, nothing changes ---


def test_another_municipalitys_site_cannot_be_opened(consultant_client, roskilde_site):
    for suffix in ["change/", "history/"]:
        response = consultant_client.get(f"{SITES}{roskilde_site.pk}/{suffix}")
        assert response.status_code == 302  # the admin's "does not exist" redirect, no form
        assert response.url == "/admin/"
    assert consultant_client.get(f"{SITES}{roskilde_site.pk}/delete/").status_code == 403


def test_posting_to_another_municipalitys_site_changes_nothing(consultant_client, roskilde_site):
    data = _site_form(roskilde_site, title="Overtaget", published="")
    response = consultant_client.post(f"{SITES}{roskilde_site.pk}/change/", data)
    assert response.status_code == 302
    roskilde_site.refresh_from_db()
    assert roskilde_site.title == "Åben skole i Roskilde"
    assert roskilde_site.published


def test_deleting_another_municipalitys_site_changes_nothing(consultant_client, roskilde_site):
    consultant_client.post(f"{SITES}{roskilde_site.pk}/delete/", {"post": "yes"})
    consultant_client.post(
        SITES, {"action": "delete_selected", "_selected_action": [roskilde_site.pk], "post": "yes"}
    )
    assert MunicipalSite.objects.filter(pk=roskilde_site.pk).exists()


def test_a_featured_row_of_another_site_cannot_be_taken_over(consultant_client, lejre_site, roskilde_site):
    """A forged inline row id of another site's featured offer is not editable through one's own site."""
    theirs = FeaturedOffer.objects.create(
        site=roskilde_site, offer=lejre_site.featured.get().offer, note="Deres"
    )
    data = _site_form(lejre_site)
    data |= {"featured-0-id": str(theirs.pk), "featured-0-note": "Overtaget"}
    consultant_client.post(f"{SITES}{lejre_site.pk}/change/", data)
    theirs.refresh_from_db()
    assert theirs.note == "Deres"
    assert theirs.site == roskilde_site


def test_superusers_see_and_edit_every_site(client, staff_user, lejre_site, roskilde_site):
    client.force_login(staff_user)
    html = client.get(SITES).content.decode()
    assert "Åben skole i Lejre" in html and "Åben skole i Roskilde" in html
    assert client.get(f"{SITES}{roskilde_site.pk}/change/").status_code == 200


# --- Autocomplete endpoints ---


def _autocomplete(client, model_name, field_name, app_label="municipalities", term=""):
    return client.get(
        "/admin/autocomplete/",
        {"app_label": app_label, "model_name": model_name, "field_name": field_name, "term": term},
    )


def test_the_offer_autocomplete_gives_a_consultant_published_offers_only(
    consultant_client, published_offer, make_offer
):
    make_offer("Hemmeligt udkast", key="udkast", status=Offer.Status.DRAFT)
    make_offer("Gammelt forløb", key="arkiveret", status=Offer.Status.ARCHIVED)
    for model_name, field_name in [("featuredoffer", "offer"), ("municipalsite", "extra_offers")]:
        response = _autocomplete(consultant_client, model_name, field_name)
        assert response.status_code == 200
        labels = [result["text"] for result in json.loads(response.content)["results"]]
        assert labels == ["Vikingetid på egen krop – Lejre Museum, Lejre · 4.–5. klasse · Udgivet"]


def test_the_user_autocomplete_is_forbidden_to_a_consultant(consultant_client, staff_user):
    response = _autocomplete(consultant_client, "municipality", "consultants", term="portal")
    assert response.status_code == 403
    assert b"portalstaff" not in response.content


# --- Offers, learning places and users ---


def test_a_consultant_can_look_at_offers_but_not_change_them(consultant_client, published_offer):
    url = f"/admin/offers/offer/{published_offer.pk}/change/"
    page = consultant_client.get(url).content.decode()
    assert 'name="title"' not in page  # read only
    response = consultant_client.post(url, {"title": "Ændret", "status": "draft"})
    assert response.status_code == 403
    published_offer.refresh_from_db()
    assert published_offer.title == "Vikingetid på egen krop"
    assert published_offer.status == Offer.Status.PUBLISHED


def test_a_consultant_sees_no_draft_offers_in_the_back_office(consultant_client, published_offer, make_offer):
    draft = make_offer("Hemmeligt udkast", key="udkast", status=Offer.Status.DRAFT)
    html = consultant_client.get("/admin/offers/offer/").content.decode()
    assert "Vikingetid på egen krop" in html
    assert "Hemmeligt udkast" not in html
    assert consultant_client.get(f"/admin/offers/offer/{draft.pk}/change/").status_code == 302


def test_a_consultant_cannot_add_publish_or_delete_offers(consultant_client, published_offer):
    assert consultant_client.get("/admin/offers/offer/add/").status_code == 403
    assert (
        consultant_client.post(
            f"/admin/offers/offer/{published_offer.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
    consultant_client.post(
        "/admin/offers/offer/", {"action": "archive", "_selected_action": [published_offer.pk]}
    )
    published_offer.refresh_from_db()
    assert published_offer.status == Offer.Status.PUBLISHED


def test_a_consultant_cannot_change_learning_places(consultant_client, provider):
    url = f"/admin/offers/provider/{provider.pk}/change/"
    assert 'name="name"' not in consultant_client.get(url).content.decode()  # at most read only
    response = consultant_client.post(url, {"name": "Ændret", "kind": "other"})
    assert response.status_code == 403
    assert consultant_client.get("/admin/offers/provider/add/").status_code == 403
    provider.refresh_from_db()
    assert provider.name == "Lejre Museum"


def test_a_consultant_cannot_open_or_change_users(consultant_client, consultant, staff_user):
    assert consultant_client.get("/admin/auth/user/").status_code == 403
    assert consultant_client.get(f"/admin/auth/user/{staff_user.pk}/change/").status_code == 403
    response = consultant_client.post(
        f"/admin/auth/user/{consultant.pk}/change/", {"username": consultant.username, "is_superuser": "on"}
    )
    assert response.status_code == 403
    consultant.refresh_from_db()
    assert not consultant.is_superuser


def test_a_consultant_cannot_link_themselves_to_another_municipality(consultant_client, consultant):
    roskilde = Municipality.objects.get(code="265")
    url = f"/admin/municipalities/municipality/{roskilde.pk}/change/"
    assert 'name="consultants"' not in consultant_client.get(url).content.decode()
    response = consultant_client.post(url, {"consultants": [consultant.pk]})
    assert response.status_code == 403
    assert not consulted_municipalities(consultant).filter(pk=roskilde.pk).exists()


def test_a_consultant_does_not_see_who_consults_for_other_municipalities(consultant_client, consultant):
    other = get_user_model().objects.create_user("roskilde-konsulent", password="x", is_staff=True)
    roskilde = Municipality.objects.get(code="265")
    other.consultant_for.add(roskilde)
    html = consultant_client.get(f"/admin/municipalities/municipality/{roskilde.pk}/change/").content.decode()
    assert "roskilde-konsulent" not in html


def test_the_consultants_group_may_change_municipal_sites_but_not_offers_places_or_users(db):
    from django.contrib.auth.models import Group

    permissions = set(
        Group.objects.get(name=CONSULTANTS_GROUP).permissions.values_list(
            "content_type__app_label", "codename"
        )
    )
    assert {
        ("municipalities", "view_municipalsite"),
        ("municipalities", "add_municipalsite"),
        ("municipalities", "change_municipalsite"),
        ("municipalities", "view_featuredoffer"),
        ("municipalities", "add_featuredoffer"),
        ("municipalities", "change_featuredoffer"),
        ("municipalities", "delete_featuredoffer"),
        ("offers", "view_offer"),
    } <= permissions
    assert ("municipalities", "delete_municipalsite") not in permissions
    forbidden = [
        (app_label, codename)
        for app_label, codename in permissions
        if app_label in {"auth", "offers", "municipalities"}
        and codename.split("_", 1)[0] in {"add", "change", "delete"}
        and codename.split("_", 1)[1] not in {"municipalsite", "featuredoffer"}
    ]
    assert forbidden == []


# --- Public pages: preview and coverage ---


def test_an_unpublished_site_is_404_for_the_public_and_other_consultants(client, lejre_site, consultant):
    assert client.get("/kommuner/lejre/").status_code == 404
    other = get_user_model().objects.create_user("roskilde-konsulent", password="x", is_staff=True)
    other.consultant_for.add(Municipality.objects.get(code="265"))
    client.force_login(other)
    assert client.get("/kommuner/lejre/").status_code == 404


def test_its_own_consultant_may_preview_an_unpublished_site(consultant_client, lejre_site):
    response = consultant_client.get("/kommuner/lejre/")
    assert response.status_code == 200
    assert "ikke offentliggjort" in response.content.decode()


def test_the_coverage_page_is_for_the_municipalitys_consultants_only(
    client, consultant, lejre_site, roskilde_site
):
    response = client.get("/kommuner/lejre/daekning/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
    client.force_login(consultant)
    assert client.get("/kommuner/lejre/daekning/").status_code == 200
    assert client.get("/kommuner/roskilde/daekning/").status_code == 404  # as for a site that does not exist
    assert client.get("/kommuner/findes-ikke/daekning/").status_code == 404
