"""Feed posts, the "and N more" note and the feed list fit Discord's limits whatever the article holds, and
article text stays inert."""

from __future__ import annotations

from dataclasses import dataclass

from bot.article import Article, Claim, Person, Stance
from bot.i18n import SUPPORTED, use_locale
from bot.render import posts
from bot.render.limits import violations


def long_article(n: int = 0) -> Article:
    words = " ".join(["dockside"] * 3000)
    return Article(
        id=f"a{n}",
        title=f"@everyone <@&123> **Quay {n}** " + "long title " * 60,
        source="Harbour Desk " * 20,
        published_at="2026-03-04T10:00:00",
        core_viewpoint=words,
        claims=[
            Claim(text=f"claim {i} " + words, stance=s, speaker=("Mara Quist" if i == 4 else None))
            for i, s in enumerate(
                [Stance.ASSERTED, Stance.REPORTED, Stance.ASSERTED, Stance.DENIED, Stance.ASSERTED]
            )
        ],
        people=[Person(name=f"Person Number{i}") for i in range(40)],
        url="https://harbour.example/a_(b)?q=1",
    )


def test_a_post_fits_and_shows_three_key_claims_speakers_and_denials_first() -> None:
    article = long_article()
    assert posts.key_claims(article) == [1, 3, 4]  # the speaker's, the denial, then the reported one
    for lang in SUPPORTED:
        with use_locale(lang):
            embed = posts.post_embed(article).to_dict()
        assert violations(None, [embed]) == []
        assert embed["url"] == article.url
        assert "@everyone" not in embed["title"] and "<@&123>" not in embed["title"]
        assert len(embed["fields"][0]["value"].splitlines()) == 3


def test_the_note_for_many_folded_posts_fits_and_links_safely() -> None:
    folded = [long_article(n) for n in range(200)]
    content, embed = posts.more_message(folded, 10)
    assert content.startswith("…and 200 more new articles") and violations(content, [embed.to_dict()]) == []
    assert "(https://harbour.example/a_%28b%29?q=1)" in (embed.description or "")
    assert (embed.description or "").endswith("… 185 more")


@dataclass
class Feed:
    url: str
    channel_id: int | None = 5
    post: str = "each"
    crosspost: bool = True
    last_fetch_at: str | None = "2026-03-04T10:00:00+00:00"
    last_error: str | None = "HTTP 500 " + "x" * 2000
    failures: int = 3
    failing_since: str | None = "2026-03-03T10:00:00+00:00"
    next_at: str = "2026-03-04T11:00:00+00:00"


def test_the_feed_list_and_the_failure_notice_fit() -> None:
    from datetime import UTC, datetime

    feeds = [Feed(f"https://wire.example/{i}/" + "p" * 300) for i in range(30)]
    for lang in SUPPORTED:
        with use_locale(lang):
            embed = posts.feed_list_embed(feeds, 20, datetime.now(UTC)).to_dict()
        assert violations(None, [embed]) == [] and len(embed["fields"]) >= 10
        assert str(30 - len(embed["fields"])) in embed["footer"]["text"]  # how many are not shown
        with use_locale(lang):
            assert len(posts.failing_notice(feeds[0])) <= 2000  # type: ignore[arg-type]
