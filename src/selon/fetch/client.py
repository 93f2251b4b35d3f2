"""Fetching one URL politely and within bounds, on httpx: every way it can fail is its own `FetchError`.

Redirects are followed here, hop by hop, rather than by httpx, so that each hop's address is checked (a public
page must not redirect into the private network when private addresses are refused), a loop is told from a
long chain, and the limit is ours. The body is read raw and decompressed here with a bound on the output, so a
gzip bomb stops at `max_bytes` of decompressed data instead of filling memory; the whole request, slow drip
included, must end within `timeout` seconds. One `HostPacer` spaces requests to each host by `delay` seconds and
lets one run at a time per host; `record` hears of every request made (URL, status, time), for the store's log.
"""

from __future__ import annotations

import errno
import ipaddress
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Self
from urllib.parse import urljoin, urlsplit

import httpx

from selon.errors import (
    BlockedAddressError,
    ConnectionRefusedFetchError,
    FetchError,
    FetchTimeoutError,
    HostNotFoundError,
    HTTPStatusError,
    PageTooLargeError,
    TooManyRedirectsError,
)

DEFAULT_USER_AGENT = "selon/0.1 (news attribution analysis; +https://pypi.org/project/selon/)"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchOptions:
    """The limits every fetch runs under; one object travels from the command line or server to the client."""

    timeout: float = 20.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = DEFAULT_USER_AGENT
    #: Seconds between two requests to one host (and never two at once to it).
    delay: float = 1.0
    #: False refuses loopback, private, link-local and reserved addresses (the web server's default).
    allow_private: bool = True


@dataclass(frozen=True)
class Fetched:
    """One answer, after redirects: `body` decompressed, `status` 304 for a conditional request that hit."""

    url: str
    final_url: str
    status: int
    body: bytes
    content_type: str | None = None
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    seconds: float = 0.0

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True)
class Request:
    """What `record` is told of each request made (one per redirect hop)."""

    url: str
    status: int | None
    error: str | None
    seconds: float
    bytes: int


Recorder = Callable[[Request], None]


@dataclass
class HostPacer:
    """One request at a time per host, `delay` seconds apart (start to start of the next after an end)."""

    delay: float = 1.0
    _locks: dict[str, threading.Lock] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)
    _guard: threading.Lock = field(default_factory=threading.Lock)

    @contextmanager
    def turn(self, host: str) -> Iterator[None]:
        with self._guard:
            lock = self._locks.setdefault(host, threading.Lock())
        with lock:
            last = self._last.get(host)
            if last is not None:
                wait = last + self.delay - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
            try:
                yield
            finally:
                self._last[host] = time.monotonic()


def is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast
                or ip.is_unspecified)


def check_address(url: str) -> str:
    """The first address the URL's host resolves to; BlockedAddressError when any of them is not public."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80),
                                   type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise HostNotFoundError(f"{url}: the host {host!r} does not resolve ({error}).") from None
    for info in infos:
        address = str(info[4][0])
        if not is_public_address(address):
            raise BlockedAddressError(f"{url}: {host} is {address}, a loopback, private or link-local address.")
    if not infos:
        raise HostNotFoundError(f"{url}: the host {host!r} has no address.")
    return str(infos[0][4][0])


def pinned(url: str, address: str) -> tuple[str, dict[str, str], dict[str, str]]:
    """The request for `url` sent to the checked `address` itself, so that a second DNS answer (rebinding)
    cannot send it elsewhere: the URL with the address as its host, the Host header and TLS's server name."""
    parts = urlsplit(url)
    host = f"[{address}]" if ":" in address else address
    netloc = f"{host}:{parts.port}" if parts.port else host
    return (parts._replace(netloc=netloc).geturl(), {"Host": parts.netloc},
            {"sni_hostname": parts.hostname or ""})


def check_scheme(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url}: not an http:// or https:// URL.", hint="Give a web address such as https://….")


class _Decompressor:
    """Content-Encoding undone with a bound on the output: past `limit` bytes, PageTooLargeError."""

    def __init__(self, encoding: str, limit: int, url: str) -> None:
        encoding = encoding.strip().lower()
        self.url, self.limit, self.size = url, limit, 0
        self.inflater = None if encoding in ("", "identity") else \
            zlib.decompressobj(47 if encoding in ("gzip", "x-gzip") else zlib.MAX_WBITS)
        if encoding not in ("", "identity", "gzip", "x-gzip", "deflate"):
            raise FetchError(f"{url}: the server sent an encoding selon cannot read ({encoding}).")

    def feed(self, data: bytes) -> bytes:
        if self.inflater is None:
            return self._counted(data)
        out = []
        try:
            while data:
                piece = self.inflater.decompress(data, self.limit - self.size + 1)
                out.append(self._counted(piece))
                data = self.inflater.unconsumed_tail
        except zlib.error as error:
            raise FetchError(f"{self.url}: the compressed body is damaged ({error}).") from None
        return b"".join(out)

    def _counted(self, data: bytes) -> bytes:
        self.size += len(data)
        if self.size > self.limit:
            raise PageTooLargeError(f"{self.url}: the page is larger than {self.limit:,} bytes (decompressed).")
        return data


