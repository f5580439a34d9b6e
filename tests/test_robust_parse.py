"""One bad file never stops the others: hostile JSON is one line of error, every good file still parsed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.article import ArticleError, load_article


def hostile(folder: Path) -> dict[str, Path]:
    deep = folder / "deep.json"
    deep.write_text('{"title": "Deep", "x": ' + "[" * 200_000 + "]" * 200_000 + "}", encoding="utf-8")
    big = folder / "bigint.json"
    big.write_text('{"title": "Big", "n": ' + "7" * 5_000 + "}", encoding="utf-8")
    return {"deep": deep, "big": big}


@pytest.mark.parametrize("which", ["deep", "big"])
def test_hostile_json_is_an_article_error(which: str, tmp_path: Path) -> None:
    path = hostile(tmp_path)[which]
    with pytest.raises(ArticleError, match=r"^not valid article JSON: "):
        load_article(path.read_bytes())


def test_parse_carries_on_past_hostile_json(tmp_path: Path, corpus_dir: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    good = sorted(corpus_dir.glob("*.txt"))[:2]
    shutil.copy(good[0], folder / "a-good.txt")
    bad = hostile(folder)
    shutil.copy(good[1], folder / "z-good.txt")
    done = subprocess.run(
        [sys.executable, "-m", "bot", "parse", "--json", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert [line.split('"file": ')[1].split('"')[1] for line in done.stdout.splitlines()] == [
        str(folder / "a-good.txt"),
        str(folder / "z-good.txt"),
    ]
    errors = done.stderr.strip().splitlines()
    assert len(errors) == 2, done.stderr
    assert errors[0].startswith(f"{bad['big']}: error: not valid article JSON: ")
    assert errors[1].startswith(f"{bad['deep']}: error: not valid article JSON: ")
