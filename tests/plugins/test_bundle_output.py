"""The offline bundles built from the sample content: what a coordinator copies to a USB stick.

Why: a bundle is opened from ``file://`` in a school with no internet, by people who cannot
debug it. It must hold exactly its selection, say what it is (README, start page, footer),
reach nothing on the network, survive FAT32/exFAT sticks, and let ``mochila verify`` tell a
complete copy from a damaged one. Expected selections are computed from the front matter with
PyYAML, following the README's rules, never with Mochila's own selection code.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import build_fixtures
import pytest
import search_index
from build_fixtures import (
    EDITION,
    README_NAMES,
    START_PAGES,
    ActivitySource,
    build_project,
    parse_html,
)
from click.testing import CliRunner

from mochila.bundler import find_remote_references
from mochila.cli import main

sample_activities = build_fixtures.sample_activities
sample_build = build_fixtures.sample_build
sample_project = build_fixtures.sample_project
unzip_bundle = build_fixtures.unzip_bundle

BUNDLES = ("full-en", "full-es", "families-es", "facilitators-es")
COUNTS = {"full-en": 16, "full-es": 16, "families-es": 15, "facilitators-es": 17}
LANG = {"full-en": "en", "full-es": "es", "families-es": "es", "facilitators-es": "es"}
FOOTER = {
    "en": "Edition {edition} · {count} activities",
    "es": "Edición {edition} · {count} actividades",
}
NOT_IN_EDITION = {"en": "(not in this edition)", "es": "(no incluida en esta edición)"}
README_HEADINGS = {"en": "HOW TO OPEN IT", "es": "CÓMO ABRIRLO"}
MANIFEST = "manifest.json"
UTF8_FLAG = 0x800
MAX_PATH = 180


# --------------------------------------------------------------------------- helpers


def declared(project, name: str) -> dict:
    return next(b for b in project.bundles() if b["name"] == name)


def expected_selection(activities: list[ActivitySource], bundle: dict) -> list[ActivitySource]:
    """The README's rules: one language, no drafts, restricted only when asked for, any of
    the listed audiences/areas/tags (empty matches all), age ranges overlapping."""
    age = bundle.get("age") or {}
    chosen = []
    for source in activities:
        if source.lang != bundle["language"] or source.is_draft:
            continue
        if source.is_restricted and not bundle.get("include_restricted", False):
            continue
        if any(
            bundle.get(key) and not set(bundle[key]) & set(source.values(key))
            for key in ("audience", "areas", "tags")
        ):
            continue
        if age.get("min") is not None and source.meta["age"]["max"] < age["min"]:
            continue
        if age.get("max") is not None and source.meta["age"]["min"] > age["max"]:
            continue
        chosen.append(source)
    return chosen


class Zip:
    """A bundle zip read once: its entries and their bytes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with zipfile.ZipFile(path) as archive:
            self.infos = archive.infolist()
            self.data = {info.filename: archive.read(info) for info in self.infos}
        self.files = {i.filename for i in self.infos if not i.is_dir()}

    def top(self) -> str:
        tops = {name.split("/", 1)[0] for name in self.files}
        assert len(tops) == 1, tops
        return tops.pop()

    def inner(self) -> dict[str, bytes]:
        """Files by path inside the top folder."""
        prefix = self.top() + "/"
        return {n[len(prefix) :]: d for n, d in self.data.items() if n in self.files}

    def text(self, rel: str) -> str:
        return self.inner()[rel].decode("utf-8")


@pytest.fixture(scope="session")
def zips(sample_build) -> dict[str, Zip]:
    return {name: Zip(sample_build.bundle_zip(name)) for name in BUNDLES}


@pytest.fixture(scope="session")
def selections(sample_project, sample_activities) -> dict[str, list[ActivitySource]]:
    return {
        name: expected_selection(sample_activities, declared(sample_project, name))
        for name in BUNDLES
    }


def verify_cli(path: Path):
    return CliRunner().invoke(main, ["verify", str(path)])


# --------------------------------------------------------------------------- names and shape


def test_every_declared_bundle_is_built_with_its_edition(sample_project, sample_build):
    assert tuple(b["name"] for b in sample_project.bundles()) == BUNDLES
    assert {b["name"]: b["language"] for b in sample_project.bundles()} == LANG
    names = sorted(p.name for p in sample_build.bundles.iterdir())
    # The sample also writes every bundle as a ZIM for Kiwix (zim: true; tests/bundler/test_zim.py).
    zims = [f"mochila-{b['name']}-{EDITION}.zim" for b in sample_project.bundles() if b.get("zim")]
    assert len(zims) == len(BUNDLES)
    zips = [f"mochila-{name}-{EDITION}.zip" for name in BUNDLES]
    assert names == sorted(["SHA256SUMS", *zips, *zims])


