"""Tests for the bundler on real files: zip, manifest, checksums, verify and the offline check."""

from __future__ import annotations

import calendar
import hashlib
import os
import shutil
import stat
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest

from mochila.bundler import (
    MANIFEST_NAME,
    BundleError,
    RemoteReference,
    build_manifest,
    find_remote_references,
    scan_text,
    snapshot,
    verify,
    write_bundle_zip,
    write_manifest,
    write_sha256sums,
)
from mochila.bundler import archive as archive_module
from mochila.bundler.verify import DAMAGED_ZIP

TOP = "mochila-families-es-2026-11"
EPOCH = calendar.timegm((2026, 11, 1, 12, 30, 0))
INFO = {
    "edition": "2026-11",
    "language": "es",
    "bundle": "families-es",
    "title": "Familias",
    "selection": {"audience": ["families"]},
    "activities": ["agua", "semillas"],
}
FILES = {
    "index.html": b"<h1>Hola</h1>\n",
    "ABRIR AQU\u00cd.html": b"<a href='index.html'>abrir</a>\n",
    "actividades/agua/index.html": b"<p>agua</p>\n" * 50,
    "assets/app.css": b"body{margin:0}\n",
}


def make_site(folder: Path, files: dict[str, bytes] = FILES) -> Path:
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return folder


def make_bundle(tmp_path: Path) -> tuple[Path, Path]:
    """Return (bundle folder with manifest, its zip), as the build makes them."""
    site = make_site(tmp_path / "site")
    write_manifest(site, build_manifest(site, info=INFO))
    out = tmp_path / "out"
    out.mkdir()
    zip_path = out / f"{TOP}.zip"
    write_bundle_zip(site, zip_path, top=TOP, epoch=EPOCH)
    return site, zip_path


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- archive ---------------------------------------------------------------------------------


def test_a_folder_read_once_gives_the_same_manifest_check_and_zip(tmp_path):
    """The build reads a bundle once and checks, lists and zips it from memory."""
    files = {
        **FILES,
        "big/search_index.js": b"var __index = " + b'{"t":"agua"},' * 200_000,
        "remote.html": b'<img src="https://cdn.example/a.png">\n',
    }
    site = make_site(tmp_path / "site", files)
    assert snapshot(site, max_bytes=sum(map(len, files.values())) - 1) is None
    read = snapshot(site, max_bytes=sum(map(len, files.values())))
    assert sorted(read.files) == sorted(files) and read.folders == [
        "actividades",
        "actividades/agua",
        "assets",
        "big",
    ]
    assert build_manifest(site, info=INFO, read=read) == build_manifest(site, info=INFO)
    assert find_remote_references(site, read) == find_remote_references(site)
    assert find_remote_references(site, read)  # the remote image is found from memory too
    write_manifest(site, build_manifest(site, info=INFO))
    read.add(MANIFEST_NAME, (site / MANIFEST_NAME).read_bytes())
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    from_disk = write_bundle_zip(site, tmp_path / "a" / "x.zip", top=TOP, epoch=EPOCH)
    from_memory = write_bundle_zip(site, tmp_path / "b" / "x.zip", top=TOP, epoch=EPOCH, read=read)
    assert from_memory.path.read_bytes() == from_disk.path.read_bytes()
    assert (from_memory.files, from_memory.sha256) == (from_disk.files, from_disk.sha256)


def test_zip_lists_sorted_entries_with_explicit_folders(tmp_path):
    site = make_site(tmp_path / "site")
    (site / "vac\u00edo").mkdir()
    zip_path = tmp_path / "b.zip"
    write_bundle_zip(site, zip_path, top=TOP, epoch=EPOCH)
    with zipfile.ZipFile(zip_path) as archive:
        assert archive.namelist() == [
            f"{TOP}/",
            f"{TOP}/ABRIR AQU\u00cd.html",
            f"{TOP}/actividades/",
            f"{TOP}/actividades/agua/",
            f"{TOP}/actividades/agua/index.html",
            f"{TOP}/assets/",
            f"{TOP}/assets/app.css",
            f"{TOP}/index.html",
            f"{TOP}/vac\u00edo/",
        ]
        assert archive.testzip() is None
        assert (
            archive.read(f"{TOP}/actividades/agua/index.html")
            == FILES["actividades/agua/index.html"]
        )
        assert archive.comment == b""


