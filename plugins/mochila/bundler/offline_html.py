"""What an HTML page or SVG image loads from the network, read with Python's HTML parser.

Only what the browser fetches by itself when it shows the page counts:

- ``src`` of script, img, iframe, frame, audio, video, source, track, embed and input;
  ``srcset`` of img and source; ``poster`` of video; ``data`` of object; ``background`` of
  body and table cells; ``href``/``xlink:href`` of SVG image, use, feImage and script;
- ``link`` elements whose ``rel`` fetches something (stylesheet, icon, preload, prefetch,
  manifest, ...), not those that only name a page (alternate, canonical, license, ...);
- a ``meta`` refresh to another address, and a ``base`` that sends every relative URL away;
- CSS in ``<style>`` and ``style="..."`` (see ``offline_css``), and scripts in ``<script>`` and
  ``on...=`` attributes (see ``offline_js``); a ``<script>`` holding data (JSON) runs nothing;
- the document of an ``iframe srcdoc``.

Never text, comments, ``<!DOCTYPE>``, namespace declarations, or links a reader may follow
(``a``, ``area``, ``form``): a page may cite the web without ever loading it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .offline_css import css_references
from .offline_js import js_references
from .offline_url import is_remote, srcset_urls

_SVG_LINKS = ("href", "xlink:href")
LOADING_ATTRIBUTES = {
    "script": ("src", *_SVG_LINKS),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "source": ("src", "srcset"),
    "track": ("src",),
    "embed": ("src",),
    "input": ("src",),
    "object": ("data",),
    "body": ("background",),
    "table": ("background",),
    "td": ("background",),
    "th": ("background",),
    "image": _SVG_LINKS,
    "use": _SVG_LINKS,
    "feimage": _SVG_LINKS,
}
SRCSET_ATTRIBUTES = frozenset({"srcset", "imagesrcset"})
# rel values that name a related page without fetching it; any other rel fetches.
NAMING_RELS = frozenset(
    {"alternate", "author", "bookmark", "canonical", "external", "help", "license", "next"}
    | {"nofollow", "noopener", "noreferrer", "opener", "prev", "search", "tag", "me"}
    | {"privacy-policy", "terms-of-service", "first", "last", "up", "index", "contents"}
)
_SCRIPT_TYPES = frozenset(
    {"", "module", "text/javascript", "application/javascript", "application/ecmascript"}
    | {"text/ecmascript", "text/jscript", "application/x-javascript"}
)
_REFRESH_URL = re.compile(r"^\s*\d*[.\d]*\s*[;,]?\s*(?:url\s*=\s*)?['\"]?([^'\"]*)", re.I)


def _loads_inside(name: str, value: str) -> bool:
    """True when the CSS, script or document an attribute holds loads something remote."""
    if name == "style":
        return bool(css_references(value))
    if name.startswith("on"):
        return bool(js_references(value))
    return name == "srcdoc" and bool(html_references(value))


def html_references(text: str) -> list[tuple[int, int]]:
    """Return the spans in ``text`` of the remote URLs an HTML or SVG document loads."""
    parser = _Loads(text)
    return sorted(parser.found)


class _Loads(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text = text
        self.found: list[tuple[int, int]] = []
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        # ("script" or "style", where its text starts) while in one whose text runs
        self._raw_content: tuple[str, int] | None = None
        self.feed(text)
        self.close()
        self._scan_raw_content(len(text))  # a script never closed runs to the end

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        values = {name: value or "" for name, value in attrs}
        for name, value in attrs:
            for url in self._loaded(tag, name, value or "", values):
                self._report(start, raw, url)
            if value and _loads_inside(name, value):
                self._report(start, raw, value)
        self._raw_content = None
        if tag == "style":
            self._raw_content = ("style", start + len(raw))
        elif tag == "script":
            kind = values.get("type", "").strip().lower()
            if kind in _SCRIPT_TYPES:
                self._raw_content = ("script", start + len(raw))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._raw_content = None

    def handle_endtag(self, tag: str) -> None:
        # The parser hands a script's text over in pieces (at each '</'): read it whole.
        if self._raw_content is not None and self._raw_content[0] == tag:
            self._scan_raw_content(self._offset())

    def _scan_raw_content(self, end: int) -> None:
        if self._raw_content is not None:
            kind, start = self._raw_content
            scan = css_references if kind == "style" else js_references
            self.found.extend(scan(self.text, start, end))
        self._raw_content = None

    def _loaded(self, tag: str, name: str, value: str, values: dict[str, str]) -> list[str]:
        """The remote URLs that attribute ``name`` of ``tag`` loads."""
        if tag == "link":
            rels = set(values.get("rel", "").lower().split())
            if not rels or rels <= NAMING_RELS or name not in ("href", "imagesrcset"):
                return []
        elif tag == "meta":
            if name != "content" or values.get("http-equiv", "").lower() != "refresh":
                return []
            value = _REFRESH_URL.match(value).group(1)
        elif tag == "base":
            if name != "href":
                return []
        elif name not in LOADING_ATTRIBUTES.get(tag, ()):
            return []
        urls = srcset_urls(value) if name in SRCSET_ATTRIBUTES else [value]
        return [url for url in urls if is_remote(url)]

    def _report(self, tag_start: int, raw: str, value: str) -> None:
        """Record ``value`` where it is written in the tag, or the tag's start if it was
        written with character references."""
        at = raw.find(value.strip())
        if at < 0:
            self.found.append((tag_start, tag_start + len(raw)))
        else:
            self.found.append((tag_start + at, tag_start + at + len(value.strip())))
