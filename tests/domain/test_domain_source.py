"""Unit tests for reading source files and splitting front matter (domain/source.py).

Why: every position an author sees in a message comes from here; if the line or column
mapping drifts by one, editors jump to the wrong place for every problem.
"""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from mochila.domain.problems import ContentError, Problem, Severity, error, warning
from mochila.domain.source import (
    Located,
    mapping_item_line,
    mapping_key_line,
    node_line,
    parse_fields,
    read_text,
    split,
)

YAML_HINT = (
    "check the indentation, that each field is written as 'name: value', "
    "and put text containing ': ' or starting with a symbol in quotes"
)


# --- read_text -------------------------------------------------------------------------------


def test_read_text_removes_bom_and_normalises_newlines(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"\xef\xbb\xbf---\r\nid: a\r\n---\rbody\r\n")
    text, problems = read_text(path, "content/a.md")
    assert problems == []
    assert text == "---\nid: a\n---\nbody\n"


def test_read_text_reports_the_line_of_the_first_non_utf8_byte(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"---\nid: a\ntitle: ok\nsummary: caf\xe9 con leche\n---\n")
    text, problems = read_text(path, "content/a.md")
    assert text is None
    assert [p.format() for p in problems] == [
        "content/a.md:4:1: error: the file is not saved as UTF-8 text "
        "(in your editor choose 'Save with encoding' > UTF-8 and save it again)"
    ]


def test_read_text_non_utf8_on_the_first_line(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"\xff\xfe---\n")
    _, problems = read_text(path, "a.md")
    assert [(p.line, p.message) for p in problems] == [(1, "the file is not saved as UTF-8 text")]


@pytest.mark.parametrize("data", [b"", b"   \n\n\t\n", b"\xef\xbb\xbf\n"])
def test_read_text_empty_or_blank_file(tmp_path, data):
    path = tmp_path / "a.md"
    path.write_bytes(data)
    text, problems = read_text(path, "content/a.md")
    assert text is None
    assert [p.format() for p in problems] == [
        "content/a.md:1:1: error: the file is empty (write the activity or delete the file)"
    ]


# --- split -----------------------------------------------------------------------------------


def test_split_without_front_matter_keeps_the_whole_text_as_body():
    source, problems = split("a.md", "# Title\n\nText.\n")
    assert problems == []
    assert source is not None
    assert source.has_front_matter is False
    assert source.fields == {}
    assert source.front_matter_end == 0
    assert source.body == "# Title\n\nText.\n"
    assert source.body_line == 1


def test_split_positions_of_fields_and_body():
    text = "---\nid: water-play\ntitle:   Water play\n---\n\nFirst line.\n"
    source, problems = split("a.md", text)
    assert problems == []
    assert source.has_front_matter is True
    assert source.front_matter_end == 4
    assert source.body_line == 5
    assert source.body == "\nFirst line.\n"
    assert {k: (v.value, v.line, v.col) for k, v in source.fields.items()} == {
        "id": ("water-play", 2, 1),
        "title": ("Water play", 3, 1),
    }


def test_split_accepts_dots_as_closing_fence_and_trailing_spaces_on_fences():
    source, problems = split("a.md", "---  \nid: a\n...\nBody\n")
    assert problems == []
    assert source.front_matter_end == 3
    assert source.body == "Body\n"
    assert source.body_line == 4


def test_split_front_matter_never_closed():
    source, problems = split("content/a.md", "---\nid: a\ntitle: b\n\nBody text\n")
    assert source is None
    assert [p.format() for p in problems] == [
        "content/a.md:1:1: error: the front matter starting on line 1 is never closed "
        "(add a line with only '---' after the last field)"
    ]


def test_split_empty_front_matter_has_no_fields():
    source, problems = split("a.md", "---\n---\nBody\n")
    assert problems == []
    assert source.fields == {}
    assert source.has_front_matter is True
    assert source.front_matter_end == 2


# The messages are libyaml's (the loader the product uses when PyYAML has it).
@pytest.mark.skipif(not yaml.__with_libyaml__, reason="messages differ without libyaml")
@pytest.mark.parametrize(
    ("text", "line", "col", "what"),
    [
        # The ': ' after 'Foo' is at column 11 of file line 3.
        (
            "---\nid: a\ntitle: Foo: bar\n---\n",
            3,
            11,
            "mapping values are not allowed in this context",
        ),
        # A tab used for indentation on file line 4.
        (
            "---\nid: a\nage:\n\tmin: 3\n---\n",
            4,
            1,
            "while scanning for the next token, found character that cannot start any token",
        ),
        # An unclosed quote: the front matter ends right after 'open' on line 3.
        (
            '---\nid: a\ntitle: "open\n---\n',
            3,
            13,
            "while scanning a quoted scalar, found unexpected end of stream",
        ),
        # An unclosed flow list: found where the next field starts.
        (
            "---\nid: a\ntitle: [oops\nsummary: x\n---\n",
            4,
            8,
            "while parsing a flow sequence, did not find expected ',' or ']'",
        ),
    ],
    ids=["colon-in-value", "tab-indent", "unclosed-quote", "unclosed-list"],
)
def test_split_yaml_syntax_error_is_mapped_to_the_file_line(text, line, col, what):
    source, problems = split("content/a.md", text)
    assert source is None
    assert [p.format() for p in problems] == [
        f"content/a.md:{line}:{col}: error: front matter is not valid YAML: {what} ({YAML_HINT})"
    ]


