"""What a slash command's error becomes: one private answer to the user, one usage row, and a log line for ours.

Errors are treated in a fixed order: the user's input (``UserError``: the message is for them), a failed check
(missing permissions, a cooldown, any other check), Discord's own errors, and finally the unexpected (logged
with the command and its options, the user told it was on our side).
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot import i18n
from bot.discord import lookup
from bot.discord.views import Choices, respond
from bot.errors import UserError

if TYPE_CHECKING:
    from bot.discord.client import NewsdeskBot

log = logging.getLogger("newsdesk")


async def on_app_command_error(
    bot: NewsdeskBot, interaction: discord.Interaction, error: app_commands.AppCommandError
) -> None:
    """User input first, then checks, cooldowns, Discord's own errors, and finally the unexpected."""
    original = getattr(error, "original", error)
    if isinstance(original, UserError):
        message, outcome = original.text(), "user_error"
        lookup.refund(interaction)  # a refused command does not use up the cooldown
    elif isinstance(error, app_commands.MissingPermissions):
        missing = i18n.permissions(list(error.missing_permissions))
        lookup.refund(interaction)
        message, outcome = i18n.t("err_permission", missing=missing), "denied"
    elif isinstance(error, app_commands.CommandOnCooldown):
        wait = max(1, round(error.retry_after))
        message, outcome = i18n.t("err_cooldown", wait=wait), "denied"
    elif isinstance(error, app_commands.CheckFailure):
        message, outcome = i18n.t("err_check"), "denied"
    elif isinstance(original, discord.HTTPException):
        log.warning("Discord error in %s: %s", describe(interaction), original)
        message, outcome = i18n.t("err_discord"), "error"
    else:
        log.error("unexpected error in %s", describe(interaction), exc_info=original)
        message, outcome = i18n.t("err_unexpected"), "error"
    bot.record_usage(interaction, outcome, type(original).__name__)
    view: discord.ui.View | None = None
    if isinstance(original, lookup.DidYouMean) and original.options:

        async def pick(pressed: discord.Interaction, value: str) -> None:
            await lookup.show_pick(bot.library.view(pressed.guild_id), pressed, value)

        view = Choices(interaction.user.id, original.options, original.on_pick or pick)
    try:
        await respond(interaction, message, view=view, ephemeral=True)
    except discord.HTTPException as exc:
        log.warning("could not tell the user about an error in %s: %s", describe(interaction), exc)


def describe(interaction: discord.Interaction) -> str:
    """The command, its options (cut) and where it ran, for a log line."""
    name = interaction.command.qualified_name if interaction.command else "?"
    options = json.dumps(interaction.namespace.__dict__, default=str, ensure_ascii=False)[:500]
    return f"/{name} {options} (guild {interaction.guild_id}, user {interaction.user.id})"
