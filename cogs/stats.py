"""/stats, /privacy info and /privacy forget-me."""

from __future__ import annotations

import asyncio
import io
from typing import TYPE_CHECKING, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import lookup
from bot.discord.views import ask, defer, respond
from bot.errors import UserError
from bot.i18n import t, use_locale
from bot.render import embeds
from bot.render.chart import daily_usage_png
from bot.render.limits import fit, one_line
from bot.usage import usage_summary

if TYPE_CHECKING:
    from bot.discord.client import NewsdeskBot


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
    @lookup.cooldown(3, 60.0, key=lambda i: i.user.id)
    async def stats(
        self,
        interaction: discord.Interaction,
        days: app_commands.Range[int, 1, 365] = 30,
        scope: Literal["server", "me"] = "server",
    ) -> None:
        note = None
        if scope == "server":
            perms = getattr(interaction.user, "guild_permissions", None)
            if interaction.guild_id is None:
                raise UserError("stats_need_server")
            if perms is None or not perms.manage_guild:
                scope = "me"  # a plain member sees their own use rather than a refusal, and is told so
                note = t("stats_only_yours")
        await defer(interaction, ephemeral=scope == "me")
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
            article = self.bot.library.view(interaction.guild_id).article(article_id)
            titles[article_id] = fit(one_line(article.title), 80) if article else t("stats_removed_article")
        label = interaction.guild.name if scope == "server" and interaction.guild else t("stats_you")
        # The chart's font has no CJK glyphs: its title stays in English whatever the reader's language.
        with use_locale("en"):
            title = t("chart_title", label=label)
        png = await asyncio.to_thread(daily_usage_png, summary.per_day, title)
        card = embeds.stats_embed(summary, label, titles)
        await respond(
            interaction,
            note,
            embeds=[card],
            files=[discord.File(io.BytesIO(png), "usage.png")],
            ephemeral=scope == "me",
        )

    @privacy.command(name="info", description="What the bot stores about you and for how long")
    async def info(self, interaction: discord.Interaction) -> None:
        await respond(
            interaction,
            embeds=[
                embeds.privacy_embed(
                    self.bot.settings.usage_retention_days,
                    self.bot.settings.forget_guild_days,
                )
            ],
            ephemeral=True,
        )

    @privacy.command(name="forget-me", description="Delete every record of your use of the bot")
    async def forget_me(self, interaction: discord.Interaction) -> None:
        answer = await ask(interaction, t("forget_ask"), t("forget_button"))
        if answer is None:
            return
        interaction.extras["forgotten"] = True  # this command's own usage row names nobody
        await self.bot.usage.flush(everything=True)
        deleted = await self.bot.store.forget_user(interaction.user.id)
        await answer.response.edit_message(content=t("forget_done", n=deleted), view=None)


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(Stats(bot))
