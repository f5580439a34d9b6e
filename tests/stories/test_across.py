"""Story clustering across scripts and wordings: names heard in the other script, the notions of business
reporting in both languages, and headline figures that clash only within one unit."""

from __future__ import annotations

from bot.article import load_article
from bot.stories import StoryIndex
from bot.stories.features import concepts_of, date_keys, features_of, sound_keys, words_of


def stories(*texts: str) -> list[str]:
    """The story of each text, the texts added in the order given."""
    index = StoryIndex()
    articles = [load_article(t) for t in texts]
    for a in articles:
        index.add(a)
    return [index.story_of(a.id) or "" for a in articles]


def test_a_western_name_sounds_the_same_in_pinyin() -> None:
    assert set(sound_keys("Dave Calhoun")) & set(sound_keys("戴夫·卡尔霍恩"))
    assert set(sound_keys("Stephanie Pope")) & set(sound_keys("斯蒂芬妮·波普"))
    assert set(sound_keys("Elon Musk")) & set(sound_keys("马斯克"))
    assert set(sound_keys("Fernando Fernandez")) & set(sound_keys("费尔南多·费尔南德斯"))
    # a Chinese name of one's own is not its sound, and two people do not sound alike
    assert not set(sound_keys("Lip-Bu Tan")) & set(sound_keys("陈立武"))
    assert not set(sound_keys("Dave Calhoun")) & set(sound_keys("斯蒂芬妮·波普"))
    assert sound_keys("Tan") == [] and sound_keys("谭") == []  # too short to tell anyone apart


PLANE_EN = """Aerodyne chief Dave Calhoun to leave at year end as planemaker shakes up management
Wire·2024-03-25 12:00

Aerodyne said chief executive Dave Calhoun will step down at the end of the year.
The head of its airliner unit, Stan Deal, retires at once and Stephanie Pope replaces him.
The changes follow a cabin panel that blew out in flight in January.
"""
PLANE_ZH = """飞机制造商高层大换血 首席执行官将于年底卸任
财经日报·2024-03-26 08:00

该公司宣布，首席执行官戴夫·卡尔霍恩将于今年年底卸任。
民用飞机部门负责人斯坦·迪尔即日起退休，由斯蒂芬妮·波普接任。
今年1月一架客机在飞行中舱门脱落，公司随后受到严格审查。
"""


def test_a_report_and_its_chinese_telling_meet_by_the_sound_of_the_names() -> None:
    en, zh = stories(PLANE_EN, PLANE_ZH)
    assert en == zh


PLANE_OTHER_ZH = """卡尔霍恩出席航展 宣布50亿美元新工厂
财经日报·2024-03-27 09:00

首席执行官戴夫·卡尔霍恩在航展上宣布，公司将投资50亿美元建设新工厂。
新工厂预计雇佣3000名工人，2027年投产。
"""


def test_the_same_name_in_another_event_stays_apart_across_scripts() -> None:
    en, zh = stories(PLANE_EN, PLANE_OTHER_ZH)
    assert en != zh


def test_notions_meet_across_languages() -> None:
    en = "Court orders the developer's liquidation over its debt"
    zh = "法院颁令清盘 该开发商负债累累"
    assert {"court", "liquidation", "debt"} <= concepts_of(words_of(en), en)
    assert {"court", "liquidation", "debt"} <= concepts_of(words_of(zh), zh)
    assert not concepts_of(words_of("A quiet afternoon"), "A quiet afternoon")


CAR_EN = """Velocar chief Marco Bellini resigns after clash with the board
Wire·2024-12-01 19:00

Marco Bellini has resigned as chief executive of Velocar with immediate effect.
The board and Bellini disagreed over how to stop falling sales in North America.
An interim committee led by the chairman will run the carmaker until a successor is named.
"""
CAR_ZH = """维洛卡首席执行官突然辞职
汽车日报·2024-12-02 09:00

汽车制造商维洛卡（Velocar）宣布，首席执行官贝利尼即刻辞职。
公司称，董事会与其在经营方向上存在分歧。
在新任首席执行官确定之前，由董事长领导的临时委员会负责运营，北美销量大幅下滑。
"""


def test_one_company_and_the_same_notions_across_languages_are_one_event() -> None:
    en, zh = stories(CAR_EN, CAR_ZH)
    assert en == zh


OUTAGE_A = """Faulty Sentrix update knocks computers offline worldwide
Wire·2024-07-19 10:00

A defective software update from security firm Sentrix crashed millions of office computers on Friday.
Airlines grounded flights and banks could not serve customers.
Sentrix said the problem was not an attack.
"""
OUTAGE_B = """Nora Quist apologizes as carriers and lenders reel from global IT meltdown
Business Daily·2024-07-19 15:00

Nora Quist, chief executive of Sentrix, said she was deeply sorry for the disruption.
A bad content file made machines show an error screen and restart.
Several airline companies halted departures and some bank branches closed.
"""


