"""Articles: stored once each, with their people, mentions, claims and full-text rows, all-or-nothing."""

from __future__ import annotations

import json
import re
from abc import abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.article import Article
from bot.article.names import key as name_key
from bot.library.index import RECORD_VERSION, article_record
from bot.memory import bulk_load

from . import IngestOutcome
from .base import Conn, StoreCore, now_iso
from .scope import GLOBAL


def search_words(query: str) -> list[str]:
    """The words of a full-text query; punctuation and operators are never passed to the engine."""
    return re.findall(r"\w+", query)


def search_body(article: Article) -> str:
    return "\n".join(
        [article.core_viewpoint, *(p.text for p in article.points()), *(c.text for c in article.claims)]
    )


_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
TEXT_INDEX = "text_index_version"  # meta key: how the stored articles' text was indexed
TEXT_INDEX_VERSION = "3"  # 2: Chinese indexed as overlapping character pairs; 3: PostgreSQL keeps the text


def fts_text(text: str) -> str:
    """Text as both full-text engines index it: neither splits Chinese into words, so a run of Han characters
    becomes its overlapping pairs (黄仁勋表示 -> 黄仁 仁勋 勋表 表示), which any two-character query matches."""

    def pairs(m: re.Match[str]) -> str:
        run = m.group()
        return " " + " ".join(run[i : i + 2] for i in range(max(1, len(run) - 1))) + " "

    return _CJK_RUN.sub(pairs, text)


def search_terms(query: str) -> list[str]:
    """The terms of a full-text query (Chinese as pairs); punctuation and operators never reach the engine."""
    return search_words(fts_text(query))[:32]


MAX_SEARCH_WORDS = 32
_QUERY_PART = re.compile(r'"([^"]*)(?:"|$)|([^\s"]+)')
MARK_START, MARK_END = "\x02", "\x03"  # around a matched word in a snippet; the renderer makes them bold


@dataclass(frozen=True)
class SearchQuery:
    """A full-text query as both engines read it: every group must match, a group matches when any of its
    phrases does, a phrase is words side by side. Words are word characters only (``\\w+``), so nothing a
    member types (quotes, NEAR, ``*``, parentheses, SQL) reaches either engine as syntax."""

    groups: tuple[tuple[tuple[str, ...], ...], ...]
    prefix: bool  # the query's last word is matched as typed so far ('foundr' finds 'foundry')

    def _phrases(self) -> list[list[tuple[tuple[str, ...], bool]]]:
        last = len(self.groups) - 1
        return [
            [(words, self.prefix and g == last and i == len(group) - 1) for i, words in enumerate(group)]
            for g, group in enumerate(self.groups)
        ]

    def fts5(self) -> str:
        """SQLite FTS5 MATCH text: '"a b"*', '("x" OR "y z")' joined by AND."""

        def phrase(words: tuple[str, ...], prefix: bool) -> str:
            return '"' + " ".join(words) + '"' + ("*" if prefix else "")

        groups = [[phrase(w, p) for w, p in group] for group in self._phrases()]
        return " AND ".join(g[0] if len(g) == 1 else "(" + " OR ".join(g) + ")" for g in groups)

    def tsquery(self) -> str:
        """PostgreSQL to_tsquery text: 'a <-> b:*', '(x | y <-> z)' joined by &."""

        def phrase(words: tuple[str, ...], prefix: bool) -> str:
            return "(" + " <-> ".join(words) + (":*" if prefix else "") + ")"

        groups = [[phrase(w, p) for w, p in group] for group in self._phrases()]
        return " & ".join("(" + " | ".join(g) + ")" for g in groups)


