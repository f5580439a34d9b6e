"""/feed add | remove | list | test: a server's own RSS/Atom feeds (Manage Server), and the loop that polls them."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.discord.checks import manage_server
from bot.discord.views import defer, respond
from bot.errors import UserError
from bot.i18n import t
from bot.render import posts
from bot.render.limits import CHOICE_NAME, CHOICE_VALUE, CHOICES, fit

if TYPE_CHECKING:
    from bot.discord.client import NewsdeskBot

log = logging.getLogger("newsdesk.serverfeeds")

POST_MODES = [
    app_commands.Choice(name="Each new article", value="each"),
    app_commands.Choice(name="Digest only", value="digest-only"),
    app_commands.Choice(name="Don't post", value="none"),
]
URL_OPTION = "The feed's http(s) address"


@manage_server()
class FeedCog(commands.GroupCog, group_name="feed", group_description="Your server's own RSS/Atom feeds"):
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot
        self.service = bot.services.feeds
        self.loop.change_interval(seconds=max(1.0, min(60.0, self.service.fetcher.interval)))
        super().__init__()

    async def cog_load(self) -> None:
        self.loop.start()

    async def cog_unload(self) -> None:
        self.loop.cancel()

    @tasks.loop(seconds=60)
    async def loop(self) -> None:
        try:
            await self.service.tick()
        except Exception:  # the loop goes on; the next tick tries again
            log.exception("server feeds tick failed")

    @loop.before_loop
    async def _before(self) -> None:
        await self.bot.wait_until_ready()

    @app_commands.command(name="add", description="Add an RSS/Atom feed for this server")
    @app_commands.describe(
        url=URL_OPTION,
        channel="Where its articles are posted (a text channel, or a forum: a post each) and failures told",
        post="Post each new article, leave them to the digest, or neither",
        crosspost="Publish posts made in an announcement channel to following servers",
        sample="Post the feed's newest item now, as a sample",
        story_threads="Post a later article of a story into that story's thread (see /story-channel)",
    )
    @app_commands.choices(post=POST_MODES)
    async def add(
        self,
        interaction: discord.Interaction,
        url: app_commands.Range[str, 1, 500],
        channel: discord.TextChannel | discord.ForumChannel | None = None,
        post: str | None = None,
        crosspost: bool | None = None,
        sample: bool = False,
        story_threads: bool | None = None,
    ) -> None:
        """Options left out keep what a feed already added has (a new feed: posts each article when a channel is
        given, else goes to the digest only)."""
        assert interaction.guild is not None
        await defer(interaction, ephemeral=True)  # the feed is fetched first
        feed, new, taken = await self.service.add(
            interaction.guild.id,
            channel.id if channel else None,
            url,
            post,
            crosspost,
            interaction.user.id,
            sample,
            story_threads=story_threads,
        )
        mode = feed.post
        if mode == "each":
            what = t("feed_what_each", channel=f"<#{feed.channel_id}>")
        else:
            what = t("feed_what_digest" if mode == "digest-only" else "feed_what_none")
        key = "feed_added" if new else "feed_updated"
        await respond(interaction, t(key, url=f"<{feed.url}>", n=taken, what=what), ephemeral=True)

    @app_commands.command(name="remove", description="Stop fetching one of this server's feeds")
    @app_commands.describe(url=URL_OPTION)
    async def remove(self, interaction: discord.Interaction, url: app_commands.Range[str, 1, 500]) -> None:
        assert interaction.guild_id is not None
        if not await self.service.remove(interaction.guild_id, url):
            raise UserError("feed_not_found", url=f"<{url.strip()}>")
        await respond(interaction, t("feed_removed", url=f"<{url.strip()}>"), ephemeral=True)

    @remove.autocomplete("url")
    async def _urls(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        feeds = await self.service.feeds(interaction.guild_id)
        found = [f.url for f in feeds if current.lower() in f.url.lower() and len(f.url) <= CHOICE_VALUE]
        return [app_commands.Choice(name=fit(u, CHOICE_NAME), value=u) for u in found[:CHOICES]]

    @app_commands.command(name="list", description="This server's feeds and their health")
    async def list_(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None
        feeds = await self.service.feeds(interaction.guild_id)
        embed = posts.feed_list_embed(feeds, self.service.limit, self.service.now())
        await respond(interaction, embeds=[embed], ephemeral=True)

    @app_commands.command(
        name="test", description="Fetch a feed now and show what would be posted (nothing is stored)"
    )
    @app_commands.describe(url=URL_OPTION)
    async def test(self, interaction: discord.Interaction, url: app_commands.Range[str, 1, 500]) -> None:
        await defer(interaction, ephemeral=True)
        shown, skipped = await self.service.test(url)
        if not shown:
            raise UserError("feed_test_empty", url=f"<{url.strip()}>")
        content, found = posts.feed_test_message(url.strip(), shown, skipped)
        await respond(interaction, content, embeds=found, ephemeral=True)


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(FeedCog(bot))
