"""The catalogue search holds against hostile and outsized input: every parameter is cut to its limit before
anything uses it (a long address gives a page of normal size), a description of megabytes is saved and
searched without an error, and the typo vocabulary holds the words of published offers only."""

import pytest

from offers.filters import MAX_VALUES
from offers.models import Offer, SearchWord


@pytest.fixture
def catalogue(make_offer):
    for n in range(3):
        make_offer(f"Vikingetid {n}", key=f"vikingetid-{n}", subjects=["historie"], grades=["5-klasse"])


def size(client, query: str) -> int:
    response = client.get("/tilbud/?" + query)
    assert response.status_code == 200
    return len(response.content)


def main(response) -> str:
    return response.content.decode().split("<main")[1].split("</main>")[0]


def test_a_4_kb_or_a_100_kb_address_gives_a_page_of_normal_size(client, catalogue):
    four_kb = size(client, "q=vikinger+" + "x" * 4000)
    hundred_kb = size(client, "q=vikinger+" + "x" * 100_000)

    assert four_kb == hundred_kb  # both cut to the same length before anything used them
    assert four_kb < 1.5 * size(client, "q=vikinger")


def test_many_values_of_a_facet_are_capped_and_reported(client, catalogue):
    junk = "&".join(f"kommune=9{n:04d}" for n in range(500))  # Django refuses more than 1,000 parameters
    response = client.get(f"/tilbud/?fag=historie&{junk}&{'&'.join(['fag=historie'] * 400)}")
    body = response.content.decode()

    assert response.status_code == 200
    assert len(body) < 2 * size(client, "fag=historie")
    assert "9000" not in main(response)
    assert response.context["notices"] == [
        "Nogle søgeindstillinger i adressen blev ikke forstået og er udeladt: fag, kommune."
    ]
    assert response.context["total"] == 3


def test_up_to_the_limit_of_values_a_facet_is_honoured(client, catalogue, make_offer):
    make_offer("Brøker", key="broeker", subjects=["matematik"])
    others = "&".join(["fag=dansk"] * (MAX_VALUES - 2))

    response = client.get(f"/tilbud/?fag=historie&{others}&fag=matematik")

    assert response.context["total"] == 4
    assert response.context["notices"] == []


def test_a_long_value_of_another_parameter_is_cut_before_it_is_echoed(client, catalogue):
    response = client.get(
        "/tilbud/", {"sorter": "titel" + "x" * 50_000, "dato": "2026" * 10_000, "page": "9" * 9999}
    )
    body = response.content.decode()

    assert response.status_code == 200
    assert "xxxxxxxxxx" not in main(response)  # an unknown order is not repeated
    assert (
        "2026" * 10 in body and "2026" * 11 not in body
    )  # the date field shows what was read: 40 characters
    assert len(body) < 2 * size(client, "")


def test_an_api_address_of_100_kb_gives_links_of_normal_length(client, catalogue, settings):
    settings.PORTAL_PAGE_SIZE = 1
    data = client.get("/api/tilbud/?q=vikingetid+" + "x" * 100_000).json()

    assert data["count"] == 3
    assert len(data["next"]) < 400


def test_a_description_of_megabytes_is_saved_and_searched_without_an_error(client, make_offer):
    words = " ".join(f"sten{n:06d}" for n in range(210_000))  # distinct words, like a pasted word list
    description = f"<p>Fjordens ålegræs og krabber. {words}</p>"
    assert len(description) > 2_300_000

    offer = make_offer("Havets bund", key="havets-bund", description=description)
    offer.title = "Havbunden"
    offer.save()

    assert [o.title for o in client.get("/tilbud/", {"q": "ålegræs"}).context["page"]] == ["Havbunden"]
    assert [o.title for o in client.get("/tilbud/", {"q": "havbunden"}).context["page"]] == ["Havbunden"]


def words(*candidates: str) -> dict[str, int]:
    return dict(SearchWord.objects.filter(word__in=candidates).values_list("word", "offers"))


def test_the_typo_vocabulary_holds_the_words_of_published_offers_only_and_forgets_the_rest(make_offer):
    draft = make_offer("Zeppelinens rejse", key="draft", summary="Luftskibet", status=Offer.Status.DRAFT)
    assert words("zeppelinens", "luftskibet") == {}

    draft.status = Offer.Status.PUBLISHED
    draft.save()
    second = make_offer("Zeppelinens hangar", key="second", summary="")
    assert words("zeppelinens", "luftskibet", "hangar") == {"zeppelinens": 2, "luftskibet": 1, "hangar": 1}

    Offer.objects.filter(pk=draft.pk).update(summary="Ballonen")
    assert words("zeppelinens", "luftskibet", "ballonen") == {"zeppelinens": 2, "ballonen": 1}

    Offer.objects.filter(pk=second.pk).update(status=Offer.Status.ARCHIVED)
    assert words("zeppelinens", "hangar") == {"zeppelinens": 1}

    draft.delete()
    assert words("zeppelinens", "ballonen") == {}
