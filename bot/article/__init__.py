"""Article parsing and extraction. Pure: no Discord, no database, no I/O beyond the text it is handed."""

from __future__ import annotations

from .extract import extract, statements_of
from .model import (
    Article,
    ArticleFormat,
    Claim,
    Figure,
    FigureKind,
    Organization,
    Person,
    Point,
    Section,
    Stance,
)
from .parse import parse as _parse
from .text import MAX_BYTES, ArticleError, decode

__all__ = [
    "MAX_BYTES",
    "Article",
    "ArticleError",
    "ArticleFormat",
    "Claim",
    "Figure",
    "FigureKind",
    "Organization",
    "Person",
    "Point",
    "Section",
    "Stance",
    "load_article",
]


def load_article(data: bytes | str) -> Article:
    """Decode, parse and extract one article. Raises :class:`ArticleError` with a one-line reason."""
    text = decode(data) if isinstance(data, bytes) else data
    parsed = _parse(text)
    if isinstance(parsed, Article):
        return parsed
    statements = statements_of(parsed.core_raw, parsed.raw_sections)
    found = extract(parsed.title, statements, parsed.language, byline=parsed.byline)
    return Article(
        id=parsed.id,
        title=parsed.title,
        source=parsed.source,
        published_at=parsed.published_at,
        language=parsed.language,
        format=parsed.format,
        core_viewpoint=parsed.core_viewpoint,
        sections=parsed.sections,
        people=found.people,
        organizations=found.organizations,
        claims=found.claims,
        url=parsed.url,
    )
