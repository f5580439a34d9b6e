"""Dates written in a sentence, resolved against the article's date (2025-06-15, a Sunday)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.timeline.dates import find_dates, parse_article_date

REF = date(2025, 6, 15)


@pytest.mark.parametrize(
    ("text", "past", "future"),
    [
        ("in 2020", "2020", "2020"),
        ("on March 12", "2025-03-12", "2026-03-12"),
        ("on March 12, 2024", "2024-03-12", "2024-03-12"),
        ("on 3 September 2023", "2023-09-03", "2023-09-03"),
        ("in October", "2024-10", "2025-10"),
        ("in March 2025", "2025-03", "2025-03"),
        ("last month", "2025-05", "2025-05"),
        ("next year", "2026", "2026"),
        ("two years ago", "2023", "2023"),
        ("yesterday", "2025-06-14", "2025-06-14"),
        ("on Tuesday", "2025-06-10", "2025-06-17"),
        ("at year end", "2025", "2025"),
        ("2024-11-30", "2024-11-30", "2024-11-30"),
        ("2025年3月12日", "2025-03-12", "2025-03-12"),
        ("2025年3月", "2025-03", "2025-03"),
        ("去年3月", "2024-03", "2024-03"),
        ("9月1日", "2024-09-01", "2025-09-01"),
        ("上个月", "2025-05", "2025-05"),
        ("年底", "2025", "2025"),
    ],
)
def test_dates(text: str, past: str, future: str) -> None:
    (found,) = find_dates(f"It happened {text} as planned", REF)
    assert (found.past, found.future) == (past, future)


def test_may_the_verb_is_no_date() -> None:
    assert find_dates("She may leave soon", REF) == []


def test_durations_are_no_dates() -> None:
    assert find_dates("after 15 years at the bank", REF) == []


def test_without_an_article_date_only_absolute_dates_resolve() -> None:
    assert [d.past for d in find_dates("in 2019 and last month", None)] == ["2019"]


def test_article_dates() -> None:
    assert parse_article_date("2025-03-14T09:00:00") == date(2025, 3, 14)
    assert parse_article_date(None) is None
    assert parse_article_date("garbled") is None


def test_a_month_and_day_near_the_article_date_keep_its_year() -> None:
    from datetime import date

    from bot.timeline.dates import find_dates

    ref = date(2025, 7, 12)
    (before,) = find_dates("on July 11", ref)  # a day before the article: this year even for a move to come
    assert (before.past, before.future) == ("2025-07-11", "2025-07-11")
    (after,) = find_dates("4月1日", date(2025, 3, 11))  # three weeks after: this year even for a past verb
    assert (after.past, after.future) == ("2025-04-01", "2025-04-01")
    (far,) = find_dates("on March 3", ref)  # months away: the tense decides, as before
    assert (far.past, far.future) == ("2025-03-03", "2026-03-03")
