"""Day care (dagtilbud) has a way in: the front page speaks to a class or a group of children and leads to the
offers for day care with their count, and a day-care offer's price is per group, not per class."""

from offers.models import Offer


def main_of(response) -> str:
    return response.content.decode().split("<main")[1].split("</main>")[0]


def test_the_front_page_speaks_to_a_class_or_a_group_of_children(client, published_offer):
    main = main_of(client.get("/"))
    assert "<h1>Find et læringssted til din klasse eller børnegruppe</h1>" in main


def test_the_front_page_leads_to_the_day_care_offers_with_their_count(client, make_offer):
    make_offer("Små fødder i skoven", grades=["dagtilbud"])
    make_offer("Sanserne i haven", grades=["dagtilbud", "0-klasse"])
    make_offer("Vikingetid", grades=["4-klasse"])
    make_offer("Kladde for de mindste", grades=["dagtilbud"], status=Offer.Status.DRAFT)

    main = main_of(client.get("/"))

    assert '<a class="button-link button-secondary" href="/tilbud/?klassetrin=dagtilbud">' in main
    assert "Dagtilbud: 2 tilbud til børn på 0–6 år" in main
    assert client.get("/tilbud/", {"klassetrin": "dagtilbud"}).context["total"] == 2


def test_a_day_care_offer_costs_per_group_and_a_school_offer_per_class(client, make_offer):
    make_offer("Små fødder i skoven", key="smaa-foedder", grades=["dagtilbud"], price_dkk=900)
    make_offer("Sanserne i haven", key="sanserne", grades=["dagtilbud", "0-klasse"], price_dkk=900)
    make_offer("Vikingetid", key="vikingetid", grades=["4-klasse"], price_dkk=900)

    assert "900 kr. pr. gruppe" in main_of(client.get("/tilbud/smaa-foedder/"))
    assert "900 kr. pr. klasse" in main_of(client.get("/tilbud/sanserne/"))  # also for a school class
    assert "900 kr. pr. klasse" in main_of(client.get("/tilbud/vikingetid/"))
    cards = main_of(client.get("/tilbud/", {"sorter": "titel"}))
    assert cards.count("900 kr. pr. gruppe") == 1 and cards.count("900 kr. pr. klasse") == 2
