"""Small articles for the timeline tests: every sentence here was written for these tests."""

from __future__ import annotations

from bot.article import load_article
from bot.timeline import Move, extract_moves


def article_text(
    *points: str, title: str = "Leadership changes", date: str = "2025-06-15 09:00", core: str = ""
) -> str:
    core = core or "The company changed its leadership [1]."
    body = " ".join(f"- {p} [{i + 2}]" for i, p in enumerate(points))
    return f"{title}\nNewswire·{date}\n\nCore Viewpoint - {core} Group 1: Moves {body}\n"


def moves_of(*points: str, **kw: str) -> list[Move]:
    return extract_moves(load_article(article_text(*points, **kw)))


def triples(moves: list[Move]) -> set[tuple[str, str, str | None]]:
    return {(m.person, m.kind.value, m.organization) for m in moves}
