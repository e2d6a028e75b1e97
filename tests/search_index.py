"""Reading Mochila's search index (``search/*.js``) back in tests, without a browser.

Each index file is one call ``MochilaSearch.<name>(<JSON>,...);``; the arguments are read
with ``json``. Postings are decoded here from the format's description in
``plugins/mochila/domain/search/index.py`` (field mask character, then the gap to the previous
document as base-32 digits, all but the last from the upper half of the alphabet), restated
so the tests do not borrow the code they check.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

CALL = re.compile(r"^MochilaSearch\.(\w+)\((.*)\);\n$", re.S)


def read_call(path: Path) -> tuple[str, list]:
    match = CALL.match(path.read_text(encoding="utf-8"))
    assert match, f"{path} is not one MochilaSearch call"
    return match.group(1), json.loads(f"[{match.group(2)}]")


def manifest(site: Path) -> dict:
    name, args = read_call(site / "search" / "manifest.js")
    assert name == "manifest"
    return args[0]


def documents(site: Path) -> list[list[str]]:
    """Every document's row, by number: [path, title, summary, age, duration, areas, ...]."""
    found: dict[int, list] = {}
    for path in (site / "search").glob("d-*.js"):
        name, (number, rows) = read_call(path)
        assert name == "docs"
        found[number] = rows
    return [row for number in sorted(found) for row in found[number]]


def terms(site: Path) -> dict[str, str]:
    """Every term with its postings string."""
    out: dict[str, str] = {}
    for path in (site / "search").glob("t-*.js"):
        name, (_key, shard_terms, _aliases) = read_call(path)
        assert name == "shard"
        out.update(shard_terms)
    return out


def decode(postings: str, alphabet: str) -> list[tuple[int, int]]:
    """(document number, field mask) pairs."""
    value = {c: i for i, c in enumerate(alphabet)}
    out, i, doc = [], 0, 0
    while i < len(postings):
        mask = value[postings[i]]
        i += 1
        gap = 0
        while True:
            digit = value[postings[i]]
            i += 1
            gap = gap * 32 + (digit - 32 if digit >= 32 else digit)
            if digit < 32:
                break
        doc += gap
        out.append((doc, mask))
    return out


def text_of(site: Path) -> str:
    """Every byte of the index as text (for leak checks)."""
    return "".join(p.read_text(encoding="utf-8") for p in sorted((site / "search").glob("*.js")))
