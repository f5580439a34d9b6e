"""Posting feed articles into a server's channel, exactly once and within the hourly cap.

Every post is recorded (``pending``) before it is sent and marked ``sent`` after; its nonce is derived from the
server, channel and article, so a post resent after a crash is dropped by Discord, and a post already marked is
never sent again. At most ``feed_posts_per_hour`` article posts go to one channel in any hour; the rest are
recorded as ``folded`` and named together in one "and N more" note (itself recorded and sent the same way).
Article text never pings: every message allows no mentions.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from bot.article import Article
from bot.delivery import Channel, Post, Poster, SendError, adoptable, transient
from bot.library.catalog import Catalog
from bot.render import posts
from bot.render.limits import fit, one_line
from bot.store.feeds import FeedPost, ServerFeed

log = logging.getLogger("newsdesk.posting")

HOUR = timedelta(hours=1)


def nonce(guild_id: int, channel_id: int, key: str) -> str:
    """A message nonce (25 characters) that is the same for the same server, channel and article (or note)."""
    return hashlib.sha256(f"feed:{guild_id}:{channel_id}:{key}".encode()).hexdigest()[:25]


class PostStore(Protocol):
    """The store methods posting feed articles uses."""

    async def feed_posts_since(self, channel_id: int, since: str) -> int: ...
    async def claim_feed_post(
        self,
        guild_id: int,
        channel_id: int,
        feed_id: int | None,
        article_id: str,
        kind: str,
        status: str,
        nonce: str,
        detail: str | None = None,
    ) -> bool: ...
    async def feed_post(self, guild_id: int, channel_id: int, article_id: str) -> FeedPost | None: ...
    async def finish_feed_post(
        self, post_id: int, status: str, message_id: int | None = None, detail: str | None = None
    ) -> None: ...
    async def pending_feed_posts(self, guild_ids: set[int] | None = None) -> list[FeedPost]: ...
    async def feed_post_message_ids(self, channel_id: int) -> set[int]: ...
    async def server_feeds(self, guild_id: int | None = None) -> list[ServerFeed]: ...
    async def get_article(self, article_id: str) -> Article | None: ...


THREAD = "thread:"  # a post's detail when it goes into its story's thread: ``thread:<id>``


class FeedPoster:
    """``cap``: at most this many article posts per channel and hour (``feed_posts_per_hour``); ``thread_of``:
    the thread of an article's story in a server's story channel (see
    :func:`bot.stories.threads.thread_of_story`), for feeds that post there (``story_threads``)."""

    def __init__(
        self,
        store: PostStore,
        poster: Poster,
        library: Callable[[], Catalog],
        cap: int,
        now: Callable[[], datetime] | None = None,
        thread_of: Callable[[int, str], Awaitable[int | None]] | None = None,
    ) -> None:
        self.store = store
        self.poster = poster
        self.library = library
        self.cap = cap
        self.now = now or (lambda: datetime.now(UTC))
        self.thread_of = thread_of

    async def post(self, feed: ServerFeed, articles: list[Article]) -> dict[str, int]:
        """Post ``articles`` (oldest first) into the feed's channel; counts of sent, folded and failed posts."""
        counts = {"sent": 0, "folded": 0, "failed": 0}
        channel = self._channel(feed.guild_id, feed.channel_id)
        if channel is None or feed.channel_id is None:
            log.warning("feed %s of server %s: its channel is gone; nothing posted", feed.url, feed.guild_id)
            return counts
        since = (datetime.now(UTC) - HOUR).isoformat()  # rows are stamped with the real time
        used = await self.store.feed_posts_since(feed.channel_id, since)
        folded: list[Article] = []
        for article in articles:
            key = nonce(feed.guild_id, feed.channel_id, article.id)
            if used >= self.cap:
                if await self.store.claim_feed_post(
                    feed.guild_id, feed.channel_id, feed.id, article.id, "post", "folded", key
                ):
                    folded.append(article)
                    counts["folded"] += 1
                continue
            thread = None
            if feed.story_threads and self.thread_of is not None:
                thread = await self.thread_of(feed.guild_id, article.id)
            if not await self.store.claim_feed_post(
                feed.guild_id,
                feed.channel_id,
                feed.id,
                article.id,
                "post",
                "pending",
                key,
                f"{THREAD}{thread}" if thread else None,
            ):
                continue  # posted (or folded) in this channel already
            used += 1
            record = await self.store.feed_post(feed.guild_id, feed.channel_id, article.id)
            target = channel
            if thread:  # into the story's thread (beside the one-line entry the story channel makes there)
                target = Channel(thread, "text")
            embed = posts.post_embed(article)
            status = await self._send(record, target, None, embed, feed.crosspost and not thread)
            counts[status] += 1
        if folded:
            ids = [a.id for a in folded]
            key = "more:" + hashlib.sha256("\n".join(ids).encode()).hexdigest()[:32]
            if await self.store.claim_feed_post(
                feed.guild_id,
                feed.channel_id,
                feed.id,
                key,
                "more",
                "pending",
                nonce(feed.guild_id, feed.channel_id, key),
                json.dumps(ids),
            ):
                record = await self.store.feed_post(feed.guild_id, feed.channel_id, key)
                content, embed = posts.more_message(folded, self.cap)
                await self._send(record, channel, content, embed, feed.crosspost)
        return counts

    async def resume(self, guild_ids: set[int]) -> int:
        """Send again, with their own nonces, the posts recorded but not known to be sent (the process stopped
        in between): Discord drops the ones that did arrive. Returns how many were tried."""
        tried = 0
        crosspost = {f.id: f.crosspost for f in await self.store.server_feeds()}
        for record in await self.store.pending_feed_posts(guild_ids):
            channel = self._channel(record.guild_id, record.channel_id)
            if channel is None:
                await self.store.finish_feed_post(record.id, "failed", detail="the channel is gone")
                continue
            view = self.library().view(record.guild_id)
            if record.kind == "more":
                folded = [a for i in json.loads(record.detail or "[]") if (a := view.article(i)) is not None]
                content, embed = posts.more_message(folded, self.cap)
                await self._send(record, channel, content, embed, crosspost.get(record.feed_id or 0, False))
            else:
                article = view.article(record.article_id) or await self.store.get_article(record.article_id)
                if article is None:
                    await self.store.finish_feed_post(record.id, "failed", detail="the article is gone")
                    continue
                embed = posts.post_embed(article)
                detail = record.detail or ""
                if detail.startswith(THREAD) and detail[len(THREAD) :].isdigit():  # into its story's thread
                    thread = Channel(int(detail[len(THREAD) :]), "text")
                    await self._send(record, thread, None, embed, False)
                else:
                    crossposted = crosspost.get(record.feed_id or 0, False)
                    await self._send(record, channel, None, embed, crossposted, resuming=True)
            tried += 1
        return tried

    async def _made_before(self, record: FeedPost, channel_id: int, name: str) -> int | None:
        """The forum post an interrupted try of ``record`` made, if it is still active (see
        :func:`bot.delivery.adoptable`)."""
        threads = await self.poster.my_threads(record.guild_id, channel_id)
        taken = await self.store.feed_post_message_ids(channel_id)
        return adoptable(threads, name, record.created_at, taken)

    def _channel(self, guild_id: int, channel_id: int | None) -> Channel | None:
        """The channel when it is one posts go to (a text, announcement or forum channel)."""
        channel = self.poster.channel(guild_id, channel_id) if channel_id else None
        return channel if channel is not None and channel.kind != "other" else None

    async def _send(
        self,
        record: FeedPost | None,
        channel: Channel,
        content: str | None,
        embed: Any,
        crosspost: bool,
        resuming: bool = False,
    ) -> str:
        """Send one recorded post; 'sent', or 'failed' (a transient failure stays pending and is resent). In a
        forum channel each post is a forum post named after the article; Discord takes no nonce there, so a
        post sent again after a restart (``resuming``) first looks for the post an interrupted try made."""
        assert record is not None
        try:
            if channel.kind == "forum":
                name = fit(one_line(embed.title or content or "…"), 100)
                made = await self._made_before(record, channel.id, name) if resuming else None
                if made is None:
                    _, made = await self.poster.create_thread(
                        record.guild_id, channel.id, name, post=Post(content=content, embeds=[embed])
                    )
                assert made is not None
                message_id = made
            else:
                sent = await self.poster.send(
                    channel.id, Post(content=content, embeds=[embed], nonce=record.nonce)
                )
                message_id = sent.id
        except Exception as exc:
            if transient(exc):
                log.warning("feed post in channel %s not sent yet (%s); trying again later", channel.id, exc)
                return "failed"
            detail = f"{getattr(exc, 'name', exc.__class__.__name__)}: {exc}"[:300]
            log.warning("feed post in channel %s failed: %s", channel.id, detail)
            await self.store.finish_feed_post(record.id, "failed", detail=detail)
            return "failed"
        await self.store.finish_feed_post(record.id, "sent", message_id)
        if crosspost and channel.kind == "news":
            try:
                await self.poster.publish(channel.id, message_id)
            except SendError as exc:  # posted all the same; publishing has its own hourly limit
                log.warning("could not publish feed post %s in %s: %s", message_id, channel.id, exc)
        return "sent"
