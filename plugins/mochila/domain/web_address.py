"""Web addresses as readers see them when they cannot follow a link (offline bundles).

A bundle on a USB stick never links to the internet, but a page that cites a source must
still say where the source is: a reader can type the address later, on a connected machine.
So every web link of a bundle becomes text with its address, written one way everywhere:
``text (example.org/path)``, or just ``example.org/path`` when the text is the address
itself (never ``https://example.org/path (example.org/path)``). The address is shown without
its scheme, with a lone trailing ``/`` dropped and percent-escapes in the path decoded
(``ar.wikipedia.org/wiki/قطة``, not ``%D9%82...``), so it reads like the address bar.

``mailto:`` and ``tel:`` are not web addresses: they open the reader's mail or phone app,
which works offline, and load nothing, so both sites and bundles keep them as links.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

WEB_SCHEMES = ("http", "https", "ftp")
# A web address in running text. It ends at whitespace, at markup characters, or at a quote;
# trailing punctuation is trimmed afterwards (see ``find_web_addresses``).
_IN_TEXT = re.compile(r"\b(?:https?|ftp)://[^\s<>\"'`]+", re.IGNORECASE)
_TRAILING = ".,;:!?'\"…»›"
_CLOSERS = {")": "(", "]": "[", "}": "{"}
_SCHEME = re.compile(r"^\s*(?:(?:https?|ftp):)?//", re.IGNORECASE)
_UNREADABLE = re.compile(r"[\s\x00-\x1f\x7f\u200b-\u200f\u2028-\u202e]")


def is_web_address(target: str) -> bool:
    """True for ``http(s)://`` and ``ftp://`` addresses and protocol-relative ``//host``."""
    target = target.strip()
    if target.startswith("//"):
        return len(target) > 2 and target[2] != "/"
    scheme, colon, rest = target.partition(":")
    return bool(colon) and scheme.lower() in WEB_SCHEMES and rest.startswith("//")


def shown_address(url: str) -> str:
    """Return ``url`` as readers see it: ``example.org/path?q#part``, no scheme."""
    url = url.strip()
    try:
        parts = urlsplit(url if not url.startswith("//") else "https:" + url)
        host = parts.hostname or ""
        if parts.port is not None:
            host += f":{parts.port}"
    except ValueError:  # a malformed port or IPv6 literal: show it as written
        return _SCHEME.sub("", url)
    if not host:
        return _SCHEME.sub("", url)
    path = parts.path
    if path.endswith("/") and not parts.query and not parts.fragment:
        path = path[:-1]
    try:
        readable = unquote(path, errors="strict") if "%" in path else path
    except UnicodeDecodeError:
        readable = path
    if _UNREADABLE.search(readable):  # a decoded space or control character would mislead
        readable = path
    query = f"?{parts.query}" if parts.query else ""
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    return f"{host}{readable}{query}{fragment}"


def names_address(text: str, address: str) -> bool:
    """True when ``text`` already shows ``address`` (a shown address), so adding it again
    would only repeat it: ``https://x.org/``, ``x.org``, ``www.x.org`` or ``Visit x.org.``"""
    wanted = address.strip().lower().rstrip("/")
    if wanted.startswith("www."):
        wanted = wanted[4:]
    if not wanted:
        return False
    shown = addresses_as_text(text).lower()
    pattern = rf"(?<![\w.-])(?:www\.)?{re.escape(wanted)}/?(?![\w-]|[./?#]\w)"
    return re.search(pattern, shown) is not None


def find_web_addresses(text: str) -> list[tuple[int, int]]:
    """Return the spans of web addresses written out in plain ``text`` (not Markdown).

    Punctuation that ends a sentence is not part of an address, nor a closing bracket that
    the address did not open: ``(see https://x.org/a_(b).)`` gives ``https://x.org/a_(b)``.
    """
    spans = []
    for match in _IN_TEXT.finditer(text):
        start, end = match.span()
        while end > start:
            last = text[end - 1]
            unopened = last in _CLOSERS and text.count(_CLOSERS[last], start, end) < text.count(
                last, start, end
            )
            if last not in _TRAILING and not unopened:
                break
            end -= 1
        if is_web_address(text[start:end]):
            spans.append((start, end))
    return spans


def addresses_as_text(text: str) -> str:
    """Return plain ``text`` with each web address in it written as its shown address."""
    spans = find_web_addresses(text)
    if not spans:
        return text
    pieces = []
    position = 0
    for start, end in spans:
        pieces += [text[position:start], shown_address(text[start:end])]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
