"""The catalogue's free-text search on /tilbud/: Danish stemming, weighted ranking, typo tolerance, the way
Danes type æ, ø and å, what a search without hits says, sorting, and a search vector that stays current."""

import copy
import json
from pathlib import Path

import pytest
from django.db import connection

from offers import folding
from offers.models import Offer, Provider, Subject
from portal.interchange import import_document

EXAMPLE = Path(__file__).parent / "data" / "interchange_example.json"


@pytest.fixture
def place(lejre) -> Provider:
    """A learning place whose name matches none of the searches below."""
    return Provider.objects.create(key="skovskolen", slug="skovskolen", name="Skovskolen", kind="nature")


@pytest.fixture
def add(make_offer, place):
    """An offer at `place` whose only words are the ones given (make_offer's summary is about vikings)."""

    def add(title, summary="", **fields):
        return make_offer(title, summary=summary, **{"provider": place, **fields})

    return add


def titles(client, **params) -> list[str]:
    response = client.get("/tilbud/", params)
    assert response.status_code == 200
    return [offer.title for offer in response.context["page"]]


# --- Danish stemming and weighting ---


def test_museer_museet_and_museets_find_each_other(client, add):
    add("To museer på én dag")
    add("Bag om museet")
    add("Museets skatte")
    add("Skovens dyr")

    for query in ["museer", "museet", "museets"]:
        assert sorted(titles(client, q=query)) == ["Bag om museet", "Museets skatte", "To museer på én dag"]


def test_a_title_hit_ranks_above_summary_description_and_place_name_hits(client, add):
    add("Bronzealderens solvogn")
    add("En rejse i tiden", summary="Om bronzealderen og solvognen.")
    add("Fortidens mennesker", description="<p>Vi ser nærmere på bronzealderen.</p>")
    place = Provider.objects.create(
        key="bronzealdercentret", slug="bronzealdercentret", name="Bronzealdercentret", kind="museum"
    )
    add("Dagligliv for 3000 år siden", provider=place)  # the newest, found by its place's name only

    assert titles(client, q="bronzealder") == [
        "Bronzealderens solvogn",
        "En rejse i tiden",
        "Fortidens mennesker",
        "Dagligliv for 3000 år siden",
    ]


def test_themes_count_like_the_summary(client, add):
    add("Fortidens mennesker", description="<p>Bronzealderen.</p>")
    add("En rejse i tiden", themes=["bronzealder"])

    assert titles(client, q="bronzealder") == ["En rejse i tiden", "Fortidens mennesker"]


def test_words_from_html_tags_in_the_description_are_not_searched(client, add):
    add("Fortidens mennesker", description="<p><strong>Tekst</strong></p>")

    assert titles(client, q="strong") == []


# --- Typos, partial words, compounds ---


@pytest.fixture
def typo_offers(add):
    add("Vikingetid på egen krop")
    add("Byg et vikingeskib")
    add("Biologi i skoven")
    add("Matematik i hverdagen")


def test_a_partly_typed_word_finds_the_whole_word(client, typo_offers):
    assert sorted(titles(client, q="vikinge")) == ["Byg et vikingeskib", "Vikingetid på egen krop"]
    assert titles(client, q="matema") == ["Matematik i hverdagen"]


def test_a_compound_word_spelt_without_its_joining_e_finds_the_offer(client, typo_offers):
    response = client.get("/tilbud/", {"q": "vikingskib"})

    assert [offer.title for offer in response.context["page"]] == ["Byg et vikingeskib"]
    assert response.context["similar_words"] == ["vikingeskib"]
    assert (
        "Få tilbud indeholder præcis “vikingskib”, så tilbud med lignende ord er taget med: vikingeskib."
        in (response.content.decode())
    )


def test_a_misspelt_word_finds_the_offers_with_the_right_spelling(client, typo_offers):
    assert titles(client, q="bioloji") == ["Biologi i skoven"]
    assert titles(client, q="matmatik i hverdagen") == ["Matematik i hverdagen"]


def test_a_misspelling_offers_the_right_spelling_as_a_link_with_its_count(client, typo_offers):
    body = client.get("/tilbud/", {"q": "bioloji"}).content.decode()

    assert "Mente du" in body
    assert '<a href="?q=biologi">biologi</a>' in body
    assert "(1 tilbud)" in body


