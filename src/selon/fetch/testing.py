"""A slow scripted watch, for the test that kills one with SIGKILL mid-round and restarts it:
`python -m selon.fetch.testing DB DELAY ROUNDS SOURCE...` (the scripted analyzer of `selon.corpus.testing`
sleeping DELAY seconds per article, so that a kill lands between a fetch and its store)."""

from __future__ import annotations

import sys
from functools import partial


def _main(argv: list[str]) -> int:
    from selon.corpus.ingest import IngestOptions
    from selon.corpus.testing import scripted_analyzer
    from selon.fetch.client import FetchOptions
    from selon.fetch.crawl import CrawlOptions
    from selon.fetch.watch import watch
    from selon.store import open_store

    db, delay, rounds, *sources = argv
    options = CrawlOptions(FetchOptions(timeout=5, delay=0.0))
    ingest = IngestOptions(lang="fr", analyzer=partial(scripted_analyzer, delay=float(delay)), batch_size=1)
    with open_store(db) as store:
        done = watch(store, sources, 0.2, options=options, ingest_options=ingest, rounds=int(rounds))
    print(f"{done} rounds")
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
