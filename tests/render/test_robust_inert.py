"""Text from outside (article titles, a feed server's error text) can never make a link or break out of code."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from bot.article import Article, ArticleFormat
from bot.digest.rules import Digest
from bot.i18n import t, use_locale
from bot.render import embeds

EVIL = "Evil` [click here](https://evil.example) `x"
_CODE = re.compile(r"`[^`]*`")
_LINK = re.compile(r"(?<!\\)\[[^\]]*(?<!\\)\]\([^)]*\)")


def live_links(markdown: str) -> list[str]:
    """The masked links Discord would render: outside code spans, brackets not escaped."""
    return _LINK.findall(_CODE.sub("", markdown))


def test_live_links_finds_what_discord_renders() -> None:
    assert live_links("[a](https://x)") == ["[a](https://x)"]
    assert live_links("\\[a\\](https://x)") == []
    assert live_links("`[a](https://x)`") == []


def texts(pages: list[list[object]]) -> list[str]:
    out = []
    for page in pages:
        for embed in page:
            d = embed.to_dict()  # type: ignore[attr-defined]
            out += [d.get("title", ""), d.get("description", "")]
            out += [f["name"] + "\n" + f["value"] for f in d.get("fields", [])]
    return out


def test_a_backtick_in_a_title_does_not_break_out_of_the_digest_more_line() -> None:
    article = Article(
        id="evil",
        title=EVIL,
        source="Wire",
        published_at="2026-01-02T08:00:00",
        language="en",
        format=ArticleFormat.PLAIN,
        core_viewpoint="Nothing to see.",
    )
    now = datetime(2026, 1, 2, 9, tzinfo=UTC)
    digest = Digest(since=now, until=now, articles=[article], more=0)
    for lang in ("en", "zh-CN"):
        with use_locale(lang):
            messages = embeds.digest_messages(digest, date(2026, 1, 2))
        for content, page in messages:
            for text in [content, *texts([page])]:
                assert live_links(text) == [], text
        more = [line for text in texts([messages[0][1]]) for line in text.splitlines() if "/summary" in line]
        assert more and all(line.count("`") == 2 for line in more), more


def test_a_feed_servers_error_text_is_inert_in_about() -> None:
    line = t(
        "about_feed_failing",
        "en",
        url="https://feeds.example/rss",
        error="HTTP 500 [click here](https://evil.example) @everyone **now**",
        failures=1,
        wait=15,
    )
    pages = embeds.about_pages(
        dict.fromkeys(("articles", "people", "organizations", "claims"), 0), "1", [], running=[line]
    )
    shown = "\n".join(texts(pages))  # type: ignore[arg-type]
    assert "click here" in shown
    assert live_links(shown) == []
    assert "@everyone" not in shown and "**now**" not in shown
