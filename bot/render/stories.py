"""Stories -> embeds and lines: the /story card, the /stories list, and the posts of a story thread.

Like every renderer, each function returns what fits Discord's limits; article text is made inert with
``plain`` and labels come from :mod:`bot.i18n`.
"""

from __future__ import annotations

from collections.abc import Sequence

import discord

from bot.article import Article, Stance
from bot.i18n import t
from bot.stories.contested import StanceEntry
from bot.stories.service import StoryCard

from . import limits
from .embeds import COLOUR, Page, Pager, source_and_date, stance_mark
from .limits import clip, fit, one_line, plain

THREAD_NAME = 100  # a thread's name: 1-100 characters
_MAX_PEOPLE = 12
_MAX_ENTRIES = 8  # stances shown per subject


def _link(article: Article, text: str) -> str:
    """The text, linked when the article carries a web address."""
    url = getattr(article, "url", None)
    return f"[{text}]({url})" if isinstance(url, str) and url.startswith(("http://", "https://")) else text


def _report(article: Article) -> str:
    return f"{_link(article, clip(article.title, 150))} — *{plain(source_and_date(article))}*"


def _where(entry: StanceEntry) -> str:
    """Where a claim of a story was made: its article's source and date, "(no source)" when the article names
    none (never its title, which reads as if it were the source)."""
    source = fit(one_line(entry.source or ""), 60) or t("no_source")
    day = (entry.published_at or "")[:10]
    return f"{source} · {day}" if day else source


def _people(card: StoryCard) -> list[str]:
    counts: dict[str, int] = {}
    for article in card.articles:
        for person in article.people:
            counts[person.name] = counts.get(person.name, 0) + 1
    return sorted(counts, key=lambda n: (-counts[n], n))[:_MAX_PEOPLE]


def _sources(card: StoryCard) -> str:
    seen: dict[str, str] = {}
    for article in card.articles:
        name = one_line(article.source or "")
        if name and name not in seen:
            seen[name] = _link(article, plain(fit(name, 60)))
    return ", ".join(seen.values())


def story_pages(card: StoryCard) -> list[Page]:
    """One story: first and latest report, sources, people, and its claims side by side with their stances
    (a contested subject marked)."""
    title = fit(plain(one_line(card.title)), limits.EMBED_TITLE - 20)
    if card.contested:
        title = f"{title} · {t('story_contested')}"
    lines = [f"**{t('story_first')}:** {_report(card.first)}"]
    if len(card.articles) > 1:
        lines.append(f"**{t('story_latest')}:** {_report(card.latest)}")
    if sources := _sources(card):
        lines.append(f"**{t('story_sources')}:** {sources}")
    if people := _people(card):
        lines.append(f"**{t('story_people')}:** " + ", ".join(plain(p) for p in people))
    pager = Pager(
        title=title,
        description="\n".join(lines),
        footer=t("story_footer", n=len(card.articles)),
    )
    shown = [s for s in card.subjects if s.lined_up] or ([] if len(card.articles) > 1 else card.subjects[:5])
    shown.sort(key=lambda s: (not s.contested, -s.articles))
    if not shown:
        pager.add(t("story_claims"), t("story_claims_none"))
    for subject in shown[:15]:
        name = (f"{t('story_contested')} · " if subject.contested else "") + plain(
            fit(one_line(subject.subject), 200)
        )
        rows = []
        for entry in subject.entries[:_MAX_ENTRIES]:
            who = plain(fit(entry.speaker, 60)) if entry.speaker else "—"
            where = plain(_where(entry))
            rows.append(f"{stance_mark(entry.stance)} · {who} · *{where}*")
            if entry.stance is Stance.DENIED or subject.articles > 1:
                rows.append(f"> {clip(entry.text, 200)}")
        pager.add(name, "\n".join(rows))
    return pager.finish()


def stories_pages(cards: Sequence[StoryCard], heading: str) -> list[Page]:
    pager = Pager(title=heading, footer=t("stories_footer"))
    for i, card in enumerate(cards, 1):
        flag = f" · {t('story_contested')}" if card.contested else ""
        when = (card.latest.published_at or "")[:10] or "—"
        if card.sources:
            sources = plain(fit(", ".join(one_line(s) for s in card.sources), 120))
            line = t("stories_line", n=len(card.articles), sources=sources, date=when)
        else:  # the date alone: "source and date unknown · 2025-10-29" contradicted itself
            line = t("stories_line_no_source", n=len(card.articles), date=when)
        pager.line(f"**{clip(card.title, 150)}**{flag}\n" + line)
        if i % 10 == 0 and i < len(cards):
            pager.new_page()
    return pager.finish()


LONGEST_SPAN = 3650  # /stories days: 1-3650


def stories_none(days: int, contested: bool) -> str:
    """What to try when /stories found nothing: a longer span than the one given (when there is one), or
    leaving out contested."""
    more = next((d for d in (30, 365, LONGEST_SPAN) if d > days), None)
    if more is None:
        return t("stories_none_ever_contested" if contested else "stories_none_ever", days=days)
    return t("stories_none_contested" if contested else "stories_none", days=days, more=more)


def thread_name(title: str) -> str:
    return fit(one_line(title), THREAD_NAME) or "story"


def thread_starter(article: Article) -> tuple[str, discord.Embed]:
    """The first post of a story's thread: what the story is, and its first article."""
    content = fit(t("story_thread_start", title=plain(one_line(article.title))), limits.CONTENT)
    embed = discord.Embed(title=fit(plain(one_line(article.title)), limits.EMBED_TITLE), colour=COLOUR)
    embed.description = fit(
        f"*{plain(source_and_date(article))}*\n{clip(article.core_viewpoint, 600)}",
        limits.EMBED_DESCRIPTION,
    )
    embed.set_footer(text=fit(t("more_plain", title=fit(one_line(article.title), 60)), limits.FOOTER))
    return content, embed


def thread_line(article: Article) -> str:
    """A later article of a story: one line in its thread."""
    return fit(f"• {_report(article)}", limits.CONTENT)


def news_lines(news: Sequence[tuple[Stance, str]]) -> str:
    """What a later article adds to a story already alerted about (for a follow alert's field)."""
    return fit(
        "\n".join(f"{stance_mark(s)} — {clip(text, 280)}" for s, text in news[:5]),
        limits.FIELD_VALUE,
    )
