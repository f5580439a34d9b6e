"""Stance and speaker as real news writes them (issue 16): sentences written here, names made up."""

from __future__ import annotations

import pytest

from bot.article import Stance, load_article


def claim_of(body: str, start: str):  # type: ignore[no-untyped-def]
    article = load_article(
        "Headline for the story\n\nThe lead paragraph sets the scene for readers.\n\n" + body
    )
    return next(c for c in article.claims if c.text.startswith(start))


@pytest.mark.parametrize(
    "sentence",
    [
        'Veltro, in a filing, called the memo "false, one-sided and misleading."',
        "Harlan Pike said the account was utterly false.",
        '"That is absolutely false," she added.',
        "The carrier said the accusations were groundless.",
        "Pike said there was no foundation to the accusations of bribery.",
        "Pike never threatened the reporter, a spokesman said.",
        "We looked into it and we found nothing, a board member said.",
        'Pike "flatly rejected" claims made by the buyer.',
        "Veltro said it disagrees with the findings of the inspector.",
        "Veltro has not paid the consultant, the firm said.",
        "A note claiming that Veltro received a takeover offer is fake, the company said.",
        "Pike attacked the weekly over an article with allegedly false claims about his pay.",
        "The panel found no evidence that the auditors had taken bribes.",
        "The records do not support claims of a cover-up, Pike wrote.",
        "公司表示，上述消息与事实不符。",
        "公司称，网传消息并非事实，董事长从没有接受调查。",
        "公司未曾收到任何问询，相关说法不属实。",
        "公司发布声明，称有人恶意散播谣言。",
    ],
)
def test_denials_without_a_deny_word(sentence: str) -> None:
    assert claim_of(sentence, sentence[:8]).stance is Stance.DENIED


def test_a_rumour_answered_with_did_not_is_a_denial() -> None:
    body = "市场传言监管部门限制了该公司上市。\n\n监管部门表示，未对该公司出台限制政策，也未开展调查。"
    assert claim_of(body, "监管部门表示").stance is Stance.DENIED


@pytest.mark.parametrize(
    "sentence",
    [
        '"My joke was inappropriate and just plain wrong," Tamsin Ode said.',
        "On Monday, Ode walked back her remarks.",
        "Ode said she made a mistake in the interview.",
        '"I was wrong to say it," Ode told the podcast.',
        '"Our answer was not consistent with how we treat customers," Ode wrote.',
        "董秘表示，这是个人失误，对规则认识不足。",
    ],
)
def test_admissions_without_an_admit_word(sentence: str) -> None:
    assert claim_of(sentence, sentence[:8]).stance is Stance.ACKNOWLEDGED


@pytest.mark.parametrize(
    "sentence",
    [
        "市场有传言称该公司将被收购。",
        "一些网友声称在现场见到了董事长。",
        "据本地晚报报道，该工厂已停产。",
        "The report added that it was unclear who had signed the deal.",
    ],
)
def test_hearsay_without_a_report_word(sentence: str) -> None:
    assert claim_of(sentence, sentence[:8]).stance is Stance.REPORTED


def test_plain_statements_stay_asserted() -> None:
    for sentence in (
        "Veltro opened a plant in Leeds and hired 300 workers.",
        "Pike said the quarter was the strongest in the firm's history.",
        "公司表示，新工厂将于明年投产。",
    ):
        assert claim_of(sentence, sentence[:8]).stance is Stance.ASSERTED, sentence
