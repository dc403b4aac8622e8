"""The catalogue's facets on /tilbud/: each choice counts the hits it would give with the other filters
applied; filters combine (OR within a facet, AND across facets); empty choices are hidden; bad values are
left out with a notice."""

import datetime

import pytest

from municipalities.models import Municipality
from offers.models import SDG, Offer, Provider


@pytest.fixture
def catalogue(make_offer, provider):
    """Two offers at Lejre Museum (Region Sjælland), two at a nature school in Odense (Syddanmark), a draft."""
    odense = Provider.objects.create(
        key="naturskolen",
        slug="naturskolen",
        name="Naturskolen Odense",
        kind=Provider.Kind.NATURE,
        municipality=Municipality.objects.get(code="461"),
    )
    vikings = make_offer(
        "Vikingetid", subjects=["historie"], grades=["4-klasse", "5-klasse"], price_dkk=0, key="vikingetid"
    )
    vikings.sdgs.set(SDG.objects.filter(number=4))
    make_offer(
        "Runer og skrift",
        subjects=["historie", "dansk"],
        grades=["5-klasse"],
        price_dkk=500,
        format=Offer.Format.OUTREACH,
        available_from=datetime.date(2026, 9, 1),
        available_to=datetime.date(2026, 9, 30),
        key="runer",
    )
    creatures = make_offer(
        "Smådyr i åen", subjects=["biologi"], grades=["4-klasse"], price_dkk=0, provider=odense, key="smaadyr"
    )
    creatures.sdgs.set(SDG.objects.filter(number__in=[14, 15]))
    make_offer(
        "Skovens træer",
        subjects=["biologi", "natur-teknologi"],
        grades=["2-klasse"],
        price_dkk=300,
        provider=odense,
        key="trae",
    )
    make_offer(
        "Hemmeligt udkast", subjects=["historie", "matematik"], status=Offer.Status.DRAFT, key="udkast"
    )


def search(client, **params):
    response = client.get("/tilbud/", params)
    assert response.status_code == 200
    return response


def counts(response, facet: str) -> dict[str, int]:
    """The choices the page shows for `facet` (at once and behind "Show more"), as value -> count."""
    for shown in response.context["facets"]:
        if shown.name == facet:
            return {choice.value: choice.count for choice in shown.choices + shown.more}
    return {}


def titles(response) -> list[str]:
    return sorted(offer.title for offer in response.context["page"])


def test_every_facet_counts_the_published_offers_per_choice(client, catalogue):
    response = search(client)

    assert counts(response, "fag") == {"historie": 2, "biologi": 2, "dansk": 1, "natur-teknologi": 1}
    assert counts(response, "klassetrin") == {"2-klasse": 1, "4-klasse": 2, "5-klasse": 2}
    assert counts(response, "gratis") == {"1": 2}
    assert counts(response, "format") == {"visit": 3, "outreach": 1}
    assert counts(response, "region") == {"1083": 2, "1085": 2}
    assert counts(response, "kommune") == {"350": 2, "461": 2}
    assert counts(response, "udbyder") == {"museum": 2, "nature": 2}
    assert counts(response, "verdensmaal") == {"4": 1, "14": 1, "15": 1}


def test_a_facet_counts_with_the_other_filters_applied_but_not_its_own(client, catalogue):
    response = search(client, klassetrin="4-klasse")

    assert response.context["total"] == 2
    assert counts(response, "fag") == {"historie": 1, "biologi": 1}
    # The grade facet still offers the other grades, counted without the grade filter.
    assert counts(response, "klassetrin") == {"2-klasse": 1, "4-klasse": 2, "5-klasse": 2}
    assert counts(response, "kommune") == {"350": 1, "461": 1}


def test_the_free_text_narrows_the_facet_counts_too(client, catalogue):
    response = search(client, q="smådyr")

    assert counts(response, "fag") == {"biologi": 1}
    assert counts(response, "kommune") == {"461": 1}
    assert "historie" not in counts(response, "fag")


