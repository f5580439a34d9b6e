"""What only the SQLite store does: file URLs, WAL, corrupt files, and the ingest pipeline on the default store.

The behaviour both backends share is in ``test_contract.py``."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.ingest.intake import article_files, ingest_files
from bot.store import StoreError, open_store
from bot.store.sqlite import SQLiteStore, sqlite_path

ARTICLE = (
    "Intel names a new chief\nWire·2025-03-13 08:30\n\nCore Viewpoint - Intel named Lip-Bu Tan CEO [1]. "
    "Group 1: Plans - Intel CEO Lip-Bu Tan said the foundry plan stays [2]. - Shares rose about 10% [3].\n"
)


@pytest.fixture
async def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = open_store(f"sqlite:///{tmp_path}/db/newsdesk.db")
    await s.open()
    yield s
    await s.close()


def test_sqlite_urls() -> None:
    assert sqlite_path("sqlite:///data/newsdesk.db") == "data/newsdesk.db"
    assert sqlite_path("sqlite:////var/lib/n.db") == "/var/lib/n.db"
    assert sqlite_path("sqlite:///:memory:") == ":memory:"
    with pytest.raises(StoreError, match="unsupported database URL"):
        open_store("mysql://x")


async def test_sqlite_uses_wal(store: SQLiteStore) -> None:
    async with store.db.execute("PRAGMA journal_mode") as cur:
        assert (await cur.fetchone())[0] == "wal"


async def test_ingest_corpus_reports_failures_and_is_idempotent(
    store: SQLiteStore, corpus_dir: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary\x00")
    files = [*article_files([corpus_dir]), bad, tmp_path / "missing.txt"]
    report = await ingest_files(store, files)
    assert report.added == len(files) - 2
    assert report.updated == 0
    assert [(p.name, r) for p, r in report.failed] == [
        ("bad.txt", "file looks binary (it contains NUL bytes); expected UTF-8 text"),
        ("missing.txt", "file not found"),
    ]
    again = await ingest_files(store, files)
    assert (again.added, again.updated, again.unchanged) == (0, 0, len(files) - 2)


async def test_corrupt_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.db"
    path.write_bytes(b"this is not a database" * 100)
    s = open_store(f"sqlite:///{path}")
    with pytest.raises(StoreError, match="cannot open SQLite database"):
        await s.open()


async def test_duplicate_article_in_another_file_is_stored_once(store: SQLiteStore, tmp_path: Path) -> None:
    first, copy = tmp_path / "a.txt", tmp_path / "copy-of-a.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    copy.write_text(ARTICLE, encoding="utf-8")
    report = await ingest_files(store, [first, copy])
    assert (report.added, report.unchanged) == (1, 1)
    assert (await store.counts())["articles"] == 1


async def test_file_that_changes_or_vanishes_during_a_scan(store: SQLiteStore, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE.replace("Intel", "AMD"), encoding="utf-8")
    files = article_files([folder])  # the scan lists both ...
    (folder / "a.txt").unlink()  # ... then one vanishes
    (folder / "b.txt").write_text(ARTICLE.replace("Intel", "Arm"), encoding="utf-8")  # ... and one changes
    report = await ingest_files(store, files)
    assert [(p.name, r) for p, r in report.failed] == [("a.txt", "file not found")]
    assert report.added == 1
    [stored] = await store.load_articles()
    assert "Arm" in stored.core_viewpoint


async def test_folder_watch_reads_only_new_or_changed_files(store: SQLiteStore, tmp_path: Path) -> None:
    import os

    from bot.ingest.intake import FolderWatch

    folder = tmp_path / "watched"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    watch = FolderWatch([folder])
    report, removed = await watch.scan(store)
    assert (report.added, removed) == (1, 0)
    again, _ = await watch.scan(store)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 0)  # nothing was even read
    (folder / "b.txt").write_text(ARTICLE.replace("Intel", "AMD"), encoding="utf-8")
    (folder / "a.txt").write_text(ARTICLE.replace("10%", "12%"), encoding="utf-8")
    os.utime(folder / "a.txt", ns=(1, 2_000_000_000_000_000_000))
    changed, _ = await watch.scan(store)
    assert (changed.added, changed.updated) == (1, 1)
    (folder / "b.txt").unlink()
    _, removed = await watch.scan(store)
    assert removed == 0
    assert (await store.counts())["articles"] == 2  # a deleted file's article stays by default
    pruning = FolderWatch([folder], prune=True, seen=dict(watch.seen))
    (folder / "a.txt").unlink()
    _, removed = await pruning.scan(store)
    assert removed == 1
    assert (await store.counts())["articles"] == 1
