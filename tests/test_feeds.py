"""Feeds from a loopback HTTP server: RSS and Atom entries become articles, once; a broken feed backs off alone."""

from __future__ import annotations

from pathlib import Path

from bot.article import ArticleFormat
from bot.ingest.feeds import FeedPoller, html_text
from bot.store.sql import SQLStore
from tests.feedserver import FeedServer


def test_html_to_text_keeps_paragraphs_and_drops_scripts() -> None:
    text = html_text("<p>One &amp; two.</p><script>alert(1)</script><ul><li>three</li><li>four</li></ul>")
    assert text == "One & two.\n\n- three\n\n- four"
    assert html_text("plain &lt;text&gt;") == "plain <text>"


async def test_rss_and_atom_entries_become_articles_once(server: FeedServer, store: SQLStore) -> None:
    tech = server.serve_file("tech.xml", "tech.rss.xml")
    markets = server.serve_file("markets.xml", "markets.atom.xml")
    poller = FeedPoller([tech, markets], minutes=15)
    report = await poller.poll(store)
    assert (report.added, report.failed) == (3, [])  # the Atom feed repeats one entry under another id
    articles = {a.title: a for a in await store.load_articles()}
    nvidia = articles["Nvidia beats estimates as data centre sales jump"]
    assert nvidia.format is ArticleFormat.PLAIN
    assert nvidia.source == "Loopback Tech Wire" and nvidia.published_at == "2025-02-26T21:00:00"
    assert [p.name for p in nvidia.people] == ["Jensen Huang"]
    chen = articles["OpenAI research chief answers critics"]  # the entry is a structured summary itself
    assert chen.format is ArticleFormat.SUMMARY
    assert any(c.speaker == "Mark Chen" and c.stance.value == "denied" for c in chen.claims)
    fed = articles["Fed cuts rates by a quarter point"]
    assert {p.name for p in fed.people} >= {"Jerome Powell", "Stephen Miran"}
    again = await poller.poll(store, only_due=False)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 0)  # every entry was seen: none re-read
    assert (await store.counts())["articles"] == 3


async def test_a_broken_feed_backs_off_and_never_stops_the_others(
    server: FeedServer, store: SQLStore
) -> None:
    good = server.serve_file("tech.xml", "tech.rss.xml")
    broken = server.serve("broken.xml", "<html><body>This is a web page, not a feed")
    missing = server.url("missing.xml")
    poller = FeedPoller([broken, good, missing], minutes=1)
    report = await poller.poll(store)
    assert report.added == 2
    states = poller.states
    assert states[broken].failures == 1 and "not an RSS or Atom feed" in (states[broken].last_error or "")
    assert states[missing].failures == 1 and states[missing].last_error == "HTTP 404 Not Found"
    assert states[good].failures == 0
    first_wait = states[missing].next_at
    await poller.poll(store, only_due=False)
    assert states[missing].failures == 2
    assert states[missing].next_at - first_wait > 50  # the wait doubled: 60 s, then 120 s
    assert [s.url for s in poller.failing()] == [broken, missing]
    # the feed is mended: the next poll clears its record
    server.serve_file("missing.xml", "markets.atom.xml")
    await poller.poll(store, only_due=False)
    assert states[missing].failures == 0 and states[missing].last_error is None
    assert (await store.counts())["articles"] == 3


async def test_feed_that_repeats_entries_adds_nothing_new(server: FeedServer, store: SQLStore) -> None:
    url = server.serve_file("tech.xml", "tech.rss.xml")
    poller = FeedPoller([url])
    await poller.poll(store)
    # the publisher re-issues the same items with new guids (a CMS migration): content hashes catch them
    rss = (Path(__file__).parent / "data" / "feeds" / "tech.rss.xml").read_text(encoding="utf-8")
    server.serve("tech.xml", rss.replace("<guid>tech-", "<guid>migrated-tech-"))
    report = await poller.poll(store, only_due=False)
    assert report.added == 0
    assert (await store.counts())["articles"] == 2


async def test_cli_ingest_takes_feed_urls_beside_files(
    server: FeedServer, tmp_path: Path, corpus_dir: Path
) -> None:
    import asyncio
    import sys

    url = server.serve_file("markets.xml", "markets.atom.xml")
    broken = server.url("gone.xml")
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "ingest", url, broken, str(corpus_dir / "02-intel-lip-bu-tan.txt"),
        "--database-url", f"sqlite:///{tmp_path}/cli.db",
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, cwd=tmp_path,
    )  # fmt: skip
    out, err = await proc.communicate()
    assert proc.returncode == 1  # one feed failed: said, and the rest still went in
    assert "feeds: 1 added" in out.decode()
    assert f"{broken}: error: HTTP 404 Not Found" in err.decode()
    assert "the store now holds 2 articles" in out.decode()


async def test_conditional_get_and_a_broken_feed_is_never_taken_as_unchanged(
    server: FeedServer, store: SQLStore
) -> None:
    good = server.serve_file("tech.xml", "tech.rss.xml")
    broken = server.serve("broken.xml", "<html>a web page")
    server.etags.update({"tech.xml": '"v1"', "broken.xml": '"b1"'})
    poller = FeedPoller([good, broken])
    await poller.poll(store)
    await poller.poll(store, only_due=False)
    assert server.not_modified["tech.xml"] == 1  # the second poll asked "changed since v1?" and was told no
    assert poller.states[good].failures == 0
    assert server.not_modified["broken.xml"] == 0  # a page that was not a feed is fetched whole again...
    assert poller.states[broken].failures == 2  # ...and still counts as failing


async def test_an_entry_keeps_its_link(server: FeedServer, store: SQLStore) -> None:
    rss = (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Harbour Desk</title>"
        "<item><guid>h-1</guid><link>https://harbour.example/crane-strike</link>"
        "<title>Crane drivers stop work at the east quay</title>"
        "<pubDate>Tue, 03 Mar 2026 08:00:00 GMT</pubDate>"
        "<description>Crane drivers at the east quay stopped work on Tuesday. "
        "Their union said the shift rota was unsafe.</description></item>"
        "<item><guid>h-2</guid><link>javascript:alert(1)</link><title>Quay reopens after talks</title>"
        "<description>The east quay reopened after a night of talks. Both sides called it a fair deal."
        "</description></item></channel></rss>"
    )
    poller = FeedPoller([server.serve("harbour.xml", rss)])
    await poller.poll(store)
    links = {a.title: a.url for a in await store.load_articles()}
    assert links == {
        "Crane drivers stop work at the east quay": "https://harbour.example/crane-strike",
        "Quay reopens after talks": None,  # only http(s) links are kept
    }
