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

    started: list[str] = []
    both = asyncio.Event()

    @app_commands.command(name="probe-wait", description="Waits until two interactions are in flight")
    async def probe_wait(interaction: discord.Interaction) -> None:
        before = t("n_claims", n=3)
        started.append(before)
        if len(started) == 2:
            both.set()
        await asyncio.wait_for(both.wait(), 10)  # the other member's interaction runs meanwhile
        await interaction.response.send_message(f"{before} / {t('pong')}")

    answered: list[str] = []

    @app_commands.command(name="probe-ask", description="Asks with buttons; a press runs in its own task")
    async def probe_ask(interaction: discord.Interaction) -> None:
        from bot.discord.views import ask

        answer = await ask(interaction, t("forget_ask"), t("forget_button"))
        answered.append("yes" if answer is not None else "no")

    bot.tree.add_command(probe)
    bot.tree.add_command(probe_error)
    bot.tree.add_command(probe_ask)
    bot.tree.add_command(probe_wait)
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
        # Two members at once, a zh-TW one and an English one: each interaction keeps its own language.
        taiwan, english = await asyncio.gather(
            fake.command("probe-wait", member="alice", locale="zh-TW"),
            fake.command("probe-wait", member="bob", locale="en-US"),
        )
        assert sorted(started) == ["3 claims", "3 條說法"]
        assert taiwan.text() == f"3 條說法 / {t('pong', 'zh-TW')}"
        assert english.text() == "3 claims / Pong: I'm here and listening."
        # A button press is an interaction of its own, in a task of its own: it is answered in the presser's
        # language (the view sets it), and the asker's own buttons are labelled in the asker's.
        asked = await fake.command("probe-ask", member="alice", locale="zh-CN")
        assert asked.button(t("forget_button", "zh-CN")) and asked.button(t("cancel", "zh-CN"))
        stranger = await fake.press(asked, t("cancel", "zh-CN"), member="bob", locale="zh-TW")
        assert stranger.text() == t("confirm_not_yours", "zh-TW")
        cancelled = await fake.press(asked, t("cancel", "zh-CN"), member="alice", locale="zh-CN")
        await fake.wait_for(lambda: answered == ["no"])
        assert t("forget_cancelled", "zh-CN") in str(cancelled.callbacks)
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


async def test_a_chinese_servers_digest_and_follow_alert_are_chinese_with_no_language_passed(
    tmp_path: Path,
) -> None:
    """Background work for a server runs in that server's language (use_locale where it starts): the digest in
    its stored language, an alert in the server's; the caller's locale is untouched."""
    from datetime import date, time

    from bot.article import load_article
    from bot.delivery import Channel, Server
    from bot.digest.rules import Schedule
    from bot.digest.service import Clock, DigestService, _to_row
    from bot.follows.alerts import AlertService
    from bot.follows.targets import PERSON
    from bot.library.catalog import Catalog
    from bot.store import open_store
    from tests.fakes import FakePoster
    from tests.test_follows import CHEN

    store = open_store(f"sqlite:///{tmp_path}/zh.db")
    await store.open()
    try:
        guild = 2**60 + 7
        poster = FakePoster(
            guilds={guild: Server(guild, "Test Server", locale="zh-CN")}, channels={5: Channel(5, "text")}
        )
        digests = DigestService(store, poster, Catalog, clock=Clock().now)
        schedule = Schedule(channel_id=5, at=time(8, 0), zone="UTC", skip_empty=False, language="zh-CN")
        await store.put_digest_settings(guild, _to_row(schedule))
        outcome = await digests.run(guild, schedule, date(2026, 6, 1))
        assert outcome.status == "posted"
        [(_, _, quiet)] = poster.sent
        assert (
            quiet.content
            == t("digest_quiet", "zh-CN", day="2026-06-01")
            != t("digest_quiet", day="2026-06-01")
        )

        await store.add_follow(guild, 7, PERSON, "markchen", "Mark Chen", None)
        await asyncio.sleep(0.01)
        article = load_article(CHEN)
        await store.upsert_article(article, "/chen.txt")
        alerts = AlertService(store, poster, lambda: Catalog([article]))
        assert await alerts.run_once() == 1
        kind, _, alert = poster.sent[-1]
        assert kind == "dm"
        assert alert.content == t("alert_dm", "zh-CN", names="Mark Chen", server="Test Server")
        assert alert.content != t("alert_dm", names="Mark Chen", server="Test Server")
        assert i18n.get_locale() == "en"  # the server's language stayed inside its work
    finally:
        await store.close()


def test_every_permission_the_bot_asks_for_has_its_discord_name_in_every_language() -> None:
    """A missing-permission reply names each permission as the member's Discord client shows it, not the
    library's identifier title-cased, and says "permission" once."""
    from bot.discord.invite import NEEDED, POSTING
    from bot.discord.poster import FORUM_NEEDS, TEXT_NEEDS
    from bot.i18n import permissions

    asked = set(TEXT_NEEDS) | set(FORUM_NEEDS) | set(POSTING) | {name for name, _, _, _ in NEEDED}
    missing = sorted(name for name in asked if f"perm_{name}" not in i18n.REPLIES)
    assert not missing, f"add perm_<name> to the catalogs for {missing}"
    for lang in ("zh-CN", "zh-TW"):
        with use_locale(lang):
            for name in sorted(asked):
                shown = permissions([name])
                assert name.split("_")[0] not in shown.casefold(), (lang, shown)
            text = t("story_channel_missing", channel="#c", missing=permissions(sorted(asked)))
            assert text.count("权限") + text.count("權限") <= 1, text
