"""An article's link: a URL on its own first line or a Source:/来源： line is the address, not the title."""

from __future__ import annotations

import json

import pytest

from bot.article import load_article
from bot.article.links import clean_url, link_line

BODY = (
    "Harbor cranes idle as dock workers walk out\n"
    "Coastline Wire·2026-03-04 09:15\n\n"
    "Core Viewpoint - Dock workers at the northern port stopped work over pay [1].\n"
    "Group 1: The strike - Union leader Mara Quist said the talks had failed [2]. "
    "The port authority denied that wages had been cut [3].\n"
)


def test_bare_url_on_first_line_is_the_link_not_the_title() -> None:
    article = load_article("https://news.example.org/ports/strike-42\n\n" + BODY)
    assert article.url == "https://news.example.org/ports/strike-42"
    assert article.title == "Harbor cranes idle as dock workers walk out"
    assert article.source == "Coastline Wire"


@pytest.mark.parametrize("lead", ["Source: ", "source：", "来源：", "Link: "])
def test_source_line_with_url_on_first_line(lead: str) -> None:
    article = load_article(f"{lead}https://news.example.org/a?id=7\n" + BODY)
    assert article.url == "https://news.example.org/a?id=7"
    assert article.title.startswith("Harbor cranes")


def test_source_line_under_the_headline_gives_the_link() -> None:
    head, rest = BODY.split("\n", 1)
    article = load_article(f"{head}\n来源：https://news.example.org/zh/9\n{rest}")
    assert article.url == "https://news.example.org/zh/9"
    assert article.source == "Coastline Wire"
    assert "news.example.org" not in article.core_viewpoint


def test_source_line_naming_an_outlet_is_no_link() -> None:
    assert link_line("Source: Coastline Wire") is None
    article = load_article(BODY)
    assert article.url is None


def test_a_link_alone_is_refused() -> None:
    with pytest.raises(Exception, match="only a link"):
        load_article("https://news.example.org/x\n\n")


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        ("https://a.example/x.", "https://a.example/x"),
        ("<https://a.example/x>", "https://a.example/x"),
        ("https://a.example/wiki/Foo_(bar)", "https://a.example/wiki/Foo_(bar)"),
        ("https://a.example/x)", "https://a.example/x"),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("ftp://a.example/x", None),
        ("https://", None),
        ("https://a.example/" + "x" * 2000, None),
        ('https://a.example/"onmouseover', None),
    ],
)
def test_clean_url(raw: str, kept: str | None) -> None:
    assert clean_url(raw) == kept


def test_article_json_url_is_cleaned() -> None:
    good = load_article(json.dumps({"title": "T", "url": "https://a.example/1"}))
    bad = load_article(json.dumps({"title": "T", "url": "javascript:alert(1)"}))
    assert good.url == "https://a.example/1"
    assert bad.url is None