def test_zip_entries_have_fixed_metadata(tmp_path):
    site = make_site(tmp_path / "site")
    zip_path = tmp_path / "b.zip"
    write_bundle_zip(site, zip_path, top=TOP, epoch=EPOCH)
    with zipfile.ZipFile(zip_path) as archive:
        for info in archive.infolist():
            assert info.date_time == (2026, 11, 1, 12, 30, 0)
            assert info.create_system == 3
            assert info.extra == b""
            if info.is_dir():
                assert info.external_attr == (0o040755 << 16) | 0x10
            else:
                assert info.external_attr == 0o100644 << 16
                assert info.compress_type == zipfile.ZIP_DEFLATED


def test_utf8_flag_only_on_non_ascii_names(tmp_path):
    site = make_site(tmp_path / "site")
    zip_path = tmp_path / "b.zip"
    write_bundle_zip(site, zip_path, top=TOP, epoch=EPOCH)
    with zipfile.ZipFile(zip_path) as archive:
        flags = {info.filename: info.flag_bits for info in archive.infolist()}
    assert flags[f"{TOP}/ABRIR AQU\u00cd.html"] == 0x800
    assert flags[f"{TOP}/index.html"] == 0
    # The local header must agree with the central directory and hold the name as UTF-8.
    with zipfile.ZipFile(zip_path) as archive:
        offset = archive.getinfo(f"{TOP}/ABRIR AQU\u00cd.html").header_offset
    raw = zip_path.read_bytes()
    name = f"{TOP}/ABRIR AQU\u00cd.html".encode()
    assert raw[offset : offset + 4] == b"PK\x03\x04"
    assert int.from_bytes(raw[offset + 6 : offset + 8], "little") == 0x800
    assert raw[offset + 30 : offset + 30 + len(name)] == name


def test_zip_is_byte_identical_for_identical_input(tmp_path):
    site = make_site(tmp_path / "site")
    first, second = tmp_path / "1.zip", tmp_path / "2.zip"
    write_bundle_zip(site, first, top=TOP, epoch=EPOCH)
    write_bundle_zip(site, second, top=TOP, epoch=EPOCH)
    assert first.read_bytes() == second.read_bytes()


def test_zip_ignores_file_times_and_creation_order(tmp_path):
    site = make_site(tmp_path / "site")
    other = make_site(tmp_path / "other", dict(reversed(list(FILES.items()))))
    for number, path in enumerate(sorted(other.rglob("*"))):
        os.utime(path, (1_000_000 + number * 7777, 2_000_000_000 - number * 3333))
    first, second = tmp_path / "1.zip", tmp_path / "2.zip"
    write_bundle_zip(site, first, top=TOP, epoch=EPOCH)
    write_bundle_zip(other, second, top=TOP, epoch=EPOCH)
    assert first.read_bytes() == second.read_bytes()


def test_zip_changes_when_a_byte_changes(tmp_path):
    site = make_site(tmp_path / "site")
    first, second = tmp_path / "1.zip", tmp_path / "2.zip"
    write_bundle_zip(site, first, top=TOP, epoch=EPOCH)
    (site / "index.html").write_bytes(b"<h1>Hola!</h1>\n")
    write_bundle_zip(site, second, top=TOP, epoch=EPOCH)
    assert first.read_bytes() != second.read_bytes()


