"""Resolving what a member typed: an article, a person, an organization, a command (with "did you mean"), the
organization and command choices, and the cooldown check. Article and person parameters reach the cogs resolved,
through :mod:`bot.discord.transformers`, which build on these."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Hashable, Sequence
from typing import Any, TypeVar

import discord
from discord import app_commands

from bot.article import Article
from bot.article.names import fold
from bot.discord.views import send_pages
from bot.errors import UserError
from bot.i18n import t
from bot.library.catalog import View
from bot.library.core import PersonEntry
from bot.render import embeds
from bot.render.embeds import CommandInfo
from bot.render.limits import CHOICE_NAME, CHOICE_VALUE, CHOICES, clip, fit, plain
from bot.store import Store
from bot.store.articles import rank_hits

Pick = Callable[[discord.Interaction, str], Awaitable[None]]


class DidYouMean(UserError):
    """A refusal that offers what the member may have meant as buttons: (label, value) pairs; ``on_pick`` is
    what pressing one does (set by the cog that knows how to answer)."""

    def __init__(
        self, key: str, options: list[tuple[str, str]], on_pick: Pick | None = None, /, **values: Any
    ) -> None:
        super().__init__(key, **values)
        self.options = options
        self.on_pick = on_pick


async def search(
    store: Store, library: View, guild_id: int, query: str, limit: int = 100
) -> tuple[list[Article], dict[str, str]]:
    """What ``/articles search`` shows: the store's newest ``limit`` matches in what the server sees, the best
    match first (``rank_hits``), each with its snippet."""

    def title_of(article_id: str) -> str | None:
        found = library.article(article_id)
        return found.title if found is not None else None

    hits = rank_hits(query, await store.search_hits(query, limit, guild_id=guild_id), title_of)
    found = [a for a in (library.article(h.article_id) for h in hits) if a is not None]
    return found, {h.article_id: h.snippet for h in hits}


def article(library: View, text: str, *, choose: bool = False) -> Article:
    """By id or exact title; else, with ``choose``, several titles matching the words are offered as buttons
    (DidYouMean with article ids) rather than guessing; else the library's best match."""
    wanted = " ".join(text.split()).casefold()
    exact = library.article(text.strip())
    if exact is not None:
        return exact
    hits = library.autocomplete_articles(text, limit=5) if wanted else []
    for _, article_id in hits:
        found = library.article(article_id)
        if found is not None and " ".join(found.title.split()).casefold() == wanted:
            return found
    shown = clip(text, 80)
    words = set(re.findall(r"\w+", wanted))
    whole = [
        a
        for a in (library.article(aid) for _, aid in hits)
        if a is not None and words <= set(re.findall(r"\w+", a.title.casefold()))
    ]
    if choose and len(whole) == 1:  # one title has every typed word as a word ("Intel", not "intelligence")
        return whole[0]
    if choose and len(hits) > 1:
        raise DidYouMean("several_articles", [(label, f"article:{aid}") for label, aid in hits], shown=shown)
    found = library.find_article(text)
    if found is None:
        raise UserError("no_article", shown=shown)
    return found


def person(library: View, name: str) -> PersonEntry:
    found = library.person(name)
    if found is not None:
        return found
    shown = clip(name, 80)
    org = library.organization(name)
    if org is not None:
        raise DidYouMean(
            "person_is_org",
            [(t("see_org", name=fit(org, 60)), f"org:{org}")],
            shown=plain(fit(org, 80)),
        )
    suggestions = library.suggest_people(name, limit=5)
    if suggestions:
        names = ", ".join(f"**{plain(fit(p.name, 80))}**" for p in suggestions)
        raise DidYouMean(
            "no_person_dym",
            [(p.name, f"person:{p.name}") for p in suggestions],
            shown=shown,
            names=names,
        )
    raise UserError("no_person", shown=shown)


def organization(library: View, name: str) -> str:
    found = library.organization(name)
    if found is not None:
        return found
    shown = clip(name, 80)
    similar = library.autocomplete_organizations(name, limit=5)
    if similar:
        names = ", ".join(f"**{plain(fit(n, 80))}**" for n in similar)
        raise DidYouMean("no_org_dym", [(n, f"org:{n}") for n in similar], shown=shown, names=names)
    raise UserError("no_org", shown=shown)


