"""What the Mochila plugins of one build share: the edition and its checked activities."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from ..domain.activity import Activity
from ..domain.catalogue import Catalogue
from ..domain.edition import Edition
from ..domain.facets import FacetIndex
from ..domain.strings import Strings

ACTIVITIES = "mochila/activities"


@dataclass
class EditionState:
    """One build's view of the catalogue, set up by the activities plugin in ``on_config``."""

    edition: Edition
    catalogue: Catalogue
    strings: Strings
    activities: list[Activity]
    facets: FacetIndex
    edition_line: str
    # Filled in on_files: the activity behind each page, by the page's (remapped) src_uri.
    pages: dict[str, Activity] = field(default_factory=dict)
    files_by_key: dict[str, File] = field(default_factory=dict)

    def activity_file(self, activity_id: str) -> File | None:
        activity = next((a for a in self.activities if a.id == activity_id), None)
        return self.files_by_key.get(activity.key) if activity else None


def edition_state(config: MkDocsConfig) -> EditionState:
    """Return the state of the activities plugin, which the other Mochila plugins build on."""
    plugin = config.plugins.get(ACTIVITIES)
    state = getattr(plugin, "state", None)
    if state is None:
        raise PluginError(f"the '{ACTIVITIES}' plugin must be listed before the other Mochila plugins")
    return state


def relative_url(target: File | str, page_file: File) -> str:
    """Return the URL of ``target`` (a File, or a site-root-relative URL) from a page."""
    url = target.url if isinstance(target, File) else target
    base = posixpath.dirname(page_file.url)
    return posixpath.relpath(url, base or ".") if base else url
