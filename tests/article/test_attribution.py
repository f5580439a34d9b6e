"""Who says it, as news writes attributions (issue 16): sentences written here, names made up."""

from __future__ import annotations

from bot.article import load_article
from tests.article.test_real_news import claim_of


def test_an_inverted_attribution_names_the_person_not_her_company() -> None:
    body = '"It is a forgery," said Orbital spokeswoman Dana Whitfield.'
    assert claim_of(body, '"It is a forgery').speaker == "Dana Whitfield"


def test_a_pronoun_inside_the_quotation_is_not_the_speaker() -> None:
    body = (
        "The report by Lumen Research, run by Piet Vandermolen, hit the shares.\n\n"
        '"His aim is to scare people. He wanted a sell-off," said Chief Executive Dana Whitfield.'
    )
    assert claim_of(body, "He wanted").speaker == "Dana Whitfield"
    assert claim_of(body, '"His aim').speaker == "Dana Whitfield"


def test_a_quotation_opened_after_said_does_not_hide_the_speaker_before_it() -> None:
    body = 'Dana Whitfield, head of cloud at Orbital, said: "We let customers down. We will fix it."'
    assert claim_of(body, "Dana Whitfield").speaker == "Dana Whitfield"
    assert claim_of(body, "We will fix").speaker == "Dana Whitfield"


def test_a_long_quotation_takes_the_speaker_named_after_it() -> None:
    body = "“I made mistakes. I regret them. I take full responsibility,” said Orbital chairman Piet Vandermolen."
    article = load_article(
        "Headline for the story\n\nThe lead paragraph sets the scene for readers.\n\n" + body
    )
    assert [c.speaker for c in article.claims[1:]] == ["Piet Vandermolen"] * 3
