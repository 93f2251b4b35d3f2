"""The attribution layer as a registered spaCy component, so `nlp.pipe(n_process=N)` runs it in every worker.

The component stores its result on the Doc as a plain `selon/1` fragment (lists of dicts), because docs come
back from worker processes through msgpack, which knows nothing of our records.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from selon import lang as languages
from selon.extract.assemble import extract

if not Doc.has_extension("selon"):
    Doc.set_extension("selon", default=None)


#: The process whose parent is watched (None: none yet); a forked child inherits the value and sees a pid of its own.
_watched_by: int | None = None


def exit_with_parent() -> None:
    """In a worker process (`nlp.pipe(n_process=N)` runs the components in `multiprocessing` children), end the
    worker as soon as its parent dies: a parent killed with SIGKILL cannot stop its workers, which would wait on
    their queues for more text. A daemon thread waits on the parent's sentinel (a pipe that closes when the
    parent exits), so it costs nothing while the parent lives. Does nothing in a process without a parent."""
    global _watched_by
    if _watched_by == os.getpid():
        return
    _watched_by = os.getpid()
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def wait() -> None:
        parent.join()
        os._exit(1)

    threading.Thread(target=wait, name="selon-exit-with-parent", daemon=True).start()


class AttributionComponent:
    """Finds attributions, sources and notes in a parsed Doc (the find step) and writes them on it."""

    def __init__(self, nlp: Language, name: str, lang: str) -> None:
        self.name = name
        self.resources = languages.load(lang)

    def __call__(self, doc: Doc) -> Doc:
        exit_with_parent()
        found = extract(doc, self.resources)
        doc._.selon = found.to_dict()
        return doc


@Language.factory("selon_attributions", default_config={"lang": "fr"})
def make_attribution_component(nlp: Language, name: str, lang: str) -> AttributionComponent:
    return AttributionComponent(nlp, name, lang)


@Language.component("selon_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: news text puts one paragraph on a line, and a parse that runs across two
    paragraphs attaches one paragraph's statement to the other's reporting verb. Runs before the parser, which
    keeps boundaries set beforehand. Being the first component, it is also where a worker starts watching its
    parent (`exit_with_parent`)."""
    exit_with_parent()
    after_break = False  # whether the previous token holds a line break (one pass: tokens are costly objects)
    for token in doc:
        if after_break and not token.is_space:
            token.is_sent_start = True
        after_break = "\n" in token.text
    return doc


def result_of(doc: Doc) -> dict[str, Any]:
    found = doc._.selon
    if found is None:
        raise ValueError("this Doc did not go through the selon_attributions component")
    return dict(found)
