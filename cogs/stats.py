"""/stats, /privacy info and /privacy forget-me."""

from __future__ import annotations

import asyncio
import io
from typing import TYPE_CHECKING, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.errors import UserError
from bot.render import embeds
from bot.render.chart import daily_usage_png
from bot.render.limits import fit, one_line
from bot.render.pages import Confirm, respond
from bot.usage import usage_summary

if TYPE_CHECKING:
    from bot.client import NewsdeskBot


class Stats(commands.Cog):
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot

    privacy = app_commands.Group(name="privacy", description="What the bot stores about you, and deleting it")

    @app_commands.command(
        name="stats", description="How the bot is used here: commands, people, articles, speed"
    )
    @app_commands.describe(
        days="How many days back (1-365, default 30)", scope="The whole server (managers) or just you"
    )
    @app_commands.checks.cooldown(3, 60.0, key=lambda i: i.user.id)
    async def stats(
        self,
        interaction: discord.Interaction,
        days: app_commands.Range[int, 1, 365] = 30,
        scope: Literal["server", "me"] = "server",
    ) -> None:
        if scope == "server":
            perms = getattr(interaction.user, "guild_permissions", None)
            if interaction.guild_id is None:
                raise UserError("Server statistics only exist in a server. Use `scope: me` here.")
            if perms is None or not perms.manage_guild:
                raise app_commands.MissingPermissions(["manage_guild"])
        await interaction.response.defer(ephemeral=scope == "me", thinking=True)
        interaction.extras["responded_at"] = discord.utils.utcnow()
        await self.bot.usage.flush(everything=True)
        summary = await usage_summary(
            self.bot.store,
            days,
            discord.utils.utcnow(),
            guild_id=interaction.guild_id if scope == "server" else None,
            user_id=interaction.user.id if scope == "me" else None,
        )
        summary.dropped = self.bot.usage.dropped
        titles = {}
        for article_id, _ in summary.top_articles:
            article = self.bot.library.article(article_id)
            titles[article_id] = fit(one_line(article.title), 80) if article else article_id
        label = interaction.guild.name if scope == "server" and interaction.guild else "you"
        png = await asyncio.to_thread(daily_usage_png, summary.per_day, f"Commands per day ({label})")
        card = embeds.stats_embed(summary, label, titles)
        await respond(
            interaction,
            embeds=[card],
            files=[discord.File(io.BytesIO(png), "usage.png")],
            ephemeral=scope == "me",
        )

    @privacy.command(name="info", description="What the bot stores about you and for how long")
    async def info(self, interaction: discord.Interaction) -> None:
        await respond(
            interaction, embeds=[embeds.privacy_embed(self.bot.settings.usage_retention_days)], ephemeral=True
        )

    @privacy.command(name="forget-me", description="Delete every record of your use of the bot")
    async def forget_me(self, interaction: discord.Interaction) -> None:
        view = Confirm(interaction.user.id, "Delete my records")
        await respond(
            interaction,
            "This deletes every record of the commands you ran, in every server. It cannot be undone.",
            view=view,
            ephemeral=True,
        )
        await view.wait()
        if view.answer is None:
            await interaction.edit_original_response(content="Nothing was deleted (no answer).", view=None)
            return
        if not view.result:
            await view.answer.response.edit_message(content="Nothing was deleted.", view=None)
            return
        await self.bot.usage.flush(everything=True)
        deleted = await self.bot.store.forget_user(interaction.user.id)  # type: ignore[attr-defined]
        await view.answer.response.edit_message(
            content=f"Done: {deleted} record(s) of your use were deleted.", view=None
        )


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(Stats(bot))
