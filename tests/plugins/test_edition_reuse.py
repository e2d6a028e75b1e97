"""Work shared between the editions a build worker makes: rendered pages and search entries.

Why: the editions of one language share most pages, so a worker renders each page's Markdown
and works out its search entries once and reuses them in later editions (issue 6: site and
bundles must cost little more than the site). Reuse must never show in the output: a build
that reuses everything (one worker) and one that reuses nothing (a worker per edition) must
give the same bytes, and pages whose HTML differs between editions must not be mixed up.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import build_fixtures
import pytest
from material.plugins.search import plugin as search_plugin

from mochila.commands import packaging, parallel
from mochila.commands.editions import plan_editions
from mochila.commands.mkdocs_run import build_edition
from mochila.commands.orchestrate import build_everything
from mochila.commands.project import load_project
from mochila.domain.catalogue import load_catalogue
from mochila.domain.edition import Edition
from mochila.plugins.context import EditionContext
from mochila.speedups.fragments import PageFragments
from mochila.speedups.render_cache import RenderCache, Rendered

sample_project = build_fixtures.sample_project


_tree = build_fixtures.file_digests


def _zip_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _build(project, output: Path, workers: int) -> None:
    build_everything(
        load_project(project.config_file),
        output,
        bundles=True,
        echo=lambda _: None,
        workers=workers,
    )


def test_reusing_pages_and_search_entries_changes_no_byte(sample_project, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763640000")
    # One worker builds all six editions and reuses all it can; six workers reuse nothing; two
    # workers pass their caches of a language built on both to each other.
    builds = {workers: tmp_path / f"workers-{workers}" for workers in (1, 2, 6)}
    for workers, output in builds.items():
        if workers == 6:
            # ...and packages its bundles from disk, not from a snapshot in memory.
            monkeypatch.setattr(packaging, "SNAPSHOT_MAX_BYTES", 0)
        _build(sample_project, output, workers)
    alone = builds[6]
    zips = sorted(p.name for p in (alone / "bundles").glob("*.zip"))
    assert len(zips) == 4
    for workers in (1, 2):
        assert _tree(builds[workers] / "site") == _tree(alone / "site"), workers
        for name in zips:
            # Members first, so that a difference names the file.
            ours, theirs = builds[workers] / "bundles" / name, alone / "bundles" / name
            assert _zip_members(ours) == _zip_members(theirs), (workers, name)
            assert ours.read_bytes() == theirs.read_bytes(), (workers, name)
        # The sample writes every bundle as a ZIM too (zim: true): its identifiers come from
        # the content, so it is the same bytes whoever built it (tests/bundler/test_zim.py).
        zims = sorted(p.name for p in (alone / "bundles").glob("*.zim"))
        assert len(zims) == 4
        for name in zims:
            ours, theirs = builds[workers] / "bundles" / name, alone / "bundles" / name
            assert ours.read_bytes() == theirs.read_bytes(), (workers, name)


def test_workers_pass_the_cache_of_a_language_they_both_build(tmp_path):
    lanes = [
        [_job("full-en", "en"), _job("families-es", "es")],
        [_job("facilitators-es", "es"), _job("site-es", "es")],
    ]
    exchange = parallel._exchange(lanes, tmp_path / "exchange")
    assert exchange is not None and exchange.languages == {"es"}
    given = RenderCache()
    given.put("es", "page", Rendered("<p>Hola</p>", [], frozenset({"hola"})))
    given.put_search_entries("es", "page", [("#hola", {"title": "Hola", "text": "t"})])
    given.put("en", "page", Rendered("<p>Hello</p>", [], frozenset()))
    exchange.give("es", given)
    exchange.give("en", given)  # nobody else builds English: nothing is written
    assert [p.name for p in (tmp_path / "exchange").iterdir()] == [f"es-{os.getpid()}.cache"]
    taken = RenderCache()
    assert exchange.take("es", taken)
    assert not exchange.take("en", RenderCache())
    assert taken.get("es", "page") == given.get("es", "page")
    assert taken.search_entries("es", "page") == [("#hola", {"title": "Hola", "text": "t"})]
    assert taken.get("en", "page") is None  # only the language asked for travels
    assert parallel._exchange([lanes[0]], tmp_path / "alone") is None


def _job(name: str, lang: str) -> parallel.Job:
    kind = "site" if name.startswith("site") else "bundle"
    return parallel.Job(Edition(kind, name, lang), Path(name), 1)


@pytest.fixture
def editions(sample_project):
    return _editions(sample_project)


@pytest.fixture
def material_search_editions(tmp_path):
    """The sample with Material's search plugin in place of Mochila's: the entries reused
    are Material's (plugins/activities/search_reuse.py), for projects that still use it."""

    def use_material_search(root: Path) -> None:
        config = root / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert "  - mochila/search\n" in text
        config.write_text(text.replace("  - mochila/search\n", "  - search\n"), "utf-8")

    return _editions(build_fixtures.copy_sample_project(tmp_path / "material", use_material_search))


