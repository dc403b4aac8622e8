"""The Danish reference data ships with the project and loads with `migrate`."""

from django.db import connection

from municipalities.models import Municipality, Region, School
from offers.models import SDG, GradeLevel, Subject


def test_all_regions_municipalities_and_schools_are_loaded(db):
    assert Region.objects.count() == 5
    assert Municipality.objects.count() == 98
    assert School.objects.count() == 2857


def test_vocabularies_are_loaded(db):
    assert Subject.objects.count() == 59
    assert GradeLevel.objects.count() == 13
    assert SDG.objects.count() == 17
    assert list(GradeLevel.objects.values_list("slug", flat=True)[:3]) == [
        "dagtilbud",
        "0-klasse",
        "1-klasse",
    ]


def test_stable_identifiers_match_the_official_codes(db):
    lejre = Municipality.objects.select_related("region").get(code="350")
    assert (lejre.name, lejre.slug, lejre.region.code) == ("Lejre", "lejre", "1085")
    assert Municipality.objects.get(code="101").official_name == "Københavns Kommune"
    assert Municipality.objects.get(code="400").official_name == "Bornholms Regionskommune"
    assert Municipality.objects.get(slug="hoeje-taastrup").code == "169"
    assert Subject.objects.get(slug="natur-teknologi").name == "Natur/teknologi"
    assert SDG.objects.get(number=14).name_da == "Livet i havet"


def test_schools_keep_their_municipality_and_kind(db):
    school = School.objects.select_related("municipality").get(key="pedersborg-skole-4180")
    assert school.municipality.code == "340"
    assert school.kind == School.Kind.FOLKESKOLE
    assert School.objects.filter(municipality__isnull=True).count() == 45


def test_danish_text_search_and_trigram_are_available(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsvector('danish', 'museernes skibe')::text, similarity('viking', 'vikinge')"
        )
        vector, similarity = cursor.fetchone()
    assert vector == "'muse':1 'skib':2"
    assert similarity > 0.5
