"""The "What's new" page of every bundle, its README summary and the manifests behind it.

Built for real: the sample project, then a second edition with an activity added, one changed
and one removed (``editions_fixtures.py``). "Changed" is checked against the pages themselves:
an activity is listed as changed exactly when its article (without the printed footer, which
carries the edition) differs between the two zips.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import build_fixtures
import editions_fixtures
import pytest
from editions_fixtures import ADDED, CHANGED, REMOVED, SECOND

from mochila.commands.orchestrate import BuildFailed, build_everything
from mochila.commands.project import load_project

two_editions = editions_fixtures.two_editions


def _read(zip_path: Path, name: str) -> str:
    with zipfile.ZipFile(zip_path) as archive:
        top = archive.namelist()[0].split("/")[0]
        return archive.read(f"{top}/{name}").decode("utf-8")


def _manifest(zip_path: Path) -> dict:
    return json.loads(_read(zip_path, "manifest.json"))


def _article(zip_path: Path, page: str) -> str:
    html = _read(zip_path, page)
    article = re.search(r"<article.*</article>", html, re.S).group(0)
    return re.sub(r'<p class="mochila-print-footer__edition">.*?</p>', "", article)


def _sections(html: str) -> dict[str, list[str]]:
    """Titles listed under each heading of the page (added / changed / removed)."""
    found = {}
    for anchor, body in re.findall(r'<h2 id="mochila-(\w+)">.*?</h2>(.*?)</ul>', html, re.S):
        found[anchor] = re.findall(r"<li>(?:<a [^>]*>)?([^<]+)", body)
    return found


def test_first_edition_says_so(two_editions):
    zip_path = two_editions.zip(two_editions.first, "full-en")
    page = _read(zip_path, "whats-new.html")
    assert "This is the first edition of this bundle" in page
    assert "Compared with" not in page
    assert "first edition" in _read(zip_path, "README.txt")
    assert 'href="whats-new.html"' in _read(zip_path, "index.html")
    assert _manifest(zip_path)["since"] is None
    spanish = _read(two_editions.zip(two_editions.first, "full-es"), "whats-new.html")
    assert "Novedades de esta edición" in spanish and "primera edición" in spanish
    assert "primera edición" in _read(two_editions.zip(two_editions.first, "full-es"), "LEEME.txt")


def test_second_edition_lists_added_changed_and_removed(two_editions):
    old = two_editions.zip(two_editions.first, "full-en")
    new = two_editions.zip(two_editions.second, "full-en")
    titles = {a["id"]: a["title"] for a in _manifest(new)["activities"]}
    titles.update({a["id"]: a["title"] for a in _manifest(old)["activities"]})
    page = _read(new, "whats-new.html")
    listed = _sections(page)
    assert listed["added"] == [titles[ADDED]]
    assert listed["removed"] == [titles[REMOVED]]
    # Changed: exactly the activities whose page content differs, edited or not.
    both = set(a["id"] for a in _manifest(old)["activities"]) & {
        a["id"] for a in _manifest(new)["activities"]
    }
    differs = {
        i
        for i in both
        if _article(old, f"activities/{i}.html") != _article(new, f"activities/{i}.html")
    }
    assert CHANGED in differs
    assert sorted(listed["changed"]) == sorted(titles[i] for i in differs)
    assert len(differs) < len(both)  # a new edition date alone changes nothing
    # Links point at pages of this edition.
    for href in re.findall(r'<li><a href="([^"]+)"', page):
        assert _read(new, href)
    count = f"{len(listed['added'])} added, {len(differs)} changed, 1 removed"
    assert f"Compared with the previous edition ({build_fixtures.EDITION}): {count}" in page
    assert count in _read(new, "README.txt").replace("\r\n", " ")
    assert f"full-en: since {build_fixtures.EDITION}: 1 added" in "\n".join(two_editions.messages)


def test_spanish_bundle_compares_its_own_language(two_editions):
    page = _read(two_editions.zip(two_editions.second, "full-es"), "whats-new.html")
    listed = _sections(page)
    assert "added" not in listed  # the new activity has no Spanish translation
    assert CHANGED not in " ".join(listed.get("changed", []))  # only the English text changed
    assert len(listed["removed"]) == 1
    assert "Comparada con la edición anterior" in page


def test_manifest_records_fingerprints_and_the_compared_edition(two_editions):
    manifest = _manifest(two_editions.zip(two_editions.second, "full-en"))
    entries = {a["id"]: a for a in manifest["activities"]}
    assert ADDED in entries and REMOVED not in entries
    assert entries[ADDED]["title"] == "Flying a paper kite"
    assert entries[ADDED]["path"] == f"activities/{ADDED}.html"
    assert all(re.fullmatch(r"[0-9a-f]{64}", a["sha256"]) for a in entries.values())
    assert manifest["since"]["edition"] == build_fixtures.EDITION
    assert {a["id"] for a in manifest["since"]["activities"]} == {
        a["id"] for a in _manifest(two_editions.zip(two_editions.first, "full-en"))["activities"]
    }


def test_rebuilding_the_same_edition_changes_nothing(two_editions, tmp_path):
    """A second build of edition 2 over itself compares with edition 1 again: same bytes."""
    output = tmp_path / "output"
    shutil.copytree(two_editions.output, output)
    build_fixtures.build_project(two_editions.project, output)
    for zip_path in sorted(two_editions.second.glob("*.zip")):
        assert (output / "bundles" / zip_path.name).read_bytes() == zip_path.read_bytes()


def test_since_names_the_previous_edition(two_editions, tmp_path):
    """Built into an empty folder, --since (a folder of zips, or one zip) gives the same page."""
    project = load_project(two_editions.project.config_file)
    output = tmp_path / "fresh"
    with build_fixtures._without_source_date_epoch():
        build_everything(
            project, output, bundles=True, echo=lambda _: None, since=two_editions.first
        )
    for zip_path in sorted(two_editions.second.glob("*.zip")):
        assert (output / "bundles" / zip_path.name).read_bytes() == zip_path.read_bytes()
    one = two_editions.zip(two_editions.first, "full-en")
    other = tmp_path / "one"
    with build_fixtures._without_source_date_epoch():
        build_everything(project, other, bundles=True, echo=lambda _: None, since=one)
    page = _read(other / "bundles" / f"mochila-full-en-{SECOND}.zip", "whats-new.html")
    assert f"Compared with the previous edition ({build_fixtures.EDITION})" in page
    page = _read(other / "bundles" / f"mochila-full-es-{SECOND}.zip", "whats-new.html")
    assert "primera edición" in page  # --since held no full-es and the folder was empty


def test_since_that_holds_no_such_bundle_is_refused(two_editions, tmp_path):
    stray = tmp_path / "stray"
    stray.mkdir()
    (stray / "notes.txt").write_text("not a bundle", encoding="utf-8")
    project = load_project(two_editions.project.config_file)
    with pytest.raises(BuildFailed, match="holds no earlier edition"):
        build_everything(project, tmp_path / "out", bundles=True, echo=print, since=stray)
    assert not (tmp_path / "out" / "bundles").exists()


def test_new_edition_date_alone_is_not_a_change(two_editions, tmp_path, monkeypatch):
    """Same content, a later edition label: nothing added, changed or removed."""
    output = tmp_path / "output"
    shutil.copytree(two_editions.output, output)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # 2027-01-15
    build_everything(
        load_project(two_editions.project.config_file), output, bundles=True, echo=lambda _: None
    )
    zip_path = output / "bundles" / "mochila-full-en-2027-01-15.zip"
    page = _read(zip_path, "whats-new.html")
    assert f"({SECOND}): 0 added, 0 changed, 0 removed" in page
    assert "No activity was added, changed or removed." in page
