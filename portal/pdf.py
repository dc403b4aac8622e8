"""Printed outputs: HTML templates laid out as PDF by WeasyPrint, and QR codes (segno) to put in them.

WeasyPrint never fetches anything: the print style sheet is read from the static files on disk and the only
URLs it may open are ``data:`` URLs (the QR codes), so a rendering cannot reach the network or the file
system through a link in an offer's text. Fonts come from the system (Debian's fonts-dejavu-core; see
.ci/run for the packages WeasyPrint needs).
"""

from __future__ import annotations

import base64
import io
from functools import lru_cache

import segno
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

PRINT_STYLESHEET = "css/print.css"


def render_pdf(request: HttpRequest, template_name: str, context: dict) -> bytes:
    """The template rendered with ``context`` and laid out on A4 pages with the print style sheet."""
    html = render_to_string(template_name, context, request=request)
    stylesheet = CSS(string=_read_static(PRINT_STYLESHEET))
    fetcher = URLFetcher(allowed_protocols={"data"})
    document = HTML(string=html, base_url=request.build_absolute_uri("/"), url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[stylesheet])


def pdf_response(data: bytes, filename: str) -> HttpResponse:
    """A PDF shown in the browser (inline), saved under ``filename`` when downloaded."""
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@lru_cache(maxsize=4096)
def qr_data_uri(url: str) -> str:
    """A QR code for ``url`` as a PNG data URI with one pixel per module and a quiet zone of four.

    Print it with ``image-rendering: pixelated`` at about 2 cm so the modules stay sharp. Choosing the mask
    is segno's slow part (about 10 ms a code), so codes are remembered per process: an address's code never
    changes.
    """
    code = segno.make(url, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=1, border=4)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _read_static(path: str) -> str:
    found = finders.find(path)
    if not found:
        raise FileNotFoundError(path)
    with open(found, encoding="utf-8") as file:
        return file.read()
