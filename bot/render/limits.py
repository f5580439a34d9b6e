"""Discord's size limits, and the helpers that keep every reply inside them. Only bot/render uses these."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

CONTENT = 2000
EMBEDS_PER_MESSAGE = 10
EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
EMBED_FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
AUTHOR_NAME = 256
EMBED_TOTAL = 6000  # all embeds of one message together
MENTIONS = 100  # users (and roles) a message may allow to be mentioned
CHOICES = 25
CHOICE_NAME = 100
CHOICE_VALUE = 100

_MARKDOWN = re.compile(r"([\\*_~`|\[\]<])")
_LINE_START = re.compile(r"^(\s*)([#>\-+]|\d+\.)", re.M)
_MENTION = re.compile(r"@(everyone|here)|<(@[!&]?|#)(\d+)>")


def fit(text: str, limit: int) -> str:
    """Cut ``text`` to ``limit`` characters, ending with an ellipsis when cut."""
    text = text or ""
    if len(text) <= limit:
        return text
    return text[: max(0, limit - 1)].rstrip() + "…"


def plain(text: str) -> str:
    """Text from an article or a user made inert for Discord markdown: no links, no formatting, no mention
    syntax (pings are also off for the whole client; this keeps the layout honest)."""
    text = _MENTION.sub(
        lambda m: "@\u200b" + m.group(1) if m.group(1) else f"<\u200b{m.group(2)}{m.group(3)}>", text or ""
    )
    text = _MARKDOWN.sub(r"\\\1", text)
    return _LINE_START.sub(
        lambda m: m.group(1) + (m.group(2)[:-1] + "\\." if m.group(2)[-1] == "." else "\\" + m.group(2)), text
    )


def in_code(text: str) -> str:
    """Text from outside for inside an inline code span (`...`): one line, and a backtick (which would close the
    span, and no escape works inside one) becomes U+02CB, a look-alike."""
    return one_line(text).replace("`", "\u02cb")


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def embed_size(embed: Mapping[str, Any]) -> int:
    size = len(embed.get("title") or "") + len(embed.get("description") or "")
    size += len((embed.get("footer") or {}).get("text") or "") + len(
        (embed.get("author") or {}).get("name") or ""
    )
    for f in embed.get("fields") or []:
        size += len(f.get("name") or "") + len(f.get("value") or "")
    return size


def violations(content: str | None, embeds: list[Mapping[str, Any]]) -> list[str]:
    """Every Discord limit a message (as sent: content and embed dicts) would break; empty when it fits."""
    problems: list[str] = []
    if content and len(content) > CONTENT:
        problems.append(f"content {len(content)} > {CONTENT}")
    if len(embeds) > EMBEDS_PER_MESSAGE:
        problems.append(f"{len(embeds)} embeds > {EMBEDS_PER_MESSAGE}")
    total = 0
    for i, e in enumerate(embeds):
        total += embed_size(e)
        checks = [
            ("title", len(e.get("title") or ""), EMBED_TITLE),
            ("description", len(e.get("description") or ""), EMBED_DESCRIPTION),
            ("fields", len(e.get("fields") or []), EMBED_FIELDS),
            ("footer", len((e.get("footer") or {}).get("text") or ""), FOOTER),
            ("author", len((e.get("author") or {}).get("name") or ""), AUTHOR_NAME),
        ]
        problems += [f"embed {i} {name} {n} > {limit}" for name, n, limit in checks if n > limit]
        for j, f in enumerate(e.get("fields") or []):
            if not (f.get("name") or "").strip() or len(f["name"]) > FIELD_NAME:
                problems.append(f"embed {i} field {j} name length {len(f.get('name') or '')}")
            if not (f.get("value") or "").strip() or len(f["value"]) > FIELD_VALUE:
                problems.append(f"embed {i} field {j} value length {len(f.get('value') or '')}")
    if total > EMBED_TOTAL:
        problems.append(f"embeds total {total} > {EMBED_TOTAL}")
    return problems


def clip(text: str, limit: int) -> str:
    """Outside text shown inline: on one line, cut to ``limit`` characters, inert for markdown and mentions."""
    return plain(fit(one_line(text), limit))
