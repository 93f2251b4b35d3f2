"""spaCy's worker processes end with their parent, even when it is killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

#: A parent that runs selon's first component in two worker processes, prints the workers' pids once they have
#: parsed some text, then waits for more input for ever, as an ingest reading a slow crawl would.
PARENT = textwrap.dedent("""
    import multiprocessing, sys, time
    import spacy
    import selon.nlp.component  # registers the components

    def texts():
        for i in range(40):
            yield f"Paragraphe {i}.\\nUn autre."
        print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
        while True:
            time.sleep(1)
        yield ""

    nlp = spacy.blank("fr")
    nlp.add_pipe("selon_paragraph_breaks")
    for _ in nlp.pipe(texts(), n_process=2, batch_size=4):
        pass
""")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie waits only for its reaper
        return stat.read().split(") ", 1)[1][0] != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_exit_within_seconds_when_their_parent_is_killed() -> None:
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert parent.stdout is not None
        workers = [int(pid) for pid in parent.stdout.readline().split()]
        assert len(workers) == 2, parent.stderr.read() if parent.stderr else ""
        assert all(_alive(pid) for pid in workers)
    finally:
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if _alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert left == [], "workers outlived their parent by more than 5 s"
