"""/follow, /unfollow, /following — and the loop that delivers follow alerts."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.discord.poster import role_problem
from bot.discord.views import respond
from bot.errors import UserError
from bot.follows import targets as follows
from bot.follows.service import value_of
from bot.i18n import t
from bot.render import embeds
from bot.render.limits import CHOICE_NAME, CHOICE_VALUE, fit, plain

if TYPE_CHECKING:
    from bot.discord.client import NewsdeskBot

log = logging.getLogger("newsdesk.follows")


class Follows(commands.Cog):
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot
        self.alerts = bot.services.alerts
        self.service = bot.services.follows

    async def cog_load(self) -> None:
        self.deliver.start()

    async def cog_unload(self) -> None:
        self.deliver.cancel()

    @tasks.loop(seconds=0)  # each pass waits for its own trigger (below)
    async def deliver(self) -> None:
        """After every library load (new articles) and every NEWSDESK_ALERT_SECONDS (alerts left pending)."""
        self.bot.library_changed.clear()  # before the pass: a load during it brings the next one sooner
        try:
            sent = await self.alerts.run_once()
            if sent:
                log.info("follow alerts: %d message(s) sent", sent)
        except Exception:  # the next pass tries again; nothing is lost, the store keeps what is pending
            log.exception("follow alerts failed")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.bot.library_changed.wait(), self.bot.settings.alert_seconds)

    @deliver.before_loop
    async def _before(self) -> None:
        await self.bot.wait_until_ready()

    def _where(self, channel_id: int | None) -> str:
        return f"<#{channel_id}>" if channel_id else t("follow_where_dm")

    @app_commands.command(
        name="follow", description="Get an alert when a new article mentions a person or an organization"
    )
    @app_commands.describe(
        target="Start typing a person or an organization",
        channel="Where alerts go (leave empty for direct messages)",
        role="A role to mention with the alerts (Manage Server)",
    )
    @app_commands.guild_only()
    async def follow(
        self,
        interaction: discord.Interaction,
        target: app_commands.Range[str, 1, 100],
        channel: discord.TextChannel | None = None,
        role: discord.Role | None = None,
    ) -> None:
        guild = interaction.guild
        if guild is None or interaction.guild_id is None:
            raise UserError("follow_in_server")
        found = self.service.resolve(interaction.guild_id, target)
        if role is not None and role.is_default():
            role = None  # @everyone is never pinged: it means no role
        if role is not None:
            if channel is None:
                raise UserError("role_needs_channel")
            problem = role_problem(interaction, role)
            if problem:
                raise UserError("refusal", text=problem)
        if channel is not None:
            member = interaction.user
            if isinstance(member, discord.Member) and not channel.permissions_for(member).send_messages:
                raise UserError("follow_channel_you", channel=channel.mention)
        new = await self.service.follow(
            interaction.guild_id,
            interaction.user.id,
            found,
            channel.id if channel else None,
            role.id if role else None,
        )
        where = self._where(channel.id if channel else None)
        key = "follow_done" if new else "follow_moved"
        if new and found.kind == follows.NAME:
            key = "follow_pending"
        await respond(interaction, t(key, name=plain(found.name), where=where), ephemeral=True)

    @follow.autocomplete("target")
    async def _follow_target(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return [
            app_commands.Choice(name=fit(label, CHOICE_NAME), value=fit(value, CHOICE_VALUE))
            for label, value in self.service.targets_like(interaction.guild_id, current)
        ]

    @app_commands.command(name="unfollow", description="Stop alerts about a person or an organization")
    @app_commands.describe(target="Start typing a person or an organization")
    @app_commands.guild_only()
    async def unfollow(
        self, interaction: discord.Interaction, target: app_commands.Range[str, 1, 100]
    ) -> None:
        if interaction.guild_id is None:
            raise UserError("follow_in_server")
        name = await self.service.unfollow(interaction.guild_id, interaction.user.id, target)
        await respond(interaction, t("unfollow_done", name=plain(name)), ephemeral=True)

    @unfollow.autocomplete("target")
    async def _unfollow_target(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        mine = await self.service.mine(interaction.guild_id, interaction.user.id)
        text = current.strip().lower()
        return [
            app_commands.Choice(name=fit(f["target_name"], CHOICE_NAME), value=fit(value_of(f), CHOICE_VALUE))
            for f in mine
            if text in str(f["target_name"]).lower()
        ][:25]

    @app_commands.command(
        name="following", description="The people and organizations you follow in this server"
    )
    @app_commands.guild_only()
    async def following(self, interaction: discord.Interaction) -> None:
        if interaction.guild_id is None:
            raise UserError("follow_in_server")
        mine = await self.service.mine(interaction.guild_id, interaction.user.id)
        if not mine:
            await respond(interaction, t("following_none"), ephemeral=True)
            return
        rows = [
            (
                str(f["target_name"]),
                str(f["kind"]),
                f"<#{f['channel_id']}>" if f["channel_id"] else t("following_dm"),
                str(f["created_at"])[:10],
            )
            for f in mine
        ]
        await respond(interaction, embeds=[embeds.following_embed(rows)], ephemeral=True)


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(Follows(bot))
