"""Moves are read in the parse worker, beside the article, and the store only writes them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.ingest import intake as ingest
from bot.store import moves as store_moves
from bot.store import open_store
from bot.timeline import person as timeline_person

LEFT = (
    "Odile Farrant leaves Ternwick\nWire·2025-09-02 09:00\n\nCore Viewpoint - Odile Farrant left Ternwick in "
    "August 2025 [1]. - Ternwick said a search for a successor has begun [2].\n"
)


async def test_the_worker_reads_the_moves_and_the_store_writes_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = await ingest.parse_bytes(LEFT.encode())
    try:
        remembered = timeline_person._cache[article.id]
        assert [(m.person, m.kind.value, m.organization) for m in remembered] == [
            ("Odile Farrant", "left", "Ternwick")
        ]

        def not_again(_: object) -> list[object]:
            raise AssertionError("the store read the article's moves again")

        monkeypatch.setattr(timeline_person, "extract_moves", not_again)
        store = open_store(f"sqlite:///{tmp_path}/n.db")
        await store.open()
        try:
            await store.upsert_article(article, "/left.txt")
            assert [m.date for m in await store.person_moves(0, ["Odile Farrant"])] == ["2025-08"]
        finally:
            await store.close()
    finally:
        ingest.PARSER.close()


def test_an_article_without_a_word_of_movement_is_read_no_further() -> None:
    from bot.article import load_article
    from bot.timeline import extract_moves

    quiet = "Ternwick opens a depot\nWire·2025-09-03 09:00\n\nCore Viewpoint - Ternwick opened a depot [1].\n"
    assert extract_moves(load_article(quiet)) == []
    assert store_moves.move_rows(load_article(quiet)) == []
