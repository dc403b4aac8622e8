"""The Danish text reads as one text: prices as "1.000 kr.", grade spans as in titles, "Dagtilbud (0–6 år)",
language names in lower case, one term for the kind of place, "Undervisningsform", no repeated words, and
thousands separators on the front page."""

from django.utils import translation

from offers.models import GradeLevel, Offer


def main_of(response) -> str:
    return response.content.decode().split("<main")[1].split("</main>")[0]


def test_prices_have_a_thousands_separator_on_the_offer_page_and_in_the_cards(client, make_offer):
    make_offer("Vikingetid", key="vikingetid", grades=["4-klasse"], price_dkk=1000)
    assert "1.000 kr. pr. klasse" in main_of(client.get("/tilbud/vikingetid/"))
    assert "1.000 kr. pr. klasse" in main_of(client.get("/tilbud/"))
    assert "1000 kr." not in main_of(client.get("/tilbud/"))


def test_grade_spans_are_written_as_in_titles(client, make_offer):
    make_offer("Mellemtrin", key="a", grades=["4-klasse", "5-klasse", "6-klasse"])
    make_offer(
        "Udskoling og gymnasiet", key="b", grades=["8-klasse", "9-klasse", "10-klasse", "ungdomsuddannelse"]
    )
    make_offer("De mindste", key="c", grades=["dagtilbud", "0-klasse", "1-klasse"])
    make_offer("Spredt", key="d", grades=["2-klasse", "7-klasse"])

    spans = {offer.title: offer.grade_span for offer in Offer.objects.prefetch_related("grades")}

    assert spans == {
        "Mellemtrin": "4.–6. klasse",
        "Udskoling og gymnasiet": "8. klasse–ungdomsuddannelse",
        "De mindste": "Dagtilbud–1. klasse",
        "Spredt": "2. klasse, 7. klasse",
    }
    assert "· 4.–6. klasse</p>" in main_of(client.get("/tilbud/"))


def test_day_care_is_written_with_an_en_dash(client, make_offer):
    assert GradeLevel.objects.get(slug="dagtilbud").name == "Dagtilbud (0–6 år)"
    make_offer("Små fødder", key="smaa", grades=["dagtilbud"])
    assert "Dagtilbud (0–6 år)" in main_of(client.get("/tilbud/smaa/"))


def test_language_names_are_lower_case_in_danish_and_capitalised_in_english(client, make_offer):
    offer = make_offer("Vikingetid", key="vikingetid", languages=["da", "en"])
    assert "<dd>dansk, engelsk</dd>" in main_of(client.get("/tilbud/vikingetid/"))
    with translation.override("en"):
        assert offer.language_names == ["Danish", "English"]


def test_one_term_for_the_kind_of_place_and_undervisningsform_for_the_format(client, make_offer):
    make_offer("Vikingetid", key="vikingetid", max_participants=56)
    catalogue = main_of(client.get("/tilbud/"))
    offer = main_of(client.get("/tilbud/vikingetid/"))

    assert "Type læringssted" in catalogue and "Slags læringssted" not in catalogue
    assert '<h3 id="facet-format">Undervisningsform</h3>' in catalogue
    assert "<dt>Undervisningsform</dt>" in offer and "<dt>Form</dt>" not in offer
    assert "<dt>Antal deltagere</dt><dd>Op til 56</dd>" in offer
    assert "Op til 56 deltagere" not in offer


def test_the_front_page_counts_with_thousands_separators(client, provider):
    Offer.objects.bulk_create(
        Offer(
            key=f"offer-{n}",
            slug=f"offer-{n}",
            title=f"Tilbud {n}",
            provider=provider,
            format=Offer.Format.VISIT,
            status=Offer.Status.PUBLISHED,
        )
        for n in range(1000)
    )
    main = main_of(client.get("/"))
    assert "1.000 undervisningstilbud fra" in main
