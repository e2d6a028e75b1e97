"""The project as written in mkdocs.yml: where content lives, its languages, its bundles.

mkdocs.yml is read here with a tolerant YAML loader rather than mkdocs' own config loader, so
``mochila check`` stays fast and works even when the site config has a mistake elsewhere; the
Mochila plugins' options are read through their typed configs (``config_file``), the same
classes mkdocs uses in a build, so both agree on every rule.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.settings import ContentSettings
from ..plugins.activities.config import ActivitiesConfig
from ..plugins.bundles.config import BundlesConfig
from ..plugins.facets.config import FacetsConfig
from .config_file import (
    ACTIVITIES_PLUGIN,
    BUNDLES_PLUGIN,
    ConfigFileError,
    read_config_file,
    read_config_yaml,
)

__all__ = [
    "ACTIVITIES_PLUGIN",
    "BUNDLES_PLUGIN",
    "Project",
    "ProjectError",
    "load_project",
    "read_config_yaml",
]


class ProjectError(Exception):
    """mkdocs.yml is missing or does not describe a Mochila project."""


@dataclass
class Project:
    """What the orchestrator and the checker need to know before mkdocs is involved."""

    config_file: Path
    content_dir: Path
    settings: ContentSettings
    raw: dict[str, Any] = field(repr=False)
    activities: ActivitiesConfig = field(repr=False)  # validated options of the plugins
    bundles: BundlesConfig = field(repr=False)
    facets: FacetsConfig = field(repr=False)
    bundle_lines: list[int] = field(repr=False)  # where each bundle is in mkdocs.yml
    bundles_line: int = field(repr=False)  # where the bundles plugin is

    @property
    def root(self) -> Path:
        return self.config_file.parent

    def shown(self, path: Path) -> str:
        """How to name a path in messages: relative to the working directory when possible."""
        return shown_path(path)


def shown_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load_project(config_file: Path) -> Project:
    """Read mkdocs.yml. Raises ProjectError with a message for people."""
    config_file = Path(config_file).resolve()
    if not config_file.is_file():
        raise ProjectError(
            f"{config_file} not found: run the command from the project folder or pass "
            "--config-file path/to/mkdocs.yml"
        )
    try:
        options = read_config_file(config_file.read_bytes(), shown_path(config_file))
    except ConfigFileError as exc:
        raise ProjectError(str(exc)) from None
    except OSError as exc:
        raise ProjectError(f"{config_file}: cannot be read: {exc.strerror}") from None
    activities = options.activities
    settings = ContentSettings(
        languages=tuple(activities.languages), default_license=activities.license
    )
    content_dir = (config_file.parent / options.raw.get("docs_dir", "docs")).resolve()
    return Project(
        config_file,
        content_dir,
        settings,
        options.raw,
        activities,
        options.bundles,
        options.facets,
        options.bundle_lines,
        options.bundles_line,
    )


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
