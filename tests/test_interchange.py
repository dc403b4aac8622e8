"""The interchange format's rules, for every section: `manage.py import_portal FILE` and `export_portal [FILE]`.

Each rule of the spec (docs/interchange-format.md) is one test, parametrized over the five sections where
the rule concerns every section. Section-specific behaviour is in tests/test_interchange_<section>.py,
which use the helpers defined here.
"""

import copy
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import translation
from django.utils.module_loading import import_string

from municipalities.models import FeaturedOffer, Municipality, MunicipalSite, School
from offers.models import Occurrence, Offer, Provider
from partnerships.models import Contact, Partnership
from portal.interchange import SECTIONS

EXAMPLE = Path(__file__).parent / "data" / "interchange_example.json"
SECTION_KEYS = {cls.name: cls.key for cls in map(import_string, SECTIONS)}
SECTION_NAMES = list(SECTION_KEYS)
OFFER_KEY = "vikingeskibsmuseet-eksperimentalarkaeologi"
# The spec's example refers to a learning place that it does not define (its partnership's museum): the
# example imports as it is into a portal that has the museum; `complete_example()` carries it.
MUSEUM = {
    "key": "museum-vestsjaelland",
    "name": "Museum Vestsjælland",
    "kind": "museum",
    "description": None,
    "municipality": "340",
    "address": "Arnevangen 1",
    "postcode": "4100",
    "city": "Ringsted",
    "latitude": None,
    "longitude": None,
    "website": None,
    "email": None,
    "phone": None,
}
CONTENT = [School, Provider, Offer, Occurrence, MunicipalSite, FeaturedOffer, Partnership, Contact]


# --- Helpers for every interchange test module ---


def example() -> dict:
    """The spec's example document, verbatim (tests/data/interchange_example.json)."""
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


# The optional additions to version 1 (the end of the spec) as an export writes them for the example's
# objects: its school's coordinates from the reference list, and no transport rules on its site.
ADDITIONS = {
    "schools": {"latitude": 55.462278, "longitude": 11.553035},
    "municipal_sites": {"transport": None},
}


def with_additions(section: str, obj: dict) -> dict:
    """`obj` with the ADDITIONS of its section, in the order of the section's fields (as exported)."""
    merged = obj | ADDITIONS.get(section, {})
    order = import_string(SECTIONS[SECTION_NAMES.index(section)]).fields
    return {name: merged[name] for name in order if name in merged}


def complete_example() -> dict:
    """The spec's example with its additions, plus the museum its partnership refers to: valid in an empty
    portal."""
    document = example()
    for section in ADDITIONS:
        document[section] = [with_additions(section, obj) for obj in document[section]]
    document["providers"].insert(0, dict(MUSEUM))
    return document


