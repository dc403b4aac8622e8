"""Importing and exporting the interchange format: `manage.py import_portal` and `export_portal`."""

import copy
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from django.utils.module_loading import import_string

from municipalities.models import School
from offers.models import Offer, Provider
from portal.interchange import SECTIONS

EXAMPLE = Path(__file__).parent / "data" / "interchange_example.json"
OFFER_KEY = "vikingeskibsmuseet-eksperimentalarkaeologi"
SECTION_NAMES = ", ".join(import_string(path).name for path in SECTIONS)


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English (the msgids); one test checks the Danish default."""
    with translation.override("en"):
        yield


@pytest.fixture
def document() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture
def run_import(db, tmp_path):
    """Write `document` to a file, import it and return the summary lines."""

    def run(document: dict) -> list[str]:
        path = tmp_path / "import.json"
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        out = io.StringIO()
        call_command("import_portal", str(path), stdout=out)
        return out.getvalue().splitlines()

    return run


@pytest.fixture
def import_errors(db, tmp_path):
    """Import `document`, expect it to be refused and return the error lines."""

    def run(document) -> list[str]:
        path = tmp_path / "import.json"
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        err = io.StringIO()
        with pytest.raises(CommandError, match="nothing was imported"):
            call_command("import_portal", str(path), stderr=err)
        return err.getvalue().splitlines()

    return run


def export() -> str:
    out = io.StringIO()
    call_command("export_portal", stdout=out)
    return out.getvalue()


def exported(section: str) -> list[dict]:
    return json.loads(export())[section]


def an_offer(document: dict, **changes) -> dict:
    """A second offer of the example's provider, with `changes` applied (None removes a field)."""
    offer = {**copy.deepcopy(document["offers"][0]), "key": "vikingeskibsmuseet-sejlads", **changes}
    return {name: value for name, value in offer.items() if value is not None}


# --- Importing ---


def test_importing_the_example_creates_its_objects_and_reports_them(run_import, document):
    assert run_import(document) == [
        "schools: 0 created, 0 updated, 1 unchanged",
        "providers: 1 created, 0 updated, 0 unchanged",
        "offers: 1 created, 0 updated, 0 unchanged",
    ]
    offer = Offer.objects.select_related("provider__municipality").get(key=OFFER_KEY)
    assert offer.provider.municipality.name == "Roskilde"
    assert offer.status == "published"
    assert str(offer.available_from) == "2026-08-01"
    assert sorted(offer.subjects.values_list("slug", flat=True)) == ["historie", "natur-teknologi"]
    assert list(offer.grades.values_list("slug", flat=True)) == ["4-klasse", "5-klasse", "6-klasse"]
    assert list(offer.sdgs.values_list("number", flat=True)) == [14]
    assert (offer.themes, offer.languages, offer.price_dkk) == (["vikingetid", "håndværk"], ["da"], 0)


def test_importing_twice_changes_nothing_the_second_time(run_import, document):
    run_import(document)
    stamps = {
        "provider": Provider.objects.get().updated,
        "offer": Offer.objects.get().updated,
    }
    assert run_import(document) == [
        "schools: 0 created, 0 updated, 1 unchanged",
        "providers: 0 created, 0 updated, 1 unchanged",
        "offers: 0 created, 0 updated, 1 unchanged",
    ]
    assert {"provider": Provider.objects.get().updated, "offer": Offer.objects.get().updated} == stamps
    assert (Provider.objects.count(), Offer.objects.count()) == (1, 1)


def test_a_changed_value_updates_the_object_and_bumps_its_timestamp(run_import, document):
    run_import(document)
    before = Offer.objects.get()
    document["offers"][0].update(title="Vikingeskibe", subjects=["historie"], sdgs=[14, 15], price_dkk=500)
    assert run_import(document)[1:] == [
        "providers: 0 created, 0 updated, 1 unchanged",
        "offers: 0 created, 1 updated, 0 unchanged",
    ]
    offer = Offer.objects.get()
    assert (offer.title, offer.price_dkk) == ("Vikingeskibe", 500)
    assert list(offer.subjects.values_list("slug", flat=True)) == ["historie"]
    assert list(offer.sdgs.values_list("number", flat=True)) == [14, 15]
    assert offer.updated > before.updated
    assert offer.slug == before.slug


def test_objects_absent_from_the_document_are_left_alone(run_import, document, published_offer):
    run_import(document)
    published_offer.refresh_from_db()
    assert published_offer.title == "Vikingetid på egen krop"
    assert Offer.objects.count() == 2


