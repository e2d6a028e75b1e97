"""Running one mkdocs build for one edition, with its config adjusted but never re-entered."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from ..domain.catalogue import Catalogue
from ..domain.changes import ActivityEntry, Baseline, Changes
from ..domain.edition import Edition
from ..plugins.shared import RenderCache
from .theme_listing import ThemeListing

ACTIVITIES = "mochila/activities"
BUNDLES = "mochila/bundles"


class EditionBuildError(Exception):
    """One edition's mkdocs build failed; the message is mkdocs' or our plugin's."""


@dataclass(frozen=True)
class Built:
    """What a bundle's build tells its manifest: each activity's fingerprint (by id), the
    edition it was compared with and what changed since (empty for the website)."""

    activities: dict[str, ActivityEntry] = field(default_factory=dict)
    baseline: Baseline | None = None
    changes: Changes | None = None


def build_edition(
    config_file: Path,
    edition: Edition,
    site_dir: Path,
    catalogue: Catalogue | None = None,
    render_cache: RenderCache | None = None,
    template_cache: object | None = None,
    theme_listing: ThemeListing | None = None,
    baseline: Baseline | None = None,
) -> Built:
    """Build ``edition`` into ``site_dir`` (which mkdocs empties first).

    The caches are optional and shared by the editions one process builds. ``baseline`` is
    the earlier edition a bundle's "What's new" page compares with (None: the first).
    """
    config = load_config(str(config_file), site_dir=str(site_dir), use_directory_urls=False)
    if theme_listing is not None:
        theme_listing.attach(config)
    plugin = config.plugins.get(ACTIVITIES)
    if plugin is None:
        raise EditionBuildError(f"{config_file}: the '{ACTIVITIES}' plugin is not enabled")
    plugin.edition = edition
    plugin.catalogue = catalogue
    plugin.render_cache = render_cache
    plugin.template_cache = template_cache
    bundles = config.plugins.get(BUNDLES)
    if bundles is not None:
        bundles.baseline = baseline
    try:
        mkdocs_build(config)
    except MkDocsException as exc:
        raise EditionBuildError(str(exc)) from exc
    if bundles is None or not edition.offline:
        return Built()
    return Built(dict(bundles.activities), baseline, bundles.changes)
