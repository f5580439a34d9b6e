"""Servers joined and left, and forgetting the data of servers the bot left long ago.

No commands: the gateway's server events mark a server joined or left in the store, and one background loop
(``discord.ext.tasks``, hourly once the gateway is ready) deletes what servers left more than
NEWSDESK_FORGET_GUILD_DAYS ago kept. A failure is logged and tried again the next hour.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import TYPE_CHECKING

import discord
from discord.ext import commands, tasks

from bot import metrics

if TYPE_CHECKING:
    from bot.discord.client import NewsdeskBot

log = logging.getLogger("newsdesk")


class Retention(commands.Cog):
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        self.forget_departed.start()

    async def cog_unload(self) -> None:
        self.forget_departed.cancel()

    @commands.Cog.listener()
    async def on_guild_join(self, guild: discord.Guild) -> None:
        if await self.bot.store.guild_joined(guild.id):
            log.info("back in server %s before its data was forgotten: keeping it", guild.id)
        else:
            log.info("joined server %s", guild.id)

    @commands.Cog.listener()
    async def on_guild_available(self, guild: discord.Guild) -> None:
        await self.bot.store.guild_joined(guild.id)

    @commands.Cog.listener()
    async def on_guild_remove(self, guild: discord.Guild) -> None:
        await self.bot.store.guild_left(guild.id)
        log.info(
            "left server %s: its data is deleted in %s days unless the bot is added again",
            guild.id,
            f"{self.bot.settings.forget_guild_days:g}",
        )

    @tasks.loop(hours=1)
    async def forget_departed(self) -> None:
        """Delete the data of servers the bot left more than NEWSDESK_FORGET_GUILD_DAYS ago."""
        metrics.tick("forgetting")
        bot = self.bot
        cutoff = discord.utils.utcnow() - timedelta(days=bot.settings.forget_guild_days)
        try:
            for guild_id in await bot.store.departed_before(cutoff.isoformat()):
                if bot.get_guild(guild_id) is not None:
                    await bot.store.guild_joined(guild_id)
                    continue
                try:
                    counts = await bot.store.forget_guild(guild_id)
                except Exception:  # one server's failure does not keep the others
                    log.exception("forgetting server %s failed; trying again in an hour", guild_id)
                    continue
                log.info(
                    "forgot server %s: %s", guild_id, ", ".join(f"{n} {t}" for t, n in counts.items() if n)
                )
                await bot.drop_guild(guild_id)
        except Exception:
            log.exception("forgetting departed servers failed; trying again in an hour")

    @forget_departed.before_loop
    async def _before(self) -> None:
        await self.bot.wait_until_ready()


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(Retention(bot))
