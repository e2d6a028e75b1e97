"""Offline bundles: declares them (config) and adapts a bundle's build to ``file://``.

Packaging (zip, manifest, checksums) is the bundler's job; this plugin only makes the built
folder work offline: no directory URLs, no absolute site URL, a start page a person recognises,
and no sitemap (a bundle has no address on the web); with Material's search (instead of
Mochila's) its index inlined as a script and the iframe-worker shim shipped locally. Web links
become text that says where they point (``plugins/web_links.py``).
"""

from __future__ import annotations

import hashlib
import os
from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from ...domain.changes import ActivityEntry, compare
from ...domain.web_address import addresses_as_text
from ..context import UsesEdition
from ..shared import MATERIAL_SEARCH, relative_url
from ..web_links import may_link_out, rewrite_web_links
from . import whatsnew
from .config import BundlesConfig
from .offline import disable_remote_urls, prune_search_languages, remove_source_maps
from .readme import readme_text

log = get_plugin_logger(__name__)

SHIM = "assets/vendor/iframe-worker/shim.js"
ONLINE_ONLY_FEATURES = (
    "navigation.instant",
    "navigation.instant.prefetch",
    "navigation.instant.progress",
)


class BundlesPlugin(UsesEdition, BasePlugin[BundlesConfig]):
    """Adapts a bundle's build to ``file://`` and gives it its "What's new" page.

    The page compares with the context's ``baseline``; the fingerprint of every activity and
    what changed go back in the context, for the manifest.
    """

    @event_priority(-10)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled or not self.edition_state().edition.offline:
            return None
        # Each adjustment is what file:// needs (see the README, "Offline bundles").
        config.use_directory_urls = False
        config.site_url = None
        features = config.theme.get("features") or []
        config.theme["features"] = [f for f in features if f not in ONLINE_ONLY_FEATURES]
        # Material's search runs its index in a worker, which file:// refuses: the shim runs it
        # in the page instead. Mochila's own search (mochila/search) needs no worker.
        if any(name in config.plugins for name in MATERIAL_SEARCH):
            polyfills = list(config.extra.get("polyfills") or [])
            if SHIM not in polyfills:
                polyfills.append(SHIM)
            config.extra["polyfills"] = polyfills
        if config.site_description:
            config.site_description = addresses_as_text(config.site_description)
        return config

    def _active(self) -> bool:
        return self.config.enabled and self.edition_state().edition.offline

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self._active():
            return None
        self.context.fingerprints = {}
        self.context.changes = None
        strings = self.edition_state().strings
        files.append(File.generated(config, whatsnew.PAGE, content=whatsnew.page_source(strings)))
        return files

    # After the other plugins' Markdown changes: the link goes on top of the home page.
    @event_priority(-60)
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self._active() or page.file.src_uri != "index.md":
            return None
        state = self.edition_state()
        target = files.get_file_from_path(whatsnew.PAGE)
        link = whatsnew.home_link(relative_url(target, page.file), state.strings)
        return state.stash.hold(page.file.src_uri, link) + markdown

    # Last of all page_content handlers: the activity's content as this edition shows it.
    @event_priority(-100)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):
        if not self._active():
            return None
        activity = self.edition_state().pages.get(page.file.src_uri)
        if activity is not None:
            self.context.fingerprints[activity.id] = ActivityEntry(
                activity.id,
                activity.title,
                hashlib.sha256(html.encode("utf-8")).hexdigest(),
                page.file.dest_uri,
            )
        return None

    # Before the search plugin indexes the page. Every page's content is rendered by now
    # (mkdocs renders all pages before it writes any), so every fingerprint is known.
    @event_priority(100)
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        if not self._active() or page.file.src_uri != whatsnew.PAGE:
            return None
        state = self.edition_state()
        changes = compare(self.context.baseline, list(self.context.fingerprints.values()))
        self.context.changes = changes

        def url_of(entry: ActivityEntry) -> str | None:
            target = state.activity_file(entry.id)
            return relative_url(target, page.file) if target is not None else None

        body, toc = whatsnew.render_page(changes, state.strings, url_of)
        page.content = page.content.replace(whatsnew.MARKER, body)
        page.toc = TableOfContents(list(page.toc) + [AnchorLink(escape(t), a, 2) for t, a in toc])
        return context

    # Page content was made offline already (activities plugin); this is for links in the
    # theme's own parts, such as a licence link in the footer. Only a page with a web link is
    # read again: reading every page whose code quotes an address cost more than the rest.
    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str | None:
        if not self._active():
            return None
        return rewrite_web_links(output, offline=True) if may_link_out(output) else None

    # After Material's search plugin has written the index.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        state = self.edition_state()
        if not state.edition.offline:
            return
        site = Path(config.site_dir)
        index = site / "search" / "search_index.json"
        if index.is_file():
            data = index.read_text(encoding="utf-8")
            (site / "search" / "search_index.js").write_text(f"var __index = {data}", "utf-8")
        prune_search_languages(site, [state.edition.lang])
        remove_source_maps(site)
        disable_remote_urls(site)
        # No address on the web (sitemaps), and 404.html links from the server root.
        for name in ("sitemap.xml", "sitemap.xml.gz", "404.html"):
            if (site / name).exists():
                os.remove(site / name)
        strings = state.strings
        start = strings["start_page"]
        title = state.edition.title or strings["catalogue_title"]
        (site / start).write_text(start_page(title, state.edition.lang), "utf-8")
        changes = self.context.changes
        summary = whatsnew.readme_summary(changes, strings) if changes else ""
        (site / strings["readme_name"]).write_text(
            readme_text(state.edition, strings, len(state.activities), summary), "utf-8"
        )


def start_page(title: str, lang: str) -> str:
    """A page that sends the browser to the home page, with a link if redirects are off."""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta http-equiv="refresh" content="0; url=index.html">'
        f"<title>{escape(title)}</title></head>"
        f'<body><h1><a href="index.html">{escape(title)}</a></h1>'
        '<script>location.replace("index.html")</script></body></html>\n'
    )
