"""Story rows: memberships per scope, the story channel, and thread and line posts recorded once."""

from __future__ import annotations

from bot.store.sql import SQLStore

G, OTHER = 111, 222


async def test_memberships_are_kept_per_scope_and_moved_by_a_merge(store: SQLStore) -> None:
    await store.save_story_members([(0, "a1", "s1"), (0, "a2", "s1"), (G, "u1", "s1")])
    await store.save_story_members([(0, "a2", "s9")])  # its story was merged into another
    assert await store.story_members() == {0: {"a1": "s1", "a2": "s9"}, G: {"u1": "s1"}}


async def test_posts_are_recorded_once_thread_first_then_lines(store: SQLStore) -> None:
    await store.set_story_channel(G, 5)
    await store.set_story_channel(G, 6)  # moved
    assert await store.story_channels() == {G: 6}
    assert await store.claim_story_post(G, 6, "0:s1", "a1") == "thread"
    assert await store.claim_story_post(G, 6, "0:s1", "a2") == "line"
    assert await store.claim_story_post(G, 6, "0:s1", "a2") is None  # a restart records nothing twice
    assert await store.claim_story_post(G, 6, "0:s1", "a1") is None
    assert await store.claim_story_post(OTHER, 7, "0:s1", "a1") == "thread"  # every server its own thread
    [line] = await store.pending_story_lines()
    assert line["thread_id"] is None and line["thread_status"] == "pending"
    await store.story_thread_started(G, "0:s1", 900)
    await store.finish_story_thread(G, "0:s1", "sent", 900)
    [line] = await store.pending_story_lines()
    assert int(line["thread_id"]) == 900
    assert await store.story_thread_ids(G) == {900} and await store.story_thread_ids(OTHER) == set()
    await store.finish_story_line(G, "a2", "sent")
    assert await store.pending_story_lines() == []
    assert [r["guild_id"] for r in await store.pending_story_threads()] == [OTHER]
    counts = await store.forget_guild(G)
    assert counts["story_threads"] == 1 and counts["story_lines"] == 1 and counts["story_channels"] == 1
    assert await store.story_channels() == {}
    assert await store.clear_story_channel(G) is False
