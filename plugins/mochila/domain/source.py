"""Reading a Markdown source file and splitting its YAML front matter, keeping line numbers.

mkdocs' own meta parser swallows YAML errors (bad front matter silently becomes ``{}``), so we
parse front matter ourselves and keep the position of every key and value for messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem, error

try:  # libyaml is ~10x faster; the pure-Python loader gives the same nodes.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

FENCE = "---"
CLOSERS = ("---", "...")
# Characters front matter must not hold: those YAML refuses to read (PyYAML's reader rule:
# control characters other than tab and line breaks, and two "noncharacters"), and those it
# reads as line breaks or silently keeps (U+0085, U+2028, U+2029, a byte order mark inside the
# text) which would shift every line number after them or hide inside a field name. Word
# processors paste them unseen (U+000B for a soft line break, U+0007), so each is reported
# with its place instead of a parser failure.
HIDDEN = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
    "|[\u2028\u2029]"
)
# What PyYAML's safe constructors raise for a scalar whose text does not fit its (implicit or
# explicit) tag, instead of a YAMLError.
UNREADABLE_SCALAR = (ValueError, KeyError, AttributeError, TypeError, OverflowError)
YAML_HINT = (
    "check the indentation, that each field is written as 'name: value', "
    "and put text containing ': ' or starting with a symbol in quotes"
)


@dataclass
class Located:
    """A YAML value with the 1-based line and column where it starts in the file."""

    value: Any
    line: int
    col: int
    node: yaml.Node | None = field(default=None, repr=False)


@dataclass
class SourceFile:
    """A Markdown file split into front matter fields and body, with positions."""

    path: str
    text: str
    fields: dict[str, Located]
    front_matter_end: int  # line of the closing fence, 0 if there is no front matter
    body: str
    body_line: int  # file line of the body's first line
    has_front_matter: bool


def read_text(abs_path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """Return the file's text (BOM removed, newlines normalised) or the problem that stops it."""
    data = abs_path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [
            error(
                shown,
                line,
                "the file is not saved as UTF-8 text",
                "in your editor choose 'Save with encoding' > UTF-8 and save it again",
            )
        ]
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None, [error(shown, 1, "the file is empty", "write the activity or delete the file")]
    return text, []


