from __future__ import annotations

from pathlib import Path

import pytest

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
