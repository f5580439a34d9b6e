"""The command line when its output is piped, when it is given files that are not articles, a store that does not
exist, or a feed that cannot be fetched."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS
from tests.feedserver import ALLOW, FeedServer


def env(**extra: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSDESK_", "DISCORD_"))}
    clean.pop("COLUMNS", None)
    clean.pop("LINES", None)
    return {**clean, **extra}


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=cwd, env=env(), capture_output=True, text=True, timeout=120
    )


def test_parse_json_into_a_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "parse", "--json", *[str(CORPUS)] * 4],
        cwd=tmp_path,
        env=env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()  # what `| head -1` does: read a line, then hang up
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert first.startswith(b'{"file"')
    assert "Traceback" not in err and "BrokenPipe" not in err, err
    assert err == ""


def test_parse_output_to_a_file_is_not_wrapped(tmp_path: Path) -> None:
    out = run("parse", str(CORPUS), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    labels = ("  title:", "  source:", "  sections:", "  people:", "  orgs:", "  stances:")
    assert all(line.startswith(labels) or line.startswith(str(CORPUS)) for line in lines), [
        line for line in lines if not line.startswith(labels) and not line.startswith(str(CORPUS))
    ][:3]
    assert max(len(line) for line in lines) > 80  # long lines were written as they are


SIGNATURES = {
    "report.pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF document"),
    "notes.docx": (b"PK\x03\x04\x14\x00\x06\x00\x08\x00word/document.xml", "zip archive"),
    "chart.png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    "photo.jpg": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image"),
    "anim.gif": (b"GIF89a\x01\x00\x01\x00\x80\x00\x00", "GIF image"),
    "article.txt.gz": (gzip.compress(b"Headline\nWire\n\nText."), "gzip archive"),
}


def test_known_binary_formats_are_refused_by_their_signature(tmp_path: Path) -> None:
    paths = []
    for name, (data, _) in SIGNATURES.items():
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    out = run("parse", *paths, cwd=tmp_path)
    assert out.returncode == 1
    errors = out.stderr.strip().splitlines()
    assert len(errors) == len(SIGNATURES), out.stderr
    for line, (name, (_, kind)) in zip(errors, SIGNATURES.items(), strict=True):
        assert line.startswith(f"{tmp_path / name}: error: file is a {kind}"), line
        assert "not text" in line
    assert out.stdout == ""


def test_db_copy_refuses_a_sqlite_source_that_does_not_exist(tmp_path: Path) -> None:
    missing = tmp_path / "data" / "newsdsk.db"  # mistyped
    out = run("db", "copy", f"sqlite:///{missing}", f"sqlite:///{tmp_path}/dst.db", cwd=tmp_path)
    assert out.returncode == 2
    assert out.stderr.strip().splitlines()[-1].startswith("error: the source database")
    assert "does not exist" in out.stderr
    assert not missing.exists() and not missing.parent.exists()


async def test_ingest_counts_a_feed_that_cannot_be_fetched_as_failed(
    server: FeedServer, tmp_path: Path
) -> None:
    import asyncio

    good = server.serve_file("tech.xml", "tech.rss.xml")
    gone = server.url("gone.xml")
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "ingest", good, gone, str(CORPUS / "02-intel-lip-bu-tan.txt"),
        "--database-url", f"sqlite:///{tmp_path}/cli.db",
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, cwd=tmp_path, env=env(**ALLOW),
    )  # fmt: skip
    out, err = await proc.communicate()
    assert proc.returncode == 1
    assert f"{gone}: error: HTTP 404 Not Found" in err.decode()
    assert "feeds: 2 added, 0 updated, 0 unchanged, 1 failed" in out.decode()
    assert "3 added, 0 updated, 0 unchanged, 1 failed — the store now holds 3 articles" in out.decode()


async def test_a_full_disk_during_ingest_is_one_line_saying_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 21 item 11: the store's disk filling up during ingest was a raw traceback. It is one line naming
    what is full and what to do; what was stored before stays stored, each article whole."""
    import io
    import sqlite3

    from rich.console import Console

    from bot.cli import cmd_ingest
    from bot.store import open_store
    from bot.store.sql import SQLStore

    real = SQLStore.upsert_article
    calls = 0

    async def fills_up(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        if calls > 2:
            raise sqlite3.OperationalError("database or disk is full")
        return await real(self, *args, **kwargs)

    monkeypatch.setattr(SQLStore, "upsert_article", fills_up)
    url = f"sqlite:///{tmp_path}/full.db"
    out, err = io.StringIO(), io.StringIO()
    code = await cmd_ingest([str(CORPUS)], url, Console(file=out, width=200), Console(file=err, width=200))
    assert code == 1
    assert "Traceback" not in err.getvalue() + out.getvalue()
    last = err.getvalue().strip().splitlines()[-1]
    assert last.startswith("error: the store's disk is full"), err.getvalue()
    assert "free some space" in last and "2 articles were stored" in last, last
    monkeypatch.setattr(SQLStore, "upsert_article", real)
    store = open_store(url)
    await store.open()
    try:
        assert (await store.counts())["articles"] == 2
    finally:
        await store.close()
