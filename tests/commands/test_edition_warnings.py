"""Empty or foreign editions are reported, and ``build`` shows the same warnings as ``check``.

Why: a bundle whose selection matches nothing (a misspelled audience, an age nobody wrote for)
or whose language has no home page still builds, and a coordinator would copy an empty or
half-foreign USB stick to fifty laptops. The build names the bundle, its selection and its
line in mkdocs.yml; ``--strict`` refuses. Content warnings (a vocabulary label falling back to
another language) must not be visible only to those who run ``check``: ``build`` prints each
of them once, not once per edition.
"""

from __future__ import annotations

from click.testing import CliRunner

from mochila.cli import main
from mochila.domain.edition import BUNDLE, SITE, Edition
from mochila.domain.edition_check import describe_selection, edition_problems
from mochila.domain.selection import Selection

BUNDLES = """\
  - mochila/bundles:
      bundles:
        - name: full-en
          language: en
        - name: teens-en
          language: en
          age: {min: 150, max: 216}
        - name: famlies-es
          language: es
          audience: [famlies]
"""


def _configure(project) -> dict[str, int]:
    """Declare the bundles above; return the line of each in mkdocs.yml."""
    text = project.config.read_text(encoding="utf-8")
    head, _, _ = text.partition("  - mochila/bundles:\n")
    text = head + BUNDLES
    project.config.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    return {
        name: lines.index(f"        - name: {name}") + 1
        for name in ("full-en", "teens-en", "famlies-es")
    }


def _content(project):
    project.activity("water-play.md")
    project.activity("water-play.es.md", title="Juego con agua")
    (project.content / "index.es.md").unlink()  # the Spanish bundle has no home page
    # 'educators' has no Spanish label: a content warning, shown by check and build alike.
    vocabulary = project.content / "_vocabulary.yml"
    text = vocabulary.read_text(encoding="utf-8")
    vocabulary.write_text(
        text.replace("{en: Educators, es: Educadores}", "{en: Educators}"), encoding="utf-8"
    )


def test_build_warns_about_empty_and_foreign_bundles_and_content_warnings(project, tmp_path):
    lines = _configure(project)
    _content(project)
    config = str(project.config)
    check = CliRunner().invoke(main, ["-f", config, "check"])
    assert check.exit_code == 0, check.output
    content_warnings = check.stdout.splitlines()
    assert content_warnings == [
        f"{project.content}/_vocabulary.yml:4:1: warning: 'educators' in 'audience' has no "
        "label in 'es'; the 'en' label is shown instead (add 'es: ...' to its label)"
    ]
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["-f", config, "build", "--output", str(out)])
    assert result.exit_code == 0, result.output
    printed = [line for line in result.stdout.splitlines() if ": warning: " in line]
    assert printed == content_warnings + [
        f"{config}:{lines['teens-en']}:1: warning: bundle 'teens-en' would be empty: no "
        "published 'en' activity matches its selection (age 150 to 216 months) (change the "
        "selection, or remove the bundle)",
        f"{config}:{lines['famlies-es']}:1: warning: bundle 'famlies-es' selects the audience "
        "'famlies', which is not in the vocabulary (did you mean 'families'?)",
        f"{config}:{lines['famlies-es']}:1: warning: bundle 'famlies-es' would be empty: no "
        "published 'es' activity matches its selection (audience famlies) (change the "
        "selection, or remove the bundle)",
        f"{config}:{lines['famlies-es']}:1: warning: bundle 'famlies-es' is in 'es', but the "
        "content has no home page in that language (index.es.md) (write index.es.md; until "
        "then the bundle opens on the 'en' home page)",
    ]
    assert (out / "site" / "index.html").is_file()


def test_strict_build_refuses_on_warnings_and_builds_nothing(project, tmp_path):
    _configure(project)
    _content(project)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["-f", str(project.config), "build", "--strict", "--output", str(out)]
    )
    assert result.exit_code == 1
    assert result.stdout.count(": warning: ") == 5
    assert "Error: 5 warning(s), and --strict makes them errors: nothing was built." in (
        result.output
    )
    assert not (out / "site").exists()


def test_clean_project_builds_strict(project, tmp_path):
    project.activity("water-play.md")
    project.activity("water-play.es.md", title="Juego con agua")
    result = CliRunner().invoke(
        main,
        [
            "-f",
            str(project.config),
            "build",
            "--strict",
            "--site-only",
            "--output",
            str(tmp_path / "out"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert ": warning: " not in result.output


# --- the domain rule ---------------------------------------------------------------------------


def test_describe_selection():
    assert describe_selection(Selection()) == "every published activity"
    assert (
        describe_selection(Selection(audience=("families",), tags=("water", "outdoor"), age_min=12))
        == "audience families; tags water, outdoor; age from 12 months"
    )
    assert describe_selection(Selection(age_max=24, include_restricted=True)) == (
        "age up to 24 months; facilitator-only activities included"
    )


def test_only_bundles_are_judged_and_a_matching_bundle_is_fine(project):
    project.activity("water-play.md")
    project.activity("water-play.es.md", title="Juego con agua")
    catalogue = project.check()
    site = Edition(SITE, "site", "en", Selection(age_min=200))  # never judged: the website
    fine = Edition(BUNDLE, "small", "es", Selection(audience=("families",), age_max=12))
    assert edition_problems([(site, 3), (fine, 7)], catalogue, "mkdocs.yml") == []
    restricted_only = Edition(BUNDLE, "x", "en", Selection(audience=("educators",)))
    (problem,) = edition_problems([(restricted_only, 9)], catalogue, "mkdocs.yml")
    assert problem.format().startswith("mkdocs.yml:9:1: warning: bundle 'x' would be empty")