def test_epoch_before_1980_is_clamped(tmp_path):
    site = make_site(tmp_path / "site")
    zip_path = tmp_path / "b.zip"
    write_bundle_zip(site, zip_path, top=TOP, epoch=0)
    with zipfile.ZipFile(zip_path) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_summary_describes_the_zip(tmp_path):
    site = make_site(tmp_path / "site")
    zip_path = tmp_path / "b.zip"
    summary = write_bundle_zip(site, zip_path, top=TOP, epoch=EPOCH)
    data = zip_path.read_bytes()
    assert summary.path == zip_path
    assert summary.files == 4
    assert summary.uncompressed_bytes == sum(len(d) for d in FILES.values()) == 660
    assert summary.zip_bytes == len(data)
    assert summary.sha256 == sha256(data)
    assert stat.S_IMODE(zip_path.stat().st_mode) == 0o644


def test_failed_write_leaves_previous_zip_untouched(tmp_path, monkeypatch):
    site = make_site(tmp_path / "site")
    out = tmp_path / "out"
    out.mkdir()
    zip_path = out / "b.zip"
    zip_path.write_bytes(b"the previous bundle")
    real_write_file = archive_module._write_file
    written = []

    def fail_on_third_file(archive, arcname, *args):
        if len(written) == 2:
            raise OSError("disk full")
        written.append(arcname)
        real_write_file(archive, arcname, *args)

    monkeypatch.setattr(archive_module, "_write_file", fail_on_third_file)
    with pytest.raises(OSError, match="disk full"):
        write_bundle_zip(site, zip_path, top=TOP, epoch=EPOCH)
    assert len(written) == 2
    assert zip_path.read_bytes() == b"the previous bundle"
    assert [p.name for p in out.iterdir()] == ["b.zip"]


def test_failed_first_write_leaves_no_zip(tmp_path, monkeypatch):
    site = make_site(tmp_path / "site")
    zip_path = tmp_path / "out" / "b.zip"
    zip_path.parent.mkdir()

    def fail(*args):
        raise OSError("disk full")

    monkeypatch.setattr(archive_module, "_write_file", fail)
    with pytest.raises(OSError):
        write_bundle_zip(site, zip_path, top=TOP, epoch=EPOCH)
    assert list(zip_path.parent.iterdir()) == []


def test_refuses_a_file_of_4_gib(tmp_path):
    site = make_site(tmp_path / "site")
    with (site / "video.mp4").open("wb") as stream:
        stream.truncate(2**32)  # sparse: no 4 GiB actually written
    zip_path = tmp_path / "out" / "b.zip"
    zip_path.parent.mkdir()
    zip_path.write_bytes(b"previous")
    with pytest.raises(BundleError, match=r"^video\.mp4 is 4\.0 GiB; a USB stick \(FAT32\)"):
        write_bundle_zip(site, zip_path, top=TOP, epoch=EPOCH)
    assert zip_path.read_bytes() == b"previous"
    assert [p.name for p in zip_path.parent.iterdir()] == ["b.zip"]


def test_size_limit_allows_exactly_the_maximum(tmp_path, monkeypatch):
    monkeypatch.setattr(archive_module, "MAX_FILE_SIZE", 14)
    site = make_site(tmp_path / "site", {"a.html": b"x" * 14})
    write_bundle_zip(site, tmp_path / "ok.zip", top=TOP, epoch=EPOCH)
    (site / "a.html").write_bytes(b"x" * 15)
    with pytest.raises(BundleError):
        write_bundle_zip(site, tmp_path / "too-big.zip", top=TOP, epoch=EPOCH)


@pytest.mark.parametrize("top", ["", "a/b", "a\\b", ".", ".."])
def test_top_must_be_one_folder_name(tmp_path, top):
    site = make_site(tmp_path / "site")
    with pytest.raises(ValueError, match="top must be a single folder name"):
        write_bundle_zip(site, tmp_path / "b.zip", top=top, epoch=EPOCH)


def test_zip_inside_the_zipped_folder_is_refused(tmp_path):
    site = make_site(tmp_path / "site")
    with pytest.raises(ValueError, match="must not be inside"):
        write_bundle_zip(site, site / "b.zip", top=TOP, epoch=EPOCH)


