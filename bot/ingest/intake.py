"""Files -> articles -> store: the one pipeline the CLI, the bot's start-up and folder watching share.

Articles are parsed in separate processes (:func:`parse_bytes`, used by folder scans, feed polls and
``/article add``), each with a time limit: no input, however slow to read, can hold up the bot's event loop or
its interpreter lock. An article over the limit is refused with its reason and its worker is replaced.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from bot.article import MAX_BYTES, Article, ArticleError, load_article
from bot.ingest import worker as parse_worker
from bot.store import IngestOutcome, Store
from bot.store.scope import GLOBAL
from bot.timeline.person import remember

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


log = logging.getLogger("newsdesk.ingest")

PARSE_SECONDS = 10.0  # the default time limit per article (Settings.parse_seconds, NEWSDESK_PARSE_SECONDS)
WORKER_START_SECONDS = 120.0  # a worker that cannot even start in this long is given up on


class _Worker:
    """One parse process: a ProcessPoolExecutor of one worker, started when first needed. A worker that runs
    over the time limit is killed and replaced, so what it was stuck on never delays the next article."""

    def __init__(self) -> None:
        self.pool: ProcessPoolExecutor | None = None
        self.pid: int | None = None
        self.busy = False

    async def start(self) -> ProcessPoolExecutor:
        if self.pool is None:
            pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            self.pool = pool
            try:
                future = asyncio.get_running_loop().run_in_executor(pool, parse_worker.ready)
                self.pid = await asyncio.wait_for(future, WORKER_START_SECONDS)
            except BaseException:
                self.kill()
                raise
        return self.pool

    def kill(self) -> None:
        pool, pid = self.pool, self.pid
        self.pool = self.pid = None
        if pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def stop(self) -> None:
        """Let an idle worker exit on its own; a busy one is killed."""
        if self.busy:
            self.kill()
        elif self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self.pid = None


class Parser:
    """A small pool of parse processes (``workers``, started lazily) with a time limit per article."""

    def __init__(self, seconds: float = PARSE_SECONDS, workers: int | None = None) -> None:
        self.seconds = seconds
        self.workers = [_Worker() for _ in range(workers or min(2, os.cpu_count() or 1))]
        self._free: asyncio.Queue[_Worker] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def _queue(self) -> asyncio.Queue[_Worker]:
        loop = asyncio.get_running_loop()
        if self._free is None or self._loop is not loop:  # a queue belongs to one event loop
            self._loop, self._free = loop, asyncio.Queue()
            for worker in self.workers:
                if worker.busy:  # left running by another event loop: start afresh
                    worker.kill()
                    worker.busy = False
                self._free.put_nowait(worker)
        return self._free

    async def parse(self, data: bytes) -> Article:
        """The article in ``data``, or :class:`ArticleError` with a one-line reason (also when reading it took
        longer than the time limit, or its worker died)."""
        free = self._queue()
        worker = await free.get()
        worker.busy = True
        try:
            try:
                pool = await worker.start()
            except (BrokenProcessPool, OSError, TimeoutError) as exc:
                raise ArticleError(f"the parser could not start ({exc.__class__.__name__})") from exc
            future = asyncio.get_running_loop().run_in_executor(pool, parse_worker.parse_with_moves, data)
            try:
                article, moves = await asyncio.wait_for(future, self.seconds)
                remember(article.id, moves)  # the store writes these rows without reading the text again
                return article
            except TimeoutError:
                worker.kill()
                raise ArticleError(f"took longer than {self.seconds:g} s to read") from None
            except asyncio.CancelledError:
                worker.kill()  # whatever it was reading must not hold up the next article
                raise
            except BrokenProcessPool:
                worker.kill()
                raise ArticleError("the parser stopped while reading it (out of memory?)") from None
            except ArticleError:
                raise
            except Exception as exc:  # anything else the parser ran into: this article fails alone
                raise ArticleError(f"cannot be read ({exc.__class__.__name__})") from exc
        finally:
            worker.busy = False
            free.put_nowait(worker)

    def close(self) -> None:
        """Stop every worker (a busy one is killed); the next parse starts new ones."""
        for worker in self.workers:
            worker.stop()


PARSER = Parser()


async def parse_bytes(data: bytes) -> Article:
    """Parse one article away from the event loop, within the time limit (the seam every intake uses)."""
    return await PARSER.parse(data)


def read_bytes(path: Path) -> bytes:
    """One file's bytes within the 1 MB limit; every failure is an :class:`ArticleError` with a one-line reason."""
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
    return data


def read_article(path: Path) -> Article:
    """Read and parse one file here (the command line's ``parse``); the bot uses :func:`load_file`."""
    return load_article(read_bytes(path))


async def load_file(path: Path) -> Article:
    """Read one file in a thread and parse it in a parse worker."""
    return await parse_bytes(await asyncio.to_thread(read_bytes, path))


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
            article = await load_file(path)
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
