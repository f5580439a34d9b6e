"""The design's rules that code review alone would miss: bot/article is pure, imports flow one way."""

from __future__ import annotations

import ast
import re
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


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def resolved_imports(path: Path, *, top_level_only: bool = False) -> set[str]:
    """Every module ``path`` imports, relative imports made absolute; ``top_level_only`` keeps the imports
    run when the module loads (not those inside functions or under ``if TYPE_CHECKING``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]

    def statements(body: list[ast.stmt]) -> list[ast.stmt]:
        found: list[ast.stmt] = []
        for node in body:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                found.extend(statements(node.orelse))
            elif isinstance(node, ast.If | ast.Try):
                for block in ("body", "orelse", "finalbody"):
                    found.extend(statements(getattr(node, block, [])))
                for handler in getattr(node, "handlers", []):
                    found.extend(statements(handler.body))
            else:
                found.append(node)
        return found

    nodes = statements(tree.body) if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.add(module)
            # ``from . import x`` and ``from bot import x`` may name submodules.
            found.update(f"{module}.{a.name}" for a in node.names)
    return found


def python_files(*tops: str) -> list[Path]:
    return [p for top in tops for p in sorted((ROOT / top).rglob("*.py"))]


def test_the_bot_and_cogs_never_import_tests_or_tools() -> None:
    """tests/ and tools/ are outside the wheel: an import of them works in a checkout and breaks an install
    (``python -m bot bench`` loads tools by name, from the checkout, on purpose)."""
    for path in python_files("bot", "cogs"):
        bad = {m for m in resolved_imports(path) if m.split(".")[0] in {"tests", "tools"}}
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


def test_settings_import_nothing_of_ours_but_paths() -> None:
    """Settings are a leaf every layer reads: importing a feature from them would tie all layers together."""
    ours = {"bot", "cogs", "tests", "tools"}
    allowed = {
        "bot",
        "bot.paths",
    }  # ``from . import paths`` names the package too; bot/__init__ is a docstring
    bad = {
        m
        for m in resolved_imports(ROOT / "bot" / "settings.py")
        if m.split(".")[0] in ours and m not in allowed and not m.startswith("bot.paths.")
    }
    assert not bad, f"bot/settings.py imports {sorted(bad)}: settings may import only bot.paths"


def graph_node(module: str) -> str | None:
    """The node of the package graph ``module`` belongs to: ``bot.store.sql`` -> ``bot.store``, ``bot.cli`` ->
    ``bot.cli``; a feature package's runner modules (RUNNERS: service, threads, cli) are nodes of their own,
    ``bot.stories.threads``, since the purity tests already hold the package's rules apart from them. None for
    what is not one of bot's modules (``bot`` itself, discord, ...)."""
    parts = module.split(".")
    if parts[0] != "bot" or len(parts) < 2:
        return None
    package = ROOT / "bot" / parts[1]
    if not (package.is_dir() or package.with_suffix(".py").is_file()):
        return None  # ``from bot import __version__``
    if len(parts) > 2 and f"{parts[2]}.py" in RUNNERS and (package / f"{parts[2]}.py").is_file():
        return ".".join(parts[:3])
    return ".".join(parts[:2])