def parse_search(query: str) -> SearchQuery | None:
    """Words, "quoted phrases" and ``OR`` between them (anything else is a word or ignored); the last word
    typed outside quotes is a prefix. None when the query has no word at all."""
    groups: list[list[tuple[str, ...]]] = []
    pending_or = False
    prefix = False
    budget = MAX_SEARCH_WORDS
    for m in _QUERY_PART.finditer(query):
        quoted, bare = m.group(1), m.group(2)
        if bare == "OR":
            pending_or = bool(groups)
            continue
        words = tuple(search_words(fts_text(quoted if quoted is not None else bare)))[:budget]
        if not words:
            continue
        budget -= len(words)
        if pending_or:
            groups[-1].append(words)
        else:
            groups.append([words])
        pending_or = False
        prefix = quoted is None
        if budget <= 0:
            break
    if not groups:
        return None
    return SearchQuery(groups=tuple(tuple(g) for g in groups), prefix=prefix)


def relevance(query: SearchQuery, title: str, snippet: str) -> float:
    """How well one hit answers ``query``, for ordering a page of hits (higher first; equal scores keep the
    engine's newest-first order). Each of the query's groups met in the title counts most (a title that
    carries every group first), then how many marked matches the snippet shows. Case and width are folded as
    the engines fold them; Chinese is compared by character pairs, as it is indexed."""
    words = [w.casefold() for w in search_words(fts_text(title))]
    joined = " " + " ".join(words) + " "
    last = len(query.groups) - 1

    def in_title(phrase: tuple[str, ...], prefix: bool) -> bool:
        text = " " + " ".join(w.casefold() for w in phrase)
        return (text in joined) if prefix else (text + " " in joined)

    met = 0
    for g, group in enumerate(query.groups):
        if any(in_title(p, query.prefix and g == last and i == len(group) - 1) for i, p in enumerate(group)):
            met += 1
    marks = snippet.count(MARK_START)
    return (10.0 if met == len(query.groups) else 0.0) + 3.0 * met + min(marks, 5)


def rank_hits(query: str, hits: list[SearchHit], title_of: Callable[[str], str | None]) -> list[SearchHit]:
    """Hits ordered by relevance first, then as the engine returned them (newest first). The engine returns
    the newest matches up to a limit (cheap however common a word is); this orders that page, so the cost
    stays bounded while the best match comes first."""
    parsed = parse_search(query)
    if parsed is None:
        return hits
    scored = [(relevance(parsed, title_of(h.article_id) or "", h.snippet), i, h) for i, h in enumerate(hits)]
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [h for _, _, h in scored]


_CJK_PAIRS = re.compile(
    "(?:[\x02\x03]*[\u3400-\u9fff\uf900-\ufaff]{1,2}[\x02\x03]*)"
    "(?: [\x02\x03]*[\u3400-\u9fff\uf900-\ufaff]{2}[\x02\x03]*)+"
)
_CJK_CHAR = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


def unpair(text: str) -> str:
    """Indexed text back as it was written: Chinese character pairs ('黄仁 仁勋') joined again ('黄仁勋'),
    match marks kept; spaces put around a Chinese run by ``fts_text`` taken away."""

    def join(m: re.Match[str]) -> str:
        parts = m.group().split(" ")
        out = parts[0]
        for part in parts[1:]:
            before, here = _CJK_CHAR.findall(out)[-1:], _CJK_CHAR.findall(part)
            out += _CJK_CHAR.sub("", part, count=1) if before == here[:1] else " " + part
        return out

    text = _CJK_PAIRS.sub(join, text)
    text = re.sub(
        "(?<=[\u3400-\u9fff\uf900-\ufaff\x02\x03]) (?=[\x02\x03]*[\u3400-\u9fff\uf900-\ufaff])", "", text
    )
    text = text.replace(MARK_END + MARK_START, "")
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class SearchHit:
    """One search result: the article and a short passage around the match (``MARK_START``/``MARK_END``
    around matched words; text from the article, to be made inert by the renderer)."""

    article_id: str
    snippet: str


@dataclass(frozen=True)
class LibraryRow:
    """One article as the library loads it: no body, only what its indexes hold."""

    article_id: str
    title: str
    published_at: str | None
    record: str | None  # JSON, see bot.index.article_record; None: not written yet (derived from the body)


