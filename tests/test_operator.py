"""``python -m bot article list|remove|hide|restore`` and ``forget-guild``: the operator's tools."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import cli

FED = "Fed holds rates steady\nWire·2025-10-01 18:00\n\nCore Viewpoint - Chair Jerome Powell said the Fed would wait [1].\n"
ECB = "ECB cuts rates\nWire·2025-10-02 18:00\n\nCore Viewpoint - President Christine Lagarde said inflation eased [1].\n"


@pytest.fixture
def db(tmp_path: Path) -> str:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "fed.txt").write_text(FED, encoding="utf-8")
    (folder / "ecb.txt").write_text(ECB, encoding="utf-8")
    url = f"sqlite:///{tmp_path}/nd.db"
    assert cli.main(["ingest", str(folder), "--database-url", url]) == 0
    return url


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_remove_hide_and_restore(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    code, out, _ = run(capsys, "article", "list", "--database-url", db)
    assert code == 0 and "2 articles, 0 removed or hidden" in out and "Fed holds rates steady" in out
    code, _, err = run(capsys, "article", "remove", "rates", "--database-url", db)
    assert code == 1 and "2 articles match 'rates'" in err  # ambiguous: both titles are named
    code, out, _ = run(capsys, "article", "remove", "Fed holds", "--database-url", db)
    assert code == 0 and "removed for every server" in out
    # A re-ingest of the folder does not bring it back.
    code, out, _ = run(capsys, "ingest", str(tmp_path / "news"), "--database-url", db)
    assert "1 removed by the operator" in out
    code, out, _ = run(capsys, "article", "list", "--database-url", db)
    assert "1 articles, 1 removed or hidden" in out and "REMOVED (every server)" in out
    code, out, _ = run(capsys, "article", "hide", "ECB cuts rates", "--guild", "77", "--database-url", db)
    assert code == 0 and "hidden in server 77" in out
    code, _, err = run(capsys, "article", "hide", "ECB cuts rates", "--database-url", db)
    assert code == 2 and "--guild" in err
    code, out, _ = run(capsys, "article", "restore", "Fed holds", "--database-url", db)
    assert code == 0 and "added back from" in out
    code, out, _ = run(capsys, "article", "restore", "ECB", "--guild", "77", "--database-url", db)
    assert code == 0 and "shown in server 77 again" in out
    code, out, _ = run(capsys, "article", "list", "--database-url", db)
    assert "2 articles, 0 removed or hidden" in out
    code, _, err = run(capsys, "article", "restore", "Fed holds", "--database-url", db)
    assert code == 1 and "no removed or hidden articles match" in err
    code, _, err = run(capsys, "article", "remove", "--database-url", db)
    assert code == 2 and "needs an ARTICLE" in err


def test_forget_guild(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "article", "hide", "ECB cuts rates", "--guild", "77", "--database-url", db)
    code, out, _ = run(capsys, "forget-guild", "77", "--database-url", db)
    assert code == 0 and "server 77 forgotten: 1 article_tombstones" in out
    code, out, _ = run(capsys, "forget-guild", "77", "--database-url", db)
    assert code == 0 and "nothing was stored" in out
    code, _, err = run(capsys, "forget-guild", "0", "--database-url", db)
    assert code == 2 and "server id" in err
