"""The `schools`, `providers` and `offers` sections of `import_portal` / `export_portal`: their fields and
checks, page addresses from keys, sanitized descriptions, and the catalogue search after an import.
The rules every section shares are tested in tests/test_interchange.py."""

import json

import pytest

from municipalities.models import School
from offers.models import Offer, Provider
from tests.test_interchange import (
    OFFER_KEY,
    complete_example,
    export_text,
    import_errors,
    run_import,
    wipe,
    write,
)


def an_offer(document: dict, **changes) -> dict:
    """A second offer of the example's museum, with `changes` applied."""
    return {**document["offers"][0], "key": "vikingeskibsmuseet-sejlads", **changes}


def test_an_imported_offer_has_its_provider_references_and_values(db, tmp_path):
    run_import(tmp_path, complete_example())
    offer = Offer.objects.select_related("provider__municipality").get(key=OFFER_KEY)
    assert offer.provider.municipality.name == "Roskilde"
    assert (offer.status, str(offer.available_from), offer.price_dkk) == ("published", "2026-08-01", 0)
    assert sorted(offer.subjects.values_list("slug", flat=True)) == ["historie", "natur-teknologi"]
    assert list(offer.grades.values_list("slug", flat=True)) == ["4-klasse", "5-klasse", "6-klasse"]
    assert list(offer.sdgs.values_list("number", flat=True)) == [14]
    assert (offer.themes, offer.languages) == (["vikingetid", "håndværk"], ["da"])


def test_an_offer_may_refer_to_a_provider_already_in_the_portal(db, tmp_path, provider):
    document = complete_example()
    document["offers"][0]["provider"] = provider.key
    del document["providers"], document["municipal_sites"], document["partnerships"]
    assert run_import(tmp_path, document)[-1] == "offers: 1 created, 0 updated, 0 unchanged"
    assert Offer.objects.get().provider == provider


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("provider", "ukendt-museum", 'provider: unknown learning place: "ukendt-museum"'),
        ("provider", None, "provider: is required"),
        ("grades", ["4-klasse", "11-klasse"], 'grades: unknown grade level: "11-klasse"'),
        ("sdgs", [14, 18], "sdgs: unknown sustainable development goal: 18"),
        ("sdgs", ["14"], "sdgs: must be a list of whole numbers"),
        ("subjects", "historie", "subjects: must be a list of texts (in quotes)"),
        ("price_dkk", "100", "price_dkk: must be a whole number 0 or more"),
        ("price_dkk", 12.5, "price_dkk: must be a whole number 0 or more"),
        ("price_dkk", True, "price_dkk: must be a whole number 0 or more"),
        ("price_dkk", 10**12, "price_dkk: Ensure this value is less than or equal to 2147483647."),
        ("duration_minutes", 0, "duration_minutes: must be a whole number 1 or more"),
        ("max_participants", 0, "max_participants: must be a whole number 1 or more"),
        ("available_to", "2026-07-31", "available_to: must be on or after available_from"),
        ("available_from", "2026-02-30", 'available_from: must be a date written YYYY-MM-DD, e.g. "2026-08-01"'),
        ("available_from", "2026-08-01T10:00", 'available_from: must be a date written YYYY-MM-DD, e.g. "2026-08-01"'),
        ("title", 42, "title: must be text (in quotes)"),
        ("title", "   ", "title: is required"),
        ("title", "x" * 201, "title: Ensure this value has at most 200 characters (it has 201)."),
        ("title", "Nul\x00tegn", "title: contains a character that cannot be stored (NUL or a lone surrogate)"),
        ("format", "excursion", "format: must be one of: visit, outreach, course, online, material, "
         "teacher_course, event"),
        ("status", "live", "status: must be one of: draft, review, published, archived"),
        ("themes", ["vikingetid", ""], "themes: must not contain empty texts"),
        ("themes", ["x" * 101], f'themes: "{"x" * 101}": Ensure this value has at most 100 characters (it has 101).'),
        ("languages", ["dansk"], 'languages: "dansk": must be a two-letter language code (ISO 639-1), e.g. "da"'),
        ("booking_url", "www.example.dk", "booking_url: Enter a valid URL."),
        ("booking_email", "booking@", "booking_email: Enter a valid email address."),
    ],
)  # fmt: skip
def test_a_bad_offer_field_is_named_with_the_offer(db, tmp_path, field, value, message):
    document = complete_example()
    document["offers"][0][field] = value
    assert import_errors(tmp_path, document) == [f"offers[0] key={OFFER_KEY}: {message}"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("key", "Vikinge Skibe", 'key: must be letters a-z, digits, hyphens and underscores only (no spaces, no æ, ø, å), e.g. "vikingeskibsmuseet"'),
        ("key", "vikingeskibsmuseet-" + "x" * 200, "key: Ensure this value has at most 200 characters (it has 219)."),
        ("name", None, "name: is required"),
        ("kind", "zoo", "kind: must be one of: museum, art, nature, science, library, archive, music, theatre, "
         "film, company, association, sport, education, municipal, other"),
        ("postcode", "400", 'postcode: must be four digits, e.g. "4000"'),
        ("postcode", "4000\n1", 'postcode: must be four digits, e.g. "4000"'),
        ("longitude", 181, "longitude: must be a number from -180 to 180"),
        ("latitude", "55.6", "latitude: must be a number from -90 to 90"),
        ("website", "vikingeskibsmuseet", "website: Enter a valid URL."),
        ("email", "booking(at)example.dk", "email: Enter a valid email address."),
    ],
)  # fmt: skip
def test_a_bad_provider_field_is_named_and_its_offers_are_not_blamed(db, tmp_path, field, value, message):
    document = complete_example()
    document["providers"][1][field] = value
    document["offers"][0]["provider"] = document["providers"][1]["key"]
    key = document["providers"][1]["key"]
    assert import_errors(tmp_path, document) == [f"providers[1] key={key}: {message}"]


