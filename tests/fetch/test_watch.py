"""`selon watch`: a watch killed with SIGKILL mid-round and restarted fetches no article twice and loses none;
Ctrl-C (SIGINT) stops the command cleanly; the interval parses."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from selon.errors import SelonError
from selon.fetch.watch import parse_every
from selon.store import open_store
from tests.fetch.server import Site, article, html, rss, with_validators

ARTICLES = [f"/live/{n}.html" for n in range(1, 13)]


def _stored(db_url: str) -> int:
    try:
        with open_store(db_url, mode="read") as store:
            return int(store.scalar("SELECT COUNT(*) FROM articles"))
    except SelonError:  # not created yet
        return 0


def _waiting(db_url: str) -> int:
    """Pages fetched and kept in the queue whose article is not stored yet."""
    try:
        with open_store(db_url, mode="read") as store:
            return int(store.scalar("SELECT COUNT(*) FROM fetch_queue WHERE state = 'fetched' AND body IS NOT NULL "
                                    "AND url NOT IN (SELECT key FROM inputs)"))
    except SelonError:
        return 0


def _run(db_url: str, site: Site, rounds: int, delay: float) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "selon.fetch.testing", db_url, str(delay), str(rounds), site.url("/feed.rss")]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_a_watch_killed_mid_round_resumes_without_fetching_twice_or_losing_an_article(db_url: str,
                                                                                      site: Site) -> None:
    for n, path in enumerate(ARTICLES, 1):
        site.routes[path] = html(article(n))
    site.routes["/feed.rss"] = with_validators(rss(site, ARTICLES), "application/rss+xml", '"v1"')
    process = _run(db_url, site, 1000, 1.0)
    try:
        deadline = time.monotonic() + 90
        # Killed while an article is analysed (a second each): fetched and kept, not yet stored.
        while not (_stored(db_url) >= 3 and _waiting(db_url) == 1) and time.monotonic() < deadline \
                and process.poll() is None:
            time.sleep(0.02)
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
    first = _stored(db_url)
    assert 3 <= first < len(ARTICLES), (first, site.paths())
    assert _waiting(db_url) == 1, (first, site.paths())  # the kill's victim, waiting in the queue
    again = _run(db_url, site, 1, 0.0)
    assert again.wait(120) == 0, again.stderr.read() if again.stderr else ""
    assert _stored(db_url) == len(ARTICLES)
    twice = [p for p in ARTICLES if site.count(p) != 1]
    assert not twice, f"fetched other than once: {twice}"
    feeds = [h for h in site.hits if h.path == "/feed.rss"]
    assert feeds[-1].headers.get("if-none-match") == '"v1"'  # the restart's feed answered 304: links were kept
    with open_store(db_url) as store:
        assert store.scalar("SELECT COUNT(*) FROM fetch_log WHERE url LIKE ?", ("%/live/%",)) == len(ARTICLES)


def test_ctrl_c_stops_selon_watch_cleanly(site: Site, tmp_path: Path) -> None:
    site.routes["/feed.rss"] = with_validators(rss(site, []), "application/rss+xml", '"v1"')
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# my feeds\n{site.url('/feed.rss')}\n")
    command = [sys.executable, "-c", "from selon.cli.main import run; run()", "watch", str(feeds), "--every", "1s", "--delay", "0",
               "--db", str(tmp_path / "s.db")]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while site.count("/feed.rss") < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "watch stopped" in err and "Traceback" not in err
    assert "rounds" in out


@pytest.mark.parametrize(("text", "seconds"), [("15m", 900), ("90s", 90), ("1h", 3600), ("2.5", 2.5)])
def test_the_interval_reads_minutes_seconds_and_hours(text: str, seconds: float) -> None:
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "0", "-5m"])
def test_a_bad_interval_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_every(text)
