"""Parts of the page template that many pages share, rendered once per folder per edition.

Material renders the whole navigation, the stylesheet and script tags and its app settings
on every page. The last three differ between pages only by their relative links, that is by
the page's folder; so does the navigation on a page that is not in it (every activity page),
where nothing is marked active. Together they were a sixth of the template time. The theme
(``theme/main.html``) asks for them here; without the Mochila plugins it renders them on every
page, as Material does.
"""

from __future__ import annotations

import posixpath

import jinja2


class PageFragments:
    """Rendered fragments of one edition, by fragment name and page folder."""

    def __init__(self) -> None:
        self._held: dict[str, str] = {}

    def key(self, name: str, page, nav=None) -> str | None:
        """The key of ``name`` on ``page``: its folder. With ``nav``, None for a page in it
        (its navigation marks it active)."""
        if page is None or getattr(page, "url", None) is None:
            return None
        if nav is not None and any(item is page for item in nav.pages):
            return None
        return f"{name}:{posixpath.dirname(page.url)}"

    def get(self, key: str | None) -> str | None:
        return None if key is None else self._held.get(key)

    def keep(self, key: str | None, html: str) -> str:
        if key is not None:
            self._held[key] = html
        return html


def install(env: jinja2.Environment) -> None:
    """Give the theme a fragment store for this build (without one, the theme renders every
    fragment on every page, as Material does)."""
    env.globals["mochila_fragments"] = PageFragments()
