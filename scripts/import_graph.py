"""Print how Mochila's packages import each other: the shape of the house, from the code.

Why: the README draws the layers (cli -> orchestration -> plugins -> domain, bundler -> domain)
and ``tests/test_architecture.py`` guards the domain and the bundler; this shows everything else,
so a side door between layers is seen in review. It reads the source with ``ast`` (imports inside
functions count: a lazy import is still a dependency) and prints one line per pair of packages,
with how many modules import and what, then any cycle between packages.

Usage::

    python scripts/import_graph.py [PACKAGE_DIR]        # default: plugins/mochila
    python scripts/import_graph.py --modules            # module by module instead
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def imports_of(path: Path, package: tuple[str, ...], known: set[str]) -> set[str]:
    """Absolute names of the ``mochila`` modules that the module at ``path`` imports
    (``from package import module`` names the module, not the package)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                base = node.module or ""
            else:
                parts = list(package[: len(package) - (node.level - 1)])
                base = ".".join(parts + ([node.module] if node.module else []))
            for alias in node.names:
                name = f"{base}.{alias.name}"
                found.add(name if name in known else base)
    return {name for name in found if name.split(".")[0] == "mochila"}


def modules(root: Path) -> dict[str, Path]:
    """Every module of the package at ``root``, by its dotted name."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def unit(name: str, depth: int) -> str:
    """The package a module belongs to at ``depth`` (2: ``mochila.plugins``)."""
    return ".".join(name.split(".")[:depth])


def graph(root: Path, depth: int) -> dict[tuple[str, str], set[str]]:
    mods = modules(root)
    edges: dict[tuple[str, str], set[str]] = defaultdict(set)
    for name, path in mods.items():
        is_package = path.name == "__init__.py"
        package = tuple(name.split(".")) if is_package else tuple(name.split(".")[:-1])
        for target in imports_of(path, package, set(mods)):
            while target not in mods and "." in target:
                target = target.rsplit(".", 1)[0]
            source_unit, target_unit = unit(name, depth), unit(target, depth)
            if source_unit != target_unit:
                edges[(source_unit, target_unit)].add(name)
    return edges


def cycles(edges) -> list[list[str]]:
    """Cycles between units (each once, as a path that returns to its start)."""
    succ = defaultdict(set)
    for a, b in edges:
        succ[a].add(b)
    found, seen = [], set()

    def walk(start, node, path):
        for nxt in sorted(succ[node]):
            if nxt == start:
                key = frozenset(path)
                if key not in seen:
                    seen.add(key)
                    found.append([*path, start])
            elif nxt not in path and nxt > start:
                walk(start, nxt, [*path, nxt])

    for start in sorted(succ):
        walk(start, start, [start])
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("package", nargs="?", type=Path, default=ROOT / "plugins" / "mochila")
    parser.add_argument("--modules", action="store_true", help="module by module")
    args = parser.parse_args(argv)
    depth = 99 if args.modules else 2
    edges = graph(args.package.resolve(), depth)
    width = max((len(a) for a, _ in edges), default=0)
    for (a, b), importers in sorted(edges.items()):
        print(f"{a:<{width}} -> {b}  ({len(importers)} module{'s' * (len(importers) != 1)})")
    loops = cycles(edges)
    print(f"\n{len(edges)} arrows, {len(loops)} cycle(s)")
    for loop in loops:
        print("  cycle: " + " -> ".join(loop))
    return 0


if __name__ == "__main__":
    sys.exit(main())
