"""In a real browser: a consultant picks offers to feature on the municipality's site, tells same-titled ones apart,
orders them with the keyboard and by dragging, and the back-office pages they use pass axe-core (WCAG 2.1 AA and
2.2's target size)."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from municipalities.models import FeaturedOffer, MunicipalSite
from offers.models import Provider

ROSKILDE_SHIP = "Byg et vikingeskib – Vikingeskibsmuseet, Roskilde · 7. klasse · Udgivet"
LEJRE_SHIP = "Byg et vikingeskib – Lejre Museum, Lejre · 4. klasse · Udgivet"


def axe_clean(page) -> None:
    """No WCAG 2.1 A/AA violations, nor of 2.2's target size (24 × 24 px)."""
    from axe_playwright_python.sync_playwright import Axe

    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": tags}})
    assert results.violations_count == 0, results.generate_report()


def row_order(page) -> list[tuple[str, str]]:
    """(row id, position) of the featured rows in the order shown."""
    rows = page.locator("#featured-group tbody > tr.form-row:not(.empty-form)")
    return [
        (row.get_attribute("id"), row.locator("input.js-order-position").input_value()) for row in rows.all()
    ]


@pytest.mark.browser
def test_a_consultant_picks_and_orders_featured_offers_by_keyboard_and_by_drag(page, lejre, make_offer):
    museum = Provider.objects.create(
        key="vikingeskibsmuseet",
        slug="vikingeskibsmuseet",
        name="Vikingeskibsmuseet",
        kind="museum",
        city="Roskilde",
    )
    vikings = make_offer("Vikingetid på egen krop", key="vikingetid")
    walk = make_offer("Naturvandring ved fjorden", key="natur")
    make_offer("Byg et vikingeskib", key="skib-lejre", grades=["4-klasse"])
    ship = make_offer("Byg et vikingeskib", key="skib-roskilde", provider=museum, grades=["7-klasse"])
    site = MunicipalSite.objects.create(municipality=lejre, title="Åben skole i Lejre")
    FeaturedOffer.objects.create(site=site, offer=vikings, position=1)
    FeaturedOffer.objects.create(site=site, offer=walk, position=2)
    get_user_model().objects.create_user("mette", "mette@lejre.example.dk", "correct-horse-battery")
    call_command("grant_municipality", "mette", "350", stdout=io.StringIO())

    page.goto(f"/admin/municipalities/municipalsite/{site.pk}/change/")  # to the login form first
    page.get_by_label("Brugernavn").fill("mette")
    page.get_by_label("Adgangskode").fill("correct-horse-battery")
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(f"**/municipalsite/{site.pk}/change/")
    page.locator("#featured-2 .select2-selection__rendered[aria-label='Tilbud']").wait_for()
    axe_clean(page)

    # The picker shows place, town, grades and status: the two ships are told apart.
    page.locator("#id_featured-2-offer + .select2").click()
    page.locator(".select2-container--open .select2-search__field").fill("vikingeskib")
    options = page.locator(".select2-results__option")
    # The picker first lists every offer while it waits to search; only the answer to the search has two.
    expect(options).to_have_count(2)
    assert sorted(options.all_inner_texts()) == [LEJRE_SHIP, ROSKILDE_SHIP]
    options.filter(has_text="Vikingeskibsmuseet").click()
    assert page.locator("#featured-2 .select2-selection__rendered").get_attribute("aria-label") == (
        f"Tilbud: {ROSKILDE_SHIP}"
    )

    # With the keyboard: the new row up twice, to the top; positions follow the order shown.
    page.locator("#featured-2").get_by_role("button", name="Flyt op").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    assert row_order(page) == [("featured-2", "1"), ("featured-0", "2"), ("featured-1", "3")]
    assert page.locator(".order-status").inner_text() == "Flyttet til plads 1 af 3."
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Flyt op"

    # By drag: "Vikingetid" below "Naturvandring".
    target = page.locator("#featured-1")
    height = target.bounding_box()["height"]
    page.locator("#featured-0 .order-handle").drag_to(target, target_position={"x": 40, "y": height - 4})
    assert row_order(page) == [("featured-2", "1"), ("featured-1", "2"), ("featured-0", "3")]

    # A row added now gets the controls and a named picker, and stays out of the order while empty.
    page.get_by_role("button", name="Tilføj endnu en Fremhævet tilbud").click()
    page.locator("#featured-3").get_by_role("button", name="Flyt ned").wait_for()
    page.locator("#featured-3 .select2-selection__rendered[aria-label='Tilbud']").wait_for()
    axe_clean(page)

    page.locator("input[name=_save]").click()
    page.wait_for_url("**/admin/municipalities/municipalsite/")
    assert [(entry.offer, entry.position) for entry in site.featured.all()] == [
        (ship, 1),
        (walk, 2),
        (vikings, 3),
    ]
    axe_clean(page)

    # The offer list they pick from: filter links big enough to hit (target size).
    page.goto("/admin/offers/offer/")
    axe_clean(page)
