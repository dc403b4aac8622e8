"""Partnership pages in a real browser: the showcase's filters and search, the consultants' summary and
the printable agreement (clean in print media), each passing axe-core's WCAG 2.1 AA checks."""

import pytest
from django.contrib.auth import get_user_model

from municipalities.models import Municipality
from offers.models import Provider
from partnerships.models import Contact, Partnership
from tests.conftest import axe_check


def create_records() -> None:
    """Data is created inside the test: the `page` fixture rolls back by serialization."""
    museum = Provider.objects.create(
        key="lejre-museum", slug="lejre-museum", name="Lejre Museum", kind="museum"
    )
    company = Provider.objects.create(key="smedje", slug="smedje", name="Lokal Smedje ApS", kind="company")
    for key, title, kind, provider, activities in [
        ("vikinger", "Vikingeskibe og skolen", "partnership", museum, ["recurring_visits"]),
        ("smedje", "Smedens værksted", "collaboration", company, ["career_learning"]),
    ]:
        partnership = Partnership.objects.create(
            key=key,
            slug=key,
            title=title,
            kind=kind,
            public=True,
            activities=activities,
            description="Eleverne undersøger skibene og værkstedet.",
        )
        partnership.providers.set([provider])
        partnership.municipalities.set(Municipality.objects.filter(code="350"))
        Contact.objects.create(
            partnership=partnership, role="teacher", name="Mette", email="mette@example.dk"
        )


@pytest.mark.browser
def test_visitors_filter_and_search_the_showcase_and_it_passes_axe(page):
    create_records()
    page.goto("/samarbejder/")
    assert page.get_by_role("heading", level=1).inner_text() == "Samarbejder og partnerskaber"
    axe_check(page)

    page.get_by_role("combobox", name="Type læringssted").select_option("company")
    page.get_by_role("button", name="Vis samarbejder").click()
    page.wait_for_url("**/samarbejder/?*udbyder=company*")
    assert page.get_by_role("heading", name="1 samarbejde").is_visible()
    assert page.get_by_role("link", name="Smedens værksted").is_visible()
    assert page.get_by_role("link", name="Vikingeskibe og skolen").count() == 0
    axe_check(page)

    page.get_by_role("link", name="Nulstil filtre").click()
    page.get_by_role("searchbox", name="Søg i samarbejder").fill("skibet")
    page.get_by_role("combobox", name="Aktivitet").select_option("recurring_visits")
    page.get_by_role("button", name="Vis samarbejder").click()
    page.wait_for_url("**/samarbejder/?q=skibet*")
    page.get_by_role("link", name="Vikingeskibe og skolen").click()
    page.wait_for_url("**/samarbejder/vikinger/")
    assert "mette@example.dk" not in page.content()
    axe_check(page)


@pytest.mark.browser
def test_staff_read_the_summary_and_print_a_clean_agreement(page):
    create_records()
    get_user_model().objects.create_superuser("chef", "chef@example.dk", "correct-horse-battery")
    page.goto("/admin/login/?next=/samarbejder/oversigt/")
    page.get_by_label("Brugernavn").fill("chef")
    page.get_by_label("Adgangskode").fill("correct-horse-battery")
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url("**/samarbejder/oversigt/")
    assert page.get_by_role("heading", level=1).inner_text() == "Samarbejder pr. kommune"
    assert page.get_by_role("heading", name="Lejre Kommune").is_visible()
    axe_check(page)

    page.goto("/samarbejder/vikinger/aftale/")
    assert page.get_by_role("link", name="mette@example.dk").is_visible()
    axe_check(page)
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".agreement__screen-only").is_visible()
    assert page.get_by_role("heading", name="10. Underskrifter").is_visible()
