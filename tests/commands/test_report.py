"""``mochila report`` against a generated corpus whose counts the test works out itself.

The corpus (``scripts/gen_corpus.py``) is edited so every list of the report has something in
it: translations deleted, one translation dated before its original, one original committed
after its translation (no ``updated`` in either), a duplicate title and an unused tag. The
expected numbers come from the files' front matter read with PyYAML and the facet rules
restated in ``tests/e2e/support.py``, never from Mochila's own code.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import build_fixtures
import pytest
import yaml
from click.testing import CliRunner
from e2e.support import age_bands, duration_band, in_bundle

from mochila.cli import main
from mochila.commands.project import load_project
from mochila.commands.report import make_report

sample_project = build_fixtures.sample_project
sample_build = build_fixtures.sample_build

N = 40
LATER = "2026-12-01T12:00:00+00:00"


def _front(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _edit_front(path: Path, change) -> None:
    text = path.read_text(encoding="utf-8")
    head, sep, body = text[4:].partition("\n---\n")
    path.write_text("---\n" + change(head) + sep + body, encoding="utf-8")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict:
    """The edited generated project and what the test did to it."""
    root = tmp_path_factory.mktemp("report") / "project"
    done: dict = {}

    def edit(root: Path) -> None:
        content = root / "content"
        shutil.rmtree(content)
        build_fixtures.load_gen_corpus().generate(content, n=N, seed=3)
        sources = build_fixtures.read_activities(content)
        originals = sorted(
            (s for s in sources if s.lang == "en" and s.is_public), key=lambda s: s.id
        )
        by_key = {(s.slug, s.lang): s for s in sources}
        missing, by_date, by_git, newer = originals[:3], originals[3], originals[4], originals[5]
        for source in missing:
            by_key[source.slug, "es"].path.unlink()
        _edit_front(
            by_key[by_date.slug, "es"].path,
            lambda head: re.sub(r"^updated: .*$", "updated: 2020-01-01", head, flags=re.M),
        )
        # by_git's original is committed again later; same_time's files only once, together.
        for lang, source in [(lang, s) for lang in ("en", "es") for s in (by_git, originals[8])]:
            _edit_front(
                by_key[source.slug, lang].path,
                lambda head: re.sub(r"^updated: .*(\n|$)", "", head, flags=re.M),
            )
        # The translation says it is newer: 'updated' decides, whatever git says.
        _edit_front(
            by_key[newer.slug, "es"].path,
            lambda head: re.sub(r"^updated: .*$", "updated: 2030-01-01", head, flags=re.M),
        )
        twin_a, twin_b = originals[6], originals[7]
        twin_title = by_key[twin_a.slug, "es"].title
        _edit_front(
            by_key[twin_b.slug, "es"].path,
            lambda head: re.sub(r"^title: .*$", f"title: {twin_title}", head, flags=re.M),
        )
        with (content / "_vocabulary.yml").open("a", encoding="utf-8") as out:
            out.write("  - id: never-used\n    label: {en: Never used, es: Nunca usado}\n")
        done.update(
            missing={s.id for s in missing},
            by_date=by_date.id,
            by_git=by_git.id,
            git_paths=[by_key[by_git.slug, "en"].path, by_key[newer.slug, "en"].path],
            twins={by_key[twin_a.slug, "es"].path.name, by_key[twin_b.slug, "es"].path.name},
            twin_title=twin_title,
        )

    project = build_fixtures.copy_sample_project(root, edit)
    # A later commit changes two originals: one without 'updated' (possibly out of date by
    # git), one whose translation's 'updated' is later (not out of date).
    for path in done["git_paths"]:
        with path.open("a", encoding="utf-8") as out:
            out.write("\nOne more sentence for the later commit.\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_AUTHOR_DATE=LATER, GIT_COMMITTER_DATE=LATER)
    for args in (["add", "-A"], ["commit", "-q", "-m", "Revise two originals"]):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=project.root,
            env=env,
            check=True,
            capture_output=True,
        )
    report = make_report(load_project(project.config_file), root.parent / "no-build")
    return {"project": project, "report": report, **done}


def _cells(heatmap: dict) -> dict[tuple[str, str], int]:
    return {
        (row["id"], column["id"]): heatmap["counts"][r][c]
        for r, row in enumerate(heatmap["rows"])
        for c, column in enumerate(heatmap["columns"])
    }


def test_heatmaps_count_each_published_activity_in_every_band_and_area(corpus):
    sources = corpus["project"].activities()
    originals = [s for s in sources if s.lang == "en" and not s.is_draft]
    age_area, audience_duration = Counter(), Counter()
    for source in originals:
        for band in age_bands(source.meta):
            for area in source.values("areas"):
                age_area[band, area] += 1
        for audience in source.values("audience"):
            audience_duration[audience, duration_band(source.meta)] += 1
    report = corpus["report"]
    assert report["totals"]["activities"] == len(originals)
    cells = _cells(report["heatmaps"]["age_area"])
    assert {k: v for k, v in cells.items() if v} == dict(age_area)
    assert sum(cells.values()) == sum(age_area.values()) > len(originals)
    assert {k: v for k, v in _cells(report["heatmaps"]["audience_duration"]).items() if v} == (
        dict(audience_duration)
    )
    assert report["totals"]["drafts"] == sum(s.is_draft for s in sources) > 0
    assert report["totals"]["restricted"] == sum(s.is_restricted for s in originals) > 0


def test_translation_coverage_missing_and_possibly_out_of_date(corpus):
    sources = corpus["project"].activities()
    total = sum(s.lang == "en" and not s.is_draft for s in sources)
    cover = corpus["report"]["translations"]["es"]
    assert cover["total"] == total
    assert cover["translated"] == total - 3
    assert cover["percent"] == round(100 * (total - 3) / total, 1)
    assert {a["id"] for a in cover["missing"]} == corpus["missing"]
    outdated = {a["id"]: a for a in cover["possibly_outdated"]}
    assert set(outdated) == {corpus["by_date"], corpus["by_git"]}
    assert outdated[corpus["by_date"]]["reason"] == "updated"
    assert outdated[corpus["by_date"]]["translation_date"] == "2020-01-01"
    assert outdated[corpus["by_git"]]["reason"] == "git"


def test_editions_and_activities_in_no_bundle(corpus):
    project = corpus["project"]
    sources = project.activities()
    bundles = project.bundles()
    report = corpus["report"]
    assert [e["name"] for e in report["editions"]] == [b["name"] for b in bundles]
    for edition, bundle in zip(report["editions"], bundles, strict=True):
        chosen = [s for s in sources if s.lang == bundle["language"] and in_bundle(s, bundle)]
        assert edition["activities"] == len(chosen) > 0
        assert edition["heatmap"]["activities"] == len(chosen)
        assert edition["built"] is None  # nothing was built into this output folder
    for lang in ("en", "es"):
        mine = [b for b in bundles if b["language"] == lang]
        expected = {
            s.id
            for s in sources
            if s.lang == lang and not s.is_draft and not any(in_bundle(s, b) for b in mine)
        }
        assert {a["id"] for a in report["in_no_bundle"][lang]} == expected
    # The sample's bundles leave facilitator-only English activities out.
    assert report["in_no_bundle"]["en"]


def test_content_health(corpus):
    sources = corpus["project"].activities()
    originals = [s for s in sources if s.lang == "en" and not s.is_draft]
    health = corpus["report"]["health"]
    no_prompts = {
        s.id
        for s in originals
        if not s.prompts("before") and not s.prompts("after") and not s.blocks("reflect")
    }
    assert {a["id"] for a in health["no_reflection"]} == no_prompts
    assert {a["id"] for a in health["no_materials"]} == {
        s.id for s in originals if not s.values("materials")
    }
    assert no_prompts or health["no_materials"]  # the corpus exercises at least one list
    assert len(health["drafts"]) == sum(s.is_draft for s in sources)
    assert {a["id"] for a in health["restricted"]} == {s.id for s in originals if s.is_restricted}
    dated = sorted(str(s.meta["updated"]) for s in originals if "updated" in s.meta)
    assert [a["updated"] for a in health["oldest_updated"]] == dated[:10]
    assert health["without_updated"] == 2
    [twins] = health["duplicate_titles"]
    assert twins["lang"] == "es" and twins["title"] == corpus["twin_title"]
    assert {Path(p).name for p in twins["paths"]} == corpus["twins"]
    vocabulary = yaml.safe_load((corpus["project"].content / "_vocabulary.yml").read_text())
    used = {kind: set() for kind in ("audience", "areas", "tags")}
    for source in sources:
        if not source.is_draft:
            for kind in used:
                used[kind].update(source.values(kind))
    for kind in used:
        expected = [t["id"] for t in vocabulary[kind] if t["id"] not in used[kind]]
        assert health["unused_vocabulary"][kind] == expected
    assert "never-used" in health["unused_vocabulary"]["tags"]


def test_report_command_writes_html_and_json(corpus, tmp_path):
    project = corpus["project"]
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["-f", str(project.config_file), "report", "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "3 possibly out of date" not in result.output
    assert "2 possibly out of date" in result.output
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert data["schema"] == "mochila-report/1"
    assert data["heatmaps"] == corpus["report"]["heatmaps"]
    html = (out / "report.html").read_text(encoding="utf-8")
    # Self-contained: no script, no link or image to fetch, no address at all.
    assert not re.search(r"<script|<link|<img|src=|https?:|url\(", html)
    assert html.count('<svg class="heatmap"') == 2 + len(data["editions"])
    # Every count of the main heatmap is written in its cell.
    first = html.split('<svg class="heatmap"')[1]
    cells = re.findall(r'text-anchor="middle" fill="[^"]+">(\d+)</text>', first)
    assert [int(n) for n in cells] == [
        n for row in data["heatmaps"]["age_area"]["counts"] for n in row
    ]

    printed = CliRunner().invoke(
        main, ["-f", str(project.config_file), "report", "--format", "json"]
    )
    assert printed.exit_code == 0
    assert json.loads(printed.output) == data


def test_report_describes_the_last_build(sample_project, sample_build):
    report = make_report(load_project(sample_project.config_file), sample_build.output)
    for edition in report["editions"]:
        built = edition["built"]
        zip_path = sample_build.bundle_zip(edition["name"])
        assert built["zip_bytes"] == zip_path.stat().st_size
        assert built["edition"] == sample_build.edition
        assert built["unzipped_bytes"] > built["zip_bytes"]


def test_report_refuses_content_with_errors(tmp_path):
    project = build_fixtures.copy_sample_project(tmp_path / "p", commit=False)
    bad = project.content / "activities" / "water-play.md"
    bad.write_text(bad.read_text(encoding="utf-8").replace("areas:", "aeras:", 1), "utf-8")
    result = CliRunner().invoke(main, ["-f", str(project.config_file), "report"])
    assert result.exit_code == 1
    assert "water-play.md" in result.output and "fix the content first" in result.output
