"""The shapes of the parity endpoints (schema `selon-parity/1` plus each row's links), for the OpenAPI schema."""

from __future__ import annotations

from pydantic import BaseModel, Field

from selon.store.rows import Quote


class ParityLinks(BaseModel):
    female: str
    male: str
    unknown: str


class ParityRowOut(BaseModel):
    outlet: str | None
    month: str | None
    role: str | None
    speakers: int
    speakers_female: int
    speakers_male: int
    speakers_unknown: int
    speakers_share: float | None = Field(description="female / (female + male); null when both are 0.")
    statements: int
    statements_female: int
    statements_male: int
    statements_unknown: int
    statements_share: float | None = Field(description="female / (female + male); null when both are 0.")
    links: ParityLinks | None = Field(description="The statements page for each gender of this group; null "
                                                  "for articles without an outlet or a date.")


class ParityLine(BaseModel):
    outlet: str
    points: list[ParityRowOut]


class ParityPage(BaseModel):
    schema_: str = Field(alias="schema", description="selon-parity/1")
    share: str
    filters: dict[str, str | None]
    total: ParityRowOut
    outlets: list[ParityRowOut]
    over_time: list[ParityLine]
    months: list[str]
    roles: list[ParityRowOut]


class StatementsPage(BaseModel):
    filters: dict[str, str | None]
    limit: int
    offset: int
    statements: list[Quote]
