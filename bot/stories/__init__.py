"""Stories: one event across articles, sources and languages. Pure: reads Articles, no Discord, no store, no I/O.

``StoryIndex.add(article) -> story_id`` clusters incrementally (:mod:`.cluster`); :mod:`.contested` lines up
the claims of one story by subject and stance, and counts independent sources.
"""

from __future__ import annotations

from .cluster import Evidence, Story, StoryIndex

__all__ = ["Evidence", "Story", "StoryIndex"]