def test_symlink_in_bundle_is_refused(tmp_path):
    site = make_site(tmp_path / "site")
    (site / "link.html").symlink_to(site / "index.html")
    with pytest.raises(BundleError, match="symbolic link"):
        write_bundle_zip(site, tmp_path / "b.zip", top=TOP, epoch=EPOCH)


def test_missing_folder_is_a_bundle_error(tmp_path):
    with pytest.raises(BundleError, match="does not exist"):
        write_bundle_zip(tmp_path / "nope", tmp_path / "b.zip", top=TOP, epoch=EPOCH)


# --- manifest --------------------------------------------------------------------------------


def test_manifest_lists_every_file_but_itself(tmp_path):
    site = make_site(tmp_path / "site", {**FILES, "sub/manifest.json": b"{}"})
    (site / MANIFEST_NAME).write_text("old manifest")
    manifest = build_manifest(site, info=INFO)
    assert manifest == {
        **INFO,
        "files": [
            {"path": name, "size": len(data), "sha256": sha256(data)}
            for name, data in sorted({**FILES, "sub/manifest.json": b"{}"}.items())
        ],
    }
    assert [f["path"] for f in manifest["files"]] == [
        "ABRIR AQU\u00cd.html",
        "actividades/agua/index.html",
        "assets/app.css",
        "index.html",
        "sub/manifest.json",
    ]
    assert manifest["files"][3] == {
        "path": "index.html",
        "size": 14,
        "sha256": sha256(b"<h1>Hola</h1>\n"),
    }


def test_manifest_refuses_info_with_files(tmp_path):
    site = make_site(tmp_path / "site")
    with pytest.raises(ValueError, match="must not contain 'files'"):
        build_manifest(site, info={"files": []})


def test_written_manifest_is_deterministic_sorted_utf8(tmp_path):
    site = make_site(tmp_path / "site", {"\u00e1rbol.html": b"a"})
    path = write_manifest(site, build_manifest(site, info={"title": "Ni\u00f1os", "edition": "x"}))
    assert path == site / MANIFEST_NAME
    assert (
        path.read_bytes()
        == (
            "{\n"
            '  "edition": "x",\n'
            '  "files": [\n'
            "    {\n"
            '      "path": "\u00e1rbol.html",\n'
            f'      "sha256": "{sha256(b"a")}",\n'
            '      "size": 1\n'
            "    }\n"
            "  ],\n"
            '  "title": "Ni\u00f1os"\n'
            "}\n"
        ).encode()
    )
    first = path.read_bytes()
    write_manifest(site, build_manifest(site, info={"title": "Ni\u00f1os", "edition": "x"}))
    assert path.read_bytes() == first
    assert sorted(p.name for p in site.iterdir()) == [MANIFEST_NAME, "\u00e1rbol.html"]


# --- SHA256SUMS ------------------------------------------------------------------------------


def test_sha256sums_format_and_real_sha256sum_check(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "b.zip").write_bytes(b"bbb")
    (out / "a.zip").write_bytes(b"aaa")
    path = write_sha256sums(out, [out / "b.zip", out / "a.zip"])
    assert path == out / "SHA256SUMS"
    assert path.read_text() == f"{sha256(b'aaa')}  a.zip\n{sha256(b'bbb')}  b.zip\n"
    tool = shutil.which("sha256sum")
    if tool is None:
        pytest.skip("sha256sum is not installed")
    result = subprocess.run([tool, "-c", "SHA256SUMS"], cwd=out, capture_output=True, text=True)
    assert (result.returncode, result.stdout) == (0, "a.zip: OK\nb.zip: OK\n")
    (out / "b.zip").write_bytes(b"bbc")
    result = subprocess.run([tool, "-c", "SHA256SUMS"], cwd=out, capture_output=True, text=True)
    assert (result.returncode, result.stdout) == (1, "a.zip: OK\nb.zip: FAILED\n")


