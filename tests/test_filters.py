"""Filter rules (pure): words in any script, people by any spelling, organizations, stance, source; excludes
win, kinds combine with AND, rules of one kind with OR."""

from __future__ import annotations

import pytest

from bot.article import load_article
from bot.filters import Kind, Rule, RuleError, StoredRule, parse_rule, passes, rules_for

DOCK = load_article(
    "Crane drivers walk out at the east quay\nHarbour Desk·2026-03-04 09:00\n\n"
    "Core Viewpoint - Crane drivers at the east quay stopped work over the new shift rota [1].\n"
    "Group 1: The dispute - Northport chief executive Mara Quist denied that the rota was unsafe [2]. "
    "The union reportedly asked for talks with Northport Holdings [3].\n"
)
ZH = load_article(
    "码头工人罢工\n港口日报·2026-03-05 10:00\n\n核心观点 - 东码头的起重机司机因新排班表停工 [1]。\n"
)


def rules(*texts: str) -> list[Rule]:
    return [parse_rule(t) for t in texts]


def test_parse_rule_forms() -> None:
    assert parse_rule("word:tariff") == Rule(Kind.WORD, "tariff")
    assert parse_rule("-word: rumour ") == Rule(Kind.WORD, "rumour", exclude=True)
    assert parse_rule("Person:Mara Quist") == Rule(Kind.PERSON, "Mara Quist")
    assert parse_rule("stance:DENIED") == Rule(Kind.STANCE, "denied")
    assert str(parse_rule("-source:Harbour Desk")) == "-source:Harbour Desk"
    assert parse_rule("word:time: 08:30") == Rule(Kind.WORD, "time: 08:30")
    for bad in ("", "word:", "-", "stance:maybe", "word:" + "x" * 101, "word: !!"):
        with pytest.raises(RuleError):
            parse_rule(bad)


def test_a_rule_without_a_known_kind_is_refused_with_a_hint() -> None:
    for text, hint in (
        ("bogus", "word:bogus"),
        ("-gossip", "-word:gossip"),
        ("peson:Mara Quist", "word:peson:Mara Quist"),
    ):
        with pytest.raises(RuleError) as caught:
            parse_rule(text)
        assert caught.value.key == "no_kind" and caught.value.values["hint"] == hint
        assert f"use {hint}" in str(caught.value) and "stance:" in str(caught.value)


def test_words_match_whole_words_in_any_script() -> None:
    assert passes(DOCK, rules("word:shift rota"))
    assert passes(DOCK, rules("word:QUAY"))
    assert not passes(DOCK, rules("word:rot"))  # a part of a word is not the word
    assert passes(ZH, rules("word:起重机")) and not passes(ZH, rules("word:工资"))


def test_people_organizations_stance_and_source() -> None:
    assert passes(DOCK, rules("person:mara quist")) and not passes(DOCK, rules("person:Ilse Varga"))
    assert passes(DOCK, rules("org:Northport"))
    assert passes(DOCK, rules("stance:denied")) and not passes(DOCK, rules("stance:acknowledged"))
    assert passes(DOCK, rules("source:harbour desk")) and not passes(ZH, rules("source:harbour desk"))


def test_rules_for_a_destination() -> None:
    stored = [
        ("all", "-word:crane"),
        ("feeds", "stance:denied"),
        ("digest", "person:Ilse Varga"),
        ("alerts", "stance:x"),
    ]
    assert [str(r) for r in rules_for(stored, "feeds")] == ["-word:crane", "stance:denied"]
    assert [str(r) for r in rules_for(stored, "alerts")] == ["-word:crane"]  # a broken stored rule is skipped


def test_rules_for_a_channel_or_a_feed_apply_there_only() -> None:
    stored = [
        StoredRule("all", "-word:crane"),
        StoredRule("feeds", "stance:denied", channel_id=10),
        StoredRule("all", "person:Ilse Varga", channel_id=20),
        StoredRule("feeds", "-word:rumour", feed_id=4),
        StoredRule("feeds", "source:Wire", channel_id=10, feed_id=5),
    ]

    def named(**where: int) -> list[str]:
        return [str(r) for r in rules_for(stored, "feeds", **where)]

    assert named() == ["-word:crane"]  # no channel or feed known: only the rules for everywhere
    assert named(channel_id=10) == ["-word:crane", "stance:denied"]
    assert named(channel_id=10, feed_id=4) == ["-word:crane", "stance:denied", "-word:rumour"]
    assert named(channel_id=10, feed_id=5) == ["-word:crane", "stance:denied", "source:Wire"]
    assert named(channel_id=20, feed_id=5) == ["-word:crane", "person:Ilse Varga"]  # both must hold
    # the digest posted in channel 20: that channel's rules for everything; feed rules never
    assert [str(r) for r in rules_for(stored, "digest", channel_id=20)] == [
        "-word:crane",
        "person:Ilse Varga",
    ]
    assert [str(r) for r in rules_for(stored, "digest", channel_id=10)] == ["-word:crane"]


def test_excludes_win_and_kinds_combine() -> None:
    assert passes(DOCK, [])  # no rules: everything passes
    assert not passes(DOCK, rules("stance:denied", "-word:crane"))
    assert passes(DOCK, rules("person:Ilse Varga", "person:Mara Quist"))  # one kind: any of them
    assert not passes(DOCK, rules("person:Mara Quist", "stance:acknowledged"))  # two kinds: both
    assert passes(DOCK, rules("person:Mara Quist", "stance:denied", "-source:Ferry Desk"))
