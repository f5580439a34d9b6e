"""Charts as PNG bytes (matplotlib, Agg backend: no display needed)."""

from __future__ import annotations

import io


def daily_usage_png(per_day: list[tuple[str, int]], title: str) -> bytes:
    """A bar chart of commands per day."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    days = [d[5:] for d, _ in per_day]  # MM-DD
    counts = [n for _, n in per_day]
    fig = Figure(figsize=(8, 3), dpi=100)
    ax = fig.add_subplot()
    ax.bar(range(len(days)), counts, color="#5865F2")
    step = max(1, len(days) // 10)
    ax.set_xticks(range(0, len(days), step))
    ax.set_xticklabels(days[::step], fontsize=8)
    ax.set_ylabel("commands")
    ax.set_title(title, fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()
