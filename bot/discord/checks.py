"""Who may run a command. "Manage Server" commands are declared once, with :func:`manage_server`: Discord is told
(server only, hidden from members without the permission by default) and the bot checks again when they run,
because a server's admins can change a command's default permissions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import discord
from discord import app_commands

T = TypeVar("T")


def require_manage_guild(interaction: discord.Interaction) -> None:
    """Raise ``MissingPermissions`` unless the member may manage this server (and the command runs in one)."""
    perms = getattr(interaction.user, "guild_permissions", None)
    if interaction.guild_id is None or perms is None or not perms.manage_guild:
        raise app_commands.MissingPermissions(["manage_guild"])


def is_manager(interaction: discord.Interaction) -> bool:
    """The check itself: True for a member who may manage this server, else ``MissingPermissions``."""
    require_manage_guild(interaction)
    return True


async def _manager_interaction_check(self: Any, interaction: discord.Interaction) -> bool:
    return is_manager(interaction)


def manage_server() -> Callable[[T], T]:
    """For a command callback or a ``GroupCog`` class: server only, Manage Server by default, and checked when
    run (for a cog, as its ``interaction_check``, so every subcommand is covered)."""

    def decorator(target: T) -> T:
        target = app_commands.guild_only()(target)
        target = app_commands.default_permissions(manage_guild=True)(target)
        if isinstance(target, type):
            if "interaction_check" in vars(target):
                raise TypeError(f"{target.__name__} has its own interaction_check; call is_manager from it")
            target.interaction_check = _manager_interaction_check  # type: ignore[attr-defined]
            return target
        return app_commands.check(is_manager)(target)

    return decorator


class ManagerGroup(app_commands.Group):
    """A command group (not a cog) of Manage Server commands, made by :func:`manager_group`."""

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        return is_manager(interaction)


def manager_group(name: str, description: str) -> ManagerGroup:
    """A group of Manage Server commands declared inside a cog beside members' commands."""
    return ManagerGroup(
        name=name,
        description=description,
        guild_only=True,
        allowed_contexts=app_commands.AppCommandContext(guild=True, dm_channel=False, private_channel=False),
        default_permissions=discord.Permissions(manage_guild=True),
    )
