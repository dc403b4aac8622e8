"""The `municipal_sites` section of `import_portal` / `export_portal`: upsert by municipality code, all or
nothing, errors named, and a lossless round trip (texts, featured offers in order with notes, added offers)."""

import copy
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from municipalities.models import FeaturedOffer, MunicipalSite
from offers.models import Offer, Provider

EXAMPLE = Path(__file__).parent / "data" / "interchange_example.json"
OFFER_KEY = "vikingeskibsmuseet-eksperimentalarkaeologi"
# The spec's example (shared/spec/interchange-format.md), verbatim.
SPEC_SITE = {
    "municipality": "350",
    "title": "Åben skole i Lejre",
    "intro": "Kommunens udvalg af undervisningstilbud for dagtilbud og skoler.",
    "contact_name": "Åben skole-konsulent",
    "contact_email": "aabenskole@example.dk",
    "transport_info": "Skoler kan søge kommunens transportpulje til bus.",
    "include_local_offers": True,
    "featured": [{"offer": OFFER_KEY, "note": "Gratis for kommunens skoler"}],
    "published": True,
}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def document() -> dict:
    """The example document with a second offer and the spec's municipal site."""
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    second = {**copy.deepcopy(document["offers"][0]), "key": "vikingeskibsmuseet-sejlads", "title": "Sejlads"}
    third = {**second, "key": "vikingeskibsmuseet-baadebyggeri", "title": "Bådebyggeri", "status": "archived"}
    document["offers"] += [second, third]
    document["municipal_sites"] = [copy.deepcopy(SPEC_SITE)]
    return document


def run_import(tmp_path, document) -> str:
    path = tmp_path / "import.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    out = io.StringIO()
    call_command("import_portal", str(path), stdout=out)
    return out.getvalue()


def import_errors(tmp_path, document) -> list[str]:
    path = tmp_path / "import.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_portal", str(path), stderr=err)
    return err.getvalue().splitlines()


def export() -> str:
    out = io.StringIO()
    call_command("export_portal", stdout=out)
    return out.getvalue()


def test_the_specs_example_site_is_imported_with_its_featured_offer_and_note(db, tmp_path, document):
    output = run_import(tmp_path, document)
    assert "municipal_sites: 1 created, 0 updated, 0 unchanged" in output
    site = MunicipalSite.objects.get(municipality__code="350")
    assert site.title == "Åben skole i Lejre"
    assert site.published and site.include_local_offers
    assert site.transport_info == "Skoler kan søge kommunens transportpulje til bus."
    assert [(e.offer.key, e.note) for e in site.featured.all()] == [
        (OFFER_KEY, "Gratis for kommunens skoler")
    ]


def test_importing_twice_changes_nothing_the_second_time(db, tmp_path, document):
    run_import(tmp_path, document)
    site = MunicipalSite.objects.get()
    featured_ids = list(FeaturedOffer.objects.values_list("pk", flat=True))
    assert "municipal_sites: 0 created, 0 updated, 1 unchanged" in run_import(tmp_path, document)
    assert MunicipalSite.objects.get().updated == site.updated
    assert list(FeaturedOffer.objects.values_list("pk", flat=True)) == featured_ids


def test_a_new_order_and_notes_update_the_featured_offers(db, tmp_path, document):
    run_import(tmp_path, document)
    document["municipal_sites"][0]["featured"] = [
        {"offer": "vikingeskibsmuseet-sejlads", "note": "Kommunen betaler bussen"},
        {"offer": OFFER_KEY},
    ]
    assert "municipal_sites: 0 created, 1 updated, 0 unchanged" in run_import(tmp_path, document)
    site = MunicipalSite.objects.get()
    assert [(e.offer.key, e.note) for e in site.featured.all()] == [
        ("vikingeskibsmuseet-sejlads", "Kommunen betaler bussen"),
        (OFFER_KEY, ""),
    ]


def test_a_site_absent_from_the_document_is_left_alone(db, tmp_path, document, lejre):
    from municipalities.models import Municipality

    MunicipalSite.objects.create(municipality=Municipality.objects.get(code="265"), title="Roskilde")
    run_import(tmp_path, document)
    assert MunicipalSite.objects.filter(title="Roskilde").exists()


