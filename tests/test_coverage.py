"""The consultant's coverage page counts only the subject × grade cells the curriculum has (day care on a line
of its own), and a gap leads to the offers of the whole catalogue that could fill it, nearest first, with a
one-click way to feature one; only the municipality's consultants see it, and only they get a link to it."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from municipalities.coverage import coverage, curriculum
from municipalities.models import FeaturedOffer, Municipality, MunicipalSite
from offers.models import Offer, Provider

COVERAGE = "/kommuner/lejre/daekning/"
GAP = "/kommuner/lejre/daekning/historie/4-klasse/"


@pytest.fixture
def site(lejre) -> MunicipalSite:
    return MunicipalSite.objects.create(municipality=lejre, title="Åben skole i Lejre", published=True)


@pytest.fixture
def consultant_client(client, consultant):
    client.force_login(consultant)
    return client


def place(key: str, code: str, lat: float | None = None, lon: float | None = None) -> Provider:
    return Provider.objects.create(
        key=key,
        slug=key,
        name=key.replace("-", " ").title(),
        kind="museum",
        municipality=Municipality.objects.get(code=code),
        latitude=lat,
        longitude=lon,
    )


def cell_counts(site) -> dict[tuple[str, str], int | None]:
    return {
        (row.subject.slug, cell.grade.slug): cell.count for row in coverage(site).rows for cell in row.cells
    }


# --- Which cells count ---


def test_only_the_curriculums_subjects_and_grades_are_cells(site):
    matrix = coverage(site)
    cells = cell_counts(site)

    assert [grade.slug for grade in matrix.grades] == ["0-klasse"] + [f"{n}-klasse" for n in range(1, 11)]
    assert [row.subject.slug for row in matrix.rows] == list(curriculum())  # the curriculum's order
    assert "alle-fag" not in {row.subject.slug for row in matrix.rows}  # no placeholder row
    assert "fysik" not in {row.subject.slug for row in matrix.rows}  # no upper-secondary subject
    assert cells[("samfundsfag", "5-klasse")] is None  # not taught: no gap
    assert cells[("samfundsfag", "8-klasse")] == 0
    assert cells[("historie", "2-klasse")] is None and cells[("historie", "3-klasse")] == 0


def test_0_klasse_counts_where_a_competence_area_matches_the_subject(site):
    cells = cell_counts(site)
    assert cells[("dansk", "0-klasse")] == 0  # sprog
    assert cells[("matematik", "0-klasse")] == 0  # matematisk opmærksomhed
    assert cells[("idraet", "0-klasse")] == 0  # krop og bevægelse
    assert cells[("faerdselslaere", "0-klasse")] == 0  # an obligatory topic on every grade
    assert cells[("engelsk", "0-klasse")] is None
    assert cells[("historie", "0-klasse")] is None


def test_the_total_counts_the_curriculums_cells_not_every_combination(consultant_client, site, make_offer):
    make_offer("Vikingetid", subjects=["historie"], grades=["4-klasse"])
    matrix = coverage(site)
    expected = sum(len(grades) for grades in curriculum().values())

    assert matrix.cells == expected < 26 * 11  # fewer than every subject on every grade
    assert matrix.gaps == expected - 1
    html = consultant_client.get(COVERAGE).content.decode()
    assert (
        f"Udvalget har ingen tilbud i {expected - 1} af de {expected} kombinationer af fag og klassetrin"
        in html
    )
    assert "Alle fag" not in html and "Samfundsfag" in html


def test_day_care_is_a_line_of_its_own_not_a_column(consultant_client, site, make_offer):
    html = consultant_client.get(COVERAGE).content.decode()
    assert "Dagtilbud: ingen tilbud i udvalget (et hul)." in html
    assert '<th scope="col">Dagtilbud' not in html

    make_offer("Små fødder i skoven", subjects=["natur-teknologi"], grades=["dagtilbud"])
    make_offer("Sanserne", grades=["dagtilbud"])  # no subject: day care counts it anyway
    html = consultant_client.get(COVERAGE).content.decode()
    assert "Dagtilbud: 2 tilbud i udvalget." in html
    assert 'href="/kommuner/lejre/tilbud/?klassetrin=dagtilbud"' in html


def test_a_gap_links_to_its_fill_page_and_a_count_to_the_scoped_search(consultant_client, site, make_offer):
    make_offer("Vikingetid", subjects=["historie"], grades=["4-klasse"])
    html = consultant_client.get(COVERAGE).content.decode()
    assert '<a href="/kommuner/lejre/tilbud/?fag=historie&amp;klassetrin=4-klasse">1</a>' in html
    assert '<a href="/kommuner/lejre/daekning/historie/5-klasse/"><span aria-hidden="true">○ </span>0' in html
    assert "/daekning/samfundsfag/5-klasse/" not in html


# --- Filling a gap ---


@pytest.fixture
def candidates(site, make_offer, provider):
    """History offers for 4th grade: in Lejre (not in the selection), Roskilde and Sorø (same region, Roskilde
    nearer), Odense (another region, nearer than Aalborg), Aalborg, one without coordinates; plus offers that
    do not fit: a draft, another grade, another subject, and one already in the selection."""
    site.include_local_offers = False
    site.save()
    places = {
        "roskilde": place("roskilde-museum", "265", 55.64, 12.08),
        "soroe": place("soroe-museum", "340", 55.43, 11.56),
        "odense": place("odense-museum", "461", 55.40, 10.39),
        "aalborg": place("aalborg-museum", "851", 57.05, 9.92),
        "nowhere": place("ukendt-sted", "851"),
    }
    fits = {"subjects": ["historie"], "grades": ["4-klasse", "5-klasse"]}
    make_offer("Lejre fortæller", key="lejre", **fits)
    for key in ["aalborg", "nowhere", "odense", "soroe", "roskilde"]:
        make_offer(f"Historie i {key}", key=key, provider=places[key], **fits)
    make_offer("Kladde", key="kladde", status=Offer.Status.DRAFT, **fits)
    make_offer("For de store", key="store", subjects=["historie"], grades=["8-klasse"])
    make_offer("Regning", key="regning", subjects=["matematik"], grades=["4-klasse"])
    chosen = make_offer("Allerede valgt", key="valgt", subjects=["historie"], grades=["5-klasse"])
    site.extra_offers.add(chosen)


def test_a_gap_shows_the_offers_that_could_fill_it_nearest_first(consultant_client, candidates):
    response = consultant_client.get(GAP)
    assert response.status_code == 200
    assert [offer.key for offer in response.context["offers"]] == [
        "lejre",  # the municipality's own places first
        "roskilde",  # then the region, nearest first
        "soroe",
        "odense",  # then the rest of the country, nearest first
        "aalborg",
        "nowhere",  # no coordinates: last
    ]
    html = response.content.decode()
    assert "Fyld hullet: Historie, 4. klasse" in html
    assert "6 tilbud i hele kataloget passer" in html
    assert html.count("Fremhæv på kommunens side") == 6


def test_one_click_features_an_offer_and_fills_the_gap(client, consultant, candidates, site):
    client = Client(enforce_csrf_checks=True)
    client.force_login(consultant)
    page = client.get(GAP)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    odense = Offer.objects.get(key="odense")

    response = client.post(GAP, {"offer": odense.pk, "csrfmiddlewaretoken": token}, follow=True)

    assert response.redirect_chain == [(COVERAGE, 302)]
    assert "“Historie i odense” er nu fremhævet på Åben skole i Lejre." in response.content.decode()
    assert [entry.offer.key for entry in site.featured.all()] == ["odense"]
    assert '<a href="/kommuner/lejre/tilbud/?fag=historie&amp;klassetrin=4-klasse">1</a>' in (
        response.content.decode()
    )
    client.post(GAP, {"offer": odense.pk, "csrfmiddlewaretoken": token})  # twice: still once
    assert FeaturedOffer.objects.filter(site=site).count() == 1


def test_featuring_needs_the_csrf_token(consultant, candidates, site):
    client = Client(enforce_csrf_checks=True)
    client.force_login(consultant)
    response = client.post(GAP, {"offer": Offer.objects.get(key="odense").pk})
    assert response.status_code == 403
    assert not site.featured.exists()


@pytest.mark.parametrize("offer", ["", "abc", "999999", "kladde"])
def test_featuring_something_else_than_a_published_offer_is_a_400(consultant_client, candidates, site, offer):
    value = Offer.objects.get(key="kladde").pk if offer == "kladde" else offer
    response = consultant_client.post(GAP, {"offer": value})
    assert response.status_code == 400
    assert "Vælg et af de offentliggjorte tilbud nedenfor for at fremhæve det." in response.content.decode()
    assert not site.featured.exists()


def test_only_the_municipalitys_consultants_see_a_gap_and_feature(client, candidates, site, consultant):
    odense = Offer.objects.get(key="odense").pk
    assert client.get(GAP).status_code == 302  # to the login
    assert client.post(GAP, {"offer": odense}).status_code == 302

    teacher = get_user_model().objects.create_user("laerer", password="correct-horse-battery")
    other = get_user_model().objects.create_user("roskilde", password="correct-horse-battery", is_staff=True)
    other.consultant_for.add(Municipality.objects.get(code="265"))
    for user in [teacher, other]:
        client.force_login(user)
        assert client.get(GAP).status_code == 403
        assert client.post(GAP, {"offer": odense}).status_code == 403

    viewer = get_user_model().objects.create_user("kigger", password="correct-horse-battery", is_staff=True)
    viewer.consultant_for.add(site.municipality)  # consults for Lejre, may view its site, not feature offers
    viewer.user_permissions.add(Permission.objects.get(codename="view_municipalsite"))
    client.force_login(viewer)
    assert "Fremhæv" not in client.get(GAP).content.decode()
    assert client.post(GAP, {"offer": odense}).status_code == 403
    viewer.user_permissions.add(Permission.objects.get(codename="add_featuredoffer"))
    client.force_login(get_user_model().objects.get(pk=viewer.pk))
    assert client.post(GAP, {"offer": odense}).status_code == 302
    assert not FeaturedOffer.objects.filter(offer__key="odense").exclude(site=site).exists()


@pytest.mark.parametrize(
    "url",
    [
        "/kommuner/lejre/daekning/samfundsfag/4-klasse/",  # not taught in 4th grade
        "/kommuner/lejre/daekning/alle-fag/4-klasse/",
        "/kommuner/lejre/daekning/findes-ikke/4-klasse/",
        "/kommuner/lejre/daekning/historie/findes-ikke/",
    ],
)
def test_a_cell_the_curriculum_does_not_have_is_404(consultant_client, site, url):
    assert consultant_client.get(url).status_code == 404


def test_the_gap_page_needs_the_same_number_of_queries_for_few_and_many_candidates(
    consultant_client, candidates, make_offer
):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert consultant_client.get(GAP).status_code == 200
        return len(captured)

    few = queries()
    for number in range(10):
        make_offer(f"Mere historie {number}", subjects=["historie"], grades=["4-klasse"])
    assert queries() == few


# --- The way there ---


def test_the_public_page_links_to_coverage_only_for_its_consultants(client, site, consultant):
    link = 'href="/kommuner/lejre/daekning/"'
    assert link not in client.get("/kommuner/lejre/").content.decode()
    other = get_user_model().objects.create_user("roskilde", password="correct-horse-battery", is_staff=True)
    other.consultant_for.add(Municipality.objects.get(code="265"))
    client.force_login(other)
    assert link not in client.get("/kommuner/lejre/").content.decode()
    client.force_login(consultant)
    assert link in client.get("/kommuner/lejre/").content.decode()
