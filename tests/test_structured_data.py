"""schema.org JSON-LD on the offer and learning-place pages, read as a search engine reads it: extracted from
the HTML with extruct, expanded with PyLD against the schema.org context (tests/data/schemaorgcontext.jsonld,
served by a document loader: no network), and checked against the vocabulary.

tests/data/schemaorg-types.csv (type → super types) and tests/data/schemaorg-properties.csv (property →
the types it belongs to) are two columns each of the schema.org release in shared/data/schemaorg/.
"""

import csv
import datetime
import json
from functools import cache
from pathlib import Path

import extruct
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pyld import jsonld

from offers.models import Occurrence

DATA = Path(__file__).parent / "data"
SCHEMA = "http://schema.org/"  # what the context's @vocab expands terms to
CONTEXT = json.loads((DATA / "schemaorgcontext.jsonld").read_text(encoding="utf-8"))


def offline_loader(url, options=None):
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise AssertionError(f"the JSON-LD asked for another context: {url}")
    return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}


def expanded(client, url: str) -> list[dict]:
    """The page's JSON-LD as PyLD expands it: a list of nodes with full schema.org IRIs."""
    response = client.get(url)
    assert response.status_code == 200
    found = extruct.extract(response.content.decode(), base_url="http://testserver", syntaxes=["json-ld"])
    assert len(found["json-ld"]) == 1, found
    return jsonld.expand(found["json-ld"][0], {"documentLoader": offline_loader})


def node_of_type(nodes: list[dict], name: str) -> dict:
    matching = [node for node in nodes if SCHEMA + name in node.get("@type", [])]
    assert len(matching) == 1, [node.get("@type") for node in nodes]
    return matching[0]


def values(node: dict, prop: str) -> list:
    """The property's values: literals as Python values, links ({"@id": …}) as their address, nodes as dicts."""
    return [
        value["@value"] if "@value" in value else value["@id"] if set(value) == {"@id"} else value
        for value in node.get(SCHEMA + prop, [])
    ]


def one(node: dict, prop: str):
    found = values(node, prop)
    assert len(found) == 1, (prop, found)
    return found[0]


def types_of(node: dict) -> set[str]:
    return {t.removeprefix(SCHEMA) for t in node.get("@type", [])}


@cache
def vocabulary() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    with open(DATA / "schemaorg-types.csv", encoding="utf-8") as file:
        supertypes = {row["type"]: set(row["supertypes"].split()) for row in csv.DictReader(file)}
    with open(DATA / "schemaorg-properties.csv", encoding="utf-8") as file:
        domains = {row["property"]: set(row["domains"].split()) for row in csv.DictReader(file)}
    return supertypes, domains


def ancestors(name: str) -> set[str]:
    supertypes, _domains = vocabulary()
    found, todo = set(), [name]
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo.extend(supertypes[current])
    return found


def misused_properties(node: dict, path: str = "") -> list[str]:
    """Every property of ``node`` and the nodes inside it that schema.org does not define for the node's types."""
    _supertypes, domains = vocabulary()
    lineage = set().union(*(ancestors(t) for t in types_of(node))) if types_of(node) else set()
    problems = []
    for key, items in node.items():
        if key.startswith("@"):
            continue
        name = key.removeprefix(SCHEMA)
        if not key.startswith(SCHEMA) or name not in domains:
            problems.append(f"{path}{key}: not a schema.org property")
        elif lineage and not domains[name] & lineage:
            problems.append(f"{path}{name}: not a property of {sorted(types_of(node))}")
        for item in items:
            if isinstance(item, dict) and "@value" not in item:
                problems += misused_properties(item, f"{path}{name}.")
    return problems


@pytest.fixture
def museum_offer(make_offer):
    return make_offer(
        "Vikingetid på egen krop",
        key="vikingetid",
        subjects=["historie", "dansk"],
        grades=["4-klasse", "5-klasse", "6-klasse"],
        price_dkk=450,
        duration_minutes=120,
        languages=["da"],
        booking_url="https://lejre-museum.example.dk/book",
    )


def test_an_offer_page_describes_the_offer_as_a_course_with_price_grades_subjects_and_place(
    client, museum_offer
):
    course = node_of_type(expanded(client, "/tilbud/vikingetid/"), "Course")

    assert one(course, "name") == "Vikingetid på egen krop"
    assert one(course, "url") == "http://testserver/tilbud/vikingetid/"
    assert values(course, "educationalLevel") == ["4. klasse", "5. klasse", "6. klasse"]
    assert sorted(values(course, "teaches")) == ["Dansk", "Historie"]
    audience = one(course, "audience")
    assert types_of(audience) == {"EducationalAudience"}
    assert one(audience, "educationalRole") == "student"
    assert one(course, "isAccessibleForFree") is False
    price = one(course, "offers")
    assert (one(price, "price"), one(price, "priceCurrency")) == (450, "DKK")
    assert one(price, "url") == "https://lejre-museum.example.dk/book"
    assert one(course, "timeRequired") == "PT120M"

    provider = one(course, "provider")
    assert {"Organization", "Museum"} <= types_of(provider)
    assert one(provider, "name") == "Lejre Museum"
    location = one(one(course, "hasCourseInstance"), "location")
    assert types_of(location) == {"Place"}
    address = one(location, "address")
    assert types_of(address) == {"PostalAddress"}
    assert (one(address, "streetAddress"), one(address, "postalCode")) == ("Orehøjvej 4", "4320")
    assert (one(address, "addressLocality"), one(address, "addressCountry")) == ("Lejre", "DK")
    geo = one(location, "geo")
    assert types_of(geo) == {"GeoCoordinates"}
    assert (one(geo, "latitude"), one(geo, "longitude")) == (55.6, 11.97)


