"""The `partnerships` section of `import_portal` / `export_portal`: the spec's example imports, importing twice
changes nothing, bad objects are named and nothing is written, a round trip loses nothing, and the
portal-only fields (evaluation, resources, successor) survive an import."""

import copy
import io
import json
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from offers.models import Offer, Provider
from partnerships.models import Contact, Partnership

EXAMPLE = Path(__file__).parent / "data" / "interchange_example.json"
# The spec's example (shared/spec/interchange-format.md), verbatim.
SPEC_PARTNERSHIP = {
    "key": "museum-vestsjaelland-pedersborg",
    "title": "Museum Vestsjælland og Pedersborg Skole",
    "kind": "partnership",
    "description": "Undervisningsforløb på museet og på skolen hvert skoleår; museet følger samme årgang.",
    "providers": ["museum-vestsjaelland"],
    "schools": ["pedersborg-skole-4180"],
    "municipalities": ["340"],
    "started": "2014-08-01",
    "ended": None,
    "recurring": True,
    "grades": ["3-klasse"],
    "subjects": ["historie"],
    "activities": ["joint_course_planning", "develop_offer"],
    "agreement": "written_agreement",
    "goals": "Eleverne får et tilbagevendende møde med museets samlinger.",
    "contacts": [
        {"role": "teacher", "name": "Lærer", "email": "laerer@example.dk"},
        {"role": "school_leader", "name": "Skoleleder", "email": "leder@example.dk"},
        {"role": "educator", "name": "Museumsunderviser", "email": "underviser@example.dk"},
    ],
    "offers": [],
    "public": True,
}
MUSEUM = {
    "key": "museum-vestsjaelland",
    "name": "Museum Vestsjælland",
    "kind": "museum",
    "municipality": "340",
}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def document() -> dict:
    """The example document plus the spec's partnership, its museum and a second, plainer record."""
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    offer = document["offers"][0]["key"]
    document["providers"].append(dict(MUSEUM))
    plain = {
        "key": "vikingeskibsmuseet-lejre",
        "title": "Vikingeskibsmuseet og skolerne i Lejre",
        "kind": "collaboration",
        "providers": ["vikingeskibsmuseet"],
        "municipalities": ["350", "265"],
        "started": "2023-08-01",
        "ended": "2027-06-30",
        "activities": ["recurring_visits"],
        "agreement": "informal",
        "contacts": [{"role": "teacher", "name": "Mette", "email": None}],
        "offers": [offer],
    }
    document["partnerships"] = [copy.deepcopy(SPEC_PARTNERSHIP), plain]
    return document


def write(tmp_path, document) -> str:
    path = tmp_path / "import.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return str(path)


def run_import(tmp_path, document) -> str:
    out = io.StringIO()
    call_command("import_portal", write(tmp_path, document), stdout=out)
    return out.getvalue()


def import_errors(tmp_path, document) -> list[str]:
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_portal", write(tmp_path, document), stderr=err)
    return err.getvalue().splitlines()


def export() -> dict:
    out = io.StringIO()
    call_command("export_portal", stdout=out)
    return json.loads(out.getvalue())


def test_the_specs_example_partnership_is_imported_with_contacts_in_order(db, tmp_path, document):
    output = run_import(tmp_path, document)
    assert "partnerships: 2 created, 0 updated, 0 unchanged" in output
    partnership = Partnership.objects.get(key="museum-vestsjaelland-pedersborg")
    assert partnership.slug == "museum-vestsjaelland-pedersborg"
    assert (partnership.kind, partnership.agreement, partnership.public) == (
        "partnership",
        "written_agreement",
        True,
    )
    assert partnership.started == date(2014, 8, 1) and partnership.ended is None and partnership.recurring
    assert partnership.activities == ["joint_course_planning", "develop_offer"]
    assert [s.key for s in partnership.schools.all()] == ["pedersborg-skole-4180"]
    assert [m.code for m in partnership.municipalities.all()] == ["340"]
    assert list(partnership.contacts.values_list("role", "email")) == [
        ("teacher", "laerer@example.dk"),
        ("school_leader", "leder@example.dk"),
        ("educator", "underviser@example.dk"),
    ]


def test_the_export_writes_the_specs_example_back_unchanged(db, tmp_path, document):
    run_import(tmp_path, document)
    exported = {item["key"]: item for item in export()["partnerships"]}
    assert exported["museum-vestsjaelland-pedersborg"] == SPEC_PARTNERSHIP


