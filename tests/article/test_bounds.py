"""Bounds that keep every input linear: name lengths at extraction and at JSON load, and the shapes of what a
long or repetitive input yields. Time itself is measured by ``python -m bot bench`` (linear-time section),
never asserted here."""

from __future__ import annotations

import json

from bot.article import Article, load_article
from bot.article.model import MAX_NAME_CHARS, MAX_NAME_WORDS, MAX_ORG_CHARS, MAX_ORG_WORDS
from bot.article.names import mention_pattern
from bot.article.sentences import split_sentences
from tools.bench import WORST_CASES, worst_case_text


def _within(article: Article) -> None:
    for p in article.people:
        for form in (p.name, *p.aliases):
            assert len(form) <= MAX_NAME_CHARS and len(form.split()) <= MAX_NAME_WORDS, form
    for o in article.organizations:
        assert len(o.name) <= MAX_ORG_CHARS and len(o.name.split()) <= MAX_ORG_WORDS, o.name


def test_article_json_drops_names_over_the_bounds() -> None:
    data = {
        "id": "x",
        "title": "A long name",
        "people": [
            {"name": "黄" * 5000, "aliases": ["Huang"]},
            {"name": "Jensen Huang", "aliases": ["黄仁勋" * 100, "黄仁勋", "A B C D E F G"]},
            {"name": "One Two Three Four Five Six Seven"},
        ],
        "organizations": [{"name": "Nvidia " * 40}, {"name": "Nvidia", "aliases": ["N" * 500]}],
        "claims": [{"text": "It grew.", "speaker": "x" * 1000}],
    }
    a = load_article(json.dumps(data, ensure_ascii=False))
    assert [(p.name, p.aliases) for p in a.people] == [("Jensen Huang", ["黄仁勋"])]
    assert [(o.name, o.aliases) for o in a.organizations] == [("Nvidia", [])]
    assert a.claims[0].speaker is None


def test_every_generated_worst_case_yields_bounded_names() -> None:
    for case in WORST_CASES:
        _within(load_article(worst_case_text(case, 6_000)))


def test_a_long_run_of_capitalised_words_is_no_person() -> None:
    words = " ".join(f"Word{chr(97 + i % 26)}x" for i in range(40))
    a = load_article(f"Headline\n\nThe lead paragraph is here.\n\nAnalysts said {words} grew today.")
    _within(a)
    assert a.people == []


def test_names_in_two_scripts_repeated_are_one_person() -> None:
    body = "黄仁勋 (Jensen Huang) 表示需求强劲。" * 300
    a = load_article(f"新闻\n\n这是导语。\n\n{body}")
    assert [p.name for p in a.people] == ["Jensen Huang"]
    assert "黄仁勋" in a.people[0].aliases


def test_mention_pattern_prefers_the_longest_form_and_whole_words() -> None:
    pattern = mention_pattern(["Mark Chen", "Chen", "Mark", "OpenAI", "Open", "黄仁勋"])
    assert pattern is not None
    text = "Mark Chen and Chen, Cheng, Mark-x OpenAI Open 黄仁勋说 Marks"
    assert [m.group(0) for m in pattern.finditer(text)] == ["Mark Chen", "Chen", "OpenAI", "Open", "黄仁勋"]
    assert mention_pattern([]) is None


def test_initials_and_long_words_split_as_before() -> None:
    assert split_sentences("C.C. Wei said so. J.P. Morgan agreed.") == [
        "C.C. Wei said so.",
        "J.P. Morgan agreed.",
    ]
    assert split_sentences("A. " * 5 + "End. Next one.") == ["A. A. A. A. A. End.", "Next one."]
    long_word = "x" * 500
    assert split_sentences(f"It is {long_word}. Then more.") == [f"It is {long_word}.", "Then more."]


def test_figures_in_long_digit_runs() -> None:
    a = load_article(
        "Headline\n\nThe lead paragraph is here.\n\nRevenue was " + "1" * 5000 + " dollars today."
    )
    figures = [f for c in a.claims for f in c.figures]
    assert len(figures) <= 1
