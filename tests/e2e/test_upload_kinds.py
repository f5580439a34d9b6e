"""Issue 20's last items through the fake Discord: /article add refuses a file that is not an article file
(pyproject.toml used to become an article titled "[build-system]"), saying which kinds are accepted, in the
member's language; the Fed is the Federal Reserve's card, not one of its own."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import BotProcess
from tests.fakediscord import FakeDiscord

PYPROJECT = b'[build-system]\nrequires = ["setuptools>=68"]\nbuild-backend = "setuptools.build_meta"\n'
ARTICLE = (
    "Skylark raises $80 million\nWire\u00b72025-07-01 09:00\n\nCore Viewpoint - Skylark raised money [1]. "
    "Group 1: Funding - CEO Maria Lindqvist said the money will fund launches [2].\n"
).encode()


@pytest.mark.asyncio(loop_scope="module")
async def test_a_file_that_is_not_an_article_is_refused_with_the_kinds(
    fake: FakeDiscord, bot: BotProcess
) -> None:
    refused = await fake.command(
        "article add", {"file": fake.attachment("pyproject.toml", PYPROJECT)}, member="owner"
    )
    assert refused.ephemeral
    assert "isn't an article file" in refused.text(), refused.text()
    assert all(kind in refused.text() for kind in (".txt", ".md", ".json")), refused.text()
    assert not refused.components  # nothing to confirm: the file was never read as an article
    chinese = await fake.command(
        "article add", {"file": fake.attachment("pyproject.toml", PYPROJECT)}, member="owner", locale="zh-CN"
    )
    assert "这不是文章文件" in chinese.text() and ".txt" in chinese.text(), chinese.text()
    choices = await fake.autocomplete("summary", {"article": "build-system"}, "article")
    assert not any("build-system" in c["name"] for c in choices.choices), choices.choices


@pytest.mark.asyncio(loop_scope="module")
async def test_an_article_file_is_still_offered_for_adding(fake: FakeDiscord, bot: BotProcess) -> None:
    ask = await fake.command("article add", {"file": fake.attachment("Skylark.TXT", ARTICLE)}, member="owner")
    assert "Add this article?" in ask.content, ask.text()
    assert (await fake.press(ask, "Cancel", member="owner")).content == "Nothing was added."


@pytest.mark.asyncio(loop_scope="module")
async def test_the_fed_is_the_federal_reserves_card(fake: FakeDiscord, bot: BotProcess) -> None:
    card = await fake.command("org", {"name": "Fed"})
    assert card.embeds and card.embeds[0].get("title", "").startswith("Federal Reserve"), card.text()
    assert "Jerome Powell" in card.text()
    choices = await fake.autocomplete("org", {"name": "Fed"}, "name")
    assert [c["name"] for c in choices.choices] == ["Federal Reserve"], choices.choices
