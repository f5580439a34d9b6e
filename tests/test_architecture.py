"""The design's rules that code review alone would miss: bot/article is pure, imports flow one way."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0] if not node.module.startswith("bot.") else node.module)
    return found


def test_article_package_is_pure() -> None:
    allowed = set(sys.stdlib_module_names) | {"pydantic", "__future__"}
    for path in (ROOT / "bot" / "article").glob("*.py"):
        bad = {m for m in imports_of(path) if m not in allowed}
        assert not bad, (
            f"{path.name} imports {bad}: bot/article must not touch discord, the store or I/O libraries"
        )


# A feature package keeps its pure rules beside the modules that run them (service, threads, cli); the rules
# are held to the pure standard, the runners are not.
RUNNERS = {"service.py", "threads.py", "cli.py"}


def pure_modules(package: str) -> list[Path]:
    found = [p for p in (ROOT / "bot" / package).rglob("*.py") if p.name not in RUNNERS]
    assert found, f"no pure modules found in bot/{package}"
    return found


def test_stories_package_is_pure() -> None:
    """bot/stories' rules read Articles and nothing else of ours: no discord, no store, no I/O libraries."""
    allowed = set(sys.stdlib_module_names) | {"__future__", "rapidfuzz", "pypinyin"}
    for path in pure_modules("stories"):
        bad = {m for m in imports_of(path) if m not in allowed and not m.startswith("bot.article")}
        assert not bad, (
            f"{path.name} imports {bad}: bot/stories may import only bot.article and the standard library"
        )
        relative = [
            n.module
            for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(n, ast.ImportFrom) and n.level > 1
        ]
        assert not relative, f"{path.name} reaches outside bot/stories with a relative import: {relative}"


def test_timeline_package_is_pure() -> None:
    """bot/timeline reads Article models only: the standard library, pydantic and bot.article, nothing else."""
    allowed = set(sys.stdlib_module_names) | {"pydantic", "__future__", "bot.article"}
    for path in pure_modules("timeline"):
        bad = {m for m in imports_of(path) if m not in allowed and not m.startswith("bot.article.")}
        assert not bad, f"{path.name} imports {bad}: bot/timeline must stay pure (no discord, store or I/O)"


def test_nothing_imports_cogs_and_render_never_touches_the_store() -> None:
    for path in (ROOT / "bot").rglob("*.py"):
        mods = imports_of(path)
        assert "cogs" not in mods, f"{path} imports cogs"
        if "render" in path.parts:
            assert not any(m.startswith("bot.store") for m in mods), f"{path} imports the store"


def test_every_package_is_installed() -> None:
    """A package missing from pyproject's list works in an editable checkout and vanishes from a real install."""
    import tomllib

    root = Path(__file__).resolve().parent.parent
    listed = set(tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(root).parts)
        for top in ("bot", "cogs")
        for p in (root / top).rglob("__init__.py")
    }
    assert found <= listed, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(found - listed)}"


# The services reach Discord only through the Poster seam (bot/delivery.py); bot/discord/poster.py is its one
# implementation over discord.py.
SERVICES = ("digest", "follows", "feeds", "stories/threads.py", "delivery.py")


def test_the_services_do_not_import_discord() -> None:
    paths = [
        p
        for place in SERVICES
        for p in ([ROOT / "bot" / place] if place.endswith(".py") else (ROOT / "bot" / place).rglob("*.py"))
    ]
    assert len(paths) > len(SERVICES)
    for path in paths:
        mods = imports_of(path)
        bad = {m for m in mods if m == "discord" or m.startswith("bot.discord")}
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}: a service posts through bot.delivery.Poster"
