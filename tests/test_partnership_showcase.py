"""The public showcase /samarbejder/: public records only, facets and Danish full-text search, pagination in
a constant number of queries; a record's page never shows contacts' e-mail addresses, phones or names."""

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
    hidden = make_partnership("Hemmeligt samarbejde", key="hemmeligt", public=False, contacts=CONTACTS)
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
        ({"kind": "partnership"}, ["Vikingeskibe og skolen"]),
        ({"kind": "collaboration"}, ["Smedens værksted"]),
        ({"municipality": "roskilde"}, ["Smedens værksted"]),
        ({"provider_kind": "company"}, ["Smedens værksted"]),
        ({"provider_kind": "museum"}, ["Vikingeskibe og skolen"]),
        ({"subject": "historie"}, ["Vikingeskibe og skolen"]),
        ({"grade": "8-klasse"}, ["Smedens værksted"]),
        ({"activity": "career_learning"}, ["Smedens værksted"]),
        ({"activity": "recurring_visits", "kind": "partnership"}, ["Vikingeskibe og skolen"]),
        ({"activity": "elective"}, []),
    ],
)
def test_each_facet_narrows_the_showcase(client, records, params, expected):
    response = client.get(LIST, params)
    assert response.status_code == 200
    assert titles(response) == expected


def test_facets_offer_only_values_that_public_records_use(client, records):
    form = client.get(LIST).context["filter"].form
    assert [m.slug for m in form.fields["municipality"].queryset] == ["lejre", "roskilde"]
    assert sorted(s.slug for s in form.fields["subject"].queryset) == ["haandvaerk-og-design", "historie"]


def test_danish_full_text_search_finds_inflected_words(client, records):
    # "skibet" and "skibene" share the Danish stem "skib"; "kilde" matches "kilder" in the goals.
    assert titles(client.get(LIST, {"q": "skibet"})) == ["Vikingeskibe og skolen"]
    assert titles(client.get(LIST, {"q": "kilde"})) == ["Vikingeskibe og skolen"]
    assert titles(client.get(LIST, {"q": "metal design"})) == ["Smedens værksted"]
    assert titles(client.get(LIST, {"q": "hemmeligt"})) == []


def test_bad_filter_values_give_a_clear_message_and_a_400(client, records):
    response = client.get(LIST, {"municipality": "atlantis", "kind": "alliance"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nogle af filtrene kunne ikke bruges" in html
    assert "Kommune: Marker en gyldig valgmulighed" in html
    assert "alliance er ikke en af de tilgængelige valgmuligheder" in html


def test_pages_keep_the_filters_in_their_links(client, make_partnership, settings):
    settings.PORTAL_PAGE_SIZE = 2
    for number in range(5):
        make_partnership(f"Samarbejde {number}", kind="partnership")
    response = client.get(LIST, {"kind": "partnership"})
    assert response.context["page"].paginator.num_pages == 3
    assert 'href="?kind=partnership&amp;page=2"' in response.content.decode()
    assert client.get(LIST, {"kind": "partnership", "page": "999"}).status_code == 200


def test_the_list_needs_the_same_number_of_queries_for_3_and_15_records(client, make_partnership, provider):
    def queries_for_list() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(LIST, {"kind": "collaboration"}).status_code == 200
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
