"""Descriptions written by people: a length limit with a clear message in the back office and in imports, HTML
sanitised on every way in (forms, imports, bulk writes) and again on every page that shows it."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.urls import reverse
from django.utils import translation

from offers.models import Offer, Provider
from portal.text import DESCRIPTION_MAX_LENGTH
from tests.test_interchange import OFFER_KEY, complete_example, import_errors, run_import

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = '<p onclick="steal()">Sejlads <script>alert(1)</script><em>nu</em></p><img src=x onerror=alert(2)>'
CLEAN = "<p>Sejlads <em>nu</em></p>"


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


def offer_form(provider, **changes) -> dict:
    fields = {
        "title": "Sejlads i vikingeskib",
        "provider": provider.pk,
        "status": "draft",
        "format": "visit",
        "key": "sejlads",
        "slug": "sejlads",
        "themes": "",
        "languages": "da",
        "summary": "",
        "description": "",
        "occurrences-TOTAL_FORMS": "0",  # the offer's dates (an inline), none here
        "occurrences-INITIAL_FORMS": "0",
    }
    return {**fields, **changes}


# --- The length limit ---


def test_the_offer_form_refuses_a_description_over_the_limit_with_the_numbers(staff_client, provider):
    long = "a" * (DESCRIPTION_MAX_LENGTH + 1)
    response = staff_client.post(reverse("admin:offers_offer_add"), offer_form(provider, description=long))
    assert response.status_code == 200
    assert "Højst 20.000 tegn er tilladt; denne tekst har 20.001." in response.content.decode()
    assert not Offer.objects.filter(key="sejlads").exists()


def test_the_offer_form_takes_a_description_of_exactly_the_limit(staff_client, provider):
    text = "a" * DESCRIPTION_MAX_LENGTH
    response = staff_client.post(reverse("admin:offers_offer_add"), offer_form(provider, description=text))
    assert response.status_code == 302
    assert len(Offer.objects.get(key="sejlads").description) == DESCRIPTION_MAX_LENGTH


def test_the_learning_place_form_refuses_a_description_over_the_limit(staff_client, lejre):
    data = {"name": "Stedet", "kind": "museum", "key": "stedet", "slug": "stedet"}
    data["description"] = "ø" * (DESCRIPTION_MAX_LENGTH + 5)
    response = staff_client.post(reverse("admin:offers_provider_add"), data)
    assert "Højst 20.000 tegn er tilladt; denne tekst har 20.005." in response.content.decode()
    assert not Provider.objects.filter(key="stedet").exists()


def test_an_import_with_a_huge_description_names_the_offer_and_writes_nothing(db, tmp_path):
    document = complete_example()
    document["offers"][0]["description"] = "<p>" + "vikingeskib " * 200_000 + "</p>"  # 2.4 MB
    document["providers"][0]["description"] = "x" * (DESCRIPTION_MAX_LENGTH + 1)
    errors = import_errors(tmp_path, document)
    assert (
        f"offers[0] key={OFFER_KEY}: description: At most 20,000 characters are allowed; this text has "
        in ("\n".join(errors))
    )
    assert any(
        line.endswith(
            "providers[0] key=museum-vestsjaelland: description: At most 20,000 characters "
            "are allowed; this text has 20,001."
        )
        for line in errors
    )
    assert not Offer.objects.exists() and not Provider.objects.exists()


def test_the_limit_message_is_danish_in_a_danish_import(db, tmp_path):
    document = complete_example()
    # Summaries are "one or two sentences" shown in lists; this one is 2,399 characters once trimmed.
    document["offers"][0]["summary"] = "Kort. " * 400
    path = tmp_path / "import.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    err = io.StringIO()
    with translation.override("da"), pytest.raises(CommandError):
        call_command("import_portal", str(path), stderr=err)
    assert "summary: Højst 2.000 tegn er tilladt; denne tekst har 2.399." in err.getvalue()


# --- Sanitised on the way in ---


def test_the_offer_form_stores_only_the_allowed_markup(staff_client, provider):
    staff_client.post(reverse("admin:offers_offer_add"), offer_form(provider, description=HOSTILE))
    assert Offer.objects.get(key="sejlads").description == CLEAN


def test_the_limit_counts_the_sanitised_text_that_is_stored(staff_client, provider):
    padded = "<script>x</script>" * 100 + "a" * DESCRIPTION_MAX_LENGTH
    response = staff_client.post(reverse("admin:offers_offer_add"), offer_form(provider, description=padded))
    assert response.status_code == 302


def test_an_import_stores_only_the_allowed_markup(db, tmp_path):
    document = complete_example()
    document["offers"][0]["description"] = HOSTILE
    run_import(tmp_path, document)
    assert Offer.objects.get(key=OFFER_KEY).description == CLEAN


def test_bulk_writes_are_sanitised_too(make_offer, provider):
    bulk = Offer.objects.bulk_create(
        [Offer(key="bulk", slug="bulk", provider=provider, title="Bulk", format="visit", description=HOSTILE)]
    )
    assert Offer.objects.get(key="bulk").description == CLEAN
    offer = make_offer("Opdateres")
    offer.description = HOSTILE
    Offer.objects.bulk_update([offer], ["description"])
    assert Offer.objects.get(pk=offer.pk).description == CLEAN
    Offer.objects.filter(pk=bulk[0].pk).update(description=HOSTILE + "<p>igen</p>")
    assert Offer.objects.get(pk=bulk[0].pk).description == CLEAN + "<p>igen</p>"


# --- Sanitised on the way out ---


def test_the_offer_page_sanitises_stored_html_again(client, published_offer):
    # Written past every Python path, as an old row or a manual fix in the database could be.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE offers_offer SET description = %s WHERE id = %s", [HOSTILE, published_offer.pk]
        )
    html = client.get(published_offer.get_absolute_url()).content.decode()
    assert CLEAN in html
    assert "<script>alert(1)" not in html and "onerror" not in html and "onclick" not in html


def test_no_template_marks_stored_text_as_safe():
    templates = [p for p in ROOT.glob("*/templates/**/*.html") if ".venv" not in p.parts]
    templates += list((ROOT / "templates").glob("**/*.html"))
    assert templates
    offenders = [str(p.relative_to(ROOT)) for p in templates if "|safe" in p.read_text(encoding="utf-8")]
    assert offenders == []
