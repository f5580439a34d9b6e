"""Stance and speaker as real news writes them (issue 16): sentences written here, names made up."""

from __future__ import annotations

import pytest

from bot.article import Stance, load_article
from tests.article.test_real_news import claim_of


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
        "Pike said the accusations were without foundation.",
        'In a post, Pike called the story "complete nonsense."',
        'Veltro said the memo was "inaccurate."',
        "Veltro said the story is 'not accurate'.",
        'Veltro said it "strongly disagrees" with the report.',
        'Veltro called the short seller\'s note "a pack of lies."',
        "Veltro said nothing could be further from the truth.",
        "Veltro said it was not aware of any such offer.",
        "Pike said the memo mischaracterized the meeting.",
        "The filing is riddled with basic inaccuracies, Veltro said.",
        "公司表示，网传文件纯属虚构。",
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
        "Pike said he accepted full responsibility for the outage.",
        '"We got it wrong and we are sorry," Ode said.',
        '"I should not have shared the slides," Ode said.',
        "董事长在会上表示对不起，这是我的失误。",
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
        "此前有自媒体发文称，该公司资金链断裂。",
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


def claims_of(body: str):  # type: ignore[no-untyped-def]
    return load_article(
        "Headline for the story\n\nThe lead paragraph sets the scene for readers.\n\n" + body
    ).claims


@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        ("The Journal reported that Veltro had hired bankers.", "Journal"),
        ("The Journal claimed that the board had met without Pike.", "Journal"),
        ("As the Lakeside Courier first reported Monday, Veltro chief Harlan Pike said he would resign.",
         "Lakeside Courier"),
        ("Staff were told to work from home, the Daily Ledger reported.", "Daily Ledger"),
        ("The Harbour Times wrote that Veltro had hired bankers.", "Harbour Times"),
        ("The deal follows a Harbour Wire report in May that Veltro had weighed a bid.", "Harbour Wire"),
        ("Pike met the minister in Oslo, according to state-run broadcaster Nordvik.", "Nordvik"),
        ("Over the weekend, the Financial Times, citing two people, claimed that Veltro was for sale.",
         "Financial Times"),
    ],
)  # fmt: skip
def test_outlets_as_the_source(sentence: str, outlet: str) -> None:
    claim = claim_of(sentence, sentence[:8])
    assert claim.stance is Stance.REPORTED
    assert claim.speaker == outlet


def test_a_regulator_speaking_after_a_report_stays_the_speaker() -> None:
    claim = claim_of("Veltro said it would appeal, after earlier FT reports on the fine.", "Veltro")
    assert claim.speaker == "Veltro"
    assert claim.stance is Stance.ASSERTED


def test_a_denial_after_the_outlet_is_not_the_outlets() -> None:
    body = "Veltro is reviewing Pike's expenses, the Journal reported, but a spokesperson denied the allegations."
    claim = claim_of(body, "Veltro is")
    assert claim.stance is Stance.DENIED
    assert claim.speaker != "Journal"


def test_split_quotes_take_the_speaker_next_to_them() -> None:
    claims = claims_of(
        'Veltro, in a filing, called the memo "false and misleading."\n\n'
        '"I am sure there is no foundation to any of it," Harlan Pike wrote to staff. "We stand by our staff."\n\n'
        '"Pike never met the broker in private. The memo links people who never spoke," said Orla Quist, '
        "a Veltro spokeswoman."
    )
    by_start = {c.text[:12]: c.speaker for c in claims}
    assert by_start['"We stand by'] == "Harlan Pike"
    assert by_start['"Pike never '] == "Orla Quist"


def test_a_quote_closed_without_attribution_takes_the_speaker_before() -> None:
    claims = claims_of(
        "Veltro, in a statement, called the memo \u201cfalse and one-sided.\u201d\n\n"
        "Veltro said: \u201cThe memo is wrong. It lacks any substance.\u201d"
    )
    assert [c.speaker for c in claims if c.text.startswith("It lacks")] == ["Veltro"]


def test_the_subject_speaks_not_the_names_around_it() -> None:
    body = (
        "Veltro chief executive Harlan Pike spoke to analysts.\n\n"
        "Veltro founder Orla Quist backed up Pike, saying he was a careful manager.\n\n"
        "After meeting Dana Reyes, the Veltro executive apologized for the delays.\n\n"
        "\u201cThere is no truth in the story about our plant,\u201d Quist told the Harbour Wire."
    )
    assert claim_of(body, "Veltro founder").speaker == "Orla Quist"
    assert claim_of(body, "After meeting").speaker == "Harlan Pike"  # the last person named, not Reyes
    assert claim_of(body, "\u201cThere is").speaker == "Orla Quist"


