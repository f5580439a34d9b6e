"""Dates a sentence gives for an event, English and Chinese, resolved against the article's own date.

"in 2020", "March 2025", "on March 12", "12 March 2025", "last month", "at year end", "on Monday",
2025年3月12日, 去年3月, 上个月, 年底. A date without a year takes the article's year, moved back a year when
that would put a past event after the article (or forward a year when a future event would fall before it).
Every pattern is one regular expression run once over the sentence: linear in its length.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (  # case-sensitive: "may" is a verb, "May" a month
    r"(?-i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_CN_WEEKDAYS = "一二三四五六日天"
_YEAR = r"(?:19|20)\d\d"

_PATTERN = re.compile(
    "|".join(
        [
            # 2025-03-12
            rf"(?P<iso>\b(?P<iso_y>{_YEAR})-(?P<iso_m>\d\d)-(?P<iso_d>\d\d)\b)",
            # March 12, 2025 / March 12 / Mar. 12th
            rf"(?P<mdy>\b(?P<mdy_m>{_MONTH})\.?\s+(?P<mdy_d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<mdy_y>{_YEAR})\b)?)",
            # 12 March 2025 / 12 March
            rf"(?P<dmy>\b(?P<dmy_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<dmy_m>{_MONTH})\b\.?(?:,?\s+(?P<dmy_y>{_YEAR})\b)?)",
            # March 2025 / early March 2025
            rf"(?P<my>\b(?P<my_m>{_MONTH})\.?,?\s+(?P<my_y>{_YEAR})\b)",
            # in March / since last December / by early May ("may" alone is a verb: a preposition is needed)
            rf"(?P<mo>\b(?P<mo_pre>in|since|from|by|during|until|till|before|after|early|late|mid-|end of|last|this|next)"
            rf"\s*(?:early\s+|late\s+|mid-)?(?P<mo_m>{_MONTH})\b(?!\s+\d))",
            # in 2020 / since 2019 / by the end of 2025 / 2020's
            rf"(?P<yr>\b(?P<yr_pre>in|since|from|during|by|until|till|before|after|early|late|mid-|of|the end of|end of|around|circa)"
            rf"\s*(?:early\s+|late\s+|mid-)?(?P<yr_y>{_YEAR})\b(?!-\d))",
            # last month / this year / next week / earlier this year / later this month
            r"(?P<rel>\b(?P<rel_w>last|this|next|earlier this|later this|earlier in the|late last|early next|early this)\s+"
            r"(?P<rel_u>week|month|year|quarter)\b)",
            r"(?P<ago>\b(?P<ago_n>a|an|one|two|three|four|five|six|\d{1,2})\s+(?P<ago_u>day|week|month|year)s?\s+ago\b)",
            r"(?P<day>\b(?P<day_w>yesterday|today|tonight|tomorrow)\b)",
            r"(?P<ye>\b(?:at|by|before|until|till)\s+(?:the\s+)?(?:(?:end\s+of\s+(?:the|this)\s+year)|year[- ]end)\b)",
            r"(?P<wd>\b(?P<wd_pre>on|last|this|next|from|since|by)\s+(?P<wd_d>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)",
            # Chinese: 2025年3月12日 / 2025年3月 / 2025年 / 3月12日 / 3月 / 去年3月 / 上个月 / 年底 / 周一
            r"(?P<cn>(?=(?:19|20)\d\d年|去年|今年|明年|前年|\d{1,2}月|[底末])(?:(?P<cn_y>(?:19|20)\d\d)年|(?P<cn_ry>去年|今年|明年|前年))?"
            r"(?:(?P<cn_m>\d{1,2})月(?:份)?(?:(?P<cn_d>\d{1,2})[日号])?)?(?P<cn_end>底|末|初)?)",
            r"(?P<cnrel>上个?月|本月|这个月|下个?月|上周|本周|下周|昨日|昨天|今日|今天|明日|明天|日前|近日)",
            rf"(?P<cnwd>(?P<cnwd_pre>上|本|下)?(?:周|星期|礼拜)(?P<cnwd_d>[{_CN_WEEKDAYS}]))",
        ]
    ),
    re.I,
)

_SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


@dataclass(frozen=True)
class DateMention:
    """A date written in a sentence: where it is and what it says, resolved for a past and a future event."""

    start: int
    end: int
    past: str | None  # the value when the event it dates is in the past
    future: str | None  # ... and when it is still to come
    since: bool = False  # "since 2015": the start of a state, not the date of a change


def parse_article_date(published_at: str | None) -> date | None:
    if not published_at:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published_at)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _ymd(y: int, m: int | None = None, d: int | None = None) -> str | None:
    if not 1900 <= y <= 2100:
        return None
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _month_of(name: str) -> int:
    return _MONTHS[name[:3].lower()]


_NEAR = timedelta(days=60)


def _without_year(ref: date | None, m: int, d: int | None) -> tuple[str | None, str | None]:
    """A month (and day) without a year takes the article's year, unless that puts it well after the article
    for a past event (then the year before: "December" in a January article) or well before it for a future
    event (then the year after). Within two months of the article either way, the article's year stands: a
    move announced on March 11 "on April 1" is this April's."""
    if ref is None:
        return None, None
    first = _safe_date(ref.year, m, d or 1)
    last = _safe_date(ref.year, m, d or 28)
    if first is None or last is None:
        return None, None
    past_y = ref.year - 1 if first > ref + _NEAR else ref.year
    future_y = ref.year + 1 if last < ref - _NEAR else ref.year
    return _ymd(past_y, m, d), _ymd(future_y, m, d)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return date(y, m, 28) if 1 <= m <= 12 and 1 <= d <= 31 else None