def test_selections_follow_the_front_matter(selections):
    ids = {name: {a.id for a in chosen} for name, chosen in selections.items()}
    assert {name: len(chosen) for name, chosen in ids.items()} == COUNTS
    assert "market-stall" not in ids["families-es"]  # for educators only
    assert "market-stall" in ids["full-es"]
    assert "family-circle-without-hitting" in ids["facilitators-es"]  # restricted
    for name in ("full-en", "full-es", "families-es"):
        assert "family-circle-without-hitting" not in ids[name]
    assert all("rain-sounds" not in chosen for chosen in ids.values())  # draft


@pytest.mark.parametrize("name", BUNDLES)
def test_zip_has_one_top_level_folder(zips, name):
    assert zips[name].top() == f"mochila-{name}-{EDITION}"
    assert all(n.startswith(f"mochila-{name}-{EDITION}/") for n in zips[name].data)


@pytest.mark.parametrize("name", BUNDLES)
def test_start_page_opens_the_home_page(zips, name):
    lang = LANG[name]
    inner = zips[name].inner()
    for other, start in START_PAGES.items():
        assert (start in inner) == (other == lang), start
    doc = parse_html(inner[START_PAGES[lang]].decode("utf-8"))
    refresh = doc.find("meta", http_equiv="refresh")
    assert refresh.get("content").replace(" ", "") == "0;url=index.html"
    assert doc.find("html").get("lang") == lang
    assert "index.html" in inner


@pytest.mark.parametrize("name", BUNDLES)
def test_readme_is_in_the_bundle_language(zips, sample_project, name):
    lang = LANG[name]
    inner = zips[name].inner()
    for other, readme in README_NAMES.items():
        assert (readme in inner) == (other == lang), readme
    text = inner[README_NAMES[lang]].decode("utf-8")
    lines = text.splitlines()
    assert lines[0] == declared(sample_project, name)["title"][lang]
    assert FOOTER[lang].format(edition=EDITION, count=COUNTS[name]) in lines
    assert README_HEADINGS[lang] in lines
    for other, heading in README_HEADINGS.items():
        if other != lang:
            assert heading not in text
    assert START_PAGES[lang] in text


# --------------------------------------------------------------------------- manifest and checksums


@pytest.mark.parametrize("name", BUNDLES)
def test_manifest_describes_the_bundle(zips, sample_project, selections, name):
    manifest = json.loads(zips[name].text(MANIFEST))
    bundle = declared(sample_project, name)
    assert manifest["bundle"] == name
    assert manifest["edition"] == EDITION
    assert manifest["language"] == LANG[name]
    age = bundle.get("age") or {}
    assert manifest["selection"] == {
        "audience": bundle.get("audience", []),
        "areas": bundle.get("areas", []),
        "tags": bundle.get("tags", []),
        "age": {"min": age.get("min"), "max": age.get("max")},
        "include_restricted": bundle.get("include_restricted", False),
    }
    assert [a["id"] for a in manifest["activities"]] == sorted(a.id for a in selections[name])
    assert {a["id"]: a["title"] for a in manifest["activities"]} == {
        a.id: a.title for a in selections[name]
    }


@pytest.mark.parametrize("name", BUNDLES)
def test_manifest_lists_every_file_with_size_and_sha256(zips, name):
    inner = zips[name].inner()
    files = json.loads(inner[MANIFEST])["files"]
    listed = [entry["path"] for entry in files]
    assert len(listed) == len(set(listed))
    assert set(listed) == set(inner) - {MANIFEST}
    for entry in files:
        data = inner[entry["path"]]
        assert entry["size"] == len(data), entry["path"]
        assert entry["sha256"] == hashlib.sha256(data).hexdigest(), entry["path"]


