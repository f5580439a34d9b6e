"""Story threads: per server, each new story becomes a thread in its story channel (a forum post in a forum
channel), and each later article of the story one line in that thread.

Every post is recorded in the store before it is sent (``claim_story_post`` at intake). A text channel's thread
starts from a message sent with a nonce, and the message id is stored before the thread is made from it, so a
crash in between makes the thread from the same message (Discord gives a thread made from a message that
message's id, and refuses a second one). A forum post takes no nonce, so before each try of a pending forum post
the bot lists the server's active threads and adopts the post it made there for this story (its name, made after
the post was recorded, and no other story's thread) if a crash or a lost answer left one; only when there is none
does it post. Lines carry a nonce per article and thread. A channel the bot can no
longer post in marks the post failed (logged); Discord's own trouble leaves it for the next pass.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from bot.delivery import Mentions, Post, Poster, SendError, adoptable, transient
from bot.i18n import lang_of, use_locale
from bot.library.catalog import Catalog
from bot.render import stories as render

log = logging.getLogger("newsdesk.stories")

THREAD_EXISTS = 160004  # "A thread has already been created for this message"


class StoryStore(Protocol):
    """The store methods story threads use."""

    async def set_story_channel(self, guild_id: int, channel_id: int) -> None: ...
    async def clear_story_channel(self, guild_id: int) -> bool: ...
    async def story_channels(self) -> dict[int, int]: ...
    async def pending_story_threads(self) -> list[dict[str, Any]]: ...
    async def pending_story_lines(self) -> list[dict[str, Any]]: ...
    async def story_thread_started(self, guild_id: int, story_id: str, message_id: int) -> None: ...
    async def finish_story_thread(
        self, guild_id: int, story_id: str, status: str, thread_id: int | None = None
    ) -> None: ...
    async def finish_story_line(self, guild_id: int, article_id: str, status: str) -> None: ...
    async def story_thread_ids(self, guild_id: int) -> set[int]: ...


def nonce(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:25]


class StoryPoster:
    def __init__(self, store: StoryStore, poster: Poster, library: Callable[[], Catalog]) -> None:
        self.store = store
        self.poster = poster
        self.library = library

    async def set_channel(self, guild_id: int, channel_id: int) -> None:
        """Post this server's new stories in ``channel_id`` from now on (checked by the command)."""
        await self.store.set_story_channel(guild_id, channel_id)

    async def channel_of(self, guild_id: int) -> int | None:
        """The server's story channel (None when it has none)."""
        return (await self.store.story_channels()).get(guild_id)

    async def clear_channel(self, guild_id: int) -> bool:
        """Stop posting this server's stories; whether a channel was set."""
        return await self.store.clear_story_channel(guild_id)

    async def run_once(self) -> int:
        """Create the threads and send the lines recorded and not yet sent (this process's servers only)."""
        sent = 0
        serving = self.poster.servers()
        for row in await self.store.pending_story_threads():
            if int(row["guild_id"]) in serving:
                sent += await self._attempt(row, self._start)
        for row in await self.store.pending_story_lines():
            if int(row["guild_id"]) not in serving:
                continue
            if row["thread_id"] is None:
                if row["thread_status"] != "pending":  # its thread could not be made: nowhere to post
                    await self.store.finish_story_line(int(row["guild_id"]), str(row["article_id"]), "failed")
                continue
            sent += await self._attempt(row, self._line)
        return sent

    async def _attempt(self, row: dict[str, Any], send: Callable[[dict[str, Any]], Awaitable[None]]) -> int:
        try:
            with use_locale(self._language(int(row["guild_id"]))):  # one story post, in its server's language
                await send(row)
            return 1
        except (SendError, OSError, TimeoutError) as exc:
            retry = transient(exc)
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

    def _language(self, guild_id: int) -> str:
        server = self.poster.server(guild_id)
        return lang_of(None, server.locale if server else None)

    async def _fail(self, row: dict[str, Any]) -> None:
        guild_id = int(row["guild_id"])
        if "message_id" in row:
            await self.store.finish_story_thread(guild_id, str(row["story_id"]), "failed")
        else:
            await self.store.finish_story_line(guild_id, str(row["article_id"]), "failed")

    async def _start(self, row: dict[str, Any]) -> None:
        guild_id, story_id = int(row["guild_id"]), str(row["story_id"])
        server = self.poster.server(guild_id)
        assert server is not None
        channel_id = int(row["channel_id"])
        article = self.library().view(guild_id).article(str(row["article_id"]))
        problem = self.poster.cannot_post(guild_id, channel_id, threads=True)
        if problem or article is None:
            log.warning("story thread in server %s not made: %s", guild_id, problem or "the article is gone")
            await self.store.finish_story_thread(guild_id, story_id, "failed")
            return
        content, embed = render.thread_starter(article)
        name = render.thread_name(article.title)
        channel = self.poster.channel(guild_id, channel_id)
        if channel is not None and channel.kind == "forum":
            found = await self._posted(row, name)
            if found is not None:
                log.info(
                    "story %s in server %s: adopting forum post %s made before", story_id, guild_id, found
                )
                thread_id = found
            else:
                thread_id, _ = await self.poster.create_thread(
                    guild_id, channel_id, name, post=Post(content=content, embeds=[embed])
                )
        else:
            message_id = row["message_id"]
            if message_id is None:
                message = await self.poster.send(
                    channel_id,
                    Post(content=content, embeds=[embed], nonce=nonce(guild_id, story_id, "start")),
                )
                message_id = message.id
                await self.store.story_thread_started(guild_id, story_id, message_id)
            try:
                thread_id, _ = await self.poster.create_thread(
                    guild_id, channel_id, name, message_id=int(message_id)
                )
            except SendError as exc:
                if exc.code != THREAD_EXISTS:
                    raise
                thread_id = int(message_id)  # made before a crash: a message's thread has the message's id
        await self.store.finish_story_thread(guild_id, story_id, "sent", thread_id)

    async def _posted(self, row: dict[str, Any], name: str) -> int | None:
        """The forum post an earlier try made for this pending story (its answer lost to a crash or a network
        error), if it is still active: the bot's, in the story channel, with the story's name, made after the
        post was recorded, and not another story's thread."""
        guild_id = int(row["guild_id"])
        taken = await self.store.story_thread_ids(guild_id)
        threads = await self.poster.my_threads(guild_id, int(row["channel_id"]))
        return adoptable(threads, name, str(row["created_at"]), taken)

    async def _line(self, row: dict[str, Any]) -> None:
        guild_id, article_id = int(row["guild_id"]), str(row["article_id"])
        article = self.library().view(guild_id).article(article_id)
        if article is None:
            await self.store.finish_story_line(guild_id, article_id, "failed")
            return
        await self.poster.send(
            int(row["thread_id"]),
            Post(
                content=render.thread_line(article),
                nonce=nonce(guild_id, article_id, row["thread_id"]),
                mentions=Mentions(),
                suppress_embeds=True,
            ),
        )
        await self.store.finish_story_line(guild_id, article_id, "sent")


async def thread_of_story(
    store: Any, stories: Callable[[], Any], guild_id: int, article_id: str
) -> int | None:
    """The thread this server's story channel has for the story of ``article_id`` (made and sent), when the
    article is not the one that started it; None otherwise (no stories yet, no story, no thread)."""
    service = stories()
    found = service.story_of(guild_id, article_id) if service is not None else None
    if found is None:
        return None
    row = await store.story_thread(guild_id, f"{found[0]}:{found[1]}")
    if not row or row["status"] != "sent" or row["thread_id"] is None or row["article_id"] == article_id:
        return None
    return int(row["thread_id"])
