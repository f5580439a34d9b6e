"""Chinese and English: Chinese-only articles, names across scripts, pinyin lookups."""

from __future__ import annotations

from pathlib import Path

from bot.article import Stance, load_article
from bot.ingest.intake import read_article
from bot.library.core import Library, pinyin_forms
from tests.conftest import CORPUS, DATA

ZH = DATA / "zh" / "nvidia-5t-zh.txt"


def test_chinese_only_article_parses_into_the_same_model() -> None:
    a = read_article(ZH)
    assert a.language == "zh"
    assert a.format.value == "summary"
    assert a.source == "新浪科技"
    assert a.published_at == "2025-10-30T08:00:00"
    assert a.core_viewpoint.startswith("英伟达成为全球首家市值突破5万亿美元的公司")
    assert [s.heading for s in a.sections] == ["市场表现", "管理层回应"]
    assert [len(s.points) for s in a.sections] == [2, 3]
    assert [p.citations for p in a.points()] == [[2], [3], [4], [5], [6]]
    assert "Reportify" not in a.all_text()


def test_chinese_personal_names_are_extracted() -> None:
    a = read_article(ZH)
    people = {p.name: p.aliases for p in a.people}
    assert people == {"黄仁勋": [], "Colette Kress": ["科莱特·克雷斯"], "雷军": []}
    stances = [(c.stance, c.speaker) for c in a.claims]
    assert (Stance.DENIED, "黄仁勋") in stances
    assert (Stance.REPORTED, None) in stances
    assert (Stance.ASSERTED, "Colette Kress") in stances
    assert any(
        f.text == "5万亿美元" and f.value == 5e12 and f.unit == "USD" for c in a.claims for f in c.figures
    )


def test_pinyin_forms() -> None:
    assert pinyin_forms("黄仁勋") == ("huang renxun", "huangrenxun", "renxun huang")
    assert pinyin_forms("欧阳娜娜")[0] == "ouyang nana"  # compound surname
    assert pinyin_forms("Jensen Huang") == ()
    assert pinyin_forms("科莱特·克雷斯") == ()


def test_names_across_scripts_and_pinyin_find_one_person() -> None:
    lib = Library([read_article(ZH), read_article(CORPUS / "03-nvidia-openai-loi.txt")])
    huang = lib.person("Jensen Huang")
    assert huang is not None
    for typed in ("黄仁勋", "Huang Renxun", "huangrenxun", "HUANG RENXUN", "Renxun Huang", "huang"):
        assert lib.person(typed) is huang, typed
    assert len(huang.article_ids) == 2  # the Chinese and the English article
    assert [p.label() for p in lib.autocomplete_people("huangren")] == ["Jensen Huang (黄仁勋) — Nvidia"]
    assert next(p.label() for p in lib.autocomplete_people("黄仁")) == "Jensen Huang (黄仁勋) — Nvidia"
    lei = lib.person("lei jun")
    assert lei is not None
    assert lei.name == "雷军"
    assert lei.label() == "雷军 (Lei Jun)"
    assert lib.person("leijun") is lei


def test_english_article_with_chinese_name_and_registry_free(tmp_path: Path) -> None:
    a = load_article(
        "T\nW·2025-01-01\n\nCore Viewpoint - 梁文锋 (Liang Wenfeng) founded DeepSeek [1]. - Liang said costs fell [2].\n"
    )
    lib = Library([a])
    p = lib.person("梁文锋")
    assert p is not None
    assert p.name == "Liang Wenfeng"
    assert lib.person("Liang") is p
