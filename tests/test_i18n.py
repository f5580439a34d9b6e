"""Localization: every command translated for zh-CN and zh-TW; replies in each language fit the limits."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import discord
import pytest
from discord import app_commands

from bot.discord.client import EXTENSIONS, NewsdeskBot
from bot.discord.translator import NewsdeskTranslator
from bot.i18n import COMMANDS, REPLIES, SUPPORTED, lang_of, t, use_locale
from bot.ingest.intake import article_files, read_article
from bot.library.core import Library
from bot.render import embeds
from bot.render.limits import violations
from bot.settings import Settings
from tests.conftest import CORPUS

NAME_RE = re.compile(r"^[-_\w]{1,32}$")


def strings_of(payload: dict[str, Any]) -> list[tuple[str, str]]:
    """(kind, English text) for a command's name, description, options and choices, recursively."""
    out = [("name", payload["name"]), ("description", payload["description"])]
    for option in payload.get("options", []):
        out += strings_of(option)
        out += [("choice", c["name"]) for c in option.get("choices", [])]
    return out


@pytest.fixture
async def tree(tmp_path: Path):  # type: ignore[no-untyped-def]
    bot = NewsdeskBot(Settings(database_url=f"sqlite:///{tmp_path}/t.db"))
    async with bot:  # set up as login would, so the cogs' loops wait for a ready that never comes
        for extension in EXTENSIONS:
            await bot.load_extension(extension)
        yield bot.tree
        for name in list(bot.extensions):
            await bot.unload_extension(name)


async def test_every_command_option_and_choice_is_translated(tree: app_commands.CommandTree) -> None:  # type: ignore[type-arg]
    translator = NewsdeskTranslator()
    commands = tree.get_commands()
    assert len(commands) == 23
    missing = []
    for command in commands:
        for kind, text in strings_of(command.to_dict(tree)):
            for locale in (discord.Locale.chinese, discord.Locale.taiwan_chinese):
                translated = await translator.translate(app_commands.locale_str(text), locale, None)  # type: ignore[arg-type]
                if not translated:
                    missing.append((command.name, kind, text, locale.value))
                    continue
                if kind == "name":
                    assert NAME_RE.match(translated) and translated == translated.lower(), translated
                elif kind == "description":
                    assert 1 <= len(translated) <= 100
    assert missing == [], "add these to [commands] in bot/i18n/zh-CN.toml and zh-TW.toml"


async def test_synced_payload_carries_localizations(tree: app_commands.CommandTree) -> None:  # type: ignore[type-arg]
    await tree.set_translator(NewsdeskTranslator())
    summary = next(c for c in tree.get_commands() if c.name == "summary")
    payload = await summary.get_translated_payload(tree, tree.translator)  # type: ignore[arg-type]
    assert payload["name_localizations"] == {"zh-CN": "摘要", "zh-TW": "摘要"}
    assert payload["description_localizations"]["zh-TW"] == "文章講了什麼：核心觀點和要點"


async def test_every_command_has_a_help_example(tree: app_commands.CommandTree) -> None:  # type: ignore[type-arg]
    from bot.discord.lookup import all_commands
    from bot.i18n import EXAMPLES

    names = [c.name for c in all_commands(tree)]
    assert [n for n in names if n not in EXAMPLES] == []
    for lang in SUPPORTED:
        with use_locale(lang):
            pages = embeds.help_pages(all_commands(tree))
            for command in all_commands(tree):
                pages += embeds.help_command_pages(command)
        for page in pages:
            assert violations(None, [e.to_dict() for e in page]) == []


CATALOGS = Path(__file__).resolve().parents[1] / "bot" / "i18n"


def catalog(lang: str) -> dict[str, Any]:
    return tomllib.loads((CATALOGS / f"{lang}.toml").read_text(encoding="utf-8"))


