"""/digest set with a zone that is not a full IANA name answers what is wrong, with examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.digest.rules import ScheduleError, parse_zone
from bot.digest.service import Clock, DigestService
from bot.errors import UserError
from bot.library.catalog import Catalog
from bot.store import open_store
from tests.fakes import FakePoster


@pytest.mark.parametrize(
    ("typed", "examples"),
    [
        ("Europe", "Europe/London"),
        ("America", "America/New_York"),
        ("Asia/", "Asia/Shanghai"),
        ("../../etc/passwd", "Europe/London"),
        ("Mars/Olympus", "Europe/London"),
        ("berlin", "Europe/Berlin"),
    ],
)
def test_a_zone_that_is_not_a_full_iana_name_is_refused_with_examples(typed: str, examples: str) -> None:
    with pytest.raises(ScheduleError) as info:
        parse_zone(typed)
    assert info.value.key == "zone_bad"
    assert info.value.values["name"] == typed
    assert examples in info.value.values["examples"].split(", ")
    assert "full Area/City name" in str(info.value) and examples in str(info.value)


def test_case_is_forgiven() -> None:
    assert parse_zone("europe/london").key == "Europe/London"
    assert parse_zone("utc").key == "UTC"


async def test_digest_set_with_a_region_only_answers_the_user(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path}/n.db")
    await store.open()
    try:
        service = DigestService(store, FakePoster(), Catalog, clock=Clock().now)
        with pytest.raises(UserError, match="Europe"):
            await service.set(1, 2, "08:00", "Europe", 10, True)
    finally:
        await store.close()