def _translated(url: str, error: httpx.HTTPError) -> FetchError:
    if isinstance(error, httpx.TimeoutException):
        return FetchTimeoutError(f"{url}: no answer in time ({type(error).__name__}).")
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, socket.gaierror):
            return HostNotFoundError(f"{url}: the host does not resolve ({cause}).")
        if isinstance(cause, ConnectionRefusedError) or getattr(cause, "errno", None) == errno.ECONNREFUSED:
            return ConnectionRefusedFetchError(f"{url}: connection refused.")
        cause = cause.__cause__ or cause.__context__
    text = str(error)
    if "Name or service not known" in text or "name resolution" in text or "nodename nor servname" in text:
        return HostNotFoundError(f"{url}: the host does not resolve ({text}).")
    if "Connection refused" in text or "Errno 111" in text:
        return ConnectionRefusedFetchError(f"{url}: connection refused.")
    return FetchError(f"{url}: {type(error).__name__}: {text or 'the connection failed'}.")


class Fetcher:
    """A client for many fetches (connections reused); close it, or use it in a `with`."""

    def __init__(self, options: FetchOptions | None = None, *, record: Recorder | None = None,
                 pacer: HostPacer | None = None) -> None:
        self.options = options or FetchOptions()
        self.record = record
        self.pacer = pacer or HostPacer(self.options.delay)
        # trust_env=False: no proxy from the environment, since the address check must see the real host.
        self.client = httpx.Client(timeout=httpx.Timeout(self.options.timeout), follow_redirects=False,
                                   trust_env=False, headers={"User-Agent": self.options.user_agent,
                                                             "Accept-Encoding": "gzip, deflate"})

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            accept: str = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5") -> Fetched:
        """The answer at `url` after redirects; raises a FetchError (HTTPStatusError for 4xx and 5xx).

        Its message does not repeat `url`, since callers print each failure next to its input; a failure at a
        later hop names that hop."""
        try:
            return self._get(url, etag, last_modified, accept)
        except FetchError as error:
            prefix = f"{url}: "
            error.message = error.message.removeprefix(prefix) if error.message.startswith(prefix) \
                else f"at {error.message}"
            error.args = (error.message,)
            raise

    def _get(self, url: str, etag: str | None, last_modified: str | None, accept: str) -> Fetched:
        check_scheme(url)
        started = time.monotonic()
        seen = [url]
        current = url
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for _ in range(self.options.max_redirects + 1):
            result = self._one(current, headers, started)
            if isinstance(result, Fetched):
                return Fetched(url, result.final_url, result.status, result.body, result.content_type,
                               result.charset, result.etag, result.last_modified, time.monotonic() - started)
            target = urljoin(current, result)
            check_scheme(target)
            if target in seen:
                chain = " → ".join([*seen[seen.index(target):], target])
                raise TooManyRedirectsError(f"{url}: redirect loop ({chain}).")
            seen.append(target)
            current = target
        raise TooManyRedirectsError(f"{url}: more than {self.options.max_redirects} redirects "
                                    f"(last: {current}).")

    def _one(self, url: str, headers: dict[str, str], started: float) -> Fetched | str:
        """One request: the answer, or the Location of a redirect."""
        target: str = url
        extensions: dict[str, str] = {}
        if not self.options.allow_private:
            target, host_header, extensions = pinned(url, check_address(url))
            headers = {**headers, **host_header}
        host = urlsplit(url).netloc.lower()
        status: int | None = None
        size = 0
        error: FetchError | None = None
        begun = time.monotonic()
        with self.pacer.turn(host):
            try:
                with self.client.stream("GET", target, headers=headers, extensions=extensions) as response:
                    status = response.status_code
                    if status in REDIRECTS and response.headers.get("location"):
                        return response.headers["location"]
                    if status == 304:
                        return self._answer(url, response, b"")
                    if status >= 400 or status < 200:
                        refused = HTTPStatusError(f"{url}: the server answered {status} "
                                                  f"{response.reason_phrase or ''}".rstrip() + ".")
                        refused.status = status
                        raise refused
                    body = self._body(url, response, started)
                    size = len(body)
                    return self._answer(url, response, body)
            except FetchError as failure:
                error = failure
                raise
            except httpx.HTTPError as failure:
                error = _translated(url, failure)
                raise error from None
            finally:
                if self.record is not None:
                    self.record(Request(url, status, error.code if error else None,
                                        time.monotonic() - begun, size))

    def _body(self, url: str, response: httpx.Response, started: float) -> bytes:
        limit = self.options.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise PageTooLargeError(f"{url}: the page is {int(declared):,} bytes, over the limit of {limit:,}.")
        inflate = _Decompressor(response.headers.get("content-encoding", ""), limit, url)
        parts: list[bytes] = []
        raw = 0
        for chunk in response.iter_raw(_CHUNK):
            raw += len(chunk)
            if raw > limit:
                raise PageTooLargeError(f"{url}: the page is larger than {limit:,} bytes.")
            parts.append(inflate.feed(chunk))
            if time.monotonic() - started > self.options.timeout:
                raise FetchTimeoutError(f"{url}: the page took more than {self.options.timeout:g} s to arrive.")
        return b"".join(parts)

    @staticmethod
    def _answer(url: str, response: httpx.Response, body: bytes) -> Fetched:
        content_type = response.headers.get("content-type")
        media, charset = parse_content_type(content_type)
        return Fetched(url, url, response.status_code, body, media, charset, response.headers.get("etag"),
                       response.headers.get("last-modified"))


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """`text/html; charset=UTF-8` as ("text/html", "UTF-8")."""
    if not value:
        return None, None
    media, _, rest = value.partition(";")
    charset = None
    for parameter in rest.split(";"):
        name, _, val = parameter.partition("=")
        if name.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")
    return media.strip().lower() or None, charset
