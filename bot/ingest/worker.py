"""What runs inside a parse worker process (see :class:`bot.ingest.intake.Parser`): only the pure article package is
imported here (and the pure timeline that reads its moves), so a worker starts quickly and holds no connection, loop or thread of the bot's.

``NEWSDESK_TEST_PARSER`` (``module:function``, tests only) replaces :func:`bot.article.load_article` in the
workers, so a test can make one article deliberately slow without a slow input.
"""

from __future__ import annotations

import functools
import importlib
import os
import threading
import time
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
    _leave_with(os.getppid())
    return os.getpid()


def _leave_with(parent: int) -> None:
    """End this worker when the bot that started it is gone. A bot killed hard (SIGKILL, the OOM killer) never
    shuts its pool down, and a worker blocked on its call queue would otherwise wait for work forever."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def parse(data: bytes) -> Article:
    """One article from its bytes, or :class:`bot.article.ArticleError` (sent back to the bot as raised)."""
    return parser()(data)


def parse_with_moves(data: bytes) -> tuple[Article, list[Move]]:
    """The article and its executive moves: read here, under the parse time limit and away from the bot's event
    loop, so storing the article only writes them."""
    article = parse(data)
    return article, extract_moves(article)
