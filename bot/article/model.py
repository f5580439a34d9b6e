"""The article model: what one article says, who is in it, and which claims it makes.

The JSON form (``Article.model_dump(mode="json")``) is a public contract read by other tools: the field
names and their meanings here must not change without a migration note.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Stance(StrEnum):
    """How the article presents a statement."""

    ASSERTED = "asserted"
    REPORTED = "reported"
    DENIED = "denied"
    ACKNOWLEDGED = "acknowledged"


class FigureKind(StrEnum):
    MONEY = "money"
    PERCENT = "percent"
    COUNT = "count"


class ArticleFormat(StrEnum):
    SUMMARY = "summary"
    PLAIN = "plain"
    JSON = "json"


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=False, str_strip_whitespace=True)


class Point(_Model):
    """One bullet of a section, without its citation markers (they are in ``citations``)."""

    text: str
    citations: list[int] = Field(default_factory=list)


class Section(_Model):
    """One ``Group N: Heading`` with its points. ``heading`` is None when the feed gave none."""

    heading: str | None = None
    points: list[Point] = Field(default_factory=list)


class Figure(_Model):
    """A number the text states: money, a percentage, or a count of things."""

    text: str
    kind: FigureKind
    value: float
    unit: str | None = None


class Claim(_Model):
    """One statement with its stance, its speaker (person or organization, or None) and its sources."""

    text: str
    stance: Stance = Stance.ASSERTED
    speaker: str | None = None
    citations: list[int] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)


class Person(_Model):
    name: str
    aliases: list[str] = Field(default_factory=list)
    organization: str | None = None
    role: str | None = None


class Organization(_Model):
    name: str
    aliases: list[str] = Field(default_factory=list)


class Article(_Model):
    id: str
    title: str
    source: str | None = None
    published_at: str | None = None
    language: str = "en"
    format: ArticleFormat = ArticleFormat.JSON
    core_viewpoint: str = ""
    sections: list[Section] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)

    def points(self) -> list[Point]:
        return [p for s in self.sections for p in s.points]

    def all_text(self) -> str:
        """Title, core viewpoint and every point: what full-text search sees."""
        parts = [self.title, self.core_viewpoint]
        parts.extend(p.text for p in self.points())
        return "\n".join(x for x in parts if x)
