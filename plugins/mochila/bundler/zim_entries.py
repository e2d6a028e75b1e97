"""What each file of a bundle becomes in a ZIM: an entry with its media type and, for a page,
its title and the words Kiwix's search indexes.

python-libzim is imported by ``entry_class`` on first use only (see ``zim.py`` for why).
"""

from __future__ import annotations

import functools
import html
import mimetypes
import re
from pathlib import Path

# Types set explicitly for what a built site holds, so the ZIM does not depend on the
# machine's /etc/mime.types; anything else falls back to Python's own table.
_TYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "application/javascript",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".txt": "text/plain",
    ".pdf": "application/pdf",
}
_COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml")
_ARTICLE = re.compile(rb"<article\b[^>]*>(.*?)</article>", re.S)
_H1 = re.compile(rb"<h1\b[^>]*>(.*?)</h1>", re.S)
_TITLE = re.compile(rb"<title>(.*?)</title>", re.S)
_HIDDEN = re.compile(rb"<(script|style|template)\b.*?</\1>", re.S)
_TAG = re.compile(rb"<[^>]+>")


def mimetype(name: str) -> str:
    """The media type of a bundle file, from its extension."""
    suffix = Path(name).suffix.lower()
    if not suffix:  # LICENSE, VERSION: the only files without one in a built site
        return "text/plain"
    return _TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


def page_text(page: bytes) -> tuple[str, str]:
    """Return ``(title, text)`` of a built page: its first heading and its article's words.

    Only the article is indexed, so a search finds the page that talks about a word, not every
    page whose menu or footer happens to contain it.
    """
    found = _H1.search(page) or _TITLE.search(page)
    title = _plain(found.group(1)) if found else ""
    article = _ARTICLE.search(page)
    return title, _plain(article.group(1) if article else page)


def _plain(fragment: bytes) -> str:
    text = _TAG.sub(b" ", _HIDDEN.sub(b" ", fragment)).decode("utf-8", "replace")
    return " ".join(html.unescape(text).split())


@functools.cache
def entry_class():
    """The libzim item class, made on first use so importing this module needs no libzim."""
    from libzim.writer import FileProvider, Hint, IndexData, Item, StringProvider

    class Index(IndexData):
        def __init__(self, title: str, text: str) -> None:
            super().__init__()
            self.title, self.text = title, text

        def has_indexdata(self) -> bool:
            return True

        def get_title(self) -> str:
            return self.title

        def get_content(self) -> str:
            return self.text

        def get_keywords(self) -> str:
            return ""

        def get_wordcount(self) -> int:
            return len(self.text.split())

        def get_geoposition(self):
            return None

    class Entry(Item):
        def __init__(self, name: str, content: bytes | Path, compressed: bool) -> None:
            super().__init__()
            self.name, self.content, self.kind = name, content, mimetype(name)
            self.compressed = compressed and self.kind.startswith(_COMPRESSIBLE)
            self.is_page = self.kind == "text/html"
            self.title, self.text = ("", "")
            if self.is_page:
                page = content if isinstance(content, bytes) else content.read_bytes()
                self.title, self.text = page_text(page)

        def get_path(self) -> str:
            return self.name

        def get_title(self) -> str:
            return self.title

        def get_mimetype(self) -> str:
            return self.kind

        def get_contentprovider(self):
            if isinstance(self.content, Path):
                return FileProvider(str(self.content))
            return StringProvider(self.content)

        def get_hints(self) -> dict:
            return {
                Hint.FRONT_ARTICLE: self.is_page,
                Hint.COMPRESS: self.compressed,
            }

        def get_indexdata(self):
            # Without index data libzim would index non-HTML files by their bytes.
            return Index(self.title, self.text) if self.is_page else None

    return Entry
