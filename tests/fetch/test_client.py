"""The fetcher against the local site: each misbehaving answer gets its own error, good pages come back whole."""

from __future__ import annotations

import socket
import time
from itertools import pairwise

import pytest

from selon.errors import (
    BlockedAddressError,
    ConnectionRefusedFetchError,
    FetchError,
    FetchTimeoutError,
    HostNotFoundError,
    HTTPStatusError,
    NotHTMLError,
    PageTooLargeError,
    TooManyRedirectsError,
)
from selon.fetch import Fetcher, FetchOptions, fetch_page
from selon.fetch.client import HostPacer, Request, is_public_address
from selon.fetch.page import decode_page
from tests.fetch.server import Site, article, html, misbehaving

LIMIT = 64 * 1024
OPTIONS = FetchOptions(timeout=1.5, max_bytes=LIMIT, max_redirects=5, delay=0.0, user_agent="selon-test/1")


@pytest.fixture
def bad_site(site: Site) -> Site:
    misbehaving(site, limit=LIMIT)
    site.routes["/ok"] = html(article(1))
    return site


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize(("path", "error", "words"), [
    ("/404", HTTPStatusError, "404"),
    ("/500", HTTPStatusError, "500"),
    ("/slow", FetchTimeoutError, "in time"),
    ("/loop/a", TooManyRedirectsError, "loop"),
    ("/chain/0", TooManyRedirectsError, "more than 5 redirects"),
    ("/big", PageTooLargeError, "over the limit"),
    ("/pdf", NotHTMLError, "application/pdf"),
    ("/bomb", PageTooLargeError, "decompressed"),
])
def test_each_misbehaving_answer_fails_with_its_own_error(bad_site: Site, path: str, error: type[FetchError],
                                                          words: str) -> None:
    started = time.monotonic()
    with pytest.raises(error) as caught:
        fetch_page(bad_site.url(path), OPTIONS)
    assert words in str(caught.value) and caught.value.code.startswith("E07")
    assert type(caught.value) is error
    assert time.monotonic() - started < 5


def test_the_error_classes_have_distinct_codes_and_exit_statuses() -> None:
    classes = [HostNotFoundError, ConnectionRefusedFetchError, FetchTimeoutError, HTTPStatusError, NotHTMLError,
               PageTooLargeError, TooManyRedirectsError, BlockedAddressError]
    assert len({c.code for c in classes}) == len({c.exit_status for c in classes}) == len(classes)


def test_a_refused_connection_and_an_unknown_host_are_told_apart() -> None:
    with pytest.raises(ConnectionRefusedFetchError):
        fetch_page(f"http://127.0.0.1:{_free_port()}/x", OPTIONS)
    with pytest.raises(HostNotFoundError):
        fetch_page("http://no-such-host.invalid/x", OPTIONS)


def test_a_gzipped_page_and_its_metadata_come_back_whole(bad_site: Site) -> None:
    page = fetch_page(bad_site.url("/gzipped"), OPTIONS)
    assert "Ministre 7|person|assert" in page.html and page.final_url == bad_site.url("/gzipped")


def test_redirects_within_the_limit_are_followed_and_the_final_url_kept(bad_site: Site) -> None:
    bad_site.routes["/chain/50"] = html(article(2))
    page = fetch_page(bad_site.url("/chain/46"), OPTIONS)  # four hops, within the limit of five
    assert page.url == bad_site.url("/chain/46") and page.final_url == bad_site.url("/chain/50")
    assert "Ministre 2|" in page.html


@pytest.mark.parametrize(("path", "warning"), [("/lies-utf8", "do not fit"), ("/lies-latin1", "is UTF-8")])
def test_a_declared_charset_that_lies_is_not_believed(bad_site: Site, path: str, warning: str) -> None:
    page = fetch_page(bad_site.url(path), OPTIONS)
    assert "Le député a déclaré que l'été" in page.html
    assert any(warning in w for w in page.warnings), page.warnings


def test_the_charset_of_the_page_is_used_when_http_gives_none() -> None:
    body = "<html><head><meta charset='windows-1252'></head><body>“Oui”, a-t-il dit</body></html>"
    text, warnings = decode_page(body.encode("cp1252"), None)
    assert "“Oui”" in text and not warnings


