"""The pure digest rules: due, next run, nonces, composition — across zones and daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.article import Article, load_article
from bot.digest.rules import (
    Schedule,
    ScheduleError,
    compose,
    due,
    next_run,
    nonce,
    parse_time,
    parse_zone,
    people_moves,
    scheduled_instant,
    zone_names,
)
from bot.timeline import Move, MoveKind

GRACE = timedelta(hours=6)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def sched(hhmm: str, zone: str, **kw: object) -> Schedule:
    return Schedule(channel_id=1, at=parse_time(hhmm), zone=zone, **kw)


@pytest.mark.parametrize(
    ("zone", "local_time", "utc"),
    [
        ("Asia/Shanghai", "08:00", "2026-03-01T00:00:00+00:00"),  # east of UTC: the previous UTC evening
        ("America/Los_Angeles", "18:30", "2026-03-02T02:30:00+00:00"),  # west of UTC: the next UTC day
        ("UTC", "00:00", "2026-03-01T00:00:00+00:00"),
        ("Asia/Kolkata", "09:15", "2026-03-01T03:45:00+00:00"),  # half-hour offset
    ],
)
def test_scheduled_instant_in_zones(zone: str, local_time: str, utc: str) -> None:
    assert scheduled_instant(sched(local_time, zone), date(2026, 3, 1)) == at(utc)


def test_spring_forward_gap_runs_after_the_gap() -> None:
    # 2026-03-08 in New York: 02:00 -> 03:00. 02:30 does not exist.
    s = sched("02:30", "America/New_York")
    assert scheduled_instant(s, date(2026, 3, 8)) == at("2026-03-08T07:00:00+00:00")  # 03:00 EDT
    assert scheduled_instant(s, date(2026, 3, 9)) == at("2026-03-09T06:30:00+00:00")  # 02:30 EDT
    assert due(s, date(2026, 3, 7), at("2026-03-08T07:00:30+00:00"), GRACE) == date(2026, 3, 8)
    assert due(s, date(2026, 3, 7), at("2026-03-08T06:59:00+00:00"), GRACE) is None


def test_fall_back_runs_once() -> None:
    # 2026-11-01 in New York: 01:30 happens twice; the digest runs at the first one only.
    s = sched("01:30", "America/New_York")
    first = at("2026-11-01T05:30:00+00:00")  # 01:30 EDT
    assert scheduled_instant(s, date(2026, 11, 1)) == first
    assert due(s, date(2026, 10, 31), first, GRACE) == date(2026, 11, 1)
    # After posting for Nov 1, the second 01:30 (EST, an hour later) is not due again.
    assert due(s, date(2026, 11, 1), first + timedelta(hours=1), GRACE) is None


def test_europe_dst_day_keeps_local_time() -> None:
    s = sched("09:00", "Europe/Berlin")
    assert scheduled_instant(s, date(2026, 3, 28)) == at("2026-03-28T08:00:00+00:00")  # CET
    assert scheduled_instant(s, date(2026, 3, 29)) == at("2026-03-29T07:00:00+00:00")  # CEST


def test_catch_up_inside_grace_and_skip_outside() -> None:
    s = sched("08:00", "Europe/Berlin")
    due_at = at("2026-06-10T06:00:00+00:00")  # 08:00 CEST
    assert due(s, date(2026, 6, 9), due_at - timedelta(minutes=1), GRACE) is None
    assert due(s, date(2026, 6, 9), due_at, GRACE) == date(2026, 6, 10)
    assert due(s, date(2026, 6, 9), due_at + timedelta(hours=5, minutes=59), GRACE) == date(2026, 6, 10)
    assert due(s, date(2026, 6, 9), due_at + timedelta(hours=6, minutes=1), GRACE) is None  # skipped
    assert next_run(s, date(2026, 6, 9), due_at + timedelta(hours=7)) == at("2026-06-11T06:00:00+00:00")


def test_catch_up_across_local_midnight() -> None:
    s = sched("23:30", "Asia/Tokyo")
    # 23:30 JST on the 10th is 14:30 UTC; the bot returns at 01:00 JST on the 11th, within grace.
    assert due(s, date(2026, 6, 9), at("2026-06-10T16:00:00+00:00"), GRACE) == date(2026, 6, 10)


def test_never_twice_for_one_local_date() -> None:
    s = sched("08:00", "UTC")
    assert due(s, date(2026, 6, 10), at("2026-06-10T08:05:00+00:00"), GRACE) is None


def test_setting_a_past_time_does_not_post_at_once() -> None:
    set_at = at("2026-06-10T10:00:00+00:00")
    s = sched("08:00", "UTC", effective_from=set_at)
    assert due(s, None, set_at + timedelta(minutes=1), GRACE) is None
    assert next_run(s, None, set_at) == at("2026-06-11T08:00:00+00:00")
    assert due(s, None, at("2026-06-11T08:00:00+00:00"), GRACE) == date(2026, 6, 11)


def test_off_and_paused_are_never_due() -> None:
    now = at("2026-06-10T08:00:00+00:00")
    assert due(sched("08:00", "UTC", enabled=False), None, now, GRACE) is None
    assert due(sched("08:00", "UTC", paused=True), None, now, GRACE) is None
    assert next_run(sched("08:00", "UTC", paused=True), None, now) is None


def test_next_run_today_or_tomorrow() -> None:
    s = sched("18:00", "America/Los_Angeles")
    assert next_run(s, None, at("2026-07-01T12:00:00-07:00")) == at("2026-07-01T18:00:00-07:00")
    assert next_run(s, date(2026, 7, 1), at("2026-07-01T18:30:00-07:00")) == at("2026-07-02T18:00:00-07:00")


def test_nonce_is_stable_short_and_distinct() -> None:
    a = nonce(123, date(2026, 6, 10))
    assert a == nonce(123, date(2026, 6, 10))
    assert len(a) <= 25
    assert a != nonce(123, date(2026, 6, 11)) != nonce(124, date(2026, 6, 10))
    assert nonce(123, date(2026, 6, 10), 1) != a


@pytest.mark.parametrize("bad", ["25:00", "8", "08:60", "noon", ""])
def test_bad_times(bad: str) -> None:
    with pytest.raises(ScheduleError, match="24-hour HH:MM"):
        parse_time(bad)


def test_times_and_zones_accepted() -> None:
    assert parse_time("8:05") == time(8, 5)
    assert parse_time("18.30") == time(18, 30)
    assert parse_zone("utc").key == "UTC"
    with pytest.raises(ScheduleError, match="not an IANA time zone"):
        parse_zone("Mars/Olympus")
    assert zone_names("shang")[0] == "Asia/Shanghai"
    assert "Europe/Berlin" in zone_names("berl")
    assert len(zone_names("a")) == 25


def test_compose_window_order_and_cap() -> None:
    base = "T{n}\nW·2026-06-0{n} 10:00\n\nCore Viewpoint - Lead {n} [1]. - Point {n} here [2].\n"
    arts = [load_article(base.format(n=n)) for n in range(1, 6)]
    t0 = at("2026-06-10T00:00:00+00:00")
    added = [(a, t0 + timedelta(hours=i)) for i, a in enumerate(arts)]
    d = compose(added, t0, t0 + timedelta(hours=3), limit=2)
    assert [a.title for a in d.articles] == ["T4", "T3"]  # (t0, t0+3h]: hours 1..3, newest first, capped
    assert d.more == 1
    assert compose(added, t0 + timedelta(hours=10), t0 + timedelta(hours=11)).empty


def _report(title: str, source: str, day: int, url: str | None = None) -> Article:
    text = f"{title}\n{source}·2026-06-{day:02d} 10:00\n\nCore Viewpoint - {title} [1].\n"
    article = load_article(text)
    return article.model_copy(update={"url": url}) if url else article


def test_compose_groups_a_storys_reports_under_its_newest() -> None:
    # Three reports of one made-up event, one unrelated article, one article whose story is unknown.
    first = _report("Brindle Ferries orders six boats", "Harbour Post", 1)
    second = _report("Brindle Ferries buys six new boats", "Quay Daily", 2, "https://quay.example/boats")
    third = _report("Six boats for Brindle Ferries", "Harbour Post", 3)
    other = _report("Marlow Mills closes a warehouse", "Quay Daily", 2)
    stray = _report("Alder Court hears an appeal", "Bench Notes", 1)
    stories = {first.id: "ferry", second.id: "ferry", third.id: "ferry", other.id: "mill"}
    t0 = at("2026-06-10T00:00:00+00:00")
    added = [(a, t0 + timedelta(minutes=1)) for a in (first, second, third, other, stray)]
    d = compose(added, t0, t0 + timedelta(hours=1), story_of=stories.get)
    assert [a.title for a in d.articles] == [
        "Six boats for Brindle Ferries",  # the story's newest report stands for it
        "Marlow Mills closes a warehouse",
        "Alder Court hears an appeal",  # no story known: an entry of its own
    ]
    assert [a.title for a in d.also[third.id]] == [
        "Brindle Ferries buys six new boats",
        "Brindle Ferries orders six boats",
    ]
    assert set(d.also) == {third.id}
    assert d.more == 0 and d.by_story and d.in_window == 5
    assert [a.title for a in d.reports][:3] == [a.title for a in (third, second, first)]


def test_the_cap_and_more_count_stories_not_articles() -> None:
    reports = [_report(f"Event {n % 3} report {n}", f"Outlet {n}", n + 1) for n in range(9)]
    t0 = at("2026-06-20T00:00:00+00:00")
    added = [(a, t0 + timedelta(minutes=1)) for a in reports]
    story = {a.id: f"event-{n % 3}" for n, a in enumerate(reports)}
    d = compose(added, t0, t0 + timedelta(hours=1), limit=2, story_of=story.get)
    assert [a.title for a in d.articles] == ["Event 2 report 8", "Event 1 report 7"]
    assert d.more == 1  # one story left out, though six articles were
    assert [len(d.also[a.id]) for a in d.articles] == [2, 2]
    # Without a story lookup every article is its own entry, as before.
    plain = compose(added, t0, t0 + timedelta(hours=1), limit=2)
    assert plain.more == 7 and plain.also == {} and not plain.by_story


def test_people_moves_read_every_report_of_a_grouped_story() -> None:
    newer = _report("Tallow Bank picks a new chair", "Harbour Post", 5)
    older = _report("Tallow Bank board names Ruth Okafor chair", "Quay Daily", 4)
    t0 = at("2026-06-10T00:00:00+00:00")
    d = compose([(newer, t0), (older, t0)], t0 - timedelta(hours=1), t0, story_of=lambda _: "tallow")
    assert [a.id for a in d.articles] == [newer.id]
    move = Move(
        "Ruth Okafor", MoveKind.APPOINTED, "Tallow Bank", "chair", "2026-06-04", "text", "named chair"
    )
    # Only the older, grouped report states the move: the section still has it.
    assert people_moves(d, {older.id: [move]}) == [move]
