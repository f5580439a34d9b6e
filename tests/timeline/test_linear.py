"""Reading moves stays linear: twice the text takes about twice the time, long sentences included."""

from __future__ import annotations

import time

from bot.article import Article, Person, Point, Section
from bot.timeline import extract_moves


def _article(n: int, one_sentence: bool) -> Article:
    people = [Person(name=f"Person{i} Surname{i}") for i in range(n)]
    clauses = [
        f"Person{i} Surname{i} left Firm{i} Corp in 2020 and joined Firm{i + 1} Corp" for i in range(n)
    ]
    points = (
        [Point(text=", ".join(clauses) + ".")] if one_sentence else [Point(text=c + ".") for c in clauses]
    )
    return Article(
        id="x", title="t", published_at="2025-01-01", sections=[Section(points=points)], people=people
    )


def _seconds(article: Article) -> float:
    best = float("inf")
    for _ in range(3):
        t = time.process_time()
        extract_moves(article)
        best = min(best, time.process_time() - t)
    return best


def test_linear_in_sentences_and_in_one_long_sentence() -> None:
    for one in (False, True):
        small, large = _seconds(_article(300, one)), _seconds(_article(600, one))
        assert large < 3.0 * small + 0.05, (one, small, large)
