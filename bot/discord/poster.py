"""The one :class:`bot.delivery.Poster` over discord.py, and the can-post checks on Discord's objects.

The checks take discord.py objects (a command's cog has them at hand); the Poster looks the objects up in the
bot's cache by id for the services. A send turns Discord's refusal (``discord.HTTPException``) into
:class:`bot.delivery.SendError`; the network's own errors pass through.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import discord
from discord.utils import MISSING

from bot.delivery import Channel, Mentions, Post, SendError, Sent, Server, Thread
from bot.discord.invite import POSTING
from bot.i18n import permissions, t

NEEDED = POSTING  # what posting a digest (or an alert, or a feed's post) needs in its channel
TEXT_NEEDS = ("send_messages", "embed_links", "create_public_threads", "send_messages_in_threads")
FORUM_NEEDS = ("send_messages", "embed_links", "send_messages_in_threads")  # a forum post is a message


def cannot_post(guild: discord.Guild, channel: Any) -> str | None:
    """Why the bot cannot post digests (alerts, feed posts) in ``channel`` (None when it can)."""
    if channel is None:
        return t("channel_gone")
    if not isinstance(channel, discord.TextChannel):
        return t("channel_not_text", name=channel.name)
    me = guild.me
    if me is None:
        return None
    perms = channel.permissions_for(me)
    missing = [p for p in NEEDED if not getattr(perms, p)]
    if missing:
        return t("channel_missing_perms", name=channel.name, missing=permissions(missing))
    return None


def cannot_post_stories(guild: discord.Guild, channel: Any) -> str | None:
    """Why the bot cannot make story threads in ``channel`` (None when it can)."""
    if channel is None:
        return t("channel_gone")
    if not isinstance(channel, discord.TextChannel | discord.ForumChannel):
        return t("story_channel_kind", channel=f"<#{channel.id}>")
    me = guild.me
    if me is None:
        return None
    perms = channel.permissions_for(me)
    needs = FORUM_NEEDS if isinstance(channel, discord.ForumChannel) else TEXT_NEEDS
    missing = [p for p in needs if not getattr(perms, p)]
    if missing:
        return t("story_channel_missing", channel=f"<#{channel.id}>", missing=permissions(missing))
    return None


def role_problem(interaction: discord.Interaction, role: discord.Role) -> str | None:
    """Why ``role`` cannot be pinged from this command (None when it can): only a manager may set a ping, and
    the bot must be able to mention the role. @everyone is never a ping (it means: no role)."""
    perms = getattr(interaction.user, "guild_permissions", None)
    if perms is None or not perms.manage_guild:
        return t("role_needs_manager")
    guild = interaction.guild
    me = guild.me if guild else None
    if not role.mentionable and not (me and me.guild_permissions.mention_everyone):
        return t("role_not_mentionable", role=role.name)
    return None


def allowed(mentions: Mentions) -> discord.AllowedMentions:
    """Exactly the users and roles named, never @everyone, nothing when none is named."""
    if not mentions.users and not mentions.roles:
        return discord.AllowedMentions.none()
    return discord.AllowedMentions(
        everyone=False,
        users=[discord.Object(u) for u in mentions.users] or False,
        roles=[discord.Object(r) for r in mentions.roles] or False,
        replied_user=False,
    )


@asynccontextmanager
async def _refusals() -> AsyncIterator[None]:
    try:
        yield
    except discord.HTTPException as exc:
        raise SendError(exc.status, exc.text, exc.code, exc.__class__.__name__, str(exc)) from exc


def _embeds(post: Post) -> Any:
    """The render layer's embeds as they are (MISSING when the post has none, as a send without embeds)."""
    return list(post.embeds) if post.embeds is not None else MISSING


def _kind(channel: object) -> Any:
    if isinstance(channel, discord.TextChannel):
        return "news" if channel.is_news() else "text"
    if isinstance(channel, discord.ForumChannel):
        return "forum"
    return "other"


class DiscordPoster:
    """:class:`bot.delivery.Poster` over a connected discord.py client."""

    def __init__(self, client: discord.Client) -> None:
        self.client = client

    def servers(self) -> set[int]:
        return {g.id for g in self.client.guilds}

    def server(self, guild_id: int) -> Server | None:
        guild = self.client.get_guild(guild_id)
        if guild is None:
            return None
        locale = guild.preferred_locale
        return Server(guild.id, guild.name, str(getattr(locale, "value", locale)) if locale else None)

    def _channel(self, guild_id: int, channel_id: int | None) -> Any:
        guild = self.client.get_guild(guild_id)
        return guild.get_channel(channel_id) if guild and channel_id else None

    def channel(self, guild_id: int, channel_id: int) -> Channel | None:
        found = self._channel(guild_id, channel_id)
        return Channel(found.id, _kind(found)) if found is not None else None

    def cannot_post(self, guild_id: int, channel_id: int | None, *, threads: bool = False) -> str | None:
        guild = self.client.get_guild(guild_id)
        if guild is None:
            return t("not_in_server")
        channel = guild.get_channel(channel_id) if channel_id else None
        return (cannot_post_stories if threads else cannot_post)(guild, channel)

    async def send(self, channel_id: int, post: Post) -> Sent:
        # the cached channel (or thread) when there is one: its messages know their server (jump URLs)
        target = self.client.get_channel(channel_id) or self.client.get_partial_messageable(channel_id)
        assert isinstance(target, discord.abc.Messageable)
        return await self._send(target, post)

    async def send_dm(self, user_id: int, post: Post) -> Sent:
        async with _refusals():
            target = await self.client.create_dm(discord.Object(user_id))
        return await self._send(target, post)

    async def _send(self, target: discord.abc.Messageable, post: Post) -> Sent:
        async with _refusals():
            message = await target.send(
                content=post.content,
                embeds=_embeds(post),
                nonce=post.nonce if post.nonce is not None else MISSING,
                allowed_mentions=allowed(post.mentions),
                suppress_embeds=post.suppress_embeds,
            )
        return Sent(message.id, message.jump_url)

    async def create_thread(
        self,
        guild_id: int,
        channel_id: int,
        name: str,
        *,
        post: Post | None = None,
        message_id: int | None = None,
    ) -> tuple[int, int | None]:
        channel = self._channel(guild_id, channel_id)
        async with _refusals():
            if isinstance(channel, discord.ForumChannel):
                post = post or Post()
                made = await channel.create_thread(
                    name=name,
                    content=post.content,
                    embeds=_embeds(post),
                    allowed_mentions=allowed(post.mentions),
                )
                return made.thread.id, made.message.id
            if not isinstance(channel, discord.TextChannel) or message_id is None:
                raise SendError(404, "no such text channel or message", 0, "NotFound")
            thread = await channel.create_thread(name=name, message=discord.Object(message_id))
            return thread.id, None

    async def my_threads(self, guild_id: int, channel_id: int) -> list[Thread]:
        guild = self.client.get_guild(guild_id)
        me = self.client.user
        if guild is None or me is None:
            return []
        async with _refusals():
            threads = await guild.active_threads()
        return [
            Thread(t.id, t.parent_id, t.name)
            for t in sorted(threads, key=lambda t: t.id, reverse=True)
            if t.parent_id == channel_id and t.owner_id == me.id
        ]

    async def publish(self, channel_id: int, message_id: int) -> None:
        async with _refusals():
            await self.client.get_partial_messageable(channel_id).get_partial_message(message_id).publish()
