"""Story threads: per server, each new story becomes a thread in its story channel (a forum post in a forum
channel), and each later article of the story one line in that thread.

Every post is recorded in the store before it is sent (``claim_story_post`` at intake). A text channel's thread
starts from a message sent with a nonce, and the message id is stored before the thread is made from it, so a
crash in between makes the thread from the same message (Discord gives a thread made from a message that
message's id, and refuses a second one). Lines carry a nonce per article and thread. A channel the bot can no
longer post in marks the post failed (logged); Discord's own trouble leaves it for the next pass.
"""

from __future__ import annotations

import hashlib
import logging
from typing import TYPE_CHECKING, Any

import discord

from bot.i18n import lang_of, permissions, t
from bot.render import stories as render

if TYPE_CHECKING:
    from bot.discord.client import NewsdeskBot

log = logging.getLogger("newsdesk.stories")

TEXT_NEEDS = ("send_messages", "embed_links", "create_public_threads", "send_messages_in_threads")
FORUM_NEEDS = ("send_messages", "embed_links", "send_messages_in_threads")  # a forum post is a message
THREAD_EXISTS = 160004  # "A thread has already been created for this message"


def cannot_post_stories(guild: discord.Guild, channel: Any, lang: str = "en") -> str | None:
    """Why the bot cannot make story threads in ``channel`` (None when it can)."""
    if channel is None:
        return t("channel_gone", lang)
    if not isinstance(channel, discord.TextChannel | discord.ForumChannel):
        return t("story_channel_kind", lang, channel=f"<#{channel.id}>")
    me = guild.me
    if me is None:
        return None
    perms = channel.permissions_for(me)
    needs = FORUM_NEEDS if isinstance(channel, discord.ForumChannel) else TEXT_NEEDS
    missing = [p for p in needs if not getattr(perms, p)]
    if missing:
        return t(
            "story_channel_missing", lang, channel=f"<#{channel.id}>", missing=permissions(missing, lang)
        )
    return None


def nonce(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:25]


def _transient(exc: BaseException) -> bool:
    if isinstance(exc, discord.HTTPException):
        return exc.status >= 500 or exc.status == 429
    return isinstance(exc, OSError | TimeoutError)


class StoryPoster:
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot

    @property
    def store(self) -> Any:
        return self.bot.store

    async def run_once(self) -> int:
        """Create the threads and send the lines recorded and not yet sent (this process's servers only)."""
        sent = 0
        for row in await self.store.pending_story_threads():
            if self.bot.get_guild(int(row["guild_id"])) is not None:
                sent += await self._attempt(row, self._start)
        for row in await self.store.pending_story_lines():
            if self.bot.get_guild(int(row["guild_id"])) is None:
                continue
            if row["thread_id"] is None:
                if row["thread_status"] != "pending":  # its thread could not be made: nowhere to post
                    await self.store.finish_story_line(int(row["guild_id"]), str(row["article_id"]), "failed")
                continue
            sent += await self._attempt(row, self._line)
        return sent

    async def _attempt(self, row: dict[str, Any], send: Any) -> int:
        try:
            await send(row)
            return 1
        except (discord.HTTPException, OSError, TimeoutError) as exc:
            retry = _transient(exc)
            log.warning(
                "story post in server %s about %s %s: %s",
                row["guild_id"],
                row["article_id"],
                "failed, trying again next pass" if retry else "not delivered",
                exc,
            )
            if not retry:
                await self._fail(row)
            return 0

    async def _fail(self, row: dict[str, Any]) -> None:
        guild_id = int(row["guild_id"])
        if "message_id" in row:
            await self.store.finish_story_thread(guild_id, str(row["story_id"]), "failed")
        else:
            await self.store.finish_story_line(guild_id, str(row["article_id"]), "failed")

    async def _start(self, row: dict[str, Any]) -> None:
        guild_id, story_id = int(row["guild_id"]), str(row["story_id"])
        guild = self.bot.get_guild(guild_id)
        assert guild is not None
        lang = lang_of(None, guild.preferred_locale)
        channel = guild.get_channel(int(row["channel_id"]))
        article = self.bot.library.view(guild_id).article(str(row["article_id"]))
        problem = cannot_post_stories(guild, channel, lang)
        if problem or article is None:
            log.warning("story thread in server %s not made: %s", guild_id, problem or "the article is gone")
            await self.store.finish_story_thread(guild_id, story_id, "failed")
            return
        content, embed = render.thread_starter(article, lang)
        name = render.thread_name(article.title)
        if isinstance(channel, discord.ForumChannel):
            made = await channel.create_thread(
                name=name, content=content, embed=embed, allowed_mentions=discord.AllowedMentions.none()
            )
            thread_id = made.thread.id
        else:
            assert isinstance(channel, discord.TextChannel)
            message_id = row["message_id"]
            if message_id is None:
                message = await channel.send(
                    content=content,
                    embed=embed,
                    nonce=nonce(guild_id, story_id, "start"),
                    allowed_mentions=discord.AllowedMentions.none(),
                )
                message_id = message.id
                await self.store.story_thread_started(guild_id, story_id, message_id)
            try:
                thread = await channel.create_thread(name=name, message=discord.Object(int(message_id)))
                thread_id = thread.id
            except discord.HTTPException as exc:
                if exc.code != THREAD_EXISTS:
                    raise
                thread_id = int(message_id)  # made before a crash: a message's thread has the message's id
        await self.store.finish_story_thread(guild_id, story_id, "sent", thread_id)

    async def _line(self, row: dict[str, Any]) -> None:
        guild_id, article_id = int(row["guild_id"]), str(row["article_id"])
        guild = self.bot.get_guild(guild_id)
        article = self.bot.library.view(guild_id).article(article_id)
        if article is None:
            await self.store.finish_story_line(guild_id, article_id, "failed")
            return
        lang = lang_of(None, guild.preferred_locale if guild else None)
        thread = self.bot.get_partial_messageable(int(row["thread_id"]), guild_id=guild_id)
        await thread.send(
            content=render.thread_line(article, lang),
            nonce=nonce(guild_id, article_id, row["thread_id"]),
            allowed_mentions=discord.AllowedMentions.none(),
            suppress_embeds=True,
        )
        await self.store.finish_story_line(guild_id, article_id, "sent")
