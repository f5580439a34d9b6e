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


def _where(destination: str, channel_id: int = 0, feed_url: str | None = None) -> str:
    """Where a rule applies, in the reader's language (``feeds`` stays as stored when it is unknown), with the
    channel and the feed it is kept to."""
    key = f"filter_where_{destination}"
    where = t(key) if key in REPLIES else destination
    if channel_id:
        where = t("filter_where_in", where=where, channel=f"<#{channel_id}>")
    if feed_url is not None:
        where = t("filter_where_from", where=where, feed=f"<{feed_url}>")
    return where


def _scope(destination: str, channel_id: int, feed_id: int) -> str:
    """A stored rule's place as /filter remove's suggestions name it: ``feeds``, ``feeds@c123``, ``all@f4``."""
    return destination + (f"@c{channel_id}" if channel_id else "") + (f"@f{feed_id}" if feed_id else "")


def _unscope(text: str) -> tuple[str, int, int]:
    """(destination, channel, feed) from :func:`_scope`'s form; a malformed part counts as none."""
    destination, *parts = text.strip().split("@")
    channel = feed = 0
    for part in parts:
        if part[:1] in ("c", "f") and part[1:].isdigit():
            if part[0] == "c":
                channel = int(part[1:])
            else:
                feed = int(part[1:])
    return destination, channel, feed


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
    @app_commands.describe(
        rule=RULE_OPTION,
        applies_to="Where the rule applies (default: everything)",
        channel="Only feed posts in this channel (and the digest when it is posted there)",
        feed="Only posts from this one of the server's feeds",
    )
    @app_commands.choices(applies_to=WHERE)
    async def add(
        self,
        interaction: discord.Interaction,
        rule: app_commands.Range[str, 1, 120],
        applies_to: str = "all",
        channel: discord.TextChannel | discord.ForumChannel | None = None,
        feed: app_commands.Range[str, 1, 500] | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        parsed = self._parse(rule)
        channel_id = channel.id if channel else 0
        feed_id, feed_url = await self._feed(interaction.guild_id, feed, applies_to)
        if feed_id and applies_to == "all":
            applies_to = "feeds"  # a feed's rule is for its posts
        added = await self.bot.store.add_filter(
            interaction.guild_id, applies_to, str(parsed), MAX_RULES, channel_id, feed_id
        )
        if added is None:
            raise UserError("filter_limit", n=MAX_RULES)
        key = "filter_added" if added else "filter_known"
        preview = await self._preview(interaction.guild_id, applies_to, channel_id, feed_id)
        where = _where(applies_to, channel_id, feed_url)
        await respond(
            interaction,
            t(key, rule=f"`{in_code(str(parsed))}`", where=where) + "\n" + preview,
            ephemeral=True,
        )

    @app_commands.command(name="remove", description="Remove one filter rule")
    @app_commands.describe(
        rule=RULE_OPTION,
        applies_to="Where the rule applies (default: everything)",
        channel="The channel the rule is kept to, if any",
        feed="The feed the rule is kept to, if any",
    )
    @app_commands.choices(applies_to=WHERE)
    async def remove(
        self,
        interaction: discord.Interaction,
        rule: app_commands.Range[str, 1, 120],
        applies_to: str = "all",
        channel: discord.TextChannel | discord.ForumChannel | None = None,
        feed: app_commands.Range[str, 1, 500] | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        text = rule.split(" · ", 1)[-1] if " · " in rule else rule
        if " · " in rule:  # a suggestion: it names where the rule is
            where, channel_id, feed_id = _unscope(rule.split(" · ", 1)[0])
        else:
            where, channel_id = applies_to, channel.id if channel else 0
            feed_id, _ = await self._feed(interaction.guild_id, feed, applies_to)
            if feed_id and where == "all":
                where = "feeds"
        parsed = self._parse(text)
        if not await self.bot.store.remove_filter(
            interaction.guild_id, where, str(parsed), channel_id, feed_id
        ):
            raise UserError("filter_not_found", rule=f"`{in_code(str(parsed))}`")
        urls = await self._feed_urls(interaction.guild_id)
        await respond(
            interaction,
            t(
                "filter_removed",
                rule=f"`{in_code(str(parsed))}`",
                where=_where(where, channel_id, urls.get(feed_id) if feed_id else None),
            ),
            ephemeral=True,
        )

    @remove.autocomplete("rule")
    async def _rules(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        found = [
            f"{_scope(r.destination, r.channel_id, r.feed_id)} · {r.rule}"
            for r in await self.bot.store.filter_rules(interaction.guild_id)
            if current.lower() in r.rule.lower()
        ]
        return [
            app_commands.Choice(name=fit(v, CHOICE_NAME), value=v[:CHOICE_VALUE]) for v in found[:CHOICES]
        ]

    @add.autocomplete("feed")
    @remove.autocomplete("feed")
    async def _feeds(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        urls = (await self._feed_urls(interaction.guild_id)).values()
        found = [u for u in urls if current.lower() in u.lower() and len(u) <= CHOICE_VALUE]
        return [app_commands.Choice(name=fit(u, CHOICE_NAME), value=u) for u in found[:CHOICES]]

    @app_commands.command(name="list", description="This server's filter rules and what they let through")
    async def list_(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None
        rows = await self.bot.store.filter_rules(interaction.guild_id)
        if not rows:
            await respond(interaction, t("filter_none"), ephemeral=True)
            return
        urls = await self._feed_urls(interaction.guild_id)
        lines = [
            f"• {_where(r.destination, r.channel_id, urls.get(r.feed_id, '?') if r.feed_id else None)}:"
            f" `{in_code(r.rule)}`"
            for r in rows
        ]
        for where in ("feeds", "digest", "alerts"):
            lines.append(await self._preview(interaction.guild_id, where))
        kept = sorted({(r.channel_id, r.feed_id) for r in rows if r.channel_id or r.feed_id})
        for channel_id, feed_id in kept:  # the feed posts of each channel and feed a rule is kept to
            lines.append(
                await self._preview(
                    interaction.guild_id, "feeds", channel_id, feed_id, urls.get(feed_id, "?")
                )
            )
        await respond(interaction, fit("\n".join(lines), 2000), ephemeral=True)

    async def _feed_urls(self, guild_id: int) -> dict[int, str]:
        return {f.id: f.url for f in await self.bot.services.feeds.feeds(guild_id)}

    async def _feed(self, guild_id: int, url: str | None, applies_to: str) -> tuple[int, str | None]:
        """(id, address) of the server's feed ``url`` names ((0, None) without one); a feed's rule is for its
        posts, so not for the digest or alerts."""
        if url is None:
            return 0, None
        wanted = url.strip().strip("<>")
        found = next((i for i, u in (await self._feed_urls(guild_id)).items() if u == wanted), None)
        if found is None:
            raise UserError("feed_not_found", url=f"<{wanted}>")
        if applies_to not in ("all", "feeds"):
            raise UserError("filter_feed_posts_only")
        return found, wanted

    def _parse(self, text: str) -> filters.Rule:
        try:
            return filters.parse_rule(text)
        except filters.RuleError as exc:
            key = f"filter_rule_{exc.key}"
            error = t(key, **cast(dict[str, Any], exc.values)) if key in REPLIES else str(exc)
            raise UserError("filter_bad", error=error) from exc

    async def _preview(
        self,
        guild_id: int,
        where: str,
        channel_id: int = 0,
        feed_id: int = 0,
        feed_url: str | None = None,
    ) -> str:
        """How many of the last week's articles the rules for ``where`` (in ``channel_id``, for ``feed_id``'s
        posts) would have let through."""
        target = "feeds" if where == "all" else where
        rules = filters.rules_for(
            await self.bot.store.filter_rules(guild_id),
            target,
            channel_id=channel_id or None,
            feed_id=feed_id or None,
        )
        since = (datetime.now(UTC) - timedelta(days=PREVIEW_DAYS)).isoformat()
        view = self.bot.library.view(guild_id)
        week = [a for aid, _ in await self.bot.store.added_since(since, guild_id) if (a := view.article(aid))]
        through = sum(1 for a in week if filters.passes(a, rules))
        if feed_id and feed_url is None:
            feed_url = (await self._feed_urls(guild_id)).get(feed_id, "?")
        shown = _where(target, channel_id, feed_url if feed_id else None)
        return t("filter_preview", where=shown, n=through, total=len(week), days=PREVIEW_DAYS)


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(FilterCog(bot))
