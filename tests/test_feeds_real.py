"""Feeds as they are in the wild (issue 21 item 10): entries without titles, titles equal to their bodies, long
feed names, title-only and empty entries, undeclared legacy encodings, many slow feeds at once."""

from __future__ import annotations

import pytest

from bot.ingest.feeds import FeedPoller
from bot.store.sql import SQLStore
from tests.feedserver import FeedServer

DATE = "<pubDate>Wed, 26 Feb 2025 21:00:00 GMT</pubDate>"


def rss(title: str, items: str, declaration: str = '<?xml version="1.0" encoding="UTF-8"?>') -> str:
    return (
        f'{declaration}<rss version="2.0"><channel><title>{title}</title><link>http://127.0.0.1/</link>'
        f"<description>news</description>{items}</channel></rss>"
    )


async def test_entries_as_real_feeds_write_them(server: FeedServer, store: SQLStore) -> None:
    powell = (
        "Chair Jerome Powell said on Wednesday the Fed would keep rates unchanged while inflation stays above "
        "target, and that officials would wait for more data before moving."
    )
    samsung = (
        "Samsung Electronics said second-quarter operating profit rose sharply on strong AI memory demand."
    )
    items = "".join(
        [
            f"<item><guid>no-title</guid>{DATE}<description><![CDATA[<p>{powell}</p>]]></description></item>",
            f"<item><guid>same</guid>{DATE}<title>{samsung}</title><description>{samsung}</description></item>",
            f"<item><guid>url-only</guid><title>{server.url('wire.xml')}</title></item>",
            "<item><guid>link-only</guid><title>http://127.0.0.1/</title><link>http://127.0.0.1/</link></item>",
            f"<item><guid>empty</guid>{DATE}<title></title><description>  </description></item>",
            "<item><guid>nothing</guid></item>",
        ]
    )
    url = server.serve("wire.xml", rss("Loopback Wire", items))
    report = await FeedPoller([url]).poll(store)
    assert report.failed == []  # entries with no text are skipped, not failures
    assert report.added == 2
    articles = await store.load_articles()
    by_text = {a.core_viewpoint[:20]: a for a in articles}
    fed = next(a for a in articles if "Powell" in a.core_viewpoint)
    assert fed.title and fed.source == "Loopback Wire" and fed.published_at == "2025-02-26T21:00:00"
    assert [p.name for p in fed.people] == ["Jerome Powell"]
    chips = next(a for a in articles if "Samsung" in a.title + a.core_viewpoint)
    assert chips.source == "Loopback Wire" and chips.published_at == "2025-02-26T21:00:00", by_text


async def test_a_long_feed_name_still_gives_source_and_date(server: FeedServer, store: SQLStore) -> None:
    name = (
        "The Loopback Evening Chronicle of Business, Markets, Technology, Policy and Everything Else That Moves "
        "Prices Around the World Today"
    )
    assert len(name.split()) > 10 and len(name) > 120
    item = (
        f"<item><guid>one</guid>{DATE}<title>Fed holds rates</title><description>Chair Jerome Powell said the "
        "Fed would wait for more data before moving rates.</description></item>"
    )
    url = server.serve("long.xml", rss(name, item))
    report = await FeedPoller([url]).poll(store)
    assert (report.added, report.failed) == (1, [])
    [article] = await store.load_articles()
    assert article.title == "Fed holds rates" and article.published_at == "2025-02-26T21:00:00"
    assert article.source and name.startswith(article.source.rstrip("…").rstrip())


LEGACY = {
    "koi8-r": (
        "Банк России сохранил ставку",
        "Председатель Эльвира Набиуллина заявила, что инфляция остаётся высокой, а спрос в экономике превышает "
        "возможности производства. Аналитики ожидают снижения ставки не ранее осени.",
    ),
    "euc-jp": (
        "トヨタ、次期社長を発表",
        "トヨタ自動車は本日、次期社長に佐藤恒治氏が就任すると発表した。同社は電気自動車の開発を加速し、新たな電池工場を"
        "国内に建設する計画だと説明した。",
    ),
    "euc-kr": (
        "삼성전자 2분기 영업이익 급증",
        "삼성전자는 올해 2분기 영업이익이 전년 동기보다 크게 늘었다고 밝혔다. 회사 측은 인공지능 서버용 메모리 수요가 "
        "예상보다 강했다고 설명했다.",
    ),
    "gb2312": (
        "英伟达称新芯片需求强劲",
        "英伟达首席执行官黄仁勋表示，公司新一代芯片的需求非常强劲。分析师认为，数据中心业务将继续推动营收增长。",
    ),
}


@pytest.mark.parametrize("encoding", sorted(LEGACY))
async def test_undeclared_legacy_encodings_are_read_right(
    server: FeedServer, store: SQLStore, encoding: str
) -> None:
    """No encoding in the XML declaration nor in Content-Type: the bytes are recognised (charset-normalizer)."""
    title, body = LEGACY[encoding]
    item = f"<item><guid>one</guid>{DATE}<title>{title}</title><description>{body}</description></item>"
    data = rss("Wire", item, declaration='<?xml version="1.0"?>').encode(encoding)
    url = server.serve("legacy.xml", data)
    report = await FeedPoller([url]).poll(store)
    assert (report.added, report.failed) == (1, [])
    [article] = await store.load_articles()
    assert article.title == title
    assert body[:12] in article.core_viewpoint + " ".join(p.text for p in article.points())


async def test_an_encoding_declared_only_by_http_is_honoured(server: FeedServer, store: SQLStore) -> None:
    title, body = LEGACY["koi8-r"]
    item = f"<item><guid>one</guid>{DATE}<title>{title}</title><description>{body}</description></item>"
    url = server.serve("http.xml", rss("Wire", item, declaration='<?xml version="1.0"?>').encode("koi8-r"))
    server.content_types["http.xml"] = "application/rss+xml; charset=KOI8-R"
    report = await FeedPoller([url]).poll(store)
    assert (report.added, report.failed) == (1, [])
    assert [a.title for a in await store.load_articles()] == [title]


async def test_many_slow_feeds_are_fetched_ten_at_a_time_without_false_timeouts(
    server: FeedServer, store: SQLStore
) -> None:
    """25 feeds that each take 1 s to answer, a 3 s limit per feed: at most 10 requests at once, and the time a
    feed waits for its turn is not counted against it."""
    urls = []
    for i in range(25):
        item = (
            f"<item><guid>s{i}</guid>{DATE}<title>Company {i} reports results</title><description>Chief executive "
            f"Alex Example{i} said revenue rose {i + 5}% in the quarter.</description></item>"
        )
        urls.append(server.serve(f"slow-{i}.xml", rss(f"Wire {i}", item)))
        server.delays[f"slow-{i}.xml"] = 1.0
    poller = FeedPoller(urls, timeout=3.0)
    report = await poller.poll(store)
    assert poller.failing() == [], [s.last_error for s in poller.failing()]
    assert report.added == 25
    assert server.most_in_flight <= 10
