"""The digest's "People moves" section: a per-server switch, the moves of the digest's own articles."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from bot.article import load_article
from bot.digest import rules
from bot.digest.rules import Schedule
from bot.digest.service import Clock, DigestService, _to_row
from bot.i18n import SUPPORTED, use_locale
from bot.library.catalog import Catalog
from bot.render import embeds
from bot.render.limits import violations
from bot.store import open_store
from bot.timeline import extract_moves
from tests.fakes import FakePoster

APPOINTED = (
    "Harrowgate names Ines Calloway chief executive\nWire·2025-03-10 09:00\n\nCore Viewpoint - Harrowgate "
    "appointed Ines Calloway as chief executive on March 10, 2025 [1]. - Harrowgate said little else [2].\n"
)
LEFT = (
    "Ines Calloway leaves Harrowgate\nWire·2025-09-02 09:00\n\nCore Viewpoint - Ines Calloway left Harrowgate in "
    "August 2025 [1]. - Harrowgate said a search for a successor has begun [2].\n"
)
QUIET = (
    "Harrowgate opens a depot\nWire·2025-09-03 09:00\n\nCore Viewpoint - Harrowgate opened a new depot [1].\n"
)


def test_people_moves_are_the_digests_own_newest_first_once_each() -> None:
    appointed, left, quiet = (load_article(x) for x in (APPOINTED, LEFT, QUIET))
    now = datetime(2025, 9, 3, tzinfo=UTC)
    digest = rules.compose(
        [(a, now) for a in (appointed, left, quiet)], now - timedelta(days=1), now + timedelta(1)
    )
    found = rules.people_moves(digest, {a.id: extract_moves(a) * 2 for a in (appointed, left)})
    assert [(m.kind.value, m.date) for m in found] == [("left", "2025-08"), ("appointed", "2025-03-10")]
    assert rules.people_moves(digest, {}) == []
    for lang in SUPPORTED:  # the section fits Discord's limits in every language
        with_moves = replace(digest, moves=found * 50)
        with use_locale(lang):
            for content, page in embeds.digest_messages(with_moves, date(2025, 9, 3)):
                assert violations(content, [e.to_dict() for e in page]) == []
        text = str([e.to_dict() for _, p in embeds.digest_messages(with_moves, date(2025, 9, 3)) for e in p])
        assert "People moves" in text and "left Harrowgate" in text


async def test_the_switch_is_kept_per_server_and_fills_the_section(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path}/n.db")
    await store.open()
    try:
        library = Catalog()
        for text in (APPOINTED, LEFT, QUIET):
            article = load_article(text)
            await store.upsert_article(article, None)
            library.add_global(article)
        service = DigestService(store, FakePoster(), lambda: library, clock=Clock().now)
        off = Schedule(channel_id=5, at=time(8, 0), zone="UTC")
        await store.put_digest_settings(1, _to_row(off))
        await store.put_digest_settings(2, _to_row(replace(off, people_moves=True)))
        plain_schedule, with_moves = await service.schedule(1), await service.schedule(2)
        assert plain_schedule is not None and not plain_schedule.people_moves
        assert with_moves is not None and with_moves.people_moves
        until = datetime.now(UTC) + timedelta(minutes=1)
        assert (await service.compose(1, until, 10)).moves == []
        section = (await service.compose(2, until, 10, moves=True)).moves
        assert [(m.person, m.kind.value) for m in section] == [
            ("Ines Calloway", "left"),
            ("Ines Calloway", "appointed"),
        ]
        assert (await service.preview(2)).moves == section  # the preview shows what the post will
    finally:
        await store.close()
