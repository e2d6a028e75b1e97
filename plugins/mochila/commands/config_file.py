"""Reading mkdocs.yml for Mochila: its YAML, and the Mochila plugins' options through their
typed configs, with every mistake as ``mkdocs.yml:LINE: option 'path': message``.

This runs before any mkdocs build (and for ``mochila check``, instead of one), so a mistake in
the file is reported the same way by ``check``, ``build`` and ``serve``, never as a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from mkdocs.config.base import Config

from ..domain.source import UNREADABLE_SCALAR
from ..plugins import names
from ..plugins.activities.config import ActivitiesConfig
from ..plugins.bundles.config import BundlesConfig
from ..plugins.config_types import describe, flatten
from ..plugins.facets.config import FacetsConfig
from ..plugins.reflection.config import ReflectionConfig

ACTIVITIES_PLUGIN = names.ACTIVITIES
BUNDLES_PLUGIN = names.BUNDLES
# Each Mochila plugin and the typed config its options are read with (the same class mkdocs
# reads them with during a build).
PLUGIN_CONFIGS: dict[str, type[Config]] = {
    ACTIVITIES_PLUGIN: ActivitiesConfig,
    names.REFLECTION: ReflectionConfig,
    names.FACETS: FacetsConfig,
    BUNDLES_PLUGIN: BundlesConfig,
}
PATH_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


class ConfigFileError(Exception):
    """mkdocs.yml cannot be used; the message lists every mistake with its line."""


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, which may contain ``!ENV`` and ``!!python/name:`` tags we do not need."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


@dataclass
class MochilaOptions:
    """The validated options of the Mochila plugins in one mkdocs.yml."""

    raw: dict[str, Any]
    activities: ActivitiesConfig
    bundles: BundlesConfig
    facets: FacetsConfig
    # Line of each declared bundle in the file, and of the bundles plugin (for messages).
    bundle_lines: list[int]
    bundles_line: int


def read_config_yaml(text: str) -> dict[str, Any]:
    """Parse mkdocs.yml text, reading tags such as ``!ENV`` as their plain values."""
    return yaml.load(text, Loader=_TolerantLoader) or {}


def read_config_file(data: bytes, shown: str) -> MochilaOptions:
    """Read mkdocs.yml's bytes. Raises ConfigFileError naming the file, line and option."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ConfigFileError(
            f"{shown}:{line}: the file is not saved as UTF-8 text "
            "(in your editor choose 'Save with encoding' > UTF-8)"
        ) from None
    text = text.removeprefix("\ufeff")
    try:
        raw = read_config_yaml(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = min(mark.line + 1 if mark else 1, text.count("\n") + 1)
        reason = exc.problem or "the YAML is not valid"
        if exc.context:
            reason = f"{exc.context}, {reason}"
        raise ConfigFileError(f"{shown}:{line}: not valid YAML: {reason}") from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        code = exc.character if isinstance(exc.character, int) else 0
        raise ConfigFileError(
            f"{shown}:{line}: an invisible character (U+{code:04X}) that YAML does not allow: "
            "delete it"
        ) from None
    except (yaml.YAMLError, RecursionError) as exc:
        raise ConfigFileError(f"{shown}:1: not valid YAML: {exc}") from None
    except UNREADABLE_SCALAR as exc:  # '!!bool maybe': the tag's constructor failed
        raise ConfigFileError(
            f"{shown}:{_bad_scalar_line(text)}: a value cannot be read as its tag says ({exc})"
        ) from None
    if not isinstance(raw, dict):
        raise ConfigFileError(
            f"{shown}:1: expected settings written as 'name: value' lines, found {describe(raw)}"
        )
    problems: list[tuple[tuple[str, ...], str]] = []
    entries = _plugin_entries(raw, problems)
    configs: dict[str, Config] = {}
    for name, config_class in PLUGIN_CONFIGS.items():
        options = entries.get(name) or {}
        config = config_class(config_file_path=shown)
        if not isinstance(options, dict):
            problems.append(
                (
                    ("plugins", name),
                    f"expected options written as 'name: value' lines, found {describe(options)}",
                )
            )
            options = {}
        config.load_dict(options)
        failed, _ = config.validate()
        problems += [(("plugins", name, path), message) for path, message in flatten(failed)]
        configs[name] = config
    activities, bundles = configs[ACTIVITIES_PLUGIN], configs[BUNDLES_PLUGIN]
    if not problems:
        languages = list(activities.languages)
        for index, bundle in enumerate(bundles.bundles):
            if bundle.language not in languages:
                problems.append(
                    (
                        ("plugins", BUNDLES_PLUGIN, f"bundles[{index}].language"),
                        f"'{bundle.language}' is not a site language "
                        f"(the site languages are {', '.join(languages)})",
                    )
                )
    docs_dir = raw.get("docs_dir", "docs")
    if not isinstance(docs_dir, str) or not docs_dir:
        problems.append((("docs_dir",), f"expected a folder name, found {describe(docs_dir)}"))
    root = _compose(text)
    if problems:
        raise ConfigFileError(_report(root, shown, problems))
    lines = [
        _line_of(root, ("plugins", BUNDLES_PLUGIN, f"bundles[{index}]"))
        for index in range(len(bundles.bundles))
    ]
    plugin_line = _line_of(root, ("plugins", BUNDLES_PLUGIN))
    facets = configs[names.FACETS]
    return MochilaOptions(raw, activities, bundles, facets, lines, plugin_line)  # type: ignore[arg-type]


def _compose(text: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_TolerantLoader)
    except yaml.YAMLError:  # read once already; a second reading cannot fail differently
        return None


def _bad_scalar_line(text: str) -> int:
    """The line of the first scalar PyYAML's constructors cannot build, found node by node."""
    root = _compose(text)
    stack = [root] if root is not None else []
    loader = _TolerantLoader("")
    try:
        while stack:
            node = stack.pop(0)
            if isinstance(node, yaml.ScalarNode):
                try:
                    loader.construct_object(node, deep=True)
                except (yaml.YAMLError, *UNREADABLE_SCALAR):
                    return node.start_mark.line + 1
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(node.value)
            elif isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    stack.extend((key, value))
    finally:
        loader.dispose()
    return 1


def _plugin_entries(raw: dict[str, Any], problems: list) -> dict[str, Any]:
    """The options of each plugin listed, from a list (``- name: {...}``) or a mapping."""
    plugins = raw.get("plugins")
    if plugins is None:
        return {}
    if isinstance(plugins, dict):
        return {str(name): options for name, options in plugins.items()}
    if not isinstance(plugins, list):
        problems.append((("plugins",), f"expected a list of plugins, found {describe(plugins)}"))
        return {}
    entries: dict[str, Any] = {}
    for index, entry in enumerate(plugins):
        if isinstance(entry, str):
            entries[entry] = {}
        elif isinstance(entry, dict) and len(entry) == 1:
            ((name, options),) = entry.items()
            entries[str(name)] = options
        else:
            problems.append(
                (
                    ("plugins", f"[{index}]"),
                    f"expected a plugin name, or a name with its options, found {describe(entry)}",
                )
            )
    return entries


def _report(root: yaml.Node | None, shown: str, problems: list[tuple[tuple[str, ...], str]]) -> str:
    lines = []
    for path, message in problems:
        line = _line_of(root, path)
        if path[0] == "plugins" and len(path) == 3:
            where = f"{path[1]} option '{path[2]}'"
        elif path[0] == "plugins" and len(path) == 2 and not path[1].startswith("["):
            where = f"plugin '{path[1]}'"
        else:
            where = f"option '{''.join(path)}'"
        lines.append(f"{shown}:{line}: {where}: {message}")
    return "\n".join(lines)


def _line_of(root: yaml.Node | None, path: tuple[str, ...]) -> int:
    """The 1-based line of the deepest node along ``path`` (file line 1 if none is found)."""
    if root is None:
        return 1
    parts: list[str | int] = []
    for segment in path:
        if segment.startswith("mochila/") or segment == "plugins":
            parts.append(segment)
            continue
        for index, key in PATH_PART.findall(segment):
            parts.append(int(index) if index else key)
    node, line = root, root.start_mark.line + 1
    for part in parts:
        found = _child(node, part)
        if found is None:
            break
        key_node, node = found
        line = (key_node or node).start_mark.line + 1
    return line


def _child(node: yaml.Node, part: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
    if isinstance(part, int):
        if isinstance(node, yaml.SequenceNode) and part < len(node.value):
            return None, node.value[part]
        return None
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if getattr(key_node, "value", None) == part:
                return key_node, value_node
    if isinstance(node, yaml.SequenceNode):  # plugins: a list of names or one-key mappings
        for item in node.value:
            if isinstance(item, yaml.ScalarNode) and item.value == part:
                return item, item
            if isinstance(item, yaml.MappingNode):
                for key_node, value_node in item.value:
                    if getattr(key_node, "value", None) == part:
                        return key_node, value_node
    return None
