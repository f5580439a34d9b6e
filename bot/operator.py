"""The operator's article and server tools: ``python -m bot article list|remove|hide|restore`` and
``python -m bot forget-guild``. They work on the store; a running bot picks the change up at its next look at
the store (within a minute), as it does for every process sharing it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from rich.console import Console

from bot.article import ArticleError
from bot.ingest.intake import read_article
from bot.store import IngestOutcome, SQLStore, open_store
from bot.store.scope import GLOBAL

Say = Callable[[str], None]


def _owner(guild_id: int) -> str:
    return "global" if guild_id == GLOBAL else f"server {guild_id}"


async def _resolve(store: SQLStore, wanted: str, error: Say) -> tuple[str, str] | None:
    """(article id, title) for an id, an id prefix of 6+ characters, an exact title (any case), or words of
    one title; None (and the candidates said) when nothing or several match."""
    rows = await store.scoped_articles()
    wanted = wanted.strip()
    folded = wanted.casefold()
    for test in (
        lambda r: r.article_id == wanted,
        lambda r: len(wanted) >= 6 and r.article_id.startswith(wanted),
        lambda r: r.title.casefold() == folded,
        lambda r: folded in r.title.casefold(),
    ):
        matches = {r.article_id: r.title for r in rows if test(r)}
        if len(matches) == 1:
            return next(iter(matches.items()))
        if len(matches) > 1:
            shown = "; ".join(f"{i} {t[:50]}" for i, t in list(matches.items())[:5])
            error(f"{len(matches)} articles match {wanted!r}: {shown} — give the id")
            return None
    error(f"no article matches {wanted!r}: give its id or title (python -m bot article list shows them)")
    return None


async def article_command(
    url: str, action: str, target: str | None, guild: int | None, console: Console, error: Say
) -> int:
    store = open_store(url)
    await store.open()
    try:
        if action == "list":
            return await _list(store, guild, console)
        assert target is not None
        if action == "restore":
            return await _restore(store, target, guild, console, error)
        found = await _resolve(store, target, error)
        if found is None:
            return 1
        article_id, title = found
        if action == "remove":
            done = await store.remove_article(article_id, guild or GLOBAL)
            if done is None:
                error(f"“{title}” is not held by {_owner(guild or GLOBAL)}; nothing removed")
                return 1
            what = {
                "removed": "removed for every server; rescans and re-ingests will not bring this text back "
                "(python -m bot article restore undoes it)",
                "hidden": f"hidden in server {guild}",
                "deleted": f"deleted from server {guild}",
            }[done]
            console.print(f"“{title}” ({article_id}): {what}", highlight=False, soft_wrap=True)
            return 0
        if action == "hide":
            if guild is None:
                error("hide needs --guild ID: the server to hide the article in")
                return 2
            if not await store.hide_article(article_id, guild):
                error(f"“{title}” is not a global article: a server's own article is removed, not hidden")
                return 1
            console.print(
                f"“{title}” ({article_id}): hidden in server {guild}", highlight=False, soft_wrap=True
            )
            return 0
    finally:
        await store.close()
    raise ValueError(action)


async def _list(store: SQLStore, guild: int | None, console: Console) -> int:
    """One line per article and owner (plain text, easy to grep), then what was removed or hidden."""
    rows = await store.scoped_articles(guild)
    for row in rows:
        console.print(
            f"{row.article_id}  {_owner(row.guild_id):<20}  {row.added_at[:16]}  {row.title}"
            f"  [{row.source_key or 'no source'}]",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    stones = await store.tombstones(guild)
    for s in stones:
        where = "REMOVED (every server)" if s.guild_id == GLOBAL else f"HIDDEN in server {s.guild_id}"
        console.print(
            f"{s.article_id}  {where}  {s.created_at[:16]}  {s.title}  [{s.source_key or 'no source'}]",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    console.print(f"{len(rows)} articles, {len(stones)} removed or hidden", highlight=False)
    return 0


async def _restore(store: SQLStore, target: str, guild: int | None, console: Console, error: Say) -> int:
    stones = await store.tombstones(guild or GLOBAL)
    wanted = target.strip().casefold()
    match = [s for s in stones if s.article_id == target.strip()] or [
        s for s in stones if wanted in s.title.casefold()
    ]
    if len(match) != 1:
        error(
            f"{len(match) or 'no'} removed or hidden articles match {target!r}"
            " (python -m bot article list shows them; give the id)"
        )
        return 1
    stone = await store.restore_article(match[0].article_id, match[0].guild_id)
    assert stone is not None
    if stone.guild_id != GLOBAL:
        console.print(f"“{stone.title}” is shown in server {stone.guild_id} again", highlight=False)
        return 0
    # A removed global article: read its file again now, when it is still there.
    source = stone.source_key
    readable = bool(source) and await asyncio.to_thread(Path(source or "").is_file)
    if source and readable:
        try:
            article = await asyncio.to_thread(read_article, Path(source))
        except ArticleError as exc:
            error(f"restored, but {source} cannot be read: {exc}")
            return 1
        outcome = await store.upsert_article(article, source)
        state = "added back" if outcome is not IngestOutcome.UNCHANGED else "already there"
        console.print(f"“{stone.title}”: {state} from {source}", highlight=False, soft_wrap=True)
    else:
        console.print(
            f"“{stone.title}”: no longer removed; it comes back when its text is ingested again",
            highlight=False,
        )
    return 0


async def forget_guild(url: str, guild: int, console: Console) -> int:
    store = open_store(url)
    await store.open()
    try:
        counts = await store.forget_guild(guild)
    finally:
        await store.close()
    deleted = ", ".join(f"{n} {t}" for t, n in counts.items() if n) or "nothing was stored"
    console.print(f"server {guild} forgotten: {deleted}", highlight=False, soft_wrap=True)
    return 0
