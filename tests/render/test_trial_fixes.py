"""Render details a new-user trial caught: an article gone from the library, a schedule already in UTC."""

from __future__ import annotations

from datetime import UTC, datetime, time

from bot.digest.rules import Schedule
from bot.i18n import use_locale
from bot.render import embeds
from bot.usage import summarize


def test_stats_names_an_article_no_longer_in_the_library_instead_of_its_id() -> None:
    summary = summarize([], days=30, now=datetime(2026, 5, 4, tzinfo=UTC))
    summary.top_articles = [("0f0e0d0c0b0a0908", 2), ("feedfacecafe0001", 1)]
    card = embeds.stats_embed(summary, "Quayside", {"feedfacecafe0001": "Cranes idle at the east quay"})
    text = str(card.to_dict())
    assert "2 × (a removed article)" in text and "1 × Cranes idle at the east quay" in text
    assert "0f0e0d0c0b0a0908" not in text
    with use_locale("zh-CN"):
        zh = str(embeds.stats_embed(summary, "Quayside", {}).to_dict())
    assert "（已删除的文章）" in zh


def _next_run_field(zone: str) -> str:
    schedule = Schedule(channel_id=7, at=time(8, 30), zone=zone)
    upcoming = datetime(2026, 12, 2, 8, 30, tzinfo=UTC)
    [card] = embeds.digest_schedule_embed(schedule, upcoming, "Daily digest")
    return " ".join(str(f["value"]) for f in card.to_dict()["fields"])


def test_a_utc_schedule_shows_its_time_once() -> None:
    assert "2026-12-02 08:30 UTC · <t:" in _next_run_field("UTC")
    assert "(08:30 UTC)" not in _next_run_field("Etc/UTC")
    assert "2026-12-02 09:30 Europe/Berlin (08:30 UTC)" in _next_run_field("Europe/Berlin")
    assert "2026-12-02 08:30 Europe/London (08:30 UTC)" in _next_run_field(
        "Europe/London"
    )  # UTC only in winter
