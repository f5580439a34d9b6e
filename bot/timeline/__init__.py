"""Executive timeline: who moved where, when. PURE (no discord, no store, no I/O): it reads Article models.

``extract_moves(article)`` reads one article's moves; ``standings(moves)`` applies the current-role rule over
the moves of many articles. Those rules are pure; beside them :mod:`.service` reads a person's moves from the
store for the bot and :mod:`.cli` is ``python -m bot moves``.
"""

from __future__ import annotations

from .current import Position, Standing, shown_role, standings
from .moves import Move, MoveKind, extract_moves
from .person import moves_of, person_now, remember

__all__ = [
    "Move",
    "MoveKind",
    "Position",
    "Standing",
    "extract_moves",
    "moves_of",
    "person_now",
    "remember",
    "shown_role",
    "standings",
]
