"""A search as a spreadsheet (/tilbud/eksport.csv?…) and the shortlist's (/min-liste/min-liste.csv), read as
Danish Excel reads them: the raw bytes (BOM, ``;``, CRLF, UTF-8) and the rows through Python's csv module
with Excel's Danish dialect; dates dd-mm-yyyy, decimal commas, and no cell Excel would run as a formula."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from offers.models import Occurrence, Offer

DK = timezone.get_default_timezone()


def download(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return b"".join(response.streaming_content)


def read(data: bytes) -> list[dict[str, str]]:
    """The rows as Excel would see them: UTF-8 after the BOM, ``;`` between cells."""
    text = data.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))


@pytest.fixture
def offers(make_offer, provider):
    sailing = make_offer(
        "Sejlads i vikingeskib",
        key="sejlads",
        subjects=["historie"],
        grades=["4-klasse", "5-klasse", "6-klasse"],
        price_dkk=1250,
        duration_minutes=90,
        available_from=datetime.date(2026, 8, 1),
        available_to=datetime.date(2027, 6, 30),
    )
    make_offer("Frøer i mosen", key="froeer", subjects=["biologi"], grades=["dagtilbud"], price_dkk=0)
    make_offer("Kladde om kludetæpper", key="kladde", status=Offer.Status.DRAFT, subjects=["historie"])
    return sailing


def test_the_file_is_utf8_with_a_bom_semicolons_and_crlf_as_danish_excel_expects(client, offers):
    data = download(client, "/tilbud/eksport.csv")
    assert data.startswith(b"\xef\xbb\xbf" + "Titel;Læringssted;Adresse;".encode())
    assert data.endswith(b"\r\n")
    assert data.count(b"\r\n") == 3  # the headings and two published offers
    assert "Frøer i mosen;Lejre Museum;Orehøjvej 4;4320;Lejre;Lejre;Biologi;".encode() in data


def test_each_offer_is_a_row_with_danish_dates_decimal_commas_and_its_address(client, offers):
    rows = {row["Titel"]: row for row in read(download(client, "/tilbud/eksport.csv"))}
    assert set(rows) == {"Sejlads i vikingeskib", "Frøer i mosen"}  # never a draft
    sailing = rows["Sejlads i vikingeskib"]
    assert sailing["Læringssted"] == "Lejre Museum"
    assert sailing["Kommune"] == "Lejre"
    assert sailing["Fag"] == "Historie"
    assert sailing["Klassetrin"] == "4.–6. klasse"
    assert sailing["Pris (kr.)"] == "1250"  # a number Excel can add up: no thousands separator
    assert sailing["Gratis"] == "nej"
    assert sailing["Varighed (timer)"] == "1,5"
    assert sailing["Kan bookes fra"] == "01-08-2026"
    assert sailing["Kan bookes til"] == "30-06-2027"
    assert (sailing["Breddegrad"], sailing["Længdegrad"]) == ("55,6", "11,97")
    assert sailing["Side på portalen"] == "http://testserver/tilbud/sejlads/"
    assert sailing["Nøgle"] == "sejlads"
    assert rows["Frøer i mosen"]["Gratis"] == "ja"
    assert rows["Frøer i mosen"]["Pris (kr.)"] == "0"


def test_the_next_free_date_is_given_in_danish_time(client, offers):
    late_evening = datetime.datetime(2099, 3, 2, 23, 30, tzinfo=DK)  # 22:30 UTC the day before
    Occurrence.objects.create(
        offer=offers, starts=late_evening, ends=late_evening + datetime.timedelta(hours=1)
    )
    later = datetime.datetime(2099, 5, 1, 9, 0, tzinfo=DK)
    Occurrence.objects.create(offer=offers, starts=later, ends=later + datetime.timedelta(hours=2))
    rows = {row["Titel"]: row for row in read(download(client, "/tilbud/eksport.csv"))}
    assert rows["Sejlads i vikingeskib"]["Næste ledige dato"] == "02-03-2099"
    assert rows["Frøer i mosen"]["Næste ledige dato"] == ""


def test_the_export_has_the_search_s_offers_in_the_search_s_order(client, offers, make_offer):
    make_offer("Vikingernes skibe", key="skibe", subjects=["historie"])
    rows = read(download(client, "/tilbud/eksport.csv?fag=historie&sorter=titel"))
    assert [row["Titel"] for row in rows] == ["Sejlads i vikingeskib", "Vikingernes skibe"]
    rows = read(download(client, "/tilbud/eksport.csv?q=mosen"))
    assert [row["Titel"] for row in rows] == ["Frøer i mosen"]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_excel_would_read_as_a_formula_is_neutralised(client, make_offer, start):
    make_offer(f'{start}HYPERLINK("http://evil.example";"Klik")', key="formel", summary=f"{start}1+1")
    data = download(client, "/tilbud/eksport.csv")
    (row,) = read(data)
    assert row["Titel"] == f'\'{start}HYPERLINK("http://evil.example";"Klik")'
    assert row["Resumé"] == f"'{start}1+1"
    cells = [
        cell
        for line in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";")
        for cell in line
    ]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


def test_a_search_without_hits_gives_just_the_headings(client, offers):
    data = download(client, "/tilbud/eksport.csv?q=rumraketter")
    assert read(data) == []
    assert data.count(b"\r\n") == 1


def test_parameters_the_search_does_not_understand_are_left_out_not_an_error(client, offers):
    rows = read(download(client, "/tilbud/eksport.csv?fag=findes-ikke&klassetrin=%00&page=x"))
    assert len(rows) == 2


def test_the_export_stops_at_the_row_limit(client, offers, make_offer, settings):
    settings.PORTAL_EXPORT_MAX_ROWS = 2
    make_offer("Vikingernes skibe", key="skibe")
    rows = read(download(client, "/tilbud/eksport.csv?sorter=titel"))
    assert [row["Titel"] for row in rows] == ["Frøer i mosen", "Sejlads i vikingeskib"]


def test_the_number_of_queries_does_not_grow_with_the_rows(
    client, offers, make_offer, django_assert_max_num_queries
):
    for n in range(20):
        make_offer(f"Ekstra tilbud {n}", subjects=["dansk"], grades=["2-klasse"])
    with django_assert_max_num_queries(8):
        assert len(read(download(client, "/tilbud/eksport.csv"))) == 22


def test_the_search_page_links_to_its_spreadsheet_and_its_printed_catalogue(client, offers):
    response = client.get("/tilbud/?fag=historie")
    assert 'href="/tilbud/eksport.csv?fag=historie"' in response.text
    assert "Hent som regneark (CSV)" in response.text
    assert 'href="/tilbud/katalog.pdf?fag=historie"' in response.text
    assert "Udskriv som PDF" in response.text


def test_crawlers_are_kept_out_of_the_exports_of_searches(client, db):
    rules = client.get("/robots.txt").content.decode().splitlines()
    assert "Disallow: /tilbud/eksport.csv" in rules
    assert "Disallow: /tilbud/katalog.pdf" in rules


def test_the_export_is_only_read(client, offers):
    assert client.post("/tilbud/eksport.csv").status_code == 405


def test_the_shortlist_downloads_as_the_same_spreadsheet(client, offers):
    data = download(client, "/min-liste/min-liste.csv?tilbud=froeer,sejlads,kladde")
    assert data.startswith("\ufeffTitel;Læringssted;".encode())
    assert [row["Titel"] for row in read(data)] == ["Frøer i mosen", "Sejlads i vikingeskib"]
    page = client.get("/min-liste/?tilbud=froeer,sejlads")
    assert 'href="/min-liste/min-liste.csv?tilbud=froeer,sejlads"' in page.text
