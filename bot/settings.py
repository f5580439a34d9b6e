"""Settings: environment variables, then the TOML file named by NEWSDESK_CONFIG, then the bundled defaults.

Relative paths in a TOML file are read relative to that file, so the bundled ``config/newsdesk.toml`` can say
``articles = ["articles"]`` and mean the bundled corpus wherever the package is installed. Relative paths in
environment variables are relative to the working directory, as a shell user expects.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import re
import socket
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from .paths import BUNDLED_CONFIG_DIR

PATH_FIELDS = ("articles", "people_file")
log = logging.getLogger("newsdesk.settings")


def redact_url(url: str) -> str:
    """A database URL without its password, for messages and logs."""
    return re.sub(r"(//[^:/@]+):[^@/]*@", r"\1:***@", url)


class _RelativeToml(TomlConfigSettingsSource):
    """A TOML source whose relative paths are resolved against the file's own folder."""

    def __init__(self, settings_cls: type[BaseSettings], path: Path) -> None:
        self._base = path.resolve().parent
        self._path = path
        super().__init__(settings_cls, toml_file=path)

    def __call__(self) -> dict[str, Any]:
        data = super().__call__()
        holds_token = any(k.lower() == "discord_token" and v for k, v in data.items())
        if holds_token and _readable_by_others(self._path):
            log.warning(
                "%s holds a Discord token and other users can read it: run chmod 600 %s, or set DISCORD_TOKEN in "
                "the environment instead",
                self._path,
                self._path,
            )
        if isinstance(data.get("articles"), list):
            data["articles"] = [str(self._base / p) for p in data["articles"]]
        elif isinstance(data.get("articles"), str):
            data["articles"] = [str(self._base / p) for p in _split_list(data["articles"])]
        if isinstance(data.get("people_file"), str) and data["people_file"]:
            data["people_file"] = str(self._base / data["people_file"])
        return data


def _readable_by_others(path: Path) -> bool:
    try:
        return bool(path.stat().st_mode & 0o044)
    except OSError:
        return False


def parse_ranges(value: str) -> list[int]:
    """``"0-3"`` -> [0, 1, 2, 3]; ``"0,2,5-6"`` -> [0, 2, 5, 6]."""
    out: list[int] = []
    for part in (p.strip() for p in value.split(",")):
        if not part:
            continue
        m = re.fullmatch(r"(\d+)\s*-\s*(\d+)|(\d+)", part)
        if m is None:
            raise ValueError(f"{part!r} is not a shard number or range like 0-3")
        if m.group(3) is not None:
            out.append(int(m.group(3)))
        else:
            low, high = int(m.group(1)), int(m.group(2))
            if high < low:
                raise ValueError(f"shard range {part!r} runs backwards")
            out.extend(range(low, high + 1))
    return sorted(set(out))


_USERINFO_PASSWORD = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^\s/?#:@]*):[^\s/?#]*@", re.I)
_SECRET_QUERY = re.compile(
    r"([?&;][\w.-]*?(?:token|key|secret|password|passwd|pwd|sig|signature|auth)=)[^&#;\s'\")]*", re.I
)


def redact_secrets(text: str) -> str:
    """URLs in ``text`` without their secrets, for messages and logs: the password of ``user:password@`` and the
    values of query parameters such as ``token=``, ``key=``, ``signature=`` become ``***``."""
    return _SECRET_QUERY.sub(r"\1***", _USERINFO_PASSWORD.sub(r"\1:***@", text))


def split_hosts(value: str) -> list[str]:
    """``"127.0.0.1, feeds.internal 10.0.0.0/8"`` -> the three items (commas or spaces between them)."""
    return [h for h in re.split(r"[,\s]+", value) if h]


