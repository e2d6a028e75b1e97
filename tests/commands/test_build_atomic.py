"""Real builds in tmp_path: the website in two languages, bundles, and atomic replacement.

Why: ``build/site`` and ``build/bundles`` are what gets published and copied onto USB sticks.
A build that fails (bad content, a broken edition, a crash) must leave the previous output
exactly as it was, byte for byte, and leave no staging folder behind.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from mochila.bundler import verify
from mochila.cli import main
from mochila.commands.mkdocs_run import EditionBuildError
from mochila.commands.orchestrate import BuildFailed, build_everything
from mochila.commands.parallel import WorkerBug
from mochila.commands.project import load_project

EPOCH = "1763596800"  # 2025-11-20 00:00 UTC
PROGRESS = re.compile(r"^\[\d+/\d+\] (website|bundle [a-z0-9-]+) \((en|es)\) built in \d+\.\d s$")


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the SHA-256 of its bytes (empty if it does not exist)."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def leftovers(output: Path) -> list[str]:
    return sorted(p.name for p in output.iterdir() if p.name not in ("site", "bundles"))


@pytest.fixture
def site_project(project, monkeypatch):
    """Three activities, one of them translated, one image; a fixed build date."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    project.write("activities/images/basin.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>')
    project.activity(
        "water-play.md",
        extra="tags: [water]\nrelated: [sand-play]",
        body="Pour water.\n\n![A basin](images/basin.svg)\n\nThen go to [sand play](sand-play.md).",
    )
    project.activity(
        "water-play.es.md",
        title="Juego con agua",
        summary="Los bebés vierten agua.",
        body="Vierta agua.\n\n:::reflect\n¿Qué notó?\n:::\n",
    )
    project.activity(
        "sand-play.md",
        id="sand-play",
        title="Sand play",
        audience="[educators]",
        age="{min: 24, max: 48}",
        areas="[motor]",
    )
    return project


def build(project, output: Path, *, bundles: bool = False, **options) -> list[str]:
    """Run ``build_everything`` and return what it echoed."""
    messages: list[str] = []
    options.setdefault("workers", 1)
    build_everything(
        load_project(project.config), output, bundles=bundles, echo=messages.append, **options
    )
    return messages


def test_site_build_in_two_languages(site_project, tmp_path):
    output = tmp_path / "build"
    messages = build(site_project, output)
    site = output / "site"
    assert messages[-1] == f"Website: {site}"
    assert all(PROGRESS.match(line) for line in messages[:-1]), messages
    assert len(messages) == 3  # one line per language, then where the website is
    for page in (
        "index.html",
        "es/index.html",
        "activities/water-play.html",
        "activities/sand-play.html",
        "activities/images/basin.svg",
        "es/activities/water-play.html",
        "catalogue.html",
        "es/catalogue.html",
    ):
        assert (site / page).is_file(), page
    # The Spanish site has only the Spanish translation; no Spanish sand-play exists.
    assert not (site / "es" / "activities" / "sand-play.html").exists()
    assert "Juego con agua" in (site / "es/activities/water-play.html").read_text("utf-8")
    assert "Water play" in (site / "activities/water-play.html").read_text("utf-8")
    assert not (output / "bundles").exists()
    assert leftovers(output) == []
    # mkdocs' own site_dir from mkdocs.yml is never used: everything goes to the output folder.
    assert not (site_project.root / "build").exists()
    assert os.environ["SOURCE_DATE_EPOCH"] == EPOCH


def test_a_rebuild_replaces_the_site(site_project, tmp_path):
    output = tmp_path / "build"
    build(site_project, output)
    before = tree(output / "site")
    site_project.activity(
        "sand-play.md",
        id="sand-play",
        title="Digging in sand",
        audience="[educators]",
        areas="[motor]",
    )
    build(site_project, output)
    after = tree(output / "site")
    assert after != before
    assert "Digging in sand" in (output / "site/activities/sand-play.html").read_text("utf-8")
    assert leftovers(output) == []


def test_content_error_leaves_the_previous_site_byte_identical(site_project, tmp_path):
    output = tmp_path / "build"
    build(site_project, output)
    before = tree(output / "site")
    assert before
    site_project.activity("water-play.md", areas="[motr]")
    with pytest.raises(BuildFailed) as failure:
        build(site_project, output)
    assert str(failure.value) == (
        "content/activities/water-play.md:8:1: error: unknown area 'motr' in 'areas' "
        "(did you mean 'motor'?)\n1 error(s): fix them and build again.\n"
        "Nothing was built; fix the content first ('mochila check' lists the same problems)."
    ).replace("content/", f"{_shown(site_project.content)}/")
    assert tree(output / "site") == before
    assert leftovers(output) == []


def test_cli_build_with_bad_content_exits_1_and_keeps_the_site(site_project, tmp_path):
    output = tmp_path / "build"
    args = ["-f", str(site_project.config), "build", "--site-only", "--output", str(output)]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert first.stdout.splitlines()[-1] == f"Website: {output / 'site'}"
    before = tree(output / "site")
    site_project.write("activities/broken.md", "")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "activities/broken.md:1:1: error: the file is empty" in result.stderr
    assert result.stderr.startswith("Error: ")
    assert tree(output / "site") == before
    assert leftovers(output) == []


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path.resolve())


