"""The digest service against a real store, without Discord: failures pause a schedule after three in a row."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from bot.article import load_article
from bot.digest.rules import Schedule
from bot.digest.service import Clock, DigestService, _to_row
from bot.i18n import SUPPORTED, use_locale
from bot.library.catalog import Catalog
from bot.render import embeds
from bot.render.limits import violations
from bot.store import open_store
from bot.stories.service import StoryService
from tests.fakes import FakePoster


async def test_three_failures_in_a_row_pause_the_schedule(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path}/n.db")
    await store.open()
    try:
        # the bot was removed from the server: the poster serves none
        service = DigestService(store, FakePoster(), Catalog, clock=Clock().now)
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


# One made-up event, three reports from two outlets (one in Chinese); one unrelated article.
_DAY = "2026-06-14"
_EVENT = (
    f"Kestrel Rail agrees to buy Norrow Signals for $1.8 billion\nLantern Wire·{_DAY} 07:00\n\n"
    "Core Viewpoint - Kestrel Rail will buy the signalling maker Norrow Signals for $1.8 billion [1]. Group 1: "
    "The Deal - Priya Halden, chief executive of Kestrel Rail, said the $1.8 billion purchase of Norrow Signals "
    "would close in the autumn [2].\n",
    f"红隼铁路以18亿美元收购Norrow Signals\n环球财讯·{_DAY} 09:00\n\n"
    "核心观点：红隼铁路（Kestrel Rail）将以18亿美元收购信号设备公司Norrow Signals［1］。要点一：交易 - "
    "红隼铁路首席执行官普丽娅·哈尔登（Priya Halden）表示，对Norrow Signals的18亿美元收购将于秋季完成［2］。\n",
    f"Norrow Signals board backs $1.8 billion sale to Kestrel Rail\nLantern Wire·{_DAY} 11:00\n\n"
    "Core Viewpoint - The board of Norrow Signals backed the $1.8 billion sale to Kestrel Rail [1]. Group 1: "
    "Timing - Priya Halden of Kestrel Rail said the $1.8 billion purchase of Norrow Signals would close in the "
    "autumn [2].\n",
)
_UNRELATED = (
    f"Fenwick Dairy recalls yoghurt after a labelling error\nValley Courier·{_DAY} 10:00\n\n"
    "Core Viewpoint - Fenwick Dairy recalled 40,000 pots of yoghurt because the labels left out an allergen [1].\n"
)


async def test_three_reports_of_one_event_make_one_digest_entry_naming_the_others(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path}/n.db")
    await store.open()
    try:
        library = Catalog()
        articles = [load_article(text) for text in (*_EVENT, _UNRELATED)]
        for article in articles:
            await store.upsert_article(article, None)
            library.add_global(article)
        articles[1] = articles[1].model_copy(update={"url": "https://news.example/kestrel?id=7"})
        stories = StoryService()
        stories.sync(library)
        service = DigestService(
            store, FakePoster(), lambda: library, clock=Clock().now, stories=lambda: stories
        )
        await store.put_digest_settings(1, _to_row(Schedule(channel_id=5, at=time(8, 0), zone="UTC")))
        digest = await service.preview(1)
        newest, *_ = (a for a in articles if a.title.startswith("Norrow Signals board"))
        assert [a.title for a in digest.articles] == [newest.title, _UNRELATED.split("\n")[0]]
        assert sorted(a.source or "" for a in digest.also[newest.id]) == ["Lantern Wire", "环球财讯"]
        assert digest.more == 0 and digest.in_window == 4
        (header, page), *rest = embeds.digest_messages(digest, date(2026, 6, 14))
        assert rest == [] and len(page) == 2  # two entries, not four
        assert "2 new events from 4 articles" in header
        also = page[0].description or ""
        assert "**Also:** 环球财讯, Lantern Wire" in also or "**Also:** Lantern Wire, 环球财讯" in also
        assert "Also" not in (page[1].description or "")  # the unrelated article stands alone
        # A server that hides one report sees a story of two: the hidden one is named nowhere.
        hidden = next(a for a in articles if a.source == "环球财讯")
        library.replace_guild(2, [], [hidden.id])
        other = await service.compose(2, digest.until, 10)
        assert [a.source for a in other.also[newest.id]] == ["Lantern Wire"]
        for lang in SUPPORTED:  # the grouped digest fits Discord's limits in every language
            with use_locale(lang):
                for content, part in embeds.digest_messages(digest, date(2026, 6, 14)):
                    assert violations(content, [e.to_dict() for e in part]) == []
    finally:
        await store.close()


def test_the_also_line_links_known_addresses_and_counts_the_rest() -> None:
    base = "Report {n}\n{source}·2026-06-0{n} 10:00\n\nCore Viewpoint - Something happened [1].\n"
    others = [
        load_article(base.format(n=n, source=source))
        for n, source in enumerate(["Alpha Evening", "Beta", "Gamma", "Delta", "Beta"], start=1)
    ]
    others[0] = others[0].model_copy(update={"url": "https://alpha.example/a (b)"})
    line = embeds.digest_also_line(others)
    # Each source once, the first three named, the address made safe inside the link, the rest counted.
    assert line == "**Also:** [Alpha Evening](https://alpha.example/a%20%28b%29), Beta, Gamma +1"
