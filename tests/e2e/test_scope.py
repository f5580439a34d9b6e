"""Two servers, one bot: what one server adds or removes never changes what the other sees; what the operator
removes stays removed across rescans and restarts; forgetting a member or a server leaves nothing behind."""

from __future__ import annotations

import asyncio
import sqlite3
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import BotProcess, start_bot, started
from tests.fakediscord import FakeDiscord

pytestmark = pytest.mark.asyncio(loop_scope="function")

NVIDIA = (
    "Nvidia becomes the most valuable company\nWire·2025-10-29 18:00\n\nCore Viewpoint - Nvidia became the first "
    "$5 trillion company [1]. - Chief executive Jensen Huang said demand is strong [2].\n"
)
FED = (
    "Fed holds rates steady\nWire·2025-10-01 18:00\n\nCore Viewpoint - Chair Jerome Powell said the Fed would "
    "wait [1].\n"
)
RUMOUR = (
    "Jensen Huang resigns as Nvidia chief\nRumour Mill·2025-11-02 10:00\n\nCore Viewpoint - Jensen Huang resigns "
    "from Nvidia, a blog said [1]. - Board member Lena Fischer said the search has begun [2].\n"
)
A, B = 0, 1  # the two servers, by index in the fake


async def launch(fake: FakeDiscord, workdir: Path, folder: Path) -> BotProcess:
    bot = await start_bot(
        fake,
        workdir,
        NEWSDESK_ARTICLES=str(folder),
        NEWSDESK_SCAN_SECONDS="0.3",
        NEWSDESK_ALERT_SECONDS="0.3",
    )
    await started(fake, bot, syncs=0)
    return bot


async def upload(fake: FakeDiscord, guild: int, name: str, text: str) -> None:
    ask = await fake.command(
        "article add", {"file": fake.attachment(name, text.encode())}, member="owner", guild=guild
    )
    added = await fake.press(ask, "Add it", member="owner", guild=guild)
    assert added.content.startswith("Added"), added.content


async def operator(workdir: Path, *args: str) -> str:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        "--database-url",
        f"sqlite:///{workdir}/newsdesk.db",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await proc.communicate()
    assert proc.returncode == 0, out.decode()
    return out.decode()


def rows_naming(db: Path, value: int) -> dict[str, int]:
    """Every table's rows with any column equal to ``value`` (the FTS index and SQLite's own tables aside)."""
    found: dict[str, int] = {}
    with sqlite3.connect(db) as conn:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not r[0].startswith(("sqlite_", "article_fts"))
        ]
        for table in tables:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            where = " OR ".join(f"CAST({c} AS TEXT) = ?" for c in columns)
            n = conn.execute(
                f"SELECT COUNT(*) FROM {table} WHERE {where}", [str(value)] * len(columns)
            ).fetchone()[0]
            if n:
                found[table] = n
    return found


