"""/person and /people."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import lookup
from bot.discord.transformers import ArticleOption, PersonName
from bot.discord.views import send_pages
from bot.errors import UserError
from bot.i18n import t
from bot.render import embeds
from bot.render.limits import clip, fit, one_line, plain
from bot.render.timeline import moves_pages, timeline_pages
from bot.timeline import MoveKind
from bot.timeline import service as timelines

if TYPE_CHECKING:
    from bot.discord.client import NewsdeskBot


class People(commands.Cog):
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot

    @app_commands.command(
        name="person", description="A person's card: who they are, where they appear, what they said"
    )
    @app_commands.describe(
        name="Start typing a name (surname, other spelling or a typo all work)",
        show="The card (default) or the whole timeline: every move and claim by date",
    )
    @app_commands.choices(
        show=[
            app_commands.Choice(name="card", value="card"),
            app_commands.Choice(name="timeline", value="timeline"),
        ]
    )
    async def person(self, interaction: discord.Interaction, name: PersonName, show: str = "card") -> None:
        library = self.bot.library.view(interaction.guild_id)
        found = name
        interaction.extras["person"] = found.name
        today = datetime.now(UTC).date().isoformat()
        if show == "timeline":
            entries = await timelines.timeline(self.bot.store, library, interaction.guild_id, found, today)
            if not entries:
                raise UserError("timeline_empty", name=plain(fit(found.name, 80)))
            await send_pages(interaction, timeline_pages(found, entries, library))
            return
        standing = await timelines.standing(self.bot.store, interaction.guild_id, found, today)
        await send_pages(interaction, embeds.person_pages(found, library, standing=standing))

    @app_commands.command(
        name="moves", description="Recent leadership moves: who joined, left, was appointed or fired"
    )
    @app_commands.describe(
        organization="Only moves at this organization",
        days="How many days back (1-3650, default 30)",
        kind="Only this kind of move",
    )
    @app_commands.choices(kind=[app_commands.Choice(name=k.value, value=k.value) for k in MoveKind])
    async def moves(
        self,
        interaction: discord.Interaction,
        organization: app_commands.Range[str, 1, 100] | None = None,
        days: app_commands.Range[int, 1, timelines.MAX_DAYS] = timelines.MOVES_DAYS,
        kind: str | None = None,
    ) -> None:
        library = self.bot.library.view(interaction.guild_id)
        today = datetime.now(UTC).date().isoformat()
        org = one_line(organization or "").strip() or None
        wanted = timelines.parse_kind(kind)
        found = await timelines.recent(self.bot.store, interaction.guild_id, today, days, org, wanted)
        if not found:
            which = t("moves_none_at", org=plain(fit(org, 80))) if org else ""
            if wanted is not None:
                which += t("moves_none_kind", kind=t(f"move_{wanted.value}_bare"))
            raise UserError("moves_none", days=days, which=which)
        heading = (
            t("moves_title_at", org=plain(fit(org, 100)), days=days) if org else t("moves_title", days=days)
        )
        await send_pages(interaction, moves_pages(found, heading, library))

    @moves.autocomplete("organization")
    async def _moves_organization(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        names = await timelines.organization_choices(self.bot.store, interaction.guild_id, current)
        return [app_commands.Choice(name=n, value=n) for n in names]

    @app_commands.command(
        name="org", description="An organization's card: its people, recent claims and articles"
    )
    @app_commands.describe(name="Start typing an organization, e.g. Nvidia")
    async def org(self, interaction: discord.Interaction, name: app_commands.Range[str, 1, 100]) -> None:
        library = self.bot.library.view(interaction.guild_id)
        found = library.organization(name) or await timelines.organization_named(
            self.bot.store, interaction.guild_id, name
        )
        if found is None:
            found = lookup.organization(library, name)  # says so, with "did you mean"
        today = datetime.now(UTC).date().isoformat()
        moves = await timelines.organization_moves(self.bot.store, interaction.guild_id, found, today)
        await send_pages(interaction, embeds.organization_pages(found, library, moves=moves))

    @org.autocomplete("name")
    async def _org_name(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        library = self.bot.library.view(interaction.guild_id)
        moved = await timelines.organization_choices(self.bot.store, interaction.guild_id, current)
        return lookup.organization_choices(library, current, also=moved)

    @app_commands.command(
        name="people", description="The people in one article, or the most mentioned overall"
    )
    @app_commands.describe(article="Leave empty for the most mentioned people")
    async def people(self, interaction: discord.Interaction, article: ArticleOption | None = None) -> None:
        library = self.bot.library.view(interaction.guild_id)
        if article:
            found = article
            people = library.people_in(found.id)
            if not people:
                raise UserError("no_people_in", title=clip(found.title, 80))
            heading = t("title_people_in", title=one_line(found.title))
        else:
            people = library.people[:50]
            if not people:
                raise UserError("no_people")
            heading = t("title_most")
        today = datetime.now(UTC).date().isoformat()
        standings = await timelines.standings_of(self.bot.store, interaction.guild_id, people, today)
        pages = embeds.people_pages(people, heading, standings=standings)
        await send_pages(interaction, pages)


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(People(bot))
