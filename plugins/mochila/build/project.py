"""The project as written in mkdocs.yml: where content lives, its languages, its bundles.

mkdocs.yml is read here with a tolerant YAML loader rather than mkdocs' own config loader, so
``mochila check`` stays fast and works even when the site config has a mistake elsewhere.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..domain.settings import LANG_PATTERN, ContentSettings

ACTIVITIES_PLUGIN = "mochila/activities"
BUNDLES_PLUGIN = "mochila/bundles"


class ProjectError(Exception):
    """mkdocs.yml is missing or does not describe a Mochila project."""


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
class Project:
    """What the orchestrator and the checker need to know before mkdocs is involved."""

    config_file: Path
    content_dir: Path
    settings: ContentSettings
    raw: dict[str, Any] = field(repr=False, default_factory=dict)

    @property
    def root(self) -> Path:
        return self.config_file.parent

    def plugin_options(self, name: str) -> dict[str, Any]:
        return plugin_options(self.raw, name)

    def shown(self, path: Path) -> str:
        """How to name a path in messages: relative to the working directory when possible."""
        try:
            return str(path.resolve().relative_to(Path.cwd().resolve()))
        except ValueError:
            return str(path)


def plugin_options(raw: dict[str, Any], name: str) -> dict[str, Any]:
    for entry in raw.get("plugins") or []:
        if entry == name:
            return {}
        if isinstance(entry, dict) and name in entry:
            return entry[name] or {}
    return {}


def read_config_yaml(text: str) -> dict[str, Any]:
    """Parse mkdocs.yml text, reading tags such as ``!ENV`` as their plain values."""
    return yaml.load(text, Loader=_TolerantLoader) or {}


def load_project(config_file: Path) -> Project:
    """Read mkdocs.yml. Raises ProjectError with a message for people."""
    config_file = Path(config_file).resolve()
    if not config_file.is_file():
        raise ProjectError(
            f"{config_file} not found: run the command from the project folder or pass "
            "--config-file path/to/mkdocs.yml"
        )
    try:
        raw = read_config_yaml(config_file.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        raise ProjectError(f"{config_file}:{line}: mkdocs.yml is not valid YAML: {exc.problem}")
    options = plugin_options(raw, ACTIVITIES_PLUGIN)
    languages = tuple(options.get("languages") or ("en",))
    for lang in languages:
        if not isinstance(lang, str) or not LANG_PATTERN.match(lang):
            raise ProjectError(f"{config_file}: '{lang}' is not a language code like 'en' or 'es'")
    settings = ContentSettings(
        languages=languages,
        default_license=str(options.get("license", ContentSettings.default_license)),
    )
    content_dir = (config_file.parent / raw.get("docs_dir", "docs")).resolve()
    return Project(config_file, content_dir, settings, raw)


def last_commit_time(path: Path) -> int | None:
    """Return the Unix time of the last commit touching ``path``, or None outside git."""
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", str(path)],
            cwd=path if path.is_dir() else path.parent,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        return None
    return int(out) if out.isdigit() else None
