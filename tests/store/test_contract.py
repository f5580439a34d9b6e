"""The Store contract: the same behaviour from SQLite and from PostgreSQL (see conftest: both run)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.article import load_article
from bot.ingest.intake import article_files, ingest_files
from bot.store import IngestOutcome, StoreError, open_store
from bot.store.sql import SQLStore, migrations
from bot.store.usage import USAGE_COLUMNS

ARTICLE = (
    "Intel names a new chief\nWire·2025-03-13 08:30\n\nCore Viewpoint - Intel named Lip-Bu Tan CEO [1]. "
    "Group 1: Plans - Intel CEO Lip-Bu Tan said the foundry plan stays [2]. - Shares rose about 10% [3].\n"
)


async def test_migrations_are_recorded_once(store: SQLStore) -> None:
    assert await store.migrate() == []
    assert await store.schema_versions() == [v for v, _ in migrations(store.backend)]


async def test_ingest_twice_changes_nothing(store: SQLStore) -> None:
    article = load_article(ARTICLE)
    assert await store.upsert_article(article, "/a.txt") is IngestOutcome.ADDED
    before = await store.counts()
    version = await store.articles_version()
    assert await store.upsert_article(article, "/a.txt") is IngestOutcome.UNCHANGED
    assert await store.counts() == before
    assert await store.articles_version() == version  # nothing changed: no process needs to reload
    assert before == {"articles": 1, "people": 1, "mentions": 1, "claims": 3}
    assert await store.get_article(article.id) == article


async def test_changed_file_replaces_old_version(store: SQLStore) -> None:
    old = load_article(ARTICLE)
    new = load_article(ARTICLE.replace("about 10%", "about 12%"))
    await store.upsert_article(old, "/a.txt")
    version = await store.articles_version()
    assert await store.upsert_article(new, "/a.txt") is IngestOutcome.UPDATED
    assert await store.articles_version() != version
    assert [a.id for a in await store.load_articles()] == [new.id]
    assert await store.get_article(old.id) is None
    assert (await store.counts())["claims"] == 3
    assert await store.search("12") == [new.id]
    assert await store.source_keys() == {"/a.txt": new.id}


async def test_failed_write_leaves_store_unchanged(store: SQLStore, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_article(ARTICLE)
    await store.upsert_article(first, "/a.txt")
    before = await store.counts()
    second = load_article(ARTICLE.replace("Intel", "AMD"))

    async def boom(*args: object) -> None:  # the last step of an article's write fails
        raise OSError("disk I/O error (simulated)")

    monkeypatch.setattr(store, "_index_text", boom)
    with pytest.raises(OSError, match="simulated"):
        await store.upsert_article(second, "/b.txt")
    monkeypatch.undo()
    assert await store.counts() == before
    assert await store.get_article(second.id) is None
    assert await store.search("AMD") == []


async def test_delete_removes_everything(store: SQLStore) -> None:
    article = load_article(ARTICLE)
    other = load_article(ARTICLE.replace("Intel names", "Intel really names"))
    await store.upsert_article(article)
    await store.upsert_article(other)
    assert await store.delete_article(article.id)
    assert await store.counts() == {"articles": 1, "people": 1, "mentions": 1, "claims": 3}  # Tan stays
    assert await store.delete_article(other.id)
    assert await store.counts() == {"articles": 0, "people": 0, "mentions": 0, "claims": 0}
    assert not await store.delete_article(article.id)
    assert await store.search("foundry") == []


async def test_full_text_search(store: SQLStore) -> None:
    article = load_article(ARTICLE)
    other = load_article("AMD answers\n\nAMD said its foundry partner is TSMC and it is not worried.\n")
    await store.upsert_article(article)
    await store.upsert_article(other)
    assert sorted(await store.search("foundry")) == sorted([article.id, other.id])
    assert await store.search("foundry Intel") == [article.id]
    assert await store.search("FOUNDRY intel") == [article.id]
    assert await store.search("nothing-like-this") == []
    assert await store.search('" OR 1=1 --') == []
    assert await store.search("!!!") == []
    assert await store.search("foundry", limit=1) in ([article.id], [other.id])


async def test_meta(store: SQLStore) -> None:
    assert await store.get_meta("k") is None
    await store.set_meta("k", "v1")
    await store.set_meta("k", "v2")
    assert await store.get_meta("k") == "v2"


async def test_reopen_keeps_data(store_url: str) -> None:
    s = open_store(store_url)
    await s.open()
    await s.upsert_article(load_article(ARTICLE), "/a.txt")
    await s.close()
    again = open_store(store_url)
    await again.open()
    assert len(await again.load_articles()) == 1
    from tests.store.conftest import drop

    assert isinstance(again, SQLStore)
    await drop(again)


async def test_ingest_corpus_is_idempotent(store: SQLStore, corpus_dir: Path) -> None:
    files = article_files([corpus_dir])
    report = await ingest_files(store, files)
    assert (report.added, report.failed) == (len(files), [])
    again = await ingest_files(store, files)
    assert (again.added, again.updated, again.unchanged) == (0, 0, len(files))
    loaded = await store.load_articles()
    assert {a.id for a in loaded} == set((await store.source_keys()).values())
    assert sum(len(a.claims) for a in loaded) == (await store.counts())["claims"]


async def test_concurrent_writers_store_each_article_once(store: SQLStore) -> None:
    """Two ingests of the same articles at once (two processes sharing a database, or two tasks of one)."""
    articles = [load_article(ARTICLE.replace("10%", f"{i}%")) for i in range(8)]

    async def ingest() -> list[IngestOutcome]:
        return [await store.upsert_article(a, f"/{i}.txt") for i, a in enumerate(articles)]

    first, second = await asyncio.gather(ingest(), ingest())
    assert sorted([*first, *second]).count(IngestOutcome.ADDED) == 8
    assert (await store.counts())["articles"] == 8


async def test_added_since_newest_first(store: SQLStore) -> None:
    a = load_article(ARTICLE)
    await store.upsert_article(a)
    rows = await store.added_since("2000-01-01T00:00:00+00:00")
    assert [r[0] for r in rows] == [a.id]
    assert await store.added_since("2999-01-01T00:00:00+00:00") == []


# ---------------------------------------------------------------------------------------------- digests

SCHEDULE = {
    "channel_id": 2**60 + 7,  # real Discord ids do not fit in 32 bits
    "at": "09:00",
    "zone": "Europe/Berlin",
    "max_articles": 5,
    "skip_empty": 1,
    "enabled": 1,
    "paused": 0,
    "failures": 0,
    "effective_from": "2026-01-01T00:00:00+00:00",
    "language": "zh-CN",
}
GUILD = 2**62 + 11


async def test_digest_settings_round_trip(store: SQLStore) -> None:
    assert await store.get_digest_settings(GUILD) is None
    await store.put_digest_settings(GUILD, SCHEDULE)
    await store.put_digest_settings(GUILD, {**SCHEDULE, "paused": 1, "failures": 3})
    row = await store.get_digest_settings(GUILD)
    assert row is not None
    assert {k: row[k] for k in SCHEDULE} == {**SCHEDULE, "paused": 1, "failures": 3}
    assert [r["guild_id"] for r in await store.all_digest_settings()] == [GUILD]


async def test_a_scheduled_digest_is_recorded_once(store: SQLStore) -> None:
    run, state = await store.begin_digest(
        GUILD, 1, "2026-11-29", "n1", "2026-11-29T08:00:00+00:00", owner="a"
    )
    assert state == "new"
    # the same process again (a restart after a crash): it may resume its interrupted run
    assert await store.begin_digest(GUILD, 1, "2026-11-29", "n1", "x", owner="a") == (run, "pending")
    # another process at the same moment: it must leave the run alone
    assert await store.begin_digest(GUILD, 1, "2026-11-29", "n1", "x", owner="b") == (run, "busy")
    # ...unless the claim has lapsed (the first process died and never came back)
    assert await store.begin_digest(GUILD, 1, "2026-11-29", "n1", "x", owner="a", lease_seconds=-1) == (
        run,
        "pending",
    )
    assert await store.begin_digest(GUILD, 1, "2026-11-29", "n1", "x", owner="b") == (run, "pending")
    await store.finish_digest(run, "posted", [2**61, 2**61 + 1], 4)
    assert await store.begin_digest(GUILD, 1, "2026-11-29", "n1", "x", owner="c") == (run, "posted")
    [row] = await store.digest_runs(GUILD)
    assert row["message_ids"] == [2**61, 2**61 + 1] and row["articles"] == 4
    assert (await store.last_scheduled_digest(GUILD) or {})["local_date"] == "2026-11-29"
    assert await store.last_window_end(GUILD) == "2026-11-29T08:00:00+00:00"


async def test_racing_processes_record_one_scheduled_digest(store_url: str) -> None:
    """Two stores (two processes' connections) begin the same server's digest for the same date at once."""
    stores = [open_store(store_url) for _ in range(2)]
    for s in stores:
        await s.open()
    try:
        for day in range(10):
            date = f"2026-12-{day + 1:02d}"
            results = await asyncio.gather(
                *(s.begin_digest(GUILD, 1, date, "n", "w", owner=f"p{i}") for i, s in enumerate(stores))
            )
            assert sorted(state for _, state in results) == ["busy", "new"], results
            assert len({run for run, _ in results}) == 1
    finally:
        from tests.store.conftest import drop

        await stores[0].close()
        assert isinstance(stores[1], SQLStore)
        await drop(stores[1])


async def test_unscheduled_digests_are_never_merged(store: SQLStore) -> None:
    a, _ = await store.begin_digest(GUILD, 1, None, None, "w1")
    b, _ = await store.begin_digest(GUILD, 1, None, None, "w2")
    assert a != b
    await store.finish_digest(b, "failed", [], 0, "Missing Access")
    assert [r["status"] for r in await store.digest_runs(GUILD)] == ["failed", "pending"]
    assert await store.last_window_end(GUILD) is None


# ---------------------------------------------------------------------------------------------- usage


def usage_row(at: str, user: int, command: str = "summary") -> tuple[object, ...]:
    values = {
        "at": at, "guild_id": GUILD, "channel_id": 2**60, "user_id": user, "command": command,
        "options": '{"article": "x"}', "latency_ms": 12.5, "outcome": "ok", "error_type": None,
        "person": "Lip-Bu Tan", "article_id": None,
    }  # fmt: skip
    return tuple(values[c] for c in USAGE_COLUMNS)


async def test_usage_rows_counts_forget_and_purge(store: SQLStore) -> None:
    rows = [usage_row(f"2026-11-{d:02d}T10:00:00+00:00", 2**62 + d % 2) for d in range(1, 21)]
    auto = [("2026-11-10T10:00", GUILD, "person", 3), ("2026-11-10T10:00", GUILD, "person", 2)]
    await store.write_usage(rows, auto)
    assert await store.count_usage() == 20
    assert len(await store.usage_rows("2026-11-11", guild_id=GUILD)) == 10
    mine = await store.usage_rows("2000", user_id=2**62 + 1)
    assert len(mine) == 10 and mine[0]["person"] == "Lip-Bu Tan" and mine[0]["latency_ms"] == 12.5
    assert await store.autocomplete_counts("2026-11-01") == {"person": 5}
    assert await store.autocomplete_counts("2026-11-11") == {}
    assert await store.forget_user(2**62 + 1) == 10
    assert await store.purge_usage("2026-11-11") == 5
    assert await store.count_usage() == 5


# ---------------------------------------------------------------------------------------------- errors


async def test_unreachable_database_is_a_clear_error(store_url: str, tmp_path: Path) -> None:
    if store_url.startswith("sqlite"):
        (tmp_path / "dir.db").mkdir()
        bad = f"sqlite:///{tmp_path}/dir.db"
        expected = "cannot open SQLite database"
    else:
        bad = "postgresql://postgres@127.0.0.1:1/test"  # nothing listens on port 1
        expected = "cannot open PostgreSQL database"
    with pytest.raises(StoreError, match=expected):
        await open_store(bad).open()


# ---------------------------------------------------------------------------------------------- follows, feeds


async def test_follows_and_alerts_once(store: SQLStore) -> None:
    user = 2**62 + 5
    fid, new = await store.add_follow(GUILD, user, "person", "mark chen", "Mark Chen", None)
    assert new
    assert await store.add_follow(GUILD, user, "person", "mark chen", "Mark Chen", 2**60) == (fid, False)
    other, _ = await store.add_follow(GUILD, user, "organization", "openai", "OpenAI", None)
    assert [(f["target_name"], f["channel_id"]) for f in await store.follows_of(GUILD, user)] == [
        ("Mark Chen", 2**60),
        ("OpenAI", None),
    ]
    assert await store.claim_alert(fid, "/a.txt", "a1")
    assert not await store.claim_alert(fid, "/a.txt", "a2")  # a new version of the same file: no second alert
    assert await store.claim_alert(other, "/a.txt", "a1")
    assert [r["follow_id"] for r in await store.pending_alerts()] == [fid, other]
    await store.finish_alerts([(fid, "/a.txt")], "sent")
    assert [r["follow_id"] for r in await store.pending_alerts()] == [other]
    assert await store.alerted(fid) == {"/a.txt"}
    assert await store.remove_follow(GUILD, user, "organization", "openai")
    assert not await store.remove_follow(GUILD, user, "organization", "openai")
    assert await store.pending_alerts() == []  # its alerts went with it
    assert len(await store.all_follows()) == 1


async def test_feed_entries_by_id_and_by_content(store: SQLStore) -> None:
    feed = "http://127.0.0.1:1/feed.xml"
    assert not await store.feed_entry_seen(feed, "e1", "h1")
    await store.record_feed_entry(feed, "e1", "h1", "a1")
    assert await store.feed_entry_seen(feed, "e1", "other")  # same id
    assert await store.feed_entry_seen("http://elsewhere/rss", "x", "h1")  # same text in another feed
    assert not await store.feed_entry_seen(feed, "e2", "h2")
