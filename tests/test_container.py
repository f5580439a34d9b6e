"""The image builds and runs the offline demo, when a container runtime is usable here; otherwise the test is
skipped and says why (no docker on PATH, no daemon, or no base image and no way to pull it)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BASE = "python:3.11-slim"
TAG = "newsdesk-test:latest"


def _run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=False)


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "no output")[:200]


def _runtime() -> str:
    """The docker command to use, or a skip saying why there is none."""
    docker = shutil.which("docker")
    if docker is None:
        pytest.skip("no container runtime: docker is not on PATH")
    info = _run(docker, "info", "--format", "{{.ServerVersion}}")
    if info.returncode != 0:
        pytest.skip(f"docker is installed but not usable: {_first_line(info.stderr or info.stdout)}")
    if _run(docker, "image", "inspect", BASE).returncode != 0:
        pulled = _run(docker, "pull", BASE, timeout=300)
        if pulled.returncode != 0:
            pytest.skip(f"base image {BASE} is not here and cannot be pulled: {_first_line(pulled.stderr)}")
    return docker


def test_the_files_say_what_compose_needs() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    compose = (ROOT / "compose.yaml").read_text(encoding="utf-8")
    assert f"FROM {BASE}" in dockerfile and 'ENTRYPOINT ["python", "-m", "bot"]' in dockerfile
    assert "env_file: .env" in compose and "postgres:16" in compose and "/data" in compose
    assert ".env" in (ROOT / ".dockerignore").read_text(encoding="utf-8")  # the token never enters the image


def test_the_image_builds_and_runs_the_demo() -> None:
    docker = _runtime()
    built = _run(docker, "build", "-t", TAG, str(ROOT), timeout=900)
    assert built.returncode == 0, built.stderr[-3000:]
    demo = _run(docker, "run", "--rm", TAG, "demo", timeout=300)
    assert demo.returncode == 0, demo.stderr[-3000:]
    assert demo.stdout.strip(), "the demo printed nothing"
