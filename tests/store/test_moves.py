"""Moves in the store, on both backends: written with their article, seen through the article's scope."""

from __future__ import annotations

from bot.article import load_article
from bot.store.moves import MOVES_VERSION_KEY
from bot.store.sql import SQLStore

A, B = 3131, 4141  # two servers

APPOINTED = (
    "Ternwick names Odile Farrant chief executive\nWire·2025-03-10 09:00\n\nCore Viewpoint - Ternwick "
    "appointed Odile Farrant as chief executive on March 10, 2025 [1]. - Ternwick said its plans are unchanged [2].\n"
)
LEFT = (
    "Odile Farrant leaves Ternwick\nWire·2025-09-02 09:00\n\nCore Viewpoint - Odile Farrant left Ternwick in "
    "August 2025 [1]. - Ternwick said a search for a successor has begun [2].\n"
)
JOINED = (
    "Brannock hires Pell Averin\nWire·2025-09-20 09:00\n\nCore Viewpoint - Pell Averin joined Brannock as chief "
    "financial officer in September 2025 [1]. - Brannock said the hire completes its team [2].\n"
)


async def test_moves_are_written_with_their_article_and_seen_through_its_scope(store: SQLStore) -> None:
    appointed, left = load_article(APPOINTED), load_article(LEFT)
    await store.upsert_article(appointed, "/appointed.txt")
    await store.upsert_article(left, f"upload:{A}:left.txt", guild_id=A)
    names = ["Odile Farrant"]
    in_a = await store.person_moves(A, names)
    assert [(m.kind.value, m.organization, m.date) for m in in_a] == [
        ("appointed", "Ternwick", "2025-03-10"),
        ("left", "Ternwick", "2025-08"),
    ]
    assert in_a[0].article_id == appointed.id and in_a[0].date_from == "text"
    assert [m.kind.value for m in await store.person_moves(B, names)] == ["appointed"]  # not A's upload
    assert [m.kind.value for m in await store.person_moves(B, ["odile  FARRANT"])] == ["appointed"]
    # hidden in B: its moves go with it there only
    assert await store.hide_article(appointed.id, B)
    assert await store.person_moves(B, names) == []
    assert len(await store.person_moves(A, names)) == 2
    # A's upload deleted: its moves are gone with the article
    assert await store.remove_article(left.id, A) == "deleted"
    assert [m.kind.value for m in await store.person_moves(A, names)] == ["appointed"]
    assert [m.kind.value for m in await store.person_moves(None, names)] == ["appointed"]
    assert (await store.table_counts())["moves"] == 1  # the rows went with the article, not only from view


async def test_recent_moves_by_date_kind_and_organization(store: SQLStore) -> None:
    for text in (APPOINTED, LEFT, JOINED):
        await store.upsert_article(load_article(text), None)
    recent = await store.recent_moves(A, "2025-08-01")
    assert [(m.person, m.kind.value) for m in recent] == [
        ("Pell Averin", "joined"),
        ("Odile Farrant", "left"),
    ]  # newest first; the March appointment is older than the window
    assert [m.person for m in await store.recent_moves(A, "2025-01-01", kind="left")] == ["Odile Farrant"]
    at = await store.recent_moves(A, "2025-01-01", org_keys=["ternwick"])
    assert [m.kind.value for m in at] == ["left", "appointed"]
    assert await store.recent_moves(A, "2025-01-01", org_keys=[]) == []
    assert dict(await store.move_organizations(A)) == {"Ternwick": 2, "Brannock": 1}
    by_article = await store.article_moves([load_article(JOINED).id, "missing"])
    assert [m.role for m in by_article[load_article(JOINED).id]] == ["chief financial officer"]
    assert by_article["missing"] == []


async def test_articles_stored_before_moves_are_read_at_migration(store: SQLStore) -> None:
    await store.upsert_article(load_article(APPOINTED), "/appointed.txt")
    async with store.transaction() as conn:  # as a store from before the moves table was filled
        await conn.execute("DELETE FROM moves")
        await conn.execute("DELETE FROM meta WHERE key = ?", MOVES_VERSION_KEY)
    assert await store.person_moves(None, ["Odile Farrant"]) == []
    await store.migrate()
    assert [m.kind.value for m in await store.person_moves(None, ["Odile Farrant"])] == ["appointed"]
    assert await store.get_meta(MOVES_VERSION_KEY) is not None
