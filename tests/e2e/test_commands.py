"""Every command and option, autocomplete, paging, unknown names, faults: through the real discord.py."""

from __future__ import annotations

from typing import Any

import pytest

from bot.render.limits import violations
from tests.e2e.conftest import BotProcess
from tests.fakediscord import FakeDiscord, Reply

pytestmark = pytest.mark.asyncio(loop_scope="module")


def assert_fits(reply: Reply) -> None:
    message = reply.visible() or {}
    assert violations(message.get("content"), message.get("embeds") or []) == []


def assert_acknowledged_in_time(reply: Reply) -> None:
    # Discord drops an interaction that is not acknowledged within 3 s: a protocol deadline, not a benchmark.
    assert reply.ack_seconds is not None
    assert reply.ack_seconds < 3.0


async def test_commands_synced_to_the_guild(fake: FakeDiscord, bot: BotProcess) -> None:
    scope = str(fake.guild().id)
    assert fake.syncs == [scope]
    commands = {c["name"]: c for c in fake.commands[scope]}
    assert set(commands) == {
        "summary",
        "articles",
        "person",
        "people",
        "claims",
        "about",
        "digest",
        "stats",
        "privacy",
        "ping",
        "article",
        "follow",
        "unfollow",
        "following",
        "help",
        "org",
        "setup",
        "moves",
        "story",
        "stories",
        "story-channel",
        "feed",
        "filter",
    }
    for managed in ("feed", "filter"):  # a server's feeds and filters: Manage Server, in servers only
        assert int(commands[managed]["default_member_permissions"]) == 1 << 5 and commands[managed][
            "contexts"
        ] == [0]
    assert all(
        commands[c]["contexts"] == [0] for c in ("follow", "unfollow", "following", "setup")
    )  # servers only
    channel = commands["story-channel"]
    assert int(channel["default_member_permissions"]) == 1 << 5 and channel["contexts"] == [0]
    digest = commands["digest"]
    assert [o["name"] for o in digest["options"]] == ["set", "edit", "status", "preview", "now", "off"]
    assert int(digest["default_member_permissions"]) == 1 << 5  # Manage Server
    assert digest["contexts"] == [0]  # servers only
    for cmd in commands.values():
        assert 1 <= len(cmd["description"]) <= 100

    def names(cmd: dict[str, Any]) -> list[str]:
        return [o["name"] for o in cmd.get("options", [])]

    assert names(commands["summary"]) == ["article", "length"]
    assert names(commands["articles"]) == ["list", "search"]
    assert names(commands["person"]) == ["name", "show"]
    assert names(commands["moves"]) == ["organization", "days", "kind"]
    assert names(commands["people"]) == ["article"]
    assert names(commands["claims"]) == ["article", "person", "stance", "about", "contested"]
    stance = next(o for o in commands["claims"]["options"] if o["name"] == "stance")
    assert [c["value"] for c in stance["choices"]] == ["asserted", "reported", "denied", "acknowledged"]


async def test_about(fake: FakeDiscord, bot: BotProcess) -> None:
    reply = await fake.command("about")
    assert_acknowledged_in_time(reply)
    assert not reply.ephemeral
    assert "12 articles" in reply.text()
    assert "Newsdesk 0.1.0" in reply.text()
    assert_fits(reply)


async def test_summary_by_autocomplete_and_by_title(fake: FakeDiscord, bot: BotProcess) -> None:
    choices = (await fake.autocomplete("summary", {"article": "intel"}, "article")).choices
    assert choices
    assert len(choices) <= 25
    assert all(1 <= len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)
    assert choices[0]["name"].startswith("Intel turns to Lip-Bu Tan")
    by_id = await fake.command("summary", {"article": choices[0]["value"]})
    by_title = await fake.command("summary", {"article": "Intel turns to Lip-Bu Tan"})
    assert by_id.embeds == by_title.embeds
    text = by_id.text()
    assert "Reportify Research · 2025\\-08\\-23 09:15" not in text  # dates are not escaped needlessly
    assert "Reportify Research · 2025-08-23 09:15" in text
    assert "Intel named former Cadence Design Systems chief executive Lip-Bu Tan" in text
    assert "[3]" in text
    assert_fits(by_id)
    assert_acknowledged_in_time(by_id)


