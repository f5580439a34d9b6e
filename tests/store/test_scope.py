"""Scope on both backends: whose articles a server sees, tombstones, forgetting a member and a server."""

from __future__ import annotations

from typing import Any

import pytest

from bot.article import load_article
from bot.store import IngestOutcome, open_store
from bot.store import sql as sql_module
from bot.store.sql import TABLES, SQLStore
from bot.store.usage import USAGE_COLUMNS
from tests.store.test_contract import ARTICLE, SCHEDULE, usage_row

A, B = 1111, 2222  # two servers
MEMBER = 4242


def other(text: str = "AMD") -> Any:
    return load_article(ARTICLE.replace("Intel", text))


async def visible(store: SQLStore, guild: int) -> set[str]:
    return {aid for aid, _ in await store.added_since("2000-01-01", guild)}


async def test_an_upload_belongs_to_its_server(store: SQLStore) -> None:
    shared, mine = load_article(ARTICLE), other()
    assert await store.upsert_article(shared, "/intel.txt") is IngestOutcome.ADDED
    assert await store.upsert_article(mine, f"upload:{A}:amd.txt", guild_id=A) is IngestOutcome.ADDED
    assert await visible(store, A) == {shared.id, mine.id}
    assert await visible(store, B) == {shared.id}
    assert await store.article_owners() == {shared.id: {0}, mine.id: {A}}
    assert [a.id for a in await store.load_articles(A, only_own=True)] == [mine.id]
    assert [a.id for a in await store.load_articles(0)] == [shared.id]
    # The same text uploaded in B is stored once, held by both servers.
    assert await store.upsert_article(mine, f"upload:{B}:copy.txt", guild_id=B) is IngestOutcome.ADDED
    assert await store.owners_of(mine.id) == {A, B}
    assert (await store.counts())["articles"] == 2


async def test_removing_in_a_server_deletes_its_own_copy_and_hides_a_global_one(store: SQLStore) -> None:
    shared, mine = load_article(ARTICLE), other()
    await store.upsert_article(shared, "/intel.txt")
    await store.upsert_article(mine, f"upload:{A}:amd.txt", guild_id=A)
    await store.upsert_article(shared, f"upload:{B}:intel.txt", guild_id=B)  # B also uploaded the global text

    assert await store.remove_article(mine.id, A) == "deleted"
    assert await store.get_article(mine.id) is None  # no owner left
    assert await store.remove_article(shared.id, A) == "hidden"
    assert await visible(store, A) == set()
    assert await visible(store, B) == {shared.id}
    assert await store.hidden_articles() == {A: {shared.id}}
    # B's own copy of a global text: B's row goes and the global one is hidden there, so B sees it no more.
    assert await store.remove_article(shared.id, B) == "hidden"
    assert await store.owners_of(shared.id) == {0}
    assert await visible(store, B) == set()
    assert await store.hidden_articles() == {A: {shared.id}, B: {shared.id}}
    assert await store.remove_article("no-such-article", A) is None
    # Adding the hidden text in A again shows it there again.
    await store.upsert_article(shared, f"upload:{A}:again.txt", guild_id=A)
    assert await store.hidden_articles() == {B: {shared.id}}
    assert await visible(store, A) == {shared.id}


async def test_operator_removal_is_a_tombstone_that_ingest_respects(store: SQLStore) -> None:
    old = load_article(ARTICLE)
    await store.upsert_article(old, "/intel.txt")
    version = await store.articles_version()
    assert await store.remove_article(old.id, 0) == "removed"
    assert await store.articles_version() != version
    assert await store.get_article(old.id) is None
    [stone] = await store.tombstones()
    assert (stone.guild_id, stone.article_id, stone.source_key) == (0, old.id, "/intel.txt")
    assert stone.title == old.title
    # A rescan, a re-ingest, a copy in another file: the text stays removed.
    assert await store.upsert_article(old, "/intel.txt") is IngestOutcome.SKIPPED
    assert await store.upsert_article(old, "/copy.txt") is IngestOutcome.SKIPPED
    assert await store.get_article(old.id) is None
    # A server may still add that text for itself.
    assert await store.upsert_article(old, f"upload:{A}:x.txt", guild_id=A) is IngestOutcome.ADDED
    assert await visible(store, B) == set()
    # A changed file is a new version: taken in, and said so.
    new = load_article(ARTICLE.replace("about 10%", "about 12%"))
    assert await store.upsert_article(new, "/intel.txt") is IngestOutcome.RENEWED
    assert await visible(store, B) == {new.id}
    # Restoring lifts the tombstone.
    restored = await store.restore_article(old.id, 0)
    assert restored is not None and restored.source_key == "/intel.txt"
    assert await store.tombstones() == []
    assert await store.restore_article(old.id, 0) is None


