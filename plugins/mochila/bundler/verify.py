"""Check a bundle, zipped or copied onto a USB stick, against the manifest inside it.

Used by coordinators who prepare sticks for schools: the report is in plain words and says
what to do, and it never stops at the first problem, since a half-copied stick usually has
many. Files that operating systems add on their own (``.DS_Store``, ``Thumbs.db``...) are
ignored silently, since they harm nothing and the coordinator cannot avoid them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ._fs import sha256_file
from .journal import is_update_mark, journal_problems
from .manifest import MANIFEST_NAME

_JUNK_FILES = {".ds_store", "thumbs.db", "desktop.ini"}
_JUNK_FOLDERS = {
    "__macosx",
    "system volume information",
    ".spotlight-v100",
    ".trashes",
    ".fseventsd",
    ".temporaryitems",
}
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
# What zipfile raises on damaged data: bad CRC or headers (BadZipFile), a broken deflate
# stream (zlib.error, EOFError), or a corrupt method or flag field (NotImplementedError,
# RuntimeError for "encrypted").
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError)
_SHOWN_IN_SUMMARY = 5

DAMAGED_ZIP = (
    "The zip file cannot be opened: it is damaged or was not copied completely. "
    "Download or copy it again."
)


@dataclass(frozen=True)
class VerifyReport:
    """The outcome of ``verify``: every problem found, in plain words, plus what was checked."""

    problems: list[str] = field(default_factory=list)
    checked: int = 0
    edition: str | None = None
    language: str | None = None
    bundle: str | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        """Return one paragraph for the coordinator, starting with OK or the problem count."""
        if self.ok:
            noun = "file" if self.checked == 1 else "files"
            details = [f"{self.checked} {noun} checked"]
            if self.edition:
                details.append(f"edition {self.edition}")
            if self.bundle:
                details.append(f"bundle {self.bundle}")
            return "OK: " + ", ".join(details) + "."
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        text = f"{count} {noun} found: " + " ".join(self.problems[:_SHOWN_IN_SUMMARY])
        if count > _SHOWN_IN_SUMMARY:
            text += f" ...and {count - _SHOWN_IN_SUMMARY} more."
        return text


class _Unreadable(Exception):
    """A file is present but its contents cannot be read."""


def verify(path: Path) -> VerifyReport:
    """Check the bundle zip or unzipped bundle folder at ``path``; never raises for bad data.

    A folder may be the bundle itself (it holds ``manifest.json``) or the folder it was
    unzipped into (one sub-folder holds ``manifest.json``), e.g. the root of a USB stick.
    """
    if path.is_dir():
        return _verify_folder(path)
    if path.is_file():
        return _verify_zip(path)
    return VerifyReport([f"There is no file or folder at {path}."])


def _verify_folder(path: Path) -> VerifyReport:
    root, problem = find_bundle_folder(path)
    if root is None:
        return VerifyReport([problem])
    try:
        manifest_data = (root / MANIFEST_NAME).read_bytes()
    except OSError:
        return VerifyReport([f"{MANIFEST_NAME} could not be read. Copy the bundle again."])
    present: dict[str, str] = {}
    problems: list[str] = []

    def walk_error(error: OSError) -> None:
        relative = Path(error.filename).relative_to(root).as_posix()
        if not _is_junk(relative + "/"):
            problems.append(f"A folder could not be opened: {relative} ({error.strerror}).")

    for folder, _, filenames in os.walk(root, onerror=walk_error):
        for name in filenames:
            relative = Path(folder, name).relative_to(root).as_posix()
            present[_key(relative)] = relative

    def measure(relative: str) -> tuple[int, str]:
        try:
            return (root / relative).stat().st_size, sha256_file(root / relative)
        except OSError as error:
            raise _Unreadable from error

    # An interrupted update says so first, and its own files are not "unexpected".
    unfinished = journal_problems(root, sorted(present.values()))
    present = {key: name for key, name in present.items() if not is_update_mark(name)}
    report = _compare(manifest_data, present, measure, problems)
    return replace(report, problems=unfinished + report.problems) if unfinished else report


def find_bundle_folder(path: Path) -> tuple[Path | None, str]:
    """Return the folder holding the manifest (``path`` or its one sub-folder that does),
    or None and why not, in plain words."""
    if (path / MANIFEST_NAME).is_file():
        return path, ""
    candidates = sorted(
        child
        for child in path.iterdir()
        if child.is_dir()
        and child.name.lower() not in _JUNK_FOLDERS
        and (child / MANIFEST_NAME).is_file()
    )
    if len(candidates) == 1:
        return candidates[0], ""
    if candidates:
        names = ", ".join(child.name for child in candidates)
        return None, f"{path} holds several bundles ({names}). Check them one at a time."
    return None, (
        f"No {MANIFEST_NAME} found in {path}: this is not a Mochila bundle, or {MANIFEST_NAME} "
        "was deleted. Copy the bundle again."
    )


def _verify_zip(path: Path) -> VerifyReport:
    try:
        archive = zipfile.ZipFile(path)
    except _DAMAGED:
        return VerifyReport([DAMAGED_ZIP])
    with archive:
        return _check_zip(archive)


def _check_zip(archive: zipfile.ZipFile) -> VerifyReport:
    names = [info.filename for info in archive.infolist() if not info.is_dir()]
    tops = [name for name in names if re.fullmatch(rf"[^/]+/{re.escape(MANIFEST_NAME)}", name)]
    if MANIFEST_NAME in names:
        root = ""
    elif len(tops) == 1:
        root = tops[0][: -len(MANIFEST_NAME)]
    else:
        return VerifyReport([f"No single {MANIFEST_NAME} found in the zip: it is not a bundle."])
    try:
        manifest_data = archive.read(root + MANIFEST_NAME)
    except _DAMAGED:
        return VerifyReport([f"{MANIFEST_NAME} in the zip is damaged. {DAMAGED_ZIP}"])
    present = {_key(name[len(root) :]): name for name in names if name.startswith(root)}
    strays = [_extra(n) for n in sorted(names) if not n.startswith(root) and not _is_junk(n)]

    def measure(name: str) -> tuple[int, str]:
        digest = hashlib.sha256()
        size = 0
        try:
            with archive.open(name) as stream:
                while chunk := stream.read(1024 * 1024):
                    digest.update(chunk)
                    size += len(chunk)
        except _DAMAGED as error:
            raise _Unreadable from error
        return size, digest.hexdigest()

    return _compare(manifest_data, present, measure, strays)


def _compare(
    manifest_data: bytes,
    present: dict[str, str],
    measure: Callable[[str], tuple[int, str]],
    problems: list[str],
) -> VerifyReport:
    """Compare the files ``present`` (key -> name for ``measure``) with the manifest's list."""
    manifest, problem = parse_manifest(manifest_data)
    if manifest is None:
        return VerifyReport([problem])
    missing, damaged = [], []
    expected = set()
    for entry in manifest["files"]:
        key = _key(entry["path"])
        expected.add(key)
        if key not in present:
            missing.append(f"Missing file: {entry['path']} (listed in {MANIFEST_NAME}).")
            continue
        try:
            size, digest = measure(present[key])
        except _Unreadable:
            damaged.append(f"Damaged file: {entry['path']} (it cannot be read).")
            continue
        if size != entry["size"]:
            damaged.append(
                f"Damaged file: {entry['path']} (expected {entry['size']} bytes, found {size})."
            )
        elif digest != entry["sha256"]:
            damaged.append(f"Damaged file: {entry['path']} (its contents have changed).")
    extra = [
        _extra(key)
        for key in sorted(present)
        if key not in expected and key != MANIFEST_NAME and not _is_junk(key)
    ]
    return VerifyReport(
        missing + damaged + extra + problems,
        checked=len(manifest["files"]),
        edition=_text(manifest.get("edition")),
        language=_text(manifest.get("language")),
        bundle=_text(manifest.get("bundle")),
    )


