"""ZIM files for Kiwix: every sample bundle, opened with python-libzim as Kiwix opens it.

The sample declares ``zim: true`` on every bundle, so ``sample_build`` holds one ZIM beside
each zip. Checked here: the openZIM metadata, the main entry, that the ZIM holds the bundle's
pages (the zip's files minus those only a USB stick needs), that every link and picture in
every page resolves to an entry, and that the full-text index finds a word on exactly the
page that holds it. Also: without the extra, asking for a ZIM is a clear error, and the core
never imports python-libzim (GPL-3.0-or-later) when it is not asked to.
"""

from __future__ import annotations

import ast
import re
import struct
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import build_fixtures
import pytest
from click.testing import CliRunner

from mochila.cli import main
from mochila.commands.editions import plan_editions
from mochila.commands.orchestrate import BuildFailed, build_everything
from mochila.commands.project import ProjectError, load_project

sample_project = build_fixtures.sample_project
sample_build = build_fixtures.sample_build

LEFT_OUT = {"en": {"OPEN ME.html", "README.txt"}, "es": {"ABRIR AQUÍ.html", "LEEME.txt"}}
ISO_639_3 = {"en": "eng", "es": "spa"}  # what Kiwix expects, written out independently
REQUIRED = ["Name", "Title", "Description", "LongDescription", "Language", "Creator"]
REQUIRED += ["Publisher", "Date", "Tags", "Flavour", "Illustration_48x48@1"]
UNIQUE_WORD = "quetzalcoatlus"
PACKAGE = Path(build_fixtures.REPO, "plugins", "mochila")


def _libzim(module: str):
    """A python-libzim module; the tests that read ZIM files skip without the extra (the
    others, about asking without it, still run)."""
    return pytest.importorskip(f"libzim.{module}", reason="the zim extra is not installed")


def Archive(path: Path):  # noqa: N802 - reads like libzim's class it returns
    return _libzim("reader").Archive(path)


def _search(archive, words: str) -> list[str]:
    search = _libzim("search")
    found = search.Searcher(archive).search(search.Query().set_query(words))
    return list(found.getResults(0, max(10, found.getEstimatedMatches())))


def _zim(sample_build, name: str) -> Path:
    return sample_build.bundles / f"{sample_build.bundle_top(name)}.zim"


def _entries(archive: Archive) -> dict[str, object]:
    found = {}
    for index in range(archive.entry_count):
        entry = archive._get_entry_by_id(index)
        found[entry.path] = entry
    return found


def _bundles(sample_build) -> list[dict]:
    bundles = sample_build.project.bundles()
    assert len(bundles) == 4 and all(b.get("zim") for b in bundles)
    return bundles


# ----------------------------------------------------------------------------- the ZIM files


def test_every_bundle_has_a_zim_listed_in_the_checksums_and_the_summary(sample_build):
    sums = (sample_build.bundles / "SHA256SUMS").read_text(encoding="utf-8")
    for bundle in _bundles(sample_build):
        path = _zim(sample_build, bundle["name"])
        assert path.is_file(), path
        assert re.search(rf"^[0-9a-f]{{64}}  {re.escape(path.name)}$", sums, re.M), sums
    table = "\n".join(sample_build.messages)
    assert table.count(" zim ") == 4, table
    check = subprocess.run(
        ["sha256sum", "-c", "SHA256SUMS"], cwd=sample_build.bundles, capture_output=True
    )
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.parametrize("name", ["full-en", "full-es", "families-es", "facilitators-es"])
def test_metadata_is_present_and_valid(sample_build, name):
    bundle = next(b for b in _bundles(sample_build) if b["name"] == name)
    archive = Archive(_zim(sample_build, name))
    assert archive.check(), "libzim finds the file damaged (checksum or structure)"
    keys = set(archive.metadata_keys)
    assert set(REQUIRED) <= keys, set(REQUIRED) - keys

    def meta(key: str) -> str:
        return archive.get_metadata(key).decode("utf-8")

    assert re.fullmatch(r"[a-z0-9][a-z0-9._-]*", meta("Name")), meta("Name")
    assert name in meta("Name")
    assert 0 < len(meta("Title")) <= 30 and bundle["title"][bundle["language"]] in meta("Title")
    assert 0 < len(meta("Description")) <= 80
    assert len(meta("LongDescription")) > len(meta("Description"))
    assert meta("Language") == ISO_639_3[bundle["language"]]
    assert meta("Date") == build_fixtures.EDITION
    assert meta("Flavour") == name
    assert meta("Creator") and meta("Publisher")
    assert "_ftindex:yes" in meta("Tags").split(";")
    png = archive.get_metadata("Illustration_48x48@1")
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and png[12:16] == b"IHDR"
    assert struct.unpack(">II", png[16:24]) == (48, 48)
    assert archive.has_fulltext_index and archive.has_title_index