def fail_edition(monkeypatch, name: str, lang: str, exc: Exception) -> list:
    """Make every ``build_edition`` the build layer calls raise ``exc`` for one edition.

    The build layer imports ``build_edition`` by name, so it is replaced in each module of
    ``mochila.commands`` that holds it. Keyed by edition (not by call count) so it also works when
    editions are built in forked worker processes. Returns the editions started in this process.
    """
    real = importlib.import_module("mochila.commands.mkdocs_run").build_edition
    calls: list = []

    def flaky(config_file, site_dir, context, *args, **kwargs):
        edition = context.edition
        calls.append((edition.kind, edition.name, edition.lang, Path(site_dir)))
        if (edition.name, edition.lang) == (name, lang):
            raise exc
        return real(config_file, site_dir, context, *args, **kwargs)

    # The one caller of build_edition: every edition, in process or in a worker, goes there.
    monkeypatch.setattr(
        importlib.import_module("mochila.commands.parallel"), "build_edition", flaky
    )
    return calls


def test_failure_in_the_second_edition_keeps_the_previous_site(site_project, tmp_path, monkeypatch):
    output = tmp_path / "build"
    build(site_project, output)
    before = tree(output / "site")
    # A change that would show in the output if anything were swapped in.
    site_project.activity("water-play.md", title="Water play, revised")
    calls = fail_edition(monkeypatch, "site", "es", EditionBuildError("the es edition broke"))
    with pytest.raises(BuildFailed) as failure:
        build(site_project, output)
    assert str(failure.value) == (
        f"the es edition broke\nThe previous build in {output} was left as it was."
    )
    assert [(kind, lang) for kind, _, lang, _ in calls] == [("site", "en"), ("site", "es")]
    staging = calls[0][3].parent
    assert staging.parent == output and staging.name.startswith(".staging-")
    assert not staging.exists()
    assert tree(output / "site") == before
    assert leftovers(output) == []


def test_failure_in_a_parallel_worker_keeps_the_previous_site(site_project, tmp_path, monkeypatch):
    output = tmp_path / "build"
    build(site_project, output)
    before = tree(output / "site")
    site_project.activity("water-play.md", title="Water play, revised")
    fail_edition(monkeypatch, "site", "es", EditionBuildError("the es edition broke"))
    with pytest.raises(BuildFailed, match="the es edition broke"):
        build(site_project, output, workers=2)
    assert tree(output / "site") == before
    assert leftovers(output) == []


def test_a_crash_mid_build_keeps_the_previous_site_and_the_environment(
    site_project, tmp_path, monkeypatch
):
    output = tmp_path / "build"
    build(site_project, output)
    before = tree(output / "site")
    site_project.activity("water-play.md", title="Water play, revised")
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    fail_edition(monkeypatch, "site", "es", RuntimeError("unexpected"))
    # A bug stays a traceback: not turned into a message for people.
    with pytest.raises(RuntimeError, match="unexpected"):
        build(site_project, output)
    assert tree(output / "site") == before
    assert leftovers(output) == []
    assert "SOURCE_DATE_EPOCH" not in os.environ


def test_a_bug_in_a_worker_keeps_its_traceback(site_project, tmp_path, monkeypatch):
    output = tmp_path / "build"
    build(site_project, output)
    before = tree(output / "site")
    fail_edition(monkeypatch, "site", "es", RuntimeError("unexpected"))
    with pytest.raises(WorkerBug) as failure:
        build(site_project, output, workers=2)
    message = str(failure.value)
    assert message.startswith(
        "building site failed in a worker:\nTraceback (most recent call last)"
    )
    assert "in flaky" in message and message.rstrip().endswith("RuntimeError: unexpected")
    assert tree(output / "site") == before
    assert leftovers(output) == []


def test_bundles_build_then_a_failing_bundle_keeps_site_and_bundles(
    site_project, tmp_path, monkeypatch
):
    output = tmp_path / "build"
    messages = build(site_project, output, bundles=True)
    bundles = output / "bundles"
    names = sorted(p.name for p in bundles.iterdir())
    assert names == [
        "SHA256SUMS",
        "mochila-families-es-2025-11-20.zip",
        "mochila-full-en-2025-11-20.zip",
    ]
    for name in names[1:]:
        report = verify(bundles / name)
        assert report.ok, report.problems
    website = messages.index(f"Website: {output / 'site'}")
    progress = messages[:website]
    assert all(PROGRESS.match(line) for line in progress), progress
    assert sorted(line.split(" built in ")[0].split("] ")[1] for line in progress) == [
        "bundle families-es (es)",
        "bundle full-en (en)",
        "website (en)",
        "website (es)",
    ]
    assert messages[website + 1] == "Bundles:"
    sums = (bundles / "SHA256SUMS").read_text(encoding="utf-8")
    for name in names[1:]:
        digest = hashlib.sha256((bundles / name).read_bytes()).hexdigest()
        assert f"{digest}  {name}" in sums

    site_before, bundles_before = tree(output / "site"), tree(bundles)
    site_project.activity("water-play.md", title="Water play, revised")
    calls = fail_edition(
        monkeypatch, "families-es", "es", EditionBuildError("bundle families-es broke")
    )
    with pytest.raises(BuildFailed, match="^bundle families-es broke\nThe previous build in "):
        build(site_project, output, bundles=True)
    assert ("bundle", "families-es") in [(kind, name) for kind, name, _, _ in calls]
    assert tree(output / "site") == site_before
    assert tree(bundles) == bundles_before
    assert leftovers(output) == []


def test_bundles_turned_off_build_the_website_only(site_project, tmp_path):
    config = site_project.config
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("  - mochila/bundles:\n", "  - mochila/bundles:\n      enabled: false\n"),
        encoding="utf-8",
    )
    output = tmp_path / "out"
    messages = build(site_project, output, bundles=True)
    assert (output / "site" / "index.html").is_file()
    assert not (output / "bundles").exists()
    assert not any(line.startswith("Bundles:") for line in messages)
