"""Search syntax on both backends: "quoted phrases", OR, snippets with the match, and nothing a member types
reaching either engine as syntax."""

from __future__ import annotations

import pytest

from bot.article import load_article
from bot.store.articles import MARK_END, MARK_START, parse_search
from bot.store.sql import SQLStore
from tests.store.test_contract import ARTICLE

A = 1111

NVIDIA = (
    "Nvidia sells more chips\nWire·2025-03-14 08:30\n\nCore Viewpoint - Nvidia said demand for data center "
    "chips stays strong [1]. Group 1: Plans - Jensen Huang said the plan for new foundry capacity is set [2].\n"
)
ZH = "英伟达发布财报\n新浪·2025-11-01\n\nCore Viewpoint - 英伟达CEO黄仁勋表示，人工智能需求依然强劲 [1]。\n"


async def loaded(store: SQLStore) -> tuple[str, str, str]:
    intel, nvidia, zh = load_article(ARTICLE), load_article(NVIDIA), load_article(ZH)
    await store.upsert_article(intel, "/intel.txt")
    await store.upsert_article(nvidia, "/nvidia.txt")
    await store.upsert_article(zh, f"upload:{A}:zh.txt", guild_id=A)
    return intel.id, nvidia.id, zh.id


async def test_quoted_phrases_are_words_side_by_side(store: SQLStore) -> None:
    intel, nvidia, _ = await loaded(store)
    assert await store.search("foundry plan") == [nvidia, intel]  # both have both words
    assert await store.search('"foundry plan"') == [intel]  # only Intel's text has them side by side
    assert await store.search('"plan for new"') == [nvidia]
    assert await store.search('"plan foundry"') == []
    assert await store.search('"Lip-Bu Tan" foundry') == [intel]


async def test_or_between_words_and_phrases(store: SQLStore) -> None:
    intel, nvidia, zh = await loaded(store)
    assert await store.search("Jensen OR Lip") == [nvidia, intel]
    assert await store.search('"data center" OR "foundry plan"') == [nvidia, intel]
    assert await store.search("Jensen OR nobody") == [nvidia]
    assert await store.search("foundry Jensen OR Tan") == [nvidia, intel]
    assert await store.search("中心 OR 黄仁勋", guild_id=A) == [zh]
    assert await store.search("Jensen OR Lip", limit=1) == [nvidia]  # newest first, stopped at the limit
    assert await store.search("or") == []  # lowercase 'or' is a word like any other
    assert await store.search("OR") == []


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '" OR 1=1 --',
        "foundry NEAR(plan, 2)",
        "found*",
        "(foundry OR",
        "foundry) OR (plan",
        "foundry'; DROP TABLE articles; --",
        "title:foundry",
        "foundry & !plan | <-> :* \\",
        "^foundry -plan +NOT AND",
        "{title} : foundry",
    ],
)
async def test_hostile_input_is_only_words(store: SQLStore, query: str) -> None:
    intel, nvidia, _ = await loaded(store)
    found = await store.search(query)  # never an engine error
    assert set(found) <= {intel, nvidia}
    await store.search_hits(query)
    assert await store.search("foundry") == [nvidia, intel]  # the table is still there


async def test_snippets_show_the_match(store: SQLStore) -> None:
    intel, nvidia, zh = await loaded(store)
    hits = await store.search_hits("Jensen OR Lip")
    assert [h.article_id for h in hits] == [nvidia, intel]
    assert f"{MARK_START}Jensen{MARK_END}" in hits[0].snippet
    assert f"{MARK_START}Lip{MARK_END}" in hits[1].snippet
    assert len(hits[0].snippet) < 200
    (zh_hit,) = await store.search_hits("黄仁勋", guild_id=A)
    assert zh_hit.article_id == zh
    assert "黄仁勋" in zh_hit.snippet.replace(MARK_START, "").replace(MARK_END, "")
    assert "黄仁 仁勋" not in zh_hit.snippet  # the character pairs the index holds are not shown
    assert await store.search_hits("!!!") == []


def test_query_text_is_built_from_word_characters_only() -> None:
    parsed = parse_search('"exact words" OR x\'"); DROP -- NEAR(a) *')
    assert parsed is not None
    assert parsed.fts5() == '("exact words" OR "x") AND "DROP NEAR a"'  # the second quote runs to the end
    assert parsed.tsquery() == "((exact <-> words) | (x)) & ((DROP <-> NEAR <-> a))"
    plain = parse_search("x) NEAR(a) foundr")
    assert plain is not None
    assert plain.fts5() == '"x" AND "NEAR a" AND "foundr"*'  # the last word typed is a prefix
    assert plain.tsquery() == "((x)) & ((NEAR <-> a)) & ((foundr:*))"
    assert parse_search('( ) * OR ""') is None
