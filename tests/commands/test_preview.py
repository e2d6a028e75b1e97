"""The live preview's builder: a full build first, then only what changed, search kept whole."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
import search_index
from chromium_launch import CHROMIUM, CHROMIUM_ARGS, missing_chromium_reason
from conftest import MKDOCS_YML, REPO

from mochila.commands.preview import PreviewBuilder
from mochila.commands.project import load_project


def _index_locations(site) -> set[str]:
    return {row[0] for row in search_index.documents(site)}


def test_preview_rebuilds_an_edited_activity_and_keeps_search_whole(project, tmp_path):
    project.activity("water-play.md", body="Pour water.\n\n## Getting ready\n\nFind a basin.\n")
    project.activity("sand-play.md", id="sand-play", title="Sand play", body="Dig in the sand.\n")
    project.activity(
        "rain.md", id="rain", title="Rain sounds", extra="status: draft", body="Listen.\n"
    )
    site = tmp_path / "preview"
    builder = PreviewBuilder(load_project(project.config), site, lang="en", drafts=True)

    first = builder.build()
    assert (first.full, first.problems) == (True, "")
    draft_page = (site / "activities" / "rain.html").read_text(encoding="utf-8")
    assert "mochila-status--draft" in draft_page
    before = _index_locations(site)
    assert {"activities/water-play.html", "activities/sand-play.html"} <= before

    time.sleep(0.01)
    path = project.content / "activities" / "water-play.md"
    path.write_text(path.read_text().replace("Find a basin.", "Find a big basin."))
    second = builder.build()
    assert (second.full, second.problems) == (False, "")
    page = (site / "activities" / "water-play.html").read_text(encoding="utf-8")
    assert "Find a big basin." in page
    assert _index_locations(site) == before  # pages not rebuilt stay searchable


def test_preview_keeps_the_last_good_site_and_reports_errors(project, tmp_path):
    project.activity("water-play.md", body="Pour water.\n")
    site = tmp_path / "preview"
    builder = PreviewBuilder(load_project(project.config), site, lang="en", drafts=False)
    assert builder.build().problems == ""
    good = (site / "activities" / "water-play.html").read_text(encoding="utf-8")

    path = project.content / "activities" / "water-play.md"
    path.write_text(path.read_text().replace("duration: 20", "duration: twenty"))
    result = builder.build()
    assert "content/activities/water-play.md:7:1: error: 'duration' must be a whole number" in (
        result.problems
    )
    assert (site / "activities" / "water-play.html").read_text(encoding="utf-8") == good
    # The browser shows the same problems over the last good page until they are fixed.
    assert 'src="../assets/mochila/preview-problems-data.js"' in good
    assert 'src="../assets/mochila/preview-problems.js"' in good
    page = site / "activities" / "water-play.html"
    shown = alert_text(page)
    assert shown.startswith("The preview is not up to date. Fix these problems and save:\n")
    assert "water-play.md:7:1: error: 'duration' must be a whole number" in shown

    path.write_text(path.read_text().replace("duration: twenty", "duration: 25"))
    assert builder.build().problems == ""
    assert alert_text(page) is None


def test_problems_before_anything_was_built_show_on_a_page_of_their_own(project, tmp_path):
    project.activity("water-play.md", duration="twenty")
    site = tmp_path / "preview"
    builder = PreviewBuilder(load_project(project.config), site, lang="en", drafts=False)
    assert "'duration' must be a whole number" in builder.build().problems
    assert "'duration' must be a whole number" in alert_text(site / "index.html")


def alert_text(page: Path) -> str | None:
    """The text of the problems box on a preview page opened in Chromium, or None."""
    reason = missing_chromium_reason()
    if reason is not None:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        tab = browser.new_page()
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.goto(page.as_uri())
        tab.wait_for_load_state("load")
        box = tab.locator('[role="alert"].mochila-preview-problems')
        text = box.inner_text() if box.count() else None
        browser.close()
    assert errors == []
    return text


def test_a_new_file_triggers_a_full_build(project, tmp_path):
    project.activity("water-play.md")
    builder = PreviewBuilder(load_project(project.config), tmp_path / "p", lang="en", drafts=False)
    assert builder.build().full
    project.activity("sand-play.md", id="sand-play", title="Sand play")
    result = builder.build()
    assert result.full
    assert (tmp_path / "p" / "activities" / "sand-play.html").is_file()


def test_a_new_theme_file_is_published_by_the_next_build(project, tmp_path):
    # The theme's file list is kept between rebuilds; a change to the theme must renew it.
    theme = project.root / "theme"
    shutil.copytree(REPO / "theme", theme)
    project.config.write_text(MKDOCS_YML.format(theme=theme), encoding="utf-8")
    project.activity("water-play.md")
    site = tmp_path / "p"
    builder = PreviewBuilder(load_project(project.config), site, lang="en", drafts=False)
    assert builder.build().full
    path = project.content / "activities" / "water-play.md"
    path.write_text(path.read_text().replace("Pour", "Slowly pour"))
    assert not builder.build().full
    (theme / "assets" / "mochila" / "extra.css").write_text("a{}", encoding="utf-8")
    assert builder.build().full
    assert (site / "assets" / "mochila" / "extra.css").read_text(encoding="utf-8") == "a{}"
