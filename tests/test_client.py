"""The bot's error handler (bot.discord.errors, reached through the command tree) and token checks, without a
network."""

from __future__ import annotations

import logging
from types import SimpleNamespace
from typing import Any

import discord
import pytest
from discord import app_commands

from bot.discord.client import NewsdeskBot, TokenError, check_token
from bot.errors import UserError
from bot.settings import Settings


class FakeResponse:
    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []

    def is_done(self) -> bool:
        return bool(self.sent)

    async def send_message(self, content: str | None = None, **kwargs: Any) -> None:
        self.sent.append({"content": content, **kwargs})


class Namespace(SimpleNamespace):
    def __iter__(self) -> Any:
        return iter(self.__dict__.items())


def interaction() -> Any:
    command = SimpleNamespace(qualified_name="person")
    return SimpleNamespace(
        type=discord.InteractionType.application_command,
        response=FakeResponse(),
        followup=None,
        command=command,
        namespace=Namespace(name="Jensen"),
        guild_id=1,
        channel_id=3,
        user=SimpleNamespace(id=2),
        created_at=discord.utils.utcnow(),
        extras={},
        locale=discord.Locale.american_english,
        guild_locale=None,
    )


@pytest.fixture
def bot(tmp_path) -> NewsdeskBot:  # type: ignore[no-untyped-def]
    return NewsdeskBot(Settings(database_url=f"sqlite:///{tmp_path}/x.db"))


def invoke_error(exc: BaseException) -> app_commands.CommandInvokeError:
    err = app_commands.CommandInvokeError.__new__(app_commands.CommandInvokeError)
    err.original = exc
    err.command = None  # type: ignore[assignment]
    return err


async def test_user_error_is_shown_privately(bot: NewsdeskBot) -> None:
    i = interaction()
    await bot.tree.on_error(i, invoke_error(UserError("no_person", shown="X")))
    assert len(i.response.sent) == 1
    assert (
        i.response.sent[0]["content"]
        == "No one called “X” appears in the articles. `/people` lists who does."
    )
    assert i.response.sent[0]["ephemeral"] is True
    assert i.response.sent[0]["allowed_mentions"].to_dict() == {"parse": []}
    [event] = list(bot.usage._events)
    assert (event.command, event.outcome, event.error_type, event.options) == (
        "person",
        "user_error",
        "UserError",
        {"name": "Jensen"},
    )


async def test_unexpected_error_is_logged_with_command_and_options(
    bot: NewsdeskBot, caplog: pytest.LogCaptureFixture
) -> None:
    i = interaction()
    with caplog.at_level(logging.ERROR, logger="newsdesk"):
        await bot.tree.on_error(i, invoke_error(RuntimeError("boom")))
    assert i.response.sent[0]["content"].startswith("Something went wrong on our side")
    assert i.response.sent[0]["ephemeral"] is True
    record = caplog.records[-1]
    assert '/person {"name": "Jensen"}' in record.getMessage()
    assert record.exc_info is not None
    assert "boom" in str(record.exc_info[1])
    assert [(e.outcome, e.error_type) for e in bot.usage._events] == [("error", "RuntimeError")]


async def test_missing_permissions_message(bot: NewsdeskBot) -> None:
    i = interaction()
    await bot.tree.on_error(i, app_commands.MissingPermissions(["manage_guild"]))
    assert i.response.sent[0]["content"] == "You need the Manage Server permission for this."
    assert [e.outcome for e in bot.usage._events] == ["denied"]


@pytest.mark.parametrize(
    ("token", "message"),
    [
        (None, "DISCORD_TOKEN is not set"),
        ("", "DISCORD_TOKEN is not set"),
        ("abc", "DISCORD_TOKEN is malformed"),
    ],
)
def test_token_checks(token: str | None, message: str) -> None:
    with pytest.raises(TokenError, match=message):
        check_token(Settings(discord_token=token))


def test_good_token_passes() -> None:
    token = "MTIzNDU2Nzg5MDEyMzQ1Njc4OTA.GaBcDe.abcdefghijklmnopqrstuvwxyz012345"
    assert check_token(Settings(discord_token=token)) == token
