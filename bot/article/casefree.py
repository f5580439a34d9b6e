"""Case-insensitive patterns without ``re.IGNORECASE`` at match time.

Python's regex engine skips an alternative whose first character cannot match only when the pattern is
case-sensitive; with ``re.I`` every branch of a large alternation is entered at every position. So a
``re.I`` pattern is run here as its lower-case twin over the lower-cased text: the same matches at the same
positions, several times faster. A *gate* (a few literal pieces, one of which every match contains) skips
the pattern altogether when none of them is in the text, which is the usual case for the rarer cues.

Exactness: ``lower_text`` returns the text lower-cased character for character, with the two letters that
``re.I`` equates with an ASCII letter but that do not lower-case to it (dotless ``ı``, long ``ſ``) folded,
and Traditional Chinese characters read as Simplified (bot/article/traditional.py); when lower-casing would change the length (``İ``), it returns None and the original pattern runs instead.
Callers read spans, never group text, from a match: the spans index the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .names import _trie
from .traditional import fold_traditional

_FIX = str.maketrans({"ı": "i", "ſ": "s"})
# A letter outside an escape ('\W') and outside a group's '(?P<name>' marker: lower-cased in the twin.
_PATTERN_LETTER = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)|\(\?P|[A-Z]", re.S)


def lower_text(text: str) -> str | None:
    """``text`` lower-cased position for position as ``re.I`` compares letters, or None if it cannot be."""
    low = text.lower()
    if text.isascii():
        return low
    if len(low) != len(text):
        return None
    if "ı" in low or "ſ" in low:
        low = low.translate(_FIX)  # translate costs a lookup a character
    # Traditional Chinese reads as Simplified, character for character: the cue words match either script.
    return fold_traditional(low)


def _lowered(source: str) -> str:
    return _PATTERN_LETTER.sub(lambda m: m.group(0) if len(m.group(0)) > 1 else m.group(0).lower(), source)


class CaseFree:
    """A ``re.I`` pattern run as its lower-case twin on lower-cased text; optionally behind a gate."""

    __slots__ = ("gate", "pattern", "twin")

    def __init__(self, pattern: re.Pattern[str], gate: Iterable[str] | None = None) -> None:
        if not pattern.flags & re.I:
            raise ValueError("CaseFree wants a re.IGNORECASE pattern")
        self.pattern = pattern
        self.twin = re.compile(_lowered(pattern.pattern), pattern.flags & ~re.I)
        pieces = sorted({p.lower() for p in gate}) if gate is not None else []
        # The gate is itself a case-sensitive trie over the lower-cased text: one short pass.
        self.gate = re.compile(_trie(pieces, "")) if pieces else None

    def _open(self, low: str) -> bool:
        return self.gate is None or self.gate.search(low) is not None

    def search(self, text: str, low: str | None = None, pos: int = 0) -> re.Match[str] | None:
        """Like ``pattern.search(text, pos)``; ``low`` is ``lower_text(text)`` when the caller has it."""
        if low is None:
            low = lower_text(text)
            if low is None:
                return self.pattern.search(text, pos)
        return self.twin.search(low, pos) if self._open(low) else None

    def finditer(self, text: str, low: str | None = None) -> Iterator[re.Match[str]]:
        if low is None:
            low = lower_text(text)
            if low is None:
                return self.pattern.finditer(text)
        return self.twin.finditer(low) if self._open(low) else iter(())
