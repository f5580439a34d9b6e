"""Command line: ``python -m bot parse | ingest | demo``."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bot import __version__
from bot.article import ArticleError
from bot.ingest.intake import PARSER, IngestReport, article_files, ingest_files, read_article
from bot.library.core import Library, load_registry
from bot.settings import Settings, describe_settings_error
from bot.store import StoreError, open_store, redact_url

EPILOG = "Settings come from environment variables (NEWSDESK_*), then the file named by NEWSDESK_CONFIG, then the bundled defaults."


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Newsdesk: article summaries turned into answers about what was said, by whom, and how.",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"newsdesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser(
        "run",
        help="run the Discord bot (needs DISCORD_TOKEN)",
        description="Connect to Discord and answer slash commands. Stops cleanly on SIGTERM or Ctrl-C.",
        epilog=EPILOG,
    )

    p = sub.add_parser(
        "invite",
        help="print the URL that adds the bot to a server",
        description="The invite URL with the bot and applications.commands scopes and exactly the permissions "
        "Newsdesk's features need. The application id comes from --application-id, else from DISCORD_TOKEN "
        "(a bot token starts with its application's id).",
        epilog=EPILOG,
    )
    p.add_argument("--application-id", type=int, metavar="ID", help="the application id (developer portal)")

    p = sub.add_parser("parse", help="parse article files and print what was found", epilog=EPILOG)
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="article files or folders")
    p.add_argument("--json", action="store_true", help="print JSON Lines, one object per file")

    p = sub.add_parser("stories", help="group article files into stories (one event each)", epilog=EPILOG)
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    p.add_argument("--json", action="store_true", help="print JSON Lines, one object per story")

    from bot.timeline import cli as moves_cli

    moves_cli.add_parser(sub, EPILOG)

    p = sub.add_parser(
        "ingest", help="parse article files (and RSS/Atom feeds) into the store", epilog=EPILOG
    )
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help="article files or folders, or http(s) URLs of RSS/Atom feeds"
    )
    p.add_argument(
        "--database-url", help="store URL (default: NEWSDESK_DATABASE_URL or sqlite:///data/newsdesk.db)"
    )

    p = sub.add_parser(
        "bench",
        help="measure speed side by side (parse, usage recorder vs sqlite3)",
        description="Figures are ratios against baselines measured in the same run; nothing here is a test.",
        epilog=EPILOG,
    )
    p.add_argument("--quick", action="store_true", help="small sizes, well under a minute")
    p.add_argument(
        "--sizes", help="corpus sizes, comma-separated (default 1000,10000,100000; --quick: 200,1000)"
    )
    p.add_argument("--json", type=Path, metavar="PATH", help="also write the figures as JSON")
    p.add_argument(
        "--index-rows",
        metavar="N",
        help="only the people and title indexes at these sizes (comma-separated, e.g. 100000,1000000): rows "
        "generated directly, no article bodies; reports build time and memory",
    )
    p.add_argument(
        "--postgres",
        metavar="URL",
        help="also measure PostgreSQL beside SQLite (default: NEWSDESK_TEST_POSTGRES_URL when set); "
        "a throwaway schema is created and dropped",
    )

    p = sub.add_parser(
        "soak",
        help="run the bot against the fake Discord under load and trouble for N minutes (source checkout)",
        description="Two servers, failing feeds, a digest, a follow alert, gateway drops and 5xx/429 answers; "
        "reports interactions answered, late acks, memory over time and every error line of the bot's log.",
        epilog=EPILOG,
    )
    p.add_argument("--minutes", type=float, default=10.0, help="how long (default 10)")
    p.add_argument("--json", type=Path, metavar="PATH", help="also write the report as JSON")

    p = sub.add_parser("stats", help="usage figures from the store (what /stats shows)", epilog=EPILOG)
    p.add_argument("--days", type=int, default=30, help="how many days back (1-365, default 30)")
    p.add_argument("--guild", type=int, help="only this server (guild id)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--database-url", help="store URL (default: NEWSDESK_DATABASE_URL)")

    p = sub.add_parser(
        "db",
        help="database tools: migrate, copy (SQLite -> PostgreSQL)",
        description="migrate: apply the store's migrations now (the bot also does it at start). "
        "copy SRC DST: copy every row of one store into another, empty one, and compare the counts.",
        epilog=EPILOG,
    )
    dbsub = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    q = dbsub.add_parser("migrate", help="apply pending migrations to the store", epilog=EPILOG)
    q.add_argument("--database-url", help="store URL (default: NEWSDESK_DATABASE_URL)")
    q = dbsub.add_parser(
        "copy",
        help="copy a whole store into another, empty one",
        description="For example: python -m bot db copy sqlite:///data/newsdesk.db "
        "postgresql://newsdesk@db.internal/newsdesk. Stop the bot first; rows written during the copy are not "
        "copied. Exits 1 when the row counts differ at the end.",
        epilog=EPILOG,
    )
    q.add_argument("source", metavar="SRC_URL", help="the store to copy from")
    q.add_argument("destination", metavar="DST_URL", help="the store to copy into (must be empty)")

    p = sub.add_parser(
        "article",
        help="the operator's view of every article: list, remove, hide in one server, restore",
        description="list: every article with its owner (global or a server) and what was removed or hidden. "
        "remove ARTICLE: remove a global article for every server (a tombstone keeps rescans and re-ingests "
        "from bringing the same text back; a changed file is a new version), or with --guild a server's own "
        "article. hide ARTICLE --guild ID: hide a global article in one server. restore ARTICLE [--guild ID]: "
        "undo a removal (the file is read again) or a hide. ARTICLE is an id (or its first 6+ characters) "
        "or an exact title.",
        epilog=EPILOG,
    )
    p.add_argument("action", choices=["list", "remove", "hide", "restore"])
    p.add_argument("article", nargs="?", metavar="ARTICLE", help="article id, id prefix or exact title")
    p.add_argument("--guild", type=int, help="the server (guild id); without it: the global articles")
    p.add_argument("--database-url", help="store URL (default: NEWSDESK_DATABASE_URL)")

    p = sub.add_parser(
        "forget-guild",
        help="delete everything stored for one server now",
        description="Its own articles, hidden articles, digest schedule and runs, follows and alerts, and usage "
        "rows. The bot does this by itself NEWSDESK_FORGET_GUILD_DAYS after leaving a server.",
        epilog=EPILOG,
    )
    p.add_argument("guild", type=int, metavar="GUILD_ID")
    p.add_argument("--database-url", help="store URL (default: NEWSDESK_DATABASE_URL)")

    p = sub.add_parser(
        "demo",
        help="show, offline, what the bot answers on the bundled articles",
        description="No token and no network: loads the configured articles into a throwaway in-memory store "
        "and prints what /summary, /person, /claims and the daily digest would answer.",
        epilog=EPILOG,
    )
    p.add_argument(
        "query", nargs="?", help="a person's name or an article title (default: the newest article)"
    )
    return parser


NO_TOOLS = (
    "the benchmark and the soak run ship with the source checkout (tools/ beside bot/), not with the installed "
    "package: run them from a clone of the repository"
)


def checkout_tool(name: str) -> Any:
    """``tools.<name>`` of the source checkout this package runs from (tools/ is not in the wheel), else None."""
    import importlib

    checkout = Path(__file__).resolve().parent.parent
    if not (checkout / "tools" / f"{name}.py").is_file():
        return None
    if str(checkout) not in sys.path:
        sys.path.insert(0, str(checkout))
    return importlib.import_module(f"tools.{name}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        settings = Settings()
    except Exception as exc:  # a bad NEWSDESK_* value or config file: say which, no traceback, no token
        error(f"invalid settings: {describe_settings_error(exc)}")
        return 2
    PARSER.seconds = settings.parse_seconds
    command = COMMANDS.get(args.command)
    try:
        code = command(args, settings, Console(), Console(stderr=True)) if command else None
    except StoreError as exc:
        error(str(exc))
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `parse --json | head`: the reader has what it wanted; stop without a word
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's last flush finds nowhere to fail
        return 141  # what a shell reports for a program ended by SIGPIPE
    if code is None:
        parser.error(f"unknown command {args.command}")
        return 2
    return code


# One function per subcommand: (args, settings, console, err) -> exit code, None for an unknown subcommand.
Command = Callable[[argparse.Namespace, Settings, Console, Console], "int | None"]


def _run(args: argparse.Namespace, settings: Settings, console: Console, err: Console) -> int:
    return cmd_run(settings, err)


def _invite(args: argparse.Namespace, settings: Settings, console: Console, err: Console) -> int:
    return cmd_invite(settings, args.application_id, console)


def _parse(args: argparse.Namespace, settings: Settings, console: Console, err: Console) -> int:
    return cmd_parse(args.paths, args.json, console)


def _stories(args: argparse.Namespace, settings: Settings, console: Console, err: Console) -> int:
    from bot.stories.cli import cmd_stories

    return cmd_stories(args.paths, args.json, settings.people_file)


def _moves(args: argparse.Namespace, settings: Settings, console: Console, err: Console) -> int:
    from bot.timeline import cli as moves_cli

    return moves_cli.run(args.paths, args.json, console)


def _ingest(args: argparse.Namespace, settings: Settings, console: Console, err: Console) -> int:
    url = args.database_url or settings.database_url
    return asyncio.run(cmd_ingest(args.paths, url, console, err, settings.feed_allow_hosts))


def _bench(args: argparse.Namespace, settings: Settings, console: Console, err: Console) -> int:
    bench = checkout_tool("bench")
    if bench is None:
        error(NO_TOOLS)
        return 2
    if args.index_rows:
        found = [bench.bench_index_rows(int(x)) for x in args.index_rows.split(",")]
        for figures in found:
            print(json.dumps(figures))
        if args.json:
            args.json.write_text(json.dumps(found, indent=2), encoding="utf-8")
        return 0
    sizes = [int(x) for x in args.sizes.split(",")] if args.sizes else None
    postgres = args.postgres or os.environ.get("NEWSDESK_TEST_POSTGRES_URL") or None
    bench.run(args.quick, args.json, sizes=sizes, postgres_url=postgres)
    return 0


def _soak(args: argparse.Namespace, settings: Settings, console: Console, err: Console) -> int:
    soak = checkout_tool("soak")
    if soak is None:
        error(NO_TOOLS)
        return 2
    report = soak.run(args.minutes, args.json)
    missed = report.get("interactions", {}).get("unanswered")
    return 1 if missed or report.get("errors") or report.get("exit_code") else 0


def _stats(args: argparse.Namespace, settings: Settings, console: Console, err: Console) -> int:
    if not 1 <= args.days <= 365:
        error("--days must be between 1 and 365")
        return 2
    url = args.database_url or settings.database_url
    return asyncio.run(cmd_stats(url, args.days, args.guild, args.json, console))


def _demo(args: argparse.Namespace, settings: Settings, console: Console, err: Console) -> int:
    return asyncio.run(cmd_demo(settings, args.query, console, err))


def _article(args: argparse.Namespace, settings: Settings, console: Console, err: Console) -> int:
    from bot import operator

    if args.action != "list" and not args.article:
        error(f"article {args.action} needs an ARTICLE (an id or exact title; see: article list)")
        return 2
    url = args.database_url or settings.database_url
    return asyncio.run(operator.article_command(url, args.action, args.article, args.guild, console, error))


def _forget_guild(args: argparse.Namespace, settings: Settings, console: Console, err: Console) -> int:
    from bot import operator

    if args.guild <= 0:
        error("GUILD_ID must be a server id (a positive number)")
        return 2
    return asyncio.run(operator.forget_guild(args.database_url or settings.database_url, args.guild, console))


def _db(args: argparse.Namespace, settings: Settings, console: Console, err: Console) -> int | None:
    if args.db_command == "migrate":
        return asyncio.run(cmd_migrate(args.database_url or settings.database_url, console))
    if args.db_command == "copy":
        return asyncio.run(cmd_copy(args.source, args.destination, console, err))
    return None


COMMANDS: dict[str, Command] = {
    "run": _run,
    "invite": _invite,
    "parse": _parse,
    "stories": _stories,
    "moves": _moves,
    "ingest": _ingest,
    "bench": _bench,
    "soak": _soak,
    "stats": _stats,
    "demo": _demo,
    "article": _article,
    "forget-guild": _forget_guild,
    "db": _db,
}


def error(message: str) -> None:
    """One line on standard error, never wrapped."""
    print(f"error: {message}", file=sys.stderr, flush=True)


def cmd_run(settings: Settings, err: Console) -> int:
    import logging

    from bot.discord.api import ApiSeamError
    from bot.discord.client import TokenError, check_token, run_bot, setup_logging

    try:
        token = check_token(settings)
    except TokenError as exc:
        error(str(exc))
        return 2
    setup_logging(settings.log_level)
    logging.getLogger("newsdesk").info("settings: %s", settings.safe_dump)
    try:
        return asyncio.run(run_bot(settings, token))
    except ApiSeamError as exc:
        error(str(exc))
        return 2


def cmd_invite(settings: Settings, application_id: int | None, console: Console) -> int:
    from bot.discord.invite import application_id_of, invite_url, permission_lines

    if application_id is None:
        token = settings.discord_token.get_secret_value().strip() if settings.discord_token else ""
        application_id = application_id_of(token)
    if application_id is None:
        error(
            "no application id: pass --application-id (General Information in the developer portal) "
            "or set DISCORD_TOKEN"
        )
        return 2
    print(invite_url(application_id))
    for line in permission_lines():
        console.print(line, highlight=False, soft_wrap=True)
    return 0


def cmd_parse(paths: list[Path], as_json: bool, console: Console) -> int:
    failed = 0
    files = article_files(paths)
    if not files:
        print("error: no article files found (.txt, .md, .json)", file=sys.stderr)
        return 1
    for path in files:
        try:
            article = read_article(path)
        except ArticleError as exc:
            failed += 1
            print(f"{path}: error: {exc}", file=sys.stderr, flush=True)
            continue
        if as_json:
            record = {"file": str(path), **article.model_dump(mode="json")}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            _print_human(article, path, console)
    sys.stdout.flush()
    return 1 if failed else 0


def _print_human(article: object, path: Path, console: Console) -> None:
    from bot.article import Article

    assert isinstance(article, Article)
    console.print(f"[bold]{path}[/bold]", highlight=False, soft_wrap=True)
    console.print(f"  title:    {article.title}", markup=False, highlight=False, soft_wrap=True)
    console.print(
        f"  source:   {article.source or '—'}  date: {article.published_at or '—'}  language: {article.language}  format: {article.format.value}",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    points = sum(len(s.points) for s in article.sections)
    console.print(
        f"  sections: {len(article.sections)}  points: {points}  claims: {len(article.claims)}",
        highlight=False,
        soft_wrap=True,
    )
    people = "; ".join(
        p.name
        + (f" ({', '.join(p.aliases)})" if p.aliases else "")
        + (f" — {p.role or ''} {p.organization or ''}".rstrip() if p.role or p.organization else "")
        for p in article.people
    )
    console.print(f"  people:   {people or '—'}", markup=False, highlight=False, soft_wrap=True)
    console.print(
        f"  orgs:     {', '.join(o.name for o in article.organizations) or '—'}",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    stances: dict[str, int] = {}
    for c in article.claims:
        stances[c.stance.value] = stances.get(c.stance.value, 0) + 1
    console.print(
        f"  stances:  {', '.join(f'{k} {v}' for k, v in sorted(stances.items())) or '—'}",
        highlight=False,
        soft_wrap=True,
    )


async def cmd_ingest(
    paths: list[str], url: str, console: Console, err: Console, allow_hosts: list[str] | None = None
) -> int:
    from bot.ingest.feeds import FeedPoller

    feeds = [p for p in paths if p.startswith(("http://", "https://"))]
    files = article_files([Path(p) for p in paths if p not in feeds])
    if not files and not feeds:
        err.print("error: no article files found (.txt, .md, .json)", soft_wrap=True)
        return 1
    store = open_store(url)
    await store.open()
    fed = IngestReport()
    try:
        if feeds:
            poller = FeedPoller(feeds, allow_hosts=allow_hosts or [])
            fed = await poller.poll(store, only_due=False)
            # a feed that could not be fetched is a failure like an entry that could not be read
            fed.failed[:0] = [(state.url, state.last_error or "failed") for state in poller.failing()]
            for source, reason in fed.failed:
                err.print(f"{source}: error: {reason}", markup=False, highlight=False, soft_wrap=True)
            console.print(f"feeds: {fed.summary()}", highlight=False, soft_wrap=True)
        with Progress(
            TextColumn("[bold]Ingesting"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.description}"),
            console=err,
            transient=False,
        ) as progress:
            task = progress.add_task("", total=len(files))

            def step(path: Path, error: str | None) -> None:
                progress.update(task, advance=1, description=path.name)
                if error:
                    progress.console.print(
                        f"{path}: error: {error}", markup=False, highlight=False, soft_wrap=True
                    )

            try:
                report = await ingest_files(store, files, step)
            except Exception as exc:
                if not _disk_full(exc):
                    raise
                progress.stop()
                stored = await _count_articles(store)
                err.print(
                    f"error: the store's disk is full ({redact_url(url)}: {exc}): free some space and run ingest"
                    f" again; {stored} articles were stored before it, each whole, and are not read again",
                    markup=False,
                    highlight=False,
                    soft_wrap=True,
                )
                return 1
        counts = await store.counts()
    finally:
        PARSER.close()
        await store.close()
    # the last line counts everything: files and feeds
    report.added += fed.added
    report.updated += fed.updated
    report.unchanged += fed.unchanged
    report.failed = fed.failed + report.failed
    console.print(
        f"{report.summary()} — the store now holds {_counted(counts['articles'], 'article', 'articles')}, "
        f"{_counted(counts['people'], 'person', 'people')}, {_counted(counts['claims'], 'claim', 'claims')}",
        highlight=False,
        soft_wrap=True,
    )
    return 1 if report.failed else 0


def _disk_full(exc: BaseException) -> bool:
    """Whether a store error is its disk (or its database's size limit) being full, on either backend."""
    import errno
    import sqlite3

    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return True
    if isinstance(exc, sqlite3.OperationalError) and "full" in str(exc).lower():
        return True
    return getattr(exc, "sqlstate", None) in ("53100", "53200")  # PostgreSQL: disk full, out of memory


async def _count_articles(store: object) -> str:
    try:
        return str((await store.counts())["articles"])  # type: ignore[attr-defined]
    except Exception:  # the store may not answer either; the count is only a courtesy
        return "the"


def _counted(n: int, one: str, many: str) -> str:
    """'1 article', '3 articles': English for the command line's counts."""
    return f"{n} {one if n == 1 else many}"


async def cmd_migrate(url: str, console: Console) -> int:
    from bot.store.sql import SQLStore, migrations

    store = open_store(url)
    await store.open()  # opening applies what is pending
    try:
        assert isinstance(store, SQLStore)
        versions = await store.schema_versions()
        latest = max(v for v, _ in migrations(store.backend))
    finally:
        await store.close()
    console.print(
        f"{redact_url(url)}: schema at version {max(versions)} of {latest}", highlight=False, soft_wrap=True
    )
    return 0 if max(versions) == latest else 1


async def cmd_copy(source: str, destination: str, console: Console, err: Console) -> int:
    from rich.table import Table

    from bot.store.copy import copy_store

    # The progress line starts with the first rows copied: a refused copy (a missing source, a destination
    # that holds rows) says its error alone.
    progress = Progress(TextColumn("[bold]Copying"), TextColumn("{task.description}"), console=err)
    task = progress.add_task("", total=None)
    copied: dict[str, int] = {}

    def step(table: str, n: int) -> None:
        if not copied:
            progress.start()
        copied[table] = copied.get(table, 0) + n
        progress.update(task, description=f"{table}: {copied[table]} rows")

    try:
        report = await copy_store(source, destination, step)
    finally:
        if copied:
            progress.stop()
    table = Table("table", "source rows", "destination rows", "")
    for name, n in report.source.items():
        same = report.destination.get(name) == n
        table.add_row(name, str(n), str(report.destination.get(name)), "ok" if same else "DIFFERENT")
    console.print(table)
    if report.mismatches:
        err.print(
            f"error: row counts differ for {', '.join(report.mismatches)}", markup=False, soft_wrap=True
        )
        return 1
    console.print(
        f"copied {redact_url(source)} -> {redact_url(destination)}: every table has the same row count",
        highlight=False,
        soft_wrap=True,
    )
    return 0


async def cmd_stats(url: str, days: int, guild: int | None, as_json: bool, console: Console) -> int:
    from datetime import UTC, datetime

    from rich.table import Table

    from bot.usage import usage_summary

    store = open_store(url)
    await store.open()
    try:
        summary = await usage_summary(store, days, datetime.now(UTC), guild_id=guild)
    finally:
        await store.close()
    if as_json:
        print(json.dumps(summary.as_dict(), ensure_ascii=False))
        return 0
    scope = f"server {guild}" if guild else "all servers"
    table = Table(title=f"Usage · {scope} · last {days} day{'' if days == 1 else 's'}", show_header=False)
    table.add_column(style="bold")
    table.add_column()
    o = summary.by_outcome
    table.add_row(
        "Commands",
        f"{summary.total} ({o['ok']} answered, {o['user_error']} not found, {o['denied']} denied, {o['error']} errors)",
    )
    table.add_row("Error rate", f"{summary.error_rate:.1%}")
    latency = "—" if summary.p50_ms is None else f"p50 {summary.p50_ms:.0f} ms · p95 {summary.p95_ms:.0f} ms"
    table.add_row("Time to answer", latency)
    table.add_row("Top commands", ", ".join(f"/{k} {n}" for k, n in summary.top_commands) or "—")
    table.add_row("People looked up", ", ".join(f"{k} {n}" for k, n in summary.top_people) or "—")
    table.add_row("Articles summarized", ", ".join(f"{k} {n}" for k, n in summary.top_articles) or "—")
    table.add_row("Autocomplete", ", ".join(f"/{k} {n}" for k, n in summary.autocomplete.items()) or "—")
    table.add_row("Per day", " ".join(str(n) for _, n in summary.per_day))
    console.print(table)
    return 0


async def cmd_demo(settings: Settings, query: str | None, console: Console, err: Console) -> int:
    from bot.digest import rules as digest_mod
    from bot.render import text as render

    files = article_files(settings.articles)
    store = open_store("sqlite:///:memory:")
    await store.open()
    try:
        report = await ingest_files(store, files)
        articles = await store.load_articles()
        searched = await store.search(query, 1) if query else []
    finally:
        await store.close()
    for path, error in report.failed:
        err.print(f"{path}: error: {error}", markup=False, highlight=False, soft_wrap=True)
    if not articles:
        err.print(
            "error: no articles to show; set NEWSDESK_ARTICLES to a folder of article files", soft_wrap=True
        )
        return 1
    try:
        registry = load_registry(settings.people_file)
    except ValueError as exc:
        err.print(f"warning: people registry ignored: {exc}", markup=False, highlight=False, soft_wrap=True)
        registry = []
    library = Library(articles, registry)
    stats = library.stats()
    console.rule("[bold]Newsdesk demo[/bold]")
    console.print(
        f"Loaded {_counted(stats['articles'], 'article', 'articles')}, "
        f"{_counted(stats['people'], 'person', 'people')}, {_counted(stats['claims'], 'claim', 'claims')} "
        f"from {', '.join(str(p) for p in settings.articles)}",
        highlight=False,
        soft_wrap=True,
    )

    article = library.articles[0]
    person = library.people[0] if library.people else None
    if query:
        found_person = library.person(query) or next(iter(library.autocomplete_people(query, 1)), None)
        found_article = library.find_article(query) or (library.article(searched[0]) if searched else None)
        if found_person is None and found_article is None:
            err.print(f"Nothing matches {query!r}.", markup=False, highlight=False, soft_wrap=True)
            suggestions = library.suggest_people(query)
            if suggestions:
                err.print(
                    "Did you mean: " + ", ".join(p.name for p in suggestions),
                    markup=False,
                    highlight=False,
                    soft_wrap=True,
                )
            return 1
        if found_person is not None and (found_article is None or library.person(query) is not None):
            person = found_person
            article = library.article(found_person.article_ids[0]) or article
        elif found_article is not None:
            article = found_article
            in_article = library.people_in(article.id)
            person = in_article[0] if in_article else person

    console.rule("/summary")
    console.print(render.summary(article))
    if person is not None:
        console.rule(f"/person name:{person.name}")
        console.print(render.person_card(person, library))
    refs = library.claims(article=article.id)
    console.rule(f"/claims article:{article.title[:40]}")
    console.print(render.claims_table(refs, library, show_article=False))
    console.rule("/people")
    console.print(render.people_table(library.people[:10]))
    console.rule("Digest")
    console.print(render.digest(digest_mod.latest_day(library.articles), library))
    return 0