def test_a_free_offer_is_accessible_for_free_at_price_zero(client, published_offer):
    course = node_of_type(expanded(client, published_offer.get_absolute_url()), "Course")
    assert one(course, "isAccessibleForFree") is True
    assert one(one(course, "offers"), "price") == 0


def test_an_offer_without_a_known_price_claims_neither_a_price_nor_free(client, make_offer):
    offer = make_offer(price_dkk=None)
    course = node_of_type(expanded(client, offer.get_absolute_url()), "Course")
    assert values(course, "offers") == [] and values(course, "isAccessibleForFree") == []


def test_an_offer_at_the_school_has_no_location_at_the_learning_place(client, make_offer):
    offer = make_offer(format="outreach")
    course = node_of_type(expanded(client, offer.get_absolute_url()), "Course")
    instance = one(course, "hasCourseInstance")
    assert one(instance, "courseMode") == "onsite"
    assert values(instance, "location") == []


def test_a_learning_place_page_is_an_organisation_and_a_museum_with_address_and_coordinates(
    client, museum_offer
):
    place = node_of_type(expanded(client, "/steder/lejre-museum/"), "Museum")
    assert "Organization" in types_of(place)
    assert one(place, "name") == "Lejre Museum"
    assert one(one(place, "address"), "postalCode") == "4320"
    assert one(one(place, "geo"), "latitude") == 55.6


@pytest.mark.parametrize("url", ["/tilbud/vikingetid/", "/steder/lejre-museum/"])
def test_every_property_is_one_schema_org_defines_for_the_node_type(client, museum_offer, url):
    nodes = expanded(client, url)
    assert nodes
    assert [problem for node in nodes for problem in misused_properties(node)] == []


def test_text_from_an_offer_cannot_end_the_json_ld_script_element(client, make_offer):
    offer = make_offer("Kampen </script><script>alert(1)</script> & co", key="kampen")
    html = client.get(offer.get_absolute_url()).content.decode()
    assert "</script><script>alert(1)" not in html
    course = node_of_type(expanded(client, offer.get_absolute_url()), "Course")
    assert one(course, "name") == "Kampen </script><script>alert(1)</script> & co"


def add_date(offer, starts, **fields):
    return Occurrence.objects.create(
        offer=offer, starts=starts, ends=starts + datetime.timedelta(hours=2), **fields
    )


def test_each_upcoming_date_is_an_education_event_with_time_place_price_and_audience(client, museum_offer):
    starts = datetime.datetime(2031, 3, 4, 9, tzinfo=timezone.get_default_timezone())
    add_date(museum_offer, starts)
    add_date(museum_offer, starts + datetime.timedelta(days=1)).cancel()
    add_date(museum_offer, timezone.now() - datetime.timedelta(days=3))  # passed: no event
    nodes = expanded(client, "/tilbud/vikingetid/")
    node_of_type(nodes, "Course")  # the offer itself stays a Course
    events = sorted(
        (node for node in nodes if SCHEMA + "EducationEvent" in node["@type"]),
        key=lambda node: one(node, "startDate"),
    )
    assert len(events) == 2
    event, cancelled = events
    assert one(event, "name") == "Vikingetid på egen krop"
    assert one(event, "url") == "http://testserver/tilbud/vikingetid/"
    assert (one(event, "startDate"), one(event, "endDate")) == (
        "2031-03-04T09:00:00+01:00",
        "2031-03-04T11:00:00+01:00",
    )
    assert one(event, "eventStatus") == "https://schema.org/EventScheduled"
    assert one(cancelled, "eventStatus") == "https://schema.org/EventCancelled"
    location = one(event, "location")
    assert types_of(location) == {"Place"}
    assert one(one(location, "address"), "streetAddress") == "Orehøjvej 4"
    assert types_of(one(location, "address")) == {"PostalAddress"}
    assert (one(one(location, "geo"), "latitude"), one(one(location, "geo"), "longitude")) == (55.6, 11.97)
    price = one(event, "offers")
    assert (one(price, "price"), one(price, "priceCurrency")) == (450, "DKK")
    assert one(event, "isAccessibleForFree") is False
    assert values(event, "educationalLevel") == ["4. klasse", "5. klasse", "6. klasse"]
    assert sorted(values(event, "teaches")) == ["Dansk", "Historie"]
    assert one(one(event, "audience"), "educationalRole") == "student"
    assert one(one(event, "organizer"), "name") == "Lejre Museum"
    assert [problem for node in nodes for problem in misused_properties(node)] == []


def test_an_offer_booked_on_request_is_a_course_without_events(client, museum_offer):
    nodes = expanded(client, "/tilbud/vikingetid/")
    assert [types_of(node) for node in nodes] == [{"Course"}]


def test_the_events_cost_no_query_beyond_the_dates_list(client, museum_offer):
    starts = datetime.datetime(2031, 3, 4, 9, tzinfo=timezone.get_default_timezone())
    add_date(museum_offer, starts)
    with CaptureQueriesContext(connection) as one_date:
        client.get("/tilbud/vikingetid/")
    for day in range(1, 5):
        add_date(museum_offer, starts + datetime.timedelta(days=day))
    with CaptureQueriesContext(connection) as five_dates:
        response = client.get("/tilbud/vikingetid/")
    assert len(five_dates) == len(one_date)
    assert response.content.decode().count('"@type":"EducationEvent"') == 5
