"""Find references to the network in a built bundle, which must work with no internet at all.

A bundle on a USB stick is opened in schools with no connection; a page that loads a script,
font or image from the internet shows broken or blank there, and nobody at the build notices.
So the build fails on every ``http://``, ``https://`` or protocol-relative (``//host``)
reference in a file the browser reads, except where the browser provably never requests it:

- comments: HTML ``<!-- -->``; CSS and JS ``/* */`` (licence headers ``/*! */`` included);
  JS ``//`` comments only when they start a line (``//# sourceMappingURL=`` among them),
  since mid-line ``//`` is as likely a string or regex as a comment;
- ``<!DOCTYPE>`` declarations, whose DTD addresses browsers never fetch;
- XML namespace names (``xmlns="..."`` and the W3C namespaces passed to ``createElementNS``),
  which are identifiers, not addresses;
- the inside of ``data:image/...`` URIs: browsers draw such images in a mode that makes no
  requests (Material's CSS icons embed SVG with licence comments this way).

A URL inside a JS string or template literal is reported: it may be fetched at run time.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ._fs import Snapshot, list_tree

SCANNED_SUFFIXES = frozenset({".html", ".htm", ".css", ".js", ".mjs", ".svg", ".json"})
NAMESPACE_URIS = frozenset(
    {
        "http://www.w3.org/2000/svg",
        "http://www.w3.org/1999/xhtml",
        "http://www.w3.org/1999/xlink",
        "http://www.w3.org/XML/1998/namespace",
        "http://www.w3.org/2000/xmlns/",
        "http://www.w3.org/1998/Math/MathML",
    }
)
_EXCERPT_RADIUS = 40
_NAMESPACE_ATTRIBUTE = re.compile(
    r"""xmlns(?::[\w.-]+)?=(["'])(?:""" + "|".join(map(re.escape, sorted(NAMESPACE_URIS))) + r")\1"
)

_URL_END = r"""[^\s"'`<>(){}\\]"""
_ABSOLUTE = re.compile(rf"https?://(?!/){_URL_END}+", re.IGNORECASE)
# A protocol-relative URL ('//host/x') only counts in an attribute or CSS that loads it. Found
# from each '//' backwards: trying the attribute names at every position of a large minified
# script was the slowest part of a bundle build.
_DOUBLE_SLASH = re.compile(rf"//(?!/){_URL_END}+")
_LOADING_CONTEXT = re.compile(
    r"""(?:\b(?:src|href|srcset|poster)\s*=\s*["']?|url\(\s*["']?|@import\s+["'])$""",
    re.IGNORECASE,
)
_XMLNS_BEFORE = re.compile(r"""xmlns(?::[\w.-]+)?\s*=\s*["']?$""", re.IGNORECASE)
_DATA_IMAGE = re.compile(r"data:image/", re.IGNORECASE)
_DATA_IMAGE_REST = {
    '"': re.compile(r'(?:[^"\\\n]|\\.)*'),
    "'": re.compile(r"(?:[^'\\\n]|\\.)*"),
    "(": re.compile(r"[^)\n]*"),
}
_DATA_IMAGE_BARE = re.compile(r"""[^\s"'<>)]*""")

_HTML_IGNORED = re.compile(
    r"<!--[\s\S]*?(?:-->|\Z)|<!doctype[^>]*>|<(script|style)\b[^>]*>([\s\S]*?)(?:</\1\s*>|\Z)",
    re.IGNORECASE,
)
_CSS_TOKEN = re.compile(r"""/\*|"(?:[^"\\\n]|\\[\s\S])*"|'(?:[^'\\\n]|\\[\s\S])*'""")
_JS_CODE_STOP = re.compile(r"""["'`/{}]""")
_JS_TEMPLATE_STOP = re.compile(r"\\[\s\S]|`|\$\{")
_JS_STRING_REST = {
    '"': re.compile(r'(?:[^"\\\n]|\\[\s\S])*"?'),
    "'": re.compile(r"(?:[^'\\\n]|\\[\s\S])*'?"),
}
_JS_REGEX_REST = re.compile(r"(?:[^/\\\[\n]|\\.|\[(?:[^\]\\\n]|\\.)*\]?)*/?")
# After these words a '/' starts a regular expression, after other words it divides.
_JS_KEYWORDS_BEFORE_EXPRESSION = frozenset(
    [
        "return",
        "typeof",
        "instanceof",
        "in",
        "of",
        "new",
        "delete",
        "void",
        "throw",
        "case",
        "do",
        "else",
        "yield",
        "await",
    ]
)


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
    if "//" not in _NAMESPACE_ATTRIBUTE.sub("", text):
        # Every reference has a '//', and namespace declarations never are one: a page with
        # only inline SVG icons (most pages) needs no closer look.
        return ()
    if suffix in (".html", ".htm", ".svg"):
        ignored = _html_ignored(text)
    elif suffix == ".css":
        ignored = _css_comments(text, 0, len(text))
    elif suffix in (".js", ".mjs"):
        ignored = _js_comments(text, 0, len(text))
    else:
        ignored = []
    masked = _blank(text, ignored)
    masked = _blank(masked, _data_images(masked))
    newlines = [match.start() for match in re.finditer("\n", text)]
    found = []
    for match in _ABSOLUTE.finditer(masked):
        if match.group() in NAMESPACE_URIS or _is_xmlns_value(masked, match.start()):
            continue
        found.append(match.span())
    for match in _DOUBLE_SLASH.finditer(masked):
        start = match.start()
        if _LOADING_CONTEXT.search(masked, max(0, start - 40), start):
            found.append(match.span())
    return tuple(
        (bisect.bisect_left(newlines, start) + 1, _excerpt(text, start, end))
        for start, end in sorted(found)
    )


def _is_xmlns_value(text: str, start: int) -> bool:
    return _XMLNS_BEFORE.search(text, max(0, start - 100), start) is not None


def _html_ignored(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _HTML_IGNORED.finditer(text):
        element = (match.group(1) or "").lower()
        start, end = match.span(2)
        if element == "script":
            spans += _js_comments(text, start, end)
        elif element == "style":
            spans += _css_comments(text, start, end)
        else:
            spans.append(match.span())
    return spans


def _css_comments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    position = start
    while match := _CSS_TOKEN.search(text, position, end):
        position = match.end()
        if match.group() == "/*":
            close = text.find("*/", position, end)
            position = end if close < 0 else close + 2
            spans.append((match.start(), position))
    return spans


def _js_comments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the spans of JS comments to ignore, stepping over strings, templates and regexes.

    Only good enough to tell comments from code in real (often minified) scripts; where it
    guesses wrong, it errs towards reporting, never towards ignoring a whole region.
    """
    spans = []
    braces: list[bool] = []  # True for the '{' that opened a template's ${...}
    in_template = False
    position = start
    while position < end:
        if in_template:
            match = _JS_TEMPLATE_STOP.search(text, position, end)
            if match is None:
                break
            token, position = match.group(), match.end()
            if token == "${":
                braces.append(True)
            in_template = token.startswith("\\")
            continue
        match = _JS_CODE_STOP.search(text, position, end)
        if match is None:
            break
        char, at, position = match.group(), match.start(), match.end()
        if char in "\"'":
            position = _JS_STRING_REST[char].match(text, position, end).end()
        elif char == "`":
            in_template = True
        elif char == "{":
            braces.append(False)
        elif char == "}":
            in_template = bool(braces) and braces.pop()
        elif text.startswith("/*", at):
            close = text.find("*/", at + 2, end)
            position = end if close < 0 else close + 2
            spans.append((at, position))
        elif text.startswith("//", at):
            newline = text.find("\n", at, end)
            position = end if newline < 0 else newline
            if not text[text.rfind("\n", 0, at) + 1 : at].strip():
                spans.append((at, position))
        elif _regex_may_start(text, at, start):
            position = _JS_REGEX_REST.match(text, position, end).end()
    return spans


def _regex_may_start(text: str, at: int, start: int) -> bool:
    """Tell a regex literal from a division by what precedes the '/' (the usual heuristic)."""
    last = at - 1
    while last >= start and text[last].isspace():
        last -= 1
    if last < start:
        return True
    if text[last] in ")]":
        return False
    first = last
    while first >= start and (text[first].isalnum() or text[first] in "_$"):
        first -= 1
    if first == last:
        return True
    return text[first + 1 : last + 1] in _JS_KEYWORDS_BEFORE_EXPRESSION


def _data_images(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _DATA_IMAGE.finditer(text):
        opener = text[match.start() - 1] if match.start() else ""
        rest = _DATA_IMAGE_REST.get(opener, _DATA_IMAGE_BARE)
        spans.append((match.start(), rest.match(text, match.end()).end()))
    return spans


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """Return ``text`` with ``spans`` replaced by spaces, keeping newlines and offsets."""
    if not spans:
        return text
    pieces = []
    position = 0
    for start, end in sorted(spans):
        if start < position:
            start = position
        pieces.append(text[position:start])
        pieces.append(re.sub(r"[^\n]", " ", text[start:end]))
        position = max(position, end)
    pieces.append(text[position:])
    return "".join(pieces)


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