def _split_list(value: str) -> list[str]:
    parts: list[str] = []
    for chunk in value.split(","):
        parts.extend(p for p in chunk.split(os.pathsep) if p.strip())
    return [p.strip() for p in parts]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSDESK_", extra="ignore", populate_by_name=True)

    discord_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("DISCORD_TOKEN", "discord_token"), repr=False
    )
    discord_api_base: str | None = Field(
        default=None, validation_alias=AliasChoices("DISCORD_API_BASE", "discord_api_base")
    )
    discord_gateway_url: str | None = Field(
        default=None, validation_alias=AliasChoices("DISCORD_GATEWAY_URL", "discord_gateway_url")
    )
    database_url: str = "sqlite:///data/newsdesk.db"
    articles: Annotated[list[Path], NoDecode] = Field(
        default_factory=lambda: [BUNDLED_CONFIG_DIR / "articles"]
    )
    people_file: Path | None = BUNDLED_CONFIG_DIR / "people.toml"
    sync_guilds: Annotated[list[int], NoDecode] = Field(default_factory=list)
    log_level: str = "INFO"
    # Digests: how often the scheduler looks for due servers, how late a missed digest may still be posted,
    # and a clock offset for dry runs and end-to-end tests (the digest clock only; Discord is never lied to).
    digest_tick_seconds: float = Field(default=30.0, gt=0, le=3600)
    digest_grace_hours: float = Field(default=6.0, ge=0, le=23)
    clock_offset_seconds: float = 0.0
    # Folder watch: rescan the article folders every this many seconds (0: only at start-up); keep the
    # articles of deleted files unless pruning is on.
    scan_seconds: float = Field(default=60.0, ge=0, le=86400)
    prune_deleted: bool = False
    # Usage records: kept this many days, then purged once a day.
    usage_retention_days: int = Field(default=90, ge=1, le=3650)
    # A server the bot left: its articles, settings, digests, follows and usage are deleted after this many days
    # (joining again before then keeps them).
    forget_guild_days: float = Field(default=30.0, ge=0, le=3650)
    # Sharding: this process runs the shards NEWSDESK_SHARD_IDS (e.g. "0-3" or "0,2") of NEWSDESK_SHARD_COUNT;
    # unset, one process runs everything on one connection.
    shard_count: int | None = Field(default=None, ge=1, le=100_000)
    shard_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    # Feeds: RSS/Atom URLs polled every NEWSDESK_FEED_MINUTES.
    feeds: Annotated[list[str], NoDecode] = Field(default_factory=list)
    feed_minutes: float = Field(default=15.0, gt=0, le=1440)
    # Hosts, addresses or networks (CIDR) feeds may reach although they are loopback, private or link-local;
    # every other such address is refused, after DNS resolution and on every redirect.
    feed_allow_hosts: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # Servers' own feeds (/feed add): at most this many per server; at most this many posts per channel and
    # hour (the rest are folded into one "and N more" message).
    feed_server_limit: int = Field(default=20, ge=0, le=500)
    feed_posts_per_hour: int = Field(default=10, ge=1, le=1000)
    # Follow alerts: how often new articles are matched against follows (seconds).
    alert_seconds: float = Field(default=30.0, gt=0, le=3600)
    # Parsing: an article (file, feed entry, upload) that takes longer than this to read is refused with its
    # reason and read again only when it changes; its parse process is replaced.
    parse_seconds: float = Field(default=10.0, gt=0, le=3600)
    # Health and metrics: /healthz and /metrics (Prometheus) on this port when set; loopback unless
    # NEWSDESK_METRICS_HOST says otherwise.
    metrics_port: int | None = Field(default=None, ge=0, le=65535)
    metrics_host: str = "127.0.0.1"

    @field_validator("articles", mode="before")
    @classmethod
    def _articles(cls, value: object) -> object:
        if isinstance(value, str):
            return [Path(p).expanduser() for p in _split_list(value)]
        return value

    @field_validator("sync_guilds", mode="before")
    @classmethod
    def _guilds(cls, value: object) -> object:
        if isinstance(value, str):
            parts = _split_list(value)
            wrong = [p for p in parts if not p.isdigit()]
            if wrong:
                raise ValueError(
                    f"{wrong[0][:40]!r} is not a server id; expected server (guild) ids separated by commas, "
                    "e.g. 123456789012345678,234567890123456789"
                )
            return [int(p) for p in parts]
        return value

    @field_validator("shard_ids", mode="before")
    @classmethod
    def _shard_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return parse_ranges(value)
        return value

    @field_validator("feeds", mode="before")
    @classmethod
    def _feeds(cls, value: object) -> object:
        if isinstance(value, str):
            return [u.strip() for u in re.split(r"[,\s]+", value) if u.strip()]
        return value

    @field_validator("feed_allow_hosts", mode="before")
    @classmethod
    def _allow_hosts(cls, value: object) -> object:
        items = split_hosts(value) if isinstance(value, str) else value
        for item in items if isinstance(items, list) else []:
            if "/" in str(item):
                try:
                    ipaddress.ip_network(str(item), strict=False)
                except ValueError as exc:
                    raise ValueError(
                        f"{str(item)[:60]!r} is not a network; expected host names, addresses or networks "
                        "such as 127.0.0.1, feeds.internal or 10.0.0.0/8, separated by commas"
                    ) from exc
        return items

    @model_validator(mode="after")
    def _shards(self) -> Settings:
        if self.shard_ids and self.shard_count is None:
            raise ValueError("NEWSDESK_SHARD_IDS needs NEWSDESK_SHARD_COUNT (the total number of shards)")
        wrong = [i for i in self.shard_ids if self.shard_count is not None and not 0 <= i < self.shard_count]
        if wrong:
            raise ValueError(
                f"NEWSDESK_SHARD_IDS {wrong} are outside 0-{(self.shard_count or 1) - 1} (NEWSDESK_SHARD_COUNT)"
            )
        for url in self.feeds:
            if not url.startswith(("http://", "https://")):
                raise ValueError(
                    f"NEWSDESK_FEEDS: {redact_secrets(url)[:80]!r} is not an http(s) URL; expected http(s) feed "
                    "URLs separated by commas"
                )
        return self

    @property
    def instance(self) -> str:
        """Who this process is, for claims in a shared database: the host and the shards it runs."""
        shards = ",".join(map(str, self.shard_ids)) if self.shard_ids else "all"
        return f"{socket.gethostname()}/shards {shards} of {self.shard_count or 1}"

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        level = value.upper()
        if level not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
            raise ValueError("NEWSDESK_LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL")
        return level

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        user_file = os.environ.get("NEWSDESK_CONFIG")
        if user_file:
            path = Path(user_file).expanduser()
            if not path.is_file():
                raise FileNotFoundError(f"NEWSDESK_CONFIG names {path}, which is not a file")
            sources.append(_RelativeToml(settings_cls, path))
        bundled = BUNDLED_CONFIG_DIR / "newsdesk.toml"
        if bundled.is_file():
            sources.append(_RelativeToml(settings_cls, bundled))
        return tuple(sources)

    @cached_property
    def safe_dump(self) -> dict[str, object]:
        """The settings as a dict for logs and `--help`: the token is never shown."""
        data = self.model_dump(mode="json")
        data["discord_token"] = "***" if self.discord_token else None
        data["database_url"] = redact_url(self.database_url)
        data["feeds"] = [redact_secrets(u) for u in self.feeds]
        for key in ("discord_api_base", "discord_gateway_url"):
            if data.get(key):
                data[key] = redact_secrets(data[key])
        return data


