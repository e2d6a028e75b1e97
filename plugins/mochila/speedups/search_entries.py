"""Search index entries worked out once per page and reused by later editions in the process.

Material's search plugin reads every page's HTML with Python's html.parser, about a third of an
edition build. The editions of one language share most pages, so when a page's HTML is the
same as in an edition built before it in this process, its entries are copied, each with the
page's own location, instead of parsed again. The output is byte for byte what the search
plugin writes without this (tests compare the two).
"""

from __future__ import annotations

import hashlib
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from .render_cache import RenderCache

SEARCH_PLUGINS = ("material/search", "search")


def reuse_search_entries(
    config: MkDocsConfig, cache: RenderCache, lang: str, ignored: re.Pattern
) -> None:
    """Make the search plugin of ``config`` (if any) reuse ``lang``'s entries from ``cache``.

    ``ignored`` matches HTML that the search plugin skips (marked ``data-search-exclude``) and
    that differs between editions, such as links to the page in the other languages: it is
    left out of the key, so the page still matches.
    """
    plugin = next((config.plugins[name] for name in SEARCH_PLUGINS if name in config.plugins), None)
    index = getattr(plugin, "search_index", None)
    original = getattr(index, "add_entry_from_context", None)
    if original is None or not isinstance(getattr(index, "entries", None), list):
        return

    def add_entry_from_context(page: Page) -> None:
        key = _key(page, ignored)
        found = cache.search_entries(lang, key)
        if found is not None:
            index.entries.extend({"location": page.url + rest, **entry} for rest, entry in found)
            return
        start = len(index.entries)
        original(page)
        added = index.entries[start:]
        if all(entry["location"].startswith(page.url) for entry in added):
            cache.put_search_entries(
                lang,
                key,
                [
                    (
                        entry["location"][len(page.url) :],
                        {name: value for name, value in entry.items() if name != "location"},
                    )
                    for entry in added
                ],
            )

    index.add_entry_from_context = add_entry_from_context


def _key(page: Page, ignored: re.Pattern) -> str:
    """Everything the search plugin reads from a page, but its URL (see SearchIndex)."""
    meta = page.meta
    digest = hashlib.sha1(ignored.sub("", page.content or "").encode())
    digest.update(
        repr((str(meta.get("title", page.title)), meta.get("tags"), meta.get("search"))).encode()
    )
    return digest.hexdigest()
