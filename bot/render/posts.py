"""Feed posts as Discord messages: one embed per article, the "and N more" note, a feed's health and the
failure notice. Article text is made inert (``plain``); the link is the article's own (http(s) only)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

import discord

from bot.article import Article, Stance
from bot.i18n import feed_error, t

from . import limits
from .embeds import COLOUR, source_and_date, stance_mark
from .limits import clip, fit, one_line, plain


class ServerFeed(Protocol):
    """What a feed's health lines show (bot.store.feeds.ServerFeed; render never reads the store)."""

    @property
    def url(self) -> str: ...

    @property
    def channel_id(self) -> int | None: ...

    @property
    def post(self) -> str: ...

    @property
    def crosspost(self) -> bool: ...

    @property
    def last_fetch_at(self) -> str | None: ...

    @property
    def last_error(self) -> str | None: ...

    @property
    def failures(self) -> int: ...

    @property
    def failing_since(self) -> str | None: ...

    @property
    def next_at(self) -> str: ...


KEY_CLAIMS = 3  # claims shown in a post
POST_VIEWPOINT = 600  # characters of the core viewpoint in a post
MORE_LISTED = 15  # titles named in an "and N more" note
LIST_BUDGET = 5800  # characters of the feed list's embed, under the 6,000 total with room for its footer


def role_ping(role_ids: list[int]) -> tuple[str, discord.AllowedMentions]:
    """The mention text for ``role_ids`` and allowed mentions that name exactly those roles and nothing else:
    no @everyone, no users, no other role (a mention inside article text stays inert)."""
    return " ".join(f"<@&{r}>" for r in role_ids), discord.AllowedMentions(
        everyone=False, users=False, roles=[discord.Object(r) for r in role_ids], replied_user=False
    )


def key_claims(article: Article, limit: int = KEY_CLAIMS) -> list[int]:
    """The claims a post shows, by index: those with a speaker first, then denials and admissions, then the
    rest, each group in the article's order."""
    rank = {Stance.DENIED: 0, Stance.ACKNOWLEDGED: 1, Stance.REPORTED: 2, Stance.ASSERTED: 3}
    order = sorted(
        range(len(article.claims)),
        key=lambda i: (article.claims[i].speaker is None, rank[article.claims[i].stance], i),
    )
    return sorted(order[:limit])


def markdown_link(text: str, url: str) -> str:
    """``[text](url)`` where neither part can break out: the text is inert, brackets in the URL are encoded."""
    return f"[{text}]({url.replace('(', '%28').replace(')', '%29')})"


def post_embed(article: Article) -> discord.Embed:
    """One article as one post: the title linked to the original, source and date, the core viewpoint, up to
    three key claims with their stance, and the people in it."""
    lead = one_line(article.core_viewpoint) or (
        one_line(article.points()[0].text) if article.points() else ""
    )
    embed = discord.Embed(
        title=fit(plain(one_line(article.title)), limits.EMBED_TITLE), colour=COLOUR, url=article.url
    )
    embed.description = fit(
        f"*{plain(source_and_date(article))}*" + (f"\n\n{plain(fit(lead, POST_VIEWPOINT))}" if lead else ""),
        limits.EMBED_DESCRIPTION,
    )
    lines = []
    for i in key_claims(article):
        claim = article.claims[i]
        who = f"{plain(one_line(claim.speaker))}: " if claim.speaker else ""
        lines.append(f"{stance_mark(claim.stance)} — {who}{clip(claim.text, 240)}")
    if lines:
        embed.add_field(name=t("post_claims"), value=fit("\n".join(lines), limits.FIELD_VALUE), inline=False)
    names = [p.name for p in article.people]
    if names:
        shown = ", ".join(names[:10]) + (f" +{len(names) - 10}" if len(names) > 10 else "")
        embed.add_field(name=t("post_people"), value=fit(plain(shown), limits.FIELD_VALUE), inline=False)
    embed.set_footer(text=fit(t("more_plain", title=fit(one_line(article.title), 60)), limits.FOOTER))
    return embed


def more_message(articles: list[Article], cap: int) -> tuple[str, discord.Embed]:
    """The note for posts over the hourly cap: how many, and their titles (linked), in one message."""
    lines = []
    for article in articles[:MORE_LISTED]:
        title = clip(article.title, 120)
        lines.append("• " + (markdown_link(title, article.url) if article.url else title))
    if len(articles) > MORE_LISTED:
        lines.append(t("n_more", n=len(articles) - MORE_LISTED))
    embed = discord.Embed(colour=COLOUR, description=fit("\n".join(lines), limits.EMBED_DESCRIPTION))
    return t("post_more", n=len(articles), cap=cap), embed


def feed_list_embed(feeds: Sequence[ServerFeed], limit: int, now: datetime) -> discord.Embed:
    """/feed list: each feed with where it posts, its last fetch, its error and its next try."""
    embed = discord.Embed(title=t("feed_list_title", n=len(feeds), limit=limit), colour=COLOUR)
    if not feeds:
        embed.description = t("feed_list_empty")
        return embed
    for shown, feed in enumerate(feeds):
        where = f"<#{feed.channel_id}>" if feed.channel_id else t("feed_no_channel")
        lines = [t("feed_line_post", mode=t(f"feed_mode_{feed.post.replace('-', '_')}"), where=where)]
        if feed.crosspost:
            lines.append(t("feed_line_crosspost"))
        lines.append(t("feed_line_fetched", when=_when(feed.last_fetch_at)))
        if feed.last_error:
            lines.append(
                t(
                    "feed_line_error",
                    error=clip(feed_error(feed.last_error), 160),
                    n=feed.failures,
                )
            )
        lines.append(t("feed_line_next", when=_when(feed.next_at)))
        name, value = fit(feed.url, 200), fit("\n".join(lines), limits.FIELD_VALUE)
        full = shown >= limits.EMBED_FIELDS - 1 and len(feeds) > limits.EMBED_FIELDS
        if full or limits.embed_size(embed.to_dict()) + len(name) + len(value) > LIST_BUDGET:
            embed.set_footer(text=t("n_more", n=len(feeds) - shown))
            break
        embed.add_field(name=name, value=value, inline=False)
    return embed


def _when(iso: str | None) -> str:
    if not iso:
        return t("feed_never")
    try:
        return discord.utils.format_dt(datetime.fromisoformat(iso), "R")
    except ValueError:
        return iso


def feed_test_message(url: str, articles: list[Article], skipped: int) -> tuple[str, list[discord.Embed]]:
    """/feed test: the first items as they would be posted (nothing is stored)."""
    head = t("feed_test_head", url=plain(fit(url, 300)), n=len(articles))
    if skipped:
        head += "\n" + t("feed_test_skipped", n=skipped)
    return fit(head, limits.CONTENT), [post_embed(a) for a in articles]


def failing_notice(feed: ServerFeed) -> str:
    """Told once when a server's feed has failed for a day: which feed, since when, why, what to do."""
    since = _when(feed.failing_since)
    return fit(
        t("feed_failing_notice", url=plain(fit(feed.url, 300)), since=since,
          error=clip(feed_error(feed.last_error or "?"), 500)),
        limits.CONTENT,
    )  # fmt: skip
