"""``python -m bot moves PATH... [--json]``: the moves each article states (the timeline's command line)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rich.console import Console

from bot.article import ArticleError
from bot.ingest.intake import article_files, read_article
from bot.timeline import Move, extract_moves


def add_parser(sub: object, epilog: str) -> None:
    """The ``moves`` subcommand on the main parser's subparsers."""
    p = sub.add_parser(  # type: ignore[attr-defined]
        "moves",
        help="the executive moves (joined, left, appointed, fired, returned) each article states",
        description="One line per move: person, kind, organization, role, date (the text's own date, else the "
        "article's, marked as such) and the sentence it comes from. Rumours and denials are not moves.",
        epilog=epilog,
    )
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="article files or folders")
    p.add_argument(
        "--json",
        action="store_true",
        help='print JSON Lines: {"file", "person", "kind", "organization", "role", "date", "date_from", "evidence"}',
    )


def run(paths: list[Path], as_json: bool, console: Console) -> int:
    """Print every file's moves; a file that cannot be read is named on standard error (exit 1 at the end)."""
    files = article_files(paths)
    if not files:
        print("error: no article files found (.txt, .md, .json)", file=sys.stderr)
        return 1
    failed = 0
    for path in files:
        try:
            moves = extract_moves(read_article(path))
        except ArticleError as exc:
            failed += 1
            print(f"{path}: error: {exc}", file=sys.stderr, flush=True)
            continue
        if as_json:
            for move in moves:
                sys.stdout.write(
                    json.dumps({"file": str(path), **move.as_record()}, ensure_ascii=False) + "\n"
                )
        else:
            _print_human(path, moves, console)
    sys.stdout.flush()
    return 1 if failed else 0


def describe(move: Move) -> str:
    """One readable line: "2024-12 (article date) Pat Gelsinger left Intel as CEO [announced]"."""
    when = move.date or "undated"
    if move.date_from == "article":
        when += " (article date)"
    where = f" {move.organization}" if move.organization else ""
    verb = {
        "joined": "joined",
        "left": "left",
        "appointed": "appointed at" if move.organization else "appointed",
        "fired": "fired from" if move.organization else "fired",
        "returned": "returned to" if move.organization else "returned",
    }[move.kind.value]
    role = f" as {move.role}" if move.role else ""
    flag = " [announced]" if move.announced else ""
    return f"{when}  {move.person} {verb}{where}{role}{flag}"


def _print_human(path: Path, moves: list[Move], console: Console) -> None:
    console.print(f"[bold]{path}[/bold]", highlight=False, soft_wrap=True)
    if not moves:
        console.print("  no moves", highlight=False, soft_wrap=True)
    for move in moves:
        console.print(f"  {describe(move)}", markup=False, highlight=False, soft_wrap=True)
        console.print(f"      “{move.evidence}”", markup=False, highlight=False, soft_wrap=True, style="dim")
