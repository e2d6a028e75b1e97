"""Checking content: the catalogue's problems, filtered and counted for the CLI and builds."""

from __future__ import annotations

from pathlib import Path

from ..domain.catalogue import Catalogue, load_catalogue
from .project import Project


def check_content(project: Project, content_dir: Path | None = None) -> Catalogue:
    """Read and check every file of the content folder; the problems are on the result."""
    folder = Path(content_dir).resolve() if content_dir else project.content_dir
    return load_catalogue(folder, project.settings, shown_root=project.shown(folder))
