"""The timeline service: where a person stands, their whole timeline and recent leadership moves, read from the
store's move rows on behalf of one server (the rules themselves are pure, in :mod:`bot.timeline`).

It takes narrow seams: a :class:`MoveStore` (the store's move queries) and a catalog :class:`View` (people,
claims, articles), so it knows nothing of Discord.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, Protocol

from bot.article.names import key as name_key
from bot.library.catalog import View
from bot.library.core import ClaimRef, PersonEntry
from bot.timeline import Move, Standing, standings
from bot.timeline.current import org_key, same_org
from bot.timeline.moves import MoveKind

MOVES_DAYS = 30  # /moves without days
MAX_DAYS = 3650


class MoveStore(Protocol):
    async def person_moves(self, guild_id: int | None, names: Iterable[str]) -> list[Move]: ...

    async def recent_moves(
        self,
        guild_id: int | None,
        since: str,
        kind: str | None = None,
        org_keys: Iterable[str] | None = None,
        limit: int = 500,
    ) -> list[Move]: ...

    async def move_organizations(self, guild_id: int | None, limit: int = 2000) -> list[tuple[str, int]]: ...


def _scope(guild_id: int | None) -> int:
    """Outside a server (a direct message) only the global articles' moves are seen."""
    return guild_id or 0


async def standing(
    store: MoveStore, guild_id: int | None, person: PersonEntry, today: str
) -> Standing | None:
    """Where ``person`` stands after every move of theirs the server sees (None when the store has none)."""
    moves = await store.person_moves(_scope(guild_id), person.all_names())
    if not moves:
        return None
    return standings(moves, today=today, key=lambda _: "")[""]


async def standings_of(
    store: MoveStore, guild_id: int | None, people: Iterable[PersonEntry], today: str
) -> dict[str, Standing]:
    """Where each of ``people`` stands (keyed by their library key; a person without moves is left out), from
    one read of the store's move rows: the same source as :func:`standing`, so a list and a card agree."""
    owner: dict[str, str] = {}  # a name, folded as the store keys moves -> the person it belongs to
    for person in people:
        for name in person.all_names():
            owner.setdefault(name_key(name) or name.casefold(), person.key)
    if not owner:
        return {}
    moves = await store.person_moves(_scope(guild_id), list({n for p in people for n in p.all_names()}))
    found = standings(moves, today=today, key=lambda name: owner.get(name_key(name) or name.casefold(), ""))
    found.pop("", None)
    return found


@dataclass(frozen=True)
class Entry:
    """One line of a person's timeline: a move, or a claim they made. ``date_from`` says whether the date is
    the text's own or only the article's."""

    date: str | None
    date_from: Literal["text", "article"]
    move: Move | None = None
    claim: ClaimRef | None = None
    upcoming: bool = False


async def timeline(
    store: MoveStore, library: View, guild_id: int | None, person: PersonEntry, today: str
) -> list[Entry]:
    """Every move of the person and every claim they made, in date order (undated last; the same date: moves
    before claims, then as written). Announced moves still to come are marked upcoming and come last."""
    found = await standing(store, guild_id, person, today)
    entries: list[tuple[tuple[int, str, int, int], Entry]] = []
    seq = 0
    if found is not None:
        for move in found.moves:
            entries.append(((0, move.date or "", 0, seq), Entry(move.date, move.date_from, move=move)))
            seq += 1
        for move in found.upcoming:
            entries.append(
                ((1, move.date or "", 0, seq), Entry(move.date, move.date_from, move, upcoming=True))
            )
            seq += 1
    for ref in library.claims_by(person):
        article = library.article(ref.article_id)
        day = (article.published_at or "")[:10] if article is not None else ""
        entries.append(((0 if day else 2, day, 1, seq), Entry(day or None, "article", claim=ref)))
        seq += 1
    entries.sort(key=lambda e: e[0])
    return [e for _, e in entries]


def parse_kind(text: str | None) -> MoveKind | None:
    if not text:
        return None
    try:
        return MoveKind(text.strip().casefold())
    except ValueError:
        return None


async def recent(
    store: MoveStore,
    guild_id: int | None,
    today: str,
    days: int = MOVES_DAYS,
    organization: str | None = None,
    kind: MoveKind | None = None,
    limit: int = 200,
) -> list[Move]:
    """Leadership moves dated in the last ``days`` (announced ones still to come included), newest first; at
    ``organization`` (its shorter and longer forms: "Disney" finds "Walt Disney"), of ``kind``."""
    since = (date.fromisoformat(today) - timedelta(days=max(1, min(days, MAX_DAYS)))).isoformat()
    keys: list[str] | None = None
    if organization:
        keys = [
            org_key(name)
            for name, _ in await store.move_organizations(_scope(guild_id))
            if same_org(name, organization)
        ]
    return await store.recent_moves(_scope(guild_id), since, kind.value if kind else None, keys, limit)


async def organization_named(store: MoveStore, guild_id: int | None, text: str) -> str | None:
    """The organization the server's moves name that ``text`` names (the same name first, then a shorter or
    longer form: "Safe Superintelligence" ~ "Safe Superintelligence Inc."), as the moves spell it."""
    typed = org_key(text)
    if not typed:
        return None
    names = [name for name, _ in await store.move_organizations(_scope(guild_id))]
    return next((n for n in names if org_key(n) == typed), None) or next(
        (n for n in names if same_org(n, text)), None
    )


async def organization_moves(
    store: MoveStore, guild_id: int | None, organization: str, today: str, limit: int = 50
) -> list[Move]:
    """Every leadership move at ``organization`` the server sees, newest first (for its /org card)."""
    return await recent(store, guild_id, today, MAX_DAYS, organization, None, limit)


async def organization_choices(store: MoveStore, guild_id: int | None, current: str) -> list[str]:
    """At most 25 organizations the server's moves name, those starting with what was typed first."""
    typed = org_key(current)
    names = [name for name, _ in await store.move_organizations(_scope(guild_id))]
    if typed:
        starts = [n for n in names if org_key(n).startswith(typed)]
        inside = [n for n in names if typed in org_key(n) and n not in starts]
        names = starts + inside
    return [n[:100] for n in names if n.strip()][:25]