def test_an_organization_taking_a_stance_by_its_acts_is_the_speaker() -> None:
    body = (
        "The Daily Ledger published a story on Veltro.\n\nMeanwhile, Veltro has stood firmly by its figures."
    )
    assert claim_of(body, "Meanwhile").speaker == "Veltro"
    body = "Harlan Pike, the former head of Veltro, on Monday \u201cflatly rejected\u201d the charges."
    claim = claim_of(body, "Harlan Pike")
    assert (claim.speaker, claim.stance) == ("Harlan Pike", Stance.DENIED)


def test_chinese_company_before_its_verb_is_the_speaker() -> None:
    body = "3月2日晚，青禾集团(600001.SH)发布公告，称网传消息与事实不符。"
    claim = claim_of(body, "3月2日晚")
    assert (claim.speaker, claim.stance) == ("青禾集团", Stance.DENIED)
    body = "对此，青禾股份迅速作出回应，明确否认了这一说法。"
    assert claim_of(body, "对此").speaker == "青禾股份"


def test_a_chinese_quotation_over_several_statements_keeps_its_speaker() -> None:
    claims = claims_of(
        "青禾集团发布公告，称网传消息不实。\n\n"
        "副总裁周远航称：“公司实际控制人为韩松先生。韩松先生一切正常。上述传闻与事实不符。”\n\n"
        "此前有传闻称韩松已离职，为此公司第一时间与其联系，证实传闻不属实。"
    )
    speakers = {c.text[:6]: c.speaker for c in claims}
    assert speakers["韩松先生一切"] == "周远航"
    assert speakers["上述传闻与事"] == "周远航"
    assert speakers["此前有传闻称"] == "青禾集团"


def test_self_criticism_is_not_a_denial() -> None:
    assert claim_of('"I was simply wrong," Pike said.', '"I was').stance is Stance.ACKNOWLEDGED
    assert claim_of("Veltro has never made a profit.", "Veltro").stance is Stance.ASSERTED


def test_a_name_the_text_gives_only_as_the_subject_of_an_act() -> None:
    assert claim_of("Kestrelwood disclosed the breach in May.", "Kestrelwood").speaker == "Kestrelwood"


def test_a_quotation_closed_after_a_sentence_break_is_read_as_quoted() -> None:
    claims = claims_of('"We never met the broker. The memo is wrong," said Orla Quist, "and we will sue."')
    assert [c.speaker for c in claims[1:]] == ["Orla Quist", "Orla Quist"]


def test_a_participle_of_saying_belongs_to_the_subject_not_the_object() -> None:
    body = "Dana Reyes met Tom Hale, adding that the two had agreed on terms."
    assert claim_of(body, "Dana Reyes").speaker == "Dana Reyes"
    body = "Veltro shares fell 5%, adding to losses this year."
    assert claim_of(body, "Veltro shares").speaker is None


def test_a_chinese_answer_without_its_own_subject_is_the_last_speakers() -> None:
    claims = claims_of(
        "市场传言监管部门暂停了青禾产业链企业的上市审核。\n\n"
        "对于上述传言，证监会回应称，关注到了相关文章。对此，明确表示，未暂停相关审核，也未开展专项检查。"
    )
    last = claims[-1]
    assert (last.speaker, last.stance) == ("证监会", Stance.DENIED)


def test_chinese_source_after_ju() -> None:
    claim = claim_of("据《滨江晚报》报道，青禾集团将关闭两家工厂。", "据")
    assert (claim.speaker, claim.stance) == ("滨江晚报", Stance.REPORTED)
    claim = claim_of("据青禾集团透露，新工厂将于明年投产。", "据")
    assert (claim.speaker, claim.stance) == ("青禾集团", Stance.ASSERTED)


def test_a_company_reporting_results_is_not_an_outlet() -> None:
    claim = claim_of("Veltro reported a loss of $3 million for the quarter.", "Veltro")
    assert claim.stance is Stance.ASSERTED


def test_an_unnamed_chinese_source_is_no_speaker() -> None:
    claim = claim_of("据知情人士透露，青禾集团正在与多家银行洽谈。", "据")
    assert (claim.speaker, claim.stance) == (None, Stance.REPORTED)


def test_the_airline_is_the_organization_named_before() -> None:
    body = (
        "Kestrel Air said flights had resumed.\n\n"
        "The airline first blamed the weather, but later admitted that a software update caused the failure."
    )
    claim = claim_of(body, "The airline")
    assert (claim.speaker, claim.stance) == ("Kestrel Air", Stance.ACKNOWLEDGED)
