"""The embeddable catalogue (/indlejr/…): a municipality's selection with its search and a learning place's
offers, for iframes on the web sites that the consultant or the place lists. Anonymous, read-only, no
cookies, links out in a new tab, and framing allowed only for the listed sites (the browser side is in
test_embed_browser.py)."""

import pytest
from django.core.exceptions import ValidationError

from municipalities.models import MunicipalSite


def directives(response) -> dict[str, str]:
    """The Content-Security-Policy header as {directive: its sources}."""
    parts = (part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    return {part[0]: part[1] if len(part) > 1 else "" for part in parts if part[0]}


@pytest.fixture
def site(lejre, make_offer):
    make_offer(
        "Vikingetid på egen krop",
        key="vikingetid",
        subjects=["historie"],
        booking_url="https://book.example.dk/v",
    )
    make_offer("Sejlads i vikingeskib", key="sejlads", subjects=["historie"])
    make_offer("Frøer i mosen", key="froeer", subjects=["biologi"])
    make_offer("Kladde", key="kladde", status="draft")
    return MunicipalSite.objects.create(
        municipality=lejre, title="Åben skole i Lejre", published=True, embed_origins=["https://www.lejre.dk"]
    )


def test_the_embed_may_be_framed_by_the_listed_sites_only(client, site):
    response = client.get("/indlejr/kommuner/lejre/")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["frame-ancestors"] == "https://www.lejre.dk"
    assert "X-Frame-Options" not in response
    assert policy["script-src"] == "'self'" and policy["default-src"] == "'self'"  # the rest stays strict


def test_without_listed_sites_the_embed_is_as_unframeable_as_every_page(client, site):
    MunicipalSite.objects.filter(pk=site.pk).update(embed_origins=[])
    response = client.get("/indlejr/kommuner/lejre/")
    assert directives(response)["frame-ancestors"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"


def test_the_sites_other_pages_stay_unframeable(client, site):
    response = client.get("/kommuner/lejre/")
    assert directives(response)["frame-ancestors"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"


def test_the_embed_sets_no_cookie_even_for_a_logged_in_visitor(client, site, consultant):
    assert not client.get("/indlejr/kommuner/lejre/").cookies
    client.force_login(consultant)
    client.cookies.pop("csrftoken", None)
    assert not client.get("/indlejr/kommuner/lejre/?q=viking").cookies
    assert not client.get("/indlejr/steder/lejre-museum/").cookies


def test_the_embed_shows_the_selection_with_its_search_and_links_out_in_a_new_tab(client, site):
    html = client.get("/indlejr/kommuner/lejre/").content.decode()
    assert "3 tilbud" in html and "Kladde" not in html
    assert '<a href="/tilbud/vikingetid/" target="_blank" rel="noopener">Vikingetid på egen krop' in html
    assert (
        '<a class="button-link" href="https://book.example.dk/v" target="_blank" rel="noopener">Book' in html
    )
    assert 'href="/tilbud/sejlads/#offer-booking" target="_blank" rel="noopener"' in html
    assert 'method="post"' not in html and "csrfmiddlewaretoken" not in html
    assert 'href="?fag=historie"' in html  # facets stay in the frame

    found = client.get("/indlejr/kommuner/lejre/", {"q": "frøer"}).content.decode()
    assert "Frøer i mosen" in found and "Sejlads i vikingeskib" not in found


def test_the_embed_is_only_read(client, site):
    assert client.post("/indlejr/kommuner/lejre/").status_code == 405
    assert client.post("/indlejr/steder/lejre-museum/").status_code == 405


def test_an_unpublished_site_has_no_embed(client, site):
    MunicipalSite.objects.filter(pk=site.pk).update(published=False)
    assert client.get("/indlejr/kommuner/lejre/").status_code == 404


def test_a_learning_place_embeds_its_published_offers_on_its_own_site(client, site, provider):
    provider.embed_origins = ["https://lejre-museum.example.dk", "http://localhost:8000"]
    provider.save()
    response = client.get("/indlejr/steder/lejre-museum/")
    html = response.content.decode()
    assert "Undervisningstilbud fra Lejre Museum" in html and "3 tilbud" in html and "Kladde" not in html
    assert directives(response)["frame-ancestors"] == "https://lejre-museum.example.dk http://localhost:8000"


@pytest.mark.parametrize(
    "origin",
    [
        "https://www.lejre.dk/skole",
        "www.lejre.dk",
        "javascript:alert(1)",
        "https://*.lejre.dk",
        "https://a b.dk",
    ],
)
def test_only_web_site_origins_can_be_listed(site, origin):
    site.embed_origins = [origin]
    with pytest.raises(ValidationError, match="er ikke adressen på et websted"):
        site.full_clean()


def test_the_back_office_normalises_the_listed_sites_and_shows_the_snippet_to_paste(client, site, consultant):
    client.force_login(consultant)
    url = f"/admin/municipalities/municipalsite/{site.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(
        {
            "embed_origins": "HTTPS://WWW.Lejre.dk/\r\n\r\nhttp://127.0.0.2:8311\r\n",
            "featured-TOTAL_FORMS": "0",
            "featured-INITIAL_FORMS": "0",
            "extra_offers": [],
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    site.refresh_from_db()
    assert site.embed_origins == ["https://www.lejre.dk", "http://127.0.0.2:8311"]

    page = client.get(url).content.decode()
    assert (
        "&lt;iframe src=&quot;http://testserver/indlejr/kommuner/lejre/&quot; title=&quot;Åben skole i Lejre&quot;"
        in page
    )
    assert "&lt;script src=&quot;http://testserver/static/js/embed.js&quot; async&gt;&lt;/script&gt;" in page
