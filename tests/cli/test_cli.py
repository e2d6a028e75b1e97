"""The ``mochila`` command through click's CliRunner: check, new and verify.

Why: the CLI is what authors and CI run; its exit codes and the exact shape of its output
(``path:line:col: severity: message (hint)``, one per line, or JSON) are what editors, CI and
people rely on. Every test passes ``-f <tmp>/mkdocs.yml``; nothing runs in the repository
except the read-only check of the repository's own content.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mochila.bundler.verify import DAMAGED_ZIP
from mochila.cli import main

REPO = Path(__file__).resolve().parents[2]
LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): (?P<msg>.+)$"
)
NEW_FLAGS = [
    "--summary",
    "Children pour water between cups and watch what floats.",
    "--audience",
    "families,educators",
    "--age",
    "24-48",
    "--duration",
    "20",
    "--areas",
    "sensory,motor",
    "--tags",
    "water",
]


def run(config: Path, *args: str):
    """Invoke ``mochila -f config ARGS``; a crash (not an exit) fails the test at once."""
    result = CliRunner().invoke(main, ["-f", str(config), *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path.resolve())


# --- check -------------------------------------------------------------------------------------


def test_check_clean_content_exits_0(project):
    project.activity("water-play.md")
    project.activity("water-play.es.md", title="Juego con agua")
    result = run(project.config, "check")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "5 files checked (2 activities): 0 error(s), 0 warning(s).\n"


@pytest.fixture
def broken(project):
    """Content with two errors in one file, one in another, and a warning."""
    project.activity("a.md", id="a", title="Same", duration="0", areas="[motr]")
    project.activity("b.md", id="b", title="B", body="See [x](nope.md).")
    project.activity("c.md", id="c", title="Same")
    project.activity("d.md", id="d", title="same")
    return project


def test_check_bad_content_prints_every_problem_and_exits_1(broken):
    result = run(broken.config, "check")
    assert result.exit_code == 1
    root = shown(broken.content)
    assert result.stdout.splitlines() == [
        f"{root}/activities/a.md:7:1: error: 'duration' must be between 1 and 600 minutes, "
        "found 0 (use a number from 1 to 600)",
        f"{root}/activities/a.md:8:1: error: unknown area 'motr' in 'areas' "
        "(did you mean 'motor'?)",
        f"{root}/activities/b.md:11:9: error: the link 'nope.md' points to a file that does "
        "not exist (check the file name, its folder and its spelling)",
        f"{root}/activities/d.md:3:1: warning: the title 'same' is also used by "
        f"{root}/activities/c.md (give each activity a title people can tell apart)",
    ]
    for line in result.stdout.splitlines():
        match = LINE.match(line)
        assert match, line
        assert Path(match["path"]).is_file()
    assert result.stderr == "7 files checked (4 activities): 3 error(s), 1 warning(s).\n"


def test_check_warning_passes_unless_strict(project):
    project.activity("a.md", id="a", title="Same")
    project.activity("b.md", id="b", title="Same")
    assert run(project.config, "check").exit_code == 0
    strict = run(project.config, "check", "--strict")
    assert strict.exit_code == 1
    assert strict.stdout.count(": warning: ") == 1
    assert strict.stderr == "5 files checked (2 activities): 0 error(s), 1 warning(s).\n"


def test_check_json_has_the_same_findings_as_text(broken):
    text = run(broken.config, "check")
    result = run(broken.config, "check", "--format", "json")
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert {k: v for k, v in payload.items() if k != "problems"} == {
        "ok": False,
        "errors": 3,
        "warnings": 1,
        "files": 7,
        "activities": 4,
    }
    as_text = [
        f"{p['path']}:{p['line']}:{p['col']}: {p['severity']}: {p['message']}"
        + (f" ({p['hint']})" if p["hint"] else "")
        for p in payload["problems"]
    ]
    assert as_text == text.stdout.splitlines()
    assert set(payload["problems"][0]) == {"path", "line", "col", "severity", "message", "hint"}


def test_check_json_on_clean_content_and_strict_warning(project):
    project.activity("a.md", id="a", title="Same")
    clean = json.loads(run(project.config, "check", "--format", "json").stdout)
    assert clean == {
        "ok": True,
        "errors": 0,
        "warnings": 0,
        "files": 4,
        "activities": 1,
        "problems": [],
    }
    project.activity("b.md", id="b", title="Same")
    result = run(project.config, "check", "--format", "json", "--strict")
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert (payload["ok"], payload["errors"], payload["warnings"]) == (False, 0, 1)


def test_check_another_folder(project, tmp_path):
    other = tmp_path / "elsewhere"
    (other / "activities").mkdir(parents=True)
    (other / "_vocabulary.yml").write_text(
        (project.content / "_vocabulary.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (other / "activities" / "a.md").write_text("no front matter\n", encoding="utf-8")
    result = run(project.config, "check", str(other))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{shown(other)}/activities/a.md:1:1: error: this activity ")


def test_check_path_that_is_not_a_folder(project, tmp_path):
    result = run(project.config, "check", str(tmp_path / "nowhere"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'nowhere'} is not a folder\n"


def test_missing_config_file_is_a_clear_error(tmp_path):
    result = run(tmp_path / "mkdocs.yml", "check")
    assert result.exit_code == 1
    assert f"{tmp_path / 'mkdocs.yml'} not found" in result.stderr
    assert "--config-file path/to/mkdocs.yml" in result.stderr


def test_check_never_writes_anything(broken):
    before = sorted(p for p in broken.root.rglob("*"))
    run(broken.config, "check")
    run(broken.config, "check", "--format", "json")
    assert sorted(p for p in broken.root.rglob("*")) == before


# --- new ---------------------------------------------------------------------------------------


def test_new_with_all_flags_round_trips_through_check(project):
    result = run(project.config, "new", "Exploración del agua", *NEW_FLAGS)
    assert result.exit_code == 0, result.output
    target = project.content / "activities" / "exploracion-del-agua.md"
    assert result.stdout == (
        f"Created {shown(target)}. Next: write the steps, then run 'mochila check'.\n"
    )
    assert target.is_file()
    check = run(project.config, "check")
    assert check.exit_code == 0, check.stdout
    assert check.stdout == ""
    [activity] = project.check().activities
    assert (activity.id, activity.title) == ("exploracion-del-agua", "Exploración del agua")
    assert activity.summary == "Children pour water between cups and watch what floats."
    assert (activity.audience, activity.areas, activity.tags) == (
        ["families", "educators"],
        ["sensory", "motor"],
        ["water"],
    )
    assert (activity.age_min, activity.age_max, activity.duration) == (24, 48, 20)


@pytest.mark.parametrize(
    ("title", "file_name"),
    [
        ("Canción de cuna", "cancion-de-cuna.md"),
        ("¿Qué hay en la caja?", "que-hay-en-la-caja.md"),
        ("Ñandú: juego", "nandu-juego.md"),
    ],
)
def test_new_folds_accents_in_the_file_name(project, title, file_name):
    result = run(project.config, "new", title, *NEW_FLAGS)
    assert result.exit_code == 0, result.output
    assert [p.name for p in (project.content / "activities").iterdir()] == [file_name]
    assert run(project.config, "check").exit_code == 0


def test_new_refuses_an_existing_id_and_leaves_the_file_alone(project):
    assert run(project.config, "new", "Water play", *NEW_FLAGS).exit_code == 0
    target = project.content / "activities" / "water-play.md"
    target.write_text(target.read_text(encoding="utf-8") + "\nMy own steps.\n", encoding="utf-8")
    before = target.read_bytes()
    result = run(project.config, "new", "Water play", *NEW_FLAGS)
    assert result.exit_code == 1
    assert result.stderr == "Error: an activity with the id 'water-play' already exists\n"
    assert target.read_bytes() == before


def test_new_never_overwrites_a_file_even_one_that_does_not_check(project):
    target = project.write("activities/water-play.md", "half-written notes, no front matter\n")
    before = target.read_bytes()
    result = run(project.config, "new", "Water play", *NEW_FLAGS)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {shown(target)} already exists; it was left untouched "
        "(choose another title, or edit that file)\n"
    )
    assert target.read_bytes() == before


def test_new_translation_is_written_beside_the_original_with_the_same_id(project):
    project.activity("nested/water-play.md", extra="tags: [water, outdoor]")
    result = run(
        project.config,
        "new",
        "Juego con agua",
        "--lang",
        "es",
        "--translation-of",
        "water-play",
        "--summary",
        "Los bebés vierten agua y miran qué flota.",
    )
    assert result.exit_code == 0, result.output
    target = project.content / "activities" / "nested" / "water-play.es.md"
    assert target.is_file()
    assert run(project.config, "check").exit_code == 0
    translation = project.check().find("es", "water-play")
    assert translation.path == "activities/nested/water-play.es.md"
    assert translation.title == "Juego con agua"
    # Fields not given are taken from the original.
    assert (translation.audience, translation.areas, translation.tags) == (
        ["families"],
        ["sensory"],
        ["water", "outdoor"],
    )
    assert (translation.age_min, translation.age_max, translation.duration) == (6, 36, 20)
    assert "## Paso a paso" in target.read_text(encoding="utf-8")


def test_new_translation_of_an_unknown_id(project):
    project.activity("water-play.md")
    result = run(
        project.config,
        "new",
        "X",
        "--lang",
        "es",
        "--translation-of",
        "water-pley",
        "--summary",
        "s",
    )
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: no activity has the id 'water-pley' in 'en' (did you mean 'water-play'?)\n"
    )
    assert sorted(p.name for p in (project.content / "activities").iterdir()) == ["water-play.md"]


def test_new_translation_needs_another_language(project):
    project.activity("water-play.md")
    result = run(project.config, "new", "X", "--translation-of", "water-play", "--summary", "s")
    assert result.exit_code == 1
    assert result.stderr == "Error: a translation needs --lang with another site language\n"


def test_new_in_a_language_that_is_not_a_site_language(project):
    result = run(project.config, "new", "Jeu", "--lang", "fr", *NEW_FLAGS)
    assert result.exit_code == 1
    assert result.stderr == "Error: 'fr' is not a site language: use one of en, es\n"


@pytest.mark.parametrize(
    ("left_out", "message"),
    [
        ("--summary", "missing --summary: Summary (one or two plain sentences)"),
        ("--audience", "missing --audience: Audience, comma-separated (families, educators)"),
        ("--age", "missing --age: Age in months, MIN-MAX (e.g. 24-48)"),
        ("--duration", "missing --duration: Duration in minutes (1-600)"),
        (
            "--areas",
            "missing --areas: Development areas, comma-separated (motor, language, sensory)",
        ),
    ],
)
def test_new_without_a_tty_names_the_missing_flag(project, left_out, message):
    index = NEW_FLAGS.index(left_out)
    flags = NEW_FLAGS[:index] + NEW_FLAGS[index + 2 :]
    result = run(project.config, "new", "Water play", *flags)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {message}\n"
    assert list((project.content / "activities").iterdir()) == []


@pytest.mark.parametrize(
    ("age", "message"),
    [
        ("abc", "write the age in months as MIN-MAX, e.g. 24-48"),
        ("24", "write the age in months as MIN-MAX, e.g. 24-48"),
        ("1-2-3", "write the age in months as MIN-MAX, e.g. 24-48"),
        ("48-24", "use months from 0 to 216, the smaller number first"),
        ("0-300", "use months from 0 to 216, the smaller number first"),
    ],
)
def test_new_bad_age_is_a_usage_error(project, age, message):
    result = run(project.config, "new", "Water play", "--age", age)
    assert result.exit_code == 2
    assert f"Error: Invalid value for '--age': {message}\n" in result.stderr
    assert "Usage: " in result.stderr
    assert list((project.content / "activities").iterdir()) == []


def test_new_accepts_an_en_dash_in_the_age(project):
    flags = list(NEW_FLAGS)
    flags[flags.index("24-48")] = "24–48"
    assert run(project.config, "new", "Water play", *flags).exit_code == 0
    assert project.check().activities[0].age_max == 48


@pytest.mark.parametrize("duration", ["0", "601", "ten"])
def test_new_bad_duration_is_a_usage_error(project, duration):
    flags = list(NEW_FLAGS)
    flags[flags.index("20")] = duration
    result = run(project.config, "new", "Water play", *flags)
    assert result.exit_code == 2
    assert "Invalid value for '--duration'" in result.stderr


def test_new_unknown_vocabulary_id(project):
    flags = list(NEW_FLAGS)
    flags[flags.index("sensory,motor")] = "sensory,motr"
    result = run(project.config, "new", "Water play", *flags)
    assert result.exit_code == 1
    assert result.stderr == "Error: unknown area 'motr' (did you mean 'motor'?)\n"
    assert list((project.content / "activities").iterdir()) == []


def test_new_title_without_letters(project):
    result = run(project.config, "new", "¿¡!?", *NEW_FLAGS)
    assert result.exit_code == 1
    assert result.stderr == "Error: the title needs at least one letter or digit\n"


def test_new_in_the_second_language_without_an_original_is_refused(project):
    result = run(project.config, "new", "Juego de sombras", "--lang", "es", *NEW_FLAGS)
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: an activity starts in the site's first language ('en'); to write it in 'es', "
        "first create the original, then run 'mochila new \"...\" --lang es --translation-of ID'\n"
    )
    assert list((project.content / "activities").iterdir()) == []


def test_new_with_a_too_long_title_is_refused(project):
    result = run(project.config, "new", "Water " * 21 + "play", *NEW_FLAGS)
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: the new activity would not pass 'mochila check', so it was not written:\n"
        "  'title' must be 1 to 120 characters long, found 130 (shorten it)\n"
    )
    assert list((project.content / "activities").iterdir()) == []


# --- verify ------------------------------------------------------------------------------------


def test_verify_a_garbage_file_exits_1(tmp_path):
    garbage = tmp_path / "mochila-full-en.zip"
    garbage.write_bytes(b"this is not a zip file\n" * 10)
    result = CliRunner().invoke(main, ["verify", str(garbage)])
    assert result.exit_code == 1
    assert result.stdout == f"- {DAMAGED_ZIP}\n1 problem found: {DAMAGED_ZIP}\n"


def test_verify_an_empty_folder_exits_1(tmp_path):
    result = CliRunner().invoke(main, ["verify", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stdout.startswith("- ")
    assert "1 problem found: " in result.stdout


def test_verify_a_path_that_does_not_exist_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["verify", str(tmp_path / "nope.zip")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


# --- real content ------------------------------------------------------------------------------


def test_the_repository_content_checks_clean():
    result = run(REPO / "mkdocs.yml", "check", "--format", "json")
    payload = json.loads(result.stdout)
    assert [p for p in payload["problems"] if p["severity"] == "error"] == []
    assert payload["errors"] == 0
    assert payload["activities"] > 0
    assert result.exit_code == 0
    text = run(REPO / "mkdocs.yml", "check")
    assert text.exit_code == 0
    assert f": {payload['errors']} error(s), " in text.stderr


def _load_gen_corpus():
    script = REPO / "scripts" / "gen_corpus.py"
    if not script.is_file():
        pytest.skip("scripts/gen_corpus.py does not exist")
    name = "mochila_tests_gen_corpus"  # not 'gen_corpus', which test_gen_corpus.py registers
    spec = importlib.util.spec_from_file_location(name, script)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_a_generated_corpus_of_100_activities_checks_clean(project, tmp_path):
    gen = _load_gen_corpus()
    corpus = tmp_path / "corpus"
    gen.generate(corpus, n=100, seed=7)
    config = tmp_path / "corpus.yml"
    config.write_text(
        project.config.read_text(encoding="utf-8").replace(
            "docs_dir: content", f"docs_dir: {corpus}"
        ),
        encoding="utf-8",
    )
    result = run(config, "check", "--format", "json")
    payload = json.loads(result.stdout)
    assert payload["problems"] == []
    assert payload["activities"] == 200  # 100 in English, 100 translations
    assert result.exit_code == 0
