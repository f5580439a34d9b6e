"""Fuzz (issue 21, property tests): any text, bytes or Article JSON through ``load_article``, the Library and the
renderers either is refused with an ``ArticleError`` or gives pages within Discord's limits.

Inputs mix the shapes the parser looks for (title, ``Source·date`` line, ``Key Points``, ``Group N:``, bullets,
citation marks, names in both scripts, figures, speech verbs) with arbitrary text, so hypothesis reaches the
parser's branches rather than only its first refusal. Time is not asserted here: the bench's linear-time
section measures it. The per-example deadline is generous on purpose (a shared 2-core machine) and only catches
an input that hangs.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from bot.article import Article, ArticleError, load_article
from bot.library.core import Library
from bot.render import embeds
from bot.render.limits import violations

FUZZ = settings(
    max_examples=200,
    deadline=timedelta(seconds=20),  # a hang, not a slow machine
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

FRAGMENTS = [
    "Reportify Research·2025-08-23 09:15",
    "Reuters · 2024-01-05",
    "Key Points：",
    "Key Points: ",
    "Core viewpoint: ",
    "Group 1 - ",
    "Group 2: Chips - ",
    "\n- ",
    " - ",
    "• ",
    "［1］",
    "[2][3]",
    "【4】",
    "Jensen Huang",
    "黄仁勋",
    "黄仁勋 (Jensen Huang)",
    "Lip-Bu Tan",
    "Sam Altman, chief executive of OpenAI,",
    "Nvidia",
    "said",
    "denied",
    "according to",
    "reportedly",
    "acknowledged that",
    "$5 billion",
    "10%",
    "433.3 million shares",
    "表示",
    "否认",
    "据报道",
    "亿美元",
    "。",
    ". ",
    ", ",
    "\n",
    "\n\n",
    "`",
    "**",
    "@everyone",
    "<@123>",
    "[x](https://example.com)",
    "Президент компании заявил",
    "2025年8月23日",
]

piece = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40))
body = st.lists(piece, max_size=80).map("".join)
title = st.one_of(st.text(max_size=120), st.lists(piece, min_size=1, max_size=8).map(" ".join))


@st.composite
def article_text(draw: st.DrawFn) -> str:
    lines = [draw(title)]
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(FRAGMENTS[:2])))
    lines += ["", draw(body)]
    if draw(st.booleans()):
        lines += ["", draw(body)]
    return "\n".join(lines)


json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=60),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=25,
)


def _bundled_json() -> dict[str, Any]:
    root = Path(__file__).resolve().parent.parent / "config" / "articles"
    article = load_article((root / "02-intel-lip-bu-tan.txt").read_bytes())
    return json.loads(article.model_dump_json())


BASE = _bundled_json()
KEYS = [*sorted(BASE), "sections.0.points.0.text", "people.0.name", "people.0.aliases", "claims.0.speaker"]


def _set(data: Any, dotted: str, value: Any) -> None:
    *path, last = dotted.split(".")
    for part in path:
        try:
            data = data[int(part)] if isinstance(data, list) else data[part]
        except (KeyError, IndexError, TypeError, ValueError):
            return
    if isinstance(data, list):
        if data:
            data[0] = value
    elif isinstance(data, dict):
        data[last] = value


@st.composite
def article_json(draw: st.DrawFn) -> str:
    """A real article's JSON with some fields replaced by arbitrary values (or removed)."""
    data = json.loads(json.dumps(BASE))
    for key in draw(st.lists(st.sampled_from(KEYS), max_size=4)):
        if draw(st.booleans()) and "." not in key:
            data.pop(key, None)
        else:
            _set(data, key, draw(st.one_of(json_value, title, body)))
    return json.dumps(data, ensure_ascii=draw(st.booleans()))


inputs = st.one_of(
    article_text(),
    article_text().map(lambda s: s.encode("utf-8")),
    article_json(),
    st.binary(max_size=400),
    st.text(max_size=400),
)


def assert_fits(pages: list[embeds.Page]) -> None:
    assert pages
    for page in pages:
        problems = violations(None, [e.to_dict() for e in page])
        assert problems == [], problems


def render_everything(article: Article) -> None:
    library = Library([article])
    for length in ("short", "full"):
        assert_fits(embeds.summary_pages(article, length))
    assert_fits(embeds.claims_pages(library.claims(), library, article.title))
    assert_fits(embeds.claims_pages(library.claims(article=article.id), library, article.title))
    for person in library.people:
        assert_fits(embeds.person_pages(person, library))
        assert_fits(embeds.claims_pages(library.claims(person=person.name), library, person.name))
    if library.people:
        assert_fits(embeds.people_pages(library.people, article.title))
    assert_fits(embeds.article_list_pages(library.articles, "Newest"))


@FUZZ
@given(inputs)
def test_any_input_is_refused_with_a_reason_or_renders_within_limits(data: str | bytes) -> None:
    try:
        article = load_article(data)
    except ArticleError as exc:
        reason = str(exc).strip()
    else:
        event(f"read: people {bool(article.people)}, claims {bool(article.claims)}")
        render_everything(article)
        return
    event("refused")
    assert reason, "a refusal says why"
    assert "\n" not in reason, "in one line"