def test_subjects_are_repeatable_and_widen_the_search(client, catalogue):
    assert titles(search(client, fag="historie")) == ["Runer og skrift", "Vikingetid"]
    assert titles(search(client, fag=["historie", "biologi"])) == [
        "Runer og skrift",
        "Skovens træer",
        "Smådyr i åen",
        "Vikingetid",
    ]


def test_facets_combine_across_each_other(client, catalogue):
    assert titles(search(client, fag=["historie", "biologi"], klassetrin="4-klasse")) == [
        "Smådyr i åen",
        "Vikingetid",
    ]
    assert titles(search(client, fag="historie", klassetrin="5-klasse", gratis="1")) == ["Vikingetid"]
    assert titles(search(client, region="1083", gratis="1")) == ["Smådyr i åen"]
    assert titles(search(client, kommune="350", format="outreach")) == ["Runer og skrift"]
    assert titles(search(client, udbyder="nature", verdensmaal="14")) == ["Smådyr i åen"]
    assert titles(search(client, q="runer", kommune="350")) == ["Runer og skrift"]
    assert titles(search(client, q="runer", kommune="461")) == []


def test_free_only_leaves_out_priced_offers_and_offers_without_a_price(client, catalogue, make_offer):
    make_offer("Pris efter aftale", price_dkk=None, key="ukendt-pris")

    assert titles(search(client, gratis="1")) == ["Smådyr i åen", "Vikingetid"]


def test_available_on_a_date_leaves_out_offers_outside_their_period(client, catalogue):
    in_september = titles(search(client, dato="2026-09-15"))
    in_october = titles(search(client, dato="2026-10-15"))

    assert "Runer og skrift" in in_september
    assert "Runer og skrift" not in in_october
    assert "Vikingetid" in in_october  # no period: available all year


def test_drafts_are_never_counted(client, catalogue):
    response = search(client, fag="matematik")

    assert response.context["total"] == 0
    assert "matematik" not in counts(search(client), "fag")


def test_empty_choices_and_facets_are_hidden(client, catalogue):
    response = search(client, fag="biologi", klassetrin="2-klasse")
    body = response.content.decode()

    assert counts(response, "verdensmaal") == {}  # "Skovens træer" has no goals: the whole facet is gone
    assert 'id="facet-verdensmaal"' not in body
    assert '<span class="facet__label">Dansk</span>' not in body  # a subject that would give no hits
    assert counts(response, "gratis") == {}


def test_a_selected_choice_stays_visible_even_when_it_gives_no_hits(client, catalogue):
    response = search(client, fag="dansk", kommune="461")

    assert response.context["total"] == 0
    selected = [c for f in response.context["facets"] for c in f.choices + f.more if c.selected]
    assert [(c.value, c.count) for c in selected] == [("dansk", 0), ("461", 0)]


def test_facet_links_add_or_remove_one_choice_and_keep_the_rest(client, catalogue):
    response = search(client, q="vikingetid", fag="historie", page="2")
    choices = {(f.name, c.value): c for f in response.context["facets"] for c in f.choices + f.more}

    assert choices[("fag", "historie")].selected
    assert choices[("fag", "historie")].url == "?q=vikingetid"
    assert choices[("klassetrin", "4-klasse")].url == "?q=vikingetid&fag=historie&klassetrin=4-klasse"
    body = response.content.decode()
    assert 'href="?q=vikingetid&amp;fag=historie&amp;klassetrin=4-klasse"' in body
    assert 'aria-current="true"' in body


def test_the_search_form_carries_the_chosen_facets_along(client, catalogue):
    body = search(client, fag=["historie", "dansk"], gratis="1").content.decode()

    assert '<input type="hidden" name="fag" value="historie">' in body
    assert '<input type="hidden" name="fag" value="dansk">' in body
    assert '<input type="hidden" name="gratis" value="1">' in body


def test_active_filters_are_listed_with_a_link_to_remove_each(client, catalogue):
    body = search(client, fag="historie", klassetrin="5-klasse").content.decode()

    assert 'href="?klassetrin=5-klasse"' in body and "Fag: Historie" in body
    assert 'href="?fag=historie"' in body and "Klassetrin: 5. klasse" in body
    assert "Ryd alle" in body


