"""Chinese speakers, round 2 (issue 16): sentences written here, names made up."""

from __future__ import annotations

from bot.article import Stance
from tests.article.test_stance_real import claims_of


def by_start(body: str) -> dict[str, tuple[str | None, Stance]]:
    return {c.text[:6]: (c.speaker, c.stance) for c in claims_of(body)}


def test_a_quoted_account_issuing_a_statement_speaks() -> None:
    claims = claims_of("当日晚间，认证为青禾食品官方的账号“青禾之声”发布声明称，该说法纯属无中生有。")
    assert (claims[-1].speaker, claims[-1].stance) == ("青禾之声", Stance.DENIED)


def test_an_organisation_heading_the_clause_issues_the_statement() -> None:
    claims = claims_of(
        "蓝岭汽车法务部官微深夜发布声明，针对网络上的不实信息，公司已报警。\n\n"
        "声明指出，多个账号捏造并散布了虚假信息。"
    )
    assert claims[-2].speaker == "蓝岭汽车"
    assert (claims[-1].speaker, claims[-1].stance) == ("蓝岭汽车", Stance.DENIED)


def test_a_time_word_is_not_an_issuer() -> None:
    claims = claims_of("今天下午发布公告称，工厂将于下月复工。")
    assert claims[-1].speaker is None


def test_later_sentences_referring_back_take_the_source() -> None:
    claims = claims_of(
        "记者联系到青禾食品董事会秘书周明远。\n\n"
        "周明远表示，工厂运转正常。\n\n"
        "至于股东的情况，该人士称目前没有变化。\n\n"
        "对方还透露，新品将在秋季上市。"
    )
    assert [c.speaker for c in claims[-2:]] == ["周明远", "周明远"]


def test_an_outlet_in_title_marks_speaks_for_itself() -> None:
    claims = claims_of("《东岸日报》称，由于我们的工作失误，刊发了不实报道，特此致歉。")
    assert (claims[-1].speaker, claims[-1].stance) == ("东岸日报", Stance.ACKNOWLEDGED)


def test_an_outlet_that_is_spoken_to_is_not_the_speaker() -> None:
    claims = claims_of("青禾集团相关人士向《东岸日报》记者否认了这一传言。")
    assert claims[-1].speaker == "青禾集团"


def test_the_company_apologised_to_is_not_the_speaker() -> None:
    claims = claims_of("记者李明远在社交媒体上就不实内容向青禾集团致歉。")
    assert (claims[-1].speaker, claims[-1].stance) == ("李明远", Stance.ACKNOWLEDGED)


def test_unnamed_relevant_parties_are_no_speaker() -> None:
    claims = claims_of("据相关方面介绍，两家公司的合作与此次调整无关。")
    assert (claims[-1].speaker, claims[-1].stance) == (None, Stance.REPORTED)


def test_a_denial_without_a_subject_goes_on_from_the_company_statement() -> None:
    claims = claims_of("青禾集团发布消息称，近期网络上出现关于停产的不实言论。网传内容与事实严重不符。")
    assert (claims[-1].speaker, claims[-1].stance) == ("青禾集团", Stance.DENIED)


def test_traditional_characters_find_the_company_and_verb() -> None:
    claims = claims_of("青禾集團發布聲明稱，相關傳聞不屬實。")
    assert (claims[-1].speaker, claims[-1].stance) == ("青禾集團", Stance.DENIED)
