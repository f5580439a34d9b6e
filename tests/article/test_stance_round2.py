"""Stance in ordinary wording, round 2 (issue 16): sentences written here, names made up."""

from __future__ import annotations

import pytest

from bot.article import Stance
from tests.article.test_real_news import claim_of
from tests.article.test_stance_real import claims_of


@pytest.mark.parametrize(
    "sentence",
    [
        "Tarnow said the suit brought by its former supplier was frivolous.",
        'The retailer described the complaint as "sham litigation" meant to hurt its sales.',
        "Tarnow said the story was false and defamatory and would be answered in court.",
        "The broker called the rumour defamatory claims spread by rivals.",
        "公司表示，网传内容与事实严重不符。",
        "公司称，市场传言均系谣言。",
    ],
)
def test_dismissive_words_for_a_report_or_lawsuit_deny_it(sentence: str) -> None:
    assert claim_of(sentence, sentence[:8]).stance is Stance.DENIED, sentence


def test_there_is_no_x_answering_a_report_denies_it() -> None:
    claims = claims_of(
        "A trade weekly reported on Monday that Tarnow was about to close its Leeds plant.\n\n"
        "There is no plan to close the plant, a Tarnow spokeswoman said."
    )
    assert claims[-1].stance is Stance.DENIED


def test_there_is_no_x_alone_is_a_plain_statement() -> None:
    sentence = "There is no train service on Sundays, the operator said."
    assert claim_of(sentence, "There is no").stance is Stance.ASSERTED


@pytest.mark.parametrize(
    "sentence",
    [
        "Tarnow said its service fell badly short of what customers expect.",
        "We failed our riders this winter, the operator's chief said.",
        "Tarnow said it had not lived up to its own safety rules.",
        "Calder Bank confirmed that it was under investigation by the regulator.",
        "本人因对相关情况把握不准，导致文章多处与事实不符。",
        "该报表示，由于我们的工作失误，刊发了失实报道，特此向读者致歉。",
        "记者李某就不实内容向公司致歉。",
        "《东岸日報》稱，由於我們的工作失誤，對此向讀者致歉。",
    ],
)
def test_admissions_worded_as_failing_or_apologising(sentence: str) -> None:
    assert claim_of(sentence, sentence[:6]).stance is Stance.ACKNOWLEDGED, sentence


def test_confirming_there_was_no_basis_is_still_a_denial() -> None:
    sentence = "Tarnow confirmed there was no basis to the report."
    assert claim_of(sentence, sentence[:8]).stance is Stance.DENIED


@pytest.mark.parametrize(
    "sentence",
    [
        "公司表示，一系列谣言给公司造成了重大损失。",
        "公司将依法追究造谣者的法律责任。",
        "公司要求相关平台删除谣言帖子。",
        "他还透露，公众号文章都是本人撰写，并非他人代笔。",
    ],
)
def test_naming_a_rumour_or_threatening_to_sue_is_no_denial(sentence: str) -> None:
    assert claim_of(sentence, sentence[:4]).stance is not Stance.DENIED, sentence


def test_traditional_characters_deny_too() -> None:
    sentence = "公司發布聲明稱，相關傳聞純屬虛構，並不屬實。"
    assert claim_of(sentence, sentence[:4]).stance is Stance.DENIED


def test_unnamed_relevant_parties_are_hearsay() -> None:
    sentence = "据相关方面介绍，两家公司的合作与此次调整无关。"
    claim = claim_of(sentence, sentence[:4])
    assert claim.stance is Stance.REPORTED


def test_a_rumour_noun_alone_is_not_hearsay() -> None:
    sentence = "她认为没有必要回应，因为公司每天都面对众多传闻。"
    assert claim_of(sentence, sentence[:4]).stance is not Stance.REPORTED


@pytest.mark.parametrize(
    "sentence",
    [
        "市场传闻青禾集团正在洽谈收购。",
        "坊间传言两家公司即将合并。",
        "有网友称青禾集团高管已被带走。",
        "网上流传着一份裁员名单。",
    ],
)
def test_rumour_network_wording_is_hearsay(sentence: str) -> None:
    assert claim_of(sentence, sentence[:4]).stance is Stance.REPORTED, sentence
