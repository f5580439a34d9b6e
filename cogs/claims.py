"""/claims."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import lookup
from bot.discord.transformers import ArticleOption, PersonOption
from bot.discord.views import send_pages
from bot.errors import UserError
from bot.i18n import t
from bot.render import embeds
from bot.render.limits import clip, fit

if TYPE_CHECKING:
    from bot.discord.client import NewsdeskBot

STANCES = ["asserted", "reported", "denied", "acknowledged"]


class Claims(commands.Cog):
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot

    @app_commands.command(name="claims", description="Claims with their stance, speaker and sources")
    @app_commands.describe(
        article="Only this article",
        person="Claims made by or about this person",
        stance="Only claims with this stance",
        about="Only claims mentioning these words",
        contested="Only claims contested in their story (a denial meets an assertion or report)",
    )
    @app_commands.choices(stance=[app_commands.Choice(name=s, value=s) for s in STANCES])
    @lookup.cooldown(10, 20.0, key=lambda i: i.user.id)
    async def claims(
        self,
        interaction: discord.Interaction,
        article: ArticleOption | None = None,
        person: PersonOption | None = None,
        stance: str | None = None,
        about: app_commands.Range[str, 1, 200] | None = None,
        contested: bool = False,
    ) -> None:
        library = self.bot.library.view(interaction.guild_id)
        found = article
        person_name = person.name if person else None
        refs = library.claims(
            article=found.id if found else None, person=person_name, stance=stance, about=about
        )
        filters = [
            t("filter_article", x=clip(found.title, 60)) if found else "",
            t("filter_person", x=person_name) if person_name else "",
            t("filter_stance", x=t("stance_" + stance)) if stance else "",
            t("filter_about", x=clip(about, 40)) if about else "",
        ]
        if contested and self.bot.stories is not None:
            disputed = self.bot.stories.contested_claims(
                library, interaction.guild_id, (r.article_id for r in refs)
            )
            refs = [r for r in refs if (r.article_id, r.claim.text) in disputed]
        elif contested:
            refs = []
        if contested:
            filters.append(t("story_contested"))
        described = ", ".join(f for f in filters if f) or t("filter_all")
        if not refs:
            raise UserError("no_claims", described=described)
        title = fit(t("title_claims", described=described), 250)
        await send_pages(interaction, embeds.claims_pages(refs, library, title))


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(Claims(bot))