def test_a_follow_up_in_other_words_led_by_another_figure_joins_the_report() -> None:
    a, b = stories(OUTAGE_A, OUTAGE_B)
    assert a == b


def test_figures_in_other_units_do_not_clash() -> None:
    index = StoryIndex()
    en = load_article(
        "Court orders liquidation of Grandview with $300 billion in liabilities\nWire·2024-01-29 09:00\n\n"
        "A Hong Kong court ordered the liquidation of developer Grandview, which owes $300 billion, on a "
        "petition by creditor Top Crest Global.\n"
    )
    zh = load_article(
        "法院颁令Grandview清盘 总负债2.39万亿元\n财经日报·2024-01-29 11:00\n\n"
        "香港高等法院法官陈静芬颁令开发商Grandview清盘，该公司总负债约2.39万亿元人民币。"
        "陈静芬表示，公司未能提出可行的重组方案。\n"
    )
    fa, fz = features_of(en), features_of(zh)
    assert fa.headline_figures and fz.headline_figures
    assert {k for g in fa.groups for k in g} - fz.entity_keys and fz.entity_keys - fa.entity_keys
    assert not index.evidence(fa, index._vector(fa), fz, index._vector(fz)).conflict


STAKE_GOV = """政府入股芯片公司 交易额89亿美元
财经日报·2025-08-23 07:30

芯片公司宣布，政府将以89亿美元购买其普通股，持股约9.9%。
资金来自此前批准但尚未拨付的补贴。首席执行官陈立武同意了这笔交易。
"""
STAKE_FUND = """投资集团斥资20亿美元入股芯片公司
科技日报·2025-08-19 08:15

投资集团宣布，将以每股23美元的价格认购20亿美元芯片公司普通股。
集团董事长孙正义表示，半导体是所有产业的基础。芯片公司首席执行官陈立武表示欢迎。
"""


def test_a_headline_amount_the_other_lacks_is_another_deal() -> None:
    fund, gov = stories(STAKE_FUND, STAKE_GOV)
    assert fund != gov


CLOUD_EN = """Orbis scraps spin-off of its cloud unit, citing chip export curbs
Wire·2023-11-16 12:00

Orbis called off the planned spin-off of its cloud business, saying U.S. restrictions on advanced chips
had clouded its prospects. It also shelved the listing of its grocery arm. Its shares fell 12.5%.
"""
CLOUD_ZH = """奥比斯宣布不再推进云业务分拆
科技日报·2023-11-16 19:30

奥比斯在发布季度财报时宣布，不再推进云业务的完全分拆。
公司表示，美国扩大先进芯片出口限制，给云业务前景带来不确定性。
生鲜业务的上市计划也将暂缓，股价当日下跌12.5%。
"""


def test_a_translation_sharing_no_spelling_is_found_by_its_notions() -> None:
    # no name, title word or figure of weight in common (a fall in the shares is no key): only what both speak
    # of brings the one to the other
    en, zh = stories(CLOUD_EN, CLOUD_ZH)
    assert en == zh


def test_two_companies_told_in_the_same_notions_stay_apart() -> None:
    # the same kind of news on one day, a small move in the shares alike, and no name in common
    a, b = stories(
        "Alderwick quarterly sales slump as chip demand fades\nWire·2025-04-24 12:00\n\n"
        "Alderwick said quarterly revenue declined and profit dropped. Its stock fell 5% after the results.\n",
        "Brennerton profit drops on weak chip orders\nBusiness Daily·2025-04-24 15:00\n\n"
        "Brennerton reported lower sales for the quarter and a fall in profit. The stock slid 5%.\n",
    )
    assert a != b


def test_a_day_named_in_either_script_is_one_figure() -> None:
    assert date_keys("He retires on October 13; his successor starts Oct. 14.") == {
        "date::10-13",
        "date::10-14",
    }
    assert date_keys("多纳霍将于10月13日退休") == {"date::10-13"}
    assert date_keys("It was founded on May 5, 1998, in March 2024") == set()  # a recalled date, a month
    assert date_keys("Profits may 5 times") == set()


SHOE_EN = """Strideline brings back a veteran as chief executive
Wire·2024-09-19 21:00

Strideline said chief executive Tom Arkwell will retire on October 13.
The sneaker maker's former consumer head returns to replace him.
"""
SHOE_ZH = """运动品牌Strideline宣布换帅 老将回归
体育财经·2024-09-20 10:00

运动品牌Strideline宣布，现任首席执行官将于10月13日退休，前消费者业务负责人回归接任。
"""


def test_a_date_in_common_lets_one_name_across_languages_count() -> None:
    en, zh = stories(SHOE_EN, SHOE_ZH)
    assert en == zh
