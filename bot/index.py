"""Compact indexes for the hot paths: prefix lookups with a top-k by score, and a trigram shortlist for fuzzy
matching. Both keep their data in flat columns (sorted Python lists of strings and numpy arrays), answer in time
that depends on the answer's size rather than the corpus's, and take new entries one at a time.

- :class:`PrefixIndex`: tokens sorted for ``bisect``; a prefix is a contiguous range, and the best ``k`` items of
  a large range are picked by ``numpy.argpartition`` over a score column (C speed, no sort of the whole range).
- :class:`FuzzyIndex`: every choice's character trigrams, sorted once; a query's trigrams find the choices that
  share most of them (``searchsorted`` + ``bincount``), and only that shortlist is scored by rapidfuzz. Choices
  added later wait in a small list that is scored directly, and are folded in when it grows.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

import numpy as np
from rapidfuzz import fuzz, process

_END = "\U0010ffff"  # sorts after every character: [prefix, prefix + _END) is the prefix's range


class PrefixIndex:
    """(token, item) pairs sorted by token, each item with a score (higher first)."""

    SMALL = 64  # ranges up to this size are sorted in Python; larger ones are partitioned in numpy

    def __init__(self, pairs: Iterable[tuple[str, int]] = ()) -> None:
        ordered = sorted(set(pairs))
        self.tokens: list[str] = [t for t, _ in ordered]
        self._items = np.fromiter((i for _, i in ordered), dtype=np.int64, count=len(ordered))
        self._score_of = np.zeros(16, dtype=np.float64)

    def __len__(self) -> int:
        return len(self.tokens)

    def set_scores(self, scores: Iterable[float]) -> None:
        self._score_of = np.fromiter(scores, dtype=np.float64)

    def set_score(self, item: int, score: float) -> None:
        """An item's score changed (a person mentioned once more): every entry of it follows."""
        if item >= len(self._score_of):
            grown = np.zeros(max(item + 1, 2 * len(self._score_of)), dtype=np.float64)
            grown[: len(self._score_of)] = self._score_of
            self._score_of = grown
        self._score_of[item] = score

    def add(self, token: str, item: int) -> None:
        """One more (token, item) pair, in place (a list insert and an array insert: memory moves, no sort)."""
        lo, hi = bisect.bisect_left(self.tokens, token), bisect.bisect_right(self.tokens, token)
        if item in self._items[lo:hi]:
            return
        self.tokens.insert(hi, token)
        self._items = np.insert(self._items, hi, item)

    def exact(self, token: str) -> list[int]:
        lo, hi = bisect.bisect_left(self.tokens, token), bisect.bisect_right(self.tokens, token)
        return [int(i) for i in self._items[lo:hi]]

    def top(self, prefix: str, k: int) -> list[int]:
        """Up to ``k`` distinct items with a token starting with ``prefix``, best score first (ties: the order
        items were numbered in)."""
        lo, hi = bisect.bisect_left(self.tokens, prefix), bisect.bisect_left(self.tokens, prefix + _END)
        if hi <= lo:
            return []
        items = self._items[lo:hi]
        if hi - lo > self.SMALL:
            want = min(len(items) - 1, 4 * k)  # an item may stand in the range under several tokens
            items = items[np.argpartition(-self._score_of[items], want)[: want + 1]]
        found = dict.fromkeys(int(i) for i in items)
        return sorted(found, key=lambda i: (-self._score_of[i], i))[:k]


def trigrams(text: str) -> set[str]:
    padded = f"  {text} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class FuzzyIndex:
    """Fuzzy 'did you mean' over many short strings: a trigram shortlist, then rapidfuzz on it only."""

    SHORTLIST = 200  # choices scored exactly per query
    SMALL = 2000  # below this many choices everything is scored exactly (no shortlist needed)
    PENDING = 5000  # choices added since the last fold before they are folded into the sorted columns

    def __init__(self, choices: Iterable[str] = ()) -> None:
        self.choices: list[str] = list(choices)
        self._indexed = 0
        self._codes = np.zeros(0, dtype=np.uint64)
        self._owners = np.zeros(0, dtype=np.int64)
        self._fold()

    def __len__(self) -> int:
        return len(self.choices)

    def add(self, choice: str) -> int:
        self.choices.append(choice)
        if len(self.choices) - self._indexed > self.PENDING:
            self._fold()
        return len(self.choices) - 1

    def _fold(self) -> None:
        """Index every choice's trigrams as sorted 63-bit codes (three 21-bit code points)."""
        n = len(self.choices)
        self._indexed = n
        if n <= self.SMALL:
            self._codes = np.zeros(0, dtype=np.uint64)
            self._owners = np.zeros(0, dtype=np.int64)
            return
        text = "\x00".join(f"  {c} " for c in self.choices) + "\x00"
        points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        lengths = np.fromiter((len(c) + 4 for c in self.choices), dtype=np.int64, count=n)
        owners = np.repeat(np.arange(n, dtype=np.int64), lengths)
        codes = (points[:-2] << np.uint64(42)) | (points[1:-1] << np.uint64(21)) | points[2:]
        valid = (points[:-2] != 0) & (points[1:-1] != 0) & (points[2:] != 0)
        codes, owners = codes[valid], owners[:-2][valid]
        order = np.argsort(codes, kind="stable")
        self._codes, self._owners = codes[order], owners[order]

    @staticmethod
    def _code(gram: str) -> np.uint64:
        a, b, c = (ord(ch) for ch in gram)
        return np.uint64((a << 42) | (b << 21) | c)

    def _shortlist(self, query: str) -> list[int]:
        grams = [self._code(g) for g in trigrams(query)]
        if not grams or not len(self._codes):
            return []
        parts = []
        for code in grams:
            lo = int(np.searchsorted(self._codes, code, "left"))
            hi = int(np.searchsorted(self._codes, code, "right"))
            if hi > lo:
                parts.append(np.unique(self._owners[lo:hi]))
        if not parts:
            return []
        hits = np.concatenate(parts)
        counts = np.bincount(hits)
        nonzero = np.flatnonzero(counts)
        if len(nonzero) > self.SHORTLIST:
            best = nonzero[np.argpartition(-counts[nonzero], self.SHORTLIST)[: self.SHORTLIST]]
        else:
            best = nonzero
        return [int(i) for i in best]

    def search(self, query: str, limit: int, cutoff: float = 60) -> list[tuple[int, float]]:
        """(choice index, score), best first: every choice when there are few, else the trigram shortlist
        plus the choices added since the last fold."""
        if not query or not self.choices:
            return []
        if self._indexed <= self.SMALL:
            candidates = list(range(len(self.choices)))
        else:
            candidates = self._shortlist(query) + list(range(self._indexed, len(self.choices)))
        pool = {i: self.choices[i] for i in candidates}
        hits = process.extract(query, pool, scorer=fuzz.WRatio, limit=limit, score_cutoff=cutoff)
        return [(int(i), float(score)) for _, score, i in hits]
