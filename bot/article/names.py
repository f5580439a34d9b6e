"""Name normalization: match keys, scripts, and the shape of Latin, pinyin and Chinese names."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator

from .lexicon import CJK_NAME_STOP_WORDS, CJK_SURNAMES, GIVEN_NAMES, NAME_SUFFIXES, PINYIN_SURNAMES

_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


_WORD_RE = re.compile(r"\w+")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


@functools.lru_cache(maxsize=16384)  # names and words recur within and across articles; the function is pure
def fold(text: str) -> str:
    """Accent-free, case-free, punctuation-free form: 'Lip-Bu Tan' -> 'lip bu tan', 'José' -> 'jose'."""
    if text.isascii():  # the common case, without the per-character accent pass
        return " ".join(_WORD_RE.findall(text.lower()))
    stripped = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    stripped = stripped.replace("ø", "o").replace("Ø", "O").replace("ß", "ss").replace("ł", "l")
    words = re.findall(r"\w+", stripped.casefold())
    return " ".join(words)


@functools.lru_cache(maxsize=16384)
def key(name: str) -> str:
    """The identity key of a name: folded, without single-letter initials, spaces removed."""
    words = [w for w in fold(name).split() if len(w) > 1 or has_cjk(w)]
    return "".join(words)


def has_cjk(text: str) -> bool:
    return bool(_CJK_RUN.search(text))


def is_cjk_name(text: str) -> bool:
    """A Chinese personal name: 2-4 Han characters starting with a common surname (or 'X·Y' transliteration)."""
    t = text.strip()
    if "·" in t or "•" in t:
        parts = re.split(r"[·•]", t)
        return (
            all(2 <= len(p) <= 6 and all(_CJK_RUN.match(c) for c in p) for p in parts if p)
            and len(parts) >= 2
        )
    if not 2 <= len(t) <= 4 or not all(_CJK_RUN.match(c) for c in t):
        return False
    if any(w in t for w in CJK_NAME_STOP_WORDS):
        return False
    return t[0] in CJK_SURNAMES


_PINYIN_INITIAL = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
_PINYIN_FINAL = (
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo"
    r"|ue|ve|ui|er|a|o|e|i|u|v)"
)
# After the first syllable each one starts with a consonant (a vowel there would need an apostrophe, as in
# "Xi'an"): "Wenfeng" is pinyin, "Auto" (a-u-to) is not.
_PINYIN_WORD = re.compile(
    rf"{_PINYIN_INITIAL}{_PINYIN_FINAL}(?:{_PINYIN_INITIAL[:-1]}{_PINYIN_FINAL}){{0,2}}"
)


def is_pinyin_word(word: str) -> bool:
    w = fold(word).replace(" ", "")
    return bool(w) and bool(_PINYIN_WORD.fullmatch(w))


def is_given_name(word: str) -> bool:
    w = fold(word)
    if w.replace(" ", "-") in GIVEN_NAMES or w in GIVEN_NAMES:
        return True
    # "Lip-Bu", "Fei-Fei", "Jean-Pierre", "Kai-Fu": a hyphenated pair of capitalized short parts, the first a
    # given name or a syllable ("Bristol-Myers" is neither).
    first = word.split("-")[0]
    if len(first) > 4 and fold(first) not in GIVEN_NAMES:
        return False
    return bool(re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ]{1,8}-[A-ZÀ-Ýa-zà-ÿ][a-zà-ÿ]{1,8}", word)) and fold(
        word.split("-")[0]
    ) not in (
        "non",
        "co",
        "ex",
        "pre",
        "post",
        "anti",
        "pro",
    )


def is_pinyin_name(tokens: list[str]) -> bool:
    """'Liang Wenfeng', 'Lei Jun', 'Ren Zhengfei': a Chinese surname then a pinyin given name."""
    if len(tokens) != 2:
        return False
    surname, given = tokens
    return fold(surname) in PINYIN_SURNAMES and is_pinyin_word(given) and given[1:].islower()


@functools.lru_cache(maxsize=16384)
def surname(name: str) -> str | None:
    """The family name of a Latin-script full name ('Lip-Bu Tan' -> 'Tan'); None for CJK or one word."""
    if has_cjk(name):
        return None
    parts = [p for p in name.split() if not _INITIAL.fullmatch(p) and p.lower() not in NAME_SUFFIXES]
    if len(parts) < 2:
        return None
    tokens = parts
    if is_pinyin_name(tokens) or (len(tokens) == 2 and _KOREAN_GIVEN.fullmatch(tokens[1])):
        return tokens[0]  # family name first: "Liang Wenfeng", "Kwon Oh-hyun"
    # "Ursula von der Leyen" -> "von der Leyen"
    for i in range(1, len(tokens)):
        if tokens[i].lower() in PARTICLES:
            return " ".join(tokens[i:])
    return tokens[-1]


_INITIAL = re.compile(r"[A-Z]\.?")
# A Korean given name in Latin letters: two syllables joined by a hyphen, the second in lower case ("Oh-hyun",
# "Jae-yong"); written after the family name, which is then the first word.
_KOREAN_GIVEN = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{2,6}")

PARTICLES = frozenset("de da di del della der den van von du dos das le la bin al el ter ten st".split())


_BOUNDED_END = r"(?![\w-])"
_LONGEST_FORM = 128
_SMALL_SET = 48  # up to this many forms, a plain alternation (each position tries at most this many)


def _trie(strings: Iterable[str], end: str) -> str:
    """A regular expression for a set of strings, as a trie: at any position it reads at most the longest
    string's length (an alternation of N strings would try all N), and prefers the longest match."""
    root: dict[str, dict] = {}
    for s in strings:
        node = root
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            branches.append(end)  # last: a longer string is tried first
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return emit(root)