def test_an_offer_may_refer_to_an_existing_provider_not_in_the_document(run_import, document, provider):
    document["offers"][0]["provider"] = provider.key
    del document["providers"]
    assert run_import(document)[-1] == "offers: 1 created, 0 updated, 0 unchanged"
    assert Offer.objects.get().provider == provider


def test_left_out_and_null_fields_are_stored_empty_and_exported_as_null(run_import, document):
    document["providers"][0] = {"key": "lille-museum", "name": "Lille Museum", "kind": "museum", "city": None}
    document["offers"] = [{"key": "lille-tur", "provider": "lille-museum", "title": "Tur", "format": "visit"}]
    run_import(document)
    offer = Offer.objects.get()
    assert (offer.status, offer.price_dkk, offer.summary, offer.themes) == ("draft", None, "", [])
    assert exported("offers")[0] == {
        "key": "lille-tur",
        "provider": "lille-museum",
        "title": "Tur",
        "summary": None,
        "description": None,
        "format": "visit",
        "subjects": [],
        "grades": [],
        "sdgs": [],
        "themes": [],
        "price_dkk": None,
        "duration_minutes": None,
        "max_participants": None,
        "available_from": None,
        "available_to": None,
        "booking_url": None,
        "booking_email": None,
        "languages": [],
        "status": "draft",
    }
    assert exported("providers")[0]["municipality"] is None


def test_strings_are_trimmed(run_import, document):
    document["providers"][0].update(name="  Vikingeskibsmuseet \n", postcode=" 4000 ")
    run_import(document)
    assert (Provider.objects.get().name, Provider.objects.get().postcode) == ("Vikingeskibsmuseet", "4000")


def test_a_script_in_a_description_does_not_survive(run_import, document):
    document["offers"][0]["description"] = (
        '<p onclick="steal()">Sejlads <script>alert(1)</script><em>nu</em></p>'
    )
    run_import(document)
    assert Offer.objects.get().description == "<p>Sejlads <em>nu</em></p>"
    assert run_import(document)[-1] == "offers: 0 created, 0 updated, 1 unchanged"


def test_new_objects_get_their_key_as_slug_made_unique_when_taken(run_import, document, make_offer):
    make_offer(key="an-older-offer", slug=OFFER_KEY)
    run_import(document)
    assert Provider.objects.get(key="vikingeskibsmuseet").slug == "vikingeskibsmuseet"
    assert Offer.objects.get(key=OFFER_KEY).slug == f"{OFFER_KEY}-2"


def test_an_import_may_add_and_update_schools(run_import, document):
    document["schools"] = [
        {"key": "pedersborg-skole-4180", "name": "Pedersborg Skole", "kind": "folkeskole",
         "address": "Rustkammervej 78", "postcode": "4180", "municipality": "340"},
        {"key": "ny-friskole-4000", "name": "Ny Friskole", "kind": "friskole", "postcode": "4000",
         "municipality": "265"},
    ]  # fmt: skip
    assert run_import(document)[0] == "schools: 1 created, 1 updated, 0 unchanged"
    assert School.objects.get(key="pedersborg-skole-4180").address == "Rustkammervej 78"
    assert School.objects.get(key="pedersborg-skole-4180").cvr == "29189994"
    new = School.objects.select_related("municipality").get(key="ny-friskole-4000")
    assert (new.name, new.kind, new.municipality.name, new.address) == (
        "Ny Friskole",
        "friskole",
        "Roskilde",
        "",
    )


def test_the_number_of_queries_does_not_grow_with_the_number_of_offers(
    run_import, document, django_assert_max_num_queries
):
    document["offers"] = [an_offer(document, key=f"tur-{n}") for n in range(300)]
    with django_assert_max_num_queries(40):
        run_import(document)
    assert Offer.objects.count() == 300
    document["offers"][7]["grades"] = ["dagtilbud"]
    with django_assert_max_num_queries(40):
        assert run_import(document)[-1] == "offers: 0 created, 1 updated, 299 unchanged"


# --- All or nothing, and errors a person can act on ---


def test_one_bad_object_among_good_ones_writes_nothing(import_errors, document):
    counts = (Provider.objects.count(), Offer.objects.count(), School.objects.count())
    document["schools"].append({"key": "ny-skole-4000", "name": "Ny Skole", "postcode": "4000"})
    document["offers"] += [
        an_offer(document, key="god-tur"),
        an_offer(document, key="daarlig-tur", price_dkk=-5),
    ]
    assert import_errors(document) == [
        "offers[2] key=daarlig-tur: price_dkk: must be a whole number 0 or more"
    ]
    assert (Provider.objects.count(), Offer.objects.count(), School.objects.count()) == counts


