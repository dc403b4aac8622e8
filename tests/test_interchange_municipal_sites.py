"""The `municipal_sites` section of `import_portal` / `export_portal`: a site per municipality code, its
featured offers in order with notes, exactly the fields of version 1, and the portal-only fields (contact
phone, goals, added offers) that an import never touches. The rules every section shares are tested in
tests/test_interchange.py."""

import pytest

from municipalities.models import MunicipalSite
from tests.test_interchange import OFFER_KEY, complete_example, export, import_errors, run_import


@pytest.fixture
def document() -> dict:
    """The spec's example with two more offers of its museum."""
    document = complete_example()
    offer = document["offers"][0]
    document["offers"] += [
        {**offer, "key": "vikingeskibsmuseet-sejlads", "title": "Sejlads"},
        {**offer, "key": "vikingeskibsmuseet-baadebyggeri", "title": "Bådebyggeri", "status": "archived"},
    ]
    return document


def featured(site: MunicipalSite) -> list[tuple[str, str]]:
    return [(entry.offer.key, entry.note) for entry in site.featured.order_by("position")]


def test_the_export_writes_exactly_the_fields_of_the_format_in_its_order(db, tmp_path, document):
    run_import(tmp_path, document)
    (site,) = export()["municipal_sites"]
    assert list(site) == list(complete_example()["municipal_sites"][0])


def test_featured_offers_are_stored_in_the_documents_order_with_their_notes(db, tmp_path, document):
    document["municipal_sites"][0]["featured"] = [
        {"offer": "vikingeskibsmuseet-sejlads", "note": "Kommunen betaler bussen"},
        {"offer": "vikingeskibsmuseet-baadebyggeri", "note": "Arkiveret, men stadig valgt"},
        {"offer": OFFER_KEY},
    ]
    run_import(tmp_path, document)
    assert featured(MunicipalSite.objects.get()) == [
        ("vikingeskibsmuseet-sejlads", "Kommunen betaler bussen"),
        ("vikingeskibsmuseet-baadebyggeri", "Arkiveret, men stadig valgt"),
        (OFFER_KEY, ""),
    ]
    assert export()["municipal_sites"][0]["featured"][2] == {"offer": OFFER_KEY, "note": None}
    document["municipal_sites"][0]["featured"].reverse()
    assert run_import(tmp_path, document)[3] == "municipal_sites: 0 created, 1 updated, 0 unchanged"
    assert [key for key, _note in featured(MunicipalSite.objects.get())] == [
        OFFER_KEY,
        "vikingeskibsmuseet-baadebyggeri",
        "vikingeskibsmuseet-sejlads",
    ]


@pytest.mark.parametrize(
    "field",
    [
        {"contact_phone": "+45 46 46 46 46"},
        {"goals": "Alle elever lærer uden for skolen hvert år."},
        {"extra_offers": ["vikingeskibsmuseet-sejlads"]},
    ],
    ids=lambda field: next(iter(field)),
)
def test_portal_only_fields_in_a_document_are_refused_as_unknown(db, tmp_path, document, field):
    document["municipal_sites"][0] |= field
    assert import_errors(tmp_path, document) == [
        f"municipal_sites[0] municipality=350: {next(iter(field))}: unknown field"
    ]
    assert not MunicipalSite.objects.exists()


def test_an_import_never_changes_the_portal_only_fields_of_an_existing_site(db, tmp_path, document):
    run_import(tmp_path, document)
    site = MunicipalSite.objects.get()
    site.contact_phone, site.goals = "+45 46 46 46 46", "Alle elever lærer uden for skolen."
    site.save()
    site.extra_offers.set(site.featured.values_list("offer", flat=True))
    document["municipal_sites"][0] |= {"title": "Åben skole – Lejre", "intro": None}
    assert run_import(tmp_path, document)[3] == "municipal_sites: 0 created, 1 updated, 0 unchanged"
    site.refresh_from_db()
    assert (site.title, site.intro) == ("Åben skole – Lejre", "")
    assert (site.contact_phone, site.goals) == ("+45 46 46 46 46", "Alle elever lærer uden for skolen.")
    assert list(site.extra_offers.values_list("key", flat=True)) == [OFFER_KEY]
    assert "goals" not in export()["municipal_sites"][0]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"offer": OFFER_KEY}, "must be a list of objects with the fields offer, note"),
        (["vikingeskibsmuseet-sejlads"], "[0]: must be an object"),
        ([{"offer": "findes-ikke"}], '[0]: offer: unknown offer: "findes-ikke"'),
        ([{"note": "Gratis"}], "[0]: offer: is required"),
        ([{"offer": OFFER_KEY}, {"offer": f" {OFFER_KEY}"}], "[1]: offer: appears more than once (also at [0])"),
        ([{"offer": OFFER_KEY, "position": 1}], "[0]: position: unknown field"),
        ([{"offer": OFFER_KEY, "note": 5}], "[0]: note: must be text (in quotes)"),
        ([{"offer": OFFER_KEY, "note": "x" * 201}], "[0]: note: Ensure this value has at most 200 characters (it has 201)."),
    ],
)  # fmt: skip
def test_a_bad_featured_list_is_named_with_the_entry(db, tmp_path, document, value, message):
    document["municipal_sites"][0]["featured"] = value
    assert import_errors(tmp_path, document) == [f"municipal_sites[0] municipality=350: featured: {message}"]
