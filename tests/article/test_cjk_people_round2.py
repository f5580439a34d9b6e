"""Chinese people, round 2 (issue 16): bylines and Traditional characters; names made up."""

from __future__ import annotations

from bot.article import load_article


def names(text: str) -> list[str]:
    return [p.name for p in load_article(text).people]


def test_a_byline_under_the_headline_names_people() -> None:
    text = "青禾集团回应停产传闻\n\n本报记者 张宝明 编辑 魏思远\n\n青禾集团发布公告称，工厂运转正常。"
    a = load_article(text)
    assert a.title == "青禾集团回应停产传闻"
    assert {"张宝明", "魏思远"} <= set(names(text))
    assert a.source is None


def test_a_byline_on_the_first_line_is_not_the_title() -> None:
    text = "记者 张宝明\n\n青禾集团回应停产传闻\n\n青禾集团发布公告称，工厂运转正常。"
    assert load_article(text).title == "青禾集团回应停产传闻"
    assert "张宝明" in names(text)


def test_a_byline_in_brackets() -> None:
    text = "青禾集团回应停产传闻\n\n（记者 杨思迪）\n\n青禾集团发布公告称，工厂运转正常。"
    assert "杨思迪" in names(text)


def test_traditional_names_are_cut_at_the_role() -> None:
    text = "青禾集團回應傳聞\n\n青禾集團董事長周明遠表示，工廠運轉正常。記者陳永強報道。"
    found = names(text)
    assert "周明遠" in found
    assert "長周明遠" not in found


def test_an_ordinary_word_before_a_verb_is_no_name() -> None:
    text = (
        "青禾集团回应传闻\n\n青禾集团董事长周明远表示，工厂运转正常。对方还透露，新品将上市。双方表示满意。"
    )
    assert names(text) == ["周明远"]


def test_adverbs_before_a_verb_are_no_names() -> None:
    text = "青禾集团回应传闻\n\n高管方才表示同意。公司尚未表示意见。员工常常说太累。公司向来称稳健。公司当即表示反对。"
    assert names(text) == []


def test_owners_named_after_their_role_with_an_uncommon_surname() -> None:
    text = "青禾集团回应传闻\n\n青禾集团实际控制人为平贵明先生，控股股东为景思华女士。"
    assert {"平贵明", "景思华"} <= set(names(text))


def test_he_after_a_statement_is_its_speaker_not_the_last_name() -> None:
    a = load_article(
        "青禾集团回应传闻\n\n副总裁周明远称，青禾集团实际控制人为平贵明先生。\n\n他表示，关于停产的传闻不属实。"
    )
    assert a.claims[-1].speaker == "周明远"
