"""/help [command]: every command the member can use here, with examples; one command in detail."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import lookup
from bot.discord.views import send_pages
from bot.render import embeds

if TYPE_CHECKING:
    from bot.discord.client import NewsdeskBot


class Help(commands.Cog):
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot

    @app_commands.command(name="help", description="Every command you can use here, with examples")
    @app_commands.describe(command="One command to explain with its options")
    async def help(
        self, interaction: discord.Interaction, command: app_commands.Range[str, 1, 40] | None = None
    ) -> None:
        usable = lookup.usable_commands(self.bot.tree, interaction)
        if command:
            found = lookup.command_named(lookup.all_commands(self.bot.tree), command)
            pages = embeds.help_command_pages(found)
        else:
            pages = embeds.help_pages(usable)
        await send_pages(interaction, pages, ephemeral=True)

    @help.autocomplete("command")
    async def _command(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return lookup.command_choices(lookup.usable_commands(self.bot.tree, interaction), current)


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(Help(bot))
