"""Moves in the way company announcements and news round-ups phrase them: the company named once and then
called "公司"/"the company", several moves in one sentence, and people who stay. Every sentence here was written
for these tests."""

from __future__ import annotations

from bot.article import load_article
from bot.timeline import extract_moves

from .helpers import moves_of, triples


def _moves(title: str, body: str) -> set[tuple[str, str, str | None]]:
    return triples(extract_moves(load_article(f"{title}\n\n{body}\n")))


def test_a_chinese_announcement_names_its_company_once_and_then_says_gongsi() -> None:
    found = _moves(
        "关于总经理辞职的公告",
        "青岚材料科技股份有限公司(以下简称“公司”)董事会于近日收到总经理郑立华先生递交的书面辞职报告。"
        "郑立华先生申请辞去公司第三届董事会董事、总经理职务。公司董事会同意聘任魏嘉明先生为公司总经理。",
    )
    assert ("郑立华", "left", "青岚材料科技股份有限公司") in found
    assert ("魏嘉明", "appointed", "青岚材料科技股份有限公司") in found
    assert not any(org in ("报告", "去公司", "先生为公司") for _, _, org in found)


def test_a_stock_code_names_the_company_and_a_later_one_takes_over() -> None:
    found = _moves(
        "两家公司高管变动",
        "本报讯 远帆电气(600999.SH)晚间公告,董事长龚思远因工作变动辞去公司董事长职务。"
        "同日,晨曦制药股份有限公司(简称晨曦制药)公告,公司副总经理钱文涛辞职。",
    )
    assert ("龚思远", "left", "远帆电气") in found
    assert ("钱文涛", "left", "晨曦制药股份有限公司") in found


def test_a_title_names_the_company_of_a_short_item() -> None:
    found = _moves(
        "星桥网络:董事长不再兼任总裁",
        "星桥网络今日公告,董事会同意董事长柏立新不再兼任总裁职务,并聘任韩子墨为总裁。",
    )
    assert ("柏立新", "left", "星桥网络") in found
    assert ("韩子墨", "appointed", "星桥网络") in found
    assert not any(person == "柏立新" and kind == "appointed" for person, kind, _ in found)


def test_staying_on_in_another_post_is_no_move() -> None:
    found = _moves(
        "蓝湾物流人事变动",
        "蓝湾物流(002999.SZ)公告,总经理莫如海辞去总经理职务,辞任后仍将担任公司董事长。"
        "董事会已委任严青为公司新行政总裁,严先生将继续出任董事会主席。",
    )
    assert ("莫如海", "left", "蓝湾物流") in found
    assert ("严青", "appointed", "蓝湾物流") in found
    assert not any(kind == "appointed" and person in ("莫如海", "严先生") for person, kind, _ in found)
    assert not any(org == "行政" for _, _, org in found)


def test_a_founder_description_names_the_company_left() -> None:
    found = _moves(
        "创始人卸任潮",
        "5月9日,松果出行公告,董事长魏东来辞职。2022年,云栈科技创始人郝天明宣布卸任CEO一职。",
    )
    assert ("郝天明", "left", "云栈科技") in found
    assert ("魏东来", "left", "松果出行") in found


def test_an_acting_chief_named_while_another_no_longer_serves() -> None:
    found = _moves(
        "芯途微电子更换CEO",
        "芯途微电子今日发布公告,经董事会一致同意,委派柳成荫先生代理公司首席执行官,楚河先生不再担任公司首席执行官职务。",
    )
    assert ("柳成荫", "appointed", "芯途微电子") in found
    assert ("楚河", "left", "芯途微电子") in found
    assert not any(person == "柳成荫" and kind == "left" for person, kind, _ in found)


def test_a_name_in_two_scripts_is_one_person() -> None:
    moves = extract_moves(
        load_article(
            "远航航空宣布换帅\n\n远航航空公司当地时间3月2日宣布,董事会任命现任董事长彼得•罗森(Peter Rosen)担任首席执行官。"
            "公司还宣布马克•韦伯斯特(Mark Webster)已经辞任首席执行官职务。\n"
        )
    )
    left = [m for m in moves if m.kind.value == "left"]
    assert len(left) == 1
    assert left[0].organization == "远航航空公司"


def test_replaced_with_moves_both_people() -> None:
    found = triples(
        moves_of(
            "Northwind Mills replaced chief executive Doris Pelham with finance chief Arjun Mehta after a "
            "weak year."
        )
    )
    assert ("Doris Pelham", "left", "Northwind Mills") in found
    assert ("Arjun Mehta", "appointed", "Northwind Mills") in found


def test_a_report_that_someone_would_resign_is_no_move() -> None:
    found = triples(
        moves_of(
            "A report in the Harbor Ledger on Monday claimed Ines Ducasse would resign as chief executive of "
            "Copperline by Friday.",
            "The Ledger reported that Ines Ducasse was set to step down.",
        )
    )
    assert not any(p == "Ines Ducasse" for p, _, _ in found)