def _editions(sample_project):
    project = load_project(sample_project.config_file)
    catalogue = load_catalogue(project.content_dir, project.settings)
    planned = {
        item.bundle_name or f"site-{item.edition.lang}": item.edition
        for item in plan_editions(project, "2026-11-20", bundles=True)
    }
    return project, catalogue, planned


@pytest.fixture
def parsed_pages(monkeypatch) -> list[int]:
    """Counts the pages Material's search plugin parses (one item per page)."""
    parsed: list[int] = []
    original = search_plugin.Parser.feed

    def feed(self, data):
        parsed.append(1)
        return original(self, data)

    monkeypatch.setattr(search_plugin.Parser, "feed", feed)
    return parsed


def _search_docs(site: Path) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]


def test_a_later_edition_reuses_the_search_entries_of_unchanged_pages(
    material_search_editions, parsed_pages, tmp_path
):
    project, catalogue, planned = material_search_editions
    build_edition(
        project.config_file, tmp_path / "cold", EditionContext(planned["full-es"], catalogue)
    )
    alone = len(parsed_pages)
    cache = RenderCache()
    build_edition(
        project.config_file, tmp_path / "site", EditionContext(planned["site-es"], catalogue, cache)
    )
    parsed_pages.clear()
    build_edition(
        project.config_file, tmp_path / "warm", EditionContext(planned["full-es"], catalogue, cache)
    )
    activities = len(planned["full-es"].selection.select(catalogue.in_language("es")))
    # The site's activity pages differ from the bundle's only in the links to the English
    # version, which search leaves out: every one of them is reused.
    assert len(parsed_pages) <= alone - activities, (alone, len(parsed_pages), activities)
    assert _search_docs(tmp_path / "warm") == _search_docs(tmp_path / "cold")


def test_search_leaves_out_the_links_to_other_languages(material_search_editions, tmp_path):
    project, catalogue, planned = material_search_editions
    build_edition(
        project.config_file, tmp_path / "en", EditionContext(planned["site-en"], catalogue)
    )
    docs = _search_docs(tmp_path / "en")
    activity_docs = [d for d in docs if d["location"].startswith("activities/")]
    assert activity_docs
    assert not [d["location"] for d in docs if "Leer en español" in d["text"]]
    # ...but the page still shows them.
    page = tmp_path / "en" / activity_docs[0]["location"].split("#")[0]
    assert "Leer en español" in page.read_text("utf-8")


def test_a_page_whose_html_differs_is_parsed_again(
    material_search_editions, parsed_pages, tmp_path
):
    project, catalogue, planned = material_search_editions
    cache = RenderCache()
    build_edition(
        project.config_file, tmp_path / "full", EditionContext(planned["full-es"], catalogue, cache)
    )
    parsed_pages.clear()
    # Families leave out an activity others link to: those pages show "(no incluida...)".
    build_edition(
        project.config_file,
        tmp_path / "fam",
        EditionContext(planned["families-es"], catalogue, cache),
    )
    docs = _search_docs(tmp_path / "fam")
    assert [d for d in docs if "no incluida en esta edición" in d["text"]]
    assert parsed_pages, "pages that changed must be indexed again"
    assert docs == _search_docs_cold(project, planned["families-es"], tmp_path / "cold")


def _search_docs_cold(project, edition, site: Path) -> list[dict]:
    build_edition(project.config_file, site, EditionContext(edition))
    return _search_docs(site)


def test_fragments_kept_per_folder_are_what_material_renders(editions, tmp_path, monkeypatch):
    project, catalogue, planned = editions
    kept: list[str] = []
    original_keep = PageFragments.keep

    def keep(self, key, html):
        kept.append(key)
        return original_keep(self, key, html)

    monkeypatch.setattr(PageFragments, "keep", keep)
    build_edition(
        project.config_file, tmp_path / "kept", EditionContext(planned["site-es"], catalogue)
    )
    pages = [p for p in (tmp_path / "kept").rglob("*.html") if p.name != "404.html"]
    kinds: dict[str, list[str]] = {}
    for key in filter(None, kept):
        name, folder = key.split(":", 1)
        kinds.setdefault(name, []).append(folder)
    assert sorted(kinds) == ["config", "libs", "nav", "scripts", "styles"]
    for name, folders in kinds.items():
        # Rendered once per folder (of pages outside the navigation), not once per page.
        assert len(folders) == len(set(folders)) < len(pages) / 2, name

    monkeypatch.setattr(PageFragments, "get", lambda self, key: None)
    build_edition(
        project.config_file, tmp_path / "every", EditionContext(planned["site-es"], catalogue)
    )
    assert _tree(tmp_path / "kept") == _tree(tmp_path / "every")


def test_a_worker_lets_go_of_languages_it_has_finished_with():
    cache = RenderCache()
    for lang in ("en", "es"):
        cache.put(lang, "page", Rendered(f"<p>{lang}</p>", [], frozenset()))
        cache.put_search_entries(lang, "page", [("", {"title": lang, "text": ""})])
    cache.keep_only({"es"})
    assert cache.get("en", "page") is None and cache.search_entries("en", "page") is None
    assert cache.get("es", "page").html == "<p>es</p>"
    assert cache.search_entries("es", "page") == [("", {"title": "es", "text": ""})]
