"""Compact indexes for the hot paths: prefix lookups with a top-k by score, and a trigram shortlist for fuzzy
matching. Both keep their data in flat columns (sorted Python lists of strings and numpy arrays), answer in time
that depends on the answer's size rather than the corpus's, and take new entries one at a time.

- :class:`PrefixIndex`: tokens sorted for ``bisect``; a prefix is a contiguous range, and the best ``k`` items of
  a large range are picked by ``numpy.argpartition`` over a score column (C speed, no sort of the whole range).
- :class:`FuzzyIndex`: every choice's character trigrams, sorted once; a query's trigrams find the choices that
  share most of them (``searchsorted`` + ``bincount``), and only that shortlist is scored by rapidfuzz. Choices
  added later wait in a small list that is scored directly, and are folded in when it grows.
- :func:`article_record`: what the library needs of one article beyond its body (people, organizations, which
  of them each claim names), derived once at intake and stored beside the article.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from bot.article import Article
from bot.article.names import has_cjk

_END = "\U0010ffff"  # sorts after every character: [prefix, prefix + _END) is the prefix's range


class PrefixIndex:
    """(token, item) pairs sorted by token, each item with a score (higher first; ties: the higher item number,
    i.e. the later numbered, first). Pairs added after the build wait in a small sorted list beside the main
    columns, so an addition never copies them; the list is folded in when it grows."""

    SMALL = 64  # ranges up to this size are sorted in Python; larger ones are partitioned in numpy
    PENDING = 4096  # pairs added since the build before they are folded into the main columns

    def __init__(self, pairs: Iterable[tuple[str, int]] = ()) -> None:
        ordered = sorted(set(pairs))
        self.tokens: list[str] = [t for t, _ in ordered]
        self._items = np.fromiter((i for _, i in ordered), dtype=np.int64, count=len(ordered))
        self._pending: list[tuple[str, int]] = []
        self._score_of = np.zeros(16, dtype=np.float64)

    def __len__(self) -> int:
        return len(self.tokens) + len(self._pending)

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
        """One more (token, item) pair."""
        lo, hi = bisect.bisect_left(self.tokens, token), bisect.bisect_right(self.tokens, token)
        if item in self._items[lo:hi]:
            return
        at = bisect.bisect_left(self._pending, (token, item))
        if at < len(self._pending) and self._pending[at] == (token, item):
            return
        self._pending.insert(at, (token, item))
        if len(self._pending) > self.PENDING:
            self._fold()

    def _fold(self) -> None:
        merged = sorted([*zip(self.tokens, self._items.tolist(), strict=True), *self._pending])
        self.tokens = [t for t, _ in merged]
        self._items = np.fromiter((i for _, i in merged), dtype=np.int64, count=len(merged))
        self._pending = []

    def _range(self, lo_token: str, hi_token: str, right: bool = False) -> np.ndarray:
        find = bisect.bisect_right if right else bisect.bisect_left
        lo, hi = bisect.bisect_left(self.tokens, lo_token), find(self.tokens, hi_token)
        items = self._items[lo:hi]
        if self._pending:
            plo = bisect.bisect_left(self._pending, (lo_token, -1))
            phi = (
                bisect.bisect_right(self._pending, (hi_token, 2**62))
                if right
                else bisect.bisect_left(self._pending, (hi_token, -1))
            )
            if phi > plo:
                extra = np.fromiter((i for _, i in self._pending[plo:phi]), dtype=np.int64, count=phi - plo)
                items = np.concatenate([items, extra])
        return items

    def count(self, prefix: str) -> int:
        """How many (token, item) pairs start with ``prefix`` (pending ones included): a prefix's weight."""
        return len(self._range(prefix, prefix + _END))

    def exact(self, token: str) -> list[int]:
        return sorted(int(i) for i in self._range(token, token, right=True))

    def top(self, prefix: str, k: int) -> list[int]:
        """Up to ``k`` distinct items with a token starting with ``prefix``: best score first, ties to the higher
        item number (a total order, so the answer is the same however the index was built)."""
        items = self._range(prefix, prefix + _END)
        if not len(items):
            return []
        if len(items) > self.SMALL:
            # The best entries in linear time: those above the want-th score, then, of those tied with it, the
            # highest item numbers (exact: no sort of the range). An item under several tokens counts once, so
            # ask for more until k distinct items are in hand.
            scores = self._score_of[items]
            want = 4 * k
            while True:
                if want >= len(items):
                    items = np.unique(items)
                    break
                threshold = np.partition(scores, len(items) - want)[len(items) - want]
                above = items[scores > threshold]
                tied = items[scores == threshold]
                room = want - len(above)
                if len(tied) > room:
                    tied = np.partition(tied, len(tied) - room)[len(tied) - room :]
                distinct = np.unique(np.concatenate([above, tied]))
                if len(distinct) >= k:
                    items = distinct
                    break
                want *= 4
        found = {int(i) for i in items}
        return sorted(found, key=lambda i: (-self._score_of[i], -i))[:k]


