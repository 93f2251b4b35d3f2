"""A story's claims, kept between requests in the process that asked (the web server, a `Corpus` user).

Claims and origins are worked out from a story's attributions when asked (`selon.corpus.story_queries`);
the story page, the stories list (its claim counts) and `claims --source` ask again and again for the same
stories. The cache key is the story's appearances themselves, in publication order: every field the claim and
origin rules read. So nothing has to remember to invalidate it: a story that gains an article, loses one
(deleted), or whose article is analysed again has other appearances, misses, and is clustered again; the old
entry ages out. Two stores with the same appearances share an entry, rightly: the result depends on nothing
else. Bounded by the appearances it holds (least recently used out first); a lock keeps threads apart.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from selon.corpus.claims import Appearance

T = TypeVar("T")
#: Appearances held across all cached stories: about 1 KB each with their claims and origins.
CAPACITY = 200_000

Key = tuple[Appearance, ...]


def key_of(appearances: Sequence[Appearance]) -> Key:
    """The appearances in publication order: what the claims of a story depend on, and nothing else."""
    return tuple(sorted(appearances, key=lambda a: a.order))


@dataclass
class Counts:
    hits: int = 0
    misses: int = 0


class ClaimCache(Generic[T]):
    def __init__(self, capacity: int = CAPACITY) -> None:
        self.capacity = capacity
        self.counts = Counts()
        self._entries: OrderedDict[Key, T] = OrderedDict()
        self._held = 0
        self._lock = threading.Lock()

    def get(self, key: Key, compute: Callable[[], T]) -> T:
        """The cached value for `key`, or `compute()`'s, kept (unless the story alone outgrows the cache)."""
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                self.counts.hits += 1
                return self._entries[key]
            self.counts.misses += 1
        value = compute()  # outside the lock: other stories are served meanwhile
        with self._lock:
            if key not in self._entries and len(key) <= self.capacity:
                self._entries[key] = value
                self._held += len(key)
                while self._held > self.capacity:
                    old, _ = self._entries.popitem(last=False)
                    self._held -= len(old)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._held = 0
            self.counts = Counts()
