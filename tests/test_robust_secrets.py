"""Secrets stay secret: feed URL passwords are redacted wherever a feed is shown or logged, and a settings error
names the variable and what it expects without printing any part of the token."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.ingest.feeds import FeedPoller
from bot.render import embeds
from bot.settings import Settings, redact_secrets
from bot.store.sql import SQLStore
from tests.feedserver import FeedServer

TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.s3cr3tTOKENs3cr3tTOKENs3cr3tXYZ"


def test_redact_secrets_in_urls() -> None:
    assert (
        redact_secrets("https://reader:hunter2@feeds.example/rss") == "https://reader:***@feeds.example/rss"
    )
    assert redact_secrets("https://reader:p%40ss@w@feeds.example/") == "https://reader:***@feeds.example/"
    assert redact_secrets("https://feeds.example/rss?user=me&token=abc123&x=1") == (
        "https://feeds.example/rss?user=me&token=***&x=1"
    )
    assert redact_secrets("https://feeds.example/rss") == "https://feeds.example/rss"
    text = "404, message='Not Found', url=URL('http://a:b3cret@127.0.0.1:1/x')"
    assert "b3cret" not in redact_secrets(text)


async def test_feed_password_never_shown_or_logged(
    server: FeedServer, store: SQLStore, caplog: pytest.LogCaptureFixture
) -> None:
    url = server.url("private.xml").replace("http://", "http://reader:hunter2@")
    poller = FeedPoller([url])
    with caplog.at_level(logging.INFO):
        await poller.poll(store)  # 404: the feed fails, is logged, and is listed in /about
    state = poller.states[url]
    assert state.failures == 1
    assert "hunter2" not in state.url and "reader:***@" in state.url
    assert "hunter2" not in (state.last_error or "")
    assert "hunter2" not in caplog.text and "reader:***@" in caplog.text
    pages = embeds.about_pages(
        dict.fromkeys(("articles", "people", "organizations", "claims"), 0), "1", [], running=[state.url]
    )
    assert "hunter2" not in str([e.to_dict() for page in pages for e in page])


def test_settings_dump_redacts_feed_passwords(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSDESK_FEEDS", "https://reader:hunter2@feeds.example/rss")
    dump = str(Settings().safe_dump)
    assert "hunter2" not in dump and "reader:***@feeds.example" in dump


def run_cli(env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSDESK_", "DISCORD_"))}
    return subprocess.run(
        [sys.executable, "-m", "bot", "parse", str(tmp_path)],
        env={**clean, "DISCORD_TOKEN": TOKEN, **env},
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("env", "named", "expected"),
    [
        ({"NEWSDESK_SHARD_IDS": "0"}, "NEWSDESK_SHARD_IDS", "NEWSDESK_SHARD_COUNT"),
        ({"NEWSDESK_SYNC_GUILDS": "abc"}, "NEWSDESK_SYNC_GUILDS", "server (guild) ids"),
        ({"NEWSDESK_FEEDS": "ftp://x"}, "NEWSDESK_FEEDS", "http(s)"),
        ({"NEWSDESK_FEED_MINUTES": "0"}, "NEWSDESK_FEED_MINUTES", "greater than 0"),
        ({"NEWSDESK_PRUNE_DELETED": "maybe"}, "NEWSDESK_PRUNE_DELETED", "true or false"),
    ],
)
def test_bad_settings_name_the_variable_in_one_line_and_never_show_the_token(
    env: dict[str, str], named: str, expected: str, tmp_path: Path
) -> None:
    done = run_cli(env, tmp_path)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("error: invalid settings: ") and named in lines[0] and expected in lines[0]
    assert "pydantic" not in lines[0] and "input_value" not in lines[0]
    for i in range(len(TOKEN) - 3):  # no four characters of the token in a row
        assert TOKEN[i : i + 4] not in done.stderr + done.stdout