def test_reply_catalog_is_complete_and_placeholders_match() -> None:
    files = {lang: catalog(lang) for lang in SUPPORTED}
    en, cn, tw = (files[lang]["replies"] for lang in SUPPORTED)
    assert list(en) == list(cn) == list(tw)
    for key in en:
        texts = (en[key], cn[key], tw[key])
        assert all(isinstance(x, str) and x for x in texts), key
        fields = [sorted(re.findall(r"{(\w+)(?::[^}]*)?}", x)) for x in texts]
        assert fields[0] == fields[1] == fields[2], key
        for text in texts:  # a plural form counts one of the reply's own values
            assert set(re.findall(r"{(\w+)\|", text)) <= set(fields[0]), key
    assert {key: (en[key], cn[key], tw[key]) for key in en} == REPLIES
    for section in ("commands", "example_values", "feed_errors"):
        assert list(files["zh-CN"][section]) == list(files["zh-TW"][section]), section
        assert all(files["zh-CN"][section].values()) and all(files["zh-TW"][section].values()), section
    for text, (cn_text, tw_text) in COMMANDS.items():
        assert cn_text and tw_text, text


def test_english_plurals_are_real_forms() -> None:
    for lang in SUPPORTED:
        for key, text in catalog(lang)["replies"].items():
            assert "(s)" not in text.replace("http(s)", ""), key  # no "article(s)": {n|article|articles}
    assert t("n_articles", "en", n=1) == "1 article"
    assert t("n_articles", "en", n=0) == "0 articles"
    assert t("n_articles", "en", n=3) == "3 articles"
    header = t("digest_header_stories", "en", day="Mon", count=1, reports=4)
    assert header.endswith("1 new event from 4 articles")
    assert t("upload_preview", "en", sections=2, claims=1, people="A").startswith(
        "Add this article? 2 sections, 1 claim;"
    )
    assert t("n_articles", "zh-CN", n=1) == t("n_articles", "zh-CN", n=3).replace("3", "1")
    assert "http(s) URL" in t("feed_bad_url", "en", url="x")  # not a plural: stays as written


def test_language_choice() -> None:
    assert lang_of(discord.Locale.chinese) == "zh-CN"
    assert lang_of(discord.Locale.taiwan_chinese) == "zh-TW"
    assert lang_of(discord.Locale.french, discord.Locale.taiwan_chinese) == "zh-TW"  # then the server's
    assert lang_of(discord.Locale.french, discord.Locale.german) == "en"  # then English
    assert lang_of(discord.Locale.british_english, discord.Locale.chinese) == "en"
    assert t("n_claims", "zh-TW", n=3) == "3 條說法"


@pytest.mark.parametrize("lang", SUPPORTED)
def test_every_reply_type_fits_in_every_language(lang: str) -> None:
    from datetime import UTC, date, datetime

    from bot.digest.rules import Digest
    from bot.usage import summarize

    library = Library([read_article(p) for p in article_files([CORPUS])])
    pages: list[list[discord.Embed]] = []
    now = datetime(2026, 1, 1, tzinfo=UTC)
    with use_locale(lang):  # every renderer reads the current locale; none is given a language
        for article in library.articles:
            pages += embeds.summary_pages(article, "full") + embeds.summary_pages(article, "short")
            pages += embeds.claims_pages(library.claims(article=article.id), library, "x")
        for person in library.people:
            pages += embeds.person_pages(person, library)
        pages += embeds.people_pages(library.people, t("title_most"))
        pages += embeds.article_list_pages(library.articles, t("title_newest"))
        pages += embeds.about_pages(library.stats(), "0.1.0", sorted(library.stance_counts().items()))
        pages.append([embeds.stats_embed(summarize([], 30, datetime.now(UTC)), "x")])
        pages.append([embeds.privacy_embed(90, 30)])
        digest = embeds.digest_messages(Digest(now, now, library.articles, 4), date(2026, 1, 1))
    for content, page in digest:
        assert violations(content, [e.to_dict() for e in page]) == []
    for page in pages:
        assert violations(None, [e.to_dict() for e in page]) == []
    text = "\n".join(e.description or "" for page in pages for e in page)
    if lang != "en":
        assert "Also written" not in text and ("其他寫法" in text or "其他写法" in text)


def test_the_catalogs_are_package_data_and_i18n_imports_no_discord() -> None:
    root = Path(__file__).resolve().parents[1]
    setup = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert "bot.i18n" in setup["packages"] and setup["package-data"]["bot.i18n"] == ["*.toml"]
    assert sorted(p.name for p in CATALOGS.glob("*.toml")) == sorted(f"{lang}.toml" for lang in SUPPORTED)
    for source in CATALOGS.glob("*.py"):
        assert not re.search(r"^\s*(import|from)\s+discord\b", source.read_text(encoding="utf-8"), re.M), (
            source
        )
