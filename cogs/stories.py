"""/story, /stories, /story-channel set | off — and the loop that posts story threads."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.discord import lookup
from bot.discord.checks import manager_group
from bot.discord.poster import cannot_post_stories
from bot.discord.transformers import article_choices, person_choices
from bot.discord.views import respond, send_pages
from bot.errors import UserError
from bot.i18n import t
from bot.render import stories as render
from bot.render.limits import clip
from bot.stories.service import StoryCard, StoryService

if TYPE_CHECKING:
    from bot.discord.client import NewsdeskBot

log = logging.getLogger("newsdesk.stories")


class Stories(commands.Cog):
    channel_group = manager_group(
        name="story-channel", description="Post each new story as a thread (server managers)"
    )

    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot
        self.poster = bot.services.story_threads

    async def cog_load(self) -> None:
        self.post.start()

    async def cog_unload(self) -> None:
        self.post.cancel()

    @tasks.loop(seconds=0)  # each pass waits for its own trigger (below)
    async def post(self) -> None:
        """After posts are recorded (new articles) and every NEWSDESK_ALERT_SECONDS (posts left pending)."""
        self.bot.stories_changed.clear()
        try:
            sent = await self.poster.run_once()
            if sent:
                log.info("story threads: %d post(s) sent", sent)
        except Exception:  # the store keeps what is pending: the next pass tries again
            log.exception("story threads failed")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.bot.stories_changed.wait(), self.bot.settings.alert_seconds)

    @post.before_loop
    async def _before(self) -> None:
        await self.bot.wait_until_ready()
        waiting, self.bot.stories_waiting = self.bot.stories_waiting, []
        try:
            await self.bot.record_story_posts(waiting)  # articles that arrived while the bot was away
        except Exception:
            log.exception("recording story posts failed")

    def _service(self) -> StoryService:
        if self.bot.stories is None:
            raise UserError("story_empty")
        return self.bot.stories

    # ------------------------------------------------------------------ /story

    @app_commands.command(
        name="story",
        description="One event across articles: first and latest report, sources, people, who said what",
    )
    @app_commands.describe(
        article="The story of this article",
        person="The latest story about this person",
        query="Words to search the articles for",
    )
    @app_commands.autocomplete(article=article_choices, person=person_choices)
    @lookup.cooldown(10, 20.0, key=lambda i: i.user.id)
    async def story(
        self,
        interaction: discord.Interaction,
        article: str | None = None,
        person: str | None = None,
        query: app_commands.Range[str, 1, 200] | None = None,
    ) -> None:
        service = self._service()
        guild_id = interaction.guild_id
        library = self.bot.library.view(guild_id)
        card: StoryCard | None = None
        shown = ""
        if article:
            found = lookup.article(library, article)
            card = service.card_of_article(library, guild_id, found.id)
            shown = found.title
        elif person:
            entry = lookup.person(library, person)
            shown = entry.name
            newest = max(
                (a for aid in entry.article_ids if (a := library.article(aid)) is not None),
                key=lambda a: a.published_at or "",
                default=None,
            )
            card = service.card_of_article(library, guild_id, newest.id) if newest else None
        elif query:
            shown = query
            ids = await self.bot.store.search(query, 10, guild_id if guild_id is not None else 0)
            for aid in ids:
                if library.article(aid) is not None:
                    card = service.card_of_article(library, guild_id, aid)
                    break
        else:
            recent = service.recent(library, guild_id, 30, limit=1) or service.recent(
                library, guild_id, 36500, limit=1
            )
            if not recent:
                raise UserError("story_empty")
            card = recent[0]
        if card is None:
            raise UserError("story_none", shown=f"**{clip(shown, 80)}**")
        await send_pages(interaction, render.story_pages(card))

    # ------------------------------------------------------------------ /stories

    @app_commands.command(name="stories", description="Recent stories, most covered first")
    @app_commands.describe(
        days="How many days back (default 7)", contested="Only stories where a denial meets a claim"
    )
    @lookup.cooldown(10, 20.0, key=lambda i: i.user.id)
    async def stories(
        self,
        interaction: discord.Interaction,
        days: app_commands.Range[int, 1, 3650] = 7,
        contested: bool = False,
    ) -> None:
        library = self.bot.library.view(interaction.guild_id)
        cards = self._service().recent(library, interaction.guild_id, days, contested)
        if not cards:
            raise UserError("refusal", text=render.stories_none(days, contested))
        heading = t("stories_title_contested" if contested else "stories_title", days=days)
        await send_pages(interaction, render.stories_pages(cards, heading))

    # ------------------------------------------------------------------ /story-channel

    @channel_group.command(
        name="set", description="Make each new story a thread (or forum post) in this channel"
    )
    @app_commands.describe(channel="A text channel or a forum")
    async def channel_set(
        self, interaction: discord.Interaction, channel: discord.TextChannel | discord.ForumChannel
    ) -> None:
        guild = interaction.guild
        assert guild is not None and interaction.guild_id is not None
        problem = cannot_post_stories(guild, guild.get_channel(channel.id) or channel)
        if problem:
            raise UserError("refusal", text=problem)
        await self.poster.set_channel(interaction.guild_id, channel.id)
        key = "story_channel_set_forum" if isinstance(channel, discord.ForumChannel) else "story_channel_set"
        await respond(interaction, t(key, channel=f"<#{channel.id}>"))

    @channel_group.command(name="off", description="Stop posting stories in a channel")
    async def channel_off(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None
        cleared = await self.poster.clear_channel(interaction.guild_id)
        await respond(interaction, t("story_channel_off" if cleared else "story_channel_was_off"))


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(Stories(bot))
