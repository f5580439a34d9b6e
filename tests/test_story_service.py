"""Stories while the bot runs: intake joins or starts a story, a restart restores the stored stories, a server's
uploads cluster among themselves, and a card shows only what a server sees."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bot.article import Article, Stance, load_article
from bot.library.catalog import Catalog
from bot.stories.service import GLOBAL, StoryService, news_in

DATA = Path(__file__).resolve().parent / "stories" / "data"
GUILD = 4242


def art(name: str) -> Article:
    return load_article((DATA / name).read_bytes())


def test_sync_clusters_then_restart_restores_the_same_stories() -> None:
    names = ["b1-tan-en.txt", "b2-tan-en.txt", "b4-tan-zh.txt", "a1-gelsinger-en.txt"]
    articles = [art(n) for n in names]
    catalog = Catalog(articles)
    service = StoryService()
    joined = service.sync(catalog, {})
    assert {j.article_id for j in joined} == {a.id for a in articles}
    stories = {j.article_id: j.story_id for j in joined if j.new_article}
    tan = {stories[a.id] for a in articles[:3]}
    assert len(tan) == 1 and stories[articles[3].id] not in tan  # Tan's resignation is not Gelsinger's exit

    again = StoryService()
    stored = {GLOBAL: {j.article_id: j.story_id for j in joined}}
    assert again.sync(catalog, stored) == []  # everything restored, nothing to write
    for a in articles:
        assert again.story_of(None, a.id) == (GLOBAL, stored[GLOBAL][a.id])


def test_take_one_article_joins_its_story_and_says_so() -> None:
    first, second = art("b1-tan-en.txt"), art("b4-tan-zh.txt")
    catalog = Catalog([first])
    service = StoryService()
    [start] = service.sync(catalog, {})
    assert start.new_story and start.new_article
    catalog.add_global(second)
    [joined] = service.take(GLOBAL, second)
    assert joined.story_id == start.story_id and joined.new_article and not joined.new_story
    assert service.take(GLOBAL, second) == []  # taken once


def test_a_servers_uploads_cluster_among_themselves_and_stay_its_own() -> None:
    shared, upload = art("b1-tan-en.txt"), art("b2-tan-en.txt")
    catalog = Catalog([shared, upload], owners={shared.id: {GLOBAL}, upload.id: {GUILD}})
    service = StoryService()
    joined = service.sync(catalog, {})
    assert {(j.scope, j.article_id) for j in joined} == {(GLOBAL, shared.id), (GUILD, upload.id)}
    assert service.story_of(GUILD, upload.id) is not None
    assert service.story_of(None, upload.id) is None  # another server never reaches it
    outside = service.recent(catalog.view(None), None, 36500)
    assert all(upload.id not in [a.id for a in c.articles] for c in outside)


def test_card_shows_what_the_server_sees_and_lines_up_a_denial() -> None:
    names = ["h1-muskbid-en.txt", "h2-muskbid-en.txt", "h3-muskbid-en.txt", "h5-muskbid-zh.txt"]
    articles = [art(n) for n in names]
    catalog = Catalog(articles, hidden={GUILD: {articles[1].id}}, owners={a.id: {GLOBAL} for a in articles})
    service = StoryService()
    service.sync(catalog, {})
    card = service.card_of_article(catalog.view(None), None, articles[0].id)
    assert card is not None and len(card.articles) >= 3
    assert card.first.published_at is not None and card.first.published_at <= (card.latest.published_at or "")
    hidden = service.card_of_article(catalog.view(GUILD), GUILD, articles[0].id)
    assert hidden is not None and articles[1].id not in [a.id for a in hidden.articles]
    newest = max(date.fromisoformat((a.published_at or "")[:10]) for a in articles)
    recent = service.recent(catalog.view(None), None, 30, today=newest)
    assert recent and recent[0].id == card.id  # the most covered story first


def test_news_in_a_later_article_is_a_new_stance_or_a_new_subject() -> None:
    first, later = art("h1-muskbid-en.txt"), art("h2-muskbid-en.txt")
    reprint = first.model_copy(update={"id": "reprint", "source": "Another Wire"})
    assert news_in(reprint, [first]) == []  # the same claims again bring nothing new
    news = news_in(later, [first])
    assert all(isinstance(s, Stance) and text for s, text in news)
    assert {text for _, text in news} <= {c.text for c in later.claims}


def test_sync_of_one_server_touches_only_its_own_articles() -> None:
    shared, upload = art("b1-tan-en.txt"), art("b2-tan-en.txt")
    catalog = Catalog([shared], owners={shared.id: {GLOBAL}})
    service = StoryService()
    service.sync(catalog, {})
    catalog.replace_guild(GUILD, [upload], [])
    [joined] = service.sync(catalog, only=[GUILD])
    assert joined.scope == GUILD and joined.article_id == upload.id and joined.new_article
    # the same event as the global story: it joins that story, in this server's view only (issue 17)
    assert service.story_of(None, shared.id) == (GLOBAL, joined.story_id[2:]) and not joined.new_story
    assert joined.story_id.startswith("0:")
    assert service.sync(catalog) == []  # everything is in its story already


ONE_ARTICLE_CONTEST = b"""Quillfeather Foods denies plan to close its Dunmore bakery
Harbor Daily\xc2\xb72026-05-12 09:00

Core Viewpoint - Quillfeather Foods will close its Dunmore bakery and cut 310 jobs, the Valley Courier reported [1]. \
Group 1: The Response - Quillfeather Foods denied that it will close its Dunmore bakery or cut 310 jobs [2].
"""


def test_contested_is_one_rule_for_the_card_the_list_and_the_claims() -> None:
    """A story of one article that reports a claim and carries its denial is contested on its card, in
    /stories contested:true and in /claims contested:true alike."""
    article = load_article(ONE_ARTICLE_CONTEST)
    catalog = Catalog([article])
    service = StoryService()
    service.sync(catalog, {})
    view = catalog.view(None)
    card = service.card_of_article(view, None, article.id)
    assert card is not None and card.contested, [(s.subject, s.stances) for s in card.subjects]
    listed = service.recent(view, None, 7, contested=True, today=date(2026, 5, 13))
    assert [c.id for c in listed] == [card.id]
    claims = service.contested_claims(view, None, [article.id])
    assert {text for _, text in claims} == {c.text for c in article.claims}


def test_nothing_found_suggests_a_span_longer_than_the_one_given() -> None:
    from bot.render.stories import stories_none

    assert "days:30" in stories_none(7, False) and "contested" not in stories_none(7, False)
    assert "days:365" in stories_none(30, True) and "leave out contested" in stories_none(30, True)
    assert "days:3650" in stories_none(400, False)
    longest = stories_none(3650, True)
    assert "(days:" not in longest and "Leave out contested" in longest
    assert "(days:" not in stories_none(3650, False)
