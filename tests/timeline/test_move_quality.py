"""The move reader's harder cases: whose organization a move is at, who moves, what is no move, and dates.
Every sentence here was written for these tests."""

from __future__ import annotations

from bot.article import load_article
from bot.timeline import MoveKind, extract_moves, standings

from .helpers import moves_of, triples


def test_an_organization_describing_the_person_is_not_where_the_move_happens() -> None:
    found = triples(
        moves_of(
            "Harbor Foods said on Monday that Pinecrest Grill chief executive Nadia Okafor will become its "
            "chair and CEO in October."
        )
    )
    assert ("Nadia Okafor", "appointed", "Harbor Foods") in found
    assert not any(org == "Pinecrest Grill" for _, _, org in found)


def test_a_former_employer_in_an_apposition_is_not_the_move() -> None:
    found = triples(
        moves_of(
            "Harbor Foods named Tobias Renner, the former chief executive of Lumen Rail, as its president.",
            "The new board is chaired by former Quillfeather co-CEO Marta Ilves, with Jonas Brekke joining.",
        )
    )
    assert ("Tobias Renner", "appointed", "Harbor Foods") in found
    assert not any(org in ("Lumen Rail", "Quillfeather") for _, _, org in found)


def test_a_described_organization_holds_a_move_when_nothing_else_is_named() -> None:
    found = triples(
        moves_of(
            "Analysts expect more changes at Harbor Foods.",
            "Gideon Marsh, Vellum Analytics' head of sales, has taken over as interim CEO.",
        )
    )
    assert ("Gideon Marsh", "appointed", "Vellum Analytics") in found


def test_a_relative_clause_between_subject_and_verb() -> None:
    found = triples(
        moves_of(
            "Directors Ruth Calloway and Ines Varga, who opposed Peter Lund's dismissal, are leaving the board "
            "of Corvid Bank."
        )
    )
    assert ("Ruth Calloway", "left", "Corvid Bank") in found
    assert ("Ines Varga", "left", "Corvid Bank") in found
    assert not any(p == "Peter Lund" and k == "left" for p, k, _ in found)


def test_a_possessive_after_a_hiring_verb_is_not_hired() -> None:
    found = moves_of(
        "The chair of Corvid Bank said he would hire an outside lawyer to review the vote that led to Peter "
        "Lund's dismissal."
    )
    assert not any(m.person == "Peter Lund" and m.kind is MoveKind.JOINED for m in found)


def test_recruiting_is_not_being_recruited() -> None:
    found = moves_of("Arvid Solberg has been personally recruiting engineers for the new lab at Corvid Bank.")
    assert not any(m.person == "Arvid Solberg" for m in found)


def test_a_demand_that_someone_go_is_no_move() -> None:
    found = moves_of(
        "Senator Ada Brook demanded on Friday that Corvid Bank chief executive Peter Lund resign at once.",
        "Her letter followed a call a week earlier by the union for Lund to step down over the losses.",
        "Walter Grieg said Lund had walked in hoping to keep his post and walked out with a deal.",
    )
    assert not any(m.person == "Peter Lund" for m in found)


def test_a_chinese_demand_is_no_move() -> None:
    found = moves_of("股东致信称，蓝海银行行长周明远必须立即辞职。")
    assert not any(m.kind is MoveKind.LEFT for m in found)


def test_the_organization_a_person_is_described_with_is_the_company_after() -> None:
    found = triples(
        moves_of(
            "Ruth Calloway, Corvid Bank's chief risk officer, said on Monday that she is leaving the company.",
            "Hours later the chair said treasurer Omar Haddad was also departing.",
            title="Corvid Bank risk chief Ruth Calloway is leaving",
        )
    )
    assert ("Ruth Calloway", "left", "Corvid Bank") in found
    assert ("Omar Haddad", "left", "Corvid Bank") in found


def test_the_day_of_an_announcement_is_past_for_a_future_move() -> None:
    # 2025-06-16 is a Monday: "late on Sunday" is the day before, though the move is still to come
    found = moves_of(
        "Harbor Foods said late on Sunday that Nadia Okafor will join Harbor Foods as chief executive.",
        date="2025-06-16 08:00",
    )
    assert [(m.person, m.date, m.date_from) for m in found] == [("Nadia Okafor", "2025-06-15", "text")]


