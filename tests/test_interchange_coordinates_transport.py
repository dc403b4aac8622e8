"""The optional additions to version 1 that issue 12 brought: schools' `latitude`/`longitude` and municipal
sites' `transport` rules. Import, export, round trip, named errors, and documents without them that keep
what the portal has. The rules every section shares are tested in tests/test_interchange.py."""

import copy
import json

import pytest

from municipalities.models import MunicipalSite, School
from tests.test_interchange import (
    complete_example,
    export,
    export_text,
    import_errors,
    run_import,
    snapshot,
    wipe,
    write,
)

# The spec's `transport` example (the additions at the end of docs/interchange-format.md).
TRANSPORT = {
    "scheme": "pool",
    "grades": [
        "dagtilbud",
        "0-klasse",
        "1-klasse",
        "2-klasse",
        "3-klasse",
        "4-klasse",
        "5-klasse",
        "6-klasse",
    ],
    "max_distance_km": 40,
    "within_municipality_only": False,
    "max_amount_dkk": 3000,
    "apply_days_before": 14,
    "apply_url": "https://www.example.dk/transportpulje",
    "apply_email": None,
    "note": "Puljen dækker bus til og fra stedet. Offentlig transport betales af skolen.",
}
NEW_SCHOOL = {
    "key": "ny-skole-4000",
    "name": "Ny Skole",
    "postcode": "4000",
    "latitude": 55.64,
    "longitude": 12.08,
}


@pytest.fixture
def document() -> dict:
    document = complete_example()
    document["municipal_sites"][0]["transport"] = copy.deepcopy(TRANSPORT)
    document["schools"].append(dict(NEW_SCHOOL))
    return document


def site_rules(site: MunicipalSite) -> tuple:
    return (
        site.transport_scheme,
        sorted(site.transport_grades.values_list("slug", flat=True)),
        site.transport_max_distance_km,
        site.transport_within_municipality_only,
        site.transport_max_amount_dkk,
        site.transport_apply_days_before,
        site.transport_apply_url,
        site.transport_apply_email,
        site.transport_note,
    )


def test_the_specs_transport_example_is_stored_as_rules_and_exported_unchanged(db, tmp_path, document):
    run_import(tmp_path, document)
    site = MunicipalSite.objects.get()
    assert site_rules(site) == (
        "pool", sorted(TRANSPORT["grades"]), 40, False, 3000, 14, "https://www.example.dk/transportpulje", "",
        TRANSPORT["note"],
    )  # fmt: skip
    exported = export()["municipal_sites"][0]
    assert exported["transport"] == TRANSPORT
    assert list(exported)[5:7] == ["transport_info", "transport"]


def test_school_coordinates_are_imported_and_exported(db, tmp_path, document):
    run_import(tmp_path, document)
    school = School.objects.get(key="ny-skole-4000")
    assert (school.latitude, school.longitude) == (55.64, 12.08)
    (exported,) = [s for s in export()["schools"] if s["key"] == "ny-skole-4000"]
    assert exported == {**NEW_SCHOOL, "kind": "other", "address": None, "municipality": None}


def test_importing_it_twice_changes_nothing_and_a_changed_rule_updates_the_site(db, tmp_path, document):
    run_import(tmp_path, document)
    before = snapshot()
    assert run_import(tmp_path, document)[0::3] == [
        "schools: 0 created, 0 updated, 2 unchanged",
        "municipal_sites: 0 created, 0 updated, 1 unchanged",
    ]
    assert snapshot() == before
    document["municipal_sites"][0]["transport"] |= {"grades": ["4-klasse"], "max_distance_km": None}
    assert run_import(tmp_path, document)[3] == "municipal_sites: 0 created, 1 updated, 0 unchanged"
    site = MunicipalSite.objects.get()
    assert (site_rules(site)[1], site.transport_max_distance_km) == (["4-klasse"], None)


def test_the_round_trip_into_an_empty_database_keeps_coordinates_and_rules(db, tmp_path, document):
    run_import(tmp_path, document)
    first = export_text()
    wipe()
    run_import(tmp_path, write(tmp_path, json.loads(first), "first.json"))
    assert export_text() == first


@pytest.mark.parametrize("absent", ["left out", "null"])
def test_a_document_without_the_additions_keeps_what_the_portal_has(db, tmp_path, document, absent):
    run_import(tmp_path, document)
    before = snapshot()
    for obj in [*document["schools"], *document["municipal_sites"]]:
        for name in ("latitude", "longitude", "transport"):
            if name in obj:
                if absent == "null":
                    obj[name] = None
                else:
                    del obj[name]
    assert run_import(tmp_path, document)[0::3] == [
        "schools: 0 created, 0 updated, 2 unchanged",
        "municipal_sites: 0 created, 0 updated, 1 unchanged",
    ]
    assert snapshot() == before
    assert School.objects.get(key="pedersborg-skole-4180").latitude == 55.462278


def test_inside_the_transport_object_a_member_left_out_is_stored_empty(db, tmp_path, document):
    document["municipal_sites"][0]["transport"] = {"scheme": "none"}
    run_import(tmp_path, document)
    assert site_rules(MunicipalSite.objects.get()) == ("none", [], None, False, None, None, "", "", "")
    assert export()["municipal_sites"][0]["transport"] == {
        "scheme": "none", "grades": [], "max_distance_km": None, "within_municipality_only": False,
        "max_amount_dkk": None, "apply_days_before": None, "apply_url": None, "apply_email": None, "note": None,
    }  # fmt: skip


BAD = [
    # (section, change to its last object, error after "<section>[i] <key>=…: ")
    ("schools", {"latitude": 55.6, "longitude": None}, "latitude: must come with longitude (both or neither)"),
    ("schools", {"latitude": None, "longitude": 12.0}, "longitude: must come with latitude (both or neither)"),
    ("schools", {"latitude": 91}, "latitude: must be a number from -90 to 90"),
    ("schools", {"longitude": "12.08"}, "longitude: must be a number from -180 to 180"),
    ("municipal_sites", {"transport": "pool"}, "transport: must be an object with the fields scheme, grades, max_distance_km, within_municipality_only, max_amount_dkk, apply_days_before, apply_url, apply_email, note"),
    ("municipal_sites", {"transport": {"scheme": "taxi"}}, "transport: scheme: must be one of: none, pool, bus, public_transport"),
    ("municipal_sites", {"transport": {"grades": []}}, "transport: scheme: is required"),
    ("municipal_sites", {"transport": {**TRANSPORT, "colour": "red"}}, "transport: colour: unknown field"),
    ("municipal_sites", {"transport": {**TRANSPORT, "grades": ["11-klasse"]}}, 'transport: grades: unknown grade level: "11-klasse"'),
    ("municipal_sites", {"transport": {**TRANSPORT, "max_distance_km": -5}}, "transport: max_distance_km: must be a whole number 0 or more"),
    ("municipal_sites", {"transport": {**TRANSPORT, "apply_url": "transportpulje"}}, "transport: apply_url: Enter a valid URL."),
]  # fmt: skip


@pytest.mark.parametrize(("section", "change", "message"), BAD)
def test_a_bad_addition_is_named_and_nothing_is_written(db, tmp_path, document, section, change, message):
    bad = document[section][-1]
    bad.update(change)
    before = snapshot()
    where = f"{section}[{len(document[section]) - 1}] " + (
        f"key={bad['key']}" if section == "schools" else f"municipality={bad['municipality']}"
    )
    assert import_errors(tmp_path, document) == [f"{where}: {message}"]
    assert snapshot() == before