async def test_summary_full_has_every_point(fake: FakeDiscord, bot: BotProcess) -> None:
    short = await fake.command("summary", {"article": "Fed cuts rates"})
    full = await fake.command("summary", {"article": "Fed cuts rates", "length": "full"})
    assert "length: full" in short.text()
    assert "dismissed suggestions that political pressure" in full.text()
    assert_fits(full)


async def test_unknown_article_is_private_and_helpful(fake: FakeDiscord, bot: BotProcess) -> None:
    reply = await fake.command("summary", {"article": "qqqq zzzz"})
    assert reply.ephemeral
    assert "No article matches “qqqq zzzz”" in reply.content
    assert "/articles search" in reply.content


async def test_person_card(fake: FakeDiscord, bot: BotProcess) -> None:
    reply = await fake.command("person", {"name": "Jensen Huang"})
    text = reply.text()
    assert "Nvidia founder and CEO" in text
    assert "黄仁勋" in text
    assert "Claims they made" in text
    assert not reply.ephemeral
    same = await fake.command("person", {"name": "黄仁勋"})
    assert same.embeds == reply.embeds
    assert_fits(reply)


async def test_person_autocomplete(fake: FakeDiscord, bot: BotProcess) -> None:
    for typed in ("hua", "黄", "jensn", "Jensen H"):
        choices = (await fake.autocomplete("person", {"name": typed}, "name")).choices
        assert choices[0] == {"name": "Jensen Huang (黄仁勋) — Nvidia", "value": "Jensen Huang"}, typed
    everyone = (await fake.autocomplete("person", {"name": ""}, "name")).choices
    assert 1 <= len(everyone) <= 25


async def test_unknown_person_did_you_mean(fake: FakeDiscord, bot: BotProcess) -> None:
    reply = await fake.command("person", {"name": "Jensen Hwang"})
    assert reply.ephemeral
    assert reply.content.startswith(
        "No one called “Jensen Hwang” appears in the articles. Did you mean: **Jensen Huang**"
    )
    nobody = await fake.command("person", {"name": "Qqqqqqq"})
    assert nobody.ephemeral
    assert "/people" in nobody.content


async def test_people(fake: FakeDiscord, bot: BotProcess) -> None:
    overall = await fake.command("people")
    assert overall.text().startswith("Most mentioned people")
    assert "**Sam Altman** — OpenAI CEO · 3 articles" in overall.text()
    one = await fake.command("people", {"article": "Samsung"})  # no such article in the corpus
    assert one.ephemeral
    assert "No article matches" in one.content
    in_article = await fake.command("people", {"article": "Switzerland proposes stricter capital rules"})
    assert "Karin Keller-Sutter" in in_article.text()


async def test_claims_filters(fake: FakeDiscord, bot: BotProcess) -> None:
    denied = await fake.command("claims", {"stance": "denied"})
    assert "🔴 denied" in denied.text()
    assert "🟢 asserted" not in denied.text()
    by_person = await fake.command("claims", {"person": "Powell", "stance": "acknowledged"})
    assert "Powell acknowledged that inflation had moved up" in by_person.text()
    about = await fake.command("claims", {"about": "tariff"})
    assert "multi-billion-dollar tariff" in about.text()
    in_article = await fake.command("claims", {"article": "Fed cuts rates"})
    assert "Claims: article “Fed cuts rates" in in_article.text()
    none = await fake.command("claims", {"person": "Jensen Huang", "stance": "acknowledged"})
    assert none.ephemeral
    assert "No claims match person Jensen Huang, stance acknowledged" in none.content
    for reply in (denied, by_person, about, in_article):
        assert_fits(reply)


async def test_claims_autocomplete(fake: FakeDiscord, bot: BotProcess) -> None:
    people = (await fake.autocomplete("claims", {"person": "alt"}, "person")).choices
    assert people[0]["value"] == "Sam Altman"
    articles = (await fake.autocomplete("claims", {"article": "ubs"}, "article")).choices
    assert articles[0]["name"].startswith("Switzerland proposes")


async def test_articles_list_pages_by_button(fake: FakeDiscord, bot: BotProcess) -> None:
    first = await fake.command("articles list")
    assert "page 1/2" in first.text()
    assert first.button("◀ Previous")["disabled"] is True
    second = await fake.press(first, "Next ▶")
    assert second.kind == 7
    assert "page 2/2" in second.text()
    assert second.button("Next ▶")["disabled"] is True
    back = await fake.press(second, "◀ Previous")
    assert "page 1/2" in back.text()