def test_a_chinese_day_without_a_year_takes_the_articles_year() -> None:
    past = moves_of("蓝海银行7月11日宣布，行长周明远将加入远航集团。", date="2025-07-12 10:00")
    assert [m.date for m in past if m.kind is MoveKind.JOINED] == ["2025-07-11"]
    soon = moves_of("蓝海银行宣布，周明远将于4月1日接任行长。", date="2025-03-11 10:00")
    assert [m.date for m in soon] == ["2025-04-01"]
    winter = moves_of("蓝海银行宣布，周明远已于12月20日辞去行长职务。", date="2025-01-05 10:00")
    assert [m.date for m in winter] == ["2024-12-20"]


def test_an_english_verb_takes_the_date_written_after_it() -> None:
    found = moves_of(
        "Banker Arvid Solberg spoke at the Corvid Bank meeting.",
        "Solberg co-founded the bank in 2009 and left its board in 2016.",
    )
    assert [(m.kind, m.date) for m in found if m.person == "Arvid Solberg"] == [(MoveKind.LEFT, "2016")]


def test_chinese_organization_opening_a_sentence_with_a_date() -> None:
    found = triples(moves_of("远航集团3月5日宣布，首席执行官马克·韦伯（Mark Weber）已于3月4日退休。"))
    assert ("Mark Weber", "left", "远航集团") in found


def test_chinese_list_of_people_with_a_description_between() -> None:
    found = triples(
        moves_of(
            "远航集团3月5日宣布，首席财务官安娜·科赫（Anna Koch）与新设立的物流事业部总裁马克·韦伯（Mark Weber）"
            "被任命为临时联席首席执行官。"
        )
    )
    assert {("Anna Koch", "appointed", "远航集团"), ("Mark Weber", "appointed", "远航集团")} <= found


def test_chinese_removal_and_appointment_after_a_description() -> None:
    removed = triples(moves_of("蓝海银行董事会宣布解除约翰·卡特（John Carter）的行长职务。"))
    assert ("John Carter", "fired", "蓝海银行") in removed
    named = triples(moves_of("蓝海银行宣布，任命资深银行家约翰·卡特（John Carter）为行长。"))
    assert ("John Carter", "appointed", "蓝海银行") in named


def test_a_handover_moves_both_and_the_second_verb_keeps_its_subject() -> None:
    english = triples(
        moves_of(
            "Corvid Bank said chief operating officer Laura Finch will hand her role to Omar Haddad next "
            "month and retire in December."
        )
    )
    assert ("Omar Haddad", "appointed", "Corvid Bank") in english
    assert ("Laura Finch", "left", "Corvid Bank") in english
    assert not any(p == "Omar Haddad" and k == "left" for p, k, _ in english)
    chinese = triples(
        moves_of(
            "蓝海银行宣布，首席运营官玛丽·史密斯（Mary Smith）将把职务交给彼得·周（Peter Zhou），并于年底退休。"
        )
    )
    assert ("Peter Zhou", "appointed", "蓝海银行") in chinese
    assert ("Mary Smith", "left", "蓝海银行") in chinese
    assert not any(p == "Peter Zhou" and k == "left" for p, k, _ in chinese)


def test_a_kind_of_role_is_no_organization() -> None:
    found = moves_of("蓝海银行宣布，前远航集团高管彼得·周（Peter Zhou）已加入蓝海银行，出任AI副总裁。")
    assert {m.organization for m in found if m.person == "Peter Zhou"} == {"蓝海银行"}


def test_a_place_is_not_an_organization_to_move_to() -> None:
    found = moves_of(
        "Harbor Foods named Tobias Renner as its president.",
        "Renner will move to Lisbon, near the company's new offices.",
    )
    assert not any(m.kind is MoveKind.JOINED for m in found)


def test_has_hired_is_active() -> None:
    found = triples(moves_of("Harbor Foods has hired Tobias Renner to run its new logistics arm."))
    assert ("Tobias Renner", "joined", "Harbor Foods") in found


