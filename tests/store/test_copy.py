"""``python -m bot db copy``: a SQLite deployment moved into another store (PostgreSQL when configured)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot import cli
from bot.ingest.intake import article_files, ingest_files
from bot.store import open_store
from bot.store.sql import TABLES, SQLStore, migrations
from tests.store.test_contract import GUILD, SCHEDULE, usage_row


async def _seed(url: str, corpus_dir: Path) -> None:
    store = open_store(url)
    assert isinstance(store, SQLStore)
    await store.open()
    await ingest_files(store, article_files([corpus_dir]))
    await store.put_digest_settings(GUILD, SCHEDULE)
    run, _ = await store.begin_digest(GUILD, 1, "2026-11-29", "n", "2026-11-29T08:00:00+00:00", owner="x")
    await store.finish_digest(run, "posted", [2**61], 3)
    await store.write_usage(
        [usage_row(f"2026-11-{d:02d}T10:00:00+00:00", d) for d in range(1, 29)],
        [("2026-11-10T10:00", GUILD, "person", 4)],
    )
    follow, _ = await store.add_follow(GUILD, 2**62, "person", "mark chen", "Mark Chen", None)
    await store.claim_alert(follow, "/a.txt", "abc")
    await store.record_feed_entry("http://127.0.0.1/feed", "e1", "h1", None)
    await store.save_story_members([(0, "abc", "story-1")])
    await store.set_story_channel(GUILD, 2**60)
    await store.claim_story_post(GUILD, 2**60, "0:story-1", "abc")
    await store.claim_story_post(GUILD, 2**60, "0:story-1", "abd")
    feed, _ = await store.add_server_feed(GUILD, "https://wire.example/rss", 1, "each", False, 2**62, 20)
    assert feed is not None
    await store.record_server_entry(feed.id, GUILD, "e1", "h1", None)
    await store.claim_feed_post(GUILD, 1, feed.id, "abc", "post", "pending", "n1")
    await store.add_filter(GUILD, "feeds", "-word:rumour", 50)
    await store.set_meta("command_tree_hash:global:1", "abc")
    [first, *_] = await store.load_articles()
    await store.hide_article(first.id, GUILD)
    await store.guild_left(GUILD + 1)
    await store.close()


def test_db_copy_round_trip(
    store_url: str, corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = f"sqlite:///{tmp_path}/source.db"
    asyncio.run(_seed(source, corpus_dir))
    assert cli.main(["db", "copy", source, store_url]) == 0
    out = capsys.readouterr().out
    assert "every table has the same row count" in out

    async def check() -> None:
        src, dst = open_store(source), open_store(store_url)
        assert isinstance(src, SQLStore) and isinstance(dst, SQLStore)
        await src.open()
        await dst.open()
        try:
            counts = await dst.table_counts()
            assert counts == await src.table_counts()
            assert all(counts[t] > 0 for t in TABLES), counts
            # content, not only counts: the same articles, searchable; the same digest record and follows
            assert await dst.load_articles() == await src.load_articles()
            assert await dst.search("OpenAI") == await src.search("OpenAI") != []
            assert (await dst.digest_runs(GUILD))[0]["message_ids"] == [2**61]
            assert [f["target_name"] for f in await dst.all_follows()] == ["Mark Chen"]
            assert await dst.usage_rows("2026-11-27") == await src.usage_rows("2026-11-27")
            # ids continue after the copied ones
            new_run, state = await dst.begin_digest(GUILD, 1, "2026-11-30", "n", "w", owner="x")
            assert state == "new" and new_run > (await src.digest_runs(GUILD))[0]["id"]
        finally:
            await src.close()
            from tests.store.conftest import drop

            await drop(dst)

    asyncio.run(check())


def test_db_copy_refuses_a_destination_with_rows(
    tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, destination = f"sqlite:///{tmp_path}/a.db", f"sqlite:///{tmp_path}/b.db"
    asyncio.run(_seed(source, corpus_dir))
    asyncio.run(_seed(destination, corpus_dir))
    assert cli.main(["db", "copy", source, destination]) == 2
    assert "the destination already holds rows" in capsys.readouterr().err


def test_db_migrate_reports_the_version(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["db", "migrate", "--database-url", f"sqlite:///{tmp_path}/m.db"]) == 0
    newest = max(version for version, _ in migrations("sqlite"))
    assert f"schema at version {newest} of {newest}" in capsys.readouterr().out