def test_sha256sums_verify_with_sha256sum(sample_build):
    sums = (sample_build.bundles / "SHA256SUMS").read_text("utf-8")
    # Zips and, as the sample asks for them, ZIM files for Kiwix.
    files = [f"mochila-{name}-{EDITION}.{kind}" for name in BUNDLES for kind in ("zip", "zim")]
    assert sorted(line.split("  ", 1)[1] for line in sums.splitlines()) == sorted(files)
    result = subprocess.run(
        ["sha256sum", "-c", "SHA256SUMS"],
        cwd=sample_build.bundles,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(result.stdout.splitlines()) == sorted(f"{name}: OK" for name in files)


# --------------------------------------------------------------------------- offline and USB


@pytest.mark.parametrize("name", BUNDLES)
def test_search_index_is_scripts_for_file_urls(zips, selections, name, tmp_path):
    """file:// refuses fetch and XHR: the index is classic scripts, and holds the bundle's
    activities only, in its language."""
    inner = zips[name].inner()
    folder = tmp_path / "search"
    folder.mkdir()
    for path, data in inner.items():
        if path.startswith("search/"):
            (tmp_path / path).write_bytes(data)
    assert "search/search_index.json" not in inner and "search/search_index.js" not in inner
    assert search_index.manifest(tmp_path)["lang"] == LANG[name]
    rows = search_index.documents(tmp_path)
    pages = {row[0] for row in rows}
    assert {p for p in pages if p.startswith("activities/")} == {a.page for a in selections[name]}
    titles = {row[0]: row[1] for row in rows}
    for source in selections[name]:
        assert titles[source.page] == source.title


@pytest.mark.parametrize("name", BUNDLES)
def test_material_search_files_are_not_shipped(zips, sample_build, name):
    # Mochila's search replaces Material's: its worker, lunr and our iframe-worker shim stay out
    # of every bundle and of the website.
    unused = ("assets/javascripts/workers/", "assets/javascripts/lunr/", "assets/vendor/")
    assert not [p for p in zips[name].inner() if p.startswith(unused)]
    site = [p.relative_to(sample_build.site).as_posix() for p in sample_build.site.rglob("*")]
    assert not [p for p in site if p.startswith(unused)]
    assert "assets/javascripts/bundle." in " ".join(zips[name].inner())  # Material's own script


@pytest.mark.parametrize("name", BUNDLES)
def test_no_sitemap_and_no_source_maps(zips, name):
    inner = zips[name].inner()
    assert not [p for p in inner if posixpath.basename(p).startswith("sitemap")]
    assert not [p for p in inner if p.endswith(".map")]


@pytest.mark.parametrize("name", BUNDLES)
def test_nothing_references_the_network(sample_build, unzip_bundle, name):
    folder = unzip_bundle(sample_build.bundle_zip(name)) / sample_build.bundle_top(name)
    assert find_remote_references(folder) == []
    canonical = []
    for page in folder.rglob("*.html"):
        canonical += parse_html(page.read_text("utf-8")).find_all("link", rel="canonical")
    assert canonical == []


@pytest.mark.parametrize("name", BUNDLES)
def test_paths_are_safe_on_usb_sticks(zips, name):
    z = zips[name]
    assert len({n.casefold() for n in z.data}) == len(z.data)
    assert max(len(n) for n in z.data) < MAX_PATH
    non_ascii = [info for info in z.infos if not info.filename.isascii()]
    for info in non_ascii:
        assert info.flag_bits & UTF8_FLAG, info.filename
    if LANG[name] == "es":
        assert non_ascii  # "ABRIR AQUÍ.html" at least


# --------------------------------------------------------------------------- contents


@pytest.mark.parametrize("name", BUNDLES)
def test_bundle_holds_exactly_its_activities(zips, selections, sample_activities, name):
    inner = zips[name].inner()
    pages = {p for p in inner if p.startswith("activities/") and p.endswith(".html")}
    assert pages == {a.page for a in selections[name]}
    chosen = {a.id for a in selections[name]}
    catalogue = parse_html(inner["catalogue.html"].decode("utf-8"))
    cards = catalogue.find_all("li", cls="mochila-cards__item")
    assert len(cards) == COUNTS[name]
    left_out = [a for a in sample_activities if a.lang == LANG[name] and a.id not in chosen]
    everything = "\n".join(d.decode("utf-8", errors="replace") for d in inner.values())
    for source in left_out:
        if source.is_draft or source.is_restricted:
            assert source.id not in everything
            assert source.title not in everything


@pytest.mark.parametrize("name", BUNDLES)
def test_no_block_syntax_is_left_in_a_bundle(zips, name):
    texts = {p: d for p, d in zips[name].inner().items() if p.endswith((".html", ".js", ".json"))}
    assert "search/manifest.js" in texts
    for page, data in texts.items():
        if page.startswith("assets/"):
            continue  # the theme's own scripts
        assert b":::" not in data, page


@pytest.mark.parametrize("name", BUNDLES)
def test_links_to_left_out_activities_are_plain_text(zips, selections, sample_activities, name):
    lang = LANG[name]
    inner = zips[name].inner()
    chosen = {a.id: a for a in selections[name]}
    by_slug = {a.slug: a for a in sample_activities if a.lang == lang}
    pairs = 0
    for source in selections[name]:
        doc = parse_html(inner[source.page].decode("utf-8"))
        out_related = [i for i in source.values("related") if i not in chosen]
        out_body = [s for s in source.linked_slugs() if by_slug[s].id not in chosen]
        missing = doc.find_all("span", cls="mochila-missing")
        assert len(missing) == len(out_related) + len(out_body), source.page
        for span in missing:
            assert span.text().endswith(NOT_IN_EDITION[lang])
            assert span.find_all("a") == []
        if out_related:
            related = doc.find("section", cls="mochila-related")
            texts = [s.text() for s in related.find_all("span", cls="mochila-missing")]
            titles = [a.title for a in by_slug.values() if a.id in out_related]
            assert sorted(texts) == sorted(f"{t} {NOT_IN_EDITION[lang]}" for t in titles)
        pairs += len(out_related) + len(out_body)
    if name == "families-es":
        assert pairs >= 2  # bottle-cap-sorting and sand-kitchen point to market-stall


@pytest.mark.parametrize("name", BUNDLES)
def test_no_link_in_a_bundle_is_broken(zips, name):
    inner = zips[name].inner()
    checked = 0
    for page, data in inner.items():
        # 404.html is for web servers; nothing in a bundle leads to it.
        if not page.endswith(".html") or page == "404.html":
            continue
        for link in parse_html(data.decode("utf-8")).find_all("a"):
            href = link.get("href") or ""
            parts = urlsplit(href)
            if not parts.path or parts.scheme or href.startswith("//"):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path))
            assert target in inner, (page, href)
            checked += 1
    assert checked > 500


