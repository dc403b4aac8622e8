"""Pages with personal data (names, e-mail addresses and phone numbers of contacts; a municipality's gaps) are
never kept by a browser or a proxy: `Cache-Control: no-store`. Public pages may be cached."""

import pytest

from municipalities.models import MunicipalSite


@pytest.fixture
def consultant_client(client, consultant):
    client.force_login(consultant)
    return client


@pytest.fixture
def record(make_partnership):
    return make_partnership(contacts=(("teacher", "Mette Hansen", "mette@lejre.example.dk"),))


@pytest.fixture
def site(lejre):
    return MunicipalSite.objects.create(municipality=lejre, title="Åben skole i Lejre", published=True)


def assert_not_stored(response) -> None:
    assert response.status_code == 200
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= directives


def test_the_printable_agreement_is_not_stored(consultant_client, record):
    response = consultant_client.get(f"/samarbejder/{record.slug}/aftale/")
    assert "mette@lejre.example.dk" in response.content.decode()
    assert_not_stored(response)


def test_the_consultants_partnership_overview_is_not_stored(consultant_client, record):
    assert_not_stored(consultant_client.get("/samarbejder/oversigt/"))


def test_the_coverage_page_is_not_stored(consultant_client, site):
    assert_not_stored(consultant_client.get("/kommuner/lejre/daekning/"))


def test_public_pages_do_not_forbid_caching(client, record, site):
    for path in ("/samarbejder/", f"/samarbejder/{record.slug}/", "/kommuner/lejre/"):
        assert "no-store" not in client.get(path).get("Cache-Control", ""), path
