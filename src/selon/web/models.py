"""The HTTP API's request and response shapes, for validation and for the generated OpenAPI schema.

Responses are built as plain dicts by the same view functions that feed the pages (datasette's "every page
has a JSON twin") and sent as they are; these models document them, and the schemathesis test checks that
what is sent matches what is documented.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from selon.store.rows import ArticleSummary, OutletStats, Quote, SearchHit, SpeakerCount

#: JSON's `\ud800` escapes can spell half of a UTF-16 pair alone: no character, and no UTF-8 can encode it.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")

Kind = Literal["person", "anonymous", "organization", "document", "media"]
StanceName = Literal["assert", "deny", "acknowledge", "decline", "no_response"]


class AnalyzeRequest(BaseModel):
    """One article: exactly one of `text` or `html`, and optional metadata."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="The article's plain text.")
    html: str | None = Field(None, description="The article's HTML page; its body text is extracted.")
    lang: str | None = Field(None, pattern=r"^[a-z]{2,3}$", description="fr, en...; detected when absent.")
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD.")
    title: str | None = None
    url: str | None = None
    outlet: str | None = None

    @field_validator("*")
    @classmethod
    def _unicode(cls, value: str | None) -> str | None:
        """Refuses lone surrogates here, as a 422, rather than letting them fail the analysis or the reply."""
        found = LONE_SURROGATE.search(value) if value is not None else None
        if found is not None:
            raise PydanticCustomError(
                "lone_surrogate",
                f"holds a lone surrogate (\\u{ord(found.group()):04x} at character {found.start()}), which is not "
                "a character; send the text as it was written, in valid UTF-8")
        return value


class ErrorDetail(BaseModel):
    code: str = Field(description="selon's error code, e.g. E001 (see selon.errors).")
    type: str
    message: str
    hint: str
    id: str | None = Field(None, description="Internal errors only: the incident id in the server's log.")


class ErrorBody(BaseModel):
    error: ErrorDetail


class SpanOut(BaseModel):
    start: int
    end: int
    text: str


class CueOut(SpanOut):
    lemma: str


class SourceRef(BaseModel):
    id: str
    mention: SpanOut | None


class AttributionOut(BaseModel):
    id: str
    type: Literal["direct", "indirect", "mixed"]
    content: SpanOut
    cue: CueOut | None
    source: SourceRef
    stance: StanceName
    confidence: float


class GenderEvidenceOut(BaseModel):
    signal: str = Field(description="pronoun, title, determiner, noun, agreement, first_name, override, conflict "
                                    "or none")
    rule: str
    start: int | None
    end: int | None
    text: str | None


class SourceOut(BaseModel):
    id: str
    kind: Kind
    name: str
    description: str | None
    role: str | None
    affiliation: str | None
    count: int | None
    mentions: list[SpanOut]
    gender: Literal["female", "male", "unknown"] | None = Field(
        None, description="People only (person, anonymous): inferred from the article's words, then the first name.")
    gender_evidence: GenderEvidenceOut | None = None
    role_category: str | None = Field(None, description="People only: politician, government, police_justice, "
                                      "expert, business, union_civil, citizen, sport, culture, media or other.")


class NoteOut(BaseModel):
    kind: Literal["anonymity_condition", "boilerplate"]
    start: int
    end: int
    text: str


class ArticleOut(BaseModel):
    id: str
    lang: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    text: str


class Selon1(BaseModel):
    """One analysed article in schema `selon/1` (DESIGN.md); offsets are character offsets into article.text."""

    model_config = ConfigDict(title="selon/1")

    schema_: Literal["selon/1"] = Field(alias="schema")
    article: ArticleOut
    attributions: list[AttributionOut]
    sources: list[SourceOut]
    notes: list[NoteOut]
    summary: dict[str, Any]


class PeriodOut(BaseModel):
    period: str
    rows: int
    hits: int
    share: float


class SeriesOut(BaseModel):
    periods: list[PeriodOut]
    undated: int


class SourcesPage(BaseModel):
    filters: dict[str, str | None]
    limit: int
    offset: int
    sources: list[SpeakerCount]


class SourcePage(BaseModel):
    speaker_id: int
    name: str
    kind: str
    quotes: list[Quote]
    over_time: SeriesOut
    limit: int
    offset: int


class OutletPage(BaseModel):
    outlet: str
    stats: OutletStats | None
    anonymous_over_time: SeriesOut
    declines_over_time: SeriesOut
    articles: list[ArticleSummary]


class SearchPage(BaseModel):
    query: str
    hits: list[SearchHit]


class ArticlesPage(BaseModel):
    articles: list[ArticleSummary]
    limit: int
    offset: int
