"""Following and unfollowing: a member's follows in one server, the limit on how many, where alerts go.

What a follow targets and which articles match it is in :mod:`bot.follows.targets`; delivering the alerts in
:mod:`bot.follows.alerts`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from bot.delivery import Poster
from bot.errors import UserError
from bot.follows.targets import MAX_FOLLOWS, Target, resolve, split_value, targets_like
from bot.library.catalog import Catalog
from bot.render.limits import clip


class FollowStore(Protocol):
    """The store methods following uses."""

    async def follows_of(self, guild_id: int, user_id: int) -> list[dict[str, Any]]: ...
    async def add_follow(
        self,
        guild_id: int,
        user_id: int,
        kind: str,
        key: str,
        name: str,
        channel_id: int | None,
        role_id: int | None = None,
    ) -> tuple[int, bool]: ...
    async def remove_follow(self, guild_id: int, user_id: int, kind: str, key: str) -> bool: ...
    async def all_follows(self) -> list[dict[str, Any]]: ...


def value_of(row: dict[str, Any]) -> str:
    """A stored follow as autocomplete hands it back (``p:Name``)."""
    return Target.of(row).value


def matches(row: dict[str, Any], wanted: str) -> bool:
    """What /unfollow was given: an autocomplete value, or the name as typed."""
    if wanted == value_of(row):
        return True
    name = split_value(wanted)[1].casefold()
    return name == str(row["target_name"]).casefold()


class FollowService:
    def __init__(self, store: FollowStore, poster: Poster, library: Callable[[], Catalog]) -> None:
        self.store = store
        self.poster = poster
        self.library = library

    def resolve(self, guild_id: int, text: str) -> Target:
        """The person or organization a member typed or picked (an error says what was meant)."""
        return resolve(self.library().view(guild_id), text)

    def targets_like(self, guild_id: int | None, current: str) -> list[tuple[str, str]]:
        """(label, value) for autocomplete: people first, then organizations."""
        return targets_like(self.library().view(guild_id), current)

    async def mine(self, guild_id: int, user_id: int) -> list[dict[str, Any]]:
        """A member's follows in one server, by name."""
        return await self.store.follows_of(guild_id, user_id)

    async def of_server(self, guild_id: int) -> list[dict[str, Any]]:
        """Every member's follows in one server."""
        return [f for f in await self.store.all_follows() if f["guild_id"] == guild_id]

    async def follow(
        self,
        guild_id: int,
        user_id: int,
        target: Target,
        channel_id: int | None,
        role_id: int | None,
    ) -> bool:
        """Follow ``target`` (alerts in ``channel_id``, or by direct message when None); whether it is new. A
        follow made again moves its alerts. The bot must be able to post in the channel, and a member may have
        at most :data:`MAX_FOLLOWS`."""
        if channel_id is not None:
            problem = self.poster.cannot_post(guild_id, channel_id)
            if problem:
                raise UserError("refusal", text=problem)
        mine = await self.store.follows_of(guild_id, user_id)
        known = any(f["kind"] == target.kind and f["target_key"] == target.key for f in mine)
        if not known and len(mine) >= MAX_FOLLOWS:
            raise UserError("follow_limit", n=len(mine))
        _, new = await self.store.add_follow(
            guild_id, user_id, target.kind, target.key, target.name, channel_id, role_id
        )
        return new

    async def unfollow(self, guild_id: int, user_id: int, wanted: str) -> str:
        """Stop following what /unfollow was given; the name it had (an error when nothing matches)."""
        wanted = wanted.strip()
        mine = await self.store.follows_of(guild_id, user_id)
        row = next((f for f in mine if matches(f, wanted)), None)
        if row is None:  # another of the names /follow knows them by ("Huang", 黄仁勋 for Jensen Huang)
            try:
                target = resolve(self.library().view(guild_id), wanted)
            except UserError:
                target = None
            if target is not None:
                row = next(
                    (f for f in mine if (f["kind"], f["target_key"]) == (target.kind, target.key)), None
                )
        if row is None:
            shown = clip(split_value(wanted)[1], 80)
            raise UserError("unfollow_none", shown=shown)
        await self.store.remove_follow(guild_id, user_id, row["kind"], row["target_key"])
        return str(row["target_name"])
