"""python -m bot moves: JSON Lines exactly as issue 18 specifies, and a readable form."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main

from .helpers import article_text


def test_moves_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        article_text(
            "Karen Holloway has left Vantrix Systems.",
            "Pinecrest Capital denied that Rafael Ortega would quit.",
        ),
        encoding="utf-8",
    )
    assert main(["moves", str(path), "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines == [
        {
            "file": str(path),
            "person": "Karen Holloway",
            "kind": "left",
            "organization": "Vantrix Systems",
            "role": None,
            "date": "2025-06-15",
            "date_from": "article",
            "evidence": "Karen Holloway has left Vantrix Systems.",
        }
    ]


def test_moves_readable_and_failures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text(article_text("Ivan Petrov joined Northwind Aero on March 3."), encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    assert main(["moves", str(good), str(bad)]) == 1
    out = capsys.readouterr()
    assert "2025-03-03  Ivan Petrov joined Northwind Aero" in out.out
    assert f"{bad}: error:" in out.err
