"""The current-role rule, over the moves of many articles.

A person's moves are put in date order (the event's date; moves on the same date in the order of their
articles' dates, then as written). Each one changes the positions the person holds: joined, appointed and
returned set the role at that organization (and end a full-time post elsewhere; board seats are held side by
side); left and fired end it. What remains, latest first, is where the
person is now; a person who left an organization is not shown with its role unless a later move gives it back.
Announced moves dated after ``today`` have not happened yet: they are kept apart as upcoming.

Pure and n log n in the number of moves (one sort per person).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .moves import Move, MoveKind

_ENDS = (MoveKind.LEFT, MoveKind.FIRED)


@dataclass(frozen=True)
class Position:
    organization: str | None
    role: str | None
    since: str | None  # the date of the move that gave it
    move: Move


@dataclass(frozen=True)
class Standing:
    """Where one person stands after all their moves."""

    person: str
    now: Position | None  # the latest position still held
    held: tuple[Position, ...]  # every position still held, latest first
    former: tuple[Position, ...]  # positions left or lost, latest first
    moves: tuple[Move, ...]  # every move that happened, in date order
    upcoming: tuple[Move, ...]  # announced moves dated after today


def _sort_key(move: Move, seq: int) -> tuple[str, str, int]:
    # "2024" sorts before "2024-03" before "2024-03-05": a less precise date is taken as early in its span
    return (move.date or move.article_date or "", move.article_date or "", seq)


_SUFFIX = re.compile(r"\b(?:the|inc|corp|corporation|co|company|ltd|plc|llc|group|holdings)\b|[^\w\s]", re.I)


def org_key(name: str | None) -> str:
    """An organization's name as compared across articles: "The Walt Disney Company" ~ "walt disney"."""
    return " ".join(_SUFFIX.sub(" ", (name or "").casefold()).split())


def _same_org(a: str | None, b: str | None) -> bool:
    ka, kb = org_key(a), org_key(b)
    if not ka or not kb:
        return ka == kb
    if ka == kb:
        return True
    short, long = sorted((ka, kb), key=len)
    if any("\u3400" <= c <= "\u9fff" for c in short):
        return short in long  # 阿里巴巴 ~ 阿里巴巴集团
    return f" {short} " in f" {long} "  # whole words: "Disney" ~ "Walt Disney", not "Meta" ~ "Metals"


same_org = _same_org  # public: the service matches an organization typed by a member the same way


_BOARD = re.compile(
    r"\b(?:board|director|chair\w*|trustee|advis[eo]r|member|fellow)\b|董事(?!长)|顾问|委员", re.I
)


def _concurrent(role: str | None) -> bool:
    """A seat on a board (director, chair, adviser) is held beside a full-time post."""
    return bool(role and _BOARD.search(role))


def _held_key(held: dict[str, Position], organization: str | None) -> str | None:
    """The key of the position held at ``organization``, by the same name or a shorter/longer form of it."""
    key = org_key(organization)
    if key in held:
        return key
    return next((k for k, p in held.items() if _same_org(p.organization, organization)), None)


def standings(
    moves: Iterable[Move], today: str | None = None, key: Callable[[str], str] = str.casefold
) -> dict[str, Standing]:
    """Each person's standing, keyed by ``key(person)`` (the caller may pass its own identity, e.g. the
    library's, so that "黄仁勋" and "Jensen Huang" are one person)."""
    by_person: dict[str, list[tuple[tuple[str, str, int], Move]]] = {}
    for seq, move in enumerate(moves):
        by_person.setdefault(key(move.person), []).append((_sort_key(move, seq), move))
    out: dict[str, Standing] = {}
    for k, items in by_person.items():
        items.sort(key=lambda x: x[0])
        held: dict[str, Position] = {}  # organization (casefolded) -> position, in the order set
        former: list[Position] = []
        done: list[Move] = []
        upcoming: list[Move] = []
        for _, move in items:
            if move.announced and today is not None and (move.date or "") > today[: len(move.date or "")]:
                upcoming.append(move)
                continue
            done.append(move)
            hk = _held_key(held, move.organization) or org_key(move.organization)
            if move.kind in _ENDS:
                if move.organization is None and len(held) == 1:
                    hk = next(iter(held))  # "X resigned": from the one position held
                old = held.pop(hk, None)
                if old is not None:
                    former.append(old)
                else:
                    former.append(Position(move.organization, move.role, None, move))
                continue
            old = held.pop(hk, None)
            if not _concurrent(move.role):
                # a new post elsewhere ends the earlier ones, unless either is a seat on a board
                for other in [k for k, p in held.items() if not _concurrent(p.role)]:
                    former.append(held.pop(other))
            role = move.role or (old.role if old is not None else None)
            since = move.date if old is None or move.role else old.since
            held[hk] = Position(move.organization, role, since or move.date, move)
        latest_first = tuple(reversed(held.values()))
        out[k] = Standing(
            person=items[-1][1].person,
            now=latest_first[0] if latest_first else None,
            held=latest_first,
            former=tuple(reversed(former)),
            moves=tuple(done),
            upcoming=tuple(upcoming),
        )
    return out


def shown_role(
    organization: str | None, role: str | None, standing: Standing | None
) -> tuple[str | None, str | None]:
    """The role and organization to show for a person whose article says ``role`` at ``organization``: the
    latest move wins; a position the moves say was left is not shown (None, None) unless a later move gave it
    back."""
    if standing is None:
        return organization, role
    if standing.now is not None:
        return standing.now.organization, standing.now.role or (
            role if _same_org(standing.now.organization, organization) else None
        )
    if any(_same_org(p.organization, organization) for p in standing.former) or organization is None:
        return None, None
    return organization, role
