"""The seam between the services and Discord: what a service may ask of the bot when it posts.

Services (digests, follow alerts, story threads, a server's feeds) import this module, never ``discord``; the one
implementation over discord.py is :class:`bot.discord.poster.DiscordPoster`, and tests use a small fake. What a
message carries is plain data, except its embeds: the render layer builds them, and the Poster hands them on
untouched (opaque values), so what reaches Discord is byte for byte what the render layer made.

A send that Discord refuses (or fails on its side) raises :class:`SendError`; the network's own trouble
(``OSError``, ``TimeoutError``) passes through as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal, Protocol

Nonce = str | int
ChannelKind = Literal["text", "news", "forum", "other"]


class SendError(Exception):
    """Discord answered a send with an error: its HTTP ``status``, its JSON error ``code`` (0 when none), its
    ``text`` and the name of the error it was (``Forbidden``, ``DiscordServerError`` …)."""

    def __init__(
        self, status: int, text: str = "", code: int = 0, name: str = "HTTPException", message: str = ""
    ) -> None:
        # ``message``: the refusal as discord.py words it (what the logs and stored details show)
        super().__init__(message or f"{status} {name} (error code: {code}): {text}")
        self.status, self.text, self.code, self.name = status, text, code, name

    @property
    def transient(self) -> bool:
        """Worth another try later: Discord's own trouble (5xx) or a rate limit."""
        return self.status >= 500 or self.status == 429


def transient(exc: BaseException) -> bool:
    """Worth another try later: Discord's own trouble (5xx, rate limits) or the network's."""
    if isinstance(exc, SendError):
        return exc.transient
    return isinstance(exc, OSError | TimeoutError)


DISCORD_EPOCH_MS = 1420070400000
CLOCK_SKEW = timedelta(seconds=30)  # the bot's clock and Discord's may differ by this much


def made_at(snowflake: int) -> datetime:
    """When Discord made the object with this id (UTC)."""
    return datetime.fromtimestamp(((snowflake >> 22) + DISCORD_EPOCH_MS) / 1000, tz=UTC)


def adoptable(threads: Sequence[Thread], name: str, recorded_at: str, taken: set[int]) -> int | None:
    """The forum post an interrupted try made (Discord takes no nonce there): the bot's active post with this
    ``name``, made after the post was recorded (``recorded_at``, UTC ISO, less the clock skew) and not one that
    is already another record's."""
    since = datetime.fromisoformat(recorded_at) - CLOCK_SKEW
    if since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    for thread in threads:
        if thread.name == name and thread.id not in taken and made_at(thread.id) >= since:
            return thread.id
    return None


@dataclass(frozen=True)
class Mentions:
    """Whom a message may ping: exactly these users and roles, never @everyone. The default pings nobody."""

    users: tuple[int, ...] = ()
    roles: tuple[int, ...] = ()


@dataclass(frozen=True)
class Sent:
    """A message that went out."""

    id: int
    jump_url: str = ""


@dataclass(frozen=True)
class Server:
    """What a service needs to know of a server the bot is in."""

    id: int
    name: str
    locale: str | None = None  # Discord's preferred locale of the server (e.g. "en-US", "zh-CN")


@dataclass(frozen=True)
class Channel:
    """A channel of a server the bot is in: a text channel, an announcement ("news") channel, a forum, or
    another kind the services do not post in."""

    id: int
    kind: ChannelKind


@dataclass(frozen=True)
class Thread:
    """An active thread (or forum post) the bot made: its id, its channel and its name."""

    id: int
    parent_id: int
    name: str


@dataclass(frozen=True)
class Post:
    """A message to send: its text, its embeds (as the render layer made them), a nonce Discord de-duplicates
    by (None: let the library pick one), whom it may ping, and whether link previews are suppressed."""

    content: str | None = None
    embeds: Sequence[object] | None = None
    nonce: Nonce | None = None
    mentions: Mentions = Mentions()
    suppress_embeds: bool = False


class Poster(Protocol):
    """Everything the services ask of Discord. The look-ups read the bot's cache (no request); the sends are
    requests and raise :class:`SendError` when Discord refuses them."""

    def servers(self) -> set[int]:
        """The ids of the servers this process serves (its shards' servers)."""
        ...

    def server(self, guild_id: int) -> Server | None:
        """The server, or None when the bot is not (or no longer) in it."""
        ...

    def channel(self, guild_id: int, channel_id: int) -> Channel | None:
        """A channel of a server, or None when the server or the channel is gone."""
        ...

    def cannot_post(self, guild_id: int, channel_id: int | None, *, threads: bool = False) -> str | None:
        """Why the bot cannot post in the channel (None when it can): the server or channel is gone, it is not
        a text channel, or permissions are missing. ``threads``: the story-thread check (a text channel where
        the bot can make threads, or a forum)."""
        ...

    async def send(self, channel_id: int, post: Post) -> Sent:
        """Send ``post`` into a channel or thread."""
        ...

    async def send_dm(self, user_id: int, post: Post) -> Sent:
        """Send ``post`` to a user as a direct message."""
        ...

    async def create_thread(
        self,
        guild_id: int,
        channel_id: int,
        name: str,
        *,
        post: Post | None = None,
        message_id: int | None = None,
    ) -> tuple[int, int | None]:
        """Make a thread: in a forum, a forum post whose first message is ``post``; in a text channel, a thread
        from the message ``message_id``. Returns (thread id, the first message's id when a forum post)."""
        ...

    async def my_threads(self, guild_id: int, channel_id: int) -> list[Thread]:
        """The active threads (forum posts) the bot made in a channel: one request for the server's active
        threads, newest first."""
        ...

    async def publish(self, channel_id: int, message_id: int) -> None:
        """Publish (crosspost) a message sent in an announcement channel to the servers following it."""
        ...
