"""Issue 21 item 2: articles are parsed in separate processes with a time limit (bot.ingest.Parser): an article
over it is refused with its reason, its worker is killed and replaced, the others are read meanwhile; folder
scans read it again only when it changes; feed entries obey the 1 MB cap of files."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.article import MAX_BYTES, ArticleError
from bot.ingest import intake as ingest
from bot.ingest.feeds import FeedPoller
from bot.ingest.intake import FolderWatch, Parser
from bot.ingest.worker import PARSER_VARIABLE
from bot.store import open_store
from bot.store.sql import SQLStore
from tests.feedserver import ALLOW, FeedServer

GOOD = "Fed holds rates\nWire·2026-03-01 18:00\n\nCore Viewpoint - Chair Jerome Powell said the Fed would wait [1].\n"
SLOW = "Slow one\nWire·2026-03-01 18:00\n\nCore Viewpoint - SLOW-ARTICLE never finishes [1].\n"


@pytest.fixture
def slow_parser(monkeypatch: pytest.MonkeyPatch) -> Iterator[Parser]:
    """The bot's parser, with workers that spin forever on SLOW-ARTICLE and a 2 s limit."""
    monkeypatch.setenv(PARSER_VARIABLE, "tests.e2e.slowparse:parse")  # read by the workers it starts
    parser = Parser(seconds=2.0, workers=2)
    monkeypatch.setattr(ingest, "PARSER", parser)
    yield parser
    parser.close()


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SQLStore]:
    s = open_store(f"sqlite:///{tmp_path}/parse.db")
    assert isinstance(s, SQLStore)
    await s.open()
    yield s
    await s.close()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


async def test_an_article_over_the_limit_is_refused_and_its_worker_replaced(slow_parser: Parser) -> None:
    first = await slow_parser.parse(GOOD.encode())
    assert first.title == "Fed holds rates"
    results = await asyncio.gather(
        slow_parser.parse(SLOW.encode()),
        slow_parser.parse(GOOD.encode()),
        slow_parser.parse(GOOD.encode()),
        return_exceptions=True,
    )
    assert isinstance(results[0], ArticleError) and str(results[0]) == "took longer than 2 s to read"
    assert [r.title for r in results[1:] if not isinstance(r, BaseException)] == ["Fed holds rates"] * 2
    pids = [w.pid for w in slow_parser.workers if w.pid is not None]
    assert pids and all(alive(pid) for pid in pids)
    stuck = [w for w in slow_parser.workers if w.pid is None]  # the killed one starts again when needed
    assert len(stuck) == 1
    again = await asyncio.gather(*(slow_parser.parse(GOOD.encode()) for _ in range(3)))
    assert {a.title for a in again} == {"Fed holds rates"}
    with pytest.raises(ArticleError, match="NUL bytes"):  # the parser's own refusals come back as they are
        await slow_parser.parse(b"\x00\x01binary\x00")


async def test_a_slow_file_is_refused_and_read_again_only_when_it_changes(
    slow_parser: Parser, store: SQLStore, tmp_path: Path
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "slow.txt").write_text(SLOW, encoding="utf-8")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    watch = FolderWatch([folder])
    report, _ = await watch.scan(store)
    assert report.added == 1
    assert [(Path(p).name, why) for p, why in report.failed] == [("slow.txt", "took longer than 2 s to read")]
    report, _ = await watch.scan(store)  # unchanged: not read again
    assert (report.added, report.failed) == (0, [])
    (folder / "slow.txt").write_text(GOOD.replace("Fed holds", "Fed keeps"), encoding="utf-8")
    report, _ = await watch.scan(store)  # changed: read again, and now it reads
    assert (report.added, report.failed) == (1, [])


async def test_feed_entries_go_through_the_workers_and_obey_the_cap_of_files(
    slow_parser: Parser, store: SQLStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in ALLOW.items():
        monkeypatch.setenv(name, value)
    huge = "Analysts said demand was strong. " * (MAX_BYTES // 30)

    def item(guid: str, title: str, body: str) -> str:
        return (
            f"<item><guid>{guid}</guid><title>{title}</title><pubDate>Wed, 26 Feb 2025 21:00:00 GMT</pubDate>"
            f"<description><![CDATA[<p>{body}</p>]]></description></item>"
        )

    feed = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title>'
        + item("huge", "A huge entry", huge)
        + item("slow", "A slow entry", "SLOW-ARTICLE Chief executive Ann Example said it never ends.")
        + item("fine", "Fed holds rates", "Chair Jerome Powell said the Fed would wait for more data.")
        + "</channel></rss>"
    )
    server = FeedServer()
    await server.start()
    try:
        url = server.serve("wire.xml", feed)
        report = await FeedPoller([url]).poll(store)
    finally:
        await server.stop()
    assert report.added == 1
    reasons = {why.split(":", 1)[0]: why.split(": ", 1)[1] for _, why in report.failed}
    assert (
        reasons["entry huge"].startswith("entry is ")
        and "the limit is 1,000,000 bytes (1 MB)" in reasons["entry huge"]
    )
    assert reasons["entry slow"] == "took longer than 2 s to read"


OWNER = """
import asyncio
from bot.ingest.intake import Parser

async def main():
    parser = Parser(seconds=5.0, workers=1)
    await parser.parse(b"Fed holds rates\\n\\nChair Ana Ruiz said the bank would wait. Markets rose.")
    print(parser.workers[0].pid, flush=True)
    await asyncio.sleep(600)

if __name__ == "__main__":
    asyncio.run(main())
"""


def test_a_worker_does_not_outlive_a_bot_killed_hard(tmp_path: Path) -> None:
    """Found in the verification of issue 21: a bot killed with SIGKILL (or by the OOM killer) left its parse
    workers running for good (37 of them, 1 GB, after an afternoon of tests). A worker now leaves when its
    parent is gone."""
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "owner.py"
    script.write_text(OWNER, encoding="utf-8")
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    owner = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, cwd=root, env=env)
    assert owner.stdout is not None
    worker = int(owner.stdout.readline())
    owner.stdout.close()
    assert alive(worker)
    owner.send_signal(signal.SIGKILL)
    owner.wait(30)
    for _ in range(300):  # the worker looks for its parent every second
        if not alive(worker):
            break
        time.sleep(0.1)
    gone = not alive(worker)
    if not gone:
        os.kill(worker, signal.SIGKILL)
    assert gone, f"parse worker {worker} outlived its parent"
