"""Where a stylesheet loads from: ``url(...)``, ``@import`` and ``image-set(...)``.

Anything else in CSS is not loaded: comments (licence headers among them), text in
``content: "..."``, and the inside of ``data:`` URIs, whose value starts ``data:`` and so is not
remote (Material's icons embed SVG with namespace and licence URLs this way).
"""

from __future__ import annotations

import re

from .offline_url import is_remote

_TOKEN = re.compile(
    r"""/\*|"(?:[^"\\\n]|\\[\s\S])*"?|'(?:[^'\\\n]|\\[\s\S])*'?"""
    r"""|\burl\(|@import\b|\b(?:-webkit-)?image-set\(|[()]""",
    re.IGNORECASE,
)
_UNQUOTED_URL = re.compile(r"\s*([^\s\"')]*)")


def css_references(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return the spans of remote URLs that the CSS in ``text[start:end]`` loads."""
    end = len(text) if end is None else end
    found = []
    importing = False  # the next string is what '@import' loads
    image_set_depth = 0  # inside image-set( ... ), strings are images
    depth = 0
    position = start
    while match := _TOKEN.search(text, position, end):
        token, at, position = match.group(), match.start(), match.end()
        lowered = token.lower()
        if token == "/*":
            close = text.find("*/", position, end)
            position = end if close < 0 else close + 2
            continue
        if token[0] in "\"'":
            if (importing or image_set_depth) and is_remote(_unquote(token)):
                found.append((at + 1, at + len(token) - 1))
        elif lowered == "url(":
            value = _UNQUOTED_URL.match(text, position, end)
            if value.group(1):
                position = value.end()  # an unquoted URL may hold '/*' or quotes
                if is_remote(value.group(1)):
                    found.append(value.span(1))
            # A quoted url("...") is a string token next: treat it as loaded.
            image_set_depth, depth = _open(image_set_depth, depth, loading=True)
            importing = False
            continue
        elif lowered == "@import":
            importing = True
            continue
        elif lowered.endswith("image-set("):
            image_set_depth, depth = _open(image_set_depth, depth, loading=True)
        elif token == "(":
            image_set_depth, depth = _open(image_set_depth, depth, loading=False)
        elif token == ")":
            depth -= 1
            if image_set_depth > depth:
                image_set_depth = 0
        importing = False
    return found


def _open(loading_depth: int, depth: int, *, loading: bool) -> tuple[int, int]:
    depth += 1
    if loading and not loading_depth:
        loading_depth = depth
    return loading_depth, depth


def _unquote(token: str) -> str:
    body = token[1:]
    return body[:-1] if body.endswith(token[0]) else body
