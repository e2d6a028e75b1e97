"""Bad content, one mistake per case, through the checker and (for a subset) the CLI.

Why: this table is the author's side of the content contract. Each case is something an
educator will really write; the checker must answer with the exact file, line, column and a
message that says what was expected, what was found and how to fix it, and must never crash.
Every case lists ALL the problems expected, so an extra (cascading) message fails too.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from mochila.cli import main

YAML_HINT = (
    "check the indentation, that each field is written as 'name: value', "
    "and put text containing ': ' or starting with a symbol in quotes"
)
AGE_HINT = "write it in months, e.g. 'age: {min: 24, max: 48}' for 2 to 4 years"
A_MD = "content/activities/a.md"


@dataclass(frozen=True)
class Act:
    """An activity file made by the ``activity_text`` builder from these overrides."""

    fields: dict = field(default_factory=dict)


def act(**fields) -> Act:
    return Act(fields)


@dataclass(frozen=True)
class Outside:
    """A symbolic link to a file outside the content folder."""


@dataclass(frozen=True)
class VocabularyEdit:
    """The test vocabulary with one piece of text replaced."""

    old: str
    new: str


@dataclass(frozen=True)
class Case:
    id: str
    files: dict  # path under content/ -> str | bytes | Act | Outside | VocabularyEdit
    expected: list[str]  # every problem, formatted, paths under 'content/'
    cli: bool = False  # also run through 'mochila check'
    bug: str = ""  # a known product bug: the case is expected to fail until it is fixed


def missing(name: str) -> Case:
    return Case(
        f"missing-{name}",
        {"activities/a.md": act(**{name: None})},
        [f"{A_MD}:8:1: error: required field '{name}' is missing (add '{name}: ...')"],
        cli=name == "title",
    )


CASES = [
    Case(
        "yaml-syntax-error",
        {"activities/a.md": act(title="Foo: bar")},
        [
            f"{A_MD}:3:11: error: front matter is not valid YAML: mapping values are not "
            f"allowed in this context ({YAML_HINT})"
        ],
        cli=True,
    ),
    Case(
        "front-matter-never-closed",
        {"activities/a.md": "---\nid: a\ntitle: A\n\nThe body starts here.\n"},
        [
            f"{A_MD}:1:1: error: the front matter starting on line 1 is never closed "
            "(add a line with only '---' after the last field)"
        ],
        cli=True,
    ),
    Case(
        "no-front-matter",
        {"activities/a.md": "# Water play\n\nPour water.\n"},
        [
            f"{A_MD}:1:1: error: this activity has no front matter (start the file with a line "
            "'---', the fields (id, title, summary, audience, age, duration, areas), and another "
            "'---'; 'mochila new' writes one for you)"
        ],
    ),
    Case(
        "empty-file",
        {"activities/a.md": ""},
        [f"{A_MD}:1:1: error: the file is empty (write the activity or delete the file)"],
        cli=True,
    ),
    Case(
        "not-utf8",
        {"activities/a.md": b"---\nid: a\ntitle: Caf\xe9 time\n---\n"},
        [
            f"{A_MD}:3:1: error: the file is not saved as UTF-8 text "
            "(in your editor choose 'Save with encoding' > UTF-8 and save it again)"
        ],
        cli=True,
    ),
    *(missing(name) for name in ("id", "title", "summary", "audience", "age", "duration", "areas")),
    Case(
        "unknown-field-did-you-mean",
        {"activities/a.md": act(duration=None, extra="durration: 20")},
        [
            f"{A_MD}:8:1: error: unknown field 'durration' (did you mean 'duration'?)",
            f"{A_MD}:9:1: error: required field 'duration' is missing (add 'duration: ...')",
        ],
        cli=True,
    ),
    Case(
        "title-is-a-list",
        {"activities/a.md": act(title="[Water, play]")},
        [f"{A_MD}:3:1: error: 'title' must be a single line of text (write it in quotes)"],
    ),
    Case(
        "duration-is-text",
        {"activities/a.md": act(duration="about an hour")},
        [
            f"{A_MD}:7:1: error: 'duration' must be a whole number of minutes, found "
            "'about an hour' (write a number from 1 to 600, e.g. 'duration: 30')"
        ],
        cli=True,
    ),
    Case(
        "age-without-max",
        {"activities/a.md": act(age="{min: 6}")},
        [f"{A_MD}:6:1: error: 'age' needs 'min' and 'max' in months ({AGE_HINT})"],
    ),
    Case(
        "age-min-greater-than-max",
        {"activities/a.md": act(age="{min: 48, max: 24}")},
        [f"{A_MD}:6:1: error: 'age.min' (48) is greater than 'age.max' (24) ({AGE_HINT})"],
    ),
    Case(
        "age-over-216-months",
        {"activities/a.md": act(age="{min: 6, max: 240}")},
        [
            f"{A_MD}:6:1: error: 'age.max' must be between 0 and 216 months, found 240 "
            "(use a number from 0 to 216)"
        ],
    ),
    Case(
        "duration-zero",
        {"activities/a.md": act(duration="0")},
        [
            f"{A_MD}:7:1: error: 'duration' must be between 1 and 600 minutes, found 0 "
            "(use a number from 1 to 600)"
        ],
    ),
    Case(
        "duration-601",
        {"activities/a.md": act(duration="601")},
        [
            f"{A_MD}:7:1: error: 'duration' must be between 1 and 600 minutes, found 601 "
            "(use a number from 1 to 600)"
        ],
    ),
    Case(
        "summary-with-markdown",
        {"activities/a.md": act(summary="Pour water with **great** care.")},
        [f"{A_MD}:4:1: error: 'summary' must be plain text (remove Markdown or HTML marks)"],
    ),
    Case(
        "summary-over-300",
        {"activities/a.md": act(summary="word " * 60 + "end")},
        [f"{A_MD}:4:1: error: 'summary' must be 1 to 300 characters long, found 303 (shorten it)"],
    ),
    Case(
        "title-over-120",
        {"activities/a.md": act(title="Water " * 20 + "play")},
        [f"{A_MD}:3:1: error: 'title' must be 1 to 120 characters long, found 124 (shorten it)"],
    ),
    Case(
        "unknown-audience",
        {"activities/a.md": act(audience="[famlies]")},
        [f"{A_MD}:5:1: error: unknown audience 'famlies' in 'audience' (did you mean 'families'?)"],
    ),
    Case(
        "unknown-area",
        {"activities/a.md": act(areas="[sensory, motr]")},
        [f"{A_MD}:8:1: error: unknown area 'motr' in 'areas' (did you mean 'motor'?)"],
        cli=True,
    ),
    Case(
        "unknown-tag-block-list",
        {"activities/a.md": act(extra="tags:\n  - water\n  - outdor")},
        [f"{A_MD}:11:1: error: unknown tag 'outdor' in 'tags' (did you mean 'outdoor'?)"],
    ),
    Case(
        "empty-areas",
        {"activities/a.md": act(areas="[]")},
        [
            f"{A_MD}:8:1: error: 'areas' must be a list with at least one value "
            "(e.g. 'areas: [motor, language]')"
        ],
    ),
    Case(
        "bad-id-pattern",
        {"activities/a.md": act(id="Water Play!")},
        [
            f"{A_MD}:2:1: error: 'id' must use lowercase letters, digits and single dashes, "
            "found 'Water Play!' (e.g. 'id: water-play')"
        ],
    ),
    Case(
        "duplicate-id",
        {"activities/a.md": act(title="A"), "activities/b.md": act(title="B")},
        [
            "content/activities/b.md:2:1: error: id 'water-play' is already used by "
            "content/activities/a.md (give each activity its own id (translations share the id "
            "of their original and end in .<language>.md))"
        ],
        cli=True,
    ),
    Case(
        "translation-without-original",
        {"activities/agua.es.md": act()},
        [
            "content/activities/agua.es.md:1:1: error: this translation has no original: "
            "content/activities/agua.md does not exist (name the translation after the original "
            "file, e.g. 'water-play.es.md' beside 'water-play.md')"
        ],
        cli=True,
    ),
    Case(
        "translation-with-other-id",
        {"activities/a.md": act(), "activities/a.es.md": act(id="juego-de-agua")},
        [
            "content/activities/a.es.md:2:1: error: a translation must have the same id as its "
            "original ('water-play' in content/activities/a.md), found 'juego-de-agua' "
            "(write 'id: water-play')"
        ],
    ),
    Case(
        "related-does-not-exist",
        {
            "activities/a.md": act(extra="related: [sand-pla]"),
            "activities/b.md": act(id="sand-play", title="Sand play"),
        },
        [
            f"{A_MD}:9:1: error: related activity 'sand-pla' does not exist "
            "(did you mean 'sand-play'?)"
        ],
    ),
    Case(
        "link-to-missing-page",
        {
            "activities/a.md": act(body="Then try the [sand kitchen](sand-kichen.md)."),
            "activities/sand-kitchen.md": act(id="sand-kitchen", title="Sand kitchen"),
        },
        [
            f"{A_MD}:11:29: error: the link 'sand-kichen.md' points to a file that does not "
            "exist (did you mean 'sand-kitchen.md'?)"
        ],
        cli=True,
    ),
    Case(
        "missing-image",
        {
            "activities/a.md": act(body="Intro.\n\n  ![A basin](images/basin.svg)"),
            "activities/images/bowl.svg": "<svg/>",
        },
        [
            f"{A_MD}:13:14: error: the image 'images/basin.svg' points to a file that does not "
            "exist (did you mean 'images/bowl.svg'?)"
        ],
    ),
    Case(
        "image-from-the-web",
        {
            "activities/a.md": act(
                body="Cite [the source](https://example.org/a).\n\n"
                "![A basin](https://cdn.example.org/basin.png)\n"
                '<iframe src="//player.example.org/v/1"></iframe>'
            )
        },
        [
            f"{A_MD}:13:12: error: 'https://cdn.example.org/basin.png' is loaded from the "
            "internet, which USB bundles cannot do (save the file next to this page and use its "
            "file name; a link to the page it comes from is fine)",
            f"{A_MD}:14:14: error: '//player.example.org/v/1' is loaded from the internet, which "
            "USB bundles cannot do (save the file next to this page and use its file name; a "
            "link to the page it comes from is fine)",
        ],
    ),
    Case(
        "link-escaping-content",
        {"activities/a.md": act(body="[Notes](../../notes/secret.md)")},
        [
            f"{A_MD}:11:9: error: the link '../../notes/secret.md' points outside the content "
            "folder (put the file inside the content folder and link to it from there)"
        ],
    ),
    Case(
        "absolute-path-link",
        {"activities/a.md": act(body='<img src="/images/logo.png">')},
        [
            f"{A_MD}:11:11: error: the image '/images/logo.png' uses an absolute path "
            "(write the path relative to this file, e.g. 'images/picture.svg')"
        ],
    ),
    Case(
        "symlink-outside-content",
        {"activities/a.md": act(), "activities/images/linked.svg": Outside()},
        [
            "content/activities/images/linked.svg:1:1: error: this is a link to a file outside "
            "the content folder, which the site and USB bundles cannot include (copy the file "
            "into the content folder instead of linking to it)"
        ],
        cli=True,
    ),
    Case(
        "reserved-name-con",
        {"activities/con.md": act()},
        [
            "content/activities/con.md:1:1: error: the name 'con.md' is reserved by Windows, "
            "which cannot open it (rename it, for example to 'con-1.md')"
        ],
        cli=True,
    ),
    Case(
        "colon-in-name",
        {"activities/water:play.md": act()},
        [
            "content/activities/water:play.md:1:1: error: the name 'water:play.md' contains ':', "
            "which Windows does not allow in file names (remove it or replace it with '-')"
        ],
    ),
    Case(
        "question-mark-in-name",
        {"activities/why?.md": act()},
        [
            "content/activities/why?.md:1:1: error: the name 'why?.md' contains '?', "
            "which Windows does not allow in file names (remove it or replace it with '-')"
        ],
    ),
    Case(
        "trailing-dot",
        {"activities/a.md": act(), "activities/images/photo.": "not really a photo"},
        [
            "content/activities/images/photo.:1:1: error: the name 'photo.' ends with a dot, "
            "which Windows silently removes, so links to it break (remove the final dot)"
        ],
    ),
    Case(
        "names-differing-only-by-case",
        {"activities/a.md": act(title="A"), "activities/A.md": act(id="other", title="Other")},
        [
            f"{A_MD}:1:1: error: differs from 'activities/A.md' only in capital letters; on a "
            "USB stick both are the same file and one would overwrite the other "
            "(rename one of them)"
        ],
    ),
    Case(
        "path-over-150",
        {f"activities/{'a' * 137}.md": act()},
        [
            f"content/activities/{'a' * 137}.md:1:1: error: the path is 151 characters long, "
            "more than the 150 that fit on a USB stick (use shorter folder or file names)"
        ],
    ),
    Case(
        "duplicate-titles-warning",
        {"activities/a.md": act(id="a"), "activities/b.md": act(id="b", title="water PLAY")},
        [
            "content/activities/b.md:3:1: warning: the title 'water PLAY' is also used by "
            "content/activities/a.md (give each activity a title people can tell apart)"
        ],
        cli=True,
    ),
    Case(
        "unknown-block-never-closed",
        {"activities/a.md": act(body="Text.\n\n:::refelct\nWhat did you notice?\n")},
        [f"{A_MD}:13:1: error: unknown block ':::refelct' (did you mean 'reflect'?)"],
    ),
    Case(
        "unknown-block-closed",
        {"activities/a.md": act(body="Text.\n\n:::refelct\nWhat did you notice?\n:::\n")},
        [f"{A_MD}:13:1: error: unknown block ':::refelct' (did you mean 'reflect'?)"],
    ),
    Case(
        "unclosed-reflect-block",
        {"activities/a.md": act(body="Text.\n\n:::reflect\nWhat did you notice?\n\nMore text.")},
        [
            f"{A_MD}:13:1: error: the ':::reflect' block is never closed "
            "(add a line with only ':::' after its text)"
        ],
        cli=True,
    ),
    Case(
        "duplicate-key",
        {"activities/a.md": act(extra="title: Water play again")},
        [
            f"{A_MD}:9:1: error: field 'title' is written twice (first on line 3) "
            "(keep only one of them)"
        ],
    ),
    Case(
        "bad-status",
        {"activities/a.md": act(extra="status: publish")},
        [
            f"{A_MD}:9:1: error: 'status' must be one of draft, published, found 'publish' "
            "(did you mean 'published'?)"
        ],
    ),
    Case(
        "bad-updated-text",
        {"activities/a.md": act(extra="updated: last week")},
        [f"{A_MD}:9:1: error: 'updated' must be a date like 2026-10-14, found 'last week'"],
    ),
    Case(
        "bad-updated-impossible-date",
        {"activities/a.md": act(extra="updated: 2026-13-45")},
        [f"{A_MD}:9:1: error: 'updated' must be a date like 2026-10-14, found '2026-13-45'"],
    ),
    Case(
        "vocabulary-label-missing-warning",
        {
            "_vocabulary.yml": VocabularyEdit("{en: Senses, es: Sentidos}", "{en: Senses}"),
            "activities/a.md": act(),
        },
        [
            "content/_vocabulary.yml:11:1: warning: 'sensory' in 'areas' has no label in 'es'; "
            "the 'en' label is shown instead (add 'es: ...' to its label)"
        ],
        cli=True,
    ),
    Case(
        "language-suffix-not-a-site-language",
        {"activities/a.md": act(), "activities/a.fr.md": act(title="Jeu d'eau")},
        [
            "content/activities/a.fr.md:1:1: error: the file name ends in '.fr.md' but 'fr' is "
            "not a translation language of this site (site languages: en, es (the default, en, "
            "has no suffix))"
        ],
        cli=True,
    ),
    Case(
        "link-with-spaces-in-angle-brackets",
        {"activities/a.md": act(body="Then try the [sand kitchen](<sand kitchen.md>).")},
        [
            f"{A_MD}:11:30: error: the link 'sand kitchen.md' points to a file that does not "
            "exist (check the file name, its folder and its spelling)"
        ],
    ),
]

assert len({case.id for case in CASES}) == len(CASES), "case ids must be unique"


def params(cases):
    return [
        pytest.param(
            case, id=case.id, marks=[pytest.mark.xfail(strict=True, reason=f"BUG: {case.bug}")]
        )
        if case.bug
        else pytest.param(case, id=case.id)
        for case in cases
    ]


def write_case(project, case: Case, make_activity_text, vocabulary_text) -> None:
    for rel, data in case.files.items():
        path = project.content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, Act):
            data = make_activity_text(**data.fields)
        if isinstance(data, Outside):
            target = project.root / "outside.svg"
            target.write_text("<svg/>", encoding="utf-8")
            try:
                os.symlink(target, path)
            except OSError:
                pytest.skip("this file system has no symbolic links")
            continue
        if isinstance(data, VocabularyEdit):
            assert data.old in vocabulary_text
            data = vocabulary_text.replace(data.old, data.new)
        try:
            project.write(rel, data)
        except OSError:
            pytest.skip(f"this file system does not allow the name {rel!r}")
    on_disk = {
        p.relative_to(project.content).as_posix()
        for p in project.content.rglob("*")
        if p.is_file() or p.is_symlink()
    }
    if not set(case.files) <= on_disk:
        pytest.skip("this file system folds case or renames files")


@pytest.mark.parametrize("case", params(CASES))
def test_checker_reports_exactly(project, case, make_activity_text, vocabulary_text):
    write_case(project, case, make_activity_text, vocabulary_text)
    catalogue = project.check()
    assert [p.format() for p in catalogue.problems] == case.expected
    assert len(catalogue.errors) == sum(": error: " in line for line in case.expected)


def test_unknown_yaml_tag_is_a_problem_not_a_crash(project):
    """Any positioned error on the title's line will do; the wording is the product's choice."""
    project.activity("a.md", title="!important Water play")
    catalogue = project.check()
    assert [(p.path, p.line, p.is_error) for p in catalogue.problems] == [(A_MD, 3, True)]


def test_there_are_at_least_30_distinct_bad_inputs():
    assert len(CASES) >= 30


def shown_root(content: Path) -> str:
    """How the CLI names the content folder: relative to the working directory if inside it."""
    try:
        return str(content.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(content.resolve())


@pytest.mark.parametrize("case", params([case for case in CASES if case.cli]))
def test_cli_prints_the_same_problems(project, case, make_activity_text, vocabulary_text):
    write_case(project, case, make_activity_text, vocabulary_text)
    result = CliRunner().invoke(main, ["-f", str(project.config), "check"])
    root = shown_root(project.content)
    expected = [line.replace("content/", f"{root}/") for line in case.expected]
    assert result.stdout.splitlines() == expected
    errors = sum(": error: " in line for line in expected)
    warnings = len(expected) - errors
    assert result.exit_code == (1 if errors else 0)
    assert result.stderr.endswith(f"error(s), {warnings} warning(s).\n")
    assert f": {errors} error(s), " in result.stderr
