"""/summary, /articles list, /articles search, /about."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot import __version__
from bot.discord import lookup
from bot.discord.transformers import ChosenArticle
from bot.discord.views import respond, send_pages
from bot.errors import UserError
from bot.i18n import t
from bot.render import embeds
from bot.render.limits import clip

if TYPE_CHECKING:
    from bot.discord.client import NewsdeskBot


class Articles(commands.Cog):
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot

    articles = app_commands.Group(name="articles", description="Browse and search the articles the bot knows")

    @app_commands.command(name="summary", description="What an article says: core viewpoint and key points")
    @app_commands.describe(article="Start typing a title", length="short (default) or full with every point")
    @app_commands.choices(
        length=[
            app_commands.Choice(name="short", value="short"),
            app_commands.Choice(name="full", value="full"),
        ]
    )
    async def summary(
        self, interaction: discord.Interaction, article: ChosenArticle, length: str = "short"
    ) -> None:
        interaction.extras["article"] = article.id
        await send_pages(interaction, embeds.summary_pages(article, length))

    @articles.command(name="list", description="The newest articles first")
    async def list_articles(self, interaction: discord.Interaction) -> None:
        items = self.bot.library.view(interaction.guild_id).articles
        if not items:
            raise UserError("no_articles")
        await send_pages(interaction, embeds.article_list_pages(items, t("title_newest")))

    @articles.command(name="search", description="Search titles, points and claims")
    @lookup.cooldown(10, 20.0, key=lambda i: i.user.id)
    @app_commands.describe(query='Words to look for; "exact words" in quotes, OR for either: Nvidia OR AMD')
    async def search(self, interaction: discord.Interaction, query: app_commands.Range[str, 1, 200]) -> None:
        library = self.bot.library.view(interaction.guild_id)
        found, snippets = await lookup.search(self.bot.store, library, interaction.guild_id or 0, query)
        shown = clip(query, 80)
        if not found:
            raise UserError("no_search", shown=shown)
        await send_pages(
            interaction,
            embeds.article_list_pages(found, t("title_matching", shown=shown), snippets=snippets),
        )

    @app_commands.command(name="ping", description="Check that the bot answers")
    async def ping(self, interaction: discord.Interaction) -> None:
        await respond(interaction, t("pong"), ephemeral=True)

    @app_commands.command(name="about", description="What this bot does and what it knows")
    async def about(self, interaction: discord.Interaction) -> None:
        library = self.bot.library.view(interaction.guild_id)
        stances = sorted(library.stance_counts().items(), key=lambda kv: -kv[1])
        await send_pages(
            interaction,
            embeds.about_pages(
                library.stats(),
                __version__,
                list(stances),
                running=self.bot.running_status(interaction.guild_id),
                commands=lookup.all_commands(self.bot.tree),
            ),
        )


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(Articles(bot))
