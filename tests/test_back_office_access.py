"""Who sees what in the back office (portal.access): one definition of a consultant, admin lists that accept only
the lookups their filters offer, and "view on site" only for objects the user may view."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

from municipalities.models import Municipality, MunicipalSite
from offers.models import Offer, Provider, SearchWord
from partnerships.models import Partnership

SECRET_PLACE = "Roskilde Hemmelige Værksted"
SECRET_OFFER = "Hemmeligt forløb i domkirken"
ROSKILDE_SCHOOL = "absalons-skole-4000"


@pytest.fixture
def consultant_client(client, consultant):
    client.force_login(consultant)
    return client


@pytest.fixture
def roskilde_record(make_partnership, make_offer):
    """A private Roskilde record whose participants the Lejre consultant must not learn."""
    place = Provider.objects.create(key="hemmeligt", slug="hemmeligt", name=SECRET_PLACE, kind="company")
    make_offer(SECRET_OFFER, key="hemmeligt-forloeb", provider=place)
    return make_partnership(
        "Roskildes private samarbejde",
        key="roskilde-privat",
        municipalities=["265"],
        public=False,
        schools=[ROSKILDE_SCHOOL],
        providers=["hemmeligt"],
        offers=["hemmeligt-forloeb"],
    )


@pytest.fixture
def roskilde_consultant(db):
    user = get_user_model().objects.create_user("roskilde-konsulent", password="x", is_staff=True)
    user.consultant_for.add(Municipality.objects.get(code="265"))
    return user


# --- Admin lists: only the lookups their filters offer ---


@pytest.mark.parametrize(
    ("changelist", "secret"),
    [
        ("/admin/offers/provider/", SECRET_PLACE),
        ("/admin/municipalities/school/", "Absalons Skole"),
        ("/admin/offers/offer/", SECRET_OFFER),
    ],
)
def test_a_list_refuses_a_lookup_through_another_municipalitys_private_record(
    consultant_client, roskilde_record, changelist, secret
):
    response = consultant_client.get(changelist, {"partnerships__id__exact": roskilde_record.pk})
    assert response.status_code == 400
    assert secret not in response.content.decode()
    assert (
        secret in consultant_client.get(changelist, {"q": secret.split()[0]}).content.decode()
    )  # it is there


def test_the_municipality_list_does_not_say_who_consults_where(consultant_client, roskilde_consultant):
    response = consultant_client.get(
        "/admin/municipalities/municipality/", {"consultants__id__exact": roskilde_consultant.pk}
    )
    assert response.status_code == 400
    assert "Roskilde" not in response.content.decode()


def test_lookups_beyond_a_list_filters_field_are_refused(client, staff_user, roskilde_record):
    client.force_login(staff_user)  # even for portal staff: the list offers no such filter
    url = "/admin/municipalities/school/"
    assert (
        client.get(url, {"municipality__region__municipalities__consultants__id__exact": "1"}).status_code
        == 400
    )
    assert client.get(url, {"municipality__region__id__exact": "1"}).status_code == 200


def test_the_list_filters_still_filter(consultant_client, make_offer):
    make_offer("Vikingetid på egen krop", key="vikinger", grades=["4-klasse"])
    make_offer("Sommerfugle i haven", key="sommerfugle", grades=["1-klasse"])
    grade = Offer.objects.get(key="vikinger").grades.get().pk
    html = consultant_client.get("/admin/offers/offer/", {"grades__id__exact": grade}).content.decode()
    assert "Vikingetid på egen krop" in html
    assert "Sommerfugle i haven" not in html
    region = Municipality.objects.get(code="350").region_id
    response = consultant_client.get(
        "/admin/offers/offer/", {"provider__municipality__region__id__exact": region}
    )
    assert response.status_code == 200
    assert consultant_client.get("/admin/offers/offer/", {"created__year": "2026"}).status_code == 200


# --- "View on site" ---


def view_on_site(obj) -> str:
    return f"/admin/r/{ContentType.objects.get_for_model(obj).pk}/{obj.pk}/"


def test_view_on_site_redirects_only_to_objects_the_user_may_view(
    consultant_client, roskilde_record, make_partnership, make_offer
):
    own = make_partnership("Lejres eget samarbejde", key="lejre-eget", public=False)
    response = consultant_client.get(view_on_site(own))
    assert (response.status_code, response["Location"]) == (302, f"http://testserver{own.get_absolute_url()}")
    assert consultant_client.get(view_on_site(roskilde_record)).status_code == 404
    draft = make_offer("Hemmeligt udkast", key="udkast", status=Offer.Status.DRAFT)
    assert consultant_client.get(view_on_site(draft)).status_code == 404
    published = Offer.objects.get(key="hemmeligt-forloeb")
    assert consultant_client.get(view_on_site(published))["Location"].endswith(published.get_absolute_url())


def test_view_on_site_is_404_for_unknown_objects_and_models_without_an_admin(consultant_client, make_offer):
    make_offer("Vikingetid på egen krop")
    word = SearchWord.objects.first()
    content_type = ContentType.objects.get_for_model(SearchWord).pk
    assert consultant_client.get(f"/admin/r/{content_type}/{word.pk}/").status_code == 404
    assert consultant_client.get("/admin/r/999999/1/").status_code == 404
    assert consultant_client.get("/admin/r/abc/1/").status_code == 404
    offers = ContentType.objects.get_for_model(Offer).pk
    assert consultant_client.get(f"/admin/r/{offers}/not-an-id/").status_code == 404


# --- One definition of a consultant ---


def test_portal_staff_linked_to_no_municipality_see_every_site_and_record(client, make_partnership, db):
    """Staff with the permissions but no role see all municipal sites, as they see all partnerships."""
    for code, title in [("350", "Åben skole i Lejre"), ("265", "Åben skole i Roskilde")]:
        MunicipalSite.objects.create(municipality=Municipality.objects.get(code=code), title=title)
    make_partnership(
        "Roskildes private samarbejde", key="roskilde-privat", municipalities=["265"], public=False
    )
    editor = get_user_model().objects.create_user("redaktoer", password="x", is_staff=True)
    editor.user_permissions.set(
        Permission.objects.filter(
            codename__in=["view_municipalsite", "change_municipalsite", "view_partnership"]
        )
    )
    client.force_login(editor)
    sites = client.get("/admin/municipalities/municipalsite/").content.decode()
    assert "Åben skole i Lejre" in sites and "Åben skole i Roskilde" in sites
    assert "Roskildes private samarbejde" in client.get("/admin/partnerships/partnership/").content.decode()
    assert client.get("/kommuner/roskilde/").status_code == 200  # a preview of the unpublished site


def test_a_consultant_whose_municipalities_were_all_taken_away_sees_nothing(
    client, consultant, make_partnership, db
):
    """Still in the consultants' group, linked to nothing: scoped to nothing, never to everything."""
    MunicipalSite.objects.create(
        municipality=Municipality.objects.get(code="350"), title="Åben skole i Lejre"
    )
    make_partnership("Lejres samarbejde", key="lejre")
    consultant.consultant_for.clear()
    client.force_login(consultant)
    assert "Åben skole i Lejre" not in client.get("/admin/municipalities/municipalsite/").content.decode()
    assert client.get("/admin/municipalities/municipalsite/").status_code == 200
    assert "Lejres samarbejde" not in client.get("/admin/partnerships/partnership/").content.decode()
    assert client.get("/kommuner/lejre/").status_code == 404
    assert Partnership.objects.managed_by(consultant).count() == 0
