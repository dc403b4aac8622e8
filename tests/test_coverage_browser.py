"""In a real browser, on a phone: the coverage page does not scroll sideways, the public municipal page leads
its consultant to it, a gap opens the offers that could fill it, and one click features an offer from a
neighbouring municipality and fills the gap; the pages pass axe-core."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from municipalities.models import Municipality, MunicipalSite
from offers.models import Provider
from tests.conftest import axe_check


@pytest.mark.browser
def test_a_consultant_finds_coverage_opens_a_gap_and_features_an_offer_on_a_phone(page, lejre, make_offer):
    make_offer("Vikingetid på egen krop", subjects=["historie"], grades=["4-klasse"])
    roskilde = Provider.objects.create(
        key="vikingeskibsmuseet",
        slug="vikingeskibsmuseet",
        name="Vikingeskibsmuseet",
        kind="museum",
        municipality=Municipality.objects.get(code="265"),
    )
    make_offer("Sejlads i vikingeskib", provider=roskilde, subjects=["historie"], grades=["5-klasse"])
    site = MunicipalSite.objects.create(municipality=lejre, title="Åben skole i Lejre", published=True)
    get_user_model().objects.create_user("mette", "mette@lejre.example.dk", "correct-horse-battery")
    call_command("grant_municipality", "mette", "350", stdout=io.StringIO())

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/admin/login/?next=/kommuner/lejre/daekning/")
    page.locator("input[name=username]").fill("mette")
    page.locator("input[name=password]").fill("correct-horse-battery")
    page.locator("input[type=submit]").click()
    page.wait_for_url("**/kommuner/lejre/daekning/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # the table scrolls, not the page
    axe_check(page)

    page.get_by_role("link", name="Åben skole i Lejre").click()  # the public page leads back to coverage
    page.wait_for_url("**/kommuner/lejre/")
    page.get_by_role("link", name="Dækning af fag og klassetrin").click()
    page.wait_for_url("**/kommuner/lejre/daekning/")

    row = page.get_by_role("row", name="Historie")
    row.locator("a[href$='/historie/5-klasse/']").click()
    page.wait_for_url("**/kommuner/lejre/daekning/historie/5-klasse/")
    assert page.get_by_role("heading", level=1).inner_text() == "Fyld hullet: Historie, 5. klasse"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    axe_check(page)
    page.get_by_role("button", name=re.compile("Fremhæv på kommunens side.*Sejlads i vikingeskib")).click()

    page.wait_for_url("**/kommuner/lejre/daekning/")
    assert (
        "“Sejlads i vikingeskib” er nu fremhævet på Åben skole i Lejre." in page.locator("body").inner_text()
    )
    assert page.get_by_role("row", name="Historie").get_by_role("link", name="1", exact=True).count() == 2
    assert [entry.offer.title for entry in site.featured.all()] == ["Sejlads i vikingeskib"]