ENV_NAMES = {
    "discord_token": "DISCORD_TOKEN",
    "discord_api_base": "DISCORD_API_BASE",
    "discord_gateway_url": "DISCORD_GATEWAY_URL",
}
SECRET_FIELDS = {"discord_token", "DISCORD_TOKEN"}
EXPECTED = {
    "sync_guilds": "server (guild) ids separated by commas",
    "shard_ids": "shard numbers or ranges such as 0-3 or 0,2",
    "shard_count": "the total number of shards (a whole number)",
    "feeds": "http(s) feed URLs separated by commas",
    "articles": "article folders or files separated by commas",
    "prune_deleted": "true or false",
    "log_level": "DEBUG, INFO, WARNING, ERROR or CRITICAL",
}


def env_name(field: str) -> str:
    """The environment variable that sets a settings field."""
    if field.upper() in ENV_NAMES.values():
        return field.upper()
    return ENV_NAMES.get(field, f"NEWSDESK_{field.upper()}")


def describe_settings_error(exc: BaseException) -> str:
    """One line for a settings error: each variable at fault, what it expects and the value given (never the
    token, never a secret in a URL), without pydantic's own wording around it."""
    if not isinstance(exc, ValidationError):
        return redact_secrets(" ".join(str(exc).split()))
    parts: list[str] = []
    for error in exc.errors(include_url=False):
        message = str(error.get("msg", "invalid"))
        custom = error.get("type") == "value_error"
        message = message.removeprefix("Value error, ").removeprefix("Assertion failed, ")
        loc = [str(x) for x in error.get("loc", ()) if isinstance(x, str)]
        if not loc:  # a rule across variables: its message names them
            parts.append(message)
            continue
        field = loc[0]
        name = env_name(field)
        if message.startswith("Input "):
            message = "i" + message[1:]
        text = message if message.startswith(name) else f"{name}: {message}"
        key = field.lower()
        if not custom and key in EXPECTED:
            text += f"; expected {EXPECTED[key]}"
        value = error.get("input")
        if field not in SECRET_FIELDS and isinstance(value, str | int | float) and not custom:
            text += f" (got {redact_secrets(str(value))[:60]!r})"
        parts.append(text)
    return redact_secrets("; ".join(" ".join(p.split()) for p in parts))
