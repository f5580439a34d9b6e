"""The reply language is held in a context variable: set once per interaction by the command tree, set
explicitly around work for a server, read by ``t(key, **values)`` without a language passed."""

from __future__ import annotations

import asyncio
from pathlib import Path

import discord
import pytest
from discord import app_commands
from discord.gateway import DiscordWebSocket

from bot import i18n
from bot.discord import api as discord_api
from bot.discord.client import NewsdeskBot
from bot.i18n import t, use_locale
from bot.settings import Settings
from tests.fakediscord import FakeDiscord
from tests.fakediscord.process import TOKEN


def test_t_reads_the_current_locale_and_an_explicit_language_wins() -> None:
    assert t("pong") == "Pong: I'm here and listening."
    with use_locale("zh-TW") as lang:
        assert lang == "zh-TW"
        assert t("n_claims", n=3) == "3 條說法"
        assert t("n_claims", "en", n=3) == "3 claims"
        assert t("n_claims", lang="zh-CN", n=3) == "3 条说法"
        with use_locale("fr"):  # a language we do not speak reads as English
            assert t("n_claims", n=1) == "1 claim"
        assert i18n.get_locale() == "zh-TW"
        assert i18n.permissions(["send_messages"]) == i18n.permissions(["send_messages"], "zh-TW")
    assert i18n.get_locale() == "en"


async def test_each_task_keeps_its_own_locale() -> None:
    async def reply(lang: str) -> str:
        with use_locale(lang):
            await asyncio.sleep(0.01)  # the other task sets its own language meanwhile
            return t("pong")

    english, chinese = await asyncio.gather(reply("en"), reply("zh-CN"))
    assert (english, chinese) == ("Pong: I'm here and listening.", "我在，正在待命。")
    assert i18n.get_locale() == "en"


@pytest.fixture
def seam():  # type: ignore[no-untyped-def]
    """discord.py's API base and gateway are process-wide: put them back after the test."""
    base, gateway = discord.http.Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    yield
    discord.http.Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = base, gateway


async def test_a_chinese_member_gets_chinese_replies_without_a_language_passed(
    tmp_path: Path, seam: None
) -> None:
    fake = FakeDiscord()
    await fake.start()
    settings = Settings(
        database_url=f"sqlite:///{tmp_path}/t.db",
        articles=[],
        sync_guilds=[g.id for g in fake.guilds],
        scan_seconds=0,
    )
    bot = NewsdeskBot(settings)

    @app_commands.command(name="probe", description="Replies in the member's language, no lang passed")
    async def probe(interaction: discord.Interaction) -> None:
        await interaction.response.send_message(t("n_claims", n=3))

    @app_commands.command(name="probe-error", description="A refusal, translated by the error handler")
    async def probe_error(interaction: discord.Interaction) -> None:
        from bot.errors import UserError

        raise UserError("no_person", shown="Qqq")

    bot.tree.add_command(probe)
    bot.tree.add_command(probe_error)
    try:
        await discord_api.configure(fake.base_url)
        running = asyncio.create_task(bot.start(TOKEN))
        await fake.wait_ready()
        await fake.wait_for(lambda: any(bot.tree.get_commands()) and bot.is_ready(), timeout=30)
        zh = await fake.command("probe", locale="zh-CN")
        tw = await fake.command("probe", locale="zh-TW")
        en = await fake.command("probe", locale="en-US")
        assert (zh.text(), tw.text(), en.text()) == ("3 条说法", "3 條說法", "3 claims")
        refused = await fake.command("probe-error", locale="zh-CN")
        assert refused.text() == t("no_person", "zh-CN", shown="Qqq")
        assert i18n.get_locale() == "en"  # the interaction's language stayed in its own task
    finally:
        await bot.close()
        await asyncio.wait_for(running, 30)
        await fake.stop()


def test_a_user_error_is_a_key_translated_when_shown() -> None:
    from bot.discord.lookup import DidYouMean
    from bot.errors import UserError

    err = UserError("no_search", shown="tariff")
    assert (err.key, err.values) == ("no_search", {"shown": "tariff"})
    assert str(err) == "No article mentions “tariff”. Try fewer or different words."
    with use_locale("zh-TW"):
        assert err.text() == "沒有文章提到“tariff”。請減少或更換關鍵詞。"
    with use_locale("zh-CN"):
        assert str(err) == "没有文章提到“tariff”。请减少或更换关键词。"
    with use_locale("zh-CN"):
        assert UserError("Text from before keys.").text() == "Text from before keys."  # shown as written
    said = UserError("refusal", text="已经翻译好的话。")  # a check's answer, already in the reader's words
    with use_locale("zh-CN"):
        assert said.text() == "已经翻译好的话。"
    assert said.text() == "已经翻译好的话。"
    dym = DidYouMean("no_org_dym", [("Nvidia", "org:Nvidia")], shown="Nvidai", names="**Nvidia**")
    assert dym.options == [("Nvidia", "org:Nvidia")] and dym.on_pick is None
    with use_locale("zh-CN"):
        assert dym.text() == t("no_org_dym", "zh-CN", shown="Nvidai", names="**Nvidia**")


@pytest.mark.parametrize("lang", i18n.SUPPORTED)
def test_renderers_read_the_current_locale(lang: str) -> None:
    from bot.render import embeds, stories

    with use_locale(lang):
        privacy = embeds.privacy_embed(90, 30).to_dict()
        none = stories.stories_none(7, True)
        following = embeds.following_embed([]).to_dict()
    assert privacy["title"] == t("privacy_title", lang)  # rendered in the block's language, none passed
    assert none == t("stories_none_contested", lang, days=7, more=30)
    assert following["title"] == t("following_title", lang, n=0)
    if lang != "en":
        assert privacy != embeds.privacy_embed(90, 30).to_dict()  # outside the block: English again


def test_every_user_error_is_raised_with_a_catalog_key() -> None:
    import re

    root = Path(__file__).resolve().parents[1]
    sources = [p for d in ("bot", "cogs") for p in (root / d).rglob("*.py")]
    translated_first, unknown = [], []
    for source in sources:
        text = source.read_text(encoding="utf-8")
        where = source.relative_to(root)
        translated_first += [f"{where}: {m}" for m in re.findall(r"(?:UserError|DidYouMean)\(\s*t\(.*", text)]
        for key in re.findall(r"(?:UserError|DidYouMean)\(\s*\"([^\"]+)\"", text):
            if key not in i18n.REPLIES:
                unknown.append(f"{where}: {key}")
    assert translated_first == [], "raise UserError(key, **values): the error handler translates it"
    assert unknown == []