def _shift_month(ref: date, months: int) -> str:
    total = ref.year * 12 + ref.month - 1 + months
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


def _both(value: str | None) -> tuple[str | None, str | None]:
    return value, value


Resolved = tuple[str | None, str | None]


def _resolve(m: re.Match[str], ref: date | None) -> Resolved:
    """The (past, future) reading of one date the text writes: the first of the pattern's alternatives that
    matched picks its rule; the relative ones ("last month", "昨天") need the article's date."""
    for group, absolute in _ABSOLUTE:
        if m.group(group):
            return absolute(m.group, ref)
    if ref is None:
        return None, None
    for group, relative in _RELATIVE:
        if m.group(group):
            return relative(m.group, ref)
    return None, None


Group = Callable[[str], Any]


def _iso(g: Group, ref: date | None) -> Resolved:
    return _both(_ymd(int(g("iso_y")), int(g("iso_m")), int(g("iso_d"))))


def _month_day(g: Group, ref: date | None) -> Resolved:
    """ "March 5, 2024", "5 March 2024", and either without its year."""
    k = "mdy" if g("mdy") else "dmy"
    month, day = _month_of(g(f"{k}_m")), int(g(f"{k}_d"))
    if g(f"{k}_y"):
        return _both(_ymd(int(g(f"{k}_y")), month, day))
    return _without_year(ref, month, day)


def _month_year(g: Group, ref: date | None) -> Resolved:
    return _both(_ymd(int(g("my_y")), _month_of(g("my_m"))))


def _month_only(g: Group, ref: date | None) -> Resolved:
    """ "last March", "next March", "this March", or "March" alone."""
    month = _month_of(g("mo_m"))
    pre = g("mo_pre").lower()
    if ref is None or pre not in ("last", "next", "this"):
        return _without_year(ref, month, None)
    if pre == "last":
        return _both(_ymd(ref.year if month < ref.month else ref.year - 1, month))
    if pre == "next":
        return _both(_ymd(ref.year if month > ref.month else ref.year + 1, month))
    return _both(_ymd(ref.year, month))


def _year_only(g: Group, ref: date | None) -> Resolved:
    return _both(_ymd(int(g("yr_y"))))


def _relative_unit(g: Group, ref: date) -> Resolved:
    """ "last year", "next month", "this quarter", "late last week"."""
    word, unit = g("rel_w").lower(), g("rel_u").lower()
    step = (
        -1 if word.startswith(("last", "late last")) else 1 if word.startswith(("next", "early next")) else 0
    )
    if unit == "year":
        return _both(_ymd(ref.year + step))
    if unit == "month":
        return _both(_shift_month(ref, step))
    if unit == "quarter":
        return _both(_ymd(ref.year) if step == 0 else _shift_month(ref, 3 * step)[:4])
    return _both((ref + timedelta(days=7 * step)).isoformat()[:7])  # a week: its month


def _ago(g: Group, ref: date) -> Resolved:
    """ "three days ago", "2 months ago"."""
    n = _SMALL_NUMBERS.get(g("ago_n").lower()) or int(g("ago_n"))
    unit = g("ago_u").lower()
    if unit == "day":
        return _both((ref - timedelta(days=n)).isoformat())
    if unit == "week":
        return _both((ref - timedelta(days=7 * n)).isoformat()[:7])
    if unit == "month":
        return _both(_shift_month(ref, -n))
    return _both(_ymd(ref.year - n))