def test_sha256sums_refuses_a_zip_elsewhere(tmp_path):
    (tmp_path / "elsewhere.zip").write_bytes(b"")
    (tmp_path / "out").mkdir()
    with pytest.raises(ValueError, match="is not directly inside"):
        write_sha256sums(tmp_path / "out", [tmp_path / "elsewhere.zip"])


# --- verify ----------------------------------------------------------------------------------

OK_SUMMARY = "OK: 4 files checked, edition 2026-11, bundle families-es."


def unzip(zip_path: Path, destination: Path) -> Path:
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(destination)
    return destination


def rezip(site: Path, zip_path: Path) -> Path:
    """Zip a folder whose files no longer match its manifest (the zip itself is sound)."""
    write_bundle_zip(site, zip_path, top=TOP, epoch=EPOCH)
    return zip_path


def test_verify_clean_zip(tmp_path):
    _, zip_path = make_bundle(tmp_path)
    report = verify(zip_path)
    assert (report.ok, report.problems, report.checked) == (True, [], 4)
    assert (report.edition, report.language, report.bundle) == ("2026-11", "es", "families-es")
    assert report.summary() == OK_SUMMARY


@pytest.mark.parametrize("inner", [False, True])
def test_verify_clean_unzipped_copy(tmp_path, inner):
    _, zip_path = make_bundle(tmp_path)
    stick = unzip(zip_path, tmp_path / "stick")
    report = verify(stick / TOP if inner else stick)
    assert report.problems == []
    assert report.summary() == OK_SUMMARY


def test_verify_ignores_os_junk_silently(tmp_path):
    _, zip_path = make_bundle(tmp_path)
    stick = unzip(zip_path, tmp_path / "stick")
    bundle = stick / TOP
    for junk in [
        ".DS_Store",
        "actividades/Thumbs.db",
        "desktop.ini",
        "__MACOSX/index.html",
        "System Volume Information/IndexerVolumeGuid",
        "._index.html",
    ]:
        (bundle / junk).parent.mkdir(parents=True, exist_ok=True)
        (bundle / junk).write_bytes(b"junk")
    (stick / "System Volume Information").mkdir()
    assert verify(stick).problems == []


def test_verify_folder_with_decomposed_accents(tmp_path):
    _, zip_path = make_bundle(tmp_path)
    bundle = unzip(zip_path, tmp_path / "stick") / TOP
    composed = bundle / "ABRIR AQU\u00cd.html"
    composed.rename(bundle / unicodedata.normalize("NFD", composed.name))
    assert verify(bundle).problems == []


def test_verify_folder_flipped_byte(tmp_path):
    _, zip_path = make_bundle(tmp_path)
    bundle = unzip(zip_path, tmp_path / "stick") / TOP
    data = bytearray((bundle / "index.html").read_bytes())
    data[3] ^= 0x01
    (bundle / "index.html").write_bytes(bytes(data))
    report = verify(bundle)
    assert report.problems == ["Damaged file: index.html (its contents have changed)."]
    assert report.ok is False
    assert report.checked == 4
    assert (
        report.summary() == "1 problem found: Damaged file: index.html (its contents have changed)."
    )


def test_verify_folder_size_change(tmp_path):
    _, zip_path = make_bundle(tmp_path)
    bundle = unzip(zip_path, tmp_path / "stick") / TOP
    (bundle / "assets/app.css").write_bytes(b"body{}")
    assert verify(bundle).problems == ["Damaged file: assets/app.css (expected 15 bytes, found 6)."]


def test_verify_folder_missing_and_extra_files(tmp_path):
    _, zip_path = make_bundle(tmp_path)
    stick = unzip(zip_path, tmp_path / "stick")
    (stick / TOP / "actividades/agua/index.html").unlink()
    (stick / TOP / "notas.txt").write_text("hola")
    report = verify(stick)
    assert report.problems == [
        "Missing file: actividades/agua/index.html (listed in manifest.json).",
        "Unexpected file: notas.txt (not part of this bundle; it may have been added by hand).",
    ]
    assert report.summary() == "2 problems found: " + " ".join(report.problems)