def test_importing_the_same_document_twice_changes_nothing(db, tmp_path, document):
    run_import(tmp_path, document)
    before = list(Partnership.objects.order_by("key").values_list("key", "updated"))
    contacts = list(Contact.objects.order_by("pk").values_list("pk", flat=True))
    assert "partnerships: 0 created, 0 updated, 2 unchanged" in run_import(tmp_path, document)
    assert list(Partnership.objects.order_by("key").values_list("key", "updated")) == before
    assert list(Contact.objects.order_by("pk").values_list("pk", flat=True)) == contacts


def test_a_changed_contact_list_replaces_the_contacts_in_the_new_order(db, tmp_path, document):
    run_import(tmp_path, document)
    document["partnerships"][0]["contacts"].reverse()
    assert "partnerships: 0 created, 1 updated, 1 unchanged" in run_import(tmp_path, document)
    partnership = Partnership.objects.get(key="museum-vestsjaelland-pedersborg")
    assert list(partnership.contacts.values_list("role", flat=True)) == [
        "educator",
        "school_leader",
        "teacher",
    ]


def test_a_round_trip_through_an_empty_database_gives_the_same_document(db, tmp_path, document):
    run_import(tmp_path, document)
    first = export()
    Partnership.objects.all().delete()
    Offer.objects.all().delete()
    Provider.objects.all().delete()
    run_import(tmp_path, first)
    assert export() == first


def test_an_import_keeps_the_portal_only_evaluation_and_successor(db, tmp_path, document):
    run_import(tmp_path, document)
    plain = Partnership.objects.get(key="vikingeskibsmuseet-lejre")
    successor = Partnership.objects.get(key="museum-vestsjaelland-pedersborg")
    Partnership.objects.filter(pk=plain.pk).update(
        evaluation_notes="Evalueret med lærerne.",
        last_evaluated=date(2026, 6, 1),
        resources="Bus betalt af skolen.",
        successor=successor,
    )
    document["partnerships"][1]["title"] = "Nyt navn"
    run_import(tmp_path, document)
    plain.refresh_from_db()
    assert plain.title == "Nyt navn"
    assert (plain.evaluation_notes, plain.last_evaluated, plain.resources, plain.successor) == (
        "Evalueret med lærerne.",
        date(2026, 6, 1),
        "Bus betalt af skolen.",
        successor,
    )
    assert "evaluation_notes" not in export()["partnerships"][0]


def test_bad_objects_are_named_and_nothing_is_written(db, tmp_path, document):
    bad = document["partnerships"][1]
    bad |= {
        "activities": ["recurring_visits", "knitting"],
        "ended": "2020-01-01",
        "schools": ["no-such-school-9999"],
        "agreement": "handshake",
        "evaluation_notes": "not part of the format",
    }
    bad["contacts"] = [{"role": "janitor", "name": "X"}, {"role": "teacher", "phone": "12345678"}]
    errors = import_errors(tmp_path, document)
    where = "partnerships[1] key=vikingeskibsmuseet-lejre"
    assert f"{where}: evaluation_notes: unknown field" in errors
    assert any(line.startswith(f'{where}: activities: unknown activity "knitting"') for line in errors)
    assert f"{where}: ended: must be on or after started" in errors
    assert any(line.startswith(f"{where}: schools: unknown school") for line in errors)
    assert any(line.startswith(f"{where}: agreement: must be one of: none, informal") for line in errors)
    assert any(line.startswith(f"{where}: contacts: [0]: role: must be one of: teacher") for line in errors)
    assert not Partnership.objects.exists()
    assert not Provider.objects.exists()


def test_a_contact_with_an_unknown_field_or_a_bad_e_mail_is_an_error(db, tmp_path, document):
    document["partnerships"][0]["contacts"] = [{"role": "teacher", "phone": "12345678"}]
    errors = import_errors(tmp_path, document)
    assert (
        "partnerships[0] key=museum-vestsjaelland-pedersborg: contacts: [0]: phone: unknown field" in errors
    )
    document["partnerships"][0]["contacts"] = [{"role": "teacher", "email": "not-an-address"}]
    assert any(": contacts: [0]: email: " in line for line in import_errors(tmp_path, document))


def test_a_key_that_is_a_reserved_path_gets_another_page_address(db, tmp_path, document):
    document["partnerships"][1]["key"] = "oversigt"
    run_import(tmp_path, document)
    assert Partnership.objects.get(key="oversigt").slug == "oversigt-2"
