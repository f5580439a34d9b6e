"""python -m bot stories, as a user runs it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.test_cli import run

DATA = Path(__file__).resolve().parent / "data"


def test_stories_json_lines(tmp_path: Path) -> None:
    folder = tmp_path / "more"
    folder.mkdir()
    for name in ("d1-nvidia-openai-en.txt", "d4-nvidia-openai-zh.txt", "c1-nvidia-intel-en.txt"):
        shutil.copy(DATA / name, tmp_path / name)
    shutil.copy(DATA / "b1-tan-en.txt", folder / "b1.txt")
    shutil.copy(DATA / "b2-tan-en.txt", folder / "b2.txt")
    bad = tmp_path / "empty.txt"
    bad.write_text(" \n")
    args = [
        "./d1-nvidia-openai-en.txt",
        "c1-nvidia-intel-en.txt",
        "empty.txt",
        "d4-nvidia-openai-zh.txt",
        "more",
    ]
    out = run("stories", "--json", *args, cwd=tmp_path)
    assert out.returncode == 1  # one file could not be read
    assert out.stderr.strip() == "empty.txt: error: file is empty (only whitespace)"
    records = [json.loads(line) for line in out.stdout.splitlines()]
    files = [f for r in records for f in r["files"]]
    expected = ["./d1-nvidia-openai-en.txt", "c1-nvidia-intel-en.txt", "d4-nvidia-openai-zh.txt"]
    expected += ["more/b1.txt", "more/b2.txt"]
    assert sorted(files) == sorted(expected)  # every readable file in exactly one story, as given
    for r in records:
        assert list(r) == ["story", "files", "title", "contested", "claims"]
        assert (
            isinstance(r["story"], str) and isinstance(r["title"], str) and isinstance(r["contested"], bool)
        )
        for c in r["claims"]:
            assert list(c) == ["subject", "stances"]
            for s in c["stances"]:
                assert list(s) == ["stance", "speaker", "file"] and s["file"] in r["files"]
    by_file = {f: r for r in records for f in r["files"]}
    assert by_file["./d1-nvidia-openai-en.txt"] is by_file["d4-nvidia-openai-zh.txt"]
    assert by_file["c1-nvidia-intel-en.txt"]["files"] == ["c1-nvidia-intel-en.txt"]  # a singleton
    tan = by_file["more/b1.txt"]
    assert tan["files"] == ["more/b1.txt", "more/b2.txt"] and tan["contested"] is True
    denied = [s for c in tan["claims"] for s in c["stances"] if s["stance"] == "denied"]
    assert denied == [{"stance": "denied", "speaker": "Lip-Bu Tan", "file": "more/b2.txt"}]


def test_stories_readable(tmp_path: Path) -> None:
    out = run("stories", str(DATA / "b1-tan-en.txt"), str(DATA / "b2-tan-en.txt"), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "(2 articles)  [contested]" in out.stdout
    assert "denied" in out.stdout and "Lip-Bu Tan" in out.stdout