def test_split_front_matter_that_is_not_a_mapping():
    source, problems = split("content/a.md", "---\n- a\n- b\n---\n")
    assert source is None
    assert [p.format() for p in problems] == [
        "content/a.md:2:1: error: front matter must be a list of 'name: value' fields "
        f"({YAML_HINT})"
    ]


def test_split_duplicate_key_keeps_the_first_and_names_its_line():
    source, problems = split(
        "content/a.md", "---\nid: a\ntitle: One\nsummary: s\ntitle: Two\n---\n"
    )
    assert source.fields["title"].value == "One"
    assert [p.format() for p in problems] == [
        "content/a.md:5:1: error: field 'title' is written twice (first on line 3) "
        "(keep only one of them)"
    ]


def test_split_non_scalar_key():
    source, problems = split("content/a.md", "---\nid: a\n? [x, y]\n: z\n---\n")
    assert list(source.fields) == ["id"]
    assert [(p.line, p.message) for p in problems] == [(3, "a field name must be a word")]


# --- parse_fields and node helpers -------------------------------------------------------------


def test_parse_fields_values_are_python_values():
    fields, problems = parse_fields(
        "v.yml", "n: 3\nf: 2.5\nb: true\nd: 2026-10-14\nl: [a, b]\nm: {x: 1}\ne:\n", first_line=1
    )
    assert problems == []
    assert {k: v.value for k, v in fields.items()} == {
        "n": 3,
        "f": 2.5,
        "b": True,
        "d": dt.date(2026, 10, 14),
        "l": ["a", "b"],
        "m": {"x": 1},
        "e": None,
    }
    assert [v.line for v in fields.values()] == [1, 2, 3, 4, 5, 6, 7]


def test_parse_fields_of_empty_text():
    assert parse_fields("a.md", "", first_line=2) == ({}, [])


def test_parse_fields_first_line_offsets_every_position():
    fields, _ = parse_fields("a.md", "a: 1\n  \nb: 2\n", first_line=10)
    assert (fields["a"].line, fields["b"].line) == (10, 12)


def test_node_line_of_block_list_items():
    source, _ = split("a.md", "---\nareas:\n  - motor\n  - sensory\n---\n")
    located = source.fields["areas"]
    assert [node_line(located, i) for i in range(2)] == [3, 4]
    # Out of range, or a value without a node: the field's own line.
    assert node_line(located, 5) == 2
    assert node_line(Located(["x"], 7, 1), 0) == 7


def test_node_line_of_flow_list_items_is_the_field_line():
    source, _ = split("a.md", "---\nareas: [motor, sensory]\n---\n")
    assert node_line(source.fields["areas"], 1) == 2


def test_mapping_key_line_and_item_line():
    text = (
        "---\nid: a\nage:\n  min: 6\n  max: 36\nreflection:\n  before:\n    - one\n    - two\n"
        "  after: x\n---\n"
    )
    source, problems = split("a.md", text)
    assert problems == []
    assert mapping_key_line(source.fields["age"], "min") == 4
    assert mapping_key_line(source.fields["age"], "max") == 5
    assert mapping_key_line(source.fields["age"], "nope") == 3
    reflection = source.fields["reflection"]
    assert mapping_item_line(reflection, "before", 0) == 8
    assert mapping_item_line(reflection, "before", 1) == 9
    # Past the end of the list: the key's line; not a list: the key's line.
    assert mapping_item_line(reflection, "before", 2) == 7
    assert mapping_item_line(reflection, "after", 0) == 10
    assert mapping_item_line(reflection, "missing", 0) == 6


# --- problems --------------------------------------------------------------------------------


def test_problem_format_with_and_without_hint():
    assert error("a.md", 3, "bad", "fix it", col=7).format() == "a.md:3:7: error: bad (fix it)"
    assert warning("a.md", 1, "hmm").format() == "a.md:1:1: warning: hmm"
    assert warning("a.md", 1, "hmm").severity is Severity.WARNING
    assert not warning("a.md", 1, "hmm").is_error


def test_problem_as_dict():
    assert error("a.md", 3, "bad", "fix it", col=7).as_dict() == {
        "path": "a.md",
        "line": 3,
        "col": 7,
        "severity": "error",
        "message": "bad",
        "hint": "fix it",
    }


def test_content_error_sorts_problems_and_counts_only_errors():
    problems = [
        error("b.md", 1, "second file"),
        warning("a.md", 9, "a warning"),
        error("a.md", 2, "first", "hint"),
    ]
    exc = ContentError(problems)
    assert [p.path for p in exc.problems] == ["a.md", "a.md", "b.md"]
    assert str(exc) == (
        "a.md:2:1: error: first (hint)\n"
        "a.md:9:1: warning: a warning\n"
        "b.md:1:1: error: second file\n"
        "2 error(s): fix them and build again."
    )


def test_problem_is_frozen():
    problem = Problem("a.md", 1, "m")
    with pytest.raises(AttributeError):
        problem.line = 2  # type: ignore[misc]