def test_verify_zip_flipped_byte_in_compressed_data(tmp_path):
    _, zip_path = make_bundle(tmp_path)
    with zipfile.ZipFile(zip_path) as archive:
        info = archive.getinfo(f"{TOP}/actividades/agua/index.html")
    data_start = info.header_offset + 30 + len(info.filename.encode())
    raw = bytearray(zip_path.read_bytes())
    raw[data_start + info.compress_size // 2] ^= 0xFF
    zip_path.write_bytes(bytes(raw))
    assert verify(zip_path).problems == [
        "Damaged file: actividades/agua/index.html (it cannot be read)."
    ]


def test_verify_zip_with_changed_missing_and_extra_files(tmp_path):
    site, _ = make_bundle(tmp_path)
    (site / "index.html").write_bytes(b"<h1>HOLA</h1>\n")
    (site / "assets/app.css").unlink()
    (site / "extra.js").write_bytes(b"alert(1)")
    (site / ".DS_Store").write_bytes(b"junk")
    report = verify(rezip(site, tmp_path / "changed.zip"))
    assert report.problems == [
        "Missing file: assets/app.css (listed in manifest.json).",
        "Damaged file: index.html (its contents have changed).",
        "Unexpected file: extra.js (not part of this bundle; it may have been added by hand).",
    ]


def test_verify_zip_entry_outside_the_bundle_folder(tmp_path):
    _, zip_path = make_bundle(tmp_path)
    with zipfile.ZipFile(zip_path, "a") as archive:
        archive.writestr("LEEME.txt", "hola")
        archive.writestr("__MACOSX/._x", "junk")
    assert verify(zip_path).problems == [
        "Unexpected file: LEEME.txt (not part of this bundle; it may have been added by hand)."
    ]


@pytest.mark.parametrize("damage", ["truncated", "not a zip", "empty"])
def test_verify_damaged_zip_in_plain_words(tmp_path, damage):
    _, zip_path = make_bundle(tmp_path)
    raw = zip_path.read_bytes()
    zip_path.write_bytes(
        {"truncated": raw[: len(raw) // 2], "not a zip": b"<html>404</html>", "empty": b""}[damage]
    )
    report = verify(zip_path)
    assert report.problems == [DAMAGED_ZIP]
    assert report.summary() == (
        "1 problem found: The zip file cannot be opened: it is damaged or was not copied "
        "completely. Download or copy it again."
    )
    assert report.checked == 0
    assert report.edition is None


def test_verify_zip_without_manifest(tmp_path):
    site = make_site(tmp_path / "site")
    zip_path = rezip(site, tmp_path / "plain.zip")
    assert verify(zip_path).problems == [
        "No single manifest.json found in the zip: it is not a bundle."
    ]


def test_verify_folder_without_manifest(tmp_path):
    site = make_site(tmp_path / "site")
    assert verify(site).problems == [
        f"No manifest.json found in {site}: this is not a Mochila bundle, or manifest.json was "
        "deleted. Copy the bundle again."
    ]


def test_verify_folder_with_two_bundles(tmp_path):
    for name in ("b", "a"):
        make_site(tmp_path / "stick" / name, {MANIFEST_NAME: b'{"files": []}'})
    assert verify(tmp_path / "stick").problems == [
        f"{tmp_path / 'stick'} holds several bundles (a, b). Check them one at a time."
    ]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"{not json", "manifest.json is damaged (it is not valid JSON). Copy the bundle again."),
        (b"\xff\xfe", "manifest.json is damaged (it is not valid JSON). Copy the bundle again."),
        (b"[]", "manifest.json is not a valid bundle manifest (it has no list of files)."),
        (
            b'{"files": [{"path": "../../etc/passwd", "size": 1, "sha256": "' + b"0" * 64 + b'"}]}',
            "manifest.json is not a valid bundle manifest (a file path is invalid: "
            "'../../etc/passwd').",
        ),
        (
            b'{"files": [{"path": "a", "size": true, "sha256": "' + b"0" * 64 + b'"}]}',
            "manifest.json is not a valid bundle manifest (the size of a is invalid).",
        ),
        (
            b'{"files": [{"path": "a", "size": 1, "sha256": "abc"}]}',
            "manifest.json is not a valid bundle manifest (the checksum of a is invalid).",
        ),
    ],
)
def test_verify_invalid_manifest(tmp_path, content, problem):
    site = make_site(tmp_path / "site", {MANIFEST_NAME: content})
    assert verify(site).problems == [problem]


