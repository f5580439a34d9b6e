"""Every user-facing string in English, Simplified Chinese and Traditional Chinese.

The words live in data files, one per language, read once when this package is imported:
``bot/i18n/en.toml``, ``bot/i18n/zh-CN.toml`` and ``bot/i18n/zh-TW.toml`` (shipped as package data).

- ``[replies]``: ``key = "text"`` in every language, the same keys and the same placeholders. A placeholder is a
  :meth:`str.format` field (``{title}``, ``{size:,}``); ``t(key, **values)`` fills them in.
- **Plural forms** (English): ``{n|article|articles}`` is the first word when the value ``n`` is 1, the second
  otherwise (also when ``n`` is not given), so ``"{n} {n|article|articles}"`` reads "1 article", "3 articles".
  The counted name must be one of the reply's placeholders; Chinese needs no plural forms and writes none.
- ``[commands]`` (zh files): command names, descriptions, options and choices by their English text; discord.py
  asks for them through ``bot.discord.translator.NewsdeskTranslator`` (it translates only that metadata).
- ``[examples]`` (en): /help examples by command; ``[example_values]`` (zh): example values a client shows in its
  own words; ``[feed_errors]`` (zh): a feed refusal's fixed English phrase (a regular expression) -> its wording.

The reply language is the member's Discord language if we speak it, then the server's, then English
(:func:`lang_of`). It is held in the :data:`current` context variable, set once per interaction by the command
tree (and around background work for a server with :func:`use_locale`); ``t(key, **values)`` reads it, and an
explicit ``t(key, lang, **values)`` still wins. The Traditional strings were converted from the Simplified ones
with OpenCC's s2twp table (Taiwan phrasing) and reviewed; keep the three files in step. Nothing here imports
discord.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from importlib import resources
from typing import Any, Protocol

SUPPORTED = ("en", "zh-CN", "zh-TW")


def _load(lang: str) -> dict[str, Any]:
    return tomllib.loads(resources.files(__name__).joinpath(f"{lang}.toml").read_text(encoding="utf-8"))


_CATALOGS: dict[str, dict[str, Any]] = {lang: _load(lang) for lang in SUPPORTED}
_REPLY_TEXT: dict[str, dict[str, str]] = {lang: _CATALOGS[lang]["replies"] for lang in SUPPORTED}

# key: (English, Simplified Chinese, Traditional Chinese), as the files hold them (English plural forms unresolved).
REPLIES: dict[str, tuple[str, str, str]] = {
    key: (text, _REPLY_TEXT["zh-CN"][key], _REPLY_TEXT["zh-TW"][key])
    for key, text in _REPLY_TEXT["en"].items()
}

# Examples for /help, by command (typed as they are in an English client; option values are examples).
EXAMPLES: dict[str, tuple[str, ...]] = {
    command: tuple(lines) for command, lines in _CATALOGS["en"]["examples"].items()
}

# English command metadata -> (Simplified, Traditional). Names: lower case, no spaces, 1-32 characters.
COMMANDS: dict[str, tuple[str, str]] = {
    text: (cn, _CATALOGS["zh-TW"]["commands"][text]) for text, cn in _CATALOGS["zh-CN"]["commands"].items()
}

RULE_HELP = "word:tariff, -word:rumour, person:Name, org:Name, stance:denied, source:Name"

current: ContextVar[str] = ContextVar("newsdesk_locale", default="en")
"""The reply language of the work in progress: an interaction's (set by the command tree), or a server's."""


def set_locale(lang: str) -> Token[str]:
    """Make ``lang`` the reply language of this task from here on (unknown languages read as English)."""
    return current.set(lang if lang in SUPPORTED else "en")


@contextmanager
def use_locale(lang: str) -> Iterator[str]:
    """Replies inside the block are in ``lang`` (a server's language for its digest, alerts, posts)."""
    token = set_locale(lang)
    try:
        yield current.get()
    finally:
        current.reset(token)


def get_locale() -> str:
    return current.get()


def lang_of(locale: object, guild_locale: object = None) -> str:
    """The reply language: the member's Discord language if we speak it, else the server's, else English."""
    for value in (locale, guild_locale):
        code = str(getattr(value, "value", value) or "")
        if code in ("zh-CN", "zh-TW"):
            return code
        if code.startswith("en"):
            return "en"
    return "en"


class Localized(Protocol):
    """What :func:`pick` reads of an interaction (discord.Interaction has both)."""

    @property
    def locale(self) -> object: ...

    @property
    def guild_locale(self) -> object: ...


def pick(interaction: Localized) -> str:
    return lang_of(interaction.locale, interaction.guild_locale)


def permissions(names: list[str], lang: str | None = None) -> str:
    """discord.py permission names as Discord shows them: ``the Send Messages and Embed Links permissions``."""
    lang = lang or current.get()
    shown = [t(f"perm_{n}", lang) if f"perm_{n}" in REPLIES else n.replace("_", " ").title() for n in names]
    if len(shown) == 1:
        return t("perm_one", lang, name=shown[0])
    joiner = ", " if lang == "en" else ("”、“" if lang == "zh-CN" else "」、「")
    return t("perm_many", lang, names=joiner.join(shown[:-1]), last=shown[-1])


def command_text(text: str, lang: str) -> str | None:
    """Command metadata (an English name, description, option or choice) in ``lang``, or None when it has none."""
    found: str | None = _CATALOGS.get(lang, {}).get("commands", {}).get(text)
    return found or None


def describe(text: str, lang: str | None = None) -> str:
    """A command's English description (or option name) in ``lang``, as Discord shows it to that client."""
    return command_text(text, lang or current.get()) or text


_PLURAL = re.compile(r"\{(\w+)\|([^{}|]*)\|([^{}|]*)\}")


def _plurals(text: str, values: dict[str, Any]) -> str:
    """``{n|article|articles}``: the first form when ``values["n"] == 1``, else the second."""
    return _PLURAL.sub(lambda m: m.group(2) if values.get(m.group(1)) == 1 else m.group(3), text)


def t(key: str, lang: str | None = None, **values: Any) -> str:
    """The reply ``key`` with ``values`` filled in, in ``lang`` or else the current locale (English when a
    language is unknown)."""
    text = _REPLY_TEXT.get(lang or current.get(), _REPLY_TEXT["en"])[key]
    if "|" in text:
        text = _plurals(text, values)
    return text.format(**values) if values else text


def feed_error(error: str, lang: str | None = None) -> str:
    """A feed's refusal or fetch error as shown after "That feed cannot be used:": without its own ``refused:``
    (no "used: refused:" double colon), its fixed phrases in the reader's language, addresses as written."""
    text = re.sub(r"^refused:\s*", "", error.strip())
    phrases: dict[str, str] = _CATALOGS.get(lang or current.get(), {}).get("feed_errors", {})
    if not phrases:
        return text
    text, setting = re.match(r"(.*?)((?:\s*\(allow it with \w+\))?)$", text, re.S).groups()  # type: ignore[union-attr]
    for pattern, wording in phrases.items():
        found = re.fullmatch(pattern, text)
        if found:
            return found.expand(wording) + setting
    return text + setting


def example(text: str, lang: str | None = None) -> str:
    """A /help example in ``lang``: an option's value that is a choice name or a placeholder is shown as the
    reader's client shows it (``applies_to:Feed posts`` -> ``applies_to:订阅源帖子``); typed values stay."""
    lang = lang or current.get()
    if lang not in ("zh-CN", "zh-TW"):
        return text
    values: dict[str, str] = _CATALOGS[lang]["example_values"]

    def value(m: re.Match[str]) -> str:
        typed = m.group(2)
        return m.group(1) + (values.get(typed) or command_text(typed, lang) or typed)

    return re.sub(r"(?<=\s)([\w-]+:)(<[^>]*>|\S.*?)(?=\s+[\w-]+:|$)", value, text)
