"""The command line, run as a user runs it: a subprocess, from a folder that is not the repository."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSDESK_", "DISCORD_"))}
    full_env.update(env or {})
    full_env["COLUMNS"] = "120"
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_help_for_every_command(tmp_path: Path) -> None:
    out = run("--help", cwd=tmp_path)
    assert out.returncode == 0
    for command in ("parse", "ingest", "demo"):
        assert command in out.stdout
        sub = run(command, "--help", cwd=tmp_path)
        assert sub.returncode == 0, sub.stderr
        assert "usage:" in sub.stdout


def test_parse_json_lines(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("   \n")
    files = sorted(CORPUS.glob("0[1-3]*.txt"))
    out = run("parse", "--json", str(files[0]), str(bad), *map(str, files[1:]), cwd=tmp_path)
    assert out.returncode == 1
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [Path(r["file"]).name for r in lines] == [f.name for f in files]
    assert list(lines[0]) == [
        "file", "id", "title", "source", "published_at", "language", "format", "core_viewpoint",
        "sections", "people", "organizations", "claims", "url",
    ]  # fmt: skip
    assert out.stderr.strip() == f"{bad}: error: file is empty (only whitespace)"


def test_parse_human_output(tmp_path: Path) -> None:
    out = run("parse", str(CORPUS / "03-nvidia-openai-loi.txt"), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "Jensen Huang (黄仁勋)" in out.stdout
    assert "format: summary" in out.stdout


def test_parse_missing_file(tmp_path: Path) -> None:
    out = run("parse", "nope.txt", cwd=tmp_path)
    assert out.returncode == 1
    assert out.stderr.strip() == "nope.txt: error: file not found"
    assert "Traceback" not in out.stderr


def test_ingest_counts_and_idempotence(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/store/newsdesk.db"
    first = run("ingest", str(CORPUS), cwd=tmp_path, env={"NEWSDESK_DATABASE_URL": url})
    assert first.returncode == 0, first.stderr
    n = len(list(CORPUS.glob("*.txt")))
    assert f"{n} added, 0 updated, 0 unchanged, 0 failed" in first.stdout
    second = run("ingest", str(CORPUS), "--database-url", url, cwd=tmp_path)
    assert f"0 added, 0 updated, {n} unchanged, 0 failed" in second.stdout


def test_ingest_default_store_is_relative_to_the_working_directory(tmp_path: Path) -> None:
    out = run("ingest", str(CORPUS / "01-openai-researchers-leave.txt"), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "data" / "newsdesk.db").is_file()


def test_demo_runs_offline_from_any_folder(tmp_path: Path) -> None:
    out = run("demo", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    for section in ("/summary", "/person", "/claims", "Digest"):
        assert section in out.stdout
    assert not (tmp_path / "data").exists()  # the demo writes nothing


def test_demo_query_person_and_unknown(tmp_path: Path) -> None:
    out = run("demo", "黄仁勋", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "/person name:Jensen Huang" in out.stdout
    miss = run("demo", "Jensen Hwang", cwd=tmp_path)
    assert miss.returncode == 0  # a close name is found by fuzzy matching
    assert "Jensen Huang" in miss.stdout
    nothing = run("demo", "qqqqzzzz", cwd=tmp_path)
    assert nothing.returncode == 1
    assert "Nothing matches" in nothing.stderr


def test_bad_settings_are_one_line_errors(tmp_path: Path) -> None:
    out = run("demo", cwd=tmp_path, env={"NEWSDESK_LOG_LEVEL": "LOUD"})
    assert out.returncode == 2
    assert "NEWSDESK_LOG_LEVEL" in out.stderr
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize("url", ["mysql://x", "postgresql://localhost/x"])
def test_unsupported_store_url(tmp_path: Path, url: str) -> None:
    out = run("ingest", str(CORPUS / "01-openai-researchers-leave.txt"), "--database-url", url, cwd=tmp_path)
    assert out.returncode == 2
    assert out.stderr.startswith("error:")
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize(
    ("token", "message"),
    [
        ("", "error: DISCORD_TOKEN is not set: put the bot token from the Discord developer portal in it"),
        (
            "not-a-token",
            "error: DISCORD_TOKEN is malformed: expected three dot-separated parts, as the developer portal shows",
        ),
    ],
)
def test_run_without_a_usable_token_exits_2(tmp_path: Path, token: str, message: str) -> None:
    out = run("run", cwd=tmp_path, env={"DISCORD_TOKEN": token})
    assert out.returncode == 2
    assert out.stderr.strip() == message


def test_stats_json_and_table(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/s.db"
    empty = run("stats", "--json", "--days", "7", "--database-url", url, cwd=tmp_path)
    assert empty.returncode == 0, empty.stderr
    data = json.loads(empty.stdout)
    assert data["total"] == 0
    assert len(data["per_day"]) == 7
    assert set(data) >= {
        "by_outcome",
        "error_rate",
        "p50_ms",
        "p95_ms",
        "top_commands",
        "top_people",
        "top_articles",
    }
    table = run("stats", "--database-url", url, cwd=tmp_path)
    assert "Usage · all servers · last 30 days" in table.stdout
    bad = run("stats", "--days", "0", "--database-url", url, cwd=tmp_path)
    assert bad.returncode == 2
    assert bad.stderr.strip() == "error: --days must be between 1 and 365"


def test_bench_quick_writes_json(tmp_path: Path) -> None:
    # Runs the benchmark for its output shape only; its figures are never asserted.
    out = run("bench", "--quick", "--json", str(tmp_path / "b.json"), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    data = json.loads((tmp_path / "b.json").read_text())
    assert set(data["usage_recorder"]) == {
        "events", "raw_executemany_per_s", "recorder_per_s", "ratio", "record_call_p50_us", "record_call_p99_us",
    }  # fmt: skip
    assert data["usage_recorder"]["events"] == 20_000
    assert "summary_articles_per_s" in data["parse"]
    assert set(data["moves_linear_time"]) == {"moves, sentences", "moves, one sentence"}
    assert "moves, one sentence" in out.stdout
    assert "ratio (goal >= 0.33)" in out.stdout
    assert [s["articles"] for s in data["sizes"]] == [200, 1000]
    assert set(data["sizes"][0]["queries"]) == {
        "person_exact", "person_alias", "person_fuzzy", "autocomplete_person", "autocomplete_summary",
        "claims_person_stance", "full_text_search",
    }  # fmt: skip
    assert {"cold_start_s", "cold_start_max_rss_mb", "ingest_articles_per_s", "render"} <= set(
        data["sizes"][0]
    )
    assert set(data["growth_p99"]) == set(data["sizes"][0]["queries"])
    assert data["end_to_end"]["load"]["interactions"] == 200


def test_counts_read_in_the_singular_for_one(tmp_path: Path) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "fed.txt").write_bytes((CORPUS / "10-fed-september-cut.txt").read_bytes())
    out = run("demo", cwd=tmp_path, env={"NEWSDESK_ARTICLES": str(folder)})
    assert out.returncode == 0, out.stderr
    assert "Loaded 1 article, " in out.stdout
    assert "1 articles" not in out.stdout
    ingested = run("ingest", str(folder), cwd=tmp_path)
    assert ingested.returncode == 0, ingested.stderr
    assert "the store now holds 1 article, " in ingested.stdout, ingested.stdout


@pytest.mark.parametrize("source", ["sqlite:///{tmp}/data/newsdsk.db", "{tmp}/data/newsdesk.db"])
def test_db_copy_refused_says_its_error_alone(tmp_path: Path, source: str) -> None:
    out = run("db", "copy", source.format(tmp=tmp_path), f"sqlite:///{tmp_path}/dst.db", cwd=tmp_path)
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [out.stderr.strip()], out.stderr  # one line
    assert out.stderr.startswith("error: ")
    assert "Copying" not in out.stderr