def organization_choices(
    library: View, current: str, also: Sequence[str] = ()
) -> list[app_commands.Choice[str]]:
    """The articles' organizations matching what was typed, then ``also`` (say, those only moves name)."""
    names = library.autocomplete_organizations(current, limit=CHOICES)
    seen = {fold(n) for n in names}
    for name in also:
        if fold(name) not in seen:
            seen.add(fold(name))
            names.append(name)
    return [
        app_commands.Choice(name=fit(n, CHOICE_NAME), value=fit(n, CHOICE_VALUE)) for n in names[:CHOICES]
    ]


T = TypeVar("T")


def cooldown(rate: int, per: float, key: Callable[[discord.Interaction], Hashable]) -> Callable[[T], T]:
    """discord.py's cooldown check, remembering which bucket an interaction used, so that a command refused
    for what the user typed (a UserError) gives its use back (:func:`refund`)."""
    buckets: dict[Hashable, app_commands.Cooldown] = {}

    def predicate(interaction: discord.Interaction) -> bool:
        now = interaction.created_at.timestamp()
        if len(buckets) > 10_000:  # forget buckets that are full again
            for k in [k for k, b in buckets.items() if b.get_tokens(now) >= b.rate]:
                del buckets[k]
        bucket = buckets.setdefault(key(interaction), app_commands.Cooldown(rate, per))
        retry_after = bucket.update_rate_limit(now)
        if retry_after is not None:
            raise app_commands.CommandOnCooldown(bucket, retry_after)
        interaction.extras["cooldown"] = bucket
        return True

    return app_commands.check(predicate)


def refund(interaction: discord.Interaction) -> None:
    """Give back the cooldown use of a command that was refused."""
    bucket: Any = interaction.extras.pop("cooldown", None)
    if isinstance(bucket, app_commands.Cooldown):
        bucket.update_rate_limit(interaction.created_at.timestamp(), tokens=-1)


def all_commands(tree: app_commands.CommandTree) -> list[CommandInfo]:
    """Every slash command (subcommands by their full name), in the tree's order."""
    out: list[CommandInfo] = []
    for root in tree.get_commands():
        if not isinstance(root, app_commands.Command | app_commands.Group):
            continue
        perms = root.default_permissions
        manager = bool(perms and perms.manage_guild)
        leaves = list(root.walk_commands()) if isinstance(root, app_commands.Group) else [root]
        for leaf in leaves:
            if not isinstance(leaf, app_commands.Command):
                continue
            options = tuple((p.name, p.description, p.required) for p in leaf.parameters)
            out.append(
                CommandInfo(leaf.qualified_name, leaf.description, options, manager, bool(root.guild_only))
            )
    return out


def usable_commands(tree: app_commands.CommandTree, interaction: discord.Interaction) -> list[CommandInfo]:
    """The commands this member can use where they asked: managers' only for managers, servers' only there."""
    perms = getattr(interaction.user, "guild_permissions", None)
    is_manager = interaction.guild_id is not None and perms is not None and perms.manage_guild
    in_server = interaction.guild_id is not None
    return [
        c for c in all_commands(tree) if (is_manager or not c.manager) and (in_server or not c.server_only)
    ]


def command_named(commands: list[CommandInfo], text: str) -> CommandInfo:
    wanted = " ".join(text.strip().lstrip("/").lower().split())
    for command in commands:
        if command.name == wanted:
            return command
    starts = [c for c in commands if c.name.startswith(wanted)] if wanted else []
    if len(starts) == 1:
        return starts[0]
    raise UserError("help_unknown", shown=clip(text, 80))


def command_choices(commands: list[CommandInfo], current: str) -> list[app_commands.Choice[str]]:
    wanted = current.strip().lstrip("/").lower()
    return [app_commands.Choice(name=f"/{c.name}", value=c.name) for c in commands if wanted in c.name][
        :CHOICES
    ]


async def show_pick(library: View, interaction: discord.Interaction, value: str) -> None:
    """Answer a pressed "did you mean" button: ``person:NAME``, ``org:NAME`` or ``article:ID``."""
    kind, _, rest = value.partition(":")
    pages: list[embeds.Page] = []
    if kind == "person" and (found := library.person(rest)) is not None:
        pages = embeds.person_pages(found, library)
    elif kind == "org" and (org := library.organization(rest)) is not None:
        pages = embeds.organization_pages(org, library)
    elif kind == "article" and (item := library.article(rest)) is not None:
        pages = embeds.summary_pages(item, "short")
    if not pages:
        await interaction.response.send_message(t("pick_gone"), ephemeral=True)
        return
    await send_pages(interaction, pages)