def test_a_much_shorter_word_is_not_taken_for_a_misspelling(client, add):
    add("Gamle fotos fortæller")

    body = client.get("/tilbud/", {"q": "fotosyntese"}).content.decode()

    assert "Gamle fotos fortæller" not in body
    assert "Ingen tilbud matcher “fotosyntese”." in body


def test_only_the_closest_spelling_widens_a_misspelt_search(client, add):
    add("Matematik i hverdagen")
    add("Dramatik på scenen")  # "dramatik" looks like "matmatik" too, but less than "matematik" does

    assert titles(client, q="matmatik") == ["Matematik i hverdagen"]


def test_whole_words_rank_above_words_that_only_begin_alike(client, add):
    add("Matematik i hverdagen")
    add("Matematikdag med forskere")

    assert titles(client, q="matematik") == ["Matematik i hverdagen", "Matematikdag med forskere"]
    assert titles(client, q="matmatik") == ["Matematik i hverdagen", "Matematikdag med forskere"]


def test_a_word_found_as_typed_is_not_corrected(client, add):
    add("Biologi i skoven")
    add("Biologisk mangfoldighed")
    add("Biografen som klasseværelse")

    assert "Biografen som klasseværelse" not in titles(client, q="biologi")


# --- Case, accents, æ/ø/å and "aa" ---


@pytest.fixture
def danish_offers(add):
    add("Håndværk i jernalderen")
    add("Smådyr i åen")
    add("Café Viden: spørg en forsker")
    add("Økologi på Ærø")
    add("Skovens dyr")


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("HÅNDVÆRK", "Håndværk i jernalderen"),
        ("håndværk", "Håndværk i jernalderen"),
        ("haandvaerk", "Håndværk i jernalderen"),  # å as "aa", æ as "ae" (a misspelling to the search)
        ("smaadyr", "Smådyr i åen"),
        ("AAEN", "Smådyr i åen"),
        ("Åen", "Smådyr i åen"),
        ("cafe", "Café Viden: spørg en forsker"),
        ("CAFÉ", "Café Viden: spørg en forsker"),
        ("ærø", "Økologi på Ærø"),
        ("ØKOLOGI", "Økologi på Ærø"),
    ],
)
def test_case_accents_and_aa_do_not_matter(client, danish_offers, query, title):
    assert titles(client, q=query) == [title]


def test_an_abbreviation_is_found_with_or_without_its_dots(client, add):
    add("H.C. Andersens eventyr på scenen")
    add("Eventyr i skoven")

    for query in ["H.C. Andersen", "hc andersen", "h.c. andersens"]:
        assert titles(client, q=query) == ["H.C. Andersens eventyr på scenen"]


def test_python_and_database_fold_text_the_same_way(db):
    from importlib import import_module

    migration = import_module("offers.migrations.0004_search_quality")
    assert (migration.FOLD_FROM, migration.FOLD_TO) == (folding.FOLD_FROM, folding.FOLD_TO)
    samples = ["HÅNDVÆRK", "Haandværk", "Café Müller", "Ærø/Møn", "Ångström", "Straße", "ÑANDÚ"]
    with connection.cursor() as cursor:
        for text in samples:
            cursor.execute("SELECT offers_fold(%s)", [text])
            assert cursor.fetchone()[0] == folding.fold(text), text


# --- Queries per page ---


def test_a_misspelt_search_asks_the_database_as_often_as_one_with_hits_and_one_more(
    client, typo_offers, django_assert_max_num_queries
):
    client.get("/tilbud/")  # the facets' names, loaded once per change to the catalogue

    # The catalogue version, the hits with their counts, the page's offers.
    with django_assert_max_num_queries(3):
        assert titles(client, q="biologi") == ["Biologi i skoven"]
    # The same, with the similar words found in the first query and one more query with them.
    with django_assert_max_num_queries(4):
        response = client.get("/tilbud/", {"q": "bioloji"})
    assert response.context["similar_words"] == ["biologi"]
    # Nothing found: the catalogue version and one query that also counts the offers without the words.
    with django_assert_max_num_queries(2):
        body = client.get("/tilbud/", {"q": "xylofonkoncert"}).content.decode()
    assert '<a href="?" rel="nofollow">Vis alle tilbud</a> <span class="meta">(4 tilbud)</span>' in body


