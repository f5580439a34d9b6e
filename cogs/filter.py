"""/filter add | remove | list: what a server's feed posts, digest and follow alerts let through (Manage Server)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, cast

import discord
from discord import app_commands
from discord.ext import commands

from bot import filters
from bot.discord.checks import manage_server
from bot.discord.views import respond
from bot.errors import UserError
from bot.i18n import REPLIES, RULE_HELP, t
from bot.render.limits import CHOICE_NAME, CHOICE_VALUE, CHOICES, fit, in_code

if TYPE_CHECKING:
    from bot.discord.client import NewsdeskBot

MAX_RULES = 50  # per server
PREVIEW_DAYS = 7
WHERE = [
    app_commands.Choice(name="Everything (feed posts, digest, alerts)", value="all"),
    app_commands.Choice(name="Feed posts", value="feeds"),
    app_commands.Choice(name="Digest", value="digest"),
    app_commands.Choice(name="Follow alerts", value="alerts"),
]
RULE_OPTION = RULE_HELP


def _where(destination: str) -> str:
    """Where a rule applies, in the reader's language (``feeds`` stays as stored when it is unknown)."""
    key = f"filter_where_{destination}"
    return t(key) if key in REPLIES else destination


@manage_server()
class FilterCog(
    commands.GroupCog,
    group_name="filter",
    group_description="What feed posts, digests and alerts let through",
):
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot
        super().__init__()

    @app_commands.command(
        name="add", description="Let through only what matches, or keep out what matches (-)"
    )
    @app_commands.describe(rule=RULE_OPTION, applies_to="Where the rule applies (default: everything)")
    @app_commands.choices(applies_to=WHERE)
    async def add(
        self, interaction: discord.Interaction, rule: app_commands.Range[str, 1, 120], applies_to: str = "all"
    ) -> None:
        assert interaction.guild_id is not None
        parsed = self._parse(rule)
        added = await self.bot.store.add_filter(interaction.guild_id, applies_to, str(parsed), MAX_RULES)
        if added is None:
            raise UserError("filter_limit", n=MAX_RULES)
        key = "filter_added" if added else "filter_known"
        preview = await self._preview(interaction.guild_id, applies_to)
        await respond(
            interaction,
            t(key, rule=f"`{in_code(str(parsed))}`", where=_where(applies_to)) + "\n" + preview,
            ephemeral=True,
        )

    @app_commands.command(name="remove", description="Remove one filter rule")
    @app_commands.describe(rule=RULE_OPTION, applies_to="Where the rule applies (default: everything)")
    @app_commands.choices(applies_to=WHERE)
    async def remove(
        self, interaction: discord.Interaction, rule: app_commands.Range[str, 1, 120], applies_to: str = "all"
    ) -> None:
        assert interaction.guild_id is not None
        text = rule.split(" · ", 1)[-1] if " · " in rule else rule
        where = rule.split(" · ", 1)[0] if " · " in rule else applies_to
        parsed = self._parse(text)
        if not await self.bot.store.remove_filter(interaction.guild_id, where, str(parsed)):
            raise UserError("filter_not_found", rule=f"`{in_code(str(parsed))}`")
        await respond(
            interaction,
            t("filter_removed", rule=f"`{in_code(str(parsed))}`", where=_where(where)),
            ephemeral=True,
        )

    @remove.autocomplete("rule")
    async def _rules(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        found = [
            f"{where} · {rule}"
            for where, rule in await self.bot.store.filters(interaction.guild_id)
            if current.lower() in rule.lower()
        ]
        return [
            app_commands.Choice(name=fit(v, CHOICE_NAME), value=v[:CHOICE_VALUE]) for v in found[:CHOICES]
        ]

    @app_commands.command(name="list", description="This server's filter rules and what they let through")
    async def list_(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None
        rows = await self.bot.store.filters(interaction.guild_id)
        if not rows:
            await respond(interaction, t("filter_none"), ephemeral=True)
            return
        lines = [f"• {_where(where)}: `{in_code(rule)}`" for where, rule in rows]
        for where in ("feeds", "digest", "alerts"):
            lines.append(await self._preview(interaction.guild_id, where))
        await respond(interaction, fit("\n".join(lines), 2000), ephemeral=True)

    def _parse(self, text: str) -> filters.Rule:
        try:
            return filters.parse_rule(text)
        except filters.RuleError as exc:
            key = f"filter_rule_{exc.key}"
            error = t(key, **cast(dict[str, Any], exc.values)) if key in REPLIES else str(exc)
            raise UserError("filter_bad", error=error) from exc

    async def _preview(self, guild_id: int, where: str) -> str:
        """How many of the last week's articles the rules for ``where`` would have let through."""
        target = "feeds" if where == "all" else where
        rules = filters.rules_for(await self.bot.store.filters(guild_id), target)
        since = (datetime.now(UTC) - timedelta(days=PREVIEW_DAYS)).isoformat()
        view = self.bot.library.view(guild_id)
        week = [a for aid, _ in await self.bot.store.added_since(since, guild_id) if (a := view.article(aid))]
        through = sum(1 for a in week if filters.passes(a, rules))
        return t("filter_preview", where=_where(target), n=through, total=len(week), days=PREVIEW_DAYS)


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(FilterCog(bot))