def trigrams(text: str) -> set[str]:
    padded = f"  {text} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class FuzzyIndex:
    """Fuzzy 'did you mean' over many short strings: a trigram shortlist, then rapidfuzz on it only."""

    SHORTLIST = 200  # choices scored exactly per query
    SMALL = 2000  # below this many choices everything is scored exactly (no shortlist needed)
    PENDING = 50_000  # choices added since the last fold (kept in a trigram dictionary) before a fold

    def __init__(self, choices: Iterable[str] = ()) -> None:
        self.choices: list[str] = list(choices)
        self._indexed = 0
        self._pending: dict[str, list[int]] = {}  # trigram -> choices added since the last fold
        self._codes = np.zeros(0, dtype=np.uint64)
        self._owners = np.zeros(0, dtype=np.int64)
        self._fold()

    def __len__(self) -> int:
        return len(self.choices)

    def add(self, choice: str) -> int:
        self.choices.append(choice)
        at = len(self.choices) - 1
        for gram in trigrams(choice):
            self._pending.setdefault(gram, []).append(at)
        if len(self.choices) - self._indexed > self.PENDING:
            self._fold()
        return at

    def _fold(self) -> None:
        """Index every choice's trigrams as sorted 63-bit codes (three 21-bit code points)."""
        n = len(self.choices)
        self._indexed = n
        self._pending = {}
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
        order = np.lexsort((owners, codes))
        codes, owners = codes[order], owners[order]
        once = np.ones(len(codes), dtype=bool)  # each (trigram, choice) once: no dedupe when asked
        once[1:] = (codes[1:] != codes[:-1]) | (owners[1:] != owners[:-1])
        self._codes, self._owners = codes[once], owners[once]

    @staticmethod
    def _code(gram: str) -> np.uint64:
        a, b, c = (ord(ch) for ch in gram)
        return np.uint64((a << 42) | (b << 21) | c)

    def _pending_shortlist(self, query: str) -> list[int]:
        hits: dict[int, int] = {}
        for gram in trigrams(query):
            for i in self._pending.get(gram, ()):
                hits[i] = hits.get(i, 0) + 1
        return sorted(hits, key=lambda i: -hits[i])[: self.SHORTLIST]

    def _shortlist(self, query: str) -> list[int]:
        grams = [self._code(g) for g in trigrams(query)]
        if not grams or not len(self._codes):
            return []
        parts = []
        common = max(1000, self._indexed // 20)  # a trigram in one choice of twenty tells little: skipped
        spans = []
        for code in grams:
            lo = int(np.searchsorted(self._codes, code, "left"))
            hi = int(np.searchsorted(self._codes, code, "right"))
            if hi > lo:
                spans.append((lo, hi))
        rare = [sp for sp in spans if sp[1] - sp[0] <= common] or sorted(spans, key=lambda sp: sp[1] - sp[0])[
            :2
        ]
        for lo, hi in rare:
            parts.append(self._owners[lo:hi])
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
        if len(self.choices) <= self.SMALL:
            candidates = list(range(len(self.choices)))
        elif self._indexed <= self.SMALL:
            candidates = list(range(self._indexed)) + self._pending_shortlist(query)
        else:
            candidates = self._shortlist(query) + self._pending_shortlist(query)
        pool = {i: self.choices[i] for i in candidates}
        hits = process.extract(query, pool, scorer=fuzz.WRatio, limit=limit, score_cutoff=cutoff)
        return [(int(i), float(score)) for _, score, i in hits]


# ---------------------------------------------------------------------------------------------------- records

RECORD_VERSION = 1  # bump when what a record holds, or how it is derived, changes: stored records are rebuilt


def mentions(text: str, form: str) -> bool:
    """Whether ``form`` occurs in ``text`` as a whole word (Chinese spellings: anywhere)."""
    if not form:
        return False
    start = text.find(form)
    if start < 0 or has_cjk(form):
        return start >= 0
    while start >= 0:
        end = start + len(form)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-"):
            return True
        start = text.find(form, start + 1)
    return False


def claim_targets(article: Article) -> list[tuple[list[int], list[int]]]:
    """For each claim of the article: the positions of the article's people, then of its organizations, that
    the claim's text names (any of their spellings, as a whole word). A spelling two of them share counts for
    the first person, and a person's before an organization's."""
    targets: dict[str, tuple[int, int]] = {}  # spelling -> (0: person | 1: organization, position)
    for pos, person in enumerate(article.people):
        for form in [person.name, *person.aliases]:
            targets.setdefault(form, (0, pos))
    for pos, org in enumerate(article.organizations):
        for form in [org.name, *org.aliases]:
            targets.setdefault(form, (1, pos))
    # Few spellings: each is looked for in each claim. Many (an article naming thousands of people, as a hostile
    # upload can): one scan of each claim's text instead, so the work grows with the text, not with claims x
    # spellings (that product froze the bot for seconds on a 1 MB upload).
    scan = _FormScan(targets) if len(targets) > _SCAN_FROM else None
    out: list[tuple[list[int], list[int]]] = []
    for claim in article.claims:
        text = claim.text
        forms = (
            _mentioned(text, scan)
            if scan is not None
            else (f for f in targets if f in text and mentions(text, f))
        )
        found = {targets[f] for f in forms}
        out.append((sorted(p for kind, p in found if kind == 0), sorted(p for kind, p in found if kind == 1)))
    return out


# From this many spellings in one article, claims are scanned once rather than searched spelling by spelling.
_SCAN_FROM = 64


class _FormScan:
    """Every prefix of a set of spellings (each at most 120 characters, the model's bound), so that one pass
    over a text finds every spelling in it, extending each start only while it is a prefix of some spelling."""

    def __init__(self, forms: Iterable[str]) -> None:
        self.forms = {f for f in forms if f}
        self.prefixes = {f[:k] for f in self.forms for k in range(1, len(f) + 1)}
        self.longest = max((len(f) for f in self.forms), default=0)


def _mentioned(text: str, scan: _FormScan) -> set[str]:
    """The spellings of ``scan`` that :func:`mentions` finds in ``text``, in time linear in the text."""
    found: set[str] = set()
    n = len(text)
    for i in range(n):
        if text[i] not in scan.prefixes:
            continue
        for j in range(i + 1, min(n, i + scan.longest) + 1):
            part = text[i:j]
            if part not in scan.prefixes:
                break
            if part in scan.forms and part not in found and (has_cjk(part) or _whole_word(text, i, j)):
                found.add(part)
    return found


def _whole_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-")


def record_data(article: Article) -> dict[str, Any]:
    """What the library needs of an article beyond its body: its people (name, other spellings, organization,
    role, in the article's order), its organizations (name, other spellings), and per claim its stance,
    speaker and the people and organizations its text names (by position). Everything in it comes from this
    one article, so it never changes when others are added."""
    people = [[p.name, p.aliases, p.organization, p.role] for p in article.people]
    orgs = [[o.name, o.aliases] for o in article.organizations]
    claims = [
        [c.stance.value, c.speaker, who, which]
        for c, (who, which) in zip(article.claims, claim_targets(article), strict=True)
    ]
    return {"v": RECORD_VERSION, "people": people, "orgs": orgs, "claims": claims}


def article_record(article: Article) -> str:
    """:func:`record_data` as compact JSON, written beside the article at intake."""
    return json.dumps(record_data(article), ensure_ascii=False, separators=(",", ":"))
