"""An article's link to its original: which lines of a text are one, and which addresses are kept.

Pure: only the text it is handed. A link is kept only when it is an ``http(s)`` address with a host, no
spaces or angle brackets and at most ``MAX_URL`` characters, so a link shown in Discord can never be a
``javascript:`` or ``file:`` address, and markdown around it cannot be broken out of.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

MAX_URL = 1000  # characters; Discord accepts longer ones, a real article's address is far shorter
LINK_LEAD_WORDS = r"source|link|url|original|via|来源|來源|原文(?:链接|鏈接)?|链接|鏈接|出处|出處"
_LINK_LINE = re.compile(
    rf"^\s*(?:(?:{LINK_LEAD_WORDS})\s*[:：]\s*)?<?(?P<url>https?://\S+?)>?\s*$",
    re.I,
)


def clean_url(value: str | None) -> str | None:
    """``value`` as a link that is safe to show, or None: http(s) only, with a host, nothing that could break
    out of a markdown link. A trailing sentence mark that is not part of the address is dropped."""
    if not value:
        return None
    url = value.strip().strip("<>")
    url = re.sub(r"[.,;:!?。，；：！？]+$", "", url)
    while url.endswith(")") and url.count("(") < url.count(")"):
        url = url[:-1]
    if not url or len(url) > MAX_URL or re.search(r"[\s<>\"'`\\]", url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def link_line(line: str) -> str | None:
    """The address when ``line`` is only a link: a bare URL, or ``Source: URL`` / ``来源：URL`` (and a few
    other lead words); None for anything else, including a source line that names an outlet."""
    m = _LINK_LINE.match(line)
    return clean_url(m.group("url")) if m else None
