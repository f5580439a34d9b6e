"""Who says it, as news writes attributions (issue 16): sentences written here, names made up."""

from __future__ import annotations

import pytest

from bot.article import Stance, load_article
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


def test_he_right_before_the_verb_is_the_person_named_in_the_leading_clause() -> None:
    body = "In a memo by Dana Whitfield, head of Orbital's cloud unit, she admitted that the team had fallen short."
    assert claim_of(body, "In a memo").speaker == "Dana Whitfield"


def test_the_company_described_after_the_statement_is_the_organization_named_in_it() -> None:
    body = (
        "Orbital Holdings is planning for the succession of Chief Executive Dana Whitfield as "
        "“a routine matter,” the software company said on Sunday."
    )
    assert claim_of(body, "Orbital Holdings is").speaker == "Orbital Holdings"


def test_an_outlet_is_never_the_company_of_a_later_statement() -> None:
    body = (
        "Orbital Holdings shares fell after Reuters reported a probe.\n\n"
        "Reuters has not seen the filing.\n\n"
        '"We will not be distracted by speculation," the company said in a statement.'
    )
    assert claim_of(body, '"We will not').speaker == "Orbital Holdings"


def test_an_outlet_that_cites_sources_reports_and_the_newspaper_is_that_outlet() -> None:
    body = (
        "The Financial Times cited two people as saying Orbital had hired advisers. "
        "The talks were at an early stage, the newspaper said."
    )
    first = claim_of(body, "The Financial Times cited")
    assert (first.stance, first.speaker) == (Stance.REPORTED, "Financial Times")
    second = claim_of(body, "The talks were")
    assert (second.stance, second.speaker) == (Stance.REPORTED, "Financial Times")


def test_the_paper_added_is_reported_by_the_outlet() -> None:
    body = "Orbital is hunting for a new chair, the Financial Times reported.\n\nThe paper added that a shortlist exists."
    claim = claim_of(body, "The paper added")
    assert (claim.stance, claim.speaker) == (Stance.REPORTED, "Financial Times")


def test_a_newspaper_keeps_the_place_in_its_name() -> None:
    body = "Staff were proud of the deal, the New York Post reported on Friday."
    assert claim_of(body, "Staff were").speaker == "New York Post"


def _texts(body: str) -> list[str]:
    article = load_article(
        "Headline for the story\n\nThe lead paragraph sets the scene for readers.\n\n" + body
    )
    return [c.text for c in article.claims]


def test_declining_to_comment_is_no_claim() -> None:
    """Issue 20: 'X declined to comment' was stored as a claim X asserted; it says nothing."""
    for refusal in (
        "Orbital declined to comment.",
        "Lumen declined to comment on the report, which cited one unnamed source.",
        "Dana Whitfield did not immediately respond to a request for comment.",
        "Representatives for Orbital and Lumen had no immediate comment.",
        "Kestrel could not be reached for comment on Sunday.",
        "Orbital declined to comment and a spokesman for Lumen declined to comment on the talks.",
        "对此，奥比特公司拒绝置评。",
        "截至发稿，奥比特公司未回应记者的采访请求。",
    ):
        texts = _texts("Orbital said profits rose.\n\n" + refusal)
        assert texts[-1] == "Orbital said profits rose.", refusal


def test_a_refusal_that_goes_on_to_say_something_is_kept() -> None:
    for kept in (
        "Orbital declined to comment but said the plant stays open.",
        'Lumen declined to comment, calling the report "speculation".',
        "奥比特公司拒绝置评，但表示工厂运转正常。",
    ):
        assert _texts(kept)[-1] == kept


def test_chinese_he_or_she_before_the_verb_is_the_person_named_before() -> None:
    body = "王志远称，公司运营一切正常。\n\n他表示，有关传闻不属实。\n\n她最后称，公司会依法公告。"
    assert claim_of(body, "他表示").speaker == "王志远"
    assert claim_of(body, "她最后称").speaker == "王志远"


def test_chinese_verbs_of_saying_written_and_told() -> None:
    body = "董事长王志远在微博中写道：“我从没有转发该消息。”\n\n总经理刘德明对记者说：“我不清楚此事。”"
    assert claim_of(body, "董事长王志远").speaker == "王志远"
    assert claim_of(body, "总经理刘德明").speaker == "刘德明"
    body = "董事长王志远在微博中辟谣，称从未接受调查。\n\n据说，公司运营正常。"
    assert claim_of(body, "董事长王志远在微博").speaker == "王志远"
    assert claim_of(body, "据说").speaker is None


@pytest.mark.parametrize(
    "sentence",
    [
        '"Orbital never had any talks with Lumen," Dana Whitfield said.',
        "Dana Whitfield said her firm has never held merger discussions with anyone.",
        '"It is a hoax," said Orbital spokeswoman Dana Whitfield.',
        "Orbital dismissed as a hoax a release claiming a buyout.",
        '"That\'s not our statement," Dana Whitfield said.',
        "Orbital has brushed off reports that it was for sale.",
        '"We will not be distracted by this meritless speculation," the company said.',
        "“I'm not planning to go anywhere,” Dana Whitfield said.",
    ],
)
def test_denials_by_their_substance(sentence: str) -> None:
    assert claim_of(sentence, sentence[:8]).stance is Stance.DENIED


@pytest.mark.parametrize(
    "sentence",
    [
        '"The agency did not follow its own standards," spokesman Piet Vandermolen said.',
        '"We have fallen short of what customers expect," Dana Whitfield wrote.',
    ],
)
def test_admissions_by_their_substance(sentence: str) -> None:
    assert claim_of(sentence, sentence[:8]).stance is Stance.ACKNOWLEDGED


def test_a_chinese_market_rumour_is_reported() -> None:
    assert claim_of("有市场消息称，奥比特公司董事长被带走。", "有市场").stance is Stance.REPORTED


def test_a_name_after_a_closing_straight_quote_is_outside_the_quotation() -> None:
    body = (
        '"Orbital never held talks with Lumen," George Vandermolen, the chief executive, said in an e-mail.'
    )
    article = load_article(
        "Headline for the story\n\nThe lead paragraph sets the scene for readers.\n\n" + body
    )
    assert [p.name for p in article.people] == ["George Vandermolen"]
    assert claim_of(body, '"Orbital').speaker == "George Vandermolen"
    body = '"George Vandermolen knew," the buyer said.'  # a name that opens the quotation is a word of it
    assert claim_of(body, '"George').speaker != "George Vandermolen"


def test_an_outlet_named_after_the_statement_reports_it() -> None:
    body = (
        "Staff were proud of the deal, the New York Post reported on Friday.\n\n"
        "Dana Whitfield gave staff a bonus, the Post said."
    )
    claim = claim_of(body, "Dana Whitfield gave")
    assert (claim.stance, claim.speaker) == (Stance.REPORTED, "New York Post")


def test_a_chinese_surname_beyond_the_list_between_a_role_and_a_title() -> None:
    body = "记者联系到公司负责人茅永小姐。\n\n茅永告诉记者，工厂运转正常。\n\n她最后称，公司会依法公告。"
    article = load_article("标题在此\n\n导语一句交代背景。\n\n" + body)
    assert [p.name for p in article.people] == ["茅永"]
    assert claim_of(body, "她最后称").speaker == "茅永"