def test_who_stands_for_the_noun_just_before_it() -> None:
    found = triples(
        moves_of(
            "In March, Selma Arden received a letter from the Quarry Labs directors who resigned, citing the "
            "strategy."
        )
    )
    assert not any(p == "Selma Arden" for p, _, _ in found)


def test_a_description_set_off_by_commas_before_the_named_person() -> None:
    found = triples(
        moves_of(
            "Tidewater Freight Inc. has named current chairman, Osric K. Bellamy, as chief executive "
            "officer, effective March 3."
        )
    )
    assert ("Osric K. Bellamy", "appointed", "Tidewater Freight Inc") in found


def test_an_ampersand_name_and_a_department_are_read_whole() -> None:
    found = triples(
        moves_of(
            "Bramble & Finch Co. said it chose Lionel Aske to lead the company.",
            "Bramble & Finch also named Pia Roslund as the company's senior vice president of Communications.",
        )
    )
    assert ("Lionel Aske", "appointed", "Bramble & Finch Co") in found or (
        "Lionel Aske",
        "appointed",
        "Bramble & Finch Co.",
    ) in found
    assert not any(org == "Communications" for _, _, org in found)
    assert not any(org == "Finch Co" for _, _, org in found)


def test_exiting_other_commitments_is_no_move() -> None:
    found = triples(
        moves_of(
            "Treasurer Dalia Voss will act as interim head while Hugo Brandt exits his non-Keel commitments."
        )
    )
    assert not any(p == "Hugo Brandt" and k == "left" for p, k, _ in found)


def test_a_passive_move_after_an_earlier_agent_is_the_subjects() -> None:
    found = triples(
        moves_of(
            "Mr Ivo Marsh - a Texan who has worked with Keel since 1982 - was picked by Dr Ana Pruitt as her "
            "likely successor in 1995 and was appointed president of Keel the following June."
        )
    )
    assert ("Ivo Marsh", "appointed", "Keel") in found
    assert not any(p == "Ana Pruitt" for p, _, _ in found)


def test_a_boards_list_of_new_and_exiting_members() -> None:
    found = triples(
        moves_of(
            "Four longtime Kestrel Bank directors are leaving.",
            "The other exiting board members are Laura Finch, Daniel Moss and Helen Park.",
            "Kestrel Bank has already named two new board members: Tomas Ulloa and Wren Castell.",
        )
    )
    for person in ("Laura Finch", "Daniel Moss", "Helen Park"):
        assert (person, "left", "Kestrel Bank") in found
    assert ("Tomas Ulloa", "appointed", "Kestrel Bank") in found


def test_left_to_become_chief_elsewhere() -> None:
    found = triples(
        moves_of(
            "Marlow Textiles Inc. announced new roles for its executives.",
            "Last year, when Ezra Quayle, another vice chairman, left to become CEO of Fenwick Health Inc., the "
            "board began its search.",
        )
    )
    assert ("Ezra Quayle", "left", "Marlow Textiles Inc") in found
    assert ("Ezra Quayle", "left", "Fenwick Health Inc") not in found
    assert any(p == "Ezra Quayle" and k == "appointed" and o and o.startswith("Fenwick") for p, k, o in found)


def test_indirect_phrasings_of_an_appointment_or_a_departure() -> None:
    found = triples(
        moves_of(
            "Pellucid Foods Inc. said that Greta Lindqvist will be the new chief executive.",
            "Pellucid Foods Inc. has parted ways with chief financial officer Marcus Hale.",
            "Omar Haddad and Julia Brandt will share the role on an interim basis at Pellucid Foods Inc.",
            "Pellucid Foods Inc. added three directors to its board: Sofia Marino, Kevin Walsh and Emma Stone.",
            "Victor Chang was named to the newly established role of chief operating officer at Pellucid Foods Inc.",
        )
    )
    org = "Pellucid Foods Inc"
    assert ("Greta Lindqvist", "appointed", org) in found
    assert ("Marcus Hale", "left", org) in found
    assert ("Omar Haddad", "appointed", org) in found and ("Julia Brandt", "appointed", org) in found
    for person in ("Sofia Marino", "Kevin Walsh", "Emma Stone"):
        assert (person, "appointed", org) in found
    assert ("Victor Chang", "appointed", org) in found


def test_two_clauses_joined_by_comma_and_are_not_one_list() -> None:
    found = triples(
        moves_of(
            "The board of Quorum Rail Inc. voted to oust Dmitri Volkov, and Hannah Price was appointed interim CEO."
        )
    )
    assert ("Dmitri Volkov", "fired", "Quorum Rail Inc") in found
    assert ("Hannah Price", "appointed", "Quorum Rail Inc") in found
    assert ("Hannah Price", "fired", "Quorum Rail Inc") not in found
    assert ("Dmitri Volkov", "appointed", "Quorum Rail Inc") not in found


def test_a_three_name_list_with_a_final_comma_and() -> None:
    found = triples(
        moves_of("Quorum Rail Inc. said the new directors are Laura Finch, Daniel Moss, and Helen Park.")
    )
    for person in ("Laura Finch", "Daniel Moss", "Helen Park"):
        assert (person, "appointed", "Quorum Rail Inc") in found