def test_the_user_agent_is_sent(bad_site: Site) -> None:
    fetch_page(bad_site.url("/ok"), OPTIONS)
    assert bad_site.hits[-1].headers["user-agent"] == "selon-test/1"


def test_every_request_is_recorded_with_its_status(bad_site: Site) -> None:
    heard: list[Request] = []
    with Fetcher(OPTIONS, record=heard.append) as fetcher:
        fetcher.get(bad_site.url("/ok"))
        with pytest.raises(TooManyRedirectsError):
            fetcher.get(bad_site.url("/loop/a"))
    assert [(r.url.removeprefix(bad_site.base), r.status) for r in heard] == [
        ("/ok", 200), ("/loop/a", 302), ("/loop/b", 302)]
    assert heard[0].bytes == len(article(1))


def test_private_addresses_are_refused_when_asked() -> None:
    assert not is_public_address("127.0.0.1") and not is_public_address("10.1.2.3")
    assert not is_public_address("169.254.169.254") and not is_public_address("::1")
    assert not is_public_address("::ffff:192.168.0.1") and is_public_address("93.184.216.34")
    with pytest.raises(BlockedAddressError):
        fetch_page("http://127.0.0.1:9/x", FetchOptions(allow_private=False))
    with pytest.raises(BlockedAddressError):
        fetch_page("http://localhost:9/x", FetchOptions(allow_private=False))


def test_a_redirect_into_the_private_network_is_refused(bad_site: Site) -> None:
    """A public page redirecting to 127.0.0.1 is checked at the hop: here the first hop is already local."""
    with pytest.raises(BlockedAddressError):
        fetch_page(bad_site.url("/loop/a"), FetchOptions(allow_private=False))
    assert bad_site.hits == []


def test_only_http_urls_are_fetched() -> None:
    with pytest.raises(FetchError, match="not an http"):
        fetch_page("file:///etc/passwd", OPTIONS)


def test_requests_to_one_host_are_spaced_by_the_delay(bad_site: Site) -> None:
    pacer = HostPacer(0.3)
    with Fetcher(OPTIONS, pacer=pacer) as fetcher:
        for _ in range(3):
            fetcher.get(bad_site.url("/ok"))
    times = [hit.at for hit in bad_site.hits]
    assert all(b - a >= 0.29 for a, b in pairwise(times)), times


def test_a_checked_address_is_the_one_connected_to(bad_site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """DNS rebinding: the request goes to the address that was checked, whatever a second lookup would say."""
    from selon.fetch import client

    checked: list[str] = []

    def resolve(url: str) -> str:
        checked.append(url)
        return "127.0.0.1"  # as if the name resolved to a public address once

    monkeypatch.setattr(client, "check_address", resolve)
    port = bad_site.server.server_address[1]
    page = fetch_page(f"http://news.invalid:{port}/ok", FetchOptions(allow_private=False, delay=0))
    assert "Ministre 1|" in page.html and checked == [f"http://news.invalid:{port}/ok"]
    assert bad_site.hits[-1].headers["host"] == f"news.invalid:{port}"
    assert client.pinned("https://example.org:8443/a?b=1", "2001:db8::1") == (
        "https://[2001:db8::1]:8443/a?b=1", {"Host": "example.org:8443"}, {"sni_hostname": "example.org"})


def test_a_message_names_the_hop_that_failed_but_not_the_url_asked_for(bad_site: Site) -> None:
    """Callers print each failure beside its input, so the URL asked for is not repeated; a later hop is."""
    from tests.fetch.server import redirect

    bad_site.routes["/moved"] = redirect("/404")
    with pytest.raises(HTTPStatusError) as direct:
        fetch_page(bad_site.url("/404"), OPTIONS)
    with pytest.raises(HTTPStatusError) as moved:
        fetch_page(bad_site.url("/moved"), OPTIONS)
    assert direct.value.message == "the server answered 404 Not Found."
    assert moved.value.message == f"at {bad_site.url('/404')}: the server answered 404 Not Found."
    assert direct.value.status == moved.value.status == 404
