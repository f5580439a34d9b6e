"""One person's moves and where they leave them now.

``moves_of(article)`` is ``extract_moves`` remembered by article id (an article never changes under its id); a
parse worker's moves are handed in with ``remember`` so the store writes them without reading the text again.
``person_now(moves, names)`` keeps the moves of one person (any of their names or aliases) and applies the
current-role rule to them. (The bot reads a person's moves from the store: ``bot/timeline/service.py``.)
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable

from bot.article import Article

from .current import Standing, standings
from .moves import Move, extract_moves

_CACHE_SIZE = 4096  # articles; a move list is a few hundred bytes
_cache: OrderedDict[str, tuple[Move, ...]] = OrderedDict()


def moves_of(article: Article) -> tuple[Move, ...]:
    """The article's moves, extracted once per article id (least recently used dropped past the limit)."""
    found = _cache.get(article.id)
    if found is not None:
        _cache.move_to_end(article.id)
        return found
    found = tuple(extract_moves(article))
    _cache[article.id] = found
    if len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return found


def remember(article_id: str, moves: Iterable[Move]) -> None:
    """Moves read elsewhere (a parse worker) for an article, so ``moves_of`` does not read them again."""
    _cache[article_id] = tuple(moves)
    _cache.move_to_end(article_id)
    if len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)


def person_now(moves: Iterable[Move], names: Iterable[str], today: str | None = None) -> Standing | None:
    """The standing of the person known by ``names`` (name and aliases, any case) after ``moves``; None when
    none of the moves is theirs."""
    wanted = {n.casefold() for n in names if n}
    mine = [m for m in moves if m.person.casefold() in wanted]
    if not mine:
        return None
    return standings(mine, today=today, key=lambda _: "")[""]
