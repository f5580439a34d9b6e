"""Stories: one event across articles, sources and languages. Pure: reads Articles, no Discord, no store, no I/O.

``StoryIndex.add(article) -> story_id`` clusters incrementally (:mod:`.cluster`); :mod:`.contested` lines up
the claims of one story by subject and stance, and counts independent sources. Those rules are pure; beside
them, :mod:`.service` runs them for the bot (store, library), :mod:`.threads` posts a thread per story, and
:mod:`.cli` is ``python -m bot stories`` (tests/test_architecture.py holds the rules, not the runners, pure).
"""

from __future__ import annotations

from .cluster import Evidence, Story, StoryIndex

__all__ = ["Evidence", "Story", "StoryIndex"]
