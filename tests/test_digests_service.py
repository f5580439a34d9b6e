"""The digest service against a real store, without Discord: failures pause a schedule after three in a row."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from types import SimpleNamespace

from bot.catalog import Catalog
from bot.digest import Schedule
from bot.digests import DigestService, _to_row
from bot.settings import Settings
from bot.store import open_store


async def test_three_failures_in_a_row_pause_the_schedule(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path}/n.db")
    await store.open()
    try:
        bot = SimpleNamespace(
            settings=Settings(database_url="sqlite:///unused.db"),
            store=store,
            library=Catalog(),
            guilds=[],
            get_guild=lambda guild_id: None,  # the bot was removed from the server
        )
        service = DigestService(bot)  # type: ignore[arg-type]
        schedule = Schedule(channel_id=5, at=time(8, 0), zone="UTC", skip_empty=False)
        await store.put_digest_settings(42, _to_row(schedule))
        for day in (1, 2, 3):
            current = await service.schedule(42)
            assert current is not None
            assert not current.paused
            outcome = await service.run(42, current, date(2026, 6, day))
            assert outcome.status == "failed"
            assert outcome.error == "I am no longer in that server."
        paused = await service.schedule(42)
        assert paused is not None
        assert paused.paused
        assert paused.failures == 3
        status = await service.status(42)
        assert status.next_run is None
        assert len(status.failures) == 3
        # The same date is never run twice, even after a failure.
        again = await service.run(42, schedule, date(2026, 6, 3))
        assert again.status == "already"
    finally:
        await store.close()
