"""Where a script may go to the network: a web address in its code, strings included.

A URL inside a JS string or template literal is reported, since the script may fetch it at
run time; what is ignored is what provably never runs:

- comments: ``/* */`` (licence headers ``/*! */`` included), and ``//`` comments only when they
  start a line (``//# sourceMappingURL=`` among them), since mid-line ``//`` is as likely a
  string or regex as a comment;
- the W3C namespace names passed to ``createElementNS``, which are identifiers, not addresses;
- the inside of ``data:image/...`` URIs: browsers draw such images in a mode that makes no
  requests (icons embed SVG with licence comments this way);
- a script that only assigns one JSON value to a variable (``var __index = {...}``, the search
  index of a bundle): data cannot fetch anything, and its text may quote addresses a page
  shows (in code samples) without loading them.
"""

from __future__ import annotations

import json
import re

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
_URL_END = r"""[^\s"'`<>(){}\\]"""
_ABSOLUTE = re.compile(rf"https?://(?!/){_URL_END}+", re.IGNORECASE)
# A protocol-relative URL ('//host/x') only counts where it is loaded. Found from each '//'
# backwards: trying the attribute names at every position of a large minified script was the
# slowest part of a bundle build.
_DOUBLE_SLASH = re.compile(rf"//(?!/){_URL_END}+")
_LOADING_CONTEXT = re.compile(
    r"""(?:\b(?:src|href|srcset|poster)\s*=\s*["']?|url\(\s*["']?|@import\s+["'])$""",
    re.IGNORECASE,
)
_DATA_IMAGE = re.compile(r"data:image/", re.IGNORECASE)
_DATA_IMAGE_REST = {
    '"': re.compile(r'(?:[^"\\\n]|\\.)*'),
    "'": re.compile(r"(?:[^'\\\n]|\\.)*"),
    "(": re.compile(r"[^)\n]*"),
}
_DATA_IMAGE_BARE = re.compile(r"""[^\s"'<>)]*""")
_DATA_SCRIPT = re.compile(r"\s*(?:var|let|const)\s+[A-Za-z_$][\w$]*\s*=\s*")
_CODE_STOP = re.compile(r"""["'`/{}]""")
_TEMPLATE_STOP = re.compile(r"\\[\s\S]|`|\$\{")
_STRING_REST = {
    '"': re.compile(r'(?:[^"\\\n]|\\[\s\S])*"?'),
    "'": re.compile(r"(?:[^'\\\n]|\\[\s\S])*'?"),
}
_REGEX_REST = re.compile(r"(?:[^/\\\[\n]|\\.|\[(?:[^\]\\\n]|\\.)*\]?)*/?")
# After these words a '/' starts a regular expression, after other words it divides.
_KEYWORDS_BEFORE_EXPRESSION = frozenset(
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


def js_references(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return the spans of web addresses the script in ``text[start:end]`` may load."""
    end = len(text) if end is None else end
    if _is_data(text, start, end):
        return []
    masked = blank(text[start:end], [(a - start, b - start) for a, b in comments(text, start, end)])
    masked = blank(masked, data_images(masked))
    found = []
    for match in _ABSOLUTE.finditer(masked):
        if match.group() not in NAMESPACE_URIS:
            found.append((start + match.start(), start + match.end()))
    for match in _DOUBLE_SLASH.finditer(masked):
        at = match.start()
        if _LOADING_CONTEXT.search(masked, max(0, at - 40), at):
            found.append((start + at, start + match.end()))
    return sorted(found)


def _is_data(text: str, start: int, end: int) -> bool:
    declaration = _DATA_SCRIPT.match(text, start, end)
    if declaration is None:
        return False
    value = text[declaration.end() : end].rstrip().removesuffix(";")
    try:
        json.loads(value)
    except ValueError:
        return False
    return True


def comments(text: str, start: int, end: int) -> list[tuple[int, int]]:
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
            match = _TEMPLATE_STOP.search(text, position, end)
            if match is None:
                break
            token, position = match.group(), match.end()
            if token == "${":
                braces.append(True)
            in_template = token.startswith("\\")
            continue
        match = _CODE_STOP.search(text, position, end)
        if match is None:
            break
        char, at, position = match.group(), match.start(), match.end()
        if char in "\"'":
            position = _STRING_REST[char].match(text, position, end).end()
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
            position = _REGEX_REST.match(text, position, end).end()
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
    return text[first + 1 : last + 1] in _KEYWORDS_BEFORE_EXPRESSION


def data_images(text: str) -> list[tuple[int, int]]:
    """Return the spans of ``data:image/...`` URIs in ``text``, up to their closing quote."""
    spans = []
    for match in _DATA_IMAGE.finditer(text):
        opener = text[match.start() - 1] if match.start() else ""
        rest = _DATA_IMAGE_REST.get(opener, _DATA_IMAGE_BARE)
        spans.append((match.start(), rest.match(text, match.end()).end()))
    return spans


def blank(text: str, spans: list[tuple[int, int]]) -> str:
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
