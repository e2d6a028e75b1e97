"""Parts of the page template that many pages share, rendered once per edition.

Material renders the whole navigation on every page, a few per cent of every edition build.
On a page that is not in the navigation (every activity page) nothing in it
is marked active, and its links differ only by the page's folder, so it is kept per folder.
The theme's ``site_nav`` block (``theme/main.html``) asks for it; without the Mochila plugins
it renders Material's navigation on every page, as Material does.
"""

from __future__ import annotations

import posixpath

import jinja2


class PageFragments:
    """Rendered fragments of one edition, by fragment name and page folder."""

    def __init__(self) -> None:
        self._held: dict[str, str] = {}

    def key(self, name: str, page, nav) -> str | None:
        """The key of ``name`` on ``page``; None if the page is in the navigation."""
        if page is None or getattr(page, "url", None) is None or nav is None:
            return None
        if any(item is page for item in nav.pages):
            return None
        return f"{name}:{posixpath.dirname(page.url)}"

    def get(self, key: str | None) -> str | None:
        return None if key is None else self._held.get(key)

    def keep(self, key: str | None, html: str) -> str:
        if key is not None:
            self._held[key] = html
        return html


def install(env: jinja2.Environment) -> None:
    """Give the theme a fragment store for this build."""
    env.globals["mochila_fragments"] = PageFragments()
