"""Links in one edition: to translations and to activities the edition leaves out.

Web links are handled on the HTML, where every way of writing one looks the same (see
``plugins/web_links.py``)."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from urllib.parse import urlsplit

from ...domain.body import rewrite_links
from ...domain.catalogue import split_language
from ...domain.settings import ContentSettings


def rewrite_edition_links(
    markdown: str,
    src: str,
    published: Callable[[str], bool],
    settings: ContentSettings,
    missing: Callable[[str], str],
) -> str:
    """Rewrite a page's Markdown links for this edition.

    - a link to ``x.es.md`` becomes a link to ``x.md``, which is where each language's site
      publishes its version;
    - a link to an activity the edition leaves out becomes ``missing(text)``: plain text
      marked "not in this edition", never a broken link.
    """
    directory = posixpath.dirname(src)

    def replace(text: str, target: str) -> str | None:
        parts = urlsplit(target)
        if parts.scheme or target.startswith("//"):
            return None
        if not parts.path.endswith(".md"):
            return None
        resolved = posixpath.normpath(posixpath.join(directory, parts.path))
        key, _, _ = split_language(resolved, settings)
        if published(key):
            if key == resolved:
                return None
            fragment = f"#{parts.fragment}" if parts.fragment else ""
            return f"[{text}]({posixpath.relpath(key, directory or '.')}{fragment})"
        if key.startswith(settings.activities_dir + "/"):
            return missing(text)
        return None

    return rewrite_links(markdown, replace)
