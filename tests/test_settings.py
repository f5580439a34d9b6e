"""Settings: env over NEWSDESK_CONFIG over bundled defaults; paths; the token never shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.paths import BUNDLED_CONFIG_DIR
from bot.settings import Settings


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for name in list(os.environ):
        if name.startswith(("NEWSDESK_", "DISCORD_")):
            monkeypatch.delenv(name)


def test_bundled_defaults() -> None:
    s = Settings()
    assert s.database_url == "sqlite:///data/newsdesk.db"
    assert s.articles == [BUNDLED_CONFIG_DIR / "articles"]
    assert s.articles[0].is_dir()
    assert s.sync_guilds == []
    assert s.discord_token is None


def test_config_file_then_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = tmp_path / "conf" / "mine.toml"
    cfg.parent.mkdir()
    cfg.write_text(
        'database_url = "sqlite:///from-file.db"\narticles = ["news", "/abs/more"]\nlog_level = "debug"\n'
    )
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    s = Settings()
    assert s.database_url == "sqlite:///from-file.db"
    assert s.articles == [cfg.parent.resolve() / "news", Path("/abs/more")]
    assert s.log_level == "DEBUG"
    monkeypatch.setenv("NEWSDESK_DATABASE_URL", "sqlite:///from-env.db")
    monkeypatch.setenv("NEWSDESK_ARTICLES", "a,b")
    monkeypatch.setenv("NEWSDESK_SYNC_GUILDS", "1, 2")
    s = Settings()
    assert s.database_url == "sqlite:///from-env.db"
    assert s.articles == [Path("a"), Path("b")]
    assert s.sync_guilds == [1, 2]


def test_missing_config_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSDESK_CONFIG", str(tmp_path / "nope.toml"))
    with pytest.raises(FileNotFoundError, match=r"nope\.toml"):
        Settings()


def test_token_is_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", "secret-token-value")
    s = Settings()
    assert s.discord_token is not None
    assert s.discord_token.get_secret_value() == "secret-token-value"
    assert "secret-token-value" not in repr(s)
    assert "secret-token-value" not in str(s.safe_dump)
    assert "secret-token-value" not in s.model_dump_json()


def test_config_file_with_token_readable_by_others_warns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    cfg = tmp_path / "secret.toml"
    cfg.write_text('discord_token = "MTIzNDU2Nzg5MDEyMzQ1Njc4OTA.GaBcDe.abcdefghijklmnopqrstuvwxyz012345"\n')
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    cfg.chmod(0o644)
    with caplog.at_level("WARNING", logger="newsdesk.settings"):
        s = Settings()
    assert s.discord_token is not None
    assert any("other users can read it" in r.getMessage() for r in caplog.records)
    assert all("abcdefghijklmnopqrstuvwxyz012345" not in r.getMessage() for r in caplog.records)
    caplog.clear()
    cfg.chmod(0o600)
    with caplog.at_level("WARNING", logger="newsdesk.settings"):
        Settings()
    assert not caplog.records


def test_shards_and_feeds(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.settings import parse_ranges

    assert parse_ranges("0-3") == [0, 1, 2, 3]
    assert parse_ranges("5, 0,2-3") == [0, 2, 3, 5]
    with pytest.raises(ValueError, match="runs backwards"):
        parse_ranges("3-1")
    with pytest.raises(ValueError, match="not a shard number"):
        parse_ranges("a")
    monkeypatch.setenv("NEWSDESK_SHARD_COUNT", "4")
    monkeypatch.setenv("NEWSDESK_SHARD_IDS", "2-3")
    monkeypatch.setenv("NEWSDESK_FEEDS", "https://a.example/rss, http://b.example/atom")
    s = Settings()
    assert (s.shard_count, s.shard_ids) == (4, [2, 3])
    assert s.instance.endswith("/shards 2,3 of 4")
    assert s.feeds == ["https://a.example/rss", "http://b.example/atom"]
    monkeypatch.setenv("NEWSDESK_SHARD_IDS", "4")
    with pytest.raises(ValueError, match="outside 0-3"):
        Settings()
    monkeypatch.delenv("NEWSDESK_SHARD_COUNT")
    with pytest.raises(ValueError, match="needs NEWSDESK_SHARD_COUNT"):
        Settings()
    monkeypatch.delenv("NEWSDESK_SHARD_IDS")
    monkeypatch.setenv("NEWSDESK_FEEDS", "ftp://x")
    with pytest.raises(ValueError, match="not an http"):
        Settings()


def test_database_password_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSDESK_DATABASE_URL", "postgresql://newsdesk:s3cret@db:5432/newsdesk")
    dump = Settings().safe_dump
    assert dump["database_url"] == "postgresql://newsdesk:***@db:5432/newsdesk"