def package_graph() -> dict[str, set[str]]:
    """bot's packages (and top-level modules) with the others each imports when it loads."""
    graph: dict[str, set[str]] = {}
    for path in python_files("bot"):
        source = graph_node(module_name(path))
        if source is None:
            continue
        edges = graph.setdefault(source, set())
        for module in resolved_imports(path, top_level_only=True):
            target = graph_node(module)
            if target and target != source:
                edges.add(target)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` as a path a -> b -> ... -> a, or None."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_import_cycles_between_bots_packages() -> None:
    """Imports between bot's packages flow one way (module-level imports; those inside functions are lazy).
    A feature package's runners (service, threads, cli) are nodes of their own, beside its rules."""
    graph = package_graph()
    assert {"bot.article", "bot.store", "bot.settings", "bot.stories.threads"} <= set(graph), (
        "packages missed"
    )
    assert "bot.article" in graph["bot.store"], "the import graph missed edges"
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle between bot's packages: " + " -> ".join(cycle or [])


def test_find_cycle_sees_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_feature_packages_never_import_cogs() -> None:
    """cogs/ are the outermost adapters: a feature package that imports one depends on Discord's front door."""
    for path in python_files("bot"):
        bad = {m for m in resolved_imports(path) if m.split(".")[0] == "cogs"}
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


def readme_map() -> list[str]:
    """The paths named in the first column of the README's "Where things live" table."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Where things live" in text, "README.md lost its 'Where things live' map"
    section = text.split("## Where things live", 1)[1].split("\n#", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return [p for row in rows for p in re.findall(r"`([^`]+)`", row.split(" | ", 1)[0])]


def test_the_readme_map_matches_the_tree() -> None:
    named = readme_map()
    assert len(named) >= 15, f"the README map names too little: {named}"
    missing = [p for p in named if not (ROOT / p.rstrip("/")).exists()]
    assert not missing, f"README.md's 'Where things live' names what does not exist: {missing}"
    packages = sorted(f"bot/{p.parent.name}/" for p in (ROOT / "bot").glob("*/__init__.py"))
    unnamed = [p for p in packages if p not in named]
    assert not unnamed, f"add these packages to README.md's 'Where things live': {unnamed}"
    for folder in ("cogs/", "tools/", "tests/"):
        assert folder in named, f"README.md's 'Where things live' must name {folder}"


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


def test_only_the_discord_layer_and_render_import_discord() -> None:
    """Discord is reached through bot/discord/ (client, checks, views, transformers, the Poster); render builds
    embeds; cogs are the adapters. Everything else in bot/ works on plain data."""
    allowed = {ROOT / "bot" / "discord", ROOT / "bot" / "render"}
    checked = 0
    for path in (ROOT / "bot").rglob("*.py"):
        if any(place in path.parents for place in allowed):
            continue
        checked += 1
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {
            alias.name.split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        } | {
            node.module.split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module
        }
        assert "discord" not in names, (
            f"{path.relative_to(ROOT)} imports discord: move that part to bot/discord/"
        )
    assert checked > 50


def lang_parameters(path: Path, root: Path = ROOT) -> list[str]:
    """Functions (and methods, lambdas included) in ``path`` that take a parameter named ``lang``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            a = node.args
            names = [x.arg for x in a.posonlyargs + a.args + a.kwonlyargs]
            names += [x.arg for x in (a.vararg, a.kwarg) if x is not None]
            if "lang" in names:
                found.append(f"{path.relative_to(root)}:{node.lineno} {getattr(node, 'name', 'lambda')}")
    return found


def test_the_reply_language_is_never_passed_by_hand() -> None:
    """The reply language comes from the context (bot.i18n.current: set per interaction by the command tree,
    around a server's background work by use_locale): no function outside bot/i18n takes ``lang``."""
    paths = [p for p in (ROOT / "bot").rglob("*.py") if "i18n" not in p.relative_to(ROOT / "bot").parts]
    paths += list((ROOT / "cogs").rglob("*.py"))
    found = [f for p in paths for f in lang_parameters(p)]
    assert found == [], f"take the language from bot.i18n's context (use_locale), not a parameter: {found}"


def test_lang_parameters_sees_one(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def a(x, lang='en'): ...\nasync def b(*, lang): ...\nclass C:\n    def c(self, x, /, lang): ...\n"
        "def d(language): ...\n",
        encoding="utf-8",
    )
    assert lang_parameters(sample, tmp_path) == ["sample.py:1 a", "sample.py:2 b", "sample.py:4 c"]


def test_cogs_do_not_pick_the_reply_language() -> None:
    """The command tree sets the interaction's language once; a cog that calls pick() is threading it again."""
    for path in (ROOT / "cogs").glob("*.py"):
        calls = [
            n.lineno
            for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(n, ast.Call)
            and (getattr(n.func, "id", None) == "pick" or getattr(n.func, "attr", None) == "pick")
        ]
        assert calls == [], f"{path.name} calls pick() at lines {calls}: t() reads the current locale"
