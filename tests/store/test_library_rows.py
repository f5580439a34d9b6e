"""Library rows on both backends: what the library needs of an article beyond its body, written at intake,
deleted with the article, and written once for articles stored before they existed."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.article import load_article
from bot.library.index import RECORD_VERSION, article_record
from bot.store import open_store
from bot.store import sql as sql_module
from bot.store.sql import SQLStore

A = 1111  # a server

TEXT = (
    "Orbital Foundry widens its plant\nWire·2025-04-02 09:15\n\n"
    "Core Viewpoint - Orbital Foundry CEO Mara Quist said the new plant opens in May [1]. "
    "Group 1: Plans - Orbital Foundry CEO Mara Quist said the plant will hire 400 people [2]. "
    "- Analysts said Quist had been too cautious about Orbital Foundry's costs [3]. "
    "- Rival Dunmore Labs denied that it had bid for the plant [4].\n"
)


def article(text: str = TEXT) -> Any:
    return load_article(text)


def record_of(rows: list[Any], article_id: str) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(next(r.record for r in rows if r.article_id == article_id))
    return found


async def test_intake_writes_the_library_row(store: SQLStore) -> None:
    a = article()
    await store.upsert_article(a, "/orbital.txt")
    rows = await store.load_library_rows()
    assert [(r.article_id, r.title, r.published_at) for r in rows] == [(a.id, a.title, a.published_at)]
    record = record_of(rows, a.id)
    assert record == json.loads(article_record(a))
    assert record["v"] == RECORD_VERSION
    assert [p[0] for p in record["people"]] == [p.name for p in a.people]
    assert [o[0] for o in record["orgs"]] == [o.name for o in a.organizations]
    assert len(record["claims"]) == len(a.claims)
    # Each claim names the people and organizations its text holds, by their position in the article.
    for (stance, speaker, who, which), claim in zip(record["claims"], a.claims, strict=True):
        assert (stance, speaker) == (claim.stance.value, claim.speaker)
        for pos in who:
            person = a.people[pos]
            assert any(form in claim.text for form in [person.name, *person.aliases])
        for pos in which:
            org = a.organizations[pos]
            assert any(form in claim.text for form in [org.name, *org.aliases])
    assert any(who for _, _, who, _ in record["claims"])  # 'Quist' in a claim someone else made


async def test_the_row_goes_with_its_article_and_is_written_once(store: SQLStore) -> None:
    a, b = article(), article(TEXT.replace("May", "June"))
    await store.upsert_article(a, "/orbital.txt")
    await store.upsert_article(a, "/orbital.txt")  # unchanged: nothing written twice
    assert (await store.table_counts())["library_rows"] == 1
    await store.upsert_article(b, "/orbital.txt")  # a new version replaces the old one
    assert [r.article_id for r in await store.load_library_rows()] == [b.id]
    assert await store.delete_article(b.id)
    assert await store.load_library_rows() == []
    assert (await store.table_counts())["library_rows"] == 0


async def test_rows_are_scoped_like_their_articles(store: SQLStore) -> None:
    shared, mine = article(), article(TEXT.replace("Orbital", "Harbour"))
    await store.upsert_article(shared, "/orbital.txt")
    await store.upsert_article(mine, f"upload:{A}:harbour.txt", guild_id=A)
    assert {r.article_id for r in await store.load_library_rows()} == {shared.id, mine.id}
    assert [r.article_id for r in await store.load_library_rows(0)] == [shared.id]
    assert [r.article_id for r in await store.load_library_rows(A)] == [mine.id]


async def test_missing_and_outdated_rows_are_written_in_batches(store: SQLStore) -> None:
    texts = [TEXT.replace("400", str(n)) for n in (100, 200, 300)]
    stored = [article(t) for t in texts]
    for i, a in enumerate(stored):
        await store.upsert_article(a, f"/{i}.txt")
    async with store.transaction() as conn:  # one row lost, one derived by an older version
        await conn.execute("DELETE FROM library_rows WHERE article_id = ?", stored[0].id)
        await conn.execute(
            "UPDATE library_rows SET version = 0, record = '{}' WHERE article_id = ?", stored[1].id
        )
    assert await store.missing_library_rows() == 2
    assert await store.backfill_library_rows(batch=1) == 2
    assert await store.missing_library_rows() == 0
    rows = await store.load_library_rows()
    for a in stored:
        assert record_of(rows, a.id) == json.loads(article_record(a))
    assert await store.backfill_library_rows() == 0  # nothing left to do


async def test_a_database_from_before_library_rows_upgrades_in_place(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    latest = sql_module.migrations
    monkeypatch.setattr(
        sql_module,
        "migrations",
        lambda backend: [m for m in latest(backend) if "library_rows" not in m[1]],
    )
    old = open_store(store_url)
    assert isinstance(old, SQLStore)
    await old.open()
    stored = [article(), article(TEXT.replace("Orbital", "Harbour"))]
    async with old.transaction() as conn:  # as the code before library rows wrote an article
        for a in stored:
            await conn.execute(
                "INSERT INTO articles (id, source_key, title, source, published_at, language, format, data,"
                " added_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.id,
                None,
                a.title,
                a.source,
                a.published_at,
                a.language,
                a.format.value,
                a.model_dump_json(),
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
        rows = await new.load_library_rows()
        assert {r.article_id for r in rows} == {a.id for a in stored}
        for a in stored:
            assert record_of(rows, a.id) == json.loads(article_record(a))
        assert await new.missing_library_rows() == 0
    finally:
        await new.close()


async def test_the_catalog_leaves_bodies_in_the_store_when_the_backend_can_read_them_back(
    store: SQLStore,
) -> None:
    from bot.library.catalog import build_catalog, read_catalog

    shared, mine = article(), article(TEXT.replace("Orbital", "Harbour"))
    await store.upsert_article(shared, "/orbital.txt")
    await store.upsert_article(mine, f"upload:{A}:harbour.txt", guild_id=A)
    catalog = build_catalog(await read_catalog(store))
    # SQLite reads a body back synchronously; asyncpg cannot, so PostgreSQL's library keeps them.
    assert catalog.shared.lazy is (store.backend == "sqlite")
    assert catalog.shared.article_ids() == [shared.id]
    assert catalog.view(None).article(shared.id) == shared
    assert catalog.view(None).article(mine.id) is None  # an upload stays its server's
    mine_view = catalog.view(A)
    assert mine_view.article(mine.id) == mine and mine_view.article(shared.id) == shared
    assert {a.id for a in mine_view.articles} == {shared.id, mine.id}
    quist = catalog.shared.person("Mara Quist")
    assert quist is not None
    said = [r.claim.text for r in catalog.shared.claims_by(quist)]
    assert said == [c.text for c in shared.claims if c.speaker == "Mara Quist"] and said
    # The body reader outlives a closed store (it opens its own read-only connection again).
    reader = store.body_reader()
    await store.close()
    if reader is not None:
        assert reader(shared.id) == shared and reader("no-such-id") is None
    await store.open()