async def test_the_operator_hides_a_global_article_in_one_server(store: SQLStore) -> None:
    shared, mine = load_article(ARTICLE), other()
    await store.upsert_article(shared, "/intel.txt")
    await store.upsert_article(mine, f"upload:{A}:amd.txt", guild_id=A)
    assert await store.hide_article(shared.id, B)
    assert not await store.hide_article(mine.id, B)  # not a global article
    assert await visible(store, B) == set()
    assert await store.restore_article(shared.id, B) is not None
    assert await visible(store, B) == {shared.id}


async def test_a_deleted_files_article_leaves_only_the_global_owner(store: SQLStore) -> None:
    article = load_article(ARTICLE)
    await store.upsert_article(article, "/intel.txt")
    await store.upsert_article(article, f"upload:{A}:intel.txt", guild_id=A)
    assert await store.source_keys() == {"/intel.txt": article.id}
    assert await store.unlist(article.id, 0)
    assert await store.owners_of(article.id) == {A}
    assert await store.tombstones() == []  # the file is gone; if it comes back it is taken in again


async def rows_naming(store: SQLStore, value: int) -> dict[str, int]:
    """Rows in any table with any column equal to ``value``."""
    found: dict[str, int] = {}
    for table in TABLES:
        columns = await store.columns(table)
        where = " OR ".join(f"CAST({c} AS TEXT) = ?" for c in columns)
        n = await store.reader.fetchval(
            f"SELECT COUNT(*) FROM {table} WHERE {where}", *[str(value)] * len(columns)
        )
        if n:
            found[table] = int(n)
    return found


async def seed_server(store: SQLStore, guild: int, member: int) -> None:
    await store.upsert_article(other("Nokia"), f"upload:{guild}:nokia.txt", guild_id=guild)
    await store.hide_article(load_article(ARTICLE).id, guild)
    await store.put_digest_settings(guild, SCHEDULE)
    run, _ = await store.begin_digest(guild, 1, "2026-11-29", "n", "2026-11-29T08:00:00+00:00", owner="x")
    await store.finish_digest(run, "posted", [5], 1)
    row = dict(zip(USAGE_COLUMNS, usage_row("2026-11-28T10:00:00+00:00", 1), strict=True))
    row.update(guild_id=guild, user_id=member)
    await store.write_usage(
        [tuple(row[c] for c in USAGE_COLUMNS)], [("2026-11-28T10:00", guild, "person", 2)]
    )
    follow, _ = await store.add_follow(guild, member, "person", "lip-bu tan", "Lip-Bu Tan", None)
    await store.claim_alert(follow, "/intel.txt", load_article(ARTICLE).id)
    await store.guild_left(guild)


async def test_forget_me_leaves_no_row_with_the_members_id(store: SQLStore) -> None:
    await store.upsert_article(load_article(ARTICLE), "/intel.txt")
    await seed_server(store, A, MEMBER)
    await seed_server(store, B, MEMBER + 1)
    assert set(await rows_naming(store, MEMBER)) == {"usage_events", "follows"}
    assert await store.forget_user(MEMBER) == 2  # one usage row, one follow (its alert goes with it)
    assert await rows_naming(store, MEMBER) == {}
    assert set(await rows_naming(store, MEMBER + 1)) == {"usage_events", "follows"}  # someone else's stay
    assert len(await store.pending_alerts()) == 1


async def test_forget_guild_leaves_no_row_for_the_server(store: SQLStore) -> None:
    shared = load_article(ARTICLE)
    await store.upsert_article(shared, "/intel.txt")
    await seed_server(store, A, MEMBER)
    await seed_server(store, B, MEMBER + 1)
    await store.upsert_article(shared, f"upload:{A}:intel.txt", guild_id=A)  # A's copy of a global text
    assert set(await store.departed_before("2999-01-01")) == {A, B}
    counts = await store.forget_guild(A)
    assert counts["article_scopes"] == 2 and counts["follows"] == 1 and counts["usage_events"] == 1
    assert await rows_naming(store, A) == {}
    assert await rows_naming(store, MEMBER) == {}  # A's member had only A's rows
    assert await store.get_article(shared.id) is not None  # still global
    assert await store.owners_of(shared.id) == {0}
    assert len(await visible(store, B)) == 1  # B's own Nokia upload; the global one B hid stays hidden
    assert await store.departed_before("2999-01-01") == [B]
    assert await store.guild_joined(B)  # back before the deadline: nothing will be forgotten
    assert await store.departed_before("2999-01-01") == []
    with pytest.raises(ValueError, match="global owner"):
        await store.forget_guild(0)


