"""The article model: what one article says, who is in it, and which claims it makes.

The JSON form (``Article.model_dump(mode="json")``) is a public contract read by other tools: the field
names and their meanings here must not change without a migration note.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .links import clean_url

# A person's name or alias is at most this long (characters, and words for names written with spaces). The
# extractor never produces longer ones, and Article JSON is held to the same bounds when it loads, so no
# derived form (pinyin, prefixes, trigrams) of a name can grow with the size of an uploaded file.
MAX_NAME_CHARS = 64
MAX_NAME_WORDS = 6
# Organizations get more room ("Taiwan Semiconductor Manufacturing Company Limited") but are bounded too.
MAX_ORG_CHARS = 120
MAX_ORG_WORDS = 12


def name_fits(name: str, chars: int = MAX_NAME_CHARS, words: int = MAX_NAME_WORDS) -> bool:
    """Whether a name is within the bounds (non-empty, at most ``chars`` characters and ``words`` words)."""
    return 0 < len(name) <= chars and len(name.split()) <= words


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

    @field_validator("speaker")
    @classmethod
    def _bounded_speaker(cls, value: str | None) -> str | None:
        """A speaker is a person or an organization: one over their bounds is no speaker."""
        return value if value is None or name_fits(value.strip(), MAX_ORG_CHARS, MAX_ORG_WORDS) else None


class Person(_Model):
    name: str
    aliases: list[str] = Field(default_factory=list)
    organization: str | None = None
    role: str | None = None

    @field_validator("aliases")
    @classmethod
    def _bounded_aliases(cls, aliases: list[str]) -> list[str]:
        """Aliases over the bounds are dropped (an alias is never the only way to find a person)."""
        return [a for a in aliases if name_fits(a.strip())]

    @field_validator("organization", "role")
    @classmethod
    def _bounded_context(cls, value: str | None) -> str | None:
        return value if value is None or name_fits(value.strip(), MAX_ORG_CHARS, MAX_ORG_WORDS) else None


class Organization(_Model):
    name: str
    aliases: list[str] = Field(default_factory=list)

    @field_validator("aliases")
    @classmethod
    def _bounded_aliases(cls, aliases: list[str]) -> list[str]:
        return [a for a in aliases if name_fits(a.strip(), MAX_ORG_CHARS, MAX_ORG_WORDS)]


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
    url: str | None = None  # the original's address (http or https only; anything else is dropped)

    @field_validator("url", mode="before")
    @classmethod
    def _safe_url(cls, url: object) -> str | None:
        return clean_url(url) if isinstance(url, str) else None

    @field_validator("people")
    @classmethod
    def _bounded_people(cls, people: list[Person]) -> list[Person]:
        """A person whose name is over the bounds is not a person: dropped when Article JSON loads."""
        return [p for p in people if name_fits(p.name)]

    @field_validator("organizations")
    @classmethod
    def _bounded_organizations(cls, organizations: list[Organization]) -> list[Organization]:
        return [o for o in organizations if name_fits(o.name, MAX_ORG_CHARS, MAX_ORG_WORDS)]

    def points(self) -> list[Point]:
        return [p for s in self.sections for p in s.points]

    def all_text(self) -> str:
        """Title, core viewpoint and every point: what full-text search sees."""
        parts = [self.title, self.core_viewpoint]
        parts.extend(p.text for p in self.points())
        return "\n".join(x for x in parts if x)
