"""/digest set | status | preview | now | off, and the one loop that posts every server's digest."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.digest import rules
from bot.discord import lookup
from bot.discord.checks import manage_server
from bot.discord.poster import role_problem
from bot.discord.views import defer, respond, send_pages
from bot.errors import UserError
from bot.i18n import get_locale, t, use_locale
from bot.render import embeds

if TYPE_CHECKING:
    from bot.discord.client import NewsdeskBot

log = logging.getLogger("newsdesk.digest")

DIGEST_LANGUAGES = [
    app_commands.Choice(name="English", value="en"),
    app_commands.Choice(name="Simplified Chinese", value="zh-CN"),
    app_commands.Choice(name="Traditional Chinese", value="zh-TW"),
]
DIGEST_OPTIONS = {
    "channel": "Where to post",
    "time": "24-hour local time, e.g. 08:30",
    "timezone": "IANA time zone, e.g. Europe/Berlin (default UTC)",
    "max_articles": "At most this many stories (1-25, default 10)",
    "skip_empty": "On a quiet day post nothing (default) or a one-line notice",
    "language": "Language of the digest (default English)",
    "role": "A role to mention with each digest (none: no ping)",
    "people_moves": "Add a “People moves” section (leadership moves in the new articles)",
}


@manage_server()
class DigestCog(commands.GroupCog, group_name="digest", group_description="A daily post of what is new"):
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot
        self.service = bot.services.digests
        self.loop.change_interval(seconds=bot.settings.digest_tick_seconds)
        super().__init__()

    async def cog_load(self) -> None:
        self.loop.start()

    async def cog_unload(self) -> None:
        self.loop.cancel()

    @tasks.loop(seconds=30)
    async def loop(self) -> None:
        try:
            await self.service.tick()
        except Exception:  # the loop goes on; the next tick tries again
            log.exception("digest tick failed")

    @loop.before_loop
    async def _before(self) -> None:
        await self.bot.wait_until_ready()

    @app_commands.command(name="set", description="Post a digest every day at a time in your time zone")
    @app_commands.describe(**DIGEST_OPTIONS)
    @app_commands.choices(language=DIGEST_LANGUAGES)
    async def set_(
        self,
        interaction: discord.Interaction,
        channel: discord.TextChannel,
        time: app_commands.Range[str, 1, 8],
        timezone: app_commands.Range[str, 1, 64] | None = None,
        max_articles: app_commands.Range[int, 1, 25] | None = None,
        skip_empty: bool | None = None,
        language: str | None = None,
        role: discord.Role | None = None,
        people_moves: bool | None = None,
    ) -> None:
        """Options left out keep what is set already (or their defaults on a first schedule); role @everyone
        removes the ping."""
        await self._save(
            interaction,
            channel,
            time,
            timezone,
            max_articles,
            skip_empty,
            language,
            False,
            role,
            people_moves,
        )

    @app_commands.command(name="edit", description="Change some digest settings; the others stay as they are")
    @app_commands.describe(**DIGEST_OPTIONS)
    @app_commands.choices(language=DIGEST_LANGUAGES)
    async def edit(
        self,
        interaction: discord.Interaction,
        channel: discord.TextChannel | None = None,
        time: app_commands.Range[str, 1, 8] | None = None,
        timezone: app_commands.Range[str, 1, 64] | None = None,
        max_articles: app_commands.Range[int, 1, 25] | None = None,
        skip_empty: bool | None = None,
        language: str | None = None,
        role: discord.Role | None = None,
        people_moves: bool | None = None,
    ) -> None:
        await self._save(
            interaction, channel, time, timezone, max_articles, skip_empty, language, True, role, people_moves
        )

    async def _save(
        self,
        interaction: discord.Interaction,
        channel: discord.TextChannel | None,
        time: str | None,
        timezone: str | None,
        max_articles: int | None,
        skip_empty: bool | None,
        language: str | None,
        editing: bool,
        role: discord.Role | None = None,
        people_moves: bool | None = None,
    ) -> None:
        assert interaction.guild is not None
        role_id = None
        if role is not None:
            role_id = 0 if role.is_default() else role.id  # @everyone: no ping
            problem = role_problem(interaction, role) if role_id else None
            if problem:
                raise UserError("refusal", text=problem)
        schedule, upcoming = await self.service.set(
            interaction.guild.id,
            channel.id if channel else None,
            time,
            timezone,
            max_articles,
            skip_empty,
            language,
            editing=editing,
            role_id=role_id,
            people_moves=people_moves,
        )
        heading = t("sched_edited" if editing else "sched_title")
        card = embeds.digest_schedule_embed(schedule, upcoming, heading, schedule.language)
        await respond(interaction, embeds=card, ephemeral=True)

    @set_.autocomplete("timezone")
    @edit.autocomplete("timezone")
    async def _zones(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=z, value=z) for z in rules.zone_names(current)]

    @app_commands.command(name="status", description="Schedule, next run, last post and recent failures")
    async def status(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None
        info = await self.service.status(interaction.guild_id)
        if info.schedule is None:
            raise UserError("digest_none")
        card = embeds.digest_status_embed(info, interaction.guild_id, info.schedule.language)
        await respond(interaction, embeds=card, ephemeral=True)

    @app_commands.command(name="preview", description="See the next digest privately, without posting it")
    async def preview(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None
        digest = await self.service.preview(interaction.guild_id)
        schedule = await self.service.schedule(interaction.guild_id)
        today = self.service.now().date()
        with use_locale(schedule.language if schedule else get_locale()):  # as the digest will be written
            pages = [page for _, page in embeds.digest_messages(digest, today) if page]
        if not pages:
            raise UserError("digest_empty")
        await send_pages(interaction, pages, ephemeral=True)

    @app_commands.command(name="now", description="Post a digest right away (the scheduled one still runs)")
    @lookup.cooldown(1, 60.0, key=lambda i: i.guild_id)
    async def now(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None
        schedule = await self.service.schedule(interaction.guild_id)
        if schedule is None:
            raise UserError("digest_need_channel")
        await defer(interaction, ephemeral=True)
        outcome = await self.service.run(interaction.guild_id, schedule, None)
        if outcome.status == "failed":
            raise UserError("digest_not_posted", error=outcome.error)
        await respond(
            interaction, t("digest_posted", n=outcome.articles, url=outcome.jump_url), ephemeral=True
        )

    @app_commands.command(name="off", description="Stop the daily digest")
    async def off(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None
        if not await self.service.off(interaction.guild_id):
            raise UserError("digest_not_running")
        await respond(interaction, t("digest_off"), ephemeral=True)


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(DigestCog(bot))