def test_the_export_writes_the_specs_fields_and_the_rest_of_the_site(db, tmp_path, document):
    document["municipal_sites"][0] |= {
        "contact_phone": "+45 46 46 46 46",
        "goals": "Alle elever lærer uden for skolen hvert år.",
        "extra_offers": ["vikingeskibsmuseet-sejlads"],
    }
    run_import(tmp_path, document)
    (site,) = json.loads(export())["municipal_sites"]
    assert list(site) == [
        "municipality",
        "title",
        "intro",
        "contact_name",
        "contact_email",
        "contact_phone",
        "transport_info",
        "goals",
        "include_local_offers",
        "featured",
        "extra_offers",
        "published",
    ]
    assert {name: value for name, value in site.items() if name in SPEC_SITE} == SPEC_SITE
    assert site["goals"] == "Alle elever lærer uden for skolen hvert år."
    assert site["extra_offers"] == ["vikingeskibsmuseet-sejlads"]


def test_round_trip_into_an_empty_database_gives_the_same_json(db, tmp_path, document):
    document["municipal_sites"][0]["featured"] += [
        {"offer": "vikingeskibsmuseet-baadebyggeri", "note": "Arkiveret, men stadig valgt"},
        {"offer": "vikingeskibsmuseet-sejlads", "note": None},
    ]
    document["municipal_sites"][0] |= {"extra_offers": ["vikingeskibsmuseet-sejlads"], "goals": "Mål"}
    document["municipal_sites"].append(
        {"municipality": "101", "title": "København", "include_local_offers": False, "published": False}
    )
    run_import(tmp_path, document)
    first = export()
    MunicipalSite.objects.all().delete()
    Offer.objects.all().delete()
    Provider.objects.all().delete()
    (tmp_path / "first.json").write_text(first, encoding="utf-8")
    call_command("import_portal", str(tmp_path / "first.json"), stdout=io.StringIO())
    assert export() == first
    sites = json.loads(first)["municipal_sites"]
    assert [site["municipality"] for site in sites] == ["101", "350"]
    assert sites[1]["featured"][1:] == [
        {"offer": "vikingeskibsmuseet-baadebyggeri", "note": "Arkiveret, men stadig valgt"},
        {"offer": "vikingeskibsmuseet-sejlads", "note": None},
    ]
    assert sites[0]["include_local_offers"] is False


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"municipality": "999"}, 'municipality: unknown municipality: "999"'),
        ({"title": ""}, "title: is required"),
        ({"contact_email": "ikke en adresse"}, "contact_email: Enter a valid email address."),
        ({"published": "ja"}, "published: must be true or false"),
        ({"include_local_offers": 1}, "include_local_offers: must be true or false"),
        ({"featured": {"offer": OFFER_KEY}}, "featured: must be a list of objects"),
        ({"featured": [{"offer": "findes-ikke"}]}, 'featured: [0]: offer: unknown offer: "findes-ikke"'),
        (
            {"featured": [{"offer": OFFER_KEY}, {"offer": OFFER_KEY}]},
            "featured: [1]: offer: appears more than once",
        ),
        ({"featured": [{"offer": OFFER_KEY, "position": 1}]}, "featured: [0]: unknown field position"),
        ({"featured": [{"note": "Gratis"}]}, "featured: [0]: offer: is required"),
        ({"featured": [{"offer": OFFER_KEY, "note": "x" * 201}]}, "featured: [0]: note: must be at most 200"),
        ({"extra_offers": ["findes-ikke"]}, 'extra_offers: unknown offer: "findes-ikke"'),
        ({"colour": "grøn"}, "colour: unknown field"),
    ],
)
def test_a_bad_site_is_named_and_nothing_is_imported(db, tmp_path, document, change, message):
    document["municipal_sites"][0] |= change
    errors = import_errors(tmp_path, document)
    assert len(errors) == 1
    assert errors[0].startswith("municipal_sites[0]")
    assert message in errors[0]
    assert not MunicipalSite.objects.exists()
    assert not Offer.objects.exists()  # all or nothing: the valid offers were not written either


def test_a_municipality_given_twice_is_an_error(db, tmp_path, document):
    document["municipal_sites"].append(copy.deepcopy(SPEC_SITE))
    errors = import_errors(tmp_path, document)
    assert errors == [
        "municipal_sites[1] municipality=350: municipality: appears more than once (also at municipal_sites[0])"
    ]