def test_verify_nothing_at_path(tmp_path):
    assert verify(tmp_path / "nope").problems == [
        f"There is no file or folder at {tmp_path / 'nope'}."
    ]


def test_summary_shows_five_problems_then_counts_the_rest(tmp_path):
    _, zip_path = make_bundle(tmp_path)
    bundle = unzip(zip_path, tmp_path / "stick") / TOP
    for number in range(7):
        (bundle / f"extra{number}.txt").write_text("x")
    summary = verify(bundle).summary()
    assert summary.startswith("7 problems found: Unexpected file: extra0.txt (")
    assert summary.count("Unexpected file:") == 5
    assert summary.endswith("by hand). ...and 2 more.")


# --- offline check ---------------------------------------------------------------------------


def refs(name: str, text: str) -> list[tuple[int, str]]:
    return [(ref.line, ref.text) for ref in scan_text(name, text)]


def test_finds_remote_image_stylesheet_and_fetch_in_real_files(tmp_path):
    site = make_site(
        tmp_path / "site",
        {
            "index.html": b'<p>hola</p>\n<img src="https://x.example/a.png">\n',
            "assets/app.css": b"body{}\n@font-face{src:url(http://fonts.example/f.woff2)}\n",
            "assets/app.js": b'let a = 1;\nfetch("https://api.example/data");\n',
            "data.json": b'{"u": "https://not-scanned.example/"}',
            "notes.txt": b"https://not-scanned.example/",
            "assets/app.js.map": b'{"sources": ["https://not-scanned.example/"]}',
        },
    )
    assert find_remote_references(site) == [
        RemoteReference("assets/app.css", 2, "@font-face{src:url(http://fonts.example/f.woff2)}"),
        RemoteReference("assets/app.js", 2, 'fetch("https://api.example/data");'),
        RemoteReference("index.html", 2, '<img src="https://x.example/a.png">'),
    ]
    assert find_remote_references(site)[0].format() == (
        "assets/app.css:2: @font-face{src:url(http://fonts.example/f.woff2)}"
    )


def test_finds_protocol_relative_references():
    assert refs("a.html", '<script src="//cdn.example/x.js"></script>\n<img src=//h.example>') == [
        (1, '<script src="//cdn.example/x.js"></script>'),
        (2, "<img src=//h.example>"),
    ]
    assert refs("a.css", "a{background:url( '//cdn.example/i.png')}") == [
        (1, "a{background:url( '//cdn.example/i.png')}")
    ]
    assert refs("a.js", 'var re = "//not-a-request"; x = a // b') == []


def test_long_lines_give_a_short_excerpt():
    line = "x" * 100 + 'fetch("https://api.example/q")' + "y" * 100
    assert refs("a.js", line) == [
        (1, "..." + "x" * 33 + 'fetch("https://api.example/q")' + "y" * 38 + "...")
    ]


def test_html_comments_doctype_and_namespaces_are_ignored():
    html = (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml">\n'
        "<!-- made with https://example.org\n   and http://other.example -->\n"
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        "<!--! Font Awesome https://fontawesome.com --></svg>\n"
        '<img src="https://after.example/a.png">\n'
    )
    assert refs("index.html", html) == [(6, '<img src="https://after.example/a.png">')]