def test_renming_wei_gongsi_with_a_surname_the_article_lexicon_lacks() -> None:
    found = _moves("澄川科技人事调整", "澄川科技今日宣布,董事会任命许明哲为公司首席执行官。")
    assert ("许明哲", "appointed", "澄川科技") in found


def test_a_post_taken_on_by_the_chairman() -> None:
    found = _moves("澄川科技人事调整", "澄川科技宣布,原总经理孙立平因个人原因辞职,其职务由董事长邓文涛兼任。")
    assert ("孙立平", "left", "澄川科技") in found
    assert ("邓文涛", "appointed", "澄川科技") in found


def test_this_enterprise_and_a_company_named_later_in_the_clause() -> None:
    found = _moves("人事变动", "此前,澄川科技宣布任命邓文涛为总裁。据悉,这家企业的创始人许明哲已于上月离职。")
    assert ("邓文涛", "appointed", "澄川科技") in found
    assert ("许明哲", "left", "澄川科技") in found


def test_several_people_appointed_in_one_list() -> None:
    found = _moves("澄川科技人事调整", "澄川科技董事会同意聘任许明哲、邓文涛为公司副总经理。")
    assert ("许明哲", "appointed", "澄川科技") in found
    assert ("邓文涛", "appointed", "澄川科技") in found
    assert not any(org and "、" in org for _, _, org in found)


def test_two_companies_in_one_sentence_each_keep_their_move() -> None:
    found = _moves(
        "多家公司换帅", "6月3日,澄川科技公告称,总裁许明哲辞职;同日,蓝海证券公告称,董事长邓文涛退休。"
    )
    assert ("许明哲", "left", "澄川科技") in found
    assert ("邓文涛", "left", "蓝海证券") in found


def test_a_round_up_heading_names_the_company() -> None:
    found = triples(
        moves_of(
            "GLOBEX – HANK SCORPIO Globex in March replaced chief executive Hank Scorpio with Frank Grimes, "
            "who ran its European arm."
        )
    )
    assert ("Hank Scorpio", "left", "Globex") in found
    assert ("Frank Grimes", "appointed", "Globex") in found


def test_becoming_chairman_and_leaving_other_affairs() -> None:
    found = _moves(
        "远航航空宣布换帅",
        "远航航空公司宣布,董事会成员罗伯特•凯恩(Robert Kane)将立即成为非执行董事长。"
        "首席财务官格雷格•霍尔(Greg Hall)将在凯恩退出非远航事务的过渡期内担任临时CEO。",
    )
    assert any(k == "appointed" and o == "远航航空公司" and "Kane" in p for p, k, o in found)
    assert not any(k == "left" for _, k, _ in found)


def test_a_regional_chief_leaves_the_company_not_the_region() -> None:
    found = _moves("人事", "澄川科技华南区总经理许明哲已于近日离职。")
    assert ("许明哲", "left", "澄川科技") in found


def test_an_executive_described_by_a_former_employer_joins_the_new_one() -> None:
    found = _moves("人事", "前星河汽车高管许明哲加入澄川科技,担任首席运营官。")
    assert ("许明哲", "joined", "澄川科技") in found


def test_a_hong_kong_code_and_an_official_site_name_the_company() -> None:
    found = _moves("人事", "澄川科技(00123.HK)宣布,许明哲辞任执行董事,邓文涛获委任为执行董事。")
    assert ("许明哲", "left", "澄川科技") in found
    assert ("邓文涛", "appointed", "澄川科技") in found
    found = _moves("人事", "据澄川科技官网消息,邓文涛已出任该公司首席技术官。")
    assert ("邓文涛", "appointed", "澄川科技") in found


def test_resigning_the_posts_held_names_no_organization() -> None:
    found = _moves(
        "澄川科技人事变动", "公司近日收到副总经理许明哲的辞职报告,许明哲因个人原因申请辞去所任职务。"
    )
    assert ("许明哲", "left", "澄川科技") in found
    assert not any(org == "所任" for _, _, org in found)


def test_each_object_of_one_verb_keeps_its_own_role() -> None:
    moves = moves_of(
        "Initrode Systems Inc. appointed Nadia Okafor as CEO and Tom Reyes as CFO, and promoted Mia Chen to "
        "president."
    )
    roles = {(m.person, m.kind.value, m.organization, m.role) for m in moves}
    assert ("Nadia Okafor", "appointed", "Initrode Systems Inc", "CEO") in roles
    assert ("Tom Reyes", "appointed", "Initrode Systems Inc", "CFO") in roles
    assert ("Mia Chen", "appointed", "Initrode Systems Inc", "president") in roles


def test_to_be_succeeded_by_moves_the_successor_in() -> None:
    found = triples(
        moves_of(
            "Globex Corp. said its chief executive Tom Reyes will retire at year end and be succeeded by Nadia "
            "Okafor."
        )
    )
    assert ("Tom Reyes", "left", "Globex Corp") in found
    assert ("Nadia Okafor", "appointed", "Globex Corp") in found
    assert ("Tom Reyes", "appointed", "Globex Corp") not in found
