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
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import discord

from bot.article import Article
from bot.render import posts
from bot.render.limits import fit, one_line
from bot.store.feeds import FeedPost, ServerFeed

if TYPE_CHECKING:
    from bot.discord.client import NewsdeskBot

log = logging.getLogger("newsdesk.posting")

HOUR = timedelta(hours=1)


def nonce(guild_id: int, channel_id: int, key: str) -> str:
    """A message nonce (25 characters) that is the same for the same server, channel and article (or note)."""
    return hashlib.sha256(f"feed:{guild_id}:{channel_id}:{key}".encode()).hexdigest()[:25]


def role_problem(interaction: discord.Interaction, role: discord.Role, lang: str) -> str | None:
    """Why ``role`` cannot be pinged from this command (None when it can): only a manager may set a ping, and
    the bot must be able to mention the role. @everyone is never a ping (it means: no role)."""
    from bot.i18n import t

    perms = getattr(interaction.user, "guild_permissions", None)
    if perms is None or not perms.manage_guild:
        return t("role_needs_manager", lang)
    guild = interaction.guild
    me = guild.me if guild else None
    if not role.mentionable and not (me and me.guild_permissions.mention_everyone):
        return t("role_not_mentionable", lang, role=role.name)
    return None


def _transient(exc: BaseException) -> bool:
    """Worth another try later: Discord's own trouble (5xx, rate limits) or the network's."""
    if isinstance(exc, discord.HTTPException):
        return exc.status >= 500 or exc.status == 429
    return isinstance(exc, OSError | TimeoutError)


class FeedPoster:
    def __init__(self, bot: NewsdeskBot, now: Callable[[], datetime] | None = None) -> None:
        self.bot = bot
        self.now = now or (lambda: datetime.now(UTC))

    @property
    def store(self) -> Any:
        return self.bot.store

    @property
    def cap(self) -> int:
        return int(self.bot.settings.feed_posts_per_hour)

    async def post(self, feed: ServerFeed, articles: list[Article], lang: str = "en") -> dict[str, int]:
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
            if not await self.store.claim_feed_post(
                feed.guild_id, feed.channel_id, feed.id, article.id, "post", "pending", key
            ):
                continue  # posted (or folded) in this channel already
            used += 1
            record = await self.store.feed_post(feed.guild_id, feed.channel_id, article.id)
            status = await self._send(record, channel, None, posts.post_embed(article, lang), feed.crosspost)
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
                content, embed = posts.more_message(folded, self.cap, lang)
                await self._send(record, channel, content, embed, feed.crosspost)
        return counts

    async def resume(self, guild_ids: set[int], lang: str = "en") -> int:
        """Send again, with their own nonces, the posts recorded but not known to be sent (the process stopped
        in between): Discord drops the ones that did arrive. Returns how many were tried."""
        tried = 0
        crosspost = {f.id: f.crosspost for f in await self.store.server_feeds()}
        for record in await self.store.pending_feed_posts(guild_ids):
            channel = self._channel(record.guild_id, record.channel_id)
            if channel is None:
                await self.store.finish_feed_post(record.id, "failed", detail="the channel is gone")
                continue
            view = self.bot.library.view(record.guild_id)
            if record.kind == "more":
                folded = [a for i in json.loads(record.detail or "[]") if (a := view.article(i)) is not None]
                content, embed = posts.more_message(folded, self.cap, lang)
                await self._send(record, channel, content, embed, crosspost.get(record.feed_id or 0, False))
            else:
                article = view.article(record.article_id) or await self.store.get_article(record.article_id)
                if article is None:
                    await self.store.finish_feed_post(record.id, "failed", detail="the article is gone")
                    continue
                embed = posts.post_embed(article, lang)
                await self._send(record, channel, None, embed, crosspost.get(record.feed_id or 0, False))
            tried += 1
        return tried

    def _channel(
        self, guild_id: int, channel_id: int | None
    ) -> discord.TextChannel | discord.ForumChannel | None:
        guild = self.bot.get_guild(guild_id)
        channel = guild.get_channel(channel_id) if guild and channel_id else None
        return channel if isinstance(channel, discord.TextChannel | discord.ForumChannel) else None

    async def _send(
        self,
        record: FeedPost | None,
        channel: discord.TextChannel | discord.ForumChannel,
        content: str | None,
        embed: discord.Embed,
        crosspost: bool,
    ) -> str:
        """Send one recorded post; 'sent', or 'failed' (a transient failure stays pending and is resent). In a
        forum channel each post is a forum post named after the article (Discord takes no nonce there, so a
        post interrupted between Discord's answer and its record could appear twice after a restart)."""
        assert record is not None
        try:
            if isinstance(channel, discord.ForumChannel):
                name = fit(one_line(embed.title or content or "…"), 100)
                made = await channel.create_thread(
                    name=name, content=content, embed=embed, allowed_mentions=discord.AllowedMentions.none()
                )
                message = made.message
            else:
                message = await channel.send(
                    content=content,
                    embed=embed,
                    nonce=record.nonce,
                    allowed_mentions=discord.AllowedMentions.none(),
                )
        except Exception as exc:
            if _transient(exc):
                log.warning("feed post in channel %s not sent yet (%s); trying again later", channel.id, exc)
                return "failed"
            detail = f"{exc.__class__.__name__}: {exc}"[:300]
            log.warning("feed post in channel %s failed: %s", channel.id, detail)
            await self.store.finish_feed_post(record.id, "failed", detail=detail)
            return "failed"
        await self.store.finish_feed_post(record.id, "sent", message.id)
        if crosspost and isinstance(channel, discord.TextChannel) and channel.is_news():
            try:
                await message.publish()
            except discord.HTTPException as exc:  # posted all the same; publishing has its own hourly limit
                log.warning("could not publish feed post %s in %s: %s", message.id, channel.id, exc)
        return "sent"
