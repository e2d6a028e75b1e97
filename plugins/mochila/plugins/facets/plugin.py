"""Facets and catalogue: generated pages per facet value, the "All activities" page with its
filter panel, the browse page, and the catalogue inserted where a page asks for it."""

from __future__ import annotations

import posixpath
from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ... import speedups
from ...domain.facets import build_facet_index
from ..context import UsesEdition
from ..shared import generated_page, url_from
from .config import FacetsConfig, facet_settings
from .renderer import facet_page, render_browse, render_cards, render_catalogue

log = get_plugin_logger(__name__)


def _relative(target_src: str, from_src: str) -> str:
    """URL from one generated page to another, both given as Markdown source paths."""
    target = posixpath.splitext(target_src)[0] + ".html"
    base = posixpath.dirname(from_src)
    return url_from(base, target)


class FacetsPlugin(UsesEdition, BasePlugin[FacetsConfig]):
    """Listings are large raw HTML; they go through the shared stash, not through Markdown."""

    def __init__(self) -> None:
        # This edition's cards, made once however many pages list them (None: reuse is off).
        self._cards: dict[str, tuple[str, str]] | None = None

    def _listing(self, kind: str, src: str, activities, render) -> str:
        # The live preview keeps listings whose activities did not change. Keyed by the
        # identity of the activity objects, which the preview's read cache keeps for unchanged
        # files; entries hold those objects so identities stay unique.
        cache = self.context.listing_cache if self.context and speedups.enabled() else None
        if cache is None:
            return render()
        key = (kind, src, tuple(id(a) for a in activities))
        found = cache.get(key)
        if found is None:
            found = (tuple(activities), render())
            cache[key] = found
        return found[1]

    def on_config(self, config: MkDocsConfig) -> None:
        # After the activities plugin (priority 100) has chosen this edition's activities.
        if not self.config.enabled:
            return
        state = self.edition_state()
        state.facet_settings = facet_settings(self.config)
        state.facets = build_facet_index(
            state.activities, state.catalogue.vocabulary, state.strings, state.facet_settings
        )

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        state = self.edition_state()
        strings = state.strings
        vocabulary = state.catalogue.vocabulary
        self._cards = {} if speedups.enabled() else None

        def link_from(src: str):
            return lambda activity: _relative(activity.key, src)

        catalogue_src = self.config.catalogue_page
        body = self._listing(
            "catalogue",
            catalogue_src,
            state.activities,
            lambda: render_catalogue(
                state.activities,
                state.facets,
                strings,
                vocabulary,
                link_from(catalogue_src),
                state.facet_settings,
                self._cards,
                state.search_number,
            ),
        )
        title = strings["catalogue_title"]
        files.append(
            File.generated(
                config,
                catalogue_src,
                content=generated_page(
                    title,
                    f"# {escape(title)}\n\n" + state.stash.hold(catalogue_src, body),
                    searchable=False,
                ),
            )
        )
        browse_src = self.config.browse_page
        files.append(
            File.generated(
                config,
                browse_src,
                content=render_browse(
                    state.facets, strings, lambda v: _relative(v.path, browse_src)
                ),
            )
        )
        for facet, values in state.facets.facets.items():
            for value in values:
                cards = self._listing(
                    "cards",
                    value.path,
                    value.activities,
                    lambda value=value: render_cards(
                        list(value.activities),
                        strings,
                        vocabulary,
                        link_from(value.path),
                        state.facet_settings,
                        self._cards,
                    ),
                )
                title = f"{state.facets.labels[facet]}: {value.label}"
                intro = strings.format("facet_page_intro", count=len(value.activities))
                files.append(
                    File.generated(
                        config,
                        value.path,
                        content=facet_page(title, intro, state.stash.hold(value.path, cards)),
                    )
                )
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        marker = self.config.catalogue_marker
        if not self.config.enabled or marker not in markdown:
            return None
        state = self.edition_state()
        src = page.file.src_uri
        body = self._listing(
            "catalogue",
            src,
            state.activities,
            lambda: render_catalogue(
                state.activities,
                state.facets,
                state.strings,
                state.catalogue.vocabulary,
                lambda activity: _relative(activity.key, src),
                state.facet_settings,
                self._cards,
                state.search_number,
            ),
        )
        return markdown.replace(marker, state.stash.hold(src, body))
