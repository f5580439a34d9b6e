"""Files -> articles -> store: the one pipeline the CLI, the bot's start-up and (later) folder watching share."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.article import MAX_BYTES, Article, ArticleError, load_article
from bot.store import IngestOutcome, Store
from bot.store.scope import GLOBAL

ARTICLE_SUFFIXES = (".txt", ".md", ".json", ".text")


def article_files(paths: Iterable[Path]) -> list[Path]:
    """The article files named by ``paths``: files as given, folders searched recursively (hidden files and
    folders skipped), in a stable order."""
    found: list[Path] = []
    for path in paths:
        path = Path(path).expanduser()
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES:
                    found.append(child)
        else:
            found.append(path)
    return found


def read_article(path: Path) -> Article:
    """Read and parse one file; every failure is an :class:`ArticleError` with a one-line reason."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(f"file is {size:,} bytes; the limit is {MAX_BYTES:,} bytes (1 MB)")
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except FileNotFoundError as exc:
        raise ArticleError("file not found") from exc
    except IsADirectoryError as exc:
        raise ArticleError("is a folder, not a file") from exc
    except PermissionError as exc:
        raise ArticleError("permission denied") from exc
    except OSError as exc:
        raise ArticleError(f"cannot read file ({exc.strerror or exc})") from exc
    return load_article(data)


def source_key(path: Path) -> str:
    return str(Path(path).expanduser().resolve())


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # texts the operator removed: they stay removed
    renewed: list[Path | str] = field(default_factory=list)  # new versions of files whose text was removed
    failed: list[tuple[Path | str, str]] = field(default_factory=list)  # (file or feed URL, reason)
    articles: list[Article] = field(default_factory=list)
    new: list[Article] = field(
        default_factory=list
    )  # added (or renewed) articles: they join the library in place

    def count(self, outcome: IngestOutcome, article: Article | None = None) -> None:
        if outcome in (IngestOutcome.ADDED, IngestOutcome.RENEWED):
            self.added += 1
            if article is not None:
                self.new.append(article)
        elif outcome is IngestOutcome.SKIPPED:
            self.skipped += 1
        elif outcome is IngestOutcome.UPDATED:
            self.updated += 1
        else:
            self.unchanged += 1

    def summary(self) -> str:
        removed = f", {self.skipped} removed by the operator" if self.skipped else ""
        return (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged{removed},"
            f" {len(self.failed)} failed"
        )


Signature = tuple[int, int]  # (mtime in ns, size): a file whose signature changed is read again


def signatures(files: Iterable[Path]) -> dict[str, Signature]:
    out: dict[str, Signature] = {}
    for path in files:
        try:
            st = path.stat()
        except OSError:
            continue
        out[source_key(path)] = (st.st_mtime_ns, st.st_size)
    return out


@dataclass
class FolderWatch:
    """Rescans folders and ingests what is new or changed since the last scan (files are read only when their
    size or modification time changed). Deleted files' articles stay unless ``prune``."""

    folders: list[Path]
    prune: bool = False
    seen: dict[str, Signature] = field(default_factory=dict)

    async def scan(self, store: Store) -> tuple[IngestReport, int]:
        """Returns the ingest report and how many articles of deleted files were removed."""
        files = await asyncio.to_thread(article_files, self.folders)
        now = await asyncio.to_thread(signatures, files)
        changed = [p for p in files if now.get(source_key(p)) != self.seen.get(source_key(p))]
        report = await ingest_files(store, changed)
        removed = 0
        if self.prune:
            keys = await store.source_keys()
            for gone in set(self.seen) - set(now):
                if gone in keys and await store.unlist(keys[gone], GLOBAL):
                    removed += 1
        self.seen = now  # a file that failed is read again only once it changes
        return report, removed


async def ingest_files(
    store: Store, files: list[Path], on_progress: Callable[[Path, str | None], None] | None = None
) -> IngestReport:
    """Parse each file and store it (each one all-or-nothing); a bad file is reported and the rest go on."""
    report = IngestReport()
    for path in files:
        error: str | None = None
        try:
            article = read_article(path)
            outcome = await store.upsert_article(article, source_key(path))
            report.count(outcome, article)
            if outcome is IngestOutcome.RENEWED:
                report.renewed.append(path)
            if outcome is not IngestOutcome.SKIPPED:
                report.articles.append(article)
        except ArticleError as exc:
            error = str(exc)
            report.failed.append((path, error))
        if on_progress is not None:
            on_progress(path, error)
    return report
