"""The API's OpenAPI description at /api/: a valid OpenAPI 3.1 document (openapi-core checks it when it loads
it), and the API's real answers match it: requests and responses checked by openapi-core, as a generated
client would rely on them."""

import pytest
import yaml
from openapi_core import OpenAPI
from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse
from openapi_core.templating.paths.exceptions import PathNotFound
from openapi_core.validation.response.exceptions import InvalidData

from offers.models import SDG, Offer


@pytest.fixture
def description(client, db) -> OpenAPI:
    response = client.get("/api/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/yaml; charset=utf-8"
    return OpenAPI.from_dict(yaml.safe_load(response.content))


@pytest.fixture
def catalogue(make_offer):
    full = make_offer(
        "Vikingetid på egen krop",
        key="vikingetid",
        subjects=["historie"],
        grades=["4-klasse", "5-klasse"],
        price_dkk=450,
        duration_minutes=120,
        max_participants=28,
        themes=["vikinger"],
        languages=["da", "en"],
        booking_url="https://lejre-museum.example.dk/book",
        description="<p>Eleverne <strong>prøver</strong> livet.</p>",
    )
    full.sdgs.set(SDG.objects.filter(number__in=[4]))
    make_offer("Uden det hele", key="uden", price_dkk=None, summary="")
    for n in range(25):  # more than a page
        make_offer(f"Tilbud {n}", key=f"tilbud-{n}")
    make_offer("Kladde", key="kladde", status=Offer.Status.DRAFT)


def checked(client, description: OpenAPI, url: str, status: int, **params):
    """Request ``url`` and check the request and the answer against the description."""
    response = client.get(url, params)
    assert response.status_code == status
    request = DjangoOpenAPIRequest(response.wsgi_request)
    description.validate_request(request)
    description.validate_response(request, DjangoOpenAPIResponse(response))
    return response.json()


def test_a_search_page_matches_the_description(client, description, catalogue):
    data = checked(client, description, "/api/tilbud/", 200)
    assert data["count"] == 27 and data["next"]


def test_a_filtered_search_and_the_last_page_match_the_description(client, description, catalogue):
    checked(client, description, "/api/tilbud/", 200, fag="historie", klassetrin=["4-klasse", "5-klasse"])
    checked(
        client, description, "/api/tilbud/", 200, q="vikinger", gratis="1", sorter="titel", dato="2026-09-01"
    )
    data = checked(client, description, "/api/tilbud/", 200, page=2)
    assert data["previous"] and data["next"] is None


def test_a_search_from_a_school_with_distance_and_dates_matches_the_description(
    client, description, catalogue
):
    data = checked(
        client, description, "/api/tilbud/", 200,
        skole="pedersborg-skole-4180", afstand="50", sorter="naermest", ledige="1", fra="2027-03-01", til="2027-03-31",
    )  # fmt: skip
    assert data["count"] == 0
    data = checked(client, description, "/api/tilbud/", 200, skole="pedersborg-skole-4180", sorter="naermest")
    assert {item["distance_km"] for item in data["results"]} == {30.4}  # Lejre Museum (conftest)
    client.cookies.clear()  # ?skole= chose the school for this client too
    checked(client, description, "/api/tilbud/", 400, afstand="50")


def test_an_offer_with_every_detail_and_one_with_few_match_the_description(client, description, catalogue):
    assert checked(client, description, "/api/tilbud/vikingetid/", 200)["languages"] == ["da", "en"]
    assert checked(client, description, "/api/tilbud/uden/", 200)["price_dkk"] is None


def test_the_errors_match_the_description(client, description, catalogue):
    assert checked(client, description, "/api/tilbud/", 400, fag="findes-ikke")["parameters"] == ["fag"]
    checked(client, description, "/api/tilbud/", 404, page=99)
    checked(client, description, "/api/tilbud/kladde/", 404)


def test_an_answer_with_a_field_the_description_lacks_would_fail(client, description, catalogue):
    response = client.get("/api/tilbud/uden/")
    response.content = response.content.replace(b'{"key"', b'{"undocumented": 1, "key"', 1)
    request = DjangoOpenAPIRequest(response.wsgi_request)
    with pytest.raises(InvalidData):
        description.validate_response(request, DjangoOpenAPIResponse(response))


def test_the_description_covers_only_the_api(client, description):
    response = client.get("/tilbud/")
    with pytest.raises(PathNotFound):
        description.validate_request(DjangoOpenAPIRequest(response.wsgi_request))