@pytest.mark.parametrize("name", BUNDLES)
def test_footer_shows_edition_and_bundle_count(zips, name):
    lang = LANG[name]
    line = FOOTER[lang].format(edition=EDITION, count=COUNTS[name])
    pages = [p for p in zips[name].inner() if p.endswith(".html") and p != START_PAGES[lang]]
    assert len(pages) > 40
    for page in pages:
        doc = parse_html(zips[name].text(page))
        assert doc.find("p", cls="mochila-edition").text() == line, page


# --------------------------------------------------------------------------- mochila verify


@pytest.mark.parametrize("name", BUNDLES)
def test_verify_accepts_the_zip_and_an_unzipped_copy(sample_build, unzip_bundle, name):
    zip_path = sample_build.bundle_zip(name)
    for path in (zip_path, unzip_bundle(zip_path)):
        result = verify_cli(path)
        assert result.exit_code == 0, result.output
        assert result.output.startswith("OK: ")
        assert f"edition {EDITION}" in result.output


def _tamper(files: dict[str, bytes], how: str, lang: str) -> tuple[str, str]:
    """Damage ``files`` (paths inside the bundle) in place; return (word, path) to expect."""
    if how == "flip":
        data = bytearray(files["index.html"])
        data[len(data) // 2] ^= 0x01
        files["index.html"] = bytes(data)
        return "Damaged", "index.html"
    if how == "delete":
        del files[START_PAGES[lang]]
        return "Missing", START_PAGES[lang]
    files["activities/extra.html"] = b"<p>added by hand</p>"
    return "Unexpected", "activities/extra.html"


@pytest.mark.parametrize("how", ["flip", "delete", "add"])
@pytest.mark.parametrize("name", ["full-en", "families-es"])
def test_verify_reports_a_damaged_zip(zips, tmp_path, name, how):
    z = zips[name]
    files = z.inner()
    word, path = _tamper(files, how, LANG[name])
    damaged = tmp_path / z.path.name
    with zipfile.ZipFile(damaged, "w", zipfile.ZIP_DEFLATED) as archive:
        for rel in sorted(files):
            archive.writestr(f"{z.top()}/{rel}", files[rel])
    result = verify_cli(damaged)
    assert result.exit_code == 1, result.output
    assert [line for line in result.output.splitlines() if word in line and path in line]
    assert "1 problem found" in result.output


@pytest.mark.parametrize("how", ["flip", "delete", "add"])
@pytest.mark.parametrize("name", ["full-en", "families-es"])
def test_verify_reports_a_damaged_folder(sample_build, unzip_bundle, name, how):
    root = unzip_bundle(sample_build.bundle_zip(name))
    folder = root / sample_build.bundle_top(name)
    files = {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }
    before = dict(files)
    word, path = _tamper(files, how, LANG[name])
    for rel in before.keys() - files.keys():
        (folder / rel).unlink()
    for rel, data in files.items():
        if before.get(rel) != data:
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_bytes(data)
    for target in (root, folder):
        result = verify_cli(target)
        assert result.exit_code == 1, result.output
        assert [line for line in result.output.splitlines() if word in line and path in line]
        assert "1 problem found" in result.output


# --------------------------------------------------------------------------- determinism


def test_two_builds_of_one_commit_give_identical_zips(sample_project, sample_build, tmp_path):
    again = build_project(sample_project, tmp_path / "again")
    first = sorted(p.name for p in sample_build.bundles.iterdir())
    assert sorted(p.name for p in again.bundles.iterdir()) == first
    for name in first:
        assert (again.bundles / name).read_bytes() == (sample_build.bundles / name).read_bytes(), (
            name
        )
