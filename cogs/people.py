"""/person and /people."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot import lookup
from bot.errors import UserError
from bot.i18n import pick, t
from bot.render import embeds
from bot.render.limits import fit, one_line, plain
from bot.render.pages import send_pages
from bot.timeline import person_timeline

if TYPE_CHECKING:
    from bot.client import NewsdeskBot


class People(commands.Cog):
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot

    @app_commands.command(
        name="person", description="A person's card: who they are, where they appear, what they said"
    )
    @app_commands.describe(name="Start typing a name (surname, other spelling or a typo all work)")
    async def person(self, interaction: discord.Interaction, name: app_commands.Range[str, 1, 100]) -> None:
        lang = pick(interaction)
        library = self.bot.library.view(interaction.guild_id)
        found = lookup.person(library, name, lang)
        interaction.extras["person"] = found.name
        articles = (a for a in map(library.article, found.article_ids) if a is not None)  # newest first
        standing = person_timeline(articles, found.all_names(), today=datetime.now(UTC).date().isoformat())
        await send_pages(interaction, embeds.person_pages(found, library, lang=lang, standing=standing))

    @person.autocomplete("name")
    async def _person_name(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return lookup.person_choices(self.bot.library.view(interaction.guild_id), current)

    @app_commands.command(
        name="org", description="An organization's card: its people, recent claims and articles"
    )
    @app_commands.describe(name="Start typing an organization, e.g. Nvidia")
    async def org(self, interaction: discord.Interaction, name: app_commands.Range[str, 1, 100]) -> None:
        lang = pick(interaction)
        library = self.bot.library.view(interaction.guild_id)
        found = lookup.organization(library, name, lang)
        await send_pages(interaction, embeds.organization_pages(found, library, lang=lang))

    @org.autocomplete("name")
    async def _org_name(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return lookup.organization_choices(self.bot.library.view(interaction.guild_id), current)

    @app_commands.command(
        name="people", description="The people in one article, or the most mentioned overall"
    )
    @app_commands.describe(article="Leave empty for the most mentioned people")
    async def people(self, interaction: discord.Interaction, article: str | None = None) -> None:
        library = self.bot.library.view(interaction.guild_id)
        lang = pick(interaction)
        if article:
            found = lookup.article(library, article, lang)
            people = library.people_in(found.id)
            if not people:
                raise UserError(t("no_people_in", lang, title=plain(fit(one_line(found.title), 80))))
            pages = embeds.people_pages(
                people, t("title_people_in", lang, title=one_line(found.title)), lang=lang
            )
        else:
            people = library.people[:50]
            if not people:
                raise UserError(t("no_people", lang))
            pages = embeds.people_pages(people, t("title_most", lang), lang=lang)
        await send_pages(interaction, pages)

    @people.autocomplete("article")
    async def _people_article(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return lookup.article_choices(self.bot.library.view(interaction.guild_id), current)


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(People(bot))