def test_an_organization_in_a_later_clause_is_not_the_one_left() -> None:
    found = triples(
        moves_of(
            "Harbor Foods named Tobias Renner as its president.",
            "He replaces Dana Whitfield, who said in May that she would step down by the end of the year amid "
            "an inquiry into a fire on an Orbital Freight ship.",
            "Renner, 58, retired from Lumen Rail in 2019 to start Quillon Labs.",
        )
    )
    assert ("Dana Whitfield", "left", "Harbor Foods") in found
    assert ("Tobias Renner", "left", "Lumen Rail") in found
    assert not any(org in ("Orbital Freight", "Quillon Labs") for _, k, org in found if k == "left")


def test_a_list_with_a_role_of_several_words() -> None:
    found = triples(
        moves_of(
            "Corvid Bank chair Ruth Calloway said treasurer Omar Haddad and vice president of research Ines "
            "Varga were also departing."
        )
    )
    assert {("Omar Haddad", "left", "Corvid Bank"), ("Ines Varga", "left", "Corvid Bank")} <= found


def test_until_with_a_present_verb_is_a_condition_but_a_past_one_a_move() -> None:
    condition = moves_of("Until he retires, Peter Lund will keep advising the chair of Corvid Bank.")
    assert not any(m.person == "Peter Lund" for m in condition)
    past = triples(
        moves_of("Peter Lund sat on Corvid Bank's board until he left it in March 2023 after a dispute.")
    )
    assert ("Peter Lund", "left", "Corvid Bank") in past


def test_joining_a_board_named_before() -> None:
    found = triples(
        moves_of(
            "Corvid Bank named a new board led by Ruth Calloway.",
            "The board adds Ines Varga, with former minister Peter Lund joining and Omar Haddad staying on.",
        )
    )
    assert ("Peter Lund", "joined", "Corvid Bank") in found


def test_a_japanese_name_after_a_role() -> None:
    found = triples(moves_of("远航汽车3月11日宣布，社长兼首席执行官松田健将于3月31日卸任。"))
    assert ("松田健", "left", "远航汽车") in found


def test_a_second_verb_after_and_keeps_its_subject() -> None:
    found = triples(
        moves_of(
            "Ines Varga, who led the risk team, left Corvid Bank earlier this year and joined Harbor Foods as "
            "chief risk officer."
        )
    )
    assert ("Ines Varga", "left", "Corvid Bank") in found
    assert ("Ines Varga", "joined", "Harbor Foods") in found


def test_a_chinese_role_names_an_unlisted_organization() -> None:
    found = triples(moves_of("Velora商务负责人马克·韦伯（Mark Weber）出任临时首席执行官。"))
    assert ("Mark Weber", "appointed", "Velora") in found


def test_a_move_in_an_after_clause_comes_before_the_dated_one() -> None:
    found = moves_of(
        "Corvid Bank said on Tuesday that Peter Lund will return as chief executive, a week after the board "
        "fired him.",
        date="2025-06-12 09:00",
    )
    dates = {m.kind: m.date for m in found if m.person == "Peter Lund"}
    assert dates == {MoveKind.RETURNED: "2025-06-10", MoveKind.FIRED: "2025-06"}
    now = standings(found)["peter lund"].now
    assert now is not None and now.organization == "Corvid Bank"


def test_a_chinese_clause_without_a_subject_goes_on_about_the_first_person() -> None:
    found = triples(
        moves_of(
            "马克·韦伯（Mark Weber）2012年与安娜·科赫（Anna Koch）共同创办Velora，2019年离开。",
        )
    )
    assert ("Mark Weber", "left") in {(p, k) for p, k, _ in found}
    assert not any(p == "Anna Koch" for p, _, _ in found)


def test_ellipsis_as_is_shares_the_verb() -> None:
    found = triples(
        moves_of(
            "Directors Ruth Calloway and Ines Varga are leaving the board of Corvid Bank, as is treasurer "
            "Omar Haddad."
        )
    )
    assert {("Ruth Calloway", "left", "Corvid Bank"), ("Omar Haddad", "left", "Corvid Bank")} <= found


