"""Printed outputs: HTML templates laid out as PDF by WeasyPrint, and QR codes (segno) to put in them.

WeasyPrint never fetches anything: the print style sheet is read from the static files on disk and the only
URLs it may open are ``data:`` URLs (the QR codes), so a rendering cannot reach the network or the file
system through a link in an offer's text. Fonts come from the system (Debian's fonts-dejavu-core; see
.ci/run for the packages WeasyPrint needs).
"""

from __future__ import annotations

import base64
import hashlib
import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from PIL import Image
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

from portal.errors import ServiceBusy

PRINT_STYLESHEET = "css/print.css"
# A slot frees itself after this long even if the worker holding it died mid-layout.
PRINT_SLOT_SECONDS = 120


def render_pdf(request: HttpRequest, template_name: str, context: dict) -> bytes:
    """The template rendered with ``context`` and laid out on A4 pages with the print style sheet, in one of
    the portal's print slots (``print_slot``)."""
    html = render_to_string(template_name, context, request=request)
    stylesheet = CSS(string=_read_static(PRINT_STYLESHEET))
    fetcher = URLFetcher(allowed_protocols={"data"})
    document = HTML(string=html, base_url=request.build_absolute_uri("/"), url_fetcher=fetcher)
    with print_slot():
        return document.write_pdf(stylesheets=[stylesheet])


@contextmanager
def print_slot() -> Iterator[None]:
    """One of ``settings.PORTAL_PRINT_SLOTS`` layouts that may run at once on all servers (slots are kept in
    the shared cache). A catalogue takes seconds of CPU and anyone can ask for a new search's catalogue, so
    when every slot is taken the request gets ServiceBusy (a 503 with Retry-After) rather than a worker."""
    for number in range(settings.PORTAL_PRINT_SLOTS):
        key = f"portal.pdf.slot.{number}"
        if cache.add(key, True, PRINT_SLOT_SECONDS):
            try:
                yield
            finally:
                cache.delete(key)
            return
    raise ServiceBusy("every print slot is taken")


def pdf_response(data: bytes, filename: str) -> HttpResponse:
    """A PDF shown in the browser (inline), saved under ``filename`` when downloaded."""
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


QR_CACHE_SECONDS = 30 * 24 * 60 * 60  # an address's code never changes; the timeout only frees space


def qr_data_uri(url: str) -> str:
    """A QR code for ``url`` (see ``qr_data_uris``)."""
    return qr_data_uris([url])[url]


def qr_data_uris(urls: Iterable[str]) -> dict[str, str]:
    """A QR code for each of ``urls`` as a PNG data URI with one pixel per module and a quiet zone of four.

    Print it with ``image-rendering: pixelated`` at about 2 cm so the modules stay sharp. Choosing the mask
    is segno's slow part (about 10 ms a code, 3 s for a catalogue of 300 offers), and an address's code
    never changes: codes are kept in the shared cache (every worker, every catalogue version; one round
    trip for all of a catalogue's codes) and made only for addresses never printed before.
    """
    urls = list(dict.fromkeys(urls))
    keys = {url: "portal.pdf.qr." + hashlib.sha256(url.encode()).hexdigest() for url in urls}
    found = cache.get_many(keys.values())
    codes = {url: found[key] for url, key in keys.items() if key in found}
    made = {url: _qr_png(url) for url in urls if url not in codes}
    if made:
        cache.set_many({keys[url]: code for url, code in made.items()}, QR_CACHE_SECONDS)
    return codes | made


def _qr_png(url: str) -> str:
    """A greyscale PNG (8 bits a pixel): WeasyPrint embeds it as it is, where segno's 1-bit PNG would be
    converted to RGB and encoded twice (a sixth smaller catalogue, fewer CPU seconds)."""
    code = segno.make(url, error="m", micro=False)
    size = code.symbol_size(scale=1, border=4)[0]
    pixels = bytes(0 if dark else 255 for row in code.matrix_iter(scale=1, border=4) for dark in row)
    buffer = io.BytesIO()
    Image.frombytes("L", (size, size), pixels).save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _read_static(path: str) -> str:
    found = finders.find(path)
    if not found:
        raise FileNotFoundError(path)
    with open(found, encoding="utf-8") as file:
        return file.read()
