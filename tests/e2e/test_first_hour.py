"""Issue 20 through the fake Discord: what a new member and a new manager see in their first hour."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def tour(*args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSDESK_", "DISCORD_"))}
    out = subprocess.run(
        [sys.executable, "-m", "tests.fakediscord", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout


def test_the_tour_can_act_as_a_manager() -> None:
    member = tour("/digest status")
    assert "You need the" in member
    manager = tour("--as-manager", "/digest set channel:news time:08:30", "/digest status")
    assert "You need the" not in manager
    assert "Digest scheduled" in manager and "Digest: on" in manager