@pytest.mark.parametrize("quote", ['"', "'"])
def test_a_page_with_only_icon_namespaces_has_nothing_but_others_are_still_found(quote):
    icons = f"<svg xmlns={quote}http://www.w3.org/2000/svg{quote}><path d='M0 0'/></svg>\n"
    assert refs("a.html", icons * 3) == []
    assert refs("a.html", icons + '<img src="//cdn.example/i.png">') == [
        (2, '<img src="//cdn.example/i.png">')
    ]
    assert refs("a.html", icons + "<p>//</p><img src='https://h.example'>") == [
        (2, "<p>//</p><img src='https://h.example'>")
    ]


def test_svg_files_follow_the_html_rules():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/ns">\n'
        '<image href="https://x.example/p.png"/></svg>'
    )
    assert refs("a.svg", svg) == [(2, '<image href="https://x.example/p.png"/></svg>')]


def test_css_comments_licences_and_svg_data_uris_are_ignored():
    css = (
        "/*! licence https://licence.example */\n"
        "a{b:c}/* see http://docs.example\n http://more.example */\n"
        "i{mask:url(\"data:image/svg+xml;charset=utf-8,<svg xmlns='http://www.w3.org/2000/svg'>"
        '\\3c !-- https://fontawesome.com --\\3e</svg>")}\n'
        'q{content:"/* not a comment"}b{background:url(https://real.example/x.png)}\n'
    )
    assert refs("a.css", css) == [
        (5, '...ent:"/* not a comment"}b{background:url(https://real.example/x.png)}')
    ]


def test_js_comments_are_ignored_but_strings_are_reported():
    js = (
        '"use strict";/*! licence https://licence.example\n * https://more.example */var a=1;\n'
        "// https://line-comment.example\n"
        "   //# sourceMappingURL=https://maps.example/a.js.map\n"
        'document.createElementNS("http://www.w3.org/2000/svg","svg");\n'
        "var b = 2; // https://mid-line-comment.example\n"
        "let u=`https://api.example/${user}`;\n"
    )
    assert refs("a.js", js) == [
        (6, "var b = 2; // https://mid-line-comment.example"),
        (7, "let u=`https://api.example/${user}`;"),
    ]


@pytest.mark.parametrize(
    "code",
    [
        'var s = "a//b"; fetch("https://h.example/x")',
        "var r = /\\/\\//; fetch('https://h.example/x')",
        'var accept = "*/*"; fetch("https://h.example/x"); /* end */',
        "var r = /[/*]/; fetch('https://h.example/x'); /* end */",
        "var t = `a ${ {k: 1}.k } /* https://h.example/x */`;",
        'x = a / b; y = c / d; fetch("https://h.example/x")',
        'if (ok) return /a*/.test(s) + fetch("https://h.example/x")',
    ],
)
def test_js_strings_and_regexes_do_not_start_comments(code):
    assert [line for line, _ in refs("a.js", code)] == [1]


def test_material_assets_remote_references():
    """Pins what the installed Material ships, so an upgrade that adds a request is seen."""
    material = pytest.importorskip("material")
    assets = Path(material.__file__).parent / "templates" / "assets"
    found = find_remote_references(assets)
    by_file: dict[str, list[str]] = {}
    for ref in found:
        name = ref.path.split("/")[-1].split(".")[0]
        by_file.setdefault(name, []).append(ref.text)
    assert sorted(by_file) == ["bundle", "search", "wordcut"]
    assert not [ref for ref in found if ref.path.endswith(".css")]
    bundle = " ".join(by_file["bundle"])
    for url in [
        "https://unpkg.com/resize-observer-polyfill",
        "https://unpkg.com/mermaid@11/dist/mermaid.min.js",
        "`https://api.github.com/repos/${e}/${t}`",
        "`https://api.github.com/users/${e}`",
        "`https://${e}/api/v4/projects/",
    ]:
        assert url in bundle
    assert len(by_file["bundle"]) == 5
    assert ["https://bit.ly/2s3ChXG" in text for text in by_file["search"]] == [True]
