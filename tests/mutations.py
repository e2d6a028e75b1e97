"""Random changes to a text file as authors, editors and merges make them (Hypothesis
strategies), shared by the content fuzz tests and the mkdocs.yml fuzz tests."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

# --- what a mutation puts in -------------------------------------------------------------------

CHARACTERS = [chr(i) for i in range(0x20) if i != 0x0A] + [
    "\x7f",
    "\x85",
    "\xa0",
    "\u200b",
    "\u200f",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\ufffe",
    "\uffff",
    "\ud800",  # lone surrogates: written with 'surrogatepass', so not valid UTF-8
    "\udfff",
    "\U0010ffff",
    "'",
    '"',
    ":",
    "#",
    "&",
    "*",
    "!",
    "|",
    ">",
    "{",
    "}",
    "[",
    "]",
    "%",
    "@",
    "`",
    "\\",
]
VALUES = [
    "[a, b]",
    "[]",
    "{a: 1}",
    "{}",
    "null",
    "~",
    "",
    "9" * 40,
    "-" + "9" * 30,
    "1e400",
    ".inf",
    "-.nan",
    "0x1F",
    "0o17",
    "true",
    "yes",
    "2026-13-45",
    "2026-02-30",
    "2026-10-14T25:61:00",
    "&anchor value",
    "*anchor",
    "*nowhere",
    "<<: *anchor",
    "!!binary aGVsbG8=",
    "!!binary not-base64!",
    "!!python/object/apply:os.system [ls]",
    "!!bool maybe",
    "!!int twelve",
    "!!float x",
    "!!timestamp x",
    "!!set {a, b}",
    "!!omap [a, b]",
    "!!pairs [1]",
    "!!map [a]",
    "!!seq {a: 1}",
    "!!null x",
    "!custom x",
    "'unbalanced",
    '"unbalanced',
    "'it''s'",
    '"\\x00"',
    '"\\uD800"',
    "|",
    ">-",
    "? key",
    "- item",
    "{",
    "[",
    "}",
    "]",
    "@at",
    "`tick`",
    "%YAML 1.1",
    "[" * 500,
    "{a: " * 200,
    "x" * 5000,
]
LINES = [
    "```",
    "~~~",
    "```python",
    ":::",
    ":::reflect",
    ":::notes",
    ":::bogus",
    "::: reflect extra",
    "---",
    "...",
    "\t- tabbed: item",
    "  - indented",
    "title: second title",
    "id: other-id",
    "x" * 200_000,
    "[" * 20_000,
    "[a](" * 5_000,
    "![" * 5_000,
    "[link](nowhere.md)",
    "![pic](images/none.png)",
    "[up](../../outside.md)",
    "[abs](/root.md)",
    "<img src='/x.png'>",
    "[ref]: <>",
    "[x](<>)",
    "[x](%zz)",
    "[x](%00)",
    "[x](a%2F..%2F..%2Fb.md)",
    "<a href='#'>",
    "{{ jinja }}",
    "{% raw %}",
]


@dataclass(frozen=True)
class Mutation:
    kind: str
    where: float  # 0..1: which line or character
    payload: str = ""


mutations = st.one_of(
    st.builds(Mutation, st.just("delete line"), st.floats(0, 1)),
    st.builds(Mutation, st.just("duplicate line"), st.floats(0, 1)),
    st.builds(Mutation, st.just("truncate"), st.floats(0, 1)),
    st.builds(Mutation, st.just("insert character"), st.floats(0, 1), st.sampled_from(CHARACTERS)),
    st.builds(Mutation, st.just("replace value"), st.floats(0, 1), st.sampled_from(VALUES)),
    st.builds(Mutation, st.just("insert line"), st.floats(0, 1), st.sampled_from(LINES)),
    st.builds(Mutation, st.just("insert text"), st.floats(0, 1), st.text(max_size=12)),
)
# How the mutated text is saved: UTF-8 (lone surrogates as their invalid bytes), with a BOM,
# or as UTF-16 or Latin-1 as some editors do.
ENCODINGS = st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "latin-1"])


def mutate(text: str, mutation: Mutation) -> str:
    lines = text.split("\n")
    index = min(int(mutation.where * len(lines)), len(lines) - 1)
    if mutation.kind == "delete line":
        del lines[index]
    elif mutation.kind == "duplicate line":
        lines.insert(index, lines[index])
    elif mutation.kind == "truncate":
        return text[: int(mutation.where * len(text))]
    elif mutation.kind in ("insert character", "insert text"):
        at = int(mutation.where * len(text))
        return text[:at] + mutation.payload + text[at:]
    elif mutation.kind == "replace value":
        name, colon, _ = lines[index].partition(":")
        lines[index] = f"{name}: {mutation.payload}" if colon else mutation.payload
    elif mutation.kind == "insert line":
        lines.insert(index, mutation.payload)
    return "\n".join(lines)


def encode(text: str, encoding: str) -> bytes:
    if encoding == "latin-1":
        return text.encode("latin-1", "replace")
    return text.encode(encoding, "surrogatepass")
