"""robots.txt, read once per host and run, as RFC 9309 says: a missing one (4xx) allows everything, one that
cannot be had (5xx, no answer) forbids everything for now, so a site in trouble is left alone."""

from __future__ import annotations

from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from selon.errors import FetchError, HTTPStatusError, RobotsDisallowedError
from selon.fetch.client import Fetcher

#: A robots.txt longer than this is read up to here (Google's limit is 500 KiB).
MAX_ROBOTS_BYTES = 512 * 1024


class Robots:
    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher
        self.agent = fetcher.options.user_agent.split("/", 1)[0]
        self._rules: dict[str, RobotFileParser | str] = {}

    def check(self, url: str) -> None:
        """Raises RobotsDisallowedError when the host's robots.txt forbids `url` to selon's user agent."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        rules = self._rules.get(origin)
        if rules is None:
            rules = self._rules[origin] = self._load(origin)
        if isinstance(rules, str):
            raise RobotsDisallowedError(f"{rules}.")
        if not rules.can_fetch(self.agent, url):
            raise RobotsDisallowedError(f"forbidden by {origin}/robots.txt.")

    def _load(self, origin: str) -> RobotFileParser | str:
        parser = RobotFileParser(f"{origin}/robots.txt")
        try:
            fetched = self.fetcher.get(f"{origin}/robots.txt", accept="text/plain")
        except HTTPStatusError as error:
            if error.status is not None and 400 <= error.status < 500:
                parser.parse([])
                return parser
            return f"{origin}/robots.txt could not be read ({error.message.split(': ', 1)[-1].rstrip('.')})"
        except FetchError as error:
            return f"{origin}/robots.txt could not be read ({error.code})"
        parser.parse(fetched.body[:MAX_ROBOTS_BYTES].decode("utf-8", "replace").splitlines())
        return parser
