"""Issue 21 item 11: a plain article that is one paragraph on one line is read (the title made from its first
sentence), not refused as a headline without a body; a lone one-sentence line is still refused with its reason."""

from __future__ import annotations

import pytest

from bot.article import ArticleError, load_article

PARAGRAPH = (
    "Chair Ana Ruiz said on Monday that the central bank would hold rates. "
    "Analysts at Kestrel Wire expect two cuts next year. Officials declined to comment."
)


def test_one_paragraph_on_one_line_is_an_article() -> None:
    article = load_article(PARAGRAPH)
    assert article.title == "Chair Ana Ruiz said on Monday that the central bank would hold rates."
    assert article.format.value == "plain"
    assert "two cuts next year" in article.all_text()
    assert [p.name for p in article.people] == ["Ana Ruiz"]


def test_one_sentence_alone_is_still_refused_with_its_reason() -> None:
    with pytest.raises(ArticleError, match="headline but no article text"):
        load_article("Central bank holds rates")