def parse_manifest(data: bytes) -> tuple[dict[str, Any] | None, str]:
    """Return the manifest in ``data`` if it is one (paths safe, sizes and checksums well
    formed), else None and what is wrong with it, in plain words."""
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None, f"{MANIFEST_NAME} is damaged (it is not valid JSON). Copy the bundle again."
    error = _manifest_error(manifest)
    if error:
        return None, f"{MANIFEST_NAME} is not a valid bundle manifest ({error})."
    return manifest, ""


def _manifest_error(manifest: Any) -> str:
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), list):
        return "it has no list of files"
    for entry in manifest["files"]:
        if not isinstance(entry, dict):
            return "an entry in its list of files is not a file"
        path, size, digest = entry.get("path"), entry.get("size"), entry.get("sha256")
        if not isinstance(path, str) or not _is_safe(path):
            return f"a file path is invalid: {path!r}"
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            return f"the size of {path} is invalid"
        if not isinstance(digest, str) or not _SHA256.match(digest):
            return f"the checksum of {path} is invalid"
    return ""


def _is_safe(path: str) -> bool:
    # A manifest must not make verify read outside the bundle.
    parts = path.split("/")
    return "\\" not in path and all(part not in ("", ".", "..") for part in parts)


def _is_junk(name: str) -> bool:
    *folders, last = name.split("/")
    if any(folder.lower() in _JUNK_FOLDERS for folder in folders):
        return True
    return last.lower() in _JUNK_FILES or last.startswith("._")


def _key(path: str) -> str:
    # macOS may hand back names in decomposed form (e + accent), the manifest has composed ones.
    return unicodedata.normalize("NFC", path)


def _extra(name: str) -> str:
    return f"Unexpected file: {name} (not part of this bundle; it may have been added by hand)."


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None
