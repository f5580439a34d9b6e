"""A parser for the parse workers (NEWSDESK_TEST_PARSER=tests.e2e.slowparse:parse) that never finishes an article
containing ``SLOW-ARTICLE``: it spins, holding its interpreter, as the slowest real inputs did. Anything else
is read as usual."""

from __future__ import annotations

from bot.article import Article, load_article

MARK = b"SLOW-ARTICLE"


def parse(data: bytes) -> Article:
    if MARK in data:
        n = 0
        while True:  # pure Python, never releasing the interpreter: only killing the process ends it
            n += 1
    return load_article(data)