def test_a_page_past_the_end_shows_the_last_page_without_asking_again(
    client, add, settings, django_assert_max_num_queries
):
    settings.PORTAL_PAGE_SIZE = 2
    for n in range(5):
        add(f"Skovtur {n}")
    client.get("/tilbud/")

    with django_assert_max_num_queries(3):
        response = client.get("/tilbud/", {"q": "skovtur", "sorter": "titel", "page": "9"})

    assert response.context["page"].number == 3
    assert [offer.title for offer in response.context["page"]] == ["Skovtur 4"]


def test_an_offer_card_shows_an_edit_and_the_chosen_language_at_once(client, add):
    offer = add("Skovens dyr", price_dkk=0)
    assert " · Gratis" in client.get("/tilbud/").content.decode()

    offer.title = "Skovens fugle"
    offer.save()
    body = client.get("/tilbud/").content.decode()
    assert "Skovens fugle" in body and "Skovens dyr" not in body

    client.cookies["django_language"] = "en"
    body = client.get("/tilbud/").content.decode()
    assert " · Free" in body and " · Gratis" not in body


# --- Without hits ---


def test_a_search_without_hits_says_so_and_leads_back_to_all_offers(client, add):
    add("Skovens dyr")

    response = client.get("/tilbud/", {"q": "xylofonkoncert"})
    body = response.content.decode()

    assert response.status_code == 200
    assert response.context["total"] == 0
    assert "Ingen tilbud matcher “xylofonkoncert”." in body
    assert "Tjek stavemåden" in body
    assert '<a href="?" rel="nofollow">Vis alle tilbud</a> <span class="meta">(1 tilbud)</span>' in body


def test_a_search_without_hits_offers_to_drop_each_filter_with_its_count(client, add):
    add("Vikingetid på egen krop", subjects=["historie"], grades=["5-klasse"])
    add("Vikingernes skibe", subjects=["historie"], grades=["8-klasse"])

    body = client.get(
        "/tilbud/", {"q": "vikinge", "fag": "matematik", "klassetrin": "5-klasse"}
    ).content.decode()

    assert "Ingen tilbud matcher “vikinge” med disse filtre." in body
    assert "Prøv uden et af dem:" in body
    # Without the subject, one offer is left; without the grade still none; without the words none.
    assert '<a href="?q=vikinge&amp;klassetrin=5-klasse" rel="nofollow">Fjern “Fag: Matematik”</a>' in body
    assert 'Fjern “Fag: Matematik”</a> <span class="meta">(1 tilbud)</span>' in body
    assert 'Fjern “Klassetrin: 5. klasse”</a> <span class="meta">(0 tilbud)</span>' in body


def test_dropping_a_filter_counts_the_misspelt_words_as_the_page_would(client, add):
    add("Byg et vikingeskib", subjects=["historie"])

    body = client.get("/tilbud/", {"q": "vikingskib", "fag": "matematik"}).content.decode()

    assert 'Fjern “Fag: Matematik”</a> <span class="meta">(1 tilbud)</span>' in body
    assert titles(client, q="vikingskib") == ["Byg et vikingeskib"]


def test_a_query_of_only_punctuation_or_quotes_is_harmless(client, add):
    add("Skovens dyr")

    for query in ["'", '"', "\\", ":*", "&|!()", "a'b:*|c", "<>", "   "]:
        response = client.get("/tilbud/", {"q": query})
        assert response.status_code == 200, query


# --- Sorting ---


@pytest.fixture
def three(add):
    """Created oldest first; "vand" is in every one, in the title of the oldest only."""
    return [
        add("Vandets kredsløb"),
        add("Åens dyr", summary="Liv i vand."),
        add("Bæverens dæmning", summary="Bæveren bygger i vand."),
    ]


def test_without_words_the_newest_offers_come_first(client, three):
    assert titles(client) == ["Bæverens dæmning", "Åens dyr", "Vandets kredsløb"]


def test_with_words_the_best_match_comes_first(client, three):
    assert titles(client, q="vand")[0] == "Vandets kredsløb"
    assert titles(client, q="vand", sorter="relevans") == titles(client, q="vand", sorter="relevance")


