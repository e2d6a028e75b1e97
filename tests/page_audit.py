"""An audit of built pages the way a reader meets them: every page, every link, every label.

Why: 747 tests were green while every menu read "None". Tests that check what someone thought
of cannot see what nobody thought of; this walks every HTML page of a built site or unzipped
bundle with a real HTML parser (lxml, libxml2's HTML5 tokenizer) and lists, with file and
element, everything a reader would see as broken:

- visible text (or a visible attribute: alt, title, aria-label, placeholder) that is a leftover
  of code, not words: "None", "undefined", "null", "NaN", "[object Object]", or a raw Jinja or
  Markdown marker ("{{", "{%", ":::", "```"). Code samples (``<code>``, ``<pre>``, ``<kbd>``,
  ``<samp>``, ``<textarea>``) may show them on purpose and are skipped;
- a link in a menu, footer, breadcrumb or language switcher with no label;
- a page without exactly one ``<h1>``, or without ``lang`` on ``<html>``;
- a local link, image, script, stylesheet or media source whose file does not exist, or that
  leaves the folder audited (a bundle must be whole on its own);
- a ``#fragment`` that names no element of its page;
- an ``<img>`` without ``alt``; two elements with the same ``id``.

``audit(folder)`` returns the findings as ``path: <element>: what`` lines, empty when all is
well; ``tests/plugins/test_page_audit.py`` runs it on the sample, a generated corpus and the real
corpora, and checks that it finds defects planted on purpose.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html

LEFTOVER_WORDS = re.compile(r"(?<![\w.])(None|undefined|null|NaN)(?![\w(])|\[object Object\]")
RAW_MARKERS = ("{{", "{%", ":::", "```")
CODE_TAGS = {"code", "pre", "kbd", "samp", "textarea", "script", "style", "template", "noscript"}
VISIBLE_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
# Where a link without a label leaves a reader lost: menus, footers, breadcrumbs, languages.
LABELLED_REGIONS = ("nav", "footer")
LABELLED_CLASSES = ("md-path", "md-footer", "md-nav", "mochila-languages", "md-select")
# Attributes that make a page load or go to another file.
REFERENCES = {
    "a": ("href",),
    "area": ("href",),
    "img": ("src", "srcset"),
    "script": ("src",),
    "link": ("href",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
# <link rel=...> values that name a page for other sites, not a file this one must hold.
ABOUT_LINKS = {"canonical", "alternate", "author", "license", "me", "sitemap"}


def audit(folder: Path, site_path: str = "") -> list[str]:
    """Every problem a reader would meet in the HTML pages under ``folder``.

    ``site_path`` is the path of the folder on its web server (``/mochila/``): the 404 page of
    a website must use absolute links, since it is served at any address. A bundle has none.
    """
    folder = Path(folder)
    pages = sorted(folder.rglob("*.html"))
    ids: dict[Path, set[str]] = {}
    parsed = {}
    findings: list[str] = []
    for page in pages:
        try:
            tree = lxml.html.fromstring(page.read_bytes())
        except (lxml.etree.ParserError, ValueError) as exc:
            findings.append(f"{_shown(page, folder)}: cannot be parsed: {exc}")
            continue
        parsed[page] = tree
        ids[page] = {e.get("id") for e in tree.iter() if isinstance(e.tag, str) and e.get("id")}
        ids[page] |= {a.get("name") for a in tree.iter("a") if a.get("name")}
    for page, tree in parsed.items():
        shown = _shown(page, folder)
        findings += [f"{shown}: {problem}" for problem in _page_problems(tree)]
        findings += [
            f"{shown}: {problem}"
            for problem in _reference_problems(tree, page, folder, ids, site_path)
        ]
    return findings


def _shown(page: Path, folder: Path) -> str:
    return page.relative_to(folder).as_posix()


def _describe(element) -> str:
    attrs = " ".join(
        f'{name}="{element.get(name)}"'
        for name in ("id", "class", "href", "src")
        if element.get(name)
    )
    return f"<{element.tag}{' ' + attrs if attrs else ''}>"


def _in_code(element) -> bool:
    return any(
        isinstance(e.tag, str) and e.tag in CODE_TAGS for e in (element, *element.iterancestors())
    )


def _visible_texts(tree):
    """(element, text) for every piece of text a reader sees, code samples left out."""
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue  # comments, processing instructions
        if element.tag not in CODE_TAGS and not _in_code(element) and element.text:
            yield element, element.text
        parent = element.getparent()
        if element.tail and parent is not None and not _in_code(parent):
            yield parent, element.tail
        if not _in_code(element):
            for name in VISIBLE_ATTRIBUTES:
                if element.get(name):
                    yield element, element.get(name)


def _label(element) -> str:
    text = " ".join(element.text_content().split())
    images = " ".join(img.get("alt") or "" for img in element.iter("img"))
    return " ".join(
        part for part in (text, element.get("aria-label"), element.get("title"), images) if part
    ).strip()


def _page_problems(tree) -> list[str]:
    problems = []
    html = tree.getroottree().getroot()
    if not (html.get("lang") or "").strip():
        problems.append("<html> has no lang")
    for element, text in _visible_texts(tree):
        for match in LEFTOVER_WORDS.finditer(text):
            problems.append(f"{_describe(element)}: shows {match.group(0)!r} in {text.strip()!r}")
        for marker in RAW_MARKERS:
            if marker in text:
                problems.append(f"{_describe(element)}: shows raw {marker!r} in {text.strip()!r}")
    headings = tree.findall(".//h1")
    if len(headings) != 1:
        problems.append(f"has {len(headings)} <h1> (expected 1)")
    counts = Counter(e.get("id") for e in tree.iter() if isinstance(e.tag, str) and e.get("id"))
    problems += [f'id "{name}" is used {n} times' for name, n in sorted(counts.items()) if n > 1]
    for img in tree.iter("img"):
        if img.get("alt") is None:
            problems.append(f"{_describe(img)}: has no alt")
    for link in tree.iter("a"):
        region = any(
            (a.tag in LABELLED_REGIONS)
            or any(c in (a.get("class") or "").split() for c in LABELLED_CLASSES)
            for a in (link, *link.iterancestors())
        )
        if region and link.get("href") is not None and not _label(link):
            problems.append(f"{_describe(link)}: menu, footer or language link with no label")
    return problems


def _targets(element) -> list[str]:
    found = []
    for name in REFERENCES.get(element.tag, ()):
        value = element.get(name)
        if not value:
            continue
        if name == "srcset":
            found += [part.split()[0] for part in value.split(",") if part.split()]
        else:
            found.append(value)
    return found


def _reference_problems(
    tree, page: Path, folder: Path, ids: dict[Path, set[str]], site_path: str
) -> list[str]:
    problems = []
    for element in tree.iter(*REFERENCES):
        if element.tag == "link" and set((element.get("rel") or "").split()) & ABOUT_LINKS:
            continue
        for target in _targets(element):
            why = _unresolved(target, page, folder, ids, site_path)
            if why:
                problems.append(f"{_describe(element)}: {target!r} {why}")
    return problems


def _unresolved(
    target: str, page: Path, folder: Path, ids: dict[Path, set[str]], site_path: str
) -> str | None:
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None  # not a local file (the offline check judges what a bundle may load)
    if target.startswith(("javascript:", "data:")):
        return None
    path = unquote(parts.path)
    base = page.parent
    if path.startswith("/"):
        if not (site_path and page.name == "404.html" and path.startswith(site_path)):
            return "is an absolute path (breaks from file:// and under a sub-folder)"
        path, base = path[len(site_path) :], folder
    if path:
        resolved = Path(posixpath.normpath(posixpath.join(base.as_posix(), path)))
        try:
            resolved.relative_to(folder)
        except ValueError:
            return "points outside the folder"
        if resolved.is_dir():
            resolved = resolved / "index.html"
        if not resolved.is_file():
            return "does not exist"
    else:
        resolved = page
    fragment = unquote(parts.fragment)
    if fragment and resolved in ids and fragment not in ids[resolved]:
        return f"names no element #{fragment} on {resolved.relative_to(folder).as_posix()}"
    return None
