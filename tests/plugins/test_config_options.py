"""mkdocs.yml's Mochila options: one typed config per plugin, exact messages with the path.

Why: coordinators edit mkdocs.yml by hand. A mistake must be named where it is (the option's
path, and its line in the file) in words for people, every mistake at once, and the same for
``check``, ``build`` and ``serve``, never as a traceback. The bundle options are read from the
same classes mkdocs uses, so the build and mkdocs cannot disagree.
"""

from __future__ import annotations

import re

import pytest
from build_fixtures import REPO
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from mutations import ENCODINGS, encode, mutate, mutations

from mochila.cli import main
from mochila.commands.config_file import ConfigFileError, read_config_file
from mochila.plugins.activities.plugin import ActivitiesPlugin
from mochila.plugins.bundles.plugin import BundlesPlugin
from mochila.plugins.config_types import flatten

MONTHS = "expected a whole number of months from 0 to 216"
ID = "expected an id of lowercase letters, digits and single dashes, e.g. 'families-es'"


def errors(plugin_class, options) -> list[tuple[str, str]]:
    found, warnings = plugin_class().load_config(options)
    assert warnings == []
    return flatten(found)


# --- through each plugin's load_config -------------------------------------------------------


def test_valid_bundles_are_typed():
    plugin = BundlesPlugin()
    assert plugin.load_config(
        {"bundles": [{"name": "small", "language": "es", "age": {"min": 0, "max": 24}}]}
    ) == ([], [])
    (bundle,) = plugin.config.bundles
    assert (bundle.name, bundle.language, bundle.age.min, bundle.age.max) == ("small", "es", 0, 24)
    assert (bundle.title, bundle.audience, bundle.include_restricted) == ({}, [], False)


def test_age_given_as_text_names_the_item_and_the_key():
    assert errors(
        BundlesPlugin,
        {
            "bundles": [
                {"name": "a", "language": "en"},
                {"name": "b", "language": "en", "age": {"min": "12"}},
            ]
        },
    ) == [("bundles[1].age.min", f"{MONTHS}, found the text '12'")]


def test_every_mistake_is_reported_not_just_the_first():
    assert errors(
        BundlesPlugin,
        {
            "enable": False,
            "bundles": [
                {
                    "name": "Families ES",
                    "language": "english",
                    "title": "Families",
                    "audiance": ["families"],
                    "age": {"min": 300, "max": True},
                    "include_restricted": "yes",
                },
                {"language": "es"},
                "full-es",
            ],
        },
    ) == [
        ("bundles[0].name", f"{ID}, found the text 'Families ES'"),
        (
            "bundles[0].language",
            "expected a language code like 'en', 'es' or 'pt-BR', found the text 'english'",
        ),
        (
            "bundles[0].title",
            "expected one text per language, e.g. '{en: All activities}', "
            "found the text 'Families'",
        ),
        ("bundles[0].age.min", f"{MONTHS}, found the number 300"),
        ("bundles[0].age.max", f"{MONTHS}, found 'true' (yes/no)"),
        ("bundles[0].include_restricted", "expected true or false, found the text 'yes'"),
        ("bundles[0].audiance", "unknown option (did you mean 'audience'?)"),
        ("bundles[1].name", f"missing: write {ID[len('expected ') :]}"),
        ("bundles[2]", "expected options written as 'name: value' lines, found the text 'full-es'"),
        ("enable", "unknown option (did you mean 'enabled'?)"),
    ]


def test_cross_field_rules():
    assert errors(
        BundlesPlugin,
        {"bundles": [{"name": "a", "language": "en", "age": {"min": 48, "max": 12}}]},
    ) == [("bundles[0].age.min", "'min' (48) is greater than 'max' (12)")]
    assert errors(
        BundlesPlugin,
        {"bundles": [{"name": "a", "language": "en"}, {"name": "a", "language": "es"}]},
    ) == [("bundles[1].name", "'a' is already the name of bundles[0]")]
    assert errors(ActivitiesPlugin, {"languages": ["en", "es", "en"]}) == [
        ("languages[2]", "'en' is listed twice")
    ]
    assert errors(ActivitiesPlugin, {"languages": []}) == [
        ("languages", "expected at least one language code")
    ]


def test_wrong_types_in_the_activities_options():
    assert errors(ActivitiesPlugin, {"languages": "en", "license": 4, "enabled": "no"}) == [
        ("enabled", "expected true or false, found the text 'no'"),
        ("languages", "expected a list of language codes, e.g. [en, es], found the text 'en'"),
        ("license", "expected text, found the number 4"),
    ]


# --- the whole file, with lines ----------------------------------------------------------------

YAML = """\
site_name: Test
docs_dir: content
plugins:
  - search
  - mochila/activities:
      languages: [en, es]
  - mochila/bundles:
      bundles:
        - name: families-es
          language: es
          age: {min: "12"}
        - name: full-fr
          language: fr
"""