def test_a_school_with_an_unknown_kind_is_named(db, tmp_path):
    document = complete_example()
    document["schools"][0]["kind"] = "privatskole"
    assert import_errors(tmp_path, document) == [
        "schools[0] key=pedersborg-skole-4180: kind: must be one of: folkeskole, friskole, efterskole, "
        "specialskole, gymnasium, erhvervsskole, dagtilbud, other"
    ]


def test_an_import_adds_and_updates_schools_and_keeps_their_portal_only_numbers(db, tmp_path):
    document = complete_example()
    document["schools"] = [
        {**document["schools"][0], "address": "Rustkammervej 78"},
        {"key": "ny-friskole-4000", "name": "Ny Friskole", "kind": "friskole", "municipality": "265"},
    ]
    assert run_import(tmp_path, document)[0] == "schools: 1 created, 1 updated, 0 unchanged"
    updated = School.objects.get(key="pedersborg-skole-4180")
    assert (updated.address, updated.cvr) == ("Rustkammervej 78", "29189994")
    new = School.objects.select_related("municipality").get(key="ny-friskole-4000")
    assert (new.name, new.kind, new.municipality.name, new.address, new.cvr) == (
        "Ny Friskole",
        "friskole",
        "Roskilde",
        "",
        "",
    )


def test_a_description_keeps_simple_markup_and_loses_everything_else(db, tmp_path):
    document = complete_example()
    document["offers"][0]["description"] = (
        '<p onclick="steal()">Sejlads <script>alert(1)</script><em>nu</em></p><ul><li><strong>Roning</strong>'
        '</li></ul><ol><li><a href="https://example.dk" style="x">Læs mere</a></li></ol>'
        '<img src="x.png"><iframe src="https://evil.example"></iframe><a href="javascript:alert(1)">x</a>'
    )
    run_import(tmp_path, document)
    assert Offer.objects.get().description == (
        "<p>Sejlads <em>nu</em></p><ul><li><strong>Roning</strong></li></ul>"
        '<ol><li><a href="https://example.dk" rel="noopener noreferrer">Læs mere</a></li></ol>'
        '<a rel="noopener noreferrer">x</a>'
    )
    assert run_import(tmp_path, document)[2] == "offers: 0 created, 0 updated, 1 unchanged"
    exported = export_text()
    wipe()
    run_import(tmp_path, write(tmp_path, json.loads(exported)))
    assert export_text() == exported


def test_new_objects_get_their_key_as_page_address_made_unique_when_taken(db, tmp_path, make_offer):
    make_offer(key="an-older-offer", slug=OFFER_KEY)
    run_import(tmp_path, complete_example())
    assert Provider.objects.get(key="vikingeskibsmuseet").slug == "vikingeskibsmuseet"
    assert Offer.objects.get(key=OFFER_KEY).slug == f"{OFFER_KEY}-2"


def test_keys_made_in_the_back_office_export_and_import_again(db, tmp_path, make_offer):
    make_offer(key="Lejre_Museum-Vikingetur", slug="vikingetur")
    exported = export_text()
    wipe()
    run_import(tmp_path, write(tmp_path, json.loads(exported)))
    assert export_text() == exported
    assert Offer.objects.get().slug == "Lejre_Museum-Vikingetur"


def test_the_number_of_queries_does_not_grow_with_the_number_of_offers(
    db, tmp_path, django_assert_max_num_queries
):
    document = complete_example()
    del document["schools"], document["municipal_sites"], document["partnerships"]
    document["offers"] = [an_offer(document, key=f"tur-{n}") for n in range(300)]
    with django_assert_max_num_queries(42):  # 30, and 12 for the offers' history (offers.history.states)
        run_import(tmp_path, document)
    assert Offer.objects.count() == 300
    document["offers"][7]["grades"] = ["dagtilbud"]
    with django_assert_max_num_queries(42):  # 30, and 12 for the offers' history (offers.history.states)
        assert run_import(tmp_path, document)[-1] == "offers: 0 created, 1 updated, 299 unchanged"


# --- The catalogue search sees what an import writes (a database trigger keeps the search vector) ---


def search(client, words: str) -> list[str]:
    response = client.get("/api/tilbud/", {"q": words})
    assert response.status_code == 200
    return [offer["key"] for offer in response.json()["results"]]


def test_the_catalogue_search_finds_what_an_import_wrote_and_then_changed(db, client, tmp_path):
    document = complete_example()
    run_import(tmp_path, document)
    assert search(client, "eksperimentalarkæologi") == [OFFER_KEY]
    assert search(client, "undersøgelsesspørgsmål") == [OFFER_KEY]  # from the summary
    assert search(client, "håndværk") == [OFFER_KEY]  # from the themes
    document["offers"][0]["title"] = "Bronzestøbning"
    document["offers"][0]["description"] = "<p>Eleverne støber <strong>økser</strong>.</p>"
    document["providers"][1]["name"] = "Skibsværftet i Roskilde"
    run_import(tmp_path, document)
    assert search(client, "eksperimentalarkæologi") == []
    assert search(client, "bronzestøbning") == [OFFER_KEY]
    assert search(client, "økser") == [OFFER_KEY]
    assert search(client, "skibsværftet") == [OFFER_KEY]  # the provider's new name