async def test_two_servers_see_their_own_articles(tmp_path: Path) -> None:
    fake = FakeDiscord(guild_count=2)
    await fake.start()
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "nvidia.txt").write_text(NVIDIA, encoding="utf-8")
    (folder / "fed.txt").write_text(FED, encoding="utf-8")
    bot = await launch(fake, tmp_path, folder)
    try:
        # A member of B follows Jensen Huang (by direct message) before A's upload.
        follow = await fake.command("follow", {"target": "Jensen Huang"}, member="alice", guild=B)
        assert follow.content.startswith("Following **Jensen Huang**"), follow.content
        await upload(fake, A, "rumour.txt", RUMOUR)

        # A sees its upload everywhere.
        summary = await fake.command("summary", {"article": "Jensen Huang resigns as Nvidia chief"}, guild=A)
        assert "Lena Fischer" in summary.text()
        person = await fake.command("person", {"name": "Jensen Huang"}, guild=A)
        assert "resigns" in person.text()
        assert "Lena Fischer" in (await fake.command("people", guild=A)).text()
        assert "3 articles" in (await fake.command("about", guild=A)).text()

        # B sees none of it: commands, autocomplete, search, claims, people, about.
        summary = await fake.command("summary", {"article": "Jensen Huang resigns as Nvidia chief"}, guild=B)
        assert summary.text().startswith("No article matches"), summary.text()
        person = await fake.command("person", {"name": "Jensen Huang"}, guild=B)
        assert "Jensen Huang" in person.text() and "resigns" not in person.text()
        nobody = await fake.command("person", {"name": "Lena Fischer"}, guild=B)
        assert nobody.ephemeral and "No one called" in nobody.text(), nobody.text()
        claims = await fake.command("claims", {"person": "Jensen Huang"}, guild=B)
        assert "resigns" not in claims.text()
        search = await fake.command("articles search", {"query": "resigns"}, guild=B)
        assert "Jensen Huang resigns" not in search.text()
        titles = await fake.autocomplete("summary", {"article": "resigns"}, "article", guild=B)
        assert all("resigns" not in c["name"] for c in titles.choices), titles.choices
        names = await fake.autocomplete("person", {"name": "lena"}, "name", guild=B)
        assert all("Lena" not in c["name"] for c in names.choices), names.choices
        assert "Lena Fischer" not in (await fake.command("people", guild=B)).text()
        assert "2 articles" in (await fake.command("about", guild=B)).text()
        preview = await fake.command("digest preview", member="owner", guild=B)
        assert "resigns" not in preview.text()
        await asyncio.sleep(1.5)  # several alert passes: B's follower is not alerted about A's upload
        assert fake.dms("alice", guild=B) == []

        # B removes a global article: hidden in B only.
        ask = await fake.command(
            "article remove", {"article": "Fed holds rates steady"}, member="owner", guild=B
        )
        assert "other servers still see it" in ask.text(), ask.text()
        done = await fake.press(ask, "Remove it", member="owner", guild=B)
        assert done.content.startswith("Hid “Fed holds rates steady” in this server"), done.content
        assert "Fed holds rates" not in (await fake.command("articles list", guild=B)).text()
        assert "Fed holds rates" in (await fake.command("articles list", guild=A)).text()

        # The operator removes a folder article: gone everywhere, and stays gone across rescans and restarts.
        out = await operator(tmp_path, "article", "remove", "Nvidia becomes the most valuable company")
        assert "removed for every server" in out
        await fake.wait_for(lambda: "changed by another process" in bot.output(), 20)
        assert "Nvidia becomes" not in (await fake.command("articles list", guild=A)).text()
        (folder / "nvidia.txt").touch()  # a rescan reads the file again
        await asyncio.sleep(1.0)
        assert await bot.stop() == 0, bot.output()
        fake.ready.clear()
        bot = await launch(fake, tmp_path, folder)
        for guild in (A, B):
            listing = (await fake.command("articles list", guild=guild)).text()
            assert "Nvidia becomes" not in listing, listing
        assert "1 removed by the operator" in bot.output()
        assert "Fed holds rates" not in (await fake.command("articles list", guild=B)).text()  # still hidden
        assert "Jensen Huang resigns" in (await fake.command("articles list", guild=A)).text()  # still A's

        # Forget me (in A): no row anywhere names alice any more, though she followed in B.
        await fake.command("summary", {"article": "Fed holds rates steady"}, member="alice", guild=A)
        forget = await fake.command("privacy forget-me", member="alice", guild=A)
        gone = await fake.press(forget, "Delete my records", member="alice", guild=A)
        assert gone.visible() is not None
        await asyncio.sleep(0.5)
        alice = fake.member("alice").id
        assert rows_naming(tmp_path / "newsdesk.db", alice) == {}
        assert "Jensen Huang" not in (await fake.command("following", member="alice", guild=B)).text()
    finally:
        code = await bot.stop()
        await fake.stop()
    assert code == 0, bot.output()
    # Nor after the final flush: the forget-me command's own usage row names nobody; only what she ran after
    # forgetting (/following in B) names her.
    with sqlite3.connect(tmp_path / "newsdesk.db") as db:
        alice_rows = db.execute(
            "SELECT command FROM usage_events WHERE user_id = ?", (fake.member("alice").id,)
        ).fetchall()
        assert alice_rows == [("following",)], alice_rows
        assert db.execute(
            "SELECT user_id FROM usage_events WHERE command = 'privacy forget-me'"
        ).fetchall() == [(0,)]

    # The bot left server A: forget-guild leaves no row for it (and A's own upload is gone).
    guild_a = fake.guild(A).id
    out = await operator(tmp_path, "forget-guild", str(guild_a))
    assert f"server {guild_a} forgotten" in out
    assert rows_naming(tmp_path / "newsdesk.db", guild_a) == {}
    listing = await operator(tmp_path, "article", "list")
    assert "Jensen Huang resigns" not in listing and "Fed holds rates steady" in listing


async def test_a_server_the_bot_left_is_forgotten_unless_it_comes_back(tmp_path: Path) -> None:
    fake = FakeDiscord(guild_count=2)
    await fake.start()
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "fed.txt").write_text(FED, encoding="utf-8")
    env = {"NEWSDESK_ARTICLES": str(folder), "NEWSDESK_FORGET_GUILD_DAYS": "0"}
    bot = await start_bot(fake, tmp_path, **env)
    await started(fake, bot, syncs=0)
    await fake.wait_for(
        lambda: "ready: serving 2 servers" in bot.output(), 20
    )  # joins before it are part of READY
    try:
        gone, back = fake.guild(A), fake.guild(B)
        await upload(fake, A, "rumour.txt", RUMOUR)
        await fake.command("follow", {"target": "Jerome Powell"}, member="alice", guild=A)
        await fake.command("follow", {"target": "Jerome Powell"}, member="bob", guild=B)
        # B leaves and comes back: kept. A leaves for good.
        await fake.kick_bot(B)
        await fake.wait_for(lambda: f"left server {back.id}" in bot.output(), 10)
        await fake.invite_bot(back)
        await fake.wait_for(lambda: f"back in server {back.id}" in bot.output(), 10)
        await fake.kick_bot(0)  # A (B was appended behind it again)
        await fake.wait_for(lambda: f"left server {gone.id}" in bot.output(), 10)
        assert rows_naming(tmp_path / "newsdesk.db", gone.id)  # nothing deleted yet: the hourly pass decides
        # The next start's pass finds A gone for longer than NEWSDESK_FORGET_GUILD_DAYS (0 here).
        assert await bot.stop() == 0, bot.output()
        fake.ready.clear()
        bot = await start_bot(fake, tmp_path, **env)
        await started(fake, bot, syncs=0)
        await fake.wait_for(lambda: f"forgot server {gone.id}" in bot.output(), 20)
        assert rows_naming(tmp_path / "newsdesk.db", gone.id) == {}
        assert rows_naming(tmp_path / "newsdesk.db", back.id)  # B's follow is still there
        listing = (await fake.command("following", member="bob", guild=0)).text()
        assert "Jerome Powell" in listing
        assert f"forgot server {back.id}" not in bot.output()
    finally:
        code = await bot.stop()
        await fake.stop()
    assert code == 0, bot.output()
