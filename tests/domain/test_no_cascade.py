"""Errors do not cascade: one mistake is reported once, in the file that has it.

Why: an educator who breaks one activity must not be sent to fix valid files that name it
(a false "does not exist"), nor be told "did you mean" the page they are editing, and the
summary must count every file it read, broken ones included.
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from mochila.cli import main


def formatted(catalogue):
    return [p.format() for p in catalogue.problems]


def test_related_activity_with_an_error_is_not_reported_missing(project):
    project.activity("sand-play.md", id="sand-play", title="Sand play", duration="0")
    project.activity("water-play.md", extra="related: [sand-play]")
    assert formatted(project.check()) == [
        "content/activities/sand-play.md:7:1: error: 'duration' must be between 1 and 600 "
        "minutes, found 0 (use a number from 1 to 600)"
    ]


def test_related_activity_whose_front_matter_is_unreadable_is_named_by_its_file_only(project):
    project.write("activities/sand-play.md", "---\nid: sand-play\ntitle: [unclosed\n---\n\nx\n")
    project.activity("water-play.md", extra="related: [sand-play]")
    problems = formatted(project.check())
    assert all(p.startswith("content/activities/sand-play.md:") for p in problems), problems
    assert len(problems) == 1


def test_link_to_an_activity_with_an_error_is_not_reported(project):
    project.activity("sand-play.md", id="sand-play", title="Sand play", areas="[motr]")
    project.activity("water-play.md", body="Then try [sand](sand-play.md).")
    assert [p.path for p in project.check().problems] == ["content/activities/sand-play.md"]


def test_a_really_missing_related_activity_is_still_an_error(project):
    project.activity("water-play.md", extra="related: [sand-play]")
    assert formatted(project.check()) == [
        "content/activities/water-play.md:9:1: error: related activity 'sand-play' does not "
        "exist (use the 'id:' written in that activity's file)"
    ]


def test_did_you_mean_never_suggests_the_page_itself(project):
    # 'water-plays' is closest to the page's own id; the only other id is far from it.
    project.activity("water-play.md", extra="related: [water-plays]")
    project.activity("mud.md", id="mud", title="Mud")
    (problem,) = project.check().problems
    assert "water-play'" not in problem.hint
    assert problem.hint == "use the 'id:' written in that activity's file"


def test_link_did_you_mean_never_suggests_the_page_itself(project):
    project.activity("water-play.md", body="See [this](water-plays.md).")
    (problem,) = project.check().problems
    assert "water-play.md" not in problem.hint, problem.format()


def test_summary_counts_every_file_read_broken_ones_too(project):
    project.activity("a.md", id="a", title="A")
    project.write("activities/b.md", "---\nid: b\ntitle: [\n---\n")
    project.write("activities/c.md", b"\xff\xfe not text")
    project.write("_locales/es.yml", "read_in: Leer en español\n")
    result = CliRunner().invoke(main, ["-f", str(project.config), "check", "--format", "json"])
    payload = json.loads(result.stdout)
    # index.md, index.es.md, _vocabulary.yml, _locales/es.yml and the three activities
    assert (payload["files"], payload["activities"], payload["errors"]) == (7, 3, 2)
    text = CliRunner().invoke(main, ["-f", str(project.config), "check"])
    assert text.stderr == "7 files checked (3 activities): 2 error(s), 0 warning(s).\n"
    assert text.exit_code == 1


# --- the site's own UI strings -----------------------------------------------------------------


def test_locale_file_problems_have_their_line(project):
    project.write(
        "_locales/es.yml",
        "read_in: Leer en español\n"
        "minutes: '{n} min {x}'\n"
        "edition_line: 'Edición {edition'\n"
        "age: [Edad]\n"
        "reed_in: typo\n",
    )
    assert formatted(project.check()) == [
        "content/_locales/es.yml:2:1: error: the text of 'minutes' cannot be filled in: '{x}' "
        "is not a placeholder of this text (placeholders here: {n}) (the English text is "
        "'{n} min')",
        "content/_locales/es.yml:3:1: error: the text of 'edition_line' cannot be filled in: "
        "a '{' or '}' has no partner (placeholders here: {count}, {edition}; write '{{' for a "
        "brace) (the English text is 'Edition {edition} · {count} activities')",
        "content/_locales/es.yml:4:1: error: 'age' must be text (write it in quotes)",
        "content/_locales/es.yml:5:1: warning: 'reed_in' is not a UI string Mochila shows "
        "(did you mean 'read_in'?)",
    ]


def test_locale_file_with_a_control_character_or_bad_yaml(project):
    project.write("_locales/es.yml", "read_in: Leer\x0b en español\n")
    assert formatted(project.check()) == [
        "content/_locales/es.yml:1:14: error: the UI strings file contains an invisible "
        "character (U+000B) that is not allowed here (delete it, or retype the text around it; "
        "word processors paste such characters unseen)"
    ]
    project.write("_locales/es.yml", "read_in: 'Leer\n")
    (problem,) = project.check().problems
    assert problem.path == "content/_locales/es.yml" and problem.line >= 1


def test_broken_locale_file_never_breaks_loading_strings(project):
    from mochila.domain.strings import load_strings

    for text in ("[a, b]\n", "read_in: '{\n", "minutes: '{n!r:>{x}}'\n", "\x07"):
        project.write("_locales/es.yml", text)
        strings = load_strings("es", project.content / "_locales")
        assert strings.format("minutes", n=3) in ("3 min",)


# --- what word processors and odd YAML put in front matter ------------------------------------


def test_control_character_in_front_matter_is_located(project):
    project.activity("a.md", title="Water\x0bplay")
    assert formatted(project.check()) == [
        "content/activities/a.md:3:13: error: front matter contains an invisible character "
        "(U+000B) that is not allowed here (delete it, or retype the text around it; word "
        "processors paste such characters unseen)"
    ]


def test_line_separator_in_front_matter_keeps_later_lines_right(project):
    # YAML would count U+2028 as a line break and shift every later line number by one.
    project.activity("a.md", summary="Pour\u2028water.", duration="0")
    assert [p.line for p in project.check().problems] == [4]


def test_tagged_value_yaml_cannot_build_is_read_as_its_text(project):
    project.activity("a.md", extra="tags: !!bool maybe\nupdated: !!timestamp soon")
    assert formatted(project.check()) == [
        "content/activities/a.md:9:1: error: unknown tag 'maybe' in 'tags' (choose one of: "
        "outdoor, water)",
        "content/activities/a.md:10:1: error: 'updated' must be a date like 2026-10-14, found "
        "'soon'",
    ]


def test_locale_file_with_a_value_yaml_cannot_build_is_reported_not_raised(project):
    project.write("_locales/es.yml", "read_in: 2026-13-45\nminutes: !!bool maybe\n")
    problems = project.check().problems
    assert [p.path for p in problems] == ["content/_locales/es.yml"] * len(problems)
