"""Offline bundles: declares them (config) and adapts a bundle's build to ``file://``.

Packaging (zip, manifest, checksums) is the bundler's job; this plugin only makes the built
folder work offline: no directory URLs, no absolute site URL, Material's search index inlined
as a script, the iframe-worker shim shipped locally, a start page a person recognises, and no
sitemap (a bundle has no address on the web).
"""

from __future__ import annotations

import os
from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from ..context import UsesEdition
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
    @event_priority(-10)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled or not self.edition_state().edition.offline:
            return None
        # Each adjustment is what file:// needs (see the README, "Offline bundles").
        config.use_directory_urls = False
        config.site_url = None
        features = config.theme.get("features") or []
        config.theme["features"] = [f for f in features if f not in ONLINE_ONLY_FEATURES]
        polyfills = list(config.extra.get("polyfills") or [])
        if SHIM not in polyfills:
            polyfills.append(SHIM)
        config.extra["polyfills"] = polyfills
        return config

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
        (site / strings["readme_name"]).write_text(
            readme_text(state.edition, strings, len(state.activities)), "utf-8"
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