def test_every_error_in_the_document_is_reported_not_just_the_first(import_errors, document):
    document["offers"].append(an_offer(document, available_from="1. august"))
    document["providers"][0]["latitude"] = 100
    document["offers"][0]["status"] = "live"
    assert import_errors(document) == [
        "providers[0] key=vikingeskibsmuseet: latitude: must be a number from -90 to 90",
        f"offers[0] key={OFFER_KEY}: status: must be one of: draft, published, archived",
        'offers[1] key=vikingeskibsmuseet-sejlads: available_from: must be a date written YYYY-MM-DD, e.g. "2026-08-01"',
    ]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("colour", "red", "colour: unknown field"),
        ("subjects", ["historie", "alkymi"], 'subjects: unknown subject: "alkymi"'),
        ("grades", ["4-klasse", "11-klasse"], 'grades: unknown grade level: "11-klasse"'),
        ("sdgs", [14, 18], "sdgs: unknown sustainable development goal: 18"),
        ("sdgs", ["14"], "sdgs: must be a list of whole numbers"),
        ("provider", "ukendt-museum", 'provider: unknown learning place: "ukendt-museum"'),
        ("provider", None, "provider: is required"),
        ("price_dkk", -1, "price_dkk: must be a whole number 0 or more"),
        ("price_dkk", "100", "price_dkk: must be a whole number 0 or more"),
        ("price_dkk", 12.5, "price_dkk: must be a whole number 0 or more"),
        ("price_dkk", 10**12, "price_dkk: Ensure this value is less than or equal to 2147483647."),
        ("duration_minutes", 0, "duration_minutes: must be a whole number 1 or more"),
        ("available_to", "2026-07-31", "available_to: must be on or after available_from"),
        ("available_from", "2026-02-30", 'available_from: must be a date written YYYY-MM-DD, e.g. "2026-08-01"'),
        ("title", 42, "title: must be text (in quotes)"),
        ("title", "   ", "title: is required"),
        ("title", "x" * 201, "title: Ensure this value has at most 200 characters (it has 201)."),
        ("format", "excursion", "format: must be one of: visit, outreach, course, online, material, "
         "teacher_course, event"),
        ("themes", ["vikingetid", ""], "themes: must not contain empty texts"),
        ("languages", ["dansk"], 'languages: "dansk": must be a two-letter language code (ISO 639-1), e.g. "da"'),
        ("booking_url", "www.example.dk", "booking_url: Enter a valid URL."),
        ("booking_email", "booking@", "booking_email: Enter a valid email address."),
    ],
)  # fmt: skip
def test_a_bad_offer_field_is_named_with_the_offer(import_errors, document, field, value, message):
    document["offers"][0][field] = value
    assert import_errors(document) == [f"offers[0] key={OFFER_KEY}: {message}"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("key", "Vikinge Skibe", 'key: must be lowercase letters a-z, digits and single hyphens, e.g. "vikingeskibsmuseet"'),
        ("kind", "zoo", "kind: must be one of: museum, art, nature, science, library, archive, music, theatre, "
         "film, company, association, sport, education, municipal, other"),
        ("municipality", 265, "municipality: must be text (in quotes)"),
        ("municipality", "999", 'municipality: unknown municipality: "999"'),
        ("postcode", "400", 'postcode: must be four digits, e.g. "4000"'),
        ("longitude", 181, "longitude: must be a number from -180 to 180"),
        ("latitude", "55.6", "latitude: must be a number from -90 to 90"),
        ("website", "vikingeskibsmuseet", "website: Enter a valid URL."),
    ],
)  # fmt: skip
def test_a_bad_provider_field_is_named_and_its_offers_are_not_blamed(
    import_errors, document, field, value, message
):
    document["providers"][0][field] = value
    document["offers"][0]["provider"] = document["providers"][0]["key"]
    assert import_errors(document) == [f"providers[0] key={document['providers'][0]['key']}: {message}"]


def test_a_bad_school_field_is_named_with_the_school(import_errors, document):
    document["schools"][0].update(kind="privatskole", municipality="0340")
    assert import_errors(document) == [
        "schools[0] key=pedersborg-skole-4180: kind: must be one of: folkeskole, friskole, efterskole, "
        "specialskole, gymnasium, erhvervsskole, dagtilbud, other",
        'schools[0] key=pedersborg-skole-4180: municipality: unknown municipality: "0340"',
    ]


