"""Chinese names in Chinese text: where a cue marks them, cut at the right character, and never an ordinary
word that starts with a surname character. Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from bot.article import load_article


def people(body: str) -> dict[str, list[str]]:
    article = load_article(f"标题\n\n{body}\n")
    return {p.name: p.aliases for p in article.people}


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("何晓东辞去公司董事职务。", "何晓东"),  # an executive's verb right after the name
        ("韩立新发布了第二季度的业绩。", "韩立新"),
        ("这笔资金仍在林海手中。", "林海"),  # two characters: '手中' follows
        ("公司总裁黄博先生代行董事会秘书职责。", "黄博"),  # not '黄博先'
        ("董事程杰暂时代为履行董事长职责。", "程杰"),
        ("副总理王振华今天会见了代表团。", "王振华"),  # a role before the name
        ("新华社记者郑远拍摄。", "郑远"),
        ("公司董事会收到史志远的书面辞呈。", "史志远"),  # a filing word before the name
        ("会议选举鞠振为新一届董事长。", "鞠振"),  # a rarer surname; '为' is not part of the name
        ("董事长茅以诚表示，明年将扩大产能。", "茅以诚"),
        ("潘立群认为，市场仍有上涨空间。", "潘立群"),  # before a verb of saying
        ("李克强回应说，改革会继续推进。", "李克强"),  # '强' ends the name; '强调' is not here
        ("首席执行官贝尔纳德表示，销量好于预期。", "贝尔纳德"),  # four characters between a role and a verb
        ("执行董事及高级副总裁丁国其同时去职。", "丁国其"),  # '国' inside a name is no stop
        ("首席执行官由赵立群博士担任。", "赵立群"),  # '由' then a name then a verb
        ("我们见到了社长兼总编辑孔维航。", "孔维航"),
        ("集团董事会主席兼CEO严立今日发出内部信。", "严立"),  # not "严立今": a time word follows
    ],
)
def test_a_chinese_name_at_its_cue(body: str, name: str) -> None:
    assert name in people(body)


@pytest.mark.parametrize(
    "body",
    [
        "有关人士透露，谈判仍在进行。",
        "报告明确指出，需求正在回落。",
        "公司同时一并辞去了两项职务。",
        "项目负责人表示，进度正常。",
        "东阿公告称，董事会将尽快完成补选。",
        "他曾在开元(Kaiyuan)公司任职，随后参加了2025 CES(国际电子消费展)。",
        "公司将分设董事长和首席执行官岗位。",
        "由于工作变动原因，他辞去了职务。",
    ],
)
def test_no_name_in_ordinary_words(body: str) -> None:
    assert people(body) == {}


def test_a_transliterated_name_is_one_person_with_its_family_name_as_alias() -> None:
    found = people("董事长安娜·卡尔森否认了这一报道。卡尔森表示，董事会信任管理层。")
    assert found == {"安娜·卡尔森": ["卡尔森"]}


def test_a_transliteration_stops_where_its_characters_do() -> None:
    found = people("董事会正在寻找人选以取代埃隆·马斯克。")
    assert list(found) == ["埃隆·马斯克"]


def test_the_family_name_alone_is_the_speaker() -> None:
    article = load_article("标题\n\n董事长安娜·卡尔森否认了这一报道。\n\n卡尔森表示，董事会信任管理层。\n")
    assert [c.speaker for c in article.claims] == ["安娜·卡尔森", "安娜·卡尔森"]


def test_several_names_in_one_run_of_characters() -> None:
    found = people("看到这一幕，周明远的妈妈罗秀英说了一句话。")
    assert {"周明远", "罗秀英"} <= set(found)


def test_a_name_no_cue_marks_but_that_stands_at_a_word_edge_twice() -> None:
    found = people("有传闻称王明华将离职。公司回应称，王明华此刻仍在正常工作。")
    assert "王明华" in found


def test_a_name_seen_once_without_a_cue_is_not_guessed() -> None:
    assert people("公司回应称，王明华此刻仍在正常工作。") == {}


def test_a_latin_name_after_a_chinese_role() -> None:
    article = load_article("标题\n\n特斯拉的董事长Rowan Delacey明确指出，有关传闻毫无根据。\n")
    assert [(p.name, p.role) for p in article.people] == [("Rowan Delacey", "董事长")]
