"""Issue 20, the first hour of a server manager and a member: the invite, /help, replies that don't trip them up."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import discord

from bot.article import Article, load_article
from bot.discord.invite import NEEDED, application_id_of, invite_url, permissions_value
from bot.render import embeds
from tests.fakediscord.process import TOKEN
from tests.test_cli import run

ROOT = Path(__file__).resolve().parent.parent


def test_invite_permissions_are_exactly_what_the_features_need() -> None:
    wanted = discord.Permissions(
        view_channel=True,
        send_messages=True,
        embed_links=True,
        attach_files=True,
        create_public_threads=True,
        send_messages_in_threads=True,
    )
    assert permissions_value() == wanted.value == 309237697536
    for name, bit, _, _ in NEEDED:
        assert getattr(discord.Permissions(1 << bit), name), name
    query = parse_qs(urlsplit(invite_url(42)).query)
    assert query == {
        "client_id": ["42"],
        "permissions": ["309237697536"],
        "scope": ["bot applications.commands"],
    }


def test_invite_command_takes_the_id_from_the_token_or_the_option(tmp_path: Path) -> None:
    assert application_id_of(TOKEN) == 12345678901234567890
    assert application_id_of("not a token") is None
    out = run("invite", cwd=tmp_path, env={"DISCORD_TOKEN": TOKEN})
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0] == (
        "https://discord.com/oauth2/authorize?client_id=12345678901234567890&permissions=309237697536"
        "&scope=bot+applications.commands"
    )
    assert "privileged intents: none" in out.stdout
    out = run("invite", "--application-id", "99", cwd=tmp_path)
    assert "client_id=99&" in out.stdout
    out = run("invite", cwd=tmp_path)
    assert out.returncode == 2 and "--application-id" in out.stderr and "Traceback" not in out.stderr


def test_the_bot_asks_for_no_privileged_intent(tmp_path: Path) -> None:
    from bot.discord.client import NewsdeskBot
    from bot.settings import Settings

    bot = NewsdeskBot(Settings(database_url=f"sqlite:///{tmp_path}/t.db"))
    intents = bot.intents
    assert not (intents.members or intents.presences or intents.message_content)


def test_readme_command_table_is_one_table_and_documents_every_command() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("| command | what it answers |")
    table = text[start : text.index("\n\n", start)]
    for needed in (
        "/digest set",
        "language",
        "/ping",
        "/help",
        "/stats",
        "/privacy",
        "/unfollow",
        "/org",
        "/digest edit",
    ):
        assert needed in table, needed
    assert "python -m bot invite" in text and "309237697536" in text
    assert "`discord_token`" in text
    assert "--as-manager" in text
    assert "NEWSDESK_TEST_POSTGRES_URL=" in text


def _article(sections: int, points: int) -> Article:
    groups = "\n\n".join(
        f"Group {g}: Heading {g}\n"
        + "\n".join(f"- Point {g}.{p} of the story [{p}]." for p in range(1, points + 1))
        for g in range(1, sections + 1)
    )
    text = f"A headline\nWire·2025-10-29 08:00\n\nCore Viewpoint: The view [1].\n\n{groups}\n"
    return load_article(text.encode())


def _shown(pages: list[list[discord.Embed]]) -> tuple[str, str]:
    body = "\n".join(f"{f.name}\n{f.value}" for page in pages for e in page for f in e.fields)
    footer = "\n".join(e.footer.text or "" for page in pages for e in page if e.footer)
    return body, footer


def test_short_summary_shows_every_section_heading() -> None:
    article = _article(5, 3)
    assert len(article.sections) == 5
    pages = embeds.summary_pages(article, "short")
    body, footer = _shown(pages)
    assert len(pages) == 1
    for g in range(1, 6):
        assert f"Heading {g}" in body and f"Point {g}.1 of the story" in body
    assert "length: full" in footer


def test_short_summary_says_nothing_of_full_when_everything_is_shown() -> None:
    article = _article(3, 2)
    body, footer = _shown(embeds.summary_pages(article, "short"))
    assert "Point 3.2 of the story" in body
    assert "length: full" not in footer and "more" not in body


def test_permission_names_are_the_ones_discord_shows() -> None:
    from bot.i18n import permissions

    assert permissions(["manage_guild"]) == "the Manage Server permission"
    assert permissions(["view_channel", "send_messages", "embed_links"]) == (
        "the View Channels, Send Messages and Embed Links permissions"
    )
    assert permissions(["send_messages", "embed_links"], "zh-CN") == "“发送消息”和“嵌入链接”权限"
    assert permissions(["manage_guild"], "zh-TW") == "「管理伺服器」權限"
    assert permissions(["send_messages", "embed_links"], "zh-TW") == "「傳送訊息」和「嵌入連結」權限"


def test_english_plurals() -> None:
    from bot.i18n import t

    assert t("n_articles", n=1) == "1 article" and t("n_articles", n=3) == "3 articles"
    assert t("digest_header", day="Monday", count=1).endswith("1 new article")
    assert t("stats_title", scope="you", days=1) == "Usage · you · last 1 day"
    assert t("stats_summary", total=2, ok=2, user_error=0, denied=0, error=0, rate="0%").startswith(
        "**2** commands:"
    )
    assert t("about_feed_failing", url="u", error="e", failures=1, wait=3) == (
        "⚠ u: e (1 failure in a row; next try in 3 min)"
    )
    assert t("n_articles", "zh-CN", n=1) == "1 篇文章"


def test_roles_read_as_a_newsroom_writes_them() -> None:
    from bot.i18n import use_locale
    from bot.library.core import PersonEntry

    def person(role: str | None, org: str | None) -> PersonEntry:
        return PersonEntry(key="x", name="X", role=role, organization=org)

    assert embeds.role_text(person("chair", "Fed")) == "Fed chair"
    assert embeds.role_text(person("president", None)) == "President"
    with use_locale("zh-CN"):
        assert embeds.role_text(person("主席", "美联储")) == "美联储主席"
    with use_locale("zh-TW"):
        assert embeds.role_text(person("主席", "聯準會")) == "聯準會主席"
    with use_locale("zh-CN"):
        # beside a Latin word, a space, as Chinese typesetting keeps one
        assert embeds.role_text(person("首席执行官", "Nvidia")) == "Nvidia 首席执行官"
        assert embeds.role_text(person("chair", "Fed")) == "Fed chair"


def test_a_missing_source_leaves_no_dangling_dash() -> None:
    article = _article(1, 1).model_copy(update={"source": ""})
    listed = embeds.article_list_pages([article], "x")[0][0].description or ""
    assert "— ·" not in listed and listed.rstrip().endswith("2025-10-29")
    undated = article.model_copy(update={"published_at": None})
    assert "source and date unknown" in (embeds.article_list_pages([undated], "x")[0][0].description or "")


def test_no_literal_backticks_in_footers() -> None:
    article = _article(2, 1)
    [part] = embeds.alert_messages(article, [("X", [])], {"X": [1]}, None)
    embed = part.embed
    assert embed.footer.text and "`" not in embed.footer.text
    assert embed.footer.text == "More: /summary article:A headline"


def test_run_without_network_says_so_in_one_line_and_retries(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import threading

    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSDESK_", "DISCORD_"))}
    env.update(
        DISCORD_TOKEN=TOKEN,
        DISCORD_API_BASE="http://127.0.0.1:9/api/v10",  # nothing listens on the discard port
        DISCORD_GATEWAY_URL="ws://127.0.0.1:9/gateway",
        NEWSDESK_DATABASE_URL=f"sqlite:///{tmp_path}/n.db",
        NEWSDESK_ARTICLES=str(tmp_path),
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    # Stop it once it has said it is retrying (a busy machine may take a while to get there); a bot that
    # never says so is killed after a minute, and the asserts below tell what it printed instead.
    guard = threading.Timer(60, proc.kill)
    guard.start()
    seen: list[str] = []
    assert proc.stdout is not None
    for line in proc.stdout:
        seen.append(line)
        if sum("cannot reach Discord" in x for x in seen) >= 2:
            break
    proc.send_signal(signal.SIGTERM)
    rest, _ = proc.communicate(timeout=30)
    guard.cancel()
    out = "".join(seen) + rest
    assert proc.returncode == 0, out
    assert "Traceback" not in out
    tries = [line for line in out.splitlines() if "cannot reach Discord" in line]
    assert len(tries) >= 2 and "trying again in 1 s" in tries[0] and "trying again in 2 s" in tries[1]
    assert "stopped cleanly" in out
