"""Running one mkdocs build for one edition, with its config adjusted but never re-entered."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from ..plugins.context import ACTIVITIES, EditionContext, attach_everywhere
from ..speedups import enabled as reuse_enabled
from ..speedups.theme_listing import ThemeListing


class EditionBuildError(Exception):
    """One edition's mkdocs build failed; the message is mkdocs' or our plugin's."""


def edition_config(
    config_file: Path,
    site_dir: Path,
    context: EditionContext,
    theme_listing: ThemeListing | None = None,
) -> MkDocsConfig:
    """Load ``config_file`` for one build into ``site_dir`` and hand ``context`` to the
    Mochila plugins: the one way ``build`` and ``serve`` prepare an mkdocs build."""
    config = load_config(str(config_file), site_dir=str(site_dir), use_directory_urls=False)
    if ACTIVITIES not in config.plugins:
        raise EditionBuildError(f"{config_file}: the '{ACTIVITIES}' plugin is not enabled")
    attach_everywhere(config, context)
    if theme_listing is not None and reuse_enabled():
        theme_listing.attach(config)
    return config


def build_edition(
    config_file: Path,
    site_dir: Path,
    context: EditionContext,
    theme_listing: ThemeListing | None = None,
) -> None:
    """Build ``context.edition`` into ``site_dir`` (which mkdocs empties first)."""
    config = edition_config(config_file, site_dir, context, theme_listing)
    try:
        mkdocs_build(config)
    except MkDocsException as exc:
        raise EditionBuildError(str(exc)) from exc
