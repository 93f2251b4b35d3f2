"""The extraction pass over one Doc: notes, quotes, cues, sources, then numbered records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from selon.lang import LangResources
from selon.schema.records import Attribution, Note, Source


@dataclass(frozen=True)
class Extraction:
    attributions: tuple[Attribution, ...]
    sources: tuple[Source, ...]
    notes: tuple[Note, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "attributions": [a.to_dict() for a in self.attributions],
            "sources": [s.to_dict() for s in self.sources],
            "notes": [n.to_dict() for n in self.notes],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        return cls(
            tuple(Attribution.from_dict(a) for a in data["attributions"]),
            tuple(Source.from_dict(s) for s in data["sources"]),
            tuple(Note.from_dict(n) for n in data["notes"]),
        )


def extract(doc: Doc, res: LangResources) -> Extraction:
    return Extraction((), (), ())