def write(tmp_path: Path, document, name: str = "import.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return str(path)


def run_import(tmp_path: Path, document) -> list[str]:
    """Import `document` (a dict, or a path to a file) and return the summary lines."""
    path = document if isinstance(document, str) else write(tmp_path, document)
    out = io.StringIO()
    with translation.override("en"):
        call_command("import_portal", path, stdout=out)
    return out.getvalue().splitlines()


def import_errors(tmp_path: Path, document) -> list[str]:
    """Import `document` (a dict, or a path), expect it to be refused and return the error lines."""
    path = document if isinstance(document, str) else write(tmp_path, document)
    err = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_portal", path, stderr=err)
    return err.getvalue().splitlines()


def export_text() -> str:
    out = io.StringIO()
    call_command("export_portal", stdout=out)
    return out.getvalue()


def export() -> dict:
    return json.loads(export_text())


def picked(items: list[dict], like: list[dict], section: str) -> list[dict]:
    """The exported `items` that have the keys of the objects `like` (schools: the whole register)."""
    key = SECTION_KEYS[section]
    keys = {obj[key] for obj in like}
    return [item for item in items if item[key] in keys]


def snapshot() -> dict:
    """Every row of the content tables and their many-to-many links, all columns: what an import may write."""
    tables = {}
    for model in CONTENT:
        for table in [model, *(field.remote_field.through for field in model._meta.many_to_many)]:
            tables[table._meta.label] = list(table.objects.order_by("pk").values())
    return tables


def wipe() -> None:
    """Make the portal empty of content (reference data stays)."""
    for model in [Partnership, MunicipalSite, Offer, Provider, School]:
        model.objects.all().delete()


# --- The spec's example ---


def test_the_specs_example_imports_as_it_is_and_exports_unchanged(db, tmp_path):
    run_import(tmp_path, {"format": "aabenskole-portal/1", "providers": [MUSEUM]})
    document = example()
    assert run_import(tmp_path, document) == [
        "schools: 0 created, 0 updated, 1 unchanged",
        "providers: 1 created, 0 updated, 0 unchanged",
        "offers: 1 created, 0 updated, 0 unchanged",
        "municipal_sites: 1 created, 0 updated, 0 unchanged",
        "partnerships: 1 created, 0 updated, 0 unchanged",
    ]
    exported = export()
    assert list(exported) == ["format", *SECTION_NAMES]
    for section in SECTION_NAMES:
        expected = [with_additions(section, obj) for obj in document[section]]
        assert picked(exported[section], document[section], section) == expected, section


def test_the_specs_example_without_the_museum_it_refers_to_is_refused_whole(db, tmp_path):
    before = snapshot()
    assert import_errors(tmp_path, example()) == [
        'partnerships[0] key=museum-vestsjaelland-pedersborg: providers: unknown learning place: "museum-vestsjaelland"'
    ]
    assert snapshot() == before


# --- Upsert by key ---


def test_importing_twice_changes_nothing_the_second_time(db, tmp_path):
    document = complete_example()
    run_import(tmp_path, document)
    before = snapshot()
    assert run_import(tmp_path, document) == [
        "schools: 0 created, 0 updated, 1 unchanged",
        "providers: 0 created, 0 updated, 2 unchanged",
        "offers: 0 created, 0 updated, 1 unchanged",
        "municipal_sites: 0 created, 0 updated, 1 unchanged",
        "partnerships: 0 created, 0 updated, 1 unchanged",
    ]
    assert snapshot() == before  # not a row, timestamp or link rewritten


CHANGES = {
    "schools": {"address": "Rustkammervej 78", "kind": "specialskole"},
    "providers": {"name": "Vikingeskibsmuseet i Roskilde", "latitude": 55.65, "municipality": "350"},
    "offers": {"title": "Vikingeskibe", "subjects": ["historie"], "sdgs": [14, 15], "price_dkk": 500},
    "municipal_sites": {"featured": [{"offer": OFFER_KEY, "note": None}], "published": False},
    "partnerships": {"ended": "2027-06-30", "contacts": [{"role": "plc", "name": None, "email": None}]},
}


@pytest.mark.parametrize("section", SECTION_NAMES)
def test_a_changed_object_is_updated_in_place_and_the_rest_is_unchanged(db, tmp_path, section):
    document = complete_example()
    run_import(tmp_path, document)
    model = import_string(SECTIONS[SECTION_NAMES.index(section)]).model
    key = SECTION_KEYS[section]
    lookup = {"municipality__code": "350"} if key == "municipality" else {"key": document[section][-1][key]}
    before = model.objects.get(**lookup)
    document[section][-1].update(CHANGES[section])
    assert run_import(tmp_path, document) == [
        f"{name}: 0 created, 1 updated, {len(document[name]) - 1} unchanged"
        if name == section
        else f"{name}: 0 created, 0 updated, {len(document[name])} unchanged"
        for name in SECTION_NAMES
    ]
    after = model.objects.get(**lookup)
    assert after.pk == before.pk
    if hasattr(after, "updated"):
        assert after.updated > before.updated
    if hasattr(after, "slug"):
        assert after.slug == before.slug
    assert picked(export()[section], document[section], section) == document[section]


EXISTING = {
    "schools": lambda fixtures: School.objects.get(key="frederiksberg-skole-4180"),
    "providers": lambda fixtures: fixtures("provider"),
    "offers": lambda fixtures: fixtures("published_offer"),
    "municipal_sites": lambda fixtures: MunicipalSite.objects.create(
        municipality=Municipality.objects.get(code="265"), title="Roskilde", intro="Vores tilbud."
    ),
    "partnerships": lambda fixtures: fixtures("make_partnership")(key="aeldre-samarbejde"),
}


@pytest.mark.parametrize("section", SECTION_NAMES)
def test_objects_absent_from_the_document_are_left_alone(db, tmp_path, request, section):
    existing = EXISTING[section](request.getfixturevalue)
    before = type(existing).objects.filter(pk=existing.pk).values().get()
    run_import(tmp_path, complete_example())
    assert type(existing).objects.filter(pk=existing.pk).values().get() == before


# --- All or nothing; errors that name the object and the field ---

BAD = [
    # (section, change to the section's last object, error after "<section>[i] key=…: ")
    ("schools", {"colour": "red"}, "colour: unknown field"),
    ("schools", {"postcode": 4180}, "postcode: must be text (in quotes)"),
    ("schools", {"municipality": "0340"}, 'municipality: unknown municipality: "0340"'),
    ("providers", {"colour": "red"}, "colour: unknown field"),
    ("providers", {"latitude": 100}, "latitude: must be a number from -90 to 90"),
    ("providers", {"municipality": 265}, "municipality: must be text (in quotes)"),
    ("providers", {"municipality": "999"}, 'municipality: unknown municipality: "999"'),
    ("offers", {"colour": "red"}, "colour: unknown field"),
    ("offers", {"price_dkk": -5}, "price_dkk: must be a whole number 0 or more"),
    ("offers", {"available_from": "01-08-2026"}, 'available_from: must be a date written YYYY-MM-DD, e.g. "2026-08-01"'),
    ("offers", {"subjects": ["historie", "alkymi"]}, 'subjects: unknown subject: "alkymi"'),
    ("municipal_sites", {"colour": "red"}, "colour: unknown field"),
    ("municipal_sites", {"published": "ja"}, "published: must be true or false"),
    ("municipal_sites", {"municipality": 350}, "municipality: must be text (in quotes)"),
    ("municipal_sites", {"featured": [{"offer": "findes-ikke"}]}, 'featured: [0]: offer: unknown offer: "findes-ikke"'),
    ("partnerships", {"colour": "red"}, "colour: unknown field"),
    ("partnerships", {"started": "2014-8-1"}, 'started: must be a date written YYYY-MM-DD, e.g. "2026-08-01"'),
    ("partnerships", {"ended": "2010-06-30"}, "ended: must be on or after started"),
    ("partnerships", {"municipalities": [340]}, "municipalities: must be a list of texts (in quotes)"),
    ("partnerships", {"schools": ["ingen-skole-9999"]}, 'schools: unknown school: "ingen-skole-9999"'),
]  # fmt: skip


@pytest.mark.parametrize(("section", "change", "message"), BAD)
def test_one_bad_object_is_named_and_nothing_at_all_is_written(db, tmp_path, section, change, message):
    document = complete_example()
    document["schools"].append({"key": "ny-skole-4000", "name": "Ny Skole", "postcode": "4000"})
    bad = document[section][-1]
    bad.update(change)
    key = SECTION_KEYS[section]
    before = snapshot()
    where = f"{section}[{len(document[section]) - 1}] {key}={bad[key]}"
    assert import_errors(tmp_path, document) == [f"{where}: {message}"]
    assert snapshot() == before


@pytest.mark.parametrize("section", SECTION_NAMES)
def test_a_key_given_twice_in_a_section_is_an_error(db, tmp_path, section):
    document = complete_example()
    document[section].append(copy.deepcopy(document[section][-1]))
    key, last = SECTION_KEYS[section], len(document[section]) - 1
    assert import_errors(tmp_path, document) == [
        f"{section}[{last}] {key}={document[section][-1][key]}: {key}: appears more than once "
        f"(also at {section}[{last - 1}])"
    ]


@pytest.mark.parametrize("section", SECTION_NAMES)
def test_objects_without_a_key_or_that_are_not_objects_are_named_by_position(db, tmp_path, section):
    document = complete_example()
    keyless = {name: value for name, value in document[section][-1].items() if name != SECTION_KEYS[section]}
    document[section] += [keyless, "x"]
    n = len(document[section])
    assert import_errors(tmp_path, document) == [
        f"{section}[{n - 2}]: {SECTION_KEYS[section]}: is required",
        f"{section}[{n - 1}]: must be an object",
    ]


def test_every_error_in_the_document_is_reported_not_just_the_first(db, tmp_path):
    document = complete_example()
    document["providers"][1]["latitude"] = 100
    document["offers"][0]["status"] = "live"
    document["partnerships"][0]["contacts"][1]["role"] = "janitor"
    assert import_errors(tmp_path, document) == [
        "providers[1] key=vikingeskibsmuseet: latitude: must be a number from -90 to 90",
        f"offers[0] key={OFFER_KEY}: status: must be one of: draft, review, published, archived",
        "partnerships[0] key=museum-vestsjaelland-pedersborg: contacts: [1]: role: must be one of: teacher, "
        "school_leader, plc, educator, institution_leader, municipal_consultant, company_contact, other",
    ]


def test_a_field_given_twice_in_one_object_is_an_error_not_a_silent_choice(db, tmp_path):
    text = json.dumps(complete_example(), ensure_ascii=False).replace(
        '"title": "Åben skole i Lejre"', '"title": "Åben skole", "title": "Åben skole i Lejre"'
    )
    (tmp_path / "twice.json").write_text(text, encoding="utf-8")
    assert import_errors(tmp_path, str(tmp_path / "twice.json")) == [
        "municipal_sites[0] municipality=350: title: given more than once"
    ]


# --- Round trip, order, optional fields, trimmed strings ---


def test_round_trip_into_an_empty_database_gives_the_same_json_ordered_by_key(db, tmp_path):
    document = complete_example()
    document["providers"].append({"key": "a-lille-museum", "name": "Lille Museum", "kind": "other"})
    document["offers"] += [
        {"key": "a-tur", "provider": "a-lille-museum", "title": "Tur", "format": "online", "status": None},
        {**document["offers"][0], "key": "b-sejlads", "grades": ["6-klasse", "dagtilbud"], "sdgs": []},
    ]
    document["municipal_sites"].append({"municipality": "101", "title": "København", "published": False})
    document["partnerships"].append(
        {
            "key": "a-samarbejde",
            "title": "Samarbejde",
            "kind": "collaboration",
            "offers": ["a-tur", OFFER_KEY],
        }
    )
    run_import(tmp_path, document)
    first = export_text()
    wipe()
    run_import(tmp_path, write(tmp_path, json.loads(first), "first.json"))
    assert export_text() == first
    exported = json.loads(first)
    for section in SECTION_NAMES:
        keys = [item[SECTION_KEYS[section]] for item in exported[section]]
        assert keys == sorted(keys), section
    assert [offer["key"] for offer in exported["offers"]] == ["a-tur", "b-sejlads", OFFER_KEY]


MINIMAL = {
    # (an object with only the required fields, the rest of its export: the defaults of the portal)
    "schools": (
        {"key": "ny-skole-4000", "name": "Ny Skole"},
        {"kind": "other", "address": None, "postcode": None, "municipality": None, "latitude": None,
         "longitude": None},
    ),
    "providers": (
        {"key": "lille-museum", "name": "Lille Museum", "kind": "museum"},
        {name: None for name in MUSEUM if name not in ("key", "name", "kind")},
    ),
    "offers": (
        {"key": "lille-tur", "provider": "vikingeskibsmuseet", "title": "Tur", "format": "visit"},
        {"summary": None, "description": None, "subjects": [], "grades": [], "sdgs": [], "themes": [],
         "price_dkk": None, "duration_minutes": None, "max_participants": None, "available_from": None,
         "available_to": None, "booking_url": None, "booking_email": None, "languages": [], "status": "draft",
         "occurrences": []},
    ),
    "municipal_sites": (
        {"municipality": "101", "title": "Åben skole i København"},
        {"intro": None, "contact_name": None, "contact_email": None, "transport_info": None, "transport": None,
         "include_local_offers": True, "featured": [], "published": False},
    ),
    "partnerships": (
        {"key": "lille-samarbejde", "title": "Lille samarbejde", "kind": "collaboration"},
        {"description": None, "providers": [], "schools": [], "municipalities": [], "started": None,
         "ended": None, "recurring": False, "grades": [], "subjects": [], "activities": [], "agreement": "none",
         "goals": None, "contacts": [], "offers": [], "public": False},
    ),
}  # fmt: skip


@pytest.mark.parametrize("section", SECTION_NAMES)
@pytest.mark.parametrize("absent", ["left out", "null"])
def test_optional_fields_may_be_left_out_or_null_and_are_stored_empty(db, tmp_path, section, absent):
    required, defaults = MINIMAL[section]
    document = complete_example()
    document[section].append(required if absent == "left out" else {**required, **dict.fromkeys(defaults)})
    run_import(tmp_path, document)
    assert picked(export()[section], [required], section) == [{**required, **defaults}]


def test_an_object_given_again_without_an_optional_field_no_longer_has_its_value(db, tmp_path):
    document = complete_example()
    run_import(tmp_path, document)
    del document["offers"][0]["price_dkk"]
    document["offers"][0]["themes"] = None
    assert run_import(tmp_path, document)[2] == "offers: 0 created, 1 updated, 0 unchanged"
    offer = Offer.objects.get(key=OFFER_KEY)
    assert (offer.price_dkk, offer.themes, offer.duration_minutes) == (None, [], 120)


def padded(value):
    """`value` with every string in it (keys, references, list items, nested objects) padded with space."""
    if isinstance(value, str):
        return f" \n\t{value}  "
    if isinstance(value, list):
        return [padded(item) for item in value]
    if isinstance(value, dict):
        return {name: padded(item) for name, item in value.items()}
    return value


@pytest.mark.parametrize("section", SECTION_NAMES)
def test_strings_are_stored_trimmed(db, tmp_path, section):
    document = complete_example()
    expected = copy.deepcopy(document[section])
    document[section] = padded(document[section])
    run_import(tmp_path, document)
    assert picked(export()[section], expected, section) == expected


# --- The document as a whole ---


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"format": "aabenskole-portal/2"}, 'format: must be "aabenskole-portal/1"'),
        ({"format": None}, 'format: must be "aabenskole-portal/1"'),
        ({"lessons": []}, f"lessons: unknown section (known: {', '.join(SECTION_NAMES)})"),
        ({"partnerships": {"key": "x"}}, "partnerships: must be a list of objects"),
    ],
)
def test_document_level_errors_are_named(db, tmp_path, change, message):
    document = complete_example() | change
    assert import_errors(tmp_path, {k: v for k, v in document.items() if v is not None}) == [message]


