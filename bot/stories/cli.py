"""``python -m bot stories PATH... [--json]``: group article files into stories, and line up who said what.

Every readable input file is in exactly one story (a story of one included), named by the path as it was given
(a folder's files as the folder's path joined with their place in it). Files are added in order of publication
(undated ones last, in the order given), as a running bot would receive them. ``--json`` prints JSON Lines:
``{"story", "files", "title", "contested", "claims": [{"subject", "stances": [{"stance", "speaker", "file"}]}]}``.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.article import Article, ArticleError
from bot.ingest.intake import article_files, read_article
from bot.stories import StoryIndex
from bot.stories.contested import Subject, contested, line_up


def _expand(raw: Sequence[str]) -> list[str]:
    """File names as the user wrote them; a folder becomes its article files under the folder as written."""
    out: list[str] = []
    for given in raw:
        path = Path(given).expanduser()
        if path.is_dir():
            out.extend(os.path.join(given, str(child.relative_to(path))) for child in article_files([path]))
        else:
            out.append(given)
    return out


def stories_of(
    files: Sequence[str], articles: Sequence[Article], aliases: Sequence[Sequence[str]] = ()
) -> list[dict[str, Any]]:
    """The stories of already read articles (``files[i]`` names ``articles[i]``), as the JSON records."""
    index = StoryIndex(aliases=aliases)
    order = sorted(
        range(len(articles)),
        key=lambda i: (articles[i].published_at is None, articles[i].published_at or "", i),
    )
    for i in order:
        index.add(articles[i])
    members: dict[str, list[int]] = {}
    for i, article in enumerate(articles):  # in the order given
        sid = index.story_of(article.id)
        assert sid is not None
        members.setdefault(sid, []).append(i)
    records = []
    for sid, idxs in members.items():
        story = index.story(sid)
        by_date = sorted(
            idxs, key=lambda i: (articles[i].published_at is None, articles[i].published_at or "", i)
        )
        subjects = line_up([articles[i] for i in by_date], [files[i] for i in by_date])
        records.append(
            {
                "story": sid,
                "files": [files[i] for i in idxs],
                "title": story.title if story else articles[idxs[0]].title,
                "contested": contested(subjects),
                "claims": [_subject_record(s) for s in subjects if s.lined_up],
            }
        )
    return records


def _subject_record(subject: Subject) -> dict[str, Any]:
    return {
        "subject": subject.subject,
        "stances": [
            {"stance": e.stance.value, "speaker": e.speaker, "file": e.label} for e in subject.entries
        ],
    }


def cmd_stories(raw_paths: Sequence[str], as_json: bool, people_file: Path | None = None) -> int:
    from bot.library.core import load_registry

    files = _expand(raw_paths)
    if not files:
        print("error: no article files found (.txt, .md, .json)", file=sys.stderr)
        return 1
    try:
        aliases = [[e.name, *e.aliases] for e in load_registry(people_file)]
    except ValueError as exc:
        print(f"warning: people registry ignored: {exc}", file=sys.stderr)
        aliases = []
    read: list[str] = []
    articles: list[Article] = []
    failed = 0
    for name in files:
        try:
            articles.append(read_article(Path(name).expanduser()))
            read.append(name)
        except ArticleError as exc:
            failed += 1
            print(f"{name}: error: {exc}", file=sys.stderr, flush=True)
    records = stories_of(read, articles, aliases)
    if as_json:
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        for record in records:
            _print_story(record)
    sys.stdout.flush()
    return 1 if failed else 0


def _print_story(record: dict[str, Any]) -> None:
    flag = "  [contested]" if record["contested"] else ""
    n = len(record["files"])
    print(f"{record['title']}  ({n} article{'s' if n != 1 else ''}){flag}")
    for f in record["files"]:
        print(f"  {f}")
    for claim in record["claims"]:
        print(f"  · {claim['subject']}")
        for s in claim["stances"]:
            who = s["speaker"] or "—"
            print(f"      {s['stance']:<12} {who}  ({s['file']})")
    print()
