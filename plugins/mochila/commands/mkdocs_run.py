"""Running one mkdocs build for one edition, with its config adjusted but never re-entered."""

from __future__ import annotations

import logging
from pathlib import Path

import mkdocs
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from ..plugins.context import EditionContext, attach_everywhere
from ..plugins.names import ACTIVITIES
from ..speedups import enabled as reuse_enabled
from ..speedups.theme_listing import ThemeListing


class EditionBuildError(Exception):
    """One edition's mkdocs build failed; the message is mkdocs' or our plugin's."""


class _KeepErrors(logging.Filter):
    """Takes mkdocs' config errors out of its log, to report them in one message instead."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR:
            self.messages.append(record.getMessage())
            return False
        return True


def load_mkdocs_config(config_file: Path, **overrides: object) -> MkDocsConfig:
    """mkdocs' ``load_config``, raising EditionBuildError that lists every config error.

    mkdocs logs each error and then raises "Aborted with a configuration error!"; the
    orchestrator and the preview report the errors themselves, each once, naming the file.
    """
    keep = _KeepErrors()
    log = logging.getLogger(f"{mkdocs.__name__}.config")
    log.addFilter(keep)
    try:
        return load_config(str(config_file), **overrides)
    except MkDocsException as exc:
        found = keep.messages or [str(exc)]
        raise EditionBuildError("\n".join(f"{config_file}: {m}" for m in found)) from None
    finally:
        log.removeFilter(keep)


def edition_config(
    config_file: Path,
    site_dir: Path,
    context: EditionContext,
    theme_listing: ThemeListing | None = None,
) -> MkDocsConfig:
    """Load ``config_file`` for one build into ``site_dir`` and hand ``context`` to the
    Mochila plugins: the one way ``build`` and ``serve`` prepare an mkdocs build."""
    config = load_mkdocs_config(config_file, site_dir=str(site_dir), use_directory_urls=False)
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
