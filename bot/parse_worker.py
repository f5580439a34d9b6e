"""What runs inside a parse worker process (see :class:`bot.ingest.Parser`): only the pure article package is
imported here (and the pure timeline that reads its moves), so a worker starts quickly and holds no connection, loop or thread of the bot's.

``NEWSDESK_TEST_PARSER`` (``module:function``, tests only) replaces :func:`bot.article.load_article` in the
workers, so a test can make one article deliberately slow without a slow input.
"""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Callable

from bot.article import Article, load_article
from bot.timeline import Move, extract_moves

PARSER_VARIABLE = "NEWSDESK_TEST_PARSER"


@functools.cache
def parser() -> Callable[[bytes], Article]:
    spec = os.environ.get(PARSER_VARIABLE, "").strip()
    if not spec:
        return load_article
    module, _, name = spec.partition(":")
    found: Callable[[bytes], Article] = getattr(importlib.import_module(module), name)
    return found


def ready() -> int:
    """Run once when a worker starts: the parser is imported before any time limit runs. Returns the pid."""
    parser()
    return os.getpid()


def parse(data: bytes) -> Article:
    """One article from its bytes, or :class:`bot.article.ArticleError` (sent back to the bot as raised)."""
    return parser()(data)


def parse_with_moves(data: bytes) -> tuple[Article, list[Move]]:
    """The article and its executive moves: read here, under the parse time limit and away from the bot's event
    loop, so storing the article only writes them."""
    article = parse(data)
    return article, extract_moves(article)