def test_a_section_given_as_null_is_not_given(db, tmp_path):
    document = complete_example() | {"offers": None, "municipal_sites": None, "partnerships": None}
    assert run_import(tmp_path, document) == [
        "schools: 0 created, 0 updated, 1 unchanged",
        "providers: 2 created, 0 updated, 0 unchanged",
    ]


def test_a_document_with_only_the_format_line_imports_nothing_and_says_so(db, tmp_path):
    assert run_import(tmp_path, {"format": "aabenskole-portal/1"}) == [
        "The document has no sections; nothing was imported."
    ]


def test_a_document_that_is_not_an_object_is_refused(db, tmp_path):
    assert import_errors(tmp_path, [1, 2]) == [
        'the document must be a JSON object with "format": "aabenskole-portal/1"'
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b'{"format": "aabenskole-portal/1",\n "offers": [}', "is not valid JSON: Expecting value at line 2, column 13"),
        (b"", "is not valid JSON: Expecting value at line 1, column 1"),
        ('{"format": "Åben"}'.encode("latin-1"), "is not UTF-8 text"),
        (b"[" * 100_000 + b"]" * 100_000, "is nested too deeply to be an interchange document"),
        ("directory", "cannot be read (Is a directory)"),
    ],
    ids=["missing", "bad JSON", "empty", "Latin-1", "nested too deep", "directory"],
)  # fmt: skip
def test_a_file_that_cannot_be_read_as_json_is_a_one_line_error(db, tmp_path, content, message):
    path = tmp_path / "document.json"
    if content == "directory":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    err = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError, match="^1 error; nothing was imported.$"):
        call_command("import_portal", str(path), stderr=err)
    assert err.getvalue() == f"{path}: {message}\n"


