"""The house keeps its shape: no import circles, arrows only downwards, no module too long to read.

Read from the source with ``ast`` (nothing is imported), so a circle fails here
even when import order happens to hide it at run time.  Lazy imports inside
functions count too: they are arrows all the same.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("corpus", "cleaner", "reasoning", "crawler", "indexer", "search_web", "policy")
# What each package may import of the project; the ``policy`` command wires everything.
MAY_IMPORT = {
    "corpus": set(),
    "cleaner": {"corpus"},
    "reasoning": {"corpus"},
    "crawler": {"corpus", "cleaner"},
    "indexer": {"corpus", "reasoning"},
    "search_web": {"corpus", "reasoning", "indexer"},
    "policy": set(PACKAGES),
}
# The click commands register themselves on the group in policy/cli.py, which imports them back:
# the one circle allowed, inside the command package only.
ALLOWED_CIRCLE_PACKAGE = "policy"


def modules() -> dict[str, Path]:
    found = {}
    for pkg in PACKAGES:
        for path in sorted((ROOT / pkg).rglob("*.py")):
            if "sample" in path.relative_to(ROOT).parts:
                continue
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


def imports(mods: dict[str, Path]) -> dict[str, set[str]]:
    """Module -> the project modules it imports (a name imported from a package counts as the package)."""

    def resolve(name: str) -> str | None:
        while name and name not in mods:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for mod, path in mods.items():
        is_pkg = path.name == "__init__.py"
        out: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                out |= {m for a in node.names if (m := resolve(a.name))}
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = mod if is_pkg else mod.rpartition(".")[0]
                    for _ in range(node.level - 1):
                        base = base.rpartition(".")[0]
                    name = f"{base}.{node.module}" if node.module else base
                else:
                    name = node.module or ""
                for a in node.names:
                    target = resolve(f"{name}.{a.name}")
                    if target:
                        out.add(target)
        out.discard(mod)
        graph[mod] = out
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                members = []
                while True:
                    m = stack.pop()
                    on_stack.discard(m)
                    members.append(m)
                    if m == node:
                        break
                if len(members) > 1:
                    found.append(sorted(members))
    return found


def test_no_import_circle_but_the_command_registration():
    found = circles(imports(modules()))
    bad = [c for c in found if any(m.split(".")[0] != ALLOWED_CIRCLE_PACKAGE for m in c)]
    assert not bad, f"import circles: {bad}"


def test_the_circle_finder_finds_a_circle():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_arrows_point_down_only():
    graph = imports(modules())
    bad = sorted(
        f"{mod} -> {dep}"
        for mod, deps in graph.items()
        for dep in deps
        if dep.split(".")[0] != mod.split(".")[0] and dep.split(".")[0] not in MAY_IMPORT[mod.split(".")[0]]
    )
    assert not bad, "imports against the package table (README, Architecture):\n" + "\n".join(bad)


def test_only_the_command_layer_relinks():
    """The store, the crawler and the rest never relink behind the command's back (one relink a run)."""
    callers = set()
    for mod, path in modules().items():
        if mod.split(".")[0] in ("policy", "reasoning"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("reasoning"):
                names = {a.name for a in node.names}
                if node.module == "reasoning.relinking" or names & {"relink", "relink_safely", "relinking"}:
                    callers.add(mod)
            elif isinstance(node, ast.Import) and any(a.name == "reasoning.relinking" for a in node.names):
                callers.add(mod)
    assert not callers, sorted(callers)


MAX_LINES = 500


def test_no_module_too_long_to_read_at_once():
    """Past 500 lines a module holds more than its name says: split it by noun (as corpus/store*.py)."""
    paths = [p for pkg in (*PACKAGES, "tests") for p in (ROOT / pkg).rglob("*.py")]
    long = sorted(
        (n, str(p.relative_to(ROOT)))
        for p in paths
        if "sample" not in p.relative_to(ROOT).parts
        and (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    )
    assert paths and not long, f"modules over {MAX_LINES} lines: {long}"