def split(path: str, text: str) -> tuple[SourceFile | None, list[Problem]]:
    """Split ``text`` into front matter fields and body.

    Returns the parsed file (``None`` if the front matter cannot be read) and the problems found.
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        return SourceFile(path, text, {}, 0, text, 1, False), []
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in CLOSERS), None)
    if end is None:
        return None, [
            error(
                path,
                1,
                "the front matter starting on line 1 is never closed",
                "add a line with only '---' after the last field",
            )
        ]
    yaml_text = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1 :])
    fields, problems = parse_fields(path, yaml_text, first_line=2)
    if fields is None:
        return None, problems
    return SourceFile(path, text, fields, end + 1, body, end + 2, True), problems


def parse_fields(
    path: str, yaml_text: str, first_line: int, what: str = "front matter"
) -> tuple[dict[str, Located] | None, list[Problem]]:
    """Parse a YAML mapping and return its top-level keys with located values.

    ``what`` names the text in messages ("front matter", "the vocabulary").
    """
    hidden = _hidden_characters(path, yaml_text, first_line, what)
    if hidden:
        return None, hidden
    try:
        root = yaml.compose(yaml_text, Loader=_Loader)
    except RecursionError:
        return None, [error(path, first_line, f"{what} is nested too deeply to read", YAML_HINT)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        # At the end of the text libyaml may point one line past it.
        line = min(first_line + (mark.line if mark else 0), first_line + yaml_text.count("\n"))
        col = (mark.column + 1) if mark else 1
        kind = what
        problem = exc.problem or "the YAML is not valid"
        if exc.context:
            problem = f"{exc.context}, {problem}"
        return None, [error(path, line, f"{kind} is not valid YAML: {problem}", YAML_HINT, col)]
    except yaml.YAMLError as exc:  # an error without a place (none known today): name the file
        return None, [error(path, first_line, f"{what} is not valid YAML: {exc}", YAML_HINT)]
    if root is None:
        return {}, []
    if not isinstance(root, yaml.MappingNode):
        return None, [
            error(
                path,
                first_line + root.start_mark.line,
                f"{what} must be a list of 'name: value' fields",
                YAML_HINT,
            )
        ]
    fields: dict[str, Located] = {}
    problems: list[Problem] = []
    unreadable = False
    for key_node, value_node in root.value:
        line = first_line + key_node.start_mark.line
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if not isinstance(key, str):
            problems.append(error(path, line, "a field name must be a word", YAML_HINT))
            continue
        if key in fields:
            problems.append(
                error(
                    path,
                    line,
                    f"field '{key}' is written twice (first on line {fields[key].line})",
                    "keep only one of them",
                )
            )
            continue
        try:
            value = construct(value_node)
        except UNREADABLE_SCALAR:
            # YAML read '2026-13-45' as a date that does not exist, or a '!!bool maybe' or
            # '!!timestamp x' that PyYAML's constructors fail on: keep the text, so the
            # field's own rule explains what is expected.
            value = value_node.value if isinstance(value_node, yaml.ScalarNode) else None
        except yaml.YAMLError as exc:
            # Valid syntax without a value, such as an unknown '!tag': stop at this field.
            reason = getattr(exc, "problem", None) or str(exc)
            problems.append(
                error(
                    path,
                    first_line + value_node.start_mark.line,
                    f"the value of '{key}' cannot be read: {reason}",
                    "write plain text, a number, a list or a date like 2026-10-14 "
                    "(text starting with '!' or '&' must be in quotes)",
                    value_node.start_mark.column + 1,
                )
            )
            unreadable = True
            continue
        fields[key] = Located(value, line, key_node.start_mark.column + 1, value_node)
    return (None if unreadable else fields), problems


def _hidden_characters(path: str, text: str, first_line: int, what: str) -> list[Problem]:
    """Report each line of ``text`` holding a character YAML cannot read (first one per line)."""
    problems = []
    for offset, line in enumerate(text.split("\n")):
        found = HIDDEN.search(line)
        if found:
            code = f"U+{ord(found.group()):04X}"
            problems.append(
                error(
                    path,
                    first_line + offset,
                    f"{what} contains an invisible character ({code}) that is not allowed here",
                    "delete it, or retype the text around it; word processors paste such "
                    "characters unseen",
                    found.start() + 1,
                )
            )
    return problems


STR_TAG = "tag:yaml.org,2002:str"


def construct(node: yaml.Node) -> Any:
    """Build the Python value of one YAML node with the safe constructor."""
    if isinstance(node, yaml.ScalarNode) and node.tag == STR_TAG:
        return node.value  # most fields are plain text: what the constructor would return
    loader = _Loader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def node_line(located: Located, index: int, first_line: int = 2) -> int:
    """Return the file line of item ``index`` of a located list, or the field's own line."""
    node = located.node
    if isinstance(node, yaml.SequenceNode) and 0 <= index < len(node.value):
        return first_line + node.value[index].start_mark.line
    return located.line


def mapping_key_line(located: Located, key: str, first_line: int = 2) -> int:
    """Return the file line of ``key`` inside a located mapping, or the field's own line."""
    node = located.node
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            if getattr(key_node, "value", None) == key:
                return first_line + key_node.start_mark.line
    return located.line


def mapping_item_line(located: Located, key: str, index: int, first_line: int = 2) -> int:
    """Return the file line of item ``index`` of the list under ``key`` in a located mapping."""
    node = located.node
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if getattr(key_node, "value", None) == key:
                if isinstance(value_node, yaml.SequenceNode) and index < len(value_node.value):
                    return first_line + value_node.value[index].start_mark.line
                return first_line + key_node.start_mark.line
    return located.line