def test_a_key_given_twice_is_an_error(import_errors, document):
    document["offers"].append(copy.deepcopy(document["offers"][0]))
    assert import_errors(document) == [
        f"offers[1] key={OFFER_KEY}: key: appears more than once (also at offers[0])"
    ]


def test_objects_without_a_key_are_named_by_position(import_errors, document):
    document["offers"] += [
        {"provider": "vikingeskibsmuseet", "title": "Uden nøgle", "format": "visit"},
        "tur",
    ]
    assert import_errors(document) == ["offers[1]: key: is required", "offers[2]: must be an object"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"format": "aabenskole-portal/2"}, 'format: must be "aabenskole-portal/1"'),
        ({"format": None}, 'format: must be "aabenskole-portal/1"'),
        ({"lessons": []}, f"lessons: unknown section (known: {SECTION_NAMES})"),
        ({"offers": {"key": "x"}}, "offers: must be a list of objects"),
    ],
)
def test_document_level_errors_are_named(import_errors, document, change, message):
    document.update(change)
    assert import_errors({k: v for k, v in document.items() if v is not None}) == [message]


def test_a_document_that_is_not_an_object_is_refused(import_errors):
    assert import_errors([1, 2]) == [
        'the document must be a JSON object with "format": "aabenskole-portal/1"'
    ]


def test_a_missing_file_or_bad_json_is_a_clear_error(db, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "aabenskole-portal/1",\n "offers": [}', encoding="utf-8")
    for path, message in [
        (tmp_path / "missing.json", f"{tmp_path / 'missing.json'}: no such file"),
        (broken, f"{broken}: is not valid JSON: Expecting value at line 2, column 13"),
    ]:
        err = io.StringIO()
        with pytest.raises(CommandError, match="1 error; nothing was imported"):
            call_command("import_portal", str(path), stderr=err)
        assert err.getvalue().splitlines() == [message]


def test_errors_are_shown_in_danish_the_portals_language(db, document, tmp_path):
    document["offers"][0]["price_dkk"] = -1
    (tmp_path / "import.json").write_text(json.dumps(document), encoding="utf-8")
    err = io.StringIO()
    with translation.override("da"), pytest.raises(CommandError, match="^1 fejl; intet blev importeret.$"):
        call_command("import_portal", str(tmp_path / "import.json"), stderr=err)
    assert err.getvalue() == f"offers[0] key={OFFER_KEY}: price_dkk: skal være et helt tal på 0 eller mere\n"


# --- Exporting ---


def test_export_writes_the_same_json_to_stdout_and_to_a_file(run_import, document, tmp_path):
    run_import(document)
    out = io.StringIO()
    call_command("export_portal", str(tmp_path / "export.json"), stdout=out)
    assert "offers: 1" in out.getvalue()
    assert (tmp_path / "export.json").read_text(encoding="utf-8") == export()


def test_export_writes_every_field_of_the_spec_in_order(run_import, document):
    run_import(document)
    data = json.loads(export())
    assert list(data) == ["format", *SECTION_NAMES.split(", ")]
    assert SECTION_NAMES.startswith("schools, providers, offers")
    assert data["providers"] == document["providers"]
    assert data["offers"] == document["offers"]
    assert len(data["schools"]) == School.objects.count()
    assert document["schools"][0] in data["schools"]
    assert "Eksperimentalarkæologi" in export()


def test_round_trip_into_an_empty_database_gives_the_same_json(run_import, document, tmp_path):
    document["providers"].append({"key": "a-lille-museum", "name": "Lille Museum", "kind": "other"})
    document["offers"] += [
        {"key": "a-tur", "provider": "a-lille-museum", "title": "Tur", "format": "online", "status": None},
        an_offer(
            document,
            description="<p>Sejlads &amp; <strong>roning</strong></p>",
            grades=["6-klasse", "dagtilbud"],
        ),
    ]
    run_import(document)
    first = export()
    Offer.objects.all().delete()
    Provider.objects.all().delete()
    School.objects.all().delete()
    (tmp_path / "first.json").write_text(first, encoding="utf-8")
    out = io.StringIO()
    call_command("import_portal", str(tmp_path / "first.json"), stdout=out)
    assert "offers: 3 created" in out.getvalue()
    assert export() == first
    assert [offer["key"] for offer in json.loads(first)["offers"]] == [
        "a-tur",
        OFFER_KEY,
        "vikingeskibsmuseet-sejlads",
    ]
