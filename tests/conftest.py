from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import hypothesis  # noqa: F401  (see below)
import pytest

from bot.store import open_store
from bot.store.sql import SQLStore
from tests.feedserver import ALLOW, FeedServer

# hypothesis is imported up front: its pytest plugin otherwise imports it at the very end of a run that used no
# hypothesis test, and compiling it then can fail with CPython 3.11's "AST constructor recursion depth mismatch"
# SystemError once a test has run deep recursion (seen running tests/test_i18n.py with any later file).
ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "config" / "articles"
SHARED_SAMPLES = ROOT.parent / "shared" / "samples"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture
def seed_text() -> str:
    """The team's sample when the shared folder is beside the checkout, else our own article on the story."""
    sample = SHARED_SAMPLES / "seed.txt"
    if sample.is_file():
        return sample.read_text(encoding="utf-8")
    return (CORPUS / "01-openai-researchers-leave.txt").read_text(encoding="utf-8")


@pytest.fixture
async def server(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FeedServer]:
    """A feed server on loopback, which feeds are explicitly allowed to reach (the address guard refuses
    loopback by default; a test of the guard defines its own ``server``)."""
    for name, value in ALLOW.items():
        monkeypatch.setenv(name, value)
    s = FeedServer()
    await s.start()
    yield s
    await s.stop()


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SQLStore]:
    """A fresh SQLite store (the contract tests in tests/store run every backend through their own)."""
    s = open_store(f"sqlite:///{tmp_path}/feeds.db")
    assert isinstance(s, SQLStore)
    await s.open()
    yield s
    await s.close()
