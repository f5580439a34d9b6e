"""What a new member reading Chinese saw in English or in two words: help examples, feed refusals, filter
destinations and rule errors, the digest's one name."""

from __future__ import annotations

import pytest

from bot import filters
from bot.i18n import COMMANDS, EXAMPLES, REPLIES, example, feed_error, t, use_locale


def test_help_examples_show_choice_names_and_placeholders_in_the_readers_words() -> None:
    shown = example("/filter add rule:stance:denied applies_to:Feed posts", "zh-CN")
    assert shown == "/filter add rule:stance:denied applies_to:订阅源帖子"  # the typed rule stays as typed
    assert (
        example("/article add file:<a .txt, .md or .json file>", "zh-TW")
        == "/article add file:<一個 .txt、.md 或 .json 檔案>"
    )
    assert example("/articles search query:harbour crane", "zh-CN") == "/articles search query:harbour crane"
    assert example("/filter add rule:stance:denied applies_to:Feed posts", "en").endswith(
        "applies_to:Feed posts"
    )
    for lang in ("zh-CN", "zh-TW"):
        for command in EXAMPLES.values():
            for line in command:
                assert "Feed posts" not in example(line, lang) and "<a .txt" not in example(line, lang)


@pytest.mark.parametrize(
    ("error", "lang", "wanted"),
    [
        ("refused: 10.9.8.7 is a private address", "en", "10.9.8.7 is a private address"),
        ("refused: 127.0.0.1 is a loopback address", "zh-CN", "127.0.0.1 是本机回环地址"),
        ("refused: gopher URLs are not fetched, only http(s)", "zh-TW", "不取得 gopher 網址，只取得 http(s)"),
        ("HTTP 404 Not Found", "zh-CN", "HTTP 404 Not Found"),  # the server's own words stay
        (
            "refused: 192.168.1.9 is a private address (allow it with NEWSDESK_FEED_ALLOW_HOSTS)",
            "zh-TW",
            "192.168.1.9 是內網位址 (allow it with NEWSDESK_FEED_ALLOW_HOSTS)",
        ),  # the operator's setting, as its name
    ],
)
def test_a_feed_refusal_reads_in_the_readers_language_without_a_double_colon(
    error: str, lang: str, wanted: str
) -> None:
    assert feed_error(error, lang) == wanted
    shown = t("feed_refused", lang, error=feed_error(error, lang))
    assert "refused" not in shown and ": refused:" not in shown and wanted in shown


def test_filter_destinations_and_rule_errors_are_translated() -> None:
    for where in filters.DESTINATIONS:
        assert t(f"filter_where_{where}", "en") == where  # English keeps the stored names
        assert t(f"filter_where_{where}", "zh-CN") != where
    with pytest.raises(filters.RuleError) as caught:
        filters.parse_rule("bogus")
    shown = t(f"filter_rule_{caught.value.key}", "zh-CN", **caught.value.values)
    assert "word:bogus" in shown and "规则要以类型开头" in shown
    for bad in ("", "stance:perhaps", "word:" + "q" * 101):
        with pytest.raises(filters.RuleError) as caught:
            filters.parse_rule(bad)
        assert f"filter_rule_{caught.value.key}" in REPLIES


def test_the_digest_has_one_name_per_language() -> None:
    digest_words = {"zh-CN": "简报", "zh-TW": "簡報"}
    for key, row in REPLIES.items():
        if "digest" in row[0].lower():
            for lang, column in (("zh-CN", 1), ("zh-TW", 2)):
                assert "摘要" not in row[column], key  # 摘要 is /summary's word
                assert digest_words[lang] in row[column] or "{" in row[column] or "digest" in row[column], key
    for english, row in COMMANDS.items():
        if "digest" in english.lower():
            assert "摘要" not in row[0] and "摘要" not in row[1], english


def test_chinese_help_pages_show_no_english_example_values() -> None:
    from bot.render.embeds import CommandInfo, help_command_pages

    upload = CommandInfo("article add", "Add an article from a file (a summary or plain text, up to 1 MB)")
    with use_locale("zh-CN"):
        text = str([e.to_dict() for page in help_command_pages(upload) for e in page])
    assert "<一个 .txt、.md 或 .json 文件>" in text and "<a .txt" not in text
    rule = CommandInfo("filter add", "Let through only what matches, or keep out what matches (-)")
    with use_locale("zh-TW"):
        text = str([e.to_dict() for page in help_command_pages(rule) for e in page])
    assert "applies_to:訂閱源貼文" in text and "Feed posts" not in text