def test_a_byte_order_mark_at_the_start_of_the_file_is_accepted(db, tmp_path):
    path = tmp_path / "bom.json"
    path.write_text("\ufeff" + json.dumps(complete_example()), encoding="utf-8")
    assert run_import(tmp_path, str(path))[-1] == "partnerships: 1 created, 0 updated, 0 unchanged"


def test_a_rule_only_the_database_knows_is_a_clear_error_and_nothing_is_written(db, tmp_path):
    with connection.cursor() as cursor:  # rolled back with the test
        cursor.execute("ALTER TABLE offers_offer ADD CONSTRAINT no_vikings CHECK (title NOT LIKE '%Viking%')")
    before = snapshot()
    [message] = import_errors(tmp_path, complete_example())
    assert message.startswith("the database refused the import, nothing was written: ")
    assert "no_vikings" in message
    assert snapshot() == before


def test_errors_are_shown_in_danish_the_portals_language(db, tmp_path):
    document = complete_example()
    document["offers"][0]["price_dkk"] = -1
    err = io.StringIO()
    with translation.override("da"), pytest.raises(CommandError, match="^1 fejl; intet blev importeret.$"):
        call_command("import_portal", write(tmp_path, document), stderr=err)
    assert err.getvalue() == f"offers[0] key={OFFER_KEY}: price_dkk: skal være et helt tal på 0 eller mere\n"


def test_export_writes_the_same_json_to_standard_output_and_to_a_file(db, tmp_path):
    run_import(tmp_path, complete_example())
    out = io.StringIO()
    with translation.override("en"):
        call_command("export_portal", str(tmp_path / "export.json"), stdout=out)
    assert out.getvalue().startswith(f"Wrote {tmp_path / 'export.json'} (schools: ")
    assert "offers: 1, municipal_sites: 1, partnerships: 1)" in out.getvalue()
    assert (tmp_path / "export.json").read_text(encoding="utf-8") == export_text()
    assert "Eksperimentalarkæologi" in export_text()  # UTF-8, not \u escapes


def test_export_to_a_place_that_cannot_be_written_is_a_clear_error(db, tmp_path):
    with (
        translation.override("en"),
        pytest.raises(CommandError, match=r"cannot be written \(Is a directory\)"),
    ):
        call_command("export_portal", str(tmp_path), stdout=io.StringIO())
