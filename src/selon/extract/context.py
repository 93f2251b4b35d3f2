"""What every extraction rule needs to know about one Doc, computed once: quotes, paragraphs, set-aside text."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span, Token

from selon.extract.notes import paragraphs
from selon.extract.quotes import Quote, find_quotes
from selon.lang import LangResources
from selon.schema.records import Note

#: A quote counts as a statement of its own from this many words; shorter ones are terms or scare quotes.
SUBSTANTIAL_WORDS = 4
#: A line of at most this many words with no sentence-final punctuation is a title or a subheading.
_HEADING_WORDS = 14
_FINAL = tuple(".!?…:;")
_CLOSERS = "»”\"’)]*"


@dataclass
class Context:
    doc: Doc
    res: LangResources
    quotes: list[Quote]
    boilerplate: list[Note]
    #: `Doc.text` and `Doc.ents` are rebuilt from the tokens at every access: read them once.
    text: str = ""
    ents: tuple[Span, ...] = ()
    _paragraph_starts: list[int] = field(default_factory=list)
    _paragraph_ends: list[int] = field(default_factory=list)
    _token_ends: list[int] = field(default_factory=list)  # character offset one past each token

    @classmethod
    def build(cls, doc: Doc, res: LangResources, boilerplate: list[Note], text: str | None = None) -> Context:
        text = doc.text if text is None else text
        quotes = [q for q in find_quotes(text) if not _inside_any(q.start, q.end, boilerplate)]
        spans = list(paragraphs(text))
        offsets = doc.to_array([IDX, LENGTH])  # in C: a Python loop over the tokens is slow
        # summed in numpy too: iterating over the array's rows costs more than the rest of the context
        ends = (offsets[:, 0] + offsets[:, 1]).tolist() if len(doc) else []
        return cls(doc, res, quotes, boilerplate, text, tuple(doc.ents), _paragraph_starts=[s for s, _ in spans],
                   _paragraph_ends=[e for _, e in spans], _token_ends=ends)

    def paragraph_of(self, char: int) -> int:
        return bisect_right(self._paragraph_starts, char) - 1

    def paragraph_start_of(self, index: int) -> int:
        return self._paragraph_starts[index] if 0 <= index < len(self._paragraph_starts) else 0

    def paragraph_start(self, char: int) -> int:
        index = self.paragraph_of(char)
        return self._paragraph_starts[index] if index >= 0 else 0

    def in_heading(self, char: int) -> bool:
        """Whether `char` is in a title or subheading line: a short line that ends no sentence. A name there
        ("Rima Dupont « indignée »") is the topic of what follows, not the last person who spoke."""
        index = self.paragraph_of(char)
        if index < 0:
            return False
        line = self.text[self._paragraph_starts[index] : self._paragraph_ends[index]].rstrip(_CLOSERS + " ")
        return len(line.split()) <= _HEADING_WORDS and not line.endswith(_FINAL)

    def in_boilerplate(self, start: int, end: int) -> bool:
        return _inside_any(start, end, self.boilerplate)

    def quote_at(self, char: int) -> Quote | None:
        """The quote whose marks enclose `char`, if any."""
        for quote in self.quotes:
            if quote.start <= char < quote.end:
                return quote
            if quote.start > char:
                break
        return None

    def tokens(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def words(self, start: int, end: int) -> int:
        return len(self.text[start:end].split())

    def is_substantial(self, quote: Quote) -> bool:
        text = self.text[quote.inner_start : quote.inner_end]
        return len(text.split()) >= SUBSTANTIAL_WORDS or text.rstrip().endswith(tuple(".!?…"))

    def token_at(self, char: int) -> Token:
        """The token covering `char`, or the first one after it (for a space)."""
        index = bisect_right(self._token_ends, char)
        return self.doc[min(index, len(self.doc) - 1)]


def _inside_any(start: int, end: int, notes: list[Note]) -> bool:
    return any(n.start < end and start < n.end for n in notes)