class ArticleQueries(StoreCore):
    """Articles and what is derived from them at ingest; the change counter other processes watch."""

    @abstractmethod
    async def _index_text(self, conn: Conn, article_id: str, title: str, body: str) -> None: ...

    @abstractmethod
    async def _unindex_text(self, conn: Conn, article_id: str) -> None: ...

    @abstractmethod
    async def _insert_moves(self, conn: Conn, article: Article) -> None:
        """The article's executive moves (``moves.py``), written with it."""

    async def _drop_scope(self, conn: Conn, article_id: str, guild_id: int) -> bool:
        """Take an article out of one owner; the article itself goes when no owner holds it any more."""
        dropped = (
            await conn.execute(
                "DELETE FROM article_scopes WHERE article_id = ? AND guild_id = ?", article_id, guild_id
            )
            > 0
        )
        if dropped and not await conn.fetchval(
            "SELECT 1 FROM article_scopes WHERE article_id = ? LIMIT 1", article_id
        ):
            await self._delete(conn, article_id)
        return dropped

    async def reindex_text(self) -> None:
        """Index every article's text again, oldest first (so the newest-first order holds)."""
        async with self.transaction() as conn:
            for row in await conn.fetch("SELECT id, data FROM articles ORDER BY added_at, id"):
                article = Article.model_validate_json(row["data"])
                await self._unindex_text(conn, article.id)
                await self._index_text(
                    conn, article.id, fts_text(article.title), fts_text(search_body(article))
                )
            await conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                TEXT_INDEX,
                TEXT_INDEX_VERSION,
            )

    async def missing_library_rows(self) -> int:
        """How many articles have no library row of the current version (stored before library rows existed,
        or derived by an older version)."""
        return int(
            await self.reader.fetchval(
                "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM library_rows r"
                " WHERE r.article_id = a.id AND r.version = ?)",
                RECORD_VERSION,
            )
            or 0
        )

    async def backfill_library_rows(self, batch: int = 500) -> int:
        """Write the library row of every article that lacks one of the current version, ``batch`` articles per
        transaction (a large database is upgraded without one huge transaction, and an interrupted backfill
        goes on where it stopped); returns how many were written."""
        written = 0
        while True:
            async with self.transaction() as conn:
                rows = await conn.fetch(
                    "SELECT a.id, a.data FROM articles a WHERE NOT EXISTS (SELECT 1 FROM library_rows r"
                    " WHERE r.article_id = a.id AND r.version = ?) ORDER BY a.id LIMIT ?",
                    RECORD_VERSION,
                    batch,
                )
                if not rows:
                    return written
                records = [
                    (str(r["id"]), RECORD_VERSION, article_record(Article.model_validate_json(r["data"])))
                    for r in rows
                ]
                await conn.executemany(
                    "INSERT INTO library_rows (article_id, version, record) VALUES (?, ?, ?)"
                    " ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, record = excluded.record",
                    records,
                )
                written += len(records)

    async def library_records(self) -> dict[str, str]:
        """article id -> its record (current version only; see :func:`bot.library.index.article_record`)."""
        rows = await self.reader.fetch(
            "SELECT article_id, record FROM library_rows WHERE version = ?", RECORD_VERSION
        )
        return {str(r["article_id"]): str(r["record"]) for r in rows}

    async def load_library_rows(self, guild_id: int | None = None) -> list[LibraryRow]:
        """What the library is built from, without any article's body: each article's id, title, date and
        record (see :func:`bot.library.index.article_record`), newest first; with ``guild_id``, those that owner holds."""
        sql = (
            "SELECT a.id, a.title, a.published_at, r.record FROM articles a"
            " LEFT JOIN library_rows r ON r.article_id = a.id"
        )
        args: tuple[Any, ...] = ()
        if guild_id is not None:
            sql += " WHERE a.id IN (SELECT article_id FROM article_scopes WHERE guild_id = ?)"
            args = (guild_id,)
        rows = await self.reader.fetch(
            sql + " ORDER BY a.published_at DESC NULLS LAST, a.added_at DESC, a.id", *args
        )
        return [LibraryRow(r["id"], r["title"], r["published_at"], r["record"]) for r in rows]

    async def upsert_article(
        self, article: Article, source_key: str | None = None, guild_id: int = GLOBAL
    ) -> IngestOutcome:
        """Store an article for one owner (global, or the server that added it). A source key already held
        by another article of that owner is a new version of it; a text the operator removed is skipped."""
        try:
            async with self.transaction() as conn:
                return await self._upsert(conn, article, source_key, guild_id)
        except Exception as exc:
            if not self._is_conflict(exc):
                raise
        # Another process stored the same article (or file) a moment ago: look again, once.
        async with self.transaction() as conn:
            return await self._upsert(conn, article, source_key, guild_id)

    async def _upsert(
        self, conn: Conn, article: Article, source_key: str | None, guild_id: int
    ) -> IngestOutcome:
        if guild_id == GLOBAL and await conn.fetchval(
            "SELECT 1 FROM article_tombstones WHERE guild_id = 0 AND article_id = ?", article.id
        ):
            return IngestOutcome.SKIPPED
        previous = None
        if source_key is not None:
            previous = await conn.fetchrow(
                "SELECT article_id, added_at FROM article_scopes WHERE guild_id = ? AND source_key = ?",
                guild_id,
                source_key,
            )
        if previous is not None and previous["article_id"] == article.id:
            return IngestOutcome.UNCHANGED
        outcome, added_at = IngestOutcome.ADDED, now_iso()
        renewed = previous is None and source_key is not None and guild_id == GLOBAL
        if renewed and await conn.fetchval(
            "SELECT 1 FROM article_tombstones WHERE guild_id = 0 AND source_key = ?", source_key
        ):
            outcome = IngestOutcome.RENEWED
        if previous is not None:  # a new version of the same file or upload
            added_at = str(previous["added_at"])
            await self._drop_scope(conn, str(previous["article_id"]), guild_id)
            outcome = IngestOutcome.UPDATED
        if not await conn.fetchval("SELECT 1 FROM articles WHERE id = ?", article.id):
            await self._insert(conn, article, added_at)
        held = await conn.fetchrow(
            "SELECT source_key FROM article_scopes WHERE article_id = ? AND guild_id = ?",
            article.id,
            guild_id,
        )
        if held is None:
            await conn.execute(
                "INSERT INTO article_scopes (article_id, guild_id, source_key, added_at) VALUES (?, ?, ?, ?)",
                article.id,
                guild_id,
                source_key,
                added_at,
            )
        elif outcome is not IngestOutcome.UPDATED:
            # The same text already held by this owner (another file with the same text: stored once).
            if held["source_key"] is None and source_key is not None:
                await conn.execute(
                    "UPDATE article_scopes SET source_key = ? WHERE article_id = ? AND guild_id = ?",
                    source_key,
                    article.id,
                    guild_id,
                )
            return IngestOutcome.UNCHANGED
        if guild_id != GLOBAL:  # a server adding a text it had hidden wants to see it
            await conn.execute(
                "DELETE FROM article_tombstones WHERE guild_id = ? AND article_id = ?", guild_id, article.id
            )
        await self._bump_version(conn)
        return outcome

    async def _insert(self, conn: Conn, article: Article, added_at: str) -> None:
        await conn.execute(
            "INSERT INTO articles (id, source_key, title, source, published_at, language, format, data, added_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            article.id,
            None,  # owners and their source keys are in article_scopes
            article.title,
            article.source,
            article.published_at,
            article.language,
            article.format.value,
            article.model_dump_json(),
            added_at,
            now_iso(),
        )
        for person in article.people:
            k = name_key(person.name) or person.name
            await conn.execute(
                "INSERT INTO people (key, name) VALUES (?, ?) ON CONFLICT (key) DO NOTHING", k, person.name
            )
            person_id = await conn.fetchval("SELECT id FROM people WHERE key = ?", k)
            await conn.execute(
                "INSERT INTO mentions (article_id, person_id, name, aliases, organization, role)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (article_id, person_id) DO NOTHING",
                article.id,
                person_id,
                person.name,
                json.dumps(person.aliases, ensure_ascii=False),
                person.organization,
                person.role,
            )
        await conn.executemany(
            "INSERT INTO claims (article_id, idx, text, stance, speaker, citations, figures)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article.id,
                    i,
                    c.text,
                    c.stance.value,
                    c.speaker,
                    json.dumps(c.citations),
                    json.dumps([f.model_dump(mode="json") for f in c.figures], ensure_ascii=False),
                )
                for i, c in enumerate(article.claims)
            ],
        )
        await self._insert_moves(conn, article)
        await self._index_text(conn, article.id, fts_text(article.title), fts_text(search_body(article)))
        await conn.execute(
            "INSERT INTO library_rows (article_id, version, record) VALUES (?, ?, ?)",
            article.id,
            RECORD_VERSION,
            article_record(article),
        )
        await conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
            TEXT_INDEX,
            TEXT_INDEX_VERSION,
        )

    async def _delete(self, conn: Conn, article_id: str) -> bool:
        people = [
            r["person_id"]
            for r in await conn.fetch("SELECT person_id FROM mentions WHERE article_id = ?", article_id)
        ]
        await self._unindex_text(conn, article_id)
        deleted = await conn.execute("DELETE FROM articles WHERE id = ?", article_id) > 0
        for person_id in people:  # a person no other article mentions goes with the article
            await conn.execute(
                "DELETE FROM people WHERE id = ? AND NOT EXISTS (SELECT 1 FROM mentions WHERE person_id = ?)",
                person_id,
                person_id,
            )
        return deleted

    async def delete_article(self, article_id: str) -> bool:
        async with self.transaction() as conn:
            deleted = await self._delete(conn, article_id)
            if deleted:
                await self._bump_version(conn)
            return deleted

    async def get_article(self, article_id: str) -> Article | None:
        data = await self.reader.fetchval("SELECT data FROM articles WHERE id = ?", article_id)
        return Article.model_validate_json(data) if data else None

    async def load_articles(self, guild_id: int | None = None, only_own: bool = False) -> list[Article]:
        """Every stored article, or those one owner holds (0: the global ones), newest first; ``only_own``:
        a server's articles that are not global too."""
        sql = "SELECT data FROM articles"
        args: tuple[Any, ...] = ()
        if guild_id is not None:
            sql += " WHERE id IN (SELECT article_id FROM article_scopes WHERE guild_id = ?)"
            args = (guild_id,)
            if only_own:
                sql += " AND id NOT IN (SELECT article_id FROM article_scopes WHERE guild_id = 0)"
        rows = await self.reader.fetch(
            sql + " ORDER BY published_at DESC NULLS LAST, added_at DESC, id", *args
        )
        with bulk_load():
            return [Article.model_validate_json(r["data"]) for r in rows]

    async def load_own_articles(self) -> list[Article]:
        """The articles only servers hold (uploads), newest first: what a catalog whose shared library is built
        from library rows still loads whole."""
        rows = await self.reader.fetch(
            "SELECT data FROM articles WHERE id NOT IN (SELECT article_id FROM article_scopes WHERE guild_id = 0)"
            " ORDER BY published_at DESC NULLS LAST, added_at DESC, id"
        )
        with bulk_load():
            return [Article.model_validate_json(r["data"]) for r in rows]

    async def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for table in ("articles", "people", "mentions", "claims"):
            out[table] = int(await self.reader.fetchval(f"SELECT COUNT(*) FROM {table}") or 0)
        return out