@pytest.mark.parametrize("name", ["full-en", "families-es"])
def test_the_main_entry_is_the_home_page_and_the_zim_holds_the_bundles_files(sample_build, name):
    bundle = next(b for b in _bundles(sample_build) if b["name"] == name)
    archive = Archive(_zim(sample_build, name))
    assert archive.main_entry.get_item().path == "index.html"
    top = sample_build.bundle_top(name) + "/"
    with zipfile.ZipFile(sample_build.bundle_zip(name)) as zipped:
        files = {n[len(top) :]: zipped.read(n) for n in zipped.namelist() if not n.endswith("/")}
    expected = set(files) - LEFT_OUT[bundle["language"]] - {"manifest.json"}
    entries = _entries(archive)
    assert set(entries) == expected
    for path in ("index.html", "catalogue.html", "activities/water-play.html"):
        assert bytes(entries[path].get_item().content) == files[path]
    assert entries["index.html"].get_item().mimetype == "text/html"


@pytest.mark.parametrize("name", ["full-en", "families-es", "facilitators-es"])
def test_every_internal_link_and_image_resolves_to_an_entry(sample_build, name):
    archive = Archive(_zim(sample_build, name))
    entries = _entries(archive)
    pages = [p for p in entries if p.endswith(".html")]
    assert len(pages) > 20
    checked = 0
    broken = []
    for page in pages:
        root = build_fixtures.parse_html(bytes(entries[page].get_item().content).decode())
        for node in root.iter():
            target = node.get("href") if node.tag in ("a", "link") else node.get("src")
            if node.tag not in ("a", "link", "img", "script", "source") or not target:
                continue
            if target.startswith(("#", "mailto:", "data:", "javascript:", "blob:")):
                continue
            # A made-up host stands for the ZIM: a link resolving elsewhere leaves it.
            parts = urlsplit(urljoin(f"http://zim.invalid/{page}", target))
            assert parts.netloc == "zim.invalid", f"{page} links out of the ZIM: {target}"
            path = unquote(parts.path.lstrip("/"))
            checked += 1
            if not archive.has_entry_by_path(path):
                broken.append(f"{page}: {target}")
    assert broken == []
    assert checked > 500


def test_full_text_search_finds_a_word_on_exactly_its_page(tmp_path):
    def add_word(root: Path) -> None:
        page = root / "content" / "activities" / "water-play.es.md"
        text = page.read_text(encoding="utf-8")
        page.write_text(text + f"\nUn {UNIQUE_WORD} de papel flota en la tina.\n", encoding="utf-8")

    project = build_fixtures.copy_sample_project(tmp_path / "project", add_word)
    built = build_fixtures.build_project(project, tmp_path / "output")
    archive = Archive(_zim(built, "families-es"))
    assert _search(archive, UNIQUE_WORD) == ["activities/water-play.html"]
    # The title index suggests pages by their heading, as Kiwix's search box does.
    suggestions = _libzim("suggestion").SuggestionSearcher(archive).suggest("Vaciar")
    assert "activities/water-play.html" in list(suggestions.getResults(0, 10))
    # English bundles hold the English page only: the word is not there.
    assert _search(Archive(_zim(built, "full-en")), UNIQUE_WORD) == []


# ------------------------------------------------------------------------- asking and refusing


def _without_the_extra(monkeypatch) -> None:
    # A None entry makes ``import libzim.writer`` raise ImportError, as when not installed.
    monkeypatch.setitem(sys.modules, "libzim.writer", None)


def test_asking_for_a_zim_without_the_extra_says_how_to_install_it(
    sample_project, tmp_path, monkeypatch
):
    _without_the_extra(monkeypatch)
    with pytest.raises(BuildFailed) as failed:
        build_everything(
            load_project(sample_project.config_file),
            tmp_path / "out",
            bundles=True,
            echo=lambda _: None,
        )
    message = str(failed.value)
    assert "full-en, full-es, families-es, facilitators-es ask for a ZIM" in message
    assert "pip install 'mochila[zim]'" in message and "--no-zim" in message
    assert not (tmp_path / "out" / "bundles").exists()

    result = CliRunner().invoke(
        main, ["-f", str(sample_project.config_file), "build", "--output", str(tmp_path / "o")]
    )
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "pip install 'mochila[zim]'" in result.output


def test_no_zim_builds_the_bundles_without_the_extra(tmp_path, monkeypatch):
    _without_the_extra(monkeypatch)
    project = build_fixtures.copy_sample_project(tmp_path / "project")
    result = CliRunner().invoke(
        main,
        ["-f", str(project.config_file), "build", "--no-zim", "--output", str(tmp_path / "o")],
    )
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "o" / "bundles").glob("*.zip"))) == 4
    assert list((tmp_path / "o" / "bundles").glob("*.zim")) == []


