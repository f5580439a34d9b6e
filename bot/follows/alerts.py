"""Delivering follow alerts.

An alert is due when an article added after the follow was made mentions its target. Every due alert is first
recorded in the store (one row per follow and article, keyed by where the article came from, so a re-ingest or
a new version of the same file never alerts twice), then delivered, then marked sent. Alerts for one article
that go to the same place (a channel, or one member's direct messages) are grouped into one message. A message
carries a nonce derived from the article and the destination, so a delivery repeated after a crash is dropped
by Discord.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from bot import filters, metrics
from bot.article import Article
from bot.delivery import Mentions, Post, Poster, SendError, transient
from bot.follows.targets import MOVE, Target, mentions, moves_of_target, passages
from bot.i18n import lang_of, t, use_locale
from bot.library.catalog import Catalog, View
from bot.render import embeds, limits
from bot.render.limits import fit

if TYPE_CHECKING:
    from bot.stories.service import StoryService
    from bot.timeline import Move

log = logging.getLogger("newsdesk.follows")

ALERT_WINDOW = timedelta(days=2)  # an article older than this is news no more: it alerts nobody


def with_moves(said: list[tuple[str, str]], moves: list[Move], limit: int = 3) -> list[tuple[str, str]]:
    """The alert's passages with the target's moves first (``("move", "2025-08 — left Quillmark")``)."""
    lines = [(MOVE, f"{m.person}: {embeds.move_text(m)}") for m in moves[:limit]]
    return lines + said


def nonce(article_key: str, destination: str) -> str:
    """At most 25 characters, the same for the same article and destination."""
    return hashlib.sha256(f"{article_key}|{destination}".encode()).hexdigest()[:25]


@dataclass
class Delivery:
    """One message: one article, one destination, every follow it answers."""

    destination: str  # "channel:<id>" or "dm:<user id>"
    article: Article
    article_key: str
    guild_id: int
    follows: list[dict[str, Any]]
    created_at: str = ""  # the oldest alert in it (UTC ISO)
    sent: set[int] = field(
        default_factory=set
    )  # follows whose message went out (one delivery may be several)

    def keys(self, follows: list[dict[str, Any]] | None = None) -> list[tuple[int, str]]:
        """The alert keys of ``follows`` (default: those not sent yet)."""
        chosen = (
            follows if follows is not None else [f for f in self.follows if int(f["id"]) not in self.sent]
        )
        return [(int(f["id"]), self.article_key) for f in chosen]


class AlertStore(Protocol):
    """The store methods alert delivery uses."""

    async def all_follows(self) -> list[dict[str, Any]]: ...
    async def added_since(self, since: str, guild_id: int | None = None) -> list[tuple[str, str]]: ...
    async def filters(self, guild_id: int) -> list[tuple[str, str]]: ...
    async def article_keys(self, article_ids: list[str]) -> dict[str, str]: ...
    async def alerted(self, follow_id: int) -> set[str]: ...
    async def alerted_articles(self, follow_id: int, sent_only: bool = False) -> set[str]: ...
    async def claim_alert(self, follow_id: int, article_key: str, article_id: str) -> bool: ...
    async def finish_alerts(self, keys: list[tuple[int, str]], status: str) -> None: ...
    async def pending_alerts(self) -> list[dict[str, Any]]: ...
    async def article_moves(self, article_ids: Iterable[str]) -> dict[str, list[Move]]: ...


class AlertService:
    """``library`` and ``stories`` are asked each time (the bot replaces its catalog on a reload, and has no
    story service before the first load)."""

    def __init__(
        self,
        store: AlertStore,
        poster: Poster,
        library: Callable[[], Catalog],
        *,
        stories: Callable[[], StoryService | None] = lambda: None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.store = store
        self.poster = poster
        self.library = library
        self.stories = stories
        self.now = clock

    async def run_once(self) -> int:
        """Record the alerts that became due, then deliver every alert not yet sent. Returns messages sent."""
        metrics.tick("alerts")
        serving = self.poster.servers()
        follows = [f for f in await self.store.all_follows() if int(f["guild_id"]) in serving]
        if not follows:
            return 0
        await self._record_due(follows)
        return await self._deliver({int(f["id"]): f for f in follows})

    async def _record_due(self, follows: list[dict[str, Any]]) -> None:
        oldest = (self.now() - ALERT_WINDOW).isoformat()
        by_guild: dict[int, list[dict[str, Any]]] = {}
        for follow in follows:
            by_guild.setdefault(int(follow["guild_id"]), []).append(follow)
        for guild_id, mine in by_guild.items():
            since = max(oldest, min(str(f["created_at"]) for f in mine))
            await self._record_due_in(guild_id, mine, await self.store.added_since(since, guild_id))

    async def _record_due_in(
        self, guild_id: int, follows: list[dict[str, Any]], added: list[tuple[str, str]]
    ) -> None:
        """One server's follows against the articles that server can see."""
        library = self.library().view(guild_id)
        added = [(aid, at) for aid, at in added if library.article(aid)]
        if not added:
            return
        rules = filters.rules_for(await self.store.filters(guild_id), "alerts")
        added = [(aid, at) for aid, at in added if filters.passes(library.article(aid) or _EMPTY, rules)]
        if not added:
            return
        keys = await self.store.article_keys([aid for aid, _ in added])
        stories = self.stories()  # a StoryService once the library is loaded
        for follow in follows:
            target = Target.of(follow)
            done = await self.store.alerted(int(follow["id"]))
            told: set[str] | None = None
            for article_id, added_at in added:
                article = library.article(article_id)
                if added_at <= str(follow["created_at"]) or keys[article_id] in done or article is None:
                    continue
                if mentions(library, article, target):
                    if stories is not None:
                        # a later article of a story already alerted about alerts only with something new
                        if told is None:
                            told = await self.store.alerted_articles(int(follow["id"]))
                        earlier, news = stories.news_for(library, guild_id, article, told)
                        if earlier and not news:
                            if await self.store.claim_alert(int(follow["id"]), keys[article_id], article_id):
                                await self.store.finish_alerts(
                                    [(int(follow["id"]), keys[article_id])], "grouped"
                                )
                            continue
                        told.add(article_id)
                    await self.store.claim_alert(int(follow["id"]), keys[article_id], article_id)

    async def _deliver(self, follows: dict[int, dict[str, Any]]) -> int:
        groups: dict[tuple[str, str], Delivery] = {}
        for alert in await self.store.pending_alerts():
            follow = follows.get(int(alert["follow_id"]))
            if follow is None:
                continue  # another process's server
            article = self.library().view(int(follow["guild_id"])).article(str(alert["article_id"]))
            if article is None:
                await self.store.finish_alerts([(int(alert["follow_id"]), alert["article_key"])], "failed")
                continue  # the article was removed before its alert went out
            where = f"channel:{follow['channel_id']}" if follow["channel_id"] else f"dm:{follow['user_id']}"
            group = groups.setdefault(
                (str(alert["article_key"]), where),
                Delivery(where, article, str(alert["article_key"]), int(follow["guild_id"]), []),
            )
            group.follows.append(follow)
            group.created_at = min(group.created_at or str(alert["created_at"]), str(alert["created_at"]))
        sent = 0
        cutoff = (self.now() - ALERT_WINDOW).isoformat()  # older alerts are not retried any more
        for delivery in groups.values():
            delivery.follows.sort(key=lambda f: int(f["id"]))  # the same split (and nonces) on every pass
            try:
                await self._send(delivery)
            except (SendError, _Undeliverable, OSError, TimeoutError) as exc:
                retry = transient(exc) and delivery.created_at >= cutoff
                log.warning(
                    "alert to %s about %s %s: %s",
                    delivery.destination,
                    delivery.article.id,
                    "failed, trying again next pass" if retry else "not delivered",
                    exc,
                )
                metrics.alert("retry" if retry else "failed")
                if not retry:
                    await self.store.finish_alerts(delivery.keys(), "failed")
                continue
            if rest := delivery.keys():
                await self.store.finish_alerts(rest, "sent")
            sent += 1
            metrics.alert("sent")
        return sent

    async def _send(self, delivery: Delivery) -> None:
        """Send the alert in as many messages as Discord's limits need, marking each message's follows sent as
        soon as it is out; an error leaves the rest to the caller."""
        server = self.poster.server(delivery.guild_id)
        with use_locale(lang_of(None, server.locale if server else None)):
            library = self.library().view(delivery.guild_id)
            found: list[tuple[str, list[tuple[str, str]]]] = []
            followers: dict[str, list[int]] = {}
            moves = (await self.store.article_moves([delivery.article.id])).get(delivery.article.id, [])
            for follow in delivery.follows:
                target = Target.of(follow)
                if target.name not in followers:
                    said = passages(library, delivery.article, target)
                    mine = moves_of_target(library, moves, target)
                    found.append((target.name, with_moves(said, mine)))
                followers.setdefault(target.name, []).append(int(follow["user_id"]))
            kind, _, ident = delivery.destination.partition(":")
            if kind == "channel":
                problem = self.poster.cannot_post(delivery.guild_id, int(ident))
                if problem:
                    raise _Undeliverable(problem)
                parts = embeds.alert_messages(delivery.article, found, followers, None)
            else:
                parts = embeds.alert_messages(delivery.article, found, None, server.name if server else None)
            news = await self._story_news(delivery, library)
            for part in parts:
                if news:
                    embeds.add_field_if_room(part.embed, t("story_news"), news)
                covered = [
                    f
                    for f in delivery.follows
                    if Target.of(f).name in part.names
                    and (kind != "channel" or int(f["user_id"]) in part.users)
                ]
                if not covered:
                    continue
                ids = ",".join(str(f["id"]) for f in covered)
                roles = (
                    sorted({int(f["role_id"]) for f in covered if f.get("role_id")})
                    if kind == "channel"
                    else []
                )
                content = part.content
                if roles:  # a manager's follow pings its role: exactly that role is allowed, nothing else
                    content = fit(" ".join(f"<@&{r}>" for r in roles[:5]) + " " + content, limits.CONTENT)
                post = Post(
                    content=content,
                    embeds=[part.embed],
                    nonce=nonce(delivery.article_key, f"{delivery.destination}|{ids}"),
                    mentions=Mentions(users=tuple(part.users), roles=tuple(roles[:5])),
                )
                if kind == "channel":
                    await self.poster.send(int(ident), post)
                else:
                    await self.poster.send_dm(int(ident), post)
                await self.store.finish_alerts(delivery.keys(covered), "sent")
                delivery.sent.update(int(f["id"]) for f in covered)

    async def _story_news(self, delivery: Delivery, library: View) -> str:
        """What the article adds to a story its followers were alerted about before (empty when none)."""
        stories = self.stories()  # a StoryService once the library is loaded
        if stories is None or not delivery.follows:
            return ""
        # only what was sent before: articles of one story recorded in the same pass are all pending, and the
        # first of them to go out is the story's first alert (nothing in it is "new in this story")
        told = await self.store.alerted_articles(int(delivery.follows[0]["id"]), sent_only=True)
        earlier, news = stories.news_for(library, delivery.guild_id, delivery.article, told)
        if not earlier or not news:
            return ""
        from bot.render.stories import news_lines

        return news_lines(news)


_EMPTY = Article(id="", title="")  # stands in for an article gone from the library (filtered out before)


class _Undeliverable(Exception):
    """The destination cannot take the alert (channel gone, permissions missing)."""
