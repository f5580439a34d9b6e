"""Phase 'figures': money, percentages and counts a statement states."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..casefree import CaseFree, lower_text
from ..model import Figure, FigureKind

_SCALE = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "bln": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "t": 1e12,
    "万": 1e4,
    "亿": 1e8,
    "万亿": 1e12,
    "千亿": 1e11,
    "百亿": 1e10,
    "十亿": 1e9,
    "千万": 1e7,
    "百万": 1e6,
}
_CURRENCY = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euros": "EUR",
    "euro": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pounds": "GBP",
    "¥": "JPY",
    "jpy": "JPY",
    "yen": "JPY",
    "chf": "CHF",
    "swiss francs": "CHF",
    "francs": "CHF",
    "cny": "CNY",
    "rmb": "CNY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "元": "CNY",
    "人民币": "CNY",
    "美元": "USD",
    "欧元": "EUR",
    "港元": "HKD",
    "日元": "JPY",
    "英镑": "GBP",
    "hk$": "HKD",
    "hkd": "HKD",
    "a$": "AUD",
    "c$": "CAD",
    "s$": "SGD",
    "₹": "INR",
    "inr": "INR",
    "rupees": "INR",
    "krw": "KRW",
    "won": "KRW",
}
_APPROX_WORDS = (
    "about|around|approximately|roughly|nearly|almost|over|more than|less than|fewer than|up to|at least|some"
    "|an estimated|close to|just over|just under|below|above"
)
# A number starts where no digit, comma or point precedes it and is read atomically: a run of 10,000 digits
# is tried once, not once per digit (linear time).
_NUM = r"(?<![\d,.])(?>\d+(?:,\d{3})*(?:\.\d+)?)"
_SCALE_WORDS = r"trillion|billion|million|thousand|bn|bln|mln|mn|tn|k|m|b|t"
_CUR_PREFIX = r"US\$|HK\$|A\$|C\$|S\$|\$|€|£|¥|₹|\b(?:USD|EUR|GBP|CHF|JPY|CNY|RMB|HKD|INR|KRW)"
# Each pattern is tried only where a figure can start: at a currency sign or code (money written before the
# number) or at the first digit of a number (the rest), never at every character of the statement. A word
# of approximation ("about", "近") is read backwards from that start, in a short window.
_MONEY_PREFIX = re.compile(
    rf"(?P<cur>{_CUR_PREFIX})\s?(?P<num>{_NUM})(?:\s*(?P<scale>{_SCALE_WORDS})\b)?", re.I
)
_MONEY_SUFFIX = re.compile(
    rf"(?P<num>{_NUM})\s*(?P<scale>trillion|billion|million|thousand)?\s+(?P<cur>Swiss francs|dollars|euros|yuan|renminbi|yen|pounds|francs|rupees|won|USD|EUR|GBP|CHF|JPY|CNY|RMB|HKD)\b",
    re.I,
)
_MONEY_CN = re.compile(
    rf"(?P<num>{_NUM})\s*(?P<scale>万亿|千亿|百亿|十亿|千万|百万|亿|万)?\s*(?P<cur>美元|人民币|元|欧元|港元|日元|英镑)"
)
_PERCENT = re.compile(
    rf"(?P<num>-?{_NUM})\s*(?P<unit>%|percent(?:age points?)?|per cent|个百分点|百分点)",
    re.I,
)
_PERCENT_CN = re.compile(rf"百分之(?P<num>{_NUM})")
_COUNT = re.compile(
    rf"(?P<num>{_NUM})(?:\s*(?P<scale>trillion|billion|million|thousand)\b)?\s+(?:[A-Z][\w\-]*\s+)?(?P<noun>(?:[A-Za-z][\w\-]*?)s)\b",
    re.I,
)
_APPROX_BEFORE = re.compile(rf"(?:{_APPROX_WORDS})\s+$", re.I)
_APPROX_CN_BEFORE = re.compile(r"(?:约|近|超过|超|逾|达)$")
_APPROX_REACH = 40  # "approximately" and its spaces: the window read back from a figure's start
# Where money written before its number can start (every alternative of _CUR_PREFIX, in one fast scan).
_CUR_START = re.compile(r"US\$|HK\$|[ACS]\$|[$€£¥₹]|\b(?:USD|EUR|GBP|CHF|JPY|CNY|RMB|HKD|INR|KRW)", re.I)
_CURRENCY_CODES = ("usd", "eur", "gbp", "chf", "jpy", "cny", "rmb", "hkd", "inr", "krw")
_CURRENCY_WORDS = ("franc", "dollar", "euro", "yuan", "renminbi", "yen", "pound", "rupee", "won")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_NOT_COUNT_NOUNS = frozenset(
    "years months weeks days hours minutes seconds times decades centuries percent points basis bps".split()
)


_HAS_DIGIT = re.compile(r"\d")
# A number starts at the first digit of a run of digits, commas and points, unless a comma or point is
# right before it (as _NUM's look-behind has it).
_DIGITS = re.compile(r"\d[\d,.]*")
_CUR_SIGN = re.compile(r"[$€£¥₹]")


def _has_any(text: str, pieces: Iterable[str]) -> bool:
    return any(map(text.__contains__, pieces))  # no generator frame per piece


def _currency_starts(text: str, low: str | None) -> list[int]:
    """Where money written before its number can start: a sign (with 'US', 'HK', 'A', 'C' or 'S' before a
    '$') or a currency code; the same starts as a scan for _CUR_PREFIX, found by fast searches."""
    if low is None:  # lower-casing changed the length: the plain scan
        return [m.start() for m in _CUR_START.finditer(text)]
    starts: list[int] = []
    for m in _CUR_SIGN.finditer(text):
        p = m.start()
        if text[p] == "$":
            if p >= 2 and low[p - 2 : p] in ("us", "hk"):
                starts.append(p - 2)
            elif p >= 1 and low[p - 1] in "acs":
                starts.append(p - 1)
        starts.append(p)
    for code in _CURRENCY_CODES:
        i = low.find(code)
        while i >= 0:
            starts.append(i)
            i = low.find(code, i + 1)
    return sorted(set(starts))


# "Llama 4 models": a capitalised word right before the number (read from a short window: linear time).
_VERSION_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-Z][\w\-]*\s$")


_TWINS = {p: CaseFree(p) for p in (_MONEY_PREFIX, _MONEY_SUFFIX, _PERCENT, _COUNT)}
_APPROX_TWIN = CaseFree(_APPROX_BEFORE)


class _Found:
    """A figure's match read back from the original text (group text keeps its case), with the word of
    approximation found before it, if any, as the group 'approx'."""

    __slots__ = ("approx", "m", "text")

    def __init__(self, m: re.Match[str], text: str, approx: int) -> None:
        self.m, self.text, self.approx = m, text, approx  # approx: where that word starts, or -1

    def group(self, name: str) -> Any:  # str, or None for a group that took no part (as re.Match has it)
        if name == "approx":
            return self.text[self.approx : self.m.start()] if self.approx >= 0 else None
        a, b = self.m.span(name)
        return None if a < 0 else self.text[a:b]

    def start(self, name: str) -> int:
        if name == "approx":
            return self.approx
        return self.m.start(name)

    def end(self) -> int:
        return self.m.end()


def _finditer(pattern: re.Pattern[str], text: str, low: str | None, starts: list[int]) -> Iterator[_Found]:
    """The matches of ``pattern`` that begin at one of ``starts`` (in order, none overlapping the one before),
    each with the word of approximation right before it."""
    twin = _TWINS.get(pattern)
    if twin is not None and low is not None:
        subject, match, approx_re = low, twin.twin.match, _APPROX_TWIN.twin
    else:
        subject, match = text, pattern.match
        approx_re = _APPROX_CN_BEFORE if twin is None else _APPROX_BEFORE
    done = 0
    for pos in starts:
        if pos < done:
            continue
        m = match(subject, pos - 1) if pattern is _PERCENT and pos and subject[pos - 1] == "-" else None
        m = m or match(subject, pos)
        if m is None:
            continue
        a = approx_re.search(subject, max(done, pos - _APPROX_REACH), m.start())
        yield _Found(m, text, a.start() if a else -1)
        done = m.end()


def _value(num: str, scale: str | None) -> float:
    value = float(num.replace(",", ""))
    if scale:
        value *= _SCALE.get(scale.lower(), _SCALE.get(scale, 1.0))
    return value


# A statement keeps its first figures only (in text order): no reader uses more, and a generated statement
# of a million "$1" would otherwise make a million of them. Each pattern stops after this many figures, so
# the first ones in text order are all found.
MAX_FIGURES = 100


def figures_of(text: str) -> list[Figure]:
    found: list[tuple[int, int, Figure]] = []
    if not _HAS_DIGIT.search(text):
        return []
    low = text.lower()
    twin_low = lower_text(text)
    # Each pattern runs only when a word or sign it needs is in the text (most statements have none): the
    # signs and words present, in one scan.
    # signs and words present (a substring test each: faster than one scan for all of them).
    money_prefix = _has_any(text, "$€£¥₹") or _has_any(low, _CURRENCY_CODES)
    money_suffix = _has_any(low, _CURRENCY_WORDS)
    money_cn = "元" in text or "人民币" in text or "英镑" in text
    percent = "%" in text or "per" in low or "百分点" in text
    taken = bytearray(len(text) + 1)  # characters already inside a figure: overlap checks cost the span only

    def free(a: int, b: int) -> bool:
        if 1 in taken[a:b]:
            return False
        taken[a:b] = b"\x01" * (b - a)
        return True

    wanted = (
        (_MONEY_PREFIX, money_prefix),
        (_MONEY_SUFFIX, money_suffix or money_prefix),
        (_MONEY_CN, money_cn),
    )
    number_starts = [a for m in _DIGITS.finditer(text) if (a := m.start()) == 0 or text[a - 1] not in ",."]
    for pattern in (p for p, want in wanted if want):
        starts = _currency_starts(text, twin_low) if pattern is _MONEY_PREFIX else number_starts
        first = len(found)
        for m in _finditer(pattern, text, twin_low, starts):
            if len(found) - first >= MAX_FIGURES:
                break
            scale = m.group("scale")
            if pattern is _MONEY_PREFIX and scale and scale.lower() in ("m", "b", "k", "t"):
                # "$5 m" is a scale; "$5 more" is not: \b after the letter already ensures a word end.
                pass
            cur = m.group("cur").strip().lower()
            unit = _CURRENCY.get(cur) or _CURRENCY.get(cur.upper(), cur.upper())
            start = m.start("cur") if pattern is _MONEY_PREFIX else m.start("num")
            if m.group("approx"):
                start = m.start("approx")
            if free(start, m.end()):
                found.append(
                    (
                        start,
                        m.end(),
                        Figure(
                            text=text[start : m.end()].strip(),
                            kind=FigureKind.MONEY,
                            value=_value(m.group("num"), scale),
                            unit=unit,
                        ),
                    )
                )
    first = len(found)
    for m in _finditer(_PERCENT, text, twin_low, number_starts) if percent else ():
        if len(found) - first >= MAX_FIGURES:
            break
        start = m.start("approx") if m.group("approx") else m.start("num")
        if free(start, m.end()):
            unit_raw = m.group("unit").lower()
            unit = "percentage points" if "point" in unit_raw or "百分点" in unit_raw else "%"
            found.append(
                (
                    start,
                    m.end(),
                    Figure(
                        text=text[start : m.end()].strip(),
                        kind=FigureKind.PERCENT,
                        value=float(m.group("num").replace(",", "")),
                        unit=unit,
                    ),
                )
            )
    first = len(found)
    for mc in _PERCENT_CN.finditer(text) if "百分之" in text else ():
        if len(found) - first >= MAX_FIGURES:
            break
        if free(mc.start(), mc.end()):
            found.append(
                (
                    mc.start(),
                    mc.end(),
                    Figure(
                        text=mc.group(0),
                        kind=FigureKind.PERCENT,
                        value=float(mc.group("num").replace(",", "")),
                        unit="%",
                    ),
                )
            )
    first = len(found)
    for m in _finditer(_COUNT, text, twin_low, number_starts):
        if len(found) - first >= MAX_FIGURES:
            break
        noun = m.group("noun")
        num = m.group("num")
        if noun.lower() in _NOT_COUNT_NOUNS:
            continue
        if _YEAR.fullmatch(num) and not m.group("scale"):
            continue  # a year: "2025 models"
        before = text[max(0, m.start("num") - 1) : m.start("num")]
        if before in ("-", "[", "$", "€", "£", "¥", ".") or _LATIN_LETTER.match(before):
            continue  # "GPT-5 models", citation numbers, prices
        if not m.group("approx") and _VERSION_BEFORE.search(
            text, max(0, m.start("num") - 48), m.start("num")
        ):
            continue  # "Llama 4 models": a product's version, not a count
        start = m.start("approx") if m.group("approx") else m.start("num")
        if free(start, m.end()):
            found.append(
                (
                    start,
                    m.end(),
                    Figure(
                        text=text[start : m.end()].strip(),
                        kind=FigureKind.COUNT,
                        value=_value(num, m.group("scale")),
                        unit=noun,
                    ),
                )
            )
    found.sort(key=lambda x: x[0])
    return [f for _, _, f in found[:MAX_FIGURES]]
