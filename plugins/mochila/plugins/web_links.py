"""Web links in a built page: kept as links on the website, turned into text in a bundle.

Works on HTML, after Markdown, so every way of writing a link is handled by one rule:
``[text](https://…)``, reference links, ``<https://…>``, raw ``<a href="https://…">``, links
inside admonitions, lists and tables, and addresses written out in prose or in a summary.

- Website: links stay links, and an address written out in prose becomes one (as readers
  expect from any web page).
- Bundle: nothing links to the internet. A web link becomes its text followed by where it
  points, ``text (example.org/path)``, and an address written out becomes ``example.org/path``
  (``domain.web_address`` has the one way addresses are shown). The page, its search entries
  and its description all read the same.

Code (``code``, ``pre``, ``kbd``, ``samp``) is left exactly as written: it is meant to be
copied. ``mailto:`` and ``tel:`` links stay links everywhere: they load nothing.
"""

from __future__ import annotations

import re
from html import escape, unescape
from html.parser import HTMLParser

from ..domain.web_address import find_web_addresses, is_web_address, names_address, shown_address

# Cheap tests first: most pages hold no web address at all and are not parsed.
_MAY_HOLD_WEB = re.compile(r"(?:https?|ftp)://|href\s*=\s*[\"']?\s*//", re.IGNORECASE)
_MAY_LINK_OUT = re.compile(r"href\s*=\s*[\"']?\s*(?:(?:https?|ftp):)?//", re.IGNORECASE)
# Text in these is not prose: an address there is not turned into a link, nor shortened.
_VERBATIM = frozenset(
    {"a", "code", "pre", "kbd", "samp", "script", "style", "textarea", "title", "head"}
    | {"svg", "math", "select", "option", "button", "template", "noscript"}
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr"}
)
# Attributes a web link keeps when it becomes text: what other links and styles point at.
_KEPT_ATTRIBUTES = ("id", "lang", "dir")


def address_html(address: str) -> str:
    """A shown address as HTML: isolated left to right, so it reads right in Arabic text."""
    return f'<bdi class="mochila-address" dir="ltr">{escape(address, quote=False)}</bdi>'


def may_link_out(html: str) -> bool:
    """False when ``html`` certainly has no web link (it may have addresses in text)."""
    return _MAY_LINK_OUT.search(html) is not None


def rewrite_web_links(html: str, *, offline: bool) -> str:
    """Return ``html`` with its web links made right for a website or (``offline``) a bundle."""
    if not _MAY_HOLD_WEB.search(html):
        return html
    events = _Events(html).events
    out: list[str] = []
    open_tags: list[str] = []
    web_link: _OpenLink | None = None
    for index, (kind, start, tag, attrs, raw_end) in enumerate(events):
        end = raw_end if raw_end >= 0 else _next_start(events, index, len(html))
        raw = html[start:end]
        if kind == "start":
            if tag == "a" and offline and web_link is None:
                href = dict(attrs).get("href") or ""
                if is_web_address(href):
                    web_link = _OpenLink(href, attrs, len(out), len(open_tags))
                    out.append("")  # the link's opening, written when it closes
                    open_tags.append(tag)
                    continue
            out.append(raw)
            if tag not in _VOID:
                open_tags.append(tag)
        elif kind == "end":
            if tag in open_tags:
                depth = len(open_tags) - 1 - open_tags[::-1].index(tag)
                del open_tags[depth:]
                if web_link is not None and depth <= web_link.depth:
                    # Its own </a>, or the end of an element around it, which ends it too.
                    own_end = depth == web_link.depth
                    _close(web_link, out)
                    web_link = None
                    if own_end:
                        continue
            out.append(raw)
        elif kind == "text":
            if web_link is not None:
                web_link.text.append(unescape(raw))
                out.append(raw)
            elif _VERBATIM.isdisjoint(open_tags) and find_web_addresses(unescape(raw)):
                out.append(_prose(unescape(raw), offline))
            else:
                out.append(raw)
        else:
            out.append(raw)
    if web_link is not None:  # never closed: the browser would end it with its parent
        _close(web_link, out)
    return "".join(out)


class _OpenLink:
    """A web link being read in a bundle page: where it starts in the output, its text."""

    def __init__(self, href: str, attrs: list, position: int, depth: int) -> None:
        self.href = href
        self.attrs = attrs
        self.position = position
        self.depth = depth
        self.text: list[str] = []


def _close(link: _OpenLink, out: list[str]) -> None:
    """Write a bundle's web link as text: ``text (address)``, or the address alone when the
    text is the address or there is no text; text that shows the address already stays."""
    kept = "".join(
        f' {name}="{escape(value or "")}"' for name, value in link.attrs if name in _KEPT_ATTRIBUTES
    )
    out[link.position] = f'<span class="mochila-weblink"{kept}>'
    address = shown_address(link.href)
    text = " ".join("".join(link.text).split())
    has_content = bool(text) or any(out[link.position + 1 :])
    if not has_content or (text and _same(text, address)):
        del out[link.position + 1 :]
        out.append(address_html(address))
    elif text and is_web_address(text):  # an address that is not where the link goes
        del out[link.position + 1 :]
        out.append(f"{address_html(shown_address(text))} ({address_html(address)})")
    elif not (text and names_address(text, address)):
        out.append(f" ({address_html(address)})")
    out.append("</span>")


def _same(text: str, address: str) -> bool:
    """True when the link's whole text is its address, written with or without scheme."""
    if len(text.split()) != 1:
        return False
    shown = shown_address(text) if is_web_address(text) else text

    def comparable(value: str) -> str:
        return value.lower().removeprefix("www.").rstrip("/")

    return comparable(shown) == comparable(address)


def _prose(text: str, offline: bool) -> str:
    """Plain text with web addresses, as HTML: addresses shown, or linked on the website."""
    pieces = []
    position = 0
    for start, end in find_web_addresses(text):
        pieces.append(escape(text[position:start], quote=False))
        url = text[start:end]
        if offline:
            pieces.append(address_html(shown_address(url)))
        else:
            pieces.append(f'<a href="{escape(url)}">{escape(url, quote=False)}</a>')
        position = end
    pieces.append(escape(text[position:], quote=False))
    return "".join(pieces)


def _next_start(events: list, index: int, length: int) -> int:
    return events[index + 1][1] if index + 1 < len(events) else length


class _Events(HTMLParser):
    """The page as a flat list of (kind, start offset, tag, attrs, end offset or -1).

    Only where things start is needed: a text run ends where the next event starts, so the
    output can copy the page's own bytes everywhere it changes nothing.
    """

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[str, int, str, list, int]] = []
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self._html = html
        self.feed(html)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list) -> None:
        start = self._offset()
        self.events.append(("start", start, tag, attrs, start + len(self.get_starttag_text())))

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        start = self._offset()
        self.events.append(("void", start, tag, attrs, start + len(self.get_starttag_text())))

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        close = self._html.find(">", start)
        self.events.append(("end", start, tag, [], len(self._html) if close < 0 else close + 1))

    def handle_data(self, data: str) -> None:
        self.events.append(("text", self._offset(), "", [], -1))

    def handle_comment(self, data: str) -> None:
        self.events.append(("other", self._offset(), "", [], -1))

    handle_decl = handle_pi = unknown_decl = handle_comment
