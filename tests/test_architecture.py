"""The shape of the house: what each layer may import, and how plugins are registered.

Why: ``domain/`` is tested without a build and must survive a change of site engine, and the
bundler must work on any built folder; one stray import quietly ties them to mkdocs or click.
Plugins are found by mkdocs through entry points only, so each declared one must load.
"""

from __future__ import annotations

import ast
import importlib.metadata
import sys
import tomllib
from pathlib import Path

import pytest
from mkdocs.plugins import BasePlugin

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "plugins" / "mochila"
FRAMEWORKS = ("mkdocs", "click", "jinja2", "material", "pymdownx", "markdown")
# Layers above the domain, as seen from a module directly inside domain/ or bundler/.
UPPER_LAYERS = ("plugins", "commands", "speedups", "cli")


def imports(path: Path, package: tuple[str, ...]) -> list[tuple[int, str]]:
    """Return (line, absolute module name) for every import in a module of ``package``.

    Relative imports are resolved against ``package`` (e.g. ``("mochila", "domain")``), so
    ``from ..commands import x`` in domain/ reads as ``mochila.commands``. Imports inside functions
    count too: a lazy import is still a dependency.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                found.append((node.lineno, node.module or ""))
                continue
            base = list(package[: len(package) - (node.level - 1)])
            if node.module:
                found.append((node.lineno, ".".join([*base, node.module])))
            else:
                found += [(node.lineno, ".".join([*base, alias.name])) for alias in node.names]
    return found


def forbidden(module: str, own: str) -> str | None:
    """Why ``module`` may not be imported from the ``own`` layer, or None if it may."""
    top = module.split(".")[0]
    if top in FRAMEWORKS:
        return f"imports {top}"
    parts = module.split(".")
    if top == "mochila" and len(parts) > 1 and parts[1] != own:
        allowed_below = {"bundler": ("domain",), "domain": ()}[own]
        if parts[1] not in allowed_below:
            return f"imports mochila.{parts[1]}"
    return None


def violations(layer: str) -> list[str]:
    folder = PACKAGE / layer
    found = []
    for path in sorted(folder.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent)
        package = tuple(rel.with_suffix("").parts[:-1])
        for line, module in imports(path, package):
            why = forbidden(module, layer)
            if why:
                found.append(f"{rel}:{line}: {why} ({module})")
    return found


def test_domain_imports_no_framework_and_no_upper_layer():
    assert violations("domain") == []


def test_domain_imports_only_stdlib_yaml_and_itself():
    allowed = set(sys.stdlib_module_names) | {"yaml", "__future__"}
    found = []
    for path in sorted((PACKAGE / "domain").rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent)
        for line, module in imports(path, tuple(rel.with_suffix("").parts[:-1])):
            top = module.split(".")[0]
            if top == "mochila":
                if not module.startswith("mochila.domain"):
                    found.append(f"{rel}:{line}: {module}")
            elif top not in allowed:
                found.append(f"{rel}:{line}: {module}")
    assert found == []


def test_bundler_imports_no_mkdocs_or_click():
    assert violations("bundler") == []


def test_domain_and_bundler_exist_and_have_modules():
    # Guard against the walks above passing because they found nothing to walk.
    assert len(list((PACKAGE / "domain").glob("*.py"))) >= 5
    assert len(list((PACKAGE / "bundler").glob("*.py"))) >= 3


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import mkdocs", ["x.py:1: imports mkdocs (mkdocs)"]),
        ("from mkdocs.plugins import BasePlugin", ["x.py:1: imports mkdocs (mkdocs.plugins)"]),
        ("import click.testing", ["x.py:1: imports click (click.testing)"]),
        ("from jinja2 import Template", ["x.py:1: imports jinja2 (jinja2)"]),
        ("import material.plugins", ["x.py:1: imports material (material.plugins)"]),
        ("from ..plugins import shared", ["x.py:1: imports mochila.plugins (mochila.plugins)"]),
        (
            "from ..commands.check import x",
            ["x.py:1: imports mochila.commands (mochila.commands.check)"],
        ),
        ("from .. import cli", ["x.py:1: imports mochila.cli (mochila.cli)"]),
        ("from mochila.cli import main", ["x.py:1: imports mochila.cli (mochila.cli)"]),
        ("def f():\n    import mkdocs", ["x.py:2: imports mkdocs (mkdocs)"]),
        ("from .source import split\nimport yaml\nimport re", []),
        ("from ..domain import problems", []),
    ],
)
def test_the_import_check_itself_catches_each_kind_of_import(tmp_path, source, expected):
    path = tmp_path / "x.py"
    path.write_text(source + "\n", encoding="utf-8")
    found = [
        f"x.py:{line}: {why} ({module})"
        for line, module in imports(path, ("mochila", "domain"))
        if (why := forbidden(module, "domain"))
    ]
    assert found == expected


def declared_plugins() -> dict[str, str]:
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return data["project"]["entry-points"]["mkdocs.plugins"]


def test_pyproject_declares_the_five_mochila_plugins_with_namespaced_names():
    declared = declared_plugins()
    assert sorted(declared) == [
        "mochila/activities",
        "mochila/bundles",
        "mochila/facets",
        "mochila/reflection",
        "mochila/search",
    ]
    for name, target in declared.items():
        short = name.split("/", 1)[1]
        assert target.startswith(f"mochila.plugins.{short}.plugin:"), (name, target)


@pytest.mark.parametrize("name", sorted(declared_plugins()))
def test_every_declared_plugin_loads_through_its_entry_point(name):
    installed = {ep.name: ep for ep in importlib.metadata.entry_points(group="mkdocs.plugins")}
    assert name in installed, f"{name} is not installed: reinstall the package (pip install -e .)"
    entry = installed[name]
    assert entry.value == declared_plugins()[name]
    plugin_class = entry.load()
    assert isinstance(plugin_class, type)
    assert issubclass(plugin_class, BasePlugin)
    # Each plugin has its typed config class beside it (plugin.py + config.py).
    config_class = plugin_class.config_class
    assert config_class.__module__ == plugin_class.__module__.rsplit(".", 1)[0] + ".config"
    instance = plugin_class()
    errors, _warnings = instance.load_config({})
    assert errors == []
    assert instance.config.enabled is True


def test_no_mochila_plugin_is_registered_that_pyproject_does_not_declare():
    installed = {
        ep.name
        for ep in importlib.metadata.entry_points(group="mkdocs.plugins")
        if ep.name.startswith("mochila/")
    }
    assert installed == set(declared_plugins())


def test_plugin_names_are_the_registered_entry_points():
    # plugins/names.py states the names once; pyproject.toml registers them for mkdocs.
    from mochila.plugins import names

    registered = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "entry-points"
    ]["mkdocs.plugins"]
    stated = {value for key, value in vars(names).items() if key.isupper()}
    assert stated == set(registered)