def _day_word(g: Group, ref: date) -> Resolved:
    delta = {"yesterday": -1, "tomorrow": 1}.get(g("day_w").lower(), 0)
    return _both((ref + timedelta(days=delta)).isoformat())


def _year_end(g: Group, ref: date) -> Resolved:
    return _both(_ymd(ref.year))


def _english_weekday(g: Group, ref: date) -> Resolved:
    return _weekday(ref, _WEEKDAYS.index(g("wd_d").lower()), g("wd_pre").lower())


def _chinese_weekday(g: Group, ref: date) -> Resolved:
    pre = {"上": "last", "下": "next"}.get(g("cnwd_pre") or "", "on")
    return _weekday(ref, min(_CN_WEEKDAYS.index(g("cnwd_d")), 6), pre)


def _chinese_relative(g: Group, ref: date) -> Resolved:
    """上月 / 本月 / 下月, 上周 / 下周, 昨天 / 今天 / 明天; 日前 and 近日 ("recently") have no date of their own."""
    w = g("cnrel")
    if w.endswith("月"):
        return _both(_shift_month(ref, -1 if w.startswith("上") else 1 if w.startswith("下") else 0))
    if w.endswith("周"):
        step = -1 if w.startswith("上") else 1 if w.startswith("下") else 0
        return _both((ref + timedelta(days=7 * step)).isoformat()[:7])
    if w in ("日前", "近日"):
        return None, None  # "recently": no date of its own
    delta = -1 if w.startswith("昨") else 1 if w.startswith("明") else 0
    return _both((ref + timedelta(days=delta)).isoformat())


# The pattern's alternatives, by the group each one names, in the order they are tried.
_ABSOLUTE: tuple[tuple[str, Callable[[Group, date | None], Resolved]], ...] = (
    ("iso", _iso),
    ("mdy", _month_day),
    ("dmy", _month_day),
    ("my", _month_year),
    ("mo", _month_only),
    ("yr", _year_only),
)
_RELATIVE: tuple[tuple[str, Callable[[Group, date], Resolved]], ...] = (
    ("rel", _relative_unit),
    ("ago", _ago),
    ("day", _day_word),
    ("ye", _year_end),
    ("wd", _english_weekday),
    ("cnwd", _chinese_weekday),
    ("cnrel", _chinese_relative),
)


def _weekday(ref: date, wd: int, pre: str) -> tuple[str | None, str | None]:
    back = (ref.weekday() - wd) % 7
    ahead = (wd - ref.weekday()) % 7
    if pre == "last":
        back = back or 7
        return _both((ref - timedelta(days=back)).isoformat())
    if pre == "next":
        return _both((ref + timedelta(days=ahead or 7)).isoformat())
    return (ref - timedelta(days=back)).isoformat(), (ref + timedelta(days=ahead)).isoformat()


def _resolve_cn(m: re.Match[str], ref: date | None) -> tuple[str | None, str | None]:
    g = m.group
    month = int(g("cn_m")) if g("cn_m") else None
    day = int(g("cn_d")) if g("cn_d") else None
    if g("cn_y"):
        return _both(_ymd(int(g("cn_y")), month, day))
    if g("cn_ry"):
        if ref is None:
            return None, None
        year = ref.year + {"去年": -1, "今年": 0, "明年": 1, "前年": -2}[g("cn_ry")]
        return _both(_ymd(year, month, day))
    if month is not None:
        return _without_year(ref, month, day)
    return None, None


def find_dates(text: str, ref: date | None) -> list[DateMention]:
    """Every date the text writes, in order, each resolved against the article date ``ref``."""
    found: list[DateMention] = []
    for m in _PATTERN.finditer(text):
        if m.group("cn") is not None:
            if not (m.group("cn_y") or m.group("cn_ry") or m.group("cn_m")):
                # "年底" alone (no year and no month): this year's end
                year_end = m.group("cn_end") in ("底", "末") and m.start() > 0 and text[m.start() - 1] == "年"
                if year_end and ref is not None:
                    found.append(DateMention(m.start() - 1, m.end(), *_both(_ymd(ref.year))))
                continue
            past, future = _resolve_cn(m, ref)
        else:
            past, future = _resolve(m, ref)
        if past is None and future is None:
            continue
        since = bool(m.group("yr_pre") and m.group("yr_pre").lower() == "since") or bool(
            m.group("mo_pre") and m.group("mo_pre").lower() == "since"
        )
        found.append(DateMention(m.start(), m.end(), past, future, since=since))
    return found