def test_the_zim_flag_overrides_each_bundles_option(sample_project, tmp_path):
    project = load_project(sample_project.config_file)
    bundles = [p for p in plan_editions(project, "2026-11-20", True) if p.bundle_name]
    assert all(p.zim for p in bundles)
    assert not any(p.zim for p in plan_editions(project, "x", True, zim=False))
    # The option is typed (plugins/bundles/config.py): anything but true or false is refused
    # when mkdocs.yml is read, with its line.
    text = sample_project.config_file.read_text(encoding="utf-8")
    text = text.replace(
        'title: {en: "All activities"}', 'title: {en: "All activities"}\n          zim: "maybe"'
    )
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    with pytest.raises(
        ProjectError,
        match=r"option 'bundles\[0\].zim': expected true or false, found the text 'maybe'",
    ):
        load_project(tmp_path / "mkdocs.yml")


def test_the_core_never_imports_the_gpl_extra_at_module_level():
    gpl = ("libzim", "pycountry")
    walked = 0
    for path in PACKAGE.rglob("*.py"):
        walked += 1
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for name in names:
                assert name.split(".")[0] not in gpl, f"{path} imports {name} at module level"
    assert walked > 30
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, mochila.cli, mochila.commands.orchestrate, mochila.commands.packaging, "
            "mochila.bundler.zim; print(sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('libzim', 'pycountry')))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert loaded.stdout.strip() == "[]"


# ------------------------------------------------------------------------------ small parts


def test_language_codes_come_from_iso_639():
    pytest.importorskip("pycountry", reason="the zim extra is not installed")
    from mochila.bundler import BundleError
    from mochila.bundler.zim import iso639_3

    assert [iso639_3(c) for c in ("es", "en", "fr", "ar", "hi", "ja")] == [
        "spa",
        "eng",
        "fra",
        "ara",
        "hin",
        "jpn",
    ]
    assert iso639_3("es-MX") == "spa" and iso639_3("quc") == "quc"
    with pytest.raises(BundleError, match="'xx' is not in ISO 639"):
        iso639_3("xx")


def test_metadata_kiwix_would_refuse_is_reported_in_plain_words(sample_project):
    import dataclasses

    from mochila.commands.zim_metadata import zim_info

    project = load_project(sample_project.config_file)
    planned = [p for p in plan_editions(project, "2026-11-20", True) if p.bundle_name]
    info = zim_info(project, planned[0].edition, 16, 0)
    assert info.problems() == []
    assert len(info.description) <= 80 and info.date == "2026-11-20"
    broken = dataclasses.replace(
        info, name="Mochila ES", title="x" * 31, description="", date="spring", illustration=b"GIF"
    )
    assert broken.problems() == [
        "Name 'Mochila ES' must be lower-case letters, digits, '.', '_', '-'",
        "Title has 31 characters, at most 30 are allowed",
        "Description is empty",
        "Date 'spring' must be written YYYY-MM-DD",
        "the illustration is not a PNG image",
    ]
    # A long title is shortened at a word, not refused.
    edition = dataclasses.replace(planned[0].edition, title="Actividades " * 10, label="winter")
    long = zim_info(project, edition, 3, 1_763_640_000)
    assert len(long.title) <= 30 and long.title.endswith("…") and long.date == "2025-11-20"


# ------------------------------------------------------------------------ compressed or fast


def test_zim_compressed_makes_a_smaller_file_with_the_same_entries(
    sample_build, sample_project, tmp_path
):
    from mochila.bundler.zim import write_bundle_zim
    from mochila.commands.zim_metadata import zim_info

    text = sample_project.config_file.read_text(encoding="utf-8")
    text = text.replace(
        'title: {en: "All activities"}',
        'title: {en: "All activities"}\n          zim_compressed: true',
    )
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    project = load_project(tmp_path / "mkdocs.yml")
    planned = {p.bundle_name: p for p in plan_editions(project, "2026-11-20", True)}
    assert planned["full-en"].zim_compressed and not planned["full-es"].zim_compressed

    # The same folder written both ways: the same entries with the same bytes.
    folder = tmp_path / "bundle"
    with zipfile.ZipFile(sample_build.bundle_zip("full-en")) as archive:
        archive.extractall(folder)
    (top,) = list(folder.iterdir())
    sizes, contents = {}, {}
    for compressed in (False, True):
        info = zim_info(project, planned["full-en"].edition, 16, 0, compressed)
        target = tmp_path / f"{compressed}.zim"
        write_bundle_zim(top, target, info)
        sizes[compressed] = target.stat().st_size
        entries = _entries(Archive(target))
        contents[compressed] = {
            path: bytes(entry.get_item().content)
            for path, entry in entries.items()
            if not entry.is_redirect
        }
    assert contents[True] == contents[False]
    assert sizes[True] * 2 < sizes[False], sizes