def test_no_longer_running_is_a_departure() -> None:
    found = triples(moves_of("Peter Lund is no longer running Corvid Bank, the lender said."))
    assert ("Peter Lund", "left", "Corvid Bank") in found


def test_a_plain_text_dateline_is_the_articles_date() -> None:
    text = (
        "Corvid Bank names a new chief\n\n"
        "OSLO, March 3, 2025 — Corvid Bank said on Monday that Ines Varga had been appointed chief executive. "
        "Varga joined the lender in 2014.\n"
    )
    found = extract_moves(load_article(text))
    appointed = [m for m in found if m.kind is MoveKind.APPOINTED]
    assert [(m.person, m.date, m.date_from) for m in appointed] == [("Ines Varga", "2025-03-03", "text")]


def test_a_welcome_names_the_people_listed_after_including() -> None:
    found = triples(
        moves_of(
            "Harbor Foods said it was glad to welcome a dozen engineers from Velora, including chief executive "
            "Nadia Okafor and co-founder Tobias Renner."
        )
    )
    assert {("Nadia Okafor", "joined", "Harbor Foods"), ("Tobias Renner", "joined", "Harbor Foods")} <= found


def test_a_noun_phrase_before_a_person_is_no_object() -> None:
    found = moves_of("The union welcomed the decision by Peter Lund to stay at Corvid Bank.")
    assert not any(m.person == "Peter Lund" and m.kind is MoveKind.JOINED for m in found)


def test_years_after_go_back_years() -> None:
    found = moves_of(
        "Omar Haddad left Quillon Labs last month, two years after he returned to the company.",
        date="2025-06-15 09:00",
    )
    dates = {m.kind: m.date for m in found if m.person == "Omar Haddad"}
    assert dates == {MoveKind.LEFT: "2025-05", MoveKind.RETURNED: "2023"}
    assert standings(found)["omar haddad"].now is None


def test_a_speaker_after_a_comma_is_no_object() -> None:
    found = moves_of("Velora welcomed the ruling, chief executive Nadia Okafor said.")
    assert not any(m.kind is MoveKind.JOINED for m in found)


def test_a_chinese_speaker_is_not_the_one_who_moves() -> None:
    found = moves_of("周明远表示，李文博将于明年退休。")
    assert [(m.person, m.kind) for m in found] == [("李文博", MoveKind.LEFT)]


def test_calls_to_resign_are_no_move() -> None:
    found = moves_of("Peter Lund said he would stay at Corvid Bank, despite calls from investors to resign.")
    assert not any(m.kind is MoveKind.LEFT for m in found)


def test_the_board_of_an_unlisted_organization_acts_for_it() -> None:
    found = triples(moves_of("The board of Velora fired Nadia Okafor on Friday."))
    assert ("Nadia Okafor", "fired", "Velora") in found


def test_two_insiders_will_run_the_company() -> None:
    found = triples(
        moves_of(
            "Corvid Bank said its chief executive had left.",
            "Two veterans, finance chief Omar Haddad and markets chief Ines Varga, will run the company jointly "
            "until a successor is found.",
        )
    )
    assert {("Omar Haddad", "appointed", "Corvid Bank"), ("Ines Varga", "appointed", "Corvid Bank")} <= found


def test_a_board_chaired_by_a_former_executive_of_elsewhere() -> None:
    found = triples(
        moves_of(
            "Velora agreed to a new board.",
            "The deal creates a board chaired by former Lumen Rail co-CEO Ruth Calloway, with others to follow.",
        )
    )
    assert ("Ruth Calloway", "appointed", "Velora") in found
    assert not any(org == "Lumen Rail" for _, _, org in found)


def test_a_transliterated_name_after_a_date() -> None:
    found = moves_of(
        "远航集团宣布，自去年12月韦伯特离任以来，公司一直由临时团队管理。", date="2025-03-13 08:00"
    )
    assert [(m.person, m.kind, m.date) for m in found] == [("韦伯特", MoveKind.LEFT, "2024-12")]
