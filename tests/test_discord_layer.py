"""bot/discord's shared pieces: the Manage Server check and the article/person parameters."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import discord
import pytest
from discord import app_commands
from discord.ext import commands

from bot.discord import lookup
from bot.discord.checks import manage_server, manager_group
from bot.discord.client import EXTENSIONS, NewsdeskBot
from bot.discord.transformers import (
    ArticleTransformer,
    PersonTransformer,
    Refused,
    article_choices,
    person_choices,
)
from bot.errors import UserError
from bot.ingest.intake import article_files, read_article
from bot.library.core import Library
from bot.settings import Settings
from tests.conftest import CORPUS
from tests.test_client import FakeResponse, Namespace


def member(manager: bool, guild_id: int | None = 1) -> Any:
    perms = discord.Permissions(manage_guild=manager)
    return SimpleNamespace(
        guild_id=guild_id,
        user=SimpleNamespace(id=2, guild_permissions=perms),
        locale=discord.Locale.american_english,
        guild_locale=None,
        created_at=discord.utils.utcnow(),
        extras={},
    )


# ---------------------------------------------------------------------------------------------- checks


@app_commands.command(name="tidy", description="A manager's command")
@manage_server()
async def tidy(interaction: discord.Interaction) -> None:
    """A command to decorate."""


async def test_manage_server_command_is_declared_and_checked() -> None:
    payload = tidy.to_dict(app_commands.CommandTree(discord.Client(intents=discord.Intents.none())))
    assert payload["dm_permission"] is False
    assert payload["default_member_permissions"] == discord.Permissions(manage_guild=True).value
    assert await tidy._check_can_run(member(manager=True))
    for who in (member(manager=False), member(manager=True, guild_id=None)):
        with pytest.raises(app_commands.MissingPermissions):
            await tidy._check_can_run(who)


def test_manage_server_refuses_a_cog_with_its_own_interaction_check() -> None:
    with pytest.raises(TypeError):

        @manage_server()
        class Own(commands.GroupCog, group_name="own"):
            async def interaction_check(self, interaction: discord.Interaction) -> bool:
                return True


async def test_manage_server_cog_checks_when_run() -> None:
    @manage_server()
    class Tidy(commands.GroupCog, group_name="tidy"):
        pass

    cog = Tidy()
    assert await cog.interaction_check(member(manager=True))
    with pytest.raises(app_commands.MissingPermissions):
        await cog.interaction_check(member(manager=False))


async def test_manager_group_is_declared_and_checked() -> None:
    group = manager_group(name="tidy", description="Managers")
    payload = group.to_dict(app_commands.CommandTree(discord.Client(intents=discord.Intents.none())))
    assert payload["dm_permission"] is False
    assert payload["default_member_permissions"] == discord.Permissions(manage_guild=True).value
    assert await group.interaction_check(member(manager=True))
    with pytest.raises(app_commands.MissingPermissions):
        await group.interaction_check(member(manager=False))


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[NewsdeskBot]:
    bot = NewsdeskBot(Settings(database_url=f"sqlite:///{tmp_path}/t.db"))
    async with bot:  # set up as login would, so the cogs' loops wait for a ready that never comes
        for extension in EXTENSIONS:
            await bot.load_extension(extension)
        yield bot
        for name in list(bot.extensions):
            await bot.unload_extension(name)


async def test_every_manager_command_checks_when_run(bot: NewsdeskBot) -> None:
    """Discord's default permissions can be changed by a server's admins: every command declared for Manage
    Server refuses a member without it when run, and the others do not ask for it."""
    managers = [info.name for info in lookup.all_commands(bot.tree) if info.manager]
    assert {"setup", "digest set", "feed add", "filter add", "article remove", "story-channel set"} <= set(
        managers
    )
    for root in bot.tree.get_commands():
        assert isinstance(root, app_commands.Command | app_commands.Group)
        leaves = list(root.walk_commands()) if isinstance(root, app_commands.Group) else [root]
        for leaf in leaves:
            if not isinstance(leaf, app_commands.Command):
                continue
            if leaf.qualified_name in managers:
                with pytest.raises(app_commands.MissingPermissions):
                    await leaf._check_can_run(member(manager=False))
                assert root.guild_only, leaf.qualified_name


# ---------------------------------------------------------------------------------------------- transformers


@pytest.fixture(scope="module")
def library() -> Library:
    return Library([read_article(p) for p in article_files([CORPUS])])


def asking(library: Library) -> Any:
    """An interaction from server 1 whose client serves ``library``."""
    found = member(manager=False)
    found.client = SimpleNamespace(library=SimpleNamespace(view=lambda guild_id: library))
    return found


async def test_article_parameter_resolves_and_refuses_like_the_lookup(library: Library) -> None:
    interaction = asking(library)
    some = library.articles[0]
    assert (await ArticleTransformer().transform(interaction, some.title)).id == some.id
    assert (await ArticleTransformer().transform(interaction, some.id)).id == some.id
    with pytest.raises(Refused) as refused:
        await ArticleTransformer().transform(interaction, "zzzz no such title qqqq")
    assert isinstance(refused.value.original, UserError)
    with pytest.raises(UserError) as direct:
        lookup.article(library, "zzzz no such title qqqq")
    assert str(refused.value.original) == str(direct.value)


async def test_person_parameter_resolves_and_offers_did_you_mean(library: Library) -> None:
    interaction = asking(library)
    someone = library.people[0]
    assert (await PersonTransformer().transform(interaction, someone.name)).name == someone.name
    for typed in (someone.name[:-1] + "q", "Zzyzx Qwertyuiop"):
        try:
            lookup.person(library, typed)
            continue  # the near miss still finds someone
        except UserError as exc:
            expected = exc
        with pytest.raises(Refused) as refused:
            await PersonTransformer().transform(interaction, typed)
        assert type(refused.value.original) is type(expected)
        assert str(refused.value.original) == str(expected)
        if isinstance(expected, lookup.DidYouMean):
            assert refused.value.original.options == expected.options  # type: ignore[attr-defined]


async def test_autocomplete_is_what_the_library_offers(library: Library) -> None:
    interaction = asking(library)
    articles = await ArticleTransformer().autocomplete(interaction, "the")
    assert [(c.name, c.value) for c in articles] == [
        (label[:100], aid[:100]) for label, aid in library.autocomplete_articles("the", limit=25)
    ]
    assert await article_choices(interaction, "the") == articles
    people = await PersonTransformer().autocomplete(interaction, "a")
    assert [c.value for c in people] == [p.name[:100] for p in library.autocomplete_people("a", limit=25)]
    assert await person_choices(interaction, "a") == people
    assert len(articles) <= 25 and len(people) <= 25


async def test_a_refused_parameter_is_answered_as_a_user_error(bot: NewsdeskBot) -> None:
    interaction = SimpleNamespace(
        type=discord.InteractionType.application_command,
        response=FakeResponse(),
        followup=None,
        command=SimpleNamespace(qualified_name="person"),
        namespace=Namespace(name="Jensen"),
        guild_id=1,
        channel_id=3,
        user=SimpleNamespace(id=2),
        created_at=discord.utils.utcnow(),
        extras={},
        locale=discord.Locale.american_english,
        guild_locale=None,
    )
    await bot.tree.on_error(interaction, Refused(UserError("No one called “X”.")))  # type: ignore[arg-type]
    assert interaction.response.sent[0]["content"] == "No one called “X”."
    assert interaction.response.sent[0]["ephemeral"] is True
    assert [(e.outcome, e.error_type) for e in bot.usage._events] == [("user_error", "UserError")]
