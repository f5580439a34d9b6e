"""Extraction quality against hand-labelled articles: people F1, stance accuracy, statements found.

Used by ``test_quality.py``; run ``python -m tests.article.quality [FOLDER]`` to print the table.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from bot.article import Article, ArticleFormat
from bot.article.names import key
from bot.ingest.intake import read_article

EVAL = Path(__file__).resolve().parent.parent / "data" / "eval"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    stance_right: int = 0
    stance_total: int = 0
    statements_found: int = 0
    statements_total: int = 0

    def add(self, other: Score) -> None:
        for f in self.__dataclass_fields__:
            setattr(self, f, getattr(self, f) + getattr(other, f))

    @property
    def f1(self) -> float:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def stance(self) -> float:
        return self.stance_right / self.stance_total if self.stance_total else 1.0

    @property
    def coverage(self) -> float:
        return self.statements_found / self.statements_total if self.statements_total else 1.0


def score_article(article: Article, gold: dict[str, list]) -> tuple[Score, list[str]]:  # type: ignore[type-arg]
    s = Score()
    notes: list[str] = []
    predicted = [(p.name, {key(p.name), *(key(a) for a in p.aliases)}) for p in article.people]
    gold_keys = {key(g): g for g in gold["people"]}
    matched: set[str] = set()
    for name, keys in predicted:
        hit = next((k for k in keys if k in gold_keys and k not in matched), None)
        if hit:
            s.tp += 1
            matched.add(hit)
        else:
            s.fp += 1
            notes.append(f"extra person: {name}")
    for k, g in gold_keys.items():
        if k not in matched:
            s.fn += 1
            notes.append(f"missed person: {g}")
    for prefix, stance in gold["statements"]:
        s.statements_total += 1
        claim = next(
            (c for c in article.claims if c.text.startswith(prefix) or prefix in c.text[: len(prefix) + 40]),
            None,
        )
        if claim is None:
            notes.append(f"statement not found: {prefix}")
            continue
        s.statements_found += 1
        s.stance_total += 1
        if claim.stance.value == stance:
            s.stance_right += 1
        else:
            notes.append(f"stance {claim.stance.value} != {stance}: {prefix}")
    return s, notes


def evaluate(folder: Path = EVAL) -> tuple[dict[str, Score], list[str]]:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    totals = {"summary": Score(), "plain": Score()}
    notes: list[str] = []
    for name, labels in gold.items():
        if name.startswith("_"):
            continue
        article = read_article(folder / name)
        kind = "plain" if article.format is ArticleFormat.PLAIN else "summary"
        s, n = score_article(article, labels)
        totals[kind].add(s)
        notes.extend(f"{name}: {x}" for x in n)
    return totals, notes


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else EVAL
    totals, notes = evaluate(folder)
    for kind, s in totals.items():
        print(
            f"{kind:8} people F1 {s.f1:.3f} (tp {s.tp} fp {s.fp} fn {s.fn})  stance {s.stance:.3f}  "
            f"statements found {s.coverage:.3f} ({s.statements_found}/{s.statements_total})"
        )
    for n in notes:
        print("  " + n)


if __name__ == "__main__":
    main()
