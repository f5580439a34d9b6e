"""A server's own article about an event that has a global story joins that story in that server's view only:
its /story shows it among the story's reports, another server's shows the story without it, a restart keeps it
there, and removing the upload takes it out."""

from __future__ import annotations

from pathlib import Path

from bot.article import Article, load_article
from bot.library.catalog import Catalog
from bot.stories.service import GLOBAL, StoryService

DATA = Path(__file__).resolve().parent / "stories" / "data"
A, B = 4242, 5151


def art(name: str) -> Article:
    return load_article((DATA / name).read_bytes())


def ids(service: StoryService, catalog: Catalog, guild: int | None, article_id: str) -> list[str]:
    card = service.card_of_article(catalog.view(guild), guild, article_id)
    return [a.id for a in card.articles] if card is not None else []


def test_an_upload_joins_the_global_story_for_its_server_only() -> None:
    shared, upload, other = art("b1-tan-en.txt"), art("b2-tan-en.txt"), art("a1-gelsinger-en.txt")
    owners = {shared.id: {GLOBAL}, upload.id: {A}, other.id: {A}}
    catalog = Catalog([shared, upload, other], owners=owners)
    service = StoryService()
    joined = {j.article_id: j for j in service.sync(catalog, {})}
    story = joined[shared.id].story_id

    mine = joined[upload.id]
    assert (mine.scope, mine.story_id) == (A, f"0:{story}")  # stored with its owner, naming the global story
    assert mine.new_article and not mine.new_story and mine.thread_key == f"0:{story}"  # a line in its thread
    assert joined[other.id].story_id != story and not joined[other.id].story_id.startswith(
        "0:"
    )  # another event

    assert service.story_of(A, upload.id) == (GLOBAL, story)
    assert sorted(ids(service, catalog, A, shared.id)) == sorted([shared.id, upload.id])
    assert ids(service, catalog, B, shared.id) == [shared.id]  # another server: no trace of it
    assert ids(service, catalog, None, shared.id) == [shared.id]
    assert service.story_of(B, upload.id) is None and service.story_of(None, upload.id) is None
    seen_by_b = service.recent(catalog.view(B), B, 36500)
    assert all(upload.id not in [a.id for a in c.articles] for c in seen_by_b)
    seen_by_a = service.recent(catalog.view(A), A, 36500)
    assert any(upload.id in [a.id for a in c.articles] and c.id == story for c in seen_by_a)

    # a restart restores it from the stored rows, without clustering it again
    stored: dict[int, dict[str, str]] = {}
    for j in joined.values():
        stored.setdefault(j.scope, {})[j.article_id] = j.story_id
    again = StoryService()
    assert again.sync(catalog, stored) == []
    assert sorted(ids(again, catalog, A, shared.id)) == sorted([shared.id, upload.id])
    assert ids(again, catalog, B, shared.id) == [shared.id]

    # removing the upload in A removes it from A's story
    catalog.replace_guild(A, [other], set())
    assert again.sync(catalog, only=[A]) == []
    assert again.story_of(A, upload.id) is None
    assert ids(again, catalog, A, shared.id) == [shared.id]


def test_an_upload_with_no_global_story_still_starts_its_servers_own() -> None:
    upload = art("b2-tan-en.txt")
    catalog = Catalog([upload], owners={upload.id: {A}})
    service = StoryService()
    [mine] = service.sync(catalog, {})
    assert mine.scope == A and mine.new_story and mine.thread_key == f"{A}:{mine.story_id}"
    assert service.story_of(A, upload.id) == (A, mine.story_id)
