"""Searching as Danish teachers and pedagogues type: small words ("og", "i", "et") never empty a search,
irregular plurals find each other ("museum" – "museer"), the words of day care find offers for day care,
similar words come only from published offers, and a municipality's search that finds little points to
the same search in the whole catalogue. On the page and in the JSON API alike."""

import pytest

from municipalities.models import Municipality, MunicipalSite
from offers.models import Offer, Provider


@pytest.fixture
def place(db) -> Provider:
    """A learning place whose name matches none of the searches below."""
    return Provider.objects.create(key="skovskolen", slug="skovskolen", name="Skovskolen", kind="nature")


@pytest.fixture
def add(make_offer, place):
    def add(title, summary="", **fields):
        return make_offer(
            title, summary=summary, **{"provider": place, "key": fields.pop("key", None), **fields}
        )

    return add


def titles(client, q: str) -> list[str]:
    response = client.get("/tilbud/", {"q": q})
    assert response.status_code == 200
    return sorted(offer.title for offer in response.context["page"])


def api_titles(client, q: str) -> list[str]:
    response = client.get("/api/tilbud/", {"q": q})
    assert response.status_code == 200
    return sorted(item["title"] for item in response.json()["results"])


# --- Small words ---


@pytest.fixture
def phrases(add):
    add("Byg et vikingeskib", "Eleverne bygger et skib som vikingerne.")
    add("Vikingernes hverdag", "Mad, tøj og handel.", subjects=["historie"])
    add("Vikingernes våben", "Sværd og økser.", subjects=["haandvaerk-og-design"])
    add("Natur ved havet", "Strandens dyr og planter.")
    add("Klima og energi i hverdagen", "Hvor kommer strømmen fra?")
    add("Energi fra vind")


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Byg et vikingeskib", ["Byg et vikingeskib"]),
        ("vikinger og historie", ["Vikingernes hverdag"]),
        ("natur og hav", ["Natur ved havet"]),
        ("klima og energi", ["Klima og energi i hverdagen"]),
        ("energi fra vind", ["Energi fra vind"]),
    ],
)
def test_small_words_never_empty_a_search_on_the_page_or_in_the_api(client, phrases, query, found):
    assert titles(client, query) == found
    assert api_titles(client, query) == found


def test_a_search_of_small_words_only_shows_every_offer_and_says_why(client, phrases):
    response = client.get("/tilbud/", {"q": "og i med"})
    body = response.content.decode()

    assert response.context["total"] == Offer.objects.published().count() == 6
    assert (
        "Søgeordene er alle småord (som “og” og “i”), som søgningen ser bort fra, så alle tilbud vises."
        in body
    )
    assert 'value="og i med"' in body  # the words stay in the search box
    assert client.get("/api/tilbud/", {"q": "og i med"}).json()["count"] == 6


# --- Irregular forms ---


@pytest.fixture
def museums(add):
    add("To museer på én dag")
    add("Museets skatte")
    add("Et museum for de små", "Børn møder kunsten.")
    add("Skovens dyr", "Et barn kan lære meget i skoven.")


@pytest.mark.parametrize("query", ["museum", "museer", "museet", "Museum"])
def test_museum_museer_and_museet_find_each_other(client, museums, query):
    assert titles(client, query) == ["Et museum for de små", "Museets skatte", "To museer på én dag"]
    assert api_titles(client, query) == ["Et museum for de små", "Museets skatte", "To museer på én dag"]


def test_barn_and_born_find_each_other(client, museums):
    assert titles(client, "børn") == ["Et museum for de små", "Skovens dyr"]
    assert titles(client, "barn") == ["Et museum for de små", "Skovens dyr"]


# --- Day care ---


@pytest.fixture
def day_care(add):
    add("Sanserne i skoven", "Vi lytter, lugter og mærker.", grades=["dagtilbud"])
    add("Små opdagelser ved åen", "Smådyr for de mindste.", grades=["dagtilbud", "0-klasse"])
    add("Børnene bygger huler", "Hulebyggeri for 3. klasse.", grades=["3-klasse"])
    add("Brøker i 5. klasse", grades=["5-klasse"])


@pytest.mark.parametrize(
    "query", ["vuggestue", "børnehave", "dagpleje", "de mindste", "Dagtilbud", "børnehaver"]
)
def test_the_words_of_day_care_find_offers_for_day_care(client, day_care, query):
    assert titles(client, query) == ["Sanserne i skoven", "Små opdagelser ved åen"]
    assert api_titles(client, query) == ["Sanserne i skoven", "Små opdagelser ved åen"]


def test_a_day_care_word_is_never_taken_for_a_misspelling(client, day_care, add):
    Offer.objects.filter(title="Små opdagelser ved åen").delete()  # one offer for day care: few hits
    response = client.get("/tilbud/", {"q": "børnehave"})
    body = response.content.decode()

    assert [offer.title for offer in response.context["page"]] == ["Sanserne i skoven"]
    assert response.context["suggestions"] == [] and response.context["similar_words"] == []
    assert "Mente du" not in body and "børnene" not in body.lower().split("<main")[1]


# --- Similar words ---


def test_similar_words_come_only_from_published_offers(client, add):
    add("Zeppelinen over Lejre")
    add("Zeppelinerne kommer", status=Offer.Status.DRAFT)

    response = client.get("/tilbud/", {"q": "zepelinerne"})
    main = response.content.decode().split("<main")[1]

    assert [offer.title for offer in response.context["page"]] == ["Zeppelinen over Lejre"]
    assert response.context["similar_words"] == ["zeppelinen"]
    assert "zeppelinerne" not in main.lower()


# --- A municipality's search that finds little ---


@pytest.fixture
def roskilde_site(make_offer, lejre) -> MunicipalSite:
    roskilde = Municipality.objects.get(code="265")
    museum = Provider.objects.create(
        key="roskilde-museum",
        slug="roskilde-museum",
        name="Roskilde Museum",
        kind="museum",
        municipality=roskilde,
    )
    make_offer("Domkirkens historie", key="domkirken", provider=museum, summary="Kongernes gravkirke.")
    make_offer("Vikingetid på egen krop", key="vikingetid")  # in Lejre
    make_offer("Vikingernes skibe", key="skibe", summary="Sejlads og handel.")  # in Lejre
    return MunicipalSite.objects.create(municipality=roskilde, title="Åben skole i Roskilde", published=True)


def test_a_municipal_search_without_hits_offers_the_same_search_in_the_whole_catalogue(client, roskilde_site):
    response = client.get("/kommuner/roskilde/tilbud/", {"q": "vikinger"})
    body = response.content.decode()

    assert response.context["total"] == 0
    assert (response.context["wider_search"].url, response.context["wider_search"].count) == (
        "/tilbud/?q=vikinger",
        2,
    )
    assert '<a href="/tilbud/?q=vikinger">Samme søgning i hele kataloget: 2 tilbud</a>' in body
    assert "Tjek stavemåden" not in body


def test_a_municipal_search_with_hits_enough_or_the_whole_catalogue_itself_offers_nothing_wider(
    client, roskilde_site
):
    assert client.get("/kommuner/roskilde/tilbud/", {"q": "domkirken"}).context["wider_search"] is None
    assert client.get("/tilbud/", {"q": "vikinger"}).context["wider_search"] is None
