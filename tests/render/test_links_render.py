"""The original's link on /summary, digest and alert embeds (the title links to it)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.article import load_article
from bot.digest.rules import Digest
from bot.render import embeds

TEXT = (
    "https://desk.example/quay-deal\n"
    "Quay reopens after talks\nHarbour Desk·2026-03-04 10:00\n\n"
    "Core Viewpoint - The east quay reopened after a night of talks [1].\n"
    "Group 1: The deal - Union leader Mara Quist said the rota would change [2].\n"
)


def test_summary_digest_and_alert_link_to_the_original() -> None:
    article = load_article(TEXT)
    assert embeds.summary_pages(article)[0][0].url == "https://desk.example/quay-deal"
    now = datetime(2026, 3, 4, 12, tzinfo=UTC)
    digest = Digest(articles=[article], more=0, since=now, until=now)
    (_, page), *_ = embeds.digest_messages(digest, date(2026, 3, 4))
    assert page[0].url == "https://desk.example/quay-deal"
    parts = embeds.alert_messages(article, [("Mara Quist", [("", "the rota would change")])], None, "S")
    assert parts[0].embed.url == "https://desk.example/quay-deal"
    plain = load_article(TEXT.split("\n", 1)[1])
    assert plain.url is None and embeds.summary_pages(plain)[0][0].url is None
