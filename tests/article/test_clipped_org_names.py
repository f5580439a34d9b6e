"""A clipped first word ('Fed' for 'Federal Reserve') names the organization the article names in full,
with or without 'the' before it; longer starts and ambiguous clips stay apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.article import Article, load_article

BUNDLED = Path(__file__).resolve().parents[2] / "config" / "articles"


def loaded(body: str) -> Article:
    return load_article(f"Headline\nWire·2025-05-01 10:00\n\nCore Viewpoint - {body}\n")


def orgs(body: str) -> dict[str, list[str]]:
    return {o.name: o.aliases for o in loaded(body).organizations}


@pytest.mark.parametrize(
    ("body", "name", "alias"),
    [
        (
            "The Federal Reserve lowered its rate [1]. Fed Chair Jerome Powell called it prudent [2].",
            "Federal Reserve",
            "Fed",
        ),
        (
            "The Federal Reserve held rates [1]. Fed officials said inflation is easing [2].",
            "Federal Reserve",
            "Fed",
        ),
    ],
)
def test_a_clipped_first_word_alone_joins_the_long_name(body: str, name: str, alias: str) -> None:
    found = orgs(body)
    assert alias not in found, found
    assert alias in found[name]


def test_the_member_of_a_clipped_name_belongs_to_the_long_name() -> None:
    a = loaded("The Federal Reserve lowered its rate [1]. Fed Chair Jerome Powell called it prudent [2].")
    assert {p.name: p.organization for p in a.people}["Jerome Powell"] == "Federal Reserve"


@pytest.mark.parametrize(
    ("body", "short"),
    [
        # two long names it could clip: neither takes it
        (
            "The Federal Reserve and the Federal Trade Commission met [1]. Fed Chair Jerome Powell spoke [2].",
            "Fed",
        ),
        # a longer start is a word of its own
        (
            "Intelligence Advanced Research Projects said it funds chips [1]. Intel shares rose [2].",
            "Intel",
        ),
    ],
)
def test_clipped_names_stay_apart_when_unsure(body: str, short: str) -> None:
    found = orgs(body)
    assert not any(short in aliases for aliases in found.values()), found


def test_bundled_fed_article_names_one_organization() -> None:
    a = load_article((BUNDLED / "10-fed-september-cut.txt").read_bytes())
    assert [(o.name, o.aliases) for o in a.organizations] == [("Federal Reserve", ["Fed"])]
    assert {p.name: p.organization for p in a.people}["Jerome Powell"] == "Federal Reserve"
    assert "Fed" not in {c.speaker for c in a.claims}
