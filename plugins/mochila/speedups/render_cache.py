"""Rendered pages and search entries kept by a build process for its later editions.

A speed-up (see ``mochila.speedups``): the editions of one language share most pages, so a
worker keeps what it rendered and reuses it; workers hand a language's cache to each other
through a file.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Rendered:
    """What mkdocs' Markdown rendering of a page left on it."""

    html: str
    toc: object
    anchors: frozenset[str]


class RenderCache:
    """Work on a page done once and reused by later editions built in the same process.

    Rendered Markdown is keyed by the page's final Markdown (after our plugins changed it for
    the edition), so a page whose links differ in another edition is rendered again, and one
    that does not is not. Search index entries are keyed by the page's HTML in the same way.
    Both are kept per language, so a worker can let go of a language it has finished with.
    """

    def __init__(self) -> None:
        self._pages: dict[str, dict[str, Rendered]] = {}
        self._search: dict[str, dict[str, list[tuple[str, dict]]]] = {}

    def get(self, lang: str, key: str) -> Rendered | None:
        return self._pages.get(lang, {}).get(key)

    def put(self, lang: str, key: str, rendered: Rendered) -> None:
        self._pages.setdefault(lang, {})[key] = rendered

    def search_entries(self, lang: str, key: str) -> list[tuple[str, dict]] | None:
        """Entries as (location after the page's URL, the rest of the entry)."""
        return self._search.get(lang, {}).get(key)

    def put_search_entries(self, lang: str, key: str, entries: list[tuple[str, dict]]) -> None:
        self._search.setdefault(lang, {})[key] = entries

    def keep_only(self, languages: set[str]) -> None:
        """Forget every other language."""
        for store in (self._pages, self._search):
            for lang in set(store) - set(languages):
                del store[lang]

    def save(self, lang: str, path: Path) -> None:
        """Write what is held for ``lang`` to ``path`` for another build process, all at once:
        a reader sees the whole file or none."""
        held = (lang, self._pages.get(lang, {}), self._search.get(lang, {}))
        partial = path.with_name(path.name + ".part")
        with open(partial, "wb") as out:
            pickle.dump(held, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)

    def merge(self, path: Path) -> None:
        """Add what another build process saved (see ``save``)."""
        with open(path, "rb") as source:
            lang, pages, search = pickle.load(source)
        self._pages.setdefault(lang, {}).update(pages)
        self._search.setdefault(lang, {}).update(search)
