"""The fake-Discord tour that the README offers newcomers (``python -m tests.fakediscord``)."""

from __future__ import annotations

import asyncio
import os
import re
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.fakediscord import FakeDiscord
from tests.fakediscord.__main__ import TourError, bot_env, options_for, parse, run
from tests.feedserver import FeedServer, harbour_item, rss

ROOT = Path(__file__).resolve().parent.parent
CJK = re.compile(r"[\u4e00-\u9fff]")


async def tour(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """Run the tour as a newcomer does, in its own process; returns (exit code, stdout, stderr)."""
    full = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")} | (env or {})
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.fakediscord", *args, cwd=ROOT, env=full,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await proc.communicate()
    assert proc.returncode is not None
    return proc.returncode, out.decode(), err.decode()


def synced(fake: FakeDiscord) -> FakeDiscord:
    """A fake that has a command synced with one option of every type the tour converts."""
    fake.commands["global"] = [
        {
            "id": "1",
            "name": "look",
            "options": [
                {
                    "name": "into",
                    "type": 1,
                    "options": [
                        {"name": "days", "type": 4},
                        {"name": "contested", "type": 5},
                        {"name": "weight", "type": 10},
                        {"name": "query", "type": 3},
                    ],
                }
            ],
        }
    ]
    return fake


def test_an_apostrophe_in_a_value_is_part_of_the_value() -> None:
    assert parse("/article remove article:Nvidia's Jensen") == (
        "article remove",
        {"article": "Nvidia's Jensen"},
    )
    # Double quotes still group a value that holds an option-like word.
    name, options = parse('/articles search query:"ceo: resigns" limit:3')
    assert (name, options) == ("articles search", {"query": "ceo: resigns", "limit": "3"})
    assert parse("/digest set time:08:30") == ("digest set", {"time": "08:30"})


def test_options_are_sent_with_the_type_the_bot_registered() -> None:
    fake = synced(FakeDiscord())
    sent = options_for(
        fake, "look into", {"days": "3650", "contested": "true", "weight": "2.5", "query": "7"}
    )
    assert sent == {"days": 3650, "contested": True, "weight": 2.5, "query": "7"}
    assert type(sent["days"]) is int and type(sent["contested"]) is bool
    assert options_for(fake, "look into", {"contested": "False"}) == {"contested": False}


@pytest.mark.parametrize(
    ("name", "options", "message"),
    [
        ("look into", {"days": "ten"}, "days: takes a whole number, not 'ten'"),
        ("look into", {"contested": "maybe"}, "contested: takes true or false"),
        ("look into", {"colour": "red"}, "has no option colour:; it has: days, contested, weight, query"),
        ("look out", {}, "/look has no subcommand 'out'; it has: into"),
        ("look", {}, "/look needs a subcommand: into"),
        ("lok into", {}, "there is no command /lok; the bot has: /look"),
    ],
)
def test_a_wrong_command_or_value_says_what_there_is(
    name: str, options: dict[str, str], message: str
) -> None:
    with pytest.raises(TourError) as caught:
        options_for(synced(FakeDiscord()), name, options)
    assert message in str(caught.value)


def test_a_missing_file_is_one_clear_line_and_a_failing_exit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "my-article.txt"
    assert run(["--as-manager", f"/article add file:{missing}", "press:Add it"]) == 2
    out, err = capsys.readouterr()
    assert err.strip() == f"error: file:{missing}: no such file (give a path to a text file on disk)"
    assert "Traceback" not in out + err


def test_the_callers_newsdesk_settings_reach_the_bot_but_not_its_database() -> None:
    environ = {
        "NEWSDESK_FEED_ALLOW_HOSTS": "127.0.0.1",
        "NEWSDESK_DATABASE_URL": "postgresql://somewhere/real",
        "NEWSDESK_SYNC_GUILDS": "1",
        "HOME": "/home/x",
    }
    assert bot_env(environ) == {"NEWSDESK_FEED_ALLOW_HOSTS": "127.0.0.1"}


def test_help_prints_the_examples_line_by_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        run(["--help"])
    assert done.value.code == 0
    lines = capsys.readouterr().out.splitlines()
    assert (
        '    python -m tests.fakediscord --as-manager "/article add file:story.txt" "press:Add it" \\'
        in lines
    )
    assert '        "/articles list" "@2 /articles list"' in lines
    assert any(line.lstrip().startswith("--show-posts") for line in lines)
    assert any(line.lstrip().startswith("--locale") for line in lines)


async def test_a_manager_tour_with_typed_options_quotes_buttons_and_posts() -> None:
    code, out, err = await tour(
        "--as-manager",
        "--show-posts",
        "/moves days:3650",
        "/stories days:3650 contested:true",
        "/article remove article:Nvidia's Jensen",
        "press:No such button",
        "/digest set channel:news time:08:30",
        "/digest now",
    )
    assert "Traceback" not in out + err and "Something went wrong" not in out, out + err
    assert code == 1, out  # one line was not sent: the wrong button
    answers = out.split("\n>>> ")
    moves = next(a for a in answers if a.startswith("[Test Server] /moves days:3650"))
    stories = next(a for a in answers if a.startswith("[Test Server] /stories days:3650 contested:true"))
    assert len(moves.splitlines()) > 1 and len(stories.splitlines()) > 1
    removal = next(a for a in answers if a.startswith("[Test Server] /article remove"))
    labels = re.search(r"\[buttons: (.*)\]", removal)
    assert labels is not None
    pressed = next(a for a in answers if a.startswith("[Test Server] press:No such button"))
    assert f"the previous reply has no button 'No such button'; it has: {labels.group(1)}" in pressed
    posted = out.split("=== posted in channels, threads and direct messages ===")[1]
    lines = posted.strip().splitlines()
    assert lines[0] == "[Test Server] #news"
    assert sum(line.startswith("  # ") for line in lines) >= 2  # the digest's articles, a title a line
    assert "bot exited with 0" in out


async def test_a_chinese_speaking_member_gets_chinese_answers() -> None:
    code, out, err = await tour("--locale", "zh-CN", "/help")
    assert code == 0, out + err
    reply = out.split(">>> [Test Server] /help")[1].splitlines()[1]
    assert CJK.search(reply), reply
    english_code, english, _ = await tour("/help")
    assert english_code == 0 and not CJK.search(english.split(">>> [Test Server] /help")[1].splitlines()[1])


async def test_a_local_feed_is_allowed_when_the_caller_allows_its_host() -> None:
    feeds = FeedServer()
    await feeds.start()
    try:
        now = datetime.now(UTC)
        url = feeds.serve("rss.xml", rss("Harbour Desk", [harbour_item(n, now) for n in range(3)]))
        code, out, err = await tour(
            "--as-manager", f"/feed test url:{url}", env={"NEWSDESK_FEED_ALLOW_HOSTS": "127.0.0.1"}
        )
    finally:
        await feeds.stop()
    assert code == 0, out + err
    assert feeds.hits["rss.xml"] >= 1
    assert "**Feed test**" in out and "loopback" not in out, out


def test_an_attachment_option_uploads_the_file(tmp_path: Path) -> None:
    fake = FakeDiscord()
    fake.commands["global"] = [{"id": "2", "name": "up", "options": [{"name": "file", "type": 11}]}]
    story = tmp_path / "story.txt"
    story.write_text("A headline\n\nA sentence of my own.\n", encoding="utf-8")
    sent: dict[str, Any] = options_for(fake, "up", {"file": str(story)})
    assert fake.uploads[sent["file"]] == ("story.txt", story.read_bytes())


def test_channel_and_role_options_take_the_fakes_names() -> None:
    fake = FakeDiscord()
    fake.commands["global"] = [
        {"id": "3", "name": "post", "options": [{"name": "where", "type": 7}, {"name": "ping", "type": 8}]}
    ]
    guild = fake.guild(0)
    sent = options_for(fake, "post", {"where": "#stories", "ping": "@readers"})
    assert sent == {"where": str(guild.forum_channel_id), "ping": str(guild.role_id)}
    with pytest.raises(TourError) as caught:
        options_for(fake, "post", {"where": "general"})
    assert "where: takes a channel of the fake: news, locked, announcements, stories, quiet" in str(
        caught.value
    )
    with pytest.raises(TourError) as caught:
        options_for(fake, "post", {"ping": "admins"})
    assert "ping: takes the fake's role readers, not 'admins'" in str(caught.value)
