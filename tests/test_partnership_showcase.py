"""The public showcase /samarbejder/: public records only, facets with the catalogue's parameter names and
identifiers (old links redirect), a notice for values it does not understand, Danish full-text search,
pagination in a constant number of queries; a record's page never shows contacts' e-mail addresses, phones
or names."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from offers.models import Offer, Provider

LIST = "/samarbejder/"
CONTACTS = (
    ("teacher", "Mette Hemmelig", "mette.hemmelig@example.dk"),
    ("school_leader", "Søren Skjult", "soren.skjult@example.dk"),
    ("educator", "Jens Usynlig", "jens.usynlig@example.dk"),
)
SECRETS = ["mette.hemmelig@example.dk", "soren.skjult@example.dk", "jens.usynlig@example.dk", "@example.dk"]
NAMES = ["Mette Hemmelig", "Søren Skjult", "Jens Usynlig"]


@pytest.fixture
def company(db):
    return Provider.objects.create(
        key="lokal-smedje", slug="lokal-smedje", name="Lokal Smedje ApS", kind=Provider.Kind.COMPANY
    )


@pytest.fixture
def records(make_partnership, provider, company):
    """A museum partnership in Lejre, a company collaboration in Roskilde, a private one in Lejre."""
    museum = make_partnership(
        "Vikingeskibe og skolen",
        key="vikinger",
        kind="partnership",
        description="Eleverne undersøger skibene på museet og bygger modeller på skolen.",
        goals="Eleverne kan bruge genstande som historiske kilder.",
        providers=["lejre-museum"],
        schools=["pedersborg-skole-4180"],
        subjects=["historie"],
        grades=["4-klasse"],
        activities=["recurring_visits", "joint_course_planning"],
        contacts=CONTACTS,
    )
    smithy = make_partnership(
        "Smedens værksted",
        key="smedje",
        municipalities=["265"],
        description="Skole-virksomhedssamarbejde om metal og design.",
        providers=["lokal-smedje"],
        subjects=["haandvaerk-og-design"],
        grades=["8-klasse"],
        activities=["career_learning"],
    )
    hidden = make_partnership(
        "Hemmeligt samarbejde",
        key="hemmeligt",
        public=False,
        contacts=CONTACTS,
        municipalities=["340"],  # Sorø: no public record there
        subjects=["musik"],
        grades=["1-klasse"],
    )
    return museum, smithy, hidden


def titles(response) -> list[str]:
    return [partnership.title for partnership in response.context["page"]]


def test_the_showcase_lists_public_records_only(client, records):
    response = client.get(LIST)
    assert response.status_code == 200
    assert sorted(titles(response)) == ["Smedens værksted", "Vikingeskibe og skolen"]
    assert "Hemmeligt samarbejde" not in response.content.decode()
    assert "2 samarbejder" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "partnership"}, ["Vikingeskibe og skolen"]),
        ({"type": "collaboration"}, ["Smedens værksted"]),
        ({"kommune": "265"}, ["Smedens værksted"]),
        ({"udbyder": "company"}, ["Smedens værksted"]),
        ({"udbyder": "museum"}, ["Vikingeskibe og skolen"]),
        ({"fag": "historie"}, ["Vikingeskibe og skolen"]),
        ({"klassetrin": "8-klasse"}, ["Smedens værksted"]),
        ({"aktivitet": "career_learning"}, ["Smedens værksted"]),
        ({"aktivitet": "recurring_visits", "type": "partnership"}, ["Vikingeskibe og skolen"]),
        ({"aktivitet": "elective"}, []),
    ],
)
def test_each_facet_narrows_the_showcase(client, records, params, expected):
    response = client.get(LIST, params)
    assert response.status_code == 200
    assert titles(response) == expected


def test_facets_offer_only_values_that_public_records_use(client, records):
    html = client.get(LIST).content.decode()
    form = client.get(LIST).context["filter"].form
    assert [m.code for m in form.fields["kommune"].queryset] == ["350", "265"]  # not Sorø's private record
    assert sorted(s.slug for s in form.fields["fag"].queryset) == ["haandvaerk-og-design", "historie"]
    assert [g.slug for g in form.fields["klassetrin"].queryset] == ["4-klasse", "8-klasse"]
    assert '<option value="340"' not in html and '<option value="musik"' not in html
    assert '<option value="1-klasse"' not in html


def test_danish_full_text_search_finds_inflected_words(client, records):
    # "skibet" and "skibene" share the Danish stem "skib"; "kilde" matches "kilder" in the goals.
    assert titles(client.get(LIST, {"q": "skibet"})) == ["Vikingeskibe og skolen"]
    assert titles(client.get(LIST, {"q": "kilde"})) == ["Vikingeskibe og skolen"]
    assert titles(client.get(LIST, {"q": "metal design"})) == ["Smedens værksted"]
    assert titles(client.get(LIST, {"q": "hemmeligt"})) == []


def test_bad_filter_values_are_left_out_with_a_notice_as_in_the_catalogue(client, records):
    response = client.get(LIST, {"kommune": "atlantis", "type": "alliance", "fag": "historie"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nogle søgeindstillinger i adressen blev ikke forstået og er udeladt: kommune, type." in html
    assert titles(response) == ["Vikingeskibe og skolen"]  # the understood filter still applies
    assert "atlantis" not in html.split("<main")[1].split("<form")[0]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("municipality=soroe", "kommune=340"),
        ("municipality=roskilde&kind=partnership", "kommune=265&type=partnership"),
        ("subject=historie&grade=4-klasse&page=2", "fag=historie&klassetrin=4-klasse&page=2"),
        ("provider_kind=museum&activity=elective&q=skibe", "udbyder=museum&aktivitet=elective&q=skibe"),
        ("municipality=atlantis", "kommune=atlantis"),
    ],
)
def test_old_links_with_english_parameters_move_permanently_to_the_catalogue_names(client, records, old, new):
    response = client.get(f"{LIST}?{old}")
    assert response.status_code == 301
    assert response.url == f"{LIST}?{new}"
    assert client.get(response.url).status_code == 200


def test_pages_keep_the_filters_in_their_links(client, make_partnership, settings):
    settings.PORTAL_PAGE_SIZE = 2
    for number in range(5):
        make_partnership(f"Samarbejde {number}", kind="partnership")
    response = client.get(LIST, {"type": "partnership", "kommune": "atlantis"})
    assert response.context["page"].paginator.num_pages == 3
    assert 'href="?type=partnership&amp;page=2"' in response.content.decode()  # without the junk
    assert client.get(LIST, {"type": "partnership", "page": "999"}).status_code == 200


def test_the_list_needs_the_same_number_of_queries_for_3_and_15_records(client, make_partnership, provider):
    def queries_for_list() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(LIST, {"type": "collaboration"}).status_code == 200
        return len(captured)

    def add(count: int) -> None:
        for _ in range(count):
            make_partnership(
                "Samarbejde",
                providers=["lejre-museum"],
                schools=["pedersborg-skole-4180"],
                subjects=["historie"],
                activities=["recurring_visits"],
            )

    add(3)
    few = queries_for_list()
    add(12)
    assert queries_for_list() == few


def test_a_public_record_shows_roles_and_institutions_but_no_contact_details(client, records):
    html = client.get("/samarbejder/vikinger/").content.decode()
    assert "Vikingeskibe og skolen" in html
    assert "Lejre Museum" in html and "Pedersborg Skole" in html
    assert "Lærer, Skoleleder, Underviser på institutionen" in html
    assert "Eleverne kan bruge genstande som historiske kilder." in html
    for secret in SECRETS + NAMES:
        assert secret not in html
    assert "mailto:" not in html


def test_no_contact_details_anywhere_in_the_public_list(client, records):
    html = client.get(LIST).content.decode() + client.get(LIST, {"q": "skibe"}).content.decode()
    for secret in SECRETS + NAMES:
        assert secret not in html


def test_a_private_record_is_404_for_the_public_and_for_ordinary_users(client, records):
    assert client.get("/samarbejder/hemmeligt/").status_code == 404
    client.force_login(
        get_user_model().objects.create_user("laerer", "laerer@example.dk", "pw-correct-horse")
    )
    assert client.get("/samarbejder/hemmeligt/").status_code == 404


def test_staff_can_preview_a_private_record_marked_as_not_public(client, staff_user, records):
    client.force_login(staff_user)
    html = client.get("/samarbejder/hemmeligt/").content.decode()
    assert "Dette samarbejde er ikke offentligt" in html
    assert "mette.hemmelig@example.dk" not in html


def test_a_record_links_only_to_published_related_offers(client, make_partnership, make_offer):
    make_offer("Vikingetid på egen krop", key="vikingetid")
    make_offer("Kladde om skibe", key="kladde", status=Offer.Status.DRAFT)
    make_partnership("Med tilbud", key="med-tilbud", offers=["vikingetid", "kladde"])
    html = client.get("/samarbejder/med-tilbud/").content.decode()
    assert 'href="/tilbud/vikingetid/"' in html
    assert "Kladde om skibe" not in html


def test_an_unknown_record_is_404(client, db):
    assert client.get("/samarbejder/findes-ikke/").status_code == 404


def test_the_main_menu_leads_to_the_showcase(client, db):
    assert f'href="{LIST}">Samarbejder</a>' in client.get("/").content.decode()
