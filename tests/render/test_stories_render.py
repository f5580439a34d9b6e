"""Story renderers: what a story's list line and card say when an article names no source."""

from __future__ import annotations

from bot.article import load_article
from bot.library.catalog import Catalog
from bot.render.stories import stories_pages, story_pages
from bot.stories.service import StoryService

# No source line: a title, a date, then the text (a report and its denial in one article).
NO_SOURCE = b"""Marlow Shipping denies it will sell its ferry arm
2025-10-29

Core Viewpoint - Marlow Shipping will sell its ferry arm for $820 million, the Quayside Gazette reported [1]. \
Group 1: The Answer - Marlow Shipping denied that it will sell its ferry arm for $820 million [2].
"""


def test_a_story_without_a_source_shows_its_date_alone_and_no_title_as_source() -> None:
    article = load_article(NO_SOURCE)
    assert article.source is None and (article.published_at or "").startswith("2025-10-29")
    catalog = Catalog([article])
    service = StoryService()
    service.sync(catalog, {})
    card = service.card_of_article(catalog.view(None), None, article.id)
    assert card is not None

    [[listed, *_]] = stories_pages([card], "Stories")
    text = listed.description or ""
    assert "1 article · 2025-10-29" in text and "unknown" not in text, text

    [[embed, *_], *_] = story_pages(card)
    values = "\n".join(f["value"] for f in embed.to_dict().get("fields", []))
    assert "(no source) · 2025-10-29" in values, values
    assert "*Marlow Shipping denies" not in values  # the title is not shown where the source goes
