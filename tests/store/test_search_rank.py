"""Search results: the newest matches the engine returns, the best match first (relevance, then newest)."""

from __future__ import annotations

from bot.article import Article, load_article
from bot.discord.lookup import search
from bot.library.core import Library
from bot.store.articles import MARK_END, MARK_START, SearchHit, parse_search, rank_hits, relevance
from bot.store.sql import SQLStore


def marked(*words: str) -> str:
    return " … ".join(f"{MARK_START}{w}{MARK_END}" for w in words)


def test_a_title_carrying_every_word_outranks_a_body_mention() -> None:
    query = parse_search("harbor bank")
    assert query is not None
    both = relevance(query, "Harbor Bank names a new treasurer", marked("Harbor", "Bank"))
    one = relevance(query, "Harbor ferries resume", marked("harbor", "bank"))
    none = relevance(query, "Quarterly results", marked("harbor", "bank", "bank"))
    assert both > one > none


def test_the_last_word_counts_as_typed_so_far_and_chinese_by_pairs() -> None:
    typed = parse_search("harbor ban")
    assert typed is not None
    assert relevance(typed, "Harbor Bank names a new treasurer", "") > relevance(typed, "Harbor ferries", "")
    zh = parse_search("海港银行")
    assert zh is not None
    assert relevance(zh, "海港银行任命新司库", "") > relevance(zh, "季度业绩", marked("海港", "银行"))


def test_a_phrase_in_quotes_must_stand_together_in_the_title() -> None:
    phrase = parse_search('"new treasurer"')
    assert phrase is not None
    assert relevance(phrase, "Harbor names a new treasurer", "") > relevance(phrase, "A treasurer, new", "")


def test_equal_scores_keep_the_engines_newest_first_order() -> None:
    hits = [SearchHit("c", marked("bank")), SearchHit("b", marked("bank")), SearchHit("a", marked("bank"))]
    titles = {"a": "Bank merger", "b": "Ferry news", "c": "Weather"}
    assert [h.article_id for h in rank_hits("bank", hits, titles.get)] == ["a", "c", "b"]
    assert rank_hits("", hits, titles.get) == hits  # no word at all: left as it came


def article(title: str, date: str, body: str) -> Article:
    return load_article(f"{title}\nWire·{date} 09:00\n\nCore Viewpoint - {body} [1].\n")


async def test_articles_search_shows_the_title_match_before_newer_mentions(store: SQLStore) -> None:
    old = article("Harbor Bank picks a treasurer", "2025-01-02", "The lender named Ada Brook to the post")
    newer = [
        article(f"Ferry timetable {i}", f"2025-03-{i + 10:02d}", "Harbor Bank sponsors the new ferry line")
        for i in range(3)
    ]
    await store.upsert_article(old, "/old.txt")
    for i, a in enumerate(newer):
        await store.upsert_article(a, f"/new{i}.txt")
    plain = await store.search("harbor bank", 10, guild_id=0)
    assert plain[0] != old.id  # the engine alone: newest first
    library = Library([old, *newer])
    found, snippets = await search(store, library, 0, "harbor bank")
    assert found[0].id == old.id
    assert {a.id for a in found} == {old.id, *(a.id for a in newer)}
    assert all(MARK_START in snippets[a.id] for a in found)
