"""The Markdown body of a page: our block syntax and the relative links it contains.

Block syntax (documented in the README): a line ``:::reflect`` or ``:::notes``, the content,
and a closing line ``:::``. Reflect blocks become inline reflection prompts; notes blocks become
folded notes for facilitators.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from .suggest import did_you_mean

BLOCK_KINDS = ("reflect", "notes")
BLOCK_OPEN = re.compile(r"^:::\s*([A-Za-z-]+)\s*$")
BLOCK_CLOSE = re.compile(r"^:::\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"`+[^`\n]*`+")
# [text](target "title") and ![alt](target); the target stops at whitespace or ')'.
# Possessive and bounded repeats: a line that opens many links and closes none ('[a](' over
# and over, a pasted data URI) would otherwise take seconds per line to scan (quadratic
# backtracking). Link text nests brackets one level deep, as Python-Markdown reads it.
LINK_TEXT = r"(?:[^\]\[]++|\[[^\]\n]{0,300}+\])*+"
LINK_TARGET = r"[^)\s]{1,2048}+"
LINK_TITLE = r"(?:\s++[\"'][^)\n]{0,1000}+)?"
INLINE_LINK = re.compile(
    rf"(!?)\[{LINK_TEXT}\]\(\s*+(?:<([^>\n]{{1,2048}}+)>|({LINK_TARGET})){LINK_TITLE}\)"
)
REFERENCE_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
HTML_ATTR = re.compile(r"\b(src|href)\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
WEB_SCHEME = re.compile(r"^\s*(?:https?|ftp):", re.IGNORECASE)


@dataclass(frozen=True)
class Block:
    kind: str
    text: str
    line: int  # file line of the opening ':::kind'
    end_line: int  # file line of the closing ':::', 0 if never closed


@dataclass(frozen=True)
class Link:
    target: str  # path part only, unquoted; no fragment or query
    line: int
    col: int
    is_image: bool


@dataclass(frozen=True)
class BlockProblem:
    line: int
    message: str
    hint: str


def scan_blocks(body: str, first_line: int) -> tuple[list[Block], list[BlockProblem]]:
    """Find ``:::kind`` blocks; report unknown kinds, nesting and blocks never closed."""
    blocks: list[Block] = []
    problems: list[BlockProblem] = []
    open_kind, open_line, content = "", 0, []
    in_fence = False
    for offset, line in enumerate(body.split("\n")):
        number = first_line + offset
        if FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            if open_kind:
                content.append(line)
            continue
        opening = BLOCK_OPEN.match(line)
        if opening:
            kind = opening.group(1).lower()
            if open_kind:
                problems.append(
                    BlockProblem(
                        number,
                        f"a ':::{kind}' block starts inside the ':::{open_kind}' block of "
                        f"line {open_line}",
                        "close the first block with a line ':::' before starting another",
                    )
                )
                continue
            if kind not in BLOCK_KINDS:
                problems.append(
                    BlockProblem(
                        number, f"unknown block ':::{kind}'", did_you_mean(kind, BLOCK_KINDS)
                    )
                )
            # An unknown block still opens, so its closing ':::' is not reported as well.
            open_kind, open_line, content = kind, number, []
        elif BLOCK_CLOSE.match(line):
            if open_kind in BLOCK_KINDS:
                blocks.append(Block(open_kind, "\n".join(content).strip("\n"), open_line, number))
            if open_kind:
                open_kind = ""
            else:
                problems.append(
                    BlockProblem(
                        number, "':::' closes no block", "remove it, or open a block above"
                    )
                )
        elif open_kind:
            content.append(line)
    if open_kind in BLOCK_KINDS:  # an unknown one was reported already
        problems.append(
            BlockProblem(
                open_line,
                f"the ':::{open_kind}' block is never closed",
                "add a line with only ':::' after its text",
            )
        )
    return blocks, problems


def scan_links(body: str, first_line: int) -> list[Link]:
    """Return the relative links and images in a body (code blocks and spans are skipped)."""
    links = []
    for line, col, target, is_image in _targets(body, first_line):
        path = relative_path(target)
        if path is not None:
            links.append(Link(path, line, col, is_image))
    return links


def scan_web_loads(body: str, first_line: int) -> list[Link]:
    """Return what a body loads from the web (``![](https://…)``, ``src="https://…"``): a
    page opened from a USB stick with no internet cannot show it. Links to the web are fine."""
    return [
        Link(target, line, col, is_image)
        for line, col, target, is_image in _targets(body, first_line)
        if is_image and (target.startswith("//") or WEB_SCHEME.match(target))
    ]


def _targets(body: str, first_line: int):
    """Yield (line, column, target as written, is an image or src) of every link in a body."""
    in_fence = False
    for offset, raw in enumerate(body.split("\n")):
        if FENCE.match(raw):
            in_fence = not in_fence
            continue
        # Indented lines are read too: admonition and list bodies are indented, and their
        # links and images must be checked (and their images shipped) like any other.
        if in_fence:
            continue
        # Most lines are prose with no link at all: cheap substring tests skip the regexes.
        has_link, has_attr = "](" in raw, "=" in raw
        if not (has_link or has_attr or "]:" in raw):
            continue
        line = INLINE_CODE.sub(lambda m: " " * len(m.group(0)), raw) if "`" in raw else raw
        found: list[tuple[int, str, bool]] = []
        if has_link:
            for match in INLINE_LINK.finditer(line):
                group = 2 if match.group(2) is not None else 3
                found.append((match.start(group), match.group(group), match.group(1) == "!"))
        reference = REFERENCE_DEF.match(line)
        if reference:
            found.append((reference.start(1), reference.group(1), False))
        if has_attr:
            for match in HTML_ATTR.finditer(line):
                found.append((match.start(2), match.group(2), match.group(1).lower() == "src"))
        for col, target, is_image in found:
            yield first_line + offset, col + 1, target, is_image


def relative_path(target: str) -> str | None:
    """Return the path part of a relative target, or ``None`` for URLs, anchors and mail."""
    if not target or target.startswith(("#", "//")) or SCHEME.match(target):
        return None
    path = target.split("#", 1)[0].split("?", 1)[0]
    return unquote(path) if path else None


REWRITABLE_LINK = re.compile(
    rf"(?<!!)\[({LINK_TEXT})\]\(\s*+<?([^)\s>]{{1,2048}}+)>?({LINK_TITLE})\)"
)


def rewrite_links(markdown: str, replace) -> str:
    """Rewrite inline links (not images, not inside code) with ``replace(text, target)``.

    ``replace`` returns the new Markdown for the whole link, or ``None`` to keep it.
    """
    out: list[str] = []
    in_fence = False
    for raw in markdown.split("\n"):
        if FENCE.match(raw):
            in_fence = not in_fence
        if in_fence or "](" not in raw:
            out.append(raw)
            continue
        spans = [(m.start(), m.end()) for m in INLINE_CODE.finditer(raw)]

        def substitute(match: re.Match[str], spans=spans) -> str:
            if any(start <= match.start() < end for start, end in spans):
                return match.group(0)
            new = replace(match.group(1), match.group(2))
            return match.group(0) if new is None else new

        out.append(REWRITABLE_LINK.sub(substitute, raw))
    return "\n".join(out)