def mention_pattern(forms: Iterable[str]) -> re.Pattern[str] | None:
    """Finds any of ``forms`` in a text, longest first and without overlaps. A form in Latin letters matches
    whole words only ('Chen' not in 'Cheng'); a form with Chinese characters matches anywhere."""
    latin: list[str] = []
    cjk: list[str] = []
    for f in dict.fromkeys(forms):
        if 0 < len(f) <= _LONGEST_FORM:  # names and organizations are bounded; nothing longer is looked for
            (cjk if has_cjk(f) else latin).append(f)
    if not latin and not cjk:
        return None
    if len(latin) + len(cjk) <= _SMALL_SET:
        # Few forms (the usual article): one alternation, longest first, is cheaper to build than a trie.
        ordered = sorted([*latin, *cjk], key=len, reverse=True)
        return _compiled(
            "|".join(re.escape(f) if has_cjk(f) else rf"(?<![\w-]){re.escape(f)}(?![\w-])" for f in ordered)
        )
    parts = []
    if latin:
        parts.append(r"(?<![\w-])" + _trie(latin, _BOUNDED_END))
    if cjk:
        parts.append(_trie(cjk, ""))
    return _compiled("|".join(parts))


@functools.lru_cache(maxsize=512)
def _compiled(pattern: str) -> re.Pattern[str]:
    """Compiled once per distinct pattern: the same article parsed again, or the same people, costs nothing."""
    return re.compile(pattern)


# Runs of word characters (a character class first: the engine skips ahead, no look-behind at every position);
# a run glued to a hyphen before it is skipped by the caller.
_WORD_RUN = re.compile(r"\w+")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what '\w' matches in a str pattern


class Mentions:
    """What ``mention_pattern(forms).finditer`` finds, as (start, end, form), by dictionary look-ups instead
    of a regular expression compiled per set of forms (compiling one costs more than reading an article).

    A Latin form starts at a run of word characters and that run is its first word, so forms are filed under
    their first word; a form with Chinese characters is filed under its first character. At each place
    only the lengths filed there are tried, longest first: linear in the text. The choice between a Latin and
    a Chinese form at one place follows the pattern: the longest of both up to ``_SMALL_SET`` forms, a Latin
    one first above."""

    __slots__ = ("cjk", "latin", "latin_first")

    def __init__(self, latin: list[str], cjk: list[str]) -> None:
        self.latin_first = len(latin) + len(cjk) > _SMALL_SET
        self.latin: dict[str, tuple[list[int], set[str]]] = {}
        self.cjk: dict[str, tuple[list[int], set[str]]] = {}
        for forms, index, first in ((latin, self.latin, _first_word), (cjk, self.cjk, lambda f: f[0])):
            for f in forms:
                lengths, names = index.setdefault(first(f), ([], set()))
                names.add(f)
                if len(f) not in lengths:
                    lengths.append(len(f))
        for lengths, _ in (*self.latin.values(), *self.cjk.values()):
            lengths.sort(reverse=True)

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        starts: dict[int, str] = {}  # place -> the first word there (Latin candidates)
        firsts = self.latin
        for m in _WORD_RUN.finditer(text):  # maximal runs: no word character before one, a hyphen maybe
            run = m.group()
            if run in firsts:
                a = m.start()
                if not (a and text[a - 1] == "-"):
                    starts[a] = run
        places = set(starts)
        for ch in self.cjk:
            i = text.find(ch)
            while i >= 0:
                places.add(i)
                i = text.find(ch, i + 1)
        pos = 0
        n = len(text)
        for p in sorted(places):
            if p < pos:
                continue
            latin = ""
            word = starts.get(p)
            if word is not None:
                lengths, names = self.latin[word]
                for size in lengths:
                    end = p + size
                    if end > n:
                        continue
                    glued = end < n and (_is_word_char(text[end]) or text[end] == "-")
                    if not glued and text[p:end] in names:
                        latin = text[p:end]
                        break
            cjk = ""
            if not (latin and self.latin_first) and text[p] in self.cjk:
                lengths, names = self.cjk[text[p]]
                for size in lengths:
                    if p + size <= n and text[p : p + size] in names:
                        cjk = text[p : p + size]
                        break
            found = latin if self.latin_first and latin else max(latin, cjk, key=len)
            if found:
                yield p, p + len(found), found
                pos = p + len(found)


def _first_word(form: str) -> str:
    m = _WORD_RE.match(form)
    return m.group() if m else ""


def mentions(forms: Iterable[str]) -> Mentions | re.Pattern[str] | None:
    """A finder of ``forms`` in texts that finds what :func:`mention_pattern` finds: a :class:`Mentions`
    when every Latin form starts with a word character (names and organizations do), else the pattern."""
    latin: list[str] = []
    cjk: list[str] = []
    for f in dict.fromkeys(forms):
        if 0 < len(f) <= _LONGEST_FORM:
            (cjk if has_cjk(f) else latin).append(f)
    if not latin and not cjk:
        return None
    if any(not _is_word_char(f[0]) for f in latin):
        return mention_pattern(forms)
    return Mentions(latin, cjk)


def find_mentions(finder: Mentions | re.Pattern[str] | None, text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, form) of every mention, from either kind of finder."""
    if finder is None:
        return iter(())
    if isinstance(finder, Mentions):
        return finder.finditer(text)
    return ((m.start(), m.end(), m.group()) for m in finder.finditer(text))