def test_unknown_values_are_left_out_with_a_notice_naming_the_parameter(client, catalogue):
    response = search(client, fag=["historie", "nonexistent"], gratis="ja", dato="i morgen")

    assert titles(response) == ["Runer og skrift", "Vikingetid"]
    assert response.context["notices"] == [
        "Nogle søgeindstillinger i adressen blev ikke forstået og er udeladt: dato, fag, gratis."
    ]
    main = response.content.decode().split("<main")[1].split("</main>")[0]
    assert "nonexistent" not in main
    assert '<ul class="errorlist" id="catalogue-dato_error"><li>Indtast en gyldig dato.</li></ul>' in main


def test_a_scoped_catalogue_may_hide_facets_but_honours_their_parameters(rf, catalogue):
    from offers.search import search_catalogue

    request = rf.get("/kommuner/lejre/tilbud/", {"kommune": "461"})
    context = search_catalogue(request, Offer.objects.all(), exclude_facets=("kommune", "region"))

    assert [facet.name for facet in context["facets"]] == [
        "fag",
        "klassetrin",
        "gratis",
        "format",
        "udbyder",
        "verdensmaal",
    ]
    assert sorted(offer.title for offer in context["page"]) == ["Skovens træer", "Smådyr i åen"]


def expected_counts(**filters) -> dict[str, dict[str, int]]:
    """Every facet's counts over the published offers, counted here from the models."""
    from collections import Counter

    found: dict[str, Counter] = {name: Counter() for name in ("fag", "klassetrin", "verdensmaal", "kommune")}
    found |= {name: Counter() for name in ("region", "format", "udbyder", "gratis")}
    offers = Offer.objects.published().filter(**filters).select_related("provider__municipality__region")
    for offer in offers.prefetch_related("subjects", "grades", "sdgs"):
        found["fag"].update(s.slug for s in offer.subjects.all())
        found["klassetrin"].update(g.slug for g in offer.grades.all())
        found["verdensmaal"].update(str(s.number) for s in offer.sdgs.all())
        municipality = offer.provider.municipality
        if municipality:
            found["kommune"][municipality.code] += 1
            found["region"][municipality.region.code] += 1
        found["format"][offer.format] += 1
        found["udbyder"][offer.provider.kind] += 1
        if offer.price_dkk == 0:
            found["gratis"]["1"] += 1
    return {name: dict(counter) for name, counter in found.items()}


def all_counts(response) -> dict[str, dict[str, int]]:
    return {name: counts(response, name) for name in expected_counts()}


def test_the_counts_of_the_whole_catalogue_follow_every_kind_of_change(client, catalogue, make_offer):
    from municipalities.models import Municipality

    assert all_counts(search(client)) == expected_counts()

    extra = make_offer("Tidsrejse", key="tidsrejse", subjects=["historie", "dansk"], grades=["7-klasse"])
    extra.sdgs.set(SDG.objects.filter(number__in=[4, 16]))
    odense = Provider.objects.get(key="naturskolen")
    odense.municipality, odense.kind = Municipality.objects.get(code="751"), Provider.Kind.SCIENCE
    odense.save()
    Offer.objects.filter(key="runer").update(status=Offer.Status.ARCHIVED)
    Offer.objects.filter(key="udkast").update(status=Offer.Status.PUBLISHED, price_dkk=0)
    Offer.objects.get(key="trae").subjects.set([])
    Offer.objects.filter(key="vikingetid").update(format=Offer.Format.ONLINE, price_dkk=100)
    Offer.objects.get(key="smaadyr").delete()

    response = search(client)
    assert response.context["total"] == Offer.objects.published().count() == 4
    assert all_counts(response) == expected_counts()
    # One subject chosen: the other facets count its offers, the subjects every offer.
    with_history = all_counts(search(client, fag="historie"))
    assert with_history == {**expected_counts(subjects__slug="historie"), "fag": expected_counts()["fag"]}
