"""Extraction quality on hand-labelled articles (quality, not speed: thresholds from the issue)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.article.quality import EVAL, evaluate

HELDOUT = EVAL.parent / "heldout"
BLIND = EVAL.parent / "blind"


@pytest.mark.parametrize("folder", [EVAL, HELDOUT, BLIND], ids=["dev", "heldout", "blind"])
def test_people_stance_and_coverage(folder: Path) -> None:
    totals, notes = evaluate(folder)
    summary, plain = totals["summary"], totals["plain"]
    assert summary.statements_total >= 30, "the evaluation set must not be empty"
    assert plain.statements_total >= 10, "the evaluation set must not be empty"
    report = "\n".join(notes)
    assert summary.f1 >= 0.95, report
    assert plain.f1 >= 0.90, report
    assert summary.stance >= 0.90, report
    assert plain.stance >= 0.90, report
    assert summary.coverage >= 0.95, report
    assert plain.coverage >= 0.95, report