def test_sorting_by_newest_or_title_overrides_relevance(client, three):
    assert titles(client, q="vand", sorter="nyeste") == ["Bæverens dæmning", "Åens dyr", "Vandets kredsløb"]
    assert titles(client, q="vand", sorter="newest") == ["Bæverens dæmning", "Åens dyr", "Vandets kredsløb"]
    assert titles(client, q="vand", sorter="titel") == ["Bæverens dæmning", "Vandets kredsløb", "Åens dyr"]
    assert titles(client, q="vand", sorter="title") == ["Bæverens dæmning", "Vandets kredsløb", "Åens dyr"]


def test_titles_sort_the_danish_way_whatever_the_collation_of_the_database(client, add, place):
    for title in [
        "Aalborg i middelalderen",
        "Øens fugle",
        "Åens dyr",
        "Zoologisk have",
        "Ærøs skibe",
        "Étager",
    ]:
        add(title)
    add("Abekatte")
    danish = [
        "Abekatte",
        "Étager",
        "Zoologisk have",
        "Ærøs skibe",
        "Øens fugle",
        "Åens dyr",
        "Aalborg i middelalderen",  # "Aa" is "Å"
    ]

    assert titles(client, sorter="titel") == danish
    assert [offer.title for offer in client.get(f"/steder/{place.slug}/").context["page"]] == danish


def test_the_chosen_order_is_kept_in_the_form(client, three):
    body = client.get("/tilbud/", {"q": "vand", "sorter": "titel"}).content.decode()

    assert '<option value="titel" selected>' in body


# --- The search vector stays current ---


def test_an_edited_offer_is_found_by_its_new_words_only(client, add):
    offer = add("Dyr i mosen")
    offer.title = "Glasblæserens værksted"
    offer.save()

    assert titles(client, q="glasblæser") == ["Glasblæserens værksted"]
    assert titles(client, q="mosen") == []


def test_an_offer_changed_without_save_is_found_by_its_new_words(client, add):
    offer = add("Skovens dyr")
    Offer.objects.filter(pk=offer.pk).update(summary="Om glasblæsning.")

    assert titles(client, q="glasblæsning") == ["Skovens dyr"]


def test_renaming_a_learning_place_makes_its_offers_findable_by_the_new_name(client, add, place):
    add("Skovens dyr")
    place.name = "Glasværket Holmegaard"
    place.save()

    assert titles(client, q="holmegaard") == ["Skovens dyr"]


def test_subject_names_find_offers_tagged_with_them_and_follow_later_changes(client, add):
    offer = add("Skovens dyr", subjects=["biologi"])
    add("Glasværkstedet")
    assert titles(client, q="biologi") == ["Skovens dyr"]

    offer.subjects.set(Subject.objects.filter(slug="fysik"))
    assert titles(client, q="biologi") == []
    assert titles(client, q="fysik") == ["Skovens dyr"]


def test_the_place_and_municipality_of_a_learning_place_find_its_offers(client, add, place, lejre):
    add("Skovens dyr")
    assert titles(client, q="skovens lejre") == []

    place.municipality, place.city = lejre, "Hvalsø"
    place.save()
    assert titles(client, q="skovens lejre") == ["Skovens dyr"]
    assert titles(client, q="dyr hvalsø") == ["Skovens dyr"]


def test_a_title_hit_ranks_above_a_subject_or_place_hit(client, add, place, lejre):
    place.municipality = lejre
    place.save()
    add("Glasværkstedet", subjects=["biologi"])
    add("Biologi i skoven")
    assert titles(client, q="biologi") == ["Biologi i skoven", "Glasværkstedet"]


def example_offers() -> dict:
    """The example interchange document's learning places and offers (other sections left alone)."""
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return {name: document[name] for name in ["format", "providers", "offers"]}


def test_imported_offers_are_found_and_an_update_by_import_is_found_too(client, db):
    document = example_offers()
    import_document(document)
    assert titles(client, q="eksperimentalarkæologi") == ["Eksperimentalarkæologi på Vikingeskibsmuseet"]

    changed = copy.deepcopy(document)
    changed["offers"][0]["title"] = "Skibsbygning på Vikingeskibsmuseet"
    import_document(changed)

    assert titles(client, q="skibsbygning") == ["Skibsbygning på Vikingeskibsmuseet"]
    assert titles(client, q="eksperimentalarkæologi") == []


def test_a_word_misspelt_like_an_imported_word_finds_it(client, db):
    import_document(example_offers())

    assert titles(client, q="eksperimentalarkeologi") == ["Eksperimentalarkæologi på Vikingeskibsmuseet"]
