"""Find what a built bundle would load from the network: it must work with no internet.

A bundle on a USB stick is opened in schools with no connection; a page that loads a script,
font or image from the internet shows broken or blank there, and nobody at the build notices.
So the build fails on every ``http(s)://``, ``ws(s)://``, ``ftp://`` or protocol-relative
(``//host``) address that a file the browser reads would **load** by itself:

- HTML pages and SVG images are read with Python's HTML parser (``offline_html``): the
  attributes that load (``src``, ``srcset``, ``poster``, stylesheets and icons, ...), their CSS
  and their scripts. Links a reader may follow and text never count: a page may cite the web;
- CSS (``offline_css``): ``url(...)``, ``@import`` and ``image-set(...)``;
- JS (``offline_js``): any address in code or strings, since a script may fetch it, except in
  comments and in a script that only holds data (the search index).

JSON and other files are data the browser does not load from: they are not read.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ._fs import Snapshot, list_tree
from .offline_css import css_references
from .offline_html import html_references
from .offline_js import NAMESPACE_URIS, js_references

SCANNED_SUFFIXES = frozenset({".html", ".htm", ".css", ".js", ".mjs", ".svg"})
_EXCERPT_RADIUS = 40
_NAMESPACE_ATTRIBUTE = re.compile(
    r"""xmlns(?::[\w.-]+)?=(["'])(?:""" + "|".join(map(re.escape, sorted(NAMESPACE_URIS))) + r")\1"
)
# Every remote reference has one of these; a file without any needs no closer look.
_MAY_BE_REMOTE = re.compile(r"//|\\\\|(?:https?|wss?|ftp):", re.IGNORECASE)


@dataclass(frozen=True)
class RemoteReference:
    """One place in a bundle file that would make a browser go to the internet."""

    path: str
    line: int
    text: str

    def format(self) -> str:
        """Return ``path:line: excerpt``, the form build errors use."""
        return f"{self.path}:{self.line}: {self.text}"


def find_remote_references(folder: Path, read: Snapshot | None = None) -> list[RemoteReference]:
    """Return every remote reference in the web files under ``folder``, by path and line.

    ``read`` is the folder already read (then the files are not opened again). Raises
    ``BundleError`` if ``folder`` is missing or holds a symlink.
    """
    names = sorted(read.files) if read is not None else list_tree(folder)[1]
    references: list[RemoteReference] = []
    for name in names:
        if PurePosixPath(name).suffix.lower() in SCANNED_SUFFIXES:
            # Without a snapshot, one file at a time: a large bundle is never held whole.
            data = read.files[name] if read is not None else (folder / name).read_bytes()
            references.extend(scan_text(name, data.decode("utf-8", errors="replace")))
    return references


def scan_text(path: str, text: str) -> list[RemoteReference]:
    """Return the remote references in ``text``, read as the file type ``path`` ends with."""
    suffix = PurePosixPath(path).suffix.lower()
    return [RemoteReference(path, line, excerpt) for line, excerpt in _scan(suffix, text)]


# Every bundle ships the same theme assets: scan each distinct file once per process.
@functools.lru_cache(maxsize=256)
def _scan(suffix: str, text: str) -> tuple[tuple[int, str], ...]:
    if not _MAY_BE_REMOTE.search(_NAMESPACE_ATTRIBUTE.sub("", text)):
        # Namespace declarations are never a reference: a page with only inline SVG icons
        # (most pages) needs no closer look.
        return ()
    if suffix in (".html", ".htm", ".svg"):
        found = html_references(text)
    elif suffix == ".css":
        found = css_references(text)
    else:
        found = js_references(text)
    newlines = [match.start() for match in re.finditer("\n", text)]
    return tuple(
        (bisect.bisect_left(newlines, start) + 1, _excerpt(text, start, end))
        for start, end in found
    )


def _excerpt(text: str, start: int, end: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    low = max(line_start, start - _EXCERPT_RADIUS)
    high = min(line_end, end + _EXCERPT_RADIUS)
    excerpt = text[low:high].strip()
    prefix = "..." if low > line_start else ""
    suffix = "..." if high < line_end else ""
    return f"{prefix}{excerpt}{suffix}"
