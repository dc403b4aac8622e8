"""In a real browser: a municipality's web site (another origin on loopback, served by a tiny http.server)
pastes the embed snippet from the back office; the selection shows, the iframe follows its content's
height, offers open in a new tab, and a site that is not listed gets nothing."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from municipalities.models import MunicipalSite
from portal.embedding import snippet
from tests.conftest import axe_check

LISTED_PORT, UNLISTED_PORT = 8311, 8312  # this worktree's ports


@contextmanager
def municipal_web_site(port: int, body: str) -> Iterator[str]:
    """A web site of its own at http://127.0.0.1:<port>/ whose one page holds ``body``."""
    page = (
        f'<!DOCTYPE html><html lang="da"><head><title>Lejre Kommune</title></head><body>{body}</body></html>'
    )

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            content = page.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def site(lejre, make_offer):
    make_offer("Vikingetid på egen krop", key="vikingetid", subjects=["historie"], grades=["4-klasse"])
    for n in range(6):
        make_offer(f"Fjordens liv {n}", subjects=["biologi"], grades=["6-klasse"])
    return MunicipalSite.objects.create(
        municipality=lejre,
        title="Åben skole i Lejre",
        published=True,
        embed_origins=[f"http://127.0.0.1:{LISTED_PORT}"],
    )


def frame_height(page) -> float:
    return page.locator("iframe[data-aabenskole-embed]").evaluate(
        "frame => frame.getBoundingClientRect().height"
    )


def content_height(frame) -> float:
    return frame.evaluate("() => Math.ceil(document.documentElement.getBoundingClientRect().height)")


@pytest.mark.browser
def test_a_listed_site_shows_the_embed_which_fits_its_content_and_opens_offers_in_a_new_tab(
    page, live_server, site
):
    code = snippet(live_server.url, "/indlejr/kommuner/lejre/", site.title)
    with municipal_web_site(LISTED_PORT, f"<h1>Skoler i Lejre</h1>{code}") as address:
        page.goto(address)
        embed = page.frame_locator("iframe[data-aabenskole-embed]")
        embed.get_by_role("heading", name="Tilbud i Lejre").wait_for()
        frame = next(f for f in page.frames if "/indlejr/kommuner/lejre/" in f.url)

        # The iframe takes the height of its content (7 offers), not the snippet's 40rem.
        page.wait_for_function(
            "() => document.querySelector('iframe[data-aabenskole-embed]').style.height !== ''"
        )
        assert abs(frame_height(page) - content_height(frame)) <= 1
        tall = frame_height(page)

        # Narrowing the search inside the frame shrinks it.
        embed.locator("summary", has_text="Fag").click()
        embed.get_by_role("link", name="Historie").click()
        embed.get_by_role("heading", name="1 tilbud").wait_for()
        page.wait_for_function(
            f"() => document.querySelector('iframe[data-aabenskole-embed]').getBoundingClientRect().height < {tall}"
        )
        assert abs(frame_height(page) - content_height(frame)) <= 1

        # Only the portal may size the frame: a message from anywhere else is ignored.
        before = frame_height(page)
        page.evaluate("() => window.postMessage({type: 'aabenskole:height', height: 5}, '*')")
        page.wait_for_timeout(200)
        assert frame_height(page) == before

        assert page.context.cookies(live_server.url) == []  # the embed set none

        # The offer opens on the portal, in a new tab.
        with page.context.expect_page() as opened:
            embed.get_by_role("link", name="Vikingetid på egen krop (åbner i en ny fane)", exact=True).click()
        offer_page = opened.value
        offer_page.wait_for_load_state()
        assert offer_page.url == f"{live_server.url}/tilbud/vikingetid/"
        assert page.url == address

    page.goto(f"{live_server.url}/indlejr/kommuner/lejre/")  # the embed page alone, for axe
    axe_check(page)


@pytest.mark.browser
def test_a_site_that_is_not_listed_cannot_show_the_embed(page, live_server, site):
    code = snippet(live_server.url, "/indlejr/kommuner/lejre/", site.title)
    with municipal_web_site(UNLISTED_PORT, code) as address:
        with page.expect_response(lambda r: "/indlejr/kommuner/lejre/" in r.url) as answered:
            page.goto(address)
        assert answered.value.status == 200  # the portal answered, but the browser refused to show it
        page.wait_for_timeout(500)
        frame = page.locator("iframe[data-aabenskole-embed]").content_frame
        assert frame.get_by_text("Vikingetid på egen krop").count() == 0
        assert (
            page.locator("iframe[data-aabenskole-embed]").evaluate("frame => frame.style.height") == "40rem"
        )