def test_file_errors_name_line_plugin_and_option():
    with pytest.raises(ConfigFileError) as caught:
        read_config_file(YAML.encode(), "mkdocs.yml")
    assert str(caught.value) == (
        f"mkdocs.yml:11: mochila/bundles option 'bundles[0].age.min': {MONTHS}, found the text '12'"
    )
    fixed = YAML.replace('age: {min: "12"}', "age: {min: 12}")
    with pytest.raises(ConfigFileError) as caught:
        read_config_file(fixed.encode(), "mkdocs.yml")
    assert str(caught.value) == (
        "mkdocs.yml:13: mochila/bundles option 'bundles[1].language': 'fr' is not a site "
        "language (the site languages are en, es)"
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            b"site_name: [x\n",
            "mkdocs.yml:2: not valid YAML: while parsing a flow sequence, "
            "expected ',' or ']', but got '<stream end>'",
        ),
        (
            b"site_name: x\x07\n",
            "mkdocs.yml:1: an invisible character (U+0007) that YAML does not allow: delete it",
        ),
        (
            b"site_name: \xff\xfe\n",
            "mkdocs.yml:1: the file is not saved as UTF-8 text (in your "
            "editor choose 'Save with encoding' > UTF-8)",
        ),
        (
            b"- a\n- b\n",
            "mkdocs.yml:1: expected settings written as 'name: value' lines, found a list",
        ),
        (
            b"plugins: 3\n",
            "mkdocs.yml:1: option 'plugins': expected a list of plugins, found the number 3",
        ),
        (
            b"plugins:\n  - [a]\n",
            "mkdocs.yml:2: option 'plugins[0]': expected a plugin name, or "
            "a name with its options, found a list",
        ),
        (
            b"plugins:\n  - mochila/bundles: [x]\n",
            "mkdocs.yml:2: plugin 'mochila/bundles': "
            "expected options written as 'name: value' "
            "lines, found a list",
        ),
        (
            b"docs_dir: 3\n",
            "mkdocs.yml:1: option 'docs_dir': expected a folder name, found the number 3",
        ),
        (b"a: " + b"[" * 2000 + b"\n", None),
        (
            b"site_name: x\nuse_directory_urls: !!bool maybe\n",
            "mkdocs.yml:2: a value cannot be read as its tag says ('maybe')",
        ),
    ],
)
def test_broken_files(data, expected):
    with pytest.raises(ConfigFileError) as caught:
        read_config_file(data, "mkdocs.yml")
    if expected is not None:
        assert str(caught.value) == expected
    assert str(caught.value).startswith("mkdocs.yml:")


# --- the same through every command -----------------------------------------------------------


@pytest.mark.parametrize("command", [["check"], ["build", "--site-only"], ["serve"]])
def test_commands_report_config_mistakes_and_exit_1(project, command, tmp_path):
    text = project.config.read_text(encoding="utf-8")
    marker = "          audience: [families]\n"
    assert marker in text
    text = text.replace(marker, marker + '          age: {min: "12"}\n')
    project.config.write_text(text, encoding="utf-8")
    line = text.splitlines().index('          age: {min: "12"}') + 1
    args = ["-f", str(project.config), *command]
    if command[0] == "build":
        args += ["--output", str(tmp_path / "out")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert result.output == (
        f"Error: {project.config}:{line}: mochila/bundles option 'bundles[1].age.min': "
        f"{MONTHS}, found the text '12'\n"
    )
    assert not (tmp_path / "out").exists()


def test_build_and_serve_report_mkdocs_own_config_mistakes(project, tmp_path):
    text = project.config.read_text(encoding="utf-8")
    project.config.write_text(text + "\nnav: 3\n", encoding="utf-8")
    for command in (["build", "--site-only", "--output", str(tmp_path / "out")], ["serve"]):
        result = CliRunner().invoke(main, ["-f", str(project.config), *command])
        assert result.exit_code == 1, result.output
        assert f"{project.config}: Config value 'nav': Expected nav to be a list, got a int: 3" in (
            result.output
        )
        assert "Traceback" not in result.output


# --- any bytes in mkdocs.yml --------------------------------------------------------------------


@settings(max_examples=300, deadline=None, database=None, derandomize=True)
@given(changes=st.lists(mutations, min_size=1, max_size=3), encoding=ENCODINGS)
def test_mutated_mkdocs_yml_is_read_or_refused_with_a_line(changes, encoding):
    """The repository's mkdocs.yml, mutated: read, or refused naming a line inside it."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    for change in changes:
        text = mutate(text, change)
    data = encode(text, encoding)
    try:
        read_config_file(data, "mkdocs.yml")
    except ConfigFileError as exc:
        count = data.count(b"\n") + data.count(b"\r") + 1
        for line in str(exc).splitlines():
            match = re.match(r"^mkdocs\.yml:(\d+): \S", line)
            assert match, line
            assert 1 <= int(match.group(1)) <= count, line
