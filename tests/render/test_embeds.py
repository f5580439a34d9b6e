"""Every view of every bundled article fits Discord's limits; paging loses nothing; text is inert."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.article import Article, ArticleFormat, Claim, Person, Point, Section, Stance
from bot.digest.rules import Digest
from bot.ingest.intake import article_files, read_article
from bot.library.core import Library
from bot.render import embeds
from bot.render.embeds import Page
from bot.render.limits import one_line, plain, violations


def as_dicts(page: Page) -> list[dict]:  # type: ignore[type-arg]
    return [e.to_dict() for e in page]


def assert_pages_fit(pages: list[Page]) -> None:
    assert pages
    for page in pages:
        assert violations(None, as_dicts(page)) == []


@pytest.fixture(scope="module")
def library(corpus_dir: Path) -> Library:
    return Library([read_article(p) for p in article_files([corpus_dir])])


def test_every_view_of_every_bundled_article_fits(library: Library) -> None:
    for article in library.articles:
        assert_pages_fit(embeds.summary_pages(article, "short"))
        assert_pages_fit(embeds.summary_pages(article, "full"))
        assert_pages_fit(
            embeds.people_pages(library.people_in(article.id) or library.people[:1], article.title)
        )
        assert_pages_fit(embeds.claims_pages(library.claims(article=article.id), library, article.title))
    for person in library.people:
        assert_pages_fit(embeds.person_pages(person, library))
    assert_pages_fit(embeds.article_list_pages(library.articles, "Newest"))
    assert_pages_fit(embeds.about_pages(library.stats(), "0.1.0", sorted(library.stance_counts().items())))


def test_plain_makes_text_inert() -> None:
    assert plain("@everyone and @here") == "@\u200beveryone and @\u200bhere"
    assert plain("<@123> <@&456> <#789>") == "\\<\u200b@123> \\<\u200b@&456> \\<\u200b#789>"
    assert plain("[x](https://evil)") == "\\[x\\](https://evil)"
    assert plain("||spoiler|| `code` **b**") == "\\|\\|spoiler\\|\\| \\`code\\` \\*\\*b\\*\\*"
    assert plain("# Heading\n> quote\n- item") == "\\# Heading\n\\> quote\n\\- item"
    assert plain("Lip-Bu Tan, 2025-08-23, 1.5x") == "Lip-Bu Tan, 2025-08-23, 1.5x"


text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=600)
long_text = st.text(min_size=1, max_size=2500)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    sections = [
        Section(
            heading=draw(st.one_of(st.none(), text)),
            points=[
                Point(text=draw(long_text), citations=draw(st.lists(st.integers(1, 999), max_size=30)))
                for _ in range(draw(st.integers(0, 12)))
            ],
        )
        for _ in range(draw(st.integers(0, 30)))
    ]
    people = [
        Person(
            name=draw(text),
            aliases=draw(st.lists(text, max_size=5)),
            organization=draw(st.one_of(st.none(), text)),
            role=draw(st.one_of(st.none(), text)),
        )
        for _ in range(draw(st.integers(0, 150)))
    ]
    claims = [
        Claim(
            text=draw(long_text),
            stance=draw(st.sampled_from(list(Stance))),
            speaker=draw(st.one_of(st.none(), text)),
            citations=draw(st.lists(st.integers(1, 99), max_size=10)),
        )
        for _ in range(draw(st.integers(0, 250)))
    ]
    return Article(
        id=draw(st.text(alphabet="0123456789abcdef", min_size=16, max_size=16)),
        title=draw(long_text),
        source=draw(st.one_of(st.none(), text)),
        published_at=draw(st.one_of(st.none(), st.just("2025-01-01T10:00:00"))),
        format=ArticleFormat.SUMMARY,
        core_viewpoint=draw(st.one_of(st.just(""), long_text)),
        sections=sections,
        people=people,
        claims=claims,
    )


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(articles())
def test_any_article_renders_within_limits_and_paging_loses_nothing(article: Article) -> None:
    for length in ("short", "full"):
        assert_pages_fit(embeds.summary_pages(article, length))
    full = embeds.summary_pages(article, "full")
    shown = " ".join(" ".join(f.value.split()) for page in full for e in page for f in e.fields)
    # Every point's start is on some page (points longer than a field continue in the next field).
    for section in article.sections:
        for point in section.points:
            start = " ".join(plain(one_line(point.text)).split())[:40]
            assert start in shown
    library = Library([article])
    assert_pages_fit(embeds.claims_pages(library.claims(), library, article.title))
    listed = embeds.claims_pages(library.claims(), library, "all")
    assert sum(len(e.fields) for page in listed for e in page) >= len(article.claims)
    for person in library.people:
        assert_pages_fit(embeds.person_pages(person, library))
    if library.people:
        assert_pages_fit(embeds.people_pages(library.people, "people"))
    now = datetime(2026, 1, 1, tzinfo=UTC)
    messages = embeds.digest_messages(Digest(now, now, [article] * 12, 3), date(2026, 1, 1))
    assert sum(len(page) for _, page in messages) == 12
    for content, page in messages:
        assert violations(content, as_dicts(page)) == []


def test_digest_messages_fit_and_lose_no_article(library: Library) -> None:
    from datetime import UTC, date, datetime

    from bot.digest.rules import Digest

    many = (library.articles * 3)[:25]
    digest = Digest(
        since=datetime(2026, 1, 1, tzinfo=UTC), until=datetime(2026, 1, 2, tzinfo=UTC), articles=many, more=7
    )
    messages = embeds.digest_messages(digest, date(2026, 1, 2))
    assert sum(len(page) for _, page in messages) == 25
    for content, page in messages:
        assert violations(content, as_dicts(page)) == []
    assert messages[0][0].startswith("📰 **Daily digest** · Friday 02 January 2026 · 32 new articles")
    assert messages[-1][0].endswith("+7 more — `/articles list` shows them all")
    quiet = embeds.digest_messages(Digest(digest.since, digest.until, [], 0), date(2026, 1, 2))
    assert quiet == [("📰 **Daily digest** · Friday 02 January 2026: nothing new since the last digest.", [])]


def test_search_snippet_is_inert_with_the_match_in_bold() -> None:
    from bot.render.embeds import article_list_pages, snippet_line

    line = snippet_line("…the \x02foundry\x03 plan *stays* @everyone <@123> [x](https://evil.example) \x07")
    assert line.startswith("…the **foundry** plan \\*stays\\*")
    assert "@everyone" not in line.replace("@\u200beveryone", "")
    assert "](https://" not in line.replace("\\](https://", "")
    assert "\x07" not in line
    assert len(snippet_line("a" * 5000 + " \x02hit\x03")) <= 200
    odd = snippet_line("\x02**\x03 \x02 unclosed")
    assert odd.startswith("**\\*\\***") and odd.endswith("unclosed") and "\x02" not in odd
    from bot.article import load_article

    article = load_article(
        "Intel names a new chief\nWire·2025-03-13 08:30\n\nCore Viewpoint - Intel named Lip-Bu Tan CEO [1].\n"
    )
    (page,) = article_list_pages(
        [article], "Matching", snippets={article.id: "Intel named \x02Lip\x03-Bu Tan"}
    )
    assert "\n   > Intel named **Lip**" in str(page[0].description)
