"""In a real browser: a consultant curates the municipality's site in the back office, a teacher sees it."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from municipalities.models import FeaturedOffer, MunicipalSite
from tests.conftest import axe_check


@pytest.mark.browser
def test_a_consultant_features_reorders_and_publishes_and_a_teacher_sees_it(page, lejre, make_offer):
    vikings = make_offer("Vikingetid på egen krop", key="vikingetid")
    sailing = make_offer("Sejlads i vikingeskib", key="sejlads")
    site = MunicipalSite.objects.create(municipality=lejre, title="Åben skole i Lejre", intro="Velkommen.")
    FeaturedOffer.objects.create(site=site, offer=vikings, note="Særligt godt til 4. klasse", position=1)
    get_user_model().objects.create_user("mette", "mette@lejre.example.dk", "correct-horse-battery")
    call_command("grant_municipality", "mette", "350", stdout=io.StringIO())

    # The public cannot see the site before it is published.
    assert page.goto("/kommuner/lejre/").status == 404

    # The consultant logs in to the back office and opens the site.
    page.goto("/admin/")
    page.locator("input[name=username]").fill("mette")
    page.locator("input[name=password]").fill("correct-horse-battery")
    page.locator("input[type=submit]").click()
    page.get_by_role("link", name="Kommunesider").first.click()
    page.get_by_role("link", name="Åben skole i Lejre").click()

    # Feature another offer with a note (the admin's autocomplete), put it first, publish.
    page.locator("#id_featured-1-offer + .select2").click()
    page.locator(".select2-container--open .select2-search__field").fill("Sejl")
    page.locator(".select2-results__option", has_text="Sejlads i vikingeskib").click()
    page.locator("#id_featured-1-note").fill("Gratis for kommunens skoler")
    page.locator("#id_featured-1-position").fill("1")
    page.locator("#id_featured-0-position").fill("2")
    page.locator("#id_published").check()
    page.locator("input[name=_save]").click()
    page.wait_for_url("**/admin/municipalities/municipalsite/")
    assert [entry.offer for entry in site.featured.all()] == [sailing, vikings]

    # A teacher (not logged in) sees the site with the offers in that order and the note.
    page.context.clear_cookies()
    response = page.goto("/kommuner/lejre/")
    assert response.status == 200
    featured = page.locator(".featured-list > li")
    assert featured.count() == 2
    assert "Sejlads i vikingeskib" in featured.nth(0).inner_text()
    assert "Gratis for kommunens skoler" in featured.nth(0).inner_text()
    assert "Vikingetid på egen krop" in featured.nth(1).inner_text()
    axe_check(page)

    # The offer page says which municipality recommends it.
    page.get_by_role("link", name="Sejlads i vikingeskib").click()
    assert "Lejre Kommune" in page.locator("main").inner_text()


@pytest.mark.browser
def test_the_coverage_matrix_is_accessible_and_its_cells_lead_to_the_scoped_search(page, lejre, make_offer):
    make_offer("Vikingetid på egen krop", subjects=["historie"], grades=["4-klasse"])
    MunicipalSite.objects.create(municipality=lejre, title="Åben skole i Lejre", published=True)
    get_user_model().objects.create_user("mette", "mette@lejre.example.dk", "correct-horse-battery")
    call_command("grant_municipality", "mette", "350", stdout=io.StringIO())

    page.goto("/kommuner/lejre/daekning/")  # to the login form first
    page.locator("input[name=username]").fill("mette")
    page.locator("input[name=password]").fill("correct-horse-battery")
    page.locator("input[type=submit]").click()
    page.wait_for_url("**/kommuner/lejre/daekning/")
    axe_check(page)
    row = page.get_by_role("row", name="Historie")
    row.get_by_role("link", name="1", exact=True).click()
    page.wait_for_url("**/kommuner/lejre/tilbud/?fag=historie&klassetrin=4-klasse")
    assert "Vikingetid på egen krop" in page.locator("main").inner_text()