async def test_only_the_invoker_can_turn_pages(fake: FakeDiscord, bot: BotProcess) -> None:
    first = await fake.command("articles list", member="alice")
    refused = await fake.press(first, "Next ▶", member="bob")
    assert refused.ephemeral
    assert "Only the person who ran this command" in refused.content
    assert "page 1/2" in first.text()  # unchanged


async def test_articles_search(fake: FakeDiscord, bot: BotProcess) -> None:
    found = await fake.command("articles search", {"query": "gigawatt"})
    assert "Nvidia plans to invest up to $100 billion" in found.text()
    assert "**gigawatt" in found.text()  # the passage that matched, the match in bold
    nothing = await fake.command("articles search", {"query": "zzzzqqq"})
    assert nothing.ephemeral
    assert "No article mentions “zzzzqqq”" in nothing.content
    either = await fake.command("articles search", {"query": 'zzzzqqq OR "up to $100 billion"'})
    assert "Nvidia plans to invest up to $100 billion" in either.text()
    hostile = await fake.command("articles search", {"query": '") NEAR(* OR 1=1; DROP TABLE articles --'})
    assert "No article mentions" in hostile.content


async def test_hostile_input_does_not_ping_or_break(fake: FakeDiscord, bot: BotProcess) -> None:
    hostile = "@everyone <@123> [x](https://evil.example) **" + "x" * 150
    reply = await fake.command("person", {"name": hostile[:100]})
    assert reply.ephemeral
    assert "@everyone" not in reply.content.replace("@\u200beveryone", "")
    assert "](https://" not in reply.content.replace("\\](https://", "")
    assert len(reply.content) <= 2000


async def test_dropped_gateway_resumes_and_answers(fake: FakeDiscord, bot: BotProcess) -> None:
    before = fake.resumes
    await fake.drop_connection(4000)
    await fake.wait_ready(30)
    assert fake.resumes == before + 1
    reply = await fake.command("about")
    assert "12 articles" in reply.text()


async def test_rate_limited_callback_still_answers(fake: FakeDiscord, bot: BotProcess) -> None:
    fake.fail("POST", r"^/interactions/\d+/[^/]+/callback$", 429, times=1, retry_after=0.3)
    reply = await fake.command("about")
    assert len(reply.callbacks) == 1
    assert "12 articles" in reply.text()
    assert all(f.times == 0 for f in fake.faults)


async def test_every_message_disallows_mentions(fake: FakeDiscord, bot: BotProcess) -> None:
    payloads = fake.all_sent_payloads()
    assert len(payloads) > 20
    for payload in payloads:
        assert payload.get("allowed_mentions") == {"parse": []}, payload


async def test_no_request_went_to_an_unknown_route(fake: FakeDiscord, bot: BotProcess) -> None:
    assert fake.unknown_routes == []


async def test_replies_follow_the_members_language(fake: FakeDiscord, bot: BotProcess) -> None:
    zh = await fake.command("person", {"name": "Qqqzzz"}, member="alice", locale="zh-CN")
    assert zh.content.startswith("文章中没有名为“Qqqzzz”的人。")
    tw = await fake.command("about", member="alice", locale="zh-TW")
    assert "我知道的內容" in tw.text()
    assert "12 篇文章" in tw.text()
    card = await fake.command("person", {"name": "Huang Renxun"}, member="alice", locale="zh-CN")
    assert card.text().startswith(
        "Jensen Huang\nNvidia founder and CEO"
    )  # found by pinyin; role in Chinese order
    assert "其他写法" in card.text()
    fr = await fake.command("person", {"name": "Qqqzzz"}, member="alice", locale="fr")
    assert fr.content.startswith("No one called")  # unsupported language: the server's (en-US), then English


async def test_synced_commands_carry_chinese_names(fake: FakeDiscord, bot: BotProcess) -> None:
    commands = {c["name"]: c for c in fake.commands[str(fake.guild().id)]}
    assert commands["summary"]["name_localizations"] == {"zh-CN": "摘要", "zh-TW": "摘要"}
    assert commands["privacy"]["options"][1]["name_localizations"]["zh-TW"] == "刪除我的記錄"
    for command in commands.values():
        assert set(command["description_localizations"]) == {"zh-CN", "zh-TW"}


async def test_ping_is_a_private_no_op(fake: FakeDiscord, bot: BotProcess) -> None:
    pong = await fake.command("ping", member="alice")
    assert pong.ephemeral
    assert pong.content == "Pong: I'm here and listening."