async def test_an_old_database_upgrades_in_place(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A database written before scopes (the migrations before them): uploads become their server's."""
    latest = sql_module.migrations
    before_scopes = {"sqlite": 5, "postgres": 1}
    monkeypatch.setattr(
        sql_module,
        "migrations",
        lambda backend: [m for m in latest(backend) if m[0] <= before_scopes[backend]],
    )
    old = open_store(store_url)
    assert isinstance(old, SQLStore)
    await old.open()
    shared, upload = load_article(ARTICLE), other()
    async with old.transaction() as conn:
        for article, key in ((shared, "/intel.txt"), (upload, f"upload:{A}:amd.txt")):
            await conn.execute(
                "INSERT INTO articles (id, source_key, title, source, published_at, language, format, data,"
                " added_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                article.id,
                key,
                article.title,
                article.source,
                article.published_at,
                article.language,
                article.format.value,
                article.model_dump_json(),
                "2026-11-01T00:00:00+00:00",
                "2026-11-01T00:00:00+00:00",
            )
    await old.close()
    monkeypatch.setattr(sql_module, "migrations", latest)
    new = open_store(store_url)
    assert isinstance(new, SQLStore)
    await new.open()
    try:
        assert await new.schema_versions() == [v for v, _ in latest(new.backend)]
        assert await new.article_owners() == {shared.id: {0}, upload.id: {A}}
        assert await new.source_keys() == {"/intel.txt": shared.id}
        assert await visible(new, B) == {shared.id}
        # The upgraded store goes on as a new one would: the same file again changes nothing.
        assert await new.upsert_article(shared, "/intel.txt") is IngestOutcome.UNCHANGED
        # Its text was indexed again the current way (Chinese as character pairs, newest first).
        assert await new.get_meta("text_index_version") == "3"
        assert set(await new.search("foundry")) == {shared.id, upload.id}
    finally:
        await new.close()


async def test_full_text_search_is_scoped_newest_first_and_reads_chinese(store: SQLStore) -> None:
    shared, mine = load_article(ARTICLE), other()
    zh = load_article(
        "英伟达发布财报\n新浪·2025-11-01\n\nCore Viewpoint - 英伟达CEO黄仁勋表示，人工智能需求依然强劲 [1]。\n"
    )
    await store.upsert_article(shared, "/intel.txt")
    await store.upsert_article(zh, "/zh.txt")
    await store.upsert_article(mine, f"upload:{A}:amd.txt", guild_id=A)
    assert await store.search("foundry") == [mine.id, shared.id]  # newest indexed first
    assert await store.search("foundry", guild_id=A) == [mine.id, shared.id]
    assert await store.search("foundry", guild_id=B) == [shared.id]
    assert await store.search("foundry", limit=1, guild_id=A) == [mine.id]
    assert await store.search("plan foundr", guild_id=B) == [shared.id]  # the last word as typed so far
    assert await store.search("黄仁勋") == [zh.id]
    assert await store.search("人工智能 需求") == [zh.id]
    assert await store.search("需求 foundry") == []
    await store.hide_article(shared.id, B)
    assert await store.search("foundry", guild_id=B) == []
    assert await store.search("foundry", guild_id=0) == [shared.id]
    assert await store.search('" OR 1=1 -- *', guild_id=B) == []


async def test_removing_a_servers_copy_of_a_global_text_hides_it_there(store: SQLStore) -> None:
    """A server uploaded a text the operator also has: its remove must leave it gone for that server."""
    shared = load_article(ARTICLE)
    await store.upsert_article(shared, "/intel.txt")
    await store.upsert_article(shared, f"upload:{A}:intel.txt", guild_id=A)
    assert await store.remove_article(shared.id, A) == "hidden"
    assert await store.owners_of(shared.id) == {0}
    assert await visible(store, A) == set()
    assert await visible(store, B) == {shared.id}
