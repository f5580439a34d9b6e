"""What goes in a digest. Pure: the articles, a time window and a cap in; the digest out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.article import Article

DEFAULT_MAX_ARTICLES = 10


@dataclass(frozen=True)
class Digest:
    since: datetime
    until: datetime
    articles: list[Article]
    more: int  # articles in the window beyond the cap

    @property
    def empty(self) -> bool:
        return not self.articles


def published(article: Article) -> datetime | None:
    if not article.published_at:
        return None
    try:
        return datetime.fromisoformat(article.published_at)
    except ValueError:
        return None


def compose(
    articles: Iterable[Article], since: datetime, until: datetime, limit: int = DEFAULT_MAX_ARTICLES
) -> Digest:
    """The articles published in ``[since, until)``, newest first, at most ``limit`` of them."""
    window = [a for a in articles if (p := published(a)) is not None and since <= p < until]
    window.sort(key=lambda a: (published(a), a.title), reverse=True)
    return Digest(since=since, until=until, articles=window[:limit], more=max(0, len(window) - limit))


def latest_day(articles: Iterable[Article], limit: int = DEFAULT_MAX_ARTICLES) -> Digest:
    """The digest of the 24 hours up to the newest dated article (what the offline demo shows)."""
    dated = [p for a in articles if (p := published(a)) is not None]
    if not dated:
        now = datetime(1970, 1, 2)
        return Digest(since=now - timedelta(days=1), until=now, articles=[], more=0)
    until = max(dated) + timedelta(seconds=1)
    return compose(articles, until - timedelta(days=1), until, limit)
