"""/setup (managers): one private checklist for the server — the digest, the bot's permissions where it posts
and here, follows, the server's own articles, its feeds, filters and story threads, and what to run next."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import lookup
from bot.discord.checks import manage_server
from bot.discord.invite import NEEDED
from bot.discord.poster import cannot_post, cannot_post_stories
from bot.discord.views import send_pages
from bot.render import embeds

if TYPE_CHECKING:
    from bot.discord.client import NewsdeskBot


def missing_in(channel: object, me: discord.Member | None) -> list[str] | None:
    """The permissions of ``bot/discord/invite.py``'s list the bot lacks in ``channel`` (None: not a channel it knows)."""
    if me is None or not isinstance(channel, discord.abc.GuildChannel):
        return None
    perms = channel.permissions_for(me)
    return [name for name, _, _, _ in NEEDED if not getattr(perms, name)]


class Setup(commands.Cog):
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot
        self.digests = bot.services.digests

    @app_commands.command(
        name="setup",
        description="Check this server's setup: digest, feeds, filters, story threads, permissions",
    )
    @manage_server()
    @lookup.cooldown(5, 30.0, key=lambda i: i.user.id)
    async def setup_(self, interaction: discord.Interaction) -> None:
        guild = interaction.guild
        assert guild is not None
        status = await self.digests.status(guild.id)
        schedule = status.schedule
        digest_channel = guild.get_channel(schedule.channel_id) if schedule else None
        services = self.bot.services
        follows = await services.follows.of_server(guild.id)
        feeds = await services.feeds.feeds(guild.id)
        feed_channels = {f.channel_id for f in feeds if f.channel_id and f.post == "each"}
        filters: dict[str, int] = {}
        for destination, *_ in await self.bot.store.filter_rules(guild.id):  # kept to a channel or feed too
            filters[destination] = filters.get(destination, 0) + 1
        story_channel = await services.story_threads.channel_of(guild.id)
        report = embeds.SetupReport(
            server=guild.name,
            digest=status,
            digest_problem=cannot_post(guild, digest_channel) if schedule else None,
            digest_missing=missing_in(digest_channel, guild.me) if schedule else None,
            here_id=interaction.channel_id,
            here_missing=missing_in(interaction.channel, guild.me),
            follows=len(follows),
            followers=len({f["user_id"] for f in follows}),
            own_articles=len(await self.bot.store.scoped_articles(guild.id)),
            readable=self.bot.library.view(guild.id).stats()["articles"],
            feeds=[(f.url, f.channel_id, f.post, f.last_error if f.failures else None) for f in feeds],
            feed_missing={c: missing_in(guild.get_channel(c), guild.me) for c in sorted(feed_channels)},
            filters=filters,
            story_channel=story_channel,
            story_problem=(
                cannot_post_stories(guild, guild.get_channel(story_channel)) if story_channel else None
            ),
        )
        await send_pages(interaction, [embeds.setup_embed(report)], ephemeral=True)


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(Setup(bot))
