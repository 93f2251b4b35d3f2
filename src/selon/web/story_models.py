"""The shapes of the story endpoints (schema `selon-story/1` plus the pictures' data), for the OpenAPI schema."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from selon.corpus.story_queries import StorySummary


class StoriesPage(BaseModel):
    schema_: str = Field(alias="schema", description="selon-story/1")
    filters: dict[str, str | None]
    limit: int
    offset: int
    stories: list[StorySummary]


class StoryArticle(BaseModel):
    id: str
    outlet: str | None
    published: str | None
    url: str | None
    title: str | None
    syndication_group: int
    lang: str
    day: str
    day_from: str


class StoryPage(BaseModel):
    schema_: str = Field(alias="schema", description="selon-story/1")
    story: StorySummary
    articles: list[StoryArticle]
    claims: list[dict[str, Any]]
    timeline: dict[str, Any]
    graph: dict[str, Any]
