"""Timelines and moves -> pages: a person's timeline (moves and claims in date order) and /moves."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.i18n import t
from bot.library.catalog import View
from bot.library.core import PersonEntry
from bot.timeline import Move

from .embeds import Page, Pager, move_text, stance_mark
from .limits import clip, fit, plain

if TYPE_CHECKING:
    from bot.timeline.service import Entry

PER_PAGE = 12  # lines per timeline or /moves page


def _when(date: str | None, date_from: str) -> str:
    if not date:
        return t("undated")
    return date + (t("move_article_date") if date_from == "article" else "")


def timeline_pages(person: PersonEntry, entries: list[Entry], library: View) -> list[Page]:
    """``entries`` (``bot.timeline.service.Entry``) as numbered lines, oldest first: a move as its move line, a claim
    with its stance and its article; a date that is only the article's is marked as such."""
    pager = Pager(
        title=t("timeline_title", name=plain(fit(person.name, 200))),
        description=t("timeline_intro"),
        footer=t("timeline_footer", name=fit(person.name, 60)),
    )
    for i, entry in enumerate(entries, 1):
        if entry.move is not None:
            line = "🔀 " + plain(move_text(entry.move))
            if entry.upcoming:
                line += t("timeline_upcoming")
        elif entry.claim is not None:
            ref = entry.claim
            article = library.article(ref.article_id)
            title = clip(article.title, 80) if article is not None else "?"
            line = (
                f"{_when(entry.date, entry.date_from)} — {stance_mark(ref.claim.stance)}: "
                f"{clip(ref.claim.text, 240)}\n   *{title}*"
            )
        else:
            continue
        pager.line(f"**{i}.** {line}")
        if i % PER_PAGE == 0 and i < len(entries):
            pager.new_page()
    return pager.finish()


def move_line(move: Move, title: str | None = None) -> str:
    """``**Maria Lindqvist** — 2025-08 — left Quillmark`` (and the article's title below, when given)."""
    text = f"**{plain(fit(move.person, 100))}** — {plain(move_text(move))}"
    if title:
        text += f"\n   *{clip(title, 100)}*"
    return text


def moves_pages(moves: list[Move], heading: str, library: View) -> list[Page]:
    """Recent moves, newest first, each with the article it comes from."""
    pager = Pager(title=heading, footer=t("moves_footer", n=len(moves)))
    for i, move in enumerate(moves, 1):
        article = library.article(move.article_id) if move.article_id else None
        pager.line(f"**{i}.** " + move_line(move, article.title if article is not None else None))
        if i % PER_PAGE == 0 and i < len(moves):
            pager.new_page()
    return pager.finish()
