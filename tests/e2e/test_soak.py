"""The soak run, short: ``python -m bot soak --minutes 0.3`` reports in its documented shape and every
interaction is answered (timing and memory are for the long run to judge, not this test)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def test_short_soak_reports_and_answers_every_interaction(tmp_path: Path) -> None:
    out = tmp_path / "soak.json"
    root = Path(__file__).resolve().parent.parent.parent
    done = subprocess.run(
        [sys.executable, "-m", "bot", "soak", "--minutes", "0.3", "--json", str(out)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    assert set(report) >= {
        "minutes",
        "servers",
        "interactions",
        "memory",
        "digest_posted",
        "follow",
        "gateway_drops",
        "faults_injected",
        "errors",
        "exit_code",
    }, report
    sent = report["interactions"]["sent"]
    # 0.3 minutes at 2 a second, less the time the bot takes to return after each gateway drop (longer on a
    # busy machine): the load is real, but how much of it fits is not this test's question
    assert sent >= 10
    assert report["interactions"]["answered"] == sent, report["interactions"]
    assert report["interactions"]["unanswered"] == []
    assert isinstance(report["interactions"]["late_acks"], int)
    assert all(len(s) == 2 for s in report["memory"]["samples_s_mb"])
    assert report["memory"]["samples_s_mb"][0][1] > 0
    assert report["gateway_drops"] >= 1 and report["faults_injected"] >= 1
    assert report["digest_posted"] >= 1
    follow = report["follow"]
    assert follow["set"] is True and follow["alerts"] >= 1, follow
    # every alert is about a different article: nothing alerted twice
    assert len(set(follow["alert_titles"])) == len(follow["alert_titles"]), follow
    # the final flush: every answered interaction left its usage row
    assert report["usage"]["lost"] == 0, report["usage"]
    assert report["usage"]["rows_recorded"] == report["usage"]["interactions_answered"], report["usage"]
    assert report["errors"] == [] and report["exit_code"] == 0
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
