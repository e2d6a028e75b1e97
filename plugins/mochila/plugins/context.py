"""What orchestration hands to the Mochila plugins of one mkdocs build, and how they share it.

Why: ``mochila build`` and ``mochila serve`` run many mkdocs builds (an edition per language
and bundle, a preview per save), each with its own edition, the catalogue already read and
checked, and caches that outlive one build. mkdocs has no way to pass objects to plugins, so
orchestration makes one ``EditionContext`` and attaches it to every Mochila plugin of the
loaded config (``mochila.commands.mkdocs_run.edition_config``), the only way in. A plain
``mkdocs build`` attaches none: the activities plugin then makes the default one (the public
website in the first language) and attaches it to the other Mochila plugins itself.

The activities plugin fills ``state`` in ``on_config``; the other plugins read it from the
context they were given, never from another plugin.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..domain.catalogue import Catalogue
from ..domain.changes import ActivityEntry, Baseline, Changes
from ..domain.edition import Edition
from ..speedups.render_cache import RenderCache
from .names import ACTIVITIES
from .shared import EditionState


@dataclass
class EditionContext:
    """One mkdocs build's edition and what it may reuse (every cache optional)."""

    # None: the public website in the site's first language.
    edition: Edition | None = None
    # Content already read and checked for this project; None: the plugin reads it.
    catalogue: Catalogue | None = None
    # Rendered pages and search entries of earlier editions in this process.
    render_cache: RenderCache | None = None
    # Compiled theme templates of earlier builds in this process (a Jinja BytecodeCache).
    template_cache: object | None = None
    # The preview's listings (catalogue, facet pages) of unchanged activities.
    listing_cache: dict | None = None
    # The preview's search documents: its rebuilds render only the changed pages, and the
    # search plugin keeps the others' documents here so search still finds every page. Not a
    # speed-up (a rebuild's index would miss pages without it), so MOCHILA_NO_REUSE keeps it.
    search_documents: dict | None = None
    # The earlier edition a bundle's "What's new" page compares with (None: the first).
    baseline: Baseline | None = None
    # Set by the activities plugin in on_config.
    state: EditionState | None = None
    # Set by the bundles plugin for the manifest: each activity's fingerprint, by id, and
    # what changed since ``baseline``.
    fingerprints: dict[str, ActivityEntry] = field(default_factory=dict)
    changes: Changes | None = None


class UsesEdition:
    """Mixin of the Mochila plugins: the edition context they were given."""

    _context: EditionContext | None = None

    def attach(self, context: EditionContext) -> None:
        """Give this plugin the context of the build it is part of."""
        self._context = context

    @property
    def context(self) -> EditionContext | None:
        return self._context

    def edition_state(self) -> EditionState:
        """The edition's state; a config error if the activities plugin has not set it up."""
        if self._context is None or self._context.state is None:
            raise PluginError(
                f"the '{ACTIVITIES}' plugin must be listed before the other Mochila plugins"
            )
        return self._context.state


def attach_everywhere(config: MkDocsConfig, context: EditionContext) -> int:
    """Attach ``context`` to every Mochila plugin of ``config``; return how many there are."""
    plugins = [p for p in config.plugins.values() if isinstance(p, UsesEdition)]
    for plugin in plugins:
        plugin.attach(context)
    return len(plugins)
