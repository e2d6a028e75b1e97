"""Bringing an unzipped bundle on a USB stick to a newer edition, in place.

A stick holds tens of megabytes and a new edition usually changes a few pages, so copying the
whole zip again is slow and wears the stick; this writes only the files that differ, removes
the ones the new edition dropped, then checks the result against the new manifest.

Why it is safe to pull the stick out at any moment: before the first file changes, a journal
(``journal.py``) is written; each file is copied under a temporary name and renamed into place
once complete; the new manifest replaces the old one last, then the journal goes. So the stick
is either still the old edition (nothing changed yet, at most an unfinished copy that
``verify`` reports) or carries the journal, which ``verify`` reports as an incomplete update
and the next run finishes by checking every file against the new manifest.

FAT32 and exFAT: no links of any kind are made, and names are compared without case (a stick
cannot hold ``A.html`` beside ``a.html``, so a file renamed only in case is deleted first).
Nothing outside the bundle folder is ever written or deleted: every path comes from a checked
manifest and is resolved inside the folder, and a folder holding links is refused.
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._fs import sha256_file
from .errors import BundleError
from .journal import JOURNAL_NAME, PART_SUFFIX, read_journal
from .manifest import MANIFEST_NAME
from .source import BundleSource, open_bundle
from .verify import VerifyReport, find_bundle_folder, parse_manifest, verify

# progress(bytes copied so far, bytes to copy in all, file being copied)
Progress = Callable[[int, int, str], None]


class UpdateRefused(BundleError):
    """The folder is not a copy of this bundle, or cannot be updated safely; nothing changed."""


def fold(path: str) -> str:
    """How a FAT32/exFAT stick compares names: composed accents, case ignored."""
    return unicodedata.normalize("NFC", path).casefold()


@dataclass(frozen=True)
class Present:
    """A file found in the bundle folder on the stick."""

    name: str  # as stored, relative, '/'-separated
    size: int


@dataclass
class UpdatePlan:
    """What one update does, in order: delete ``delete_first`` (old names of files renamed
    only in case), write ``write``, delete ``delete``. ``keep`` counts untouched files."""

    write: list[dict[str, Any]] = field(default_factory=list)
    delete_first: list[str] = field(default_factory=list)
    delete: list[str] = field(default_factory=list)
    keep: int = 0

    @property
    def bytes_to_copy(self) -> int:
        return sum(entry["size"] for entry in self.write)

    @property
    def empty(self) -> bool:
        return not (self.write or self.delete_first or self.delete)


def plan_update(
    new_files: list[dict[str, Any]],
    present: dict[str, Present],
    known_old: dict[str, dict[str, Any]] | None,
    ours: set[str],
    same_content: Callable[[str, str], bool],
) -> UpdatePlan:
    """Decide what to write and delete. Pure, given ``same_content``.

    ``new_files`` are the new manifest's entries; ``present`` the files on the stick by
    ``fold``ed name. ``known_old`` (by exact path) is the stick's manifest when it can be
    trusted (no interrupted update): a file it lists with the new checksum and the right size
    is kept without reading it. Otherwise ``same_content(name, sha256)`` reads the file.
    ``ours`` (``fold``ed) are the files earlier editions put there: only those may be deleted,
    so files a person added by hand stay (``verify`` names them).
    """
    plan = UpdatePlan()
    wanted = {fold(entry["path"]) for entry in new_files}
    for entry in new_files:
        found = present.get(fold(entry["path"]))
        if found is not None and found.name != entry["path"]:
            plan.delete_first.append(found.name)  # same name on a stick, different case
            found = None
        if found is not None and found.size == entry["size"]:
            old = (known_old or {}).get(entry["path"])
            if known_old is not None:
                unchanged = old is not None and old["sha256"] == entry["sha256"]
            else:
                unchanged = same_content(found.name, entry["sha256"])
            if unchanged:
                plan.keep += 1
                continue
        plan.write.append(entry)
    plan.delete = sorted(
        found.name for key, found in present.items() if key in ours and key not in wanted
    )
    return plan


@dataclass
class UpdateReport:
    """What ``update_stick`` did, for the coordinator."""

    folder: Path
    old_edition: str
    new_edition: str
    written: int = 0
    deleted: int = 0
    kept: int = 0
    bytes_copied: int = 0
    resumed: bool = False
    renamed_to: Path | None = None
    verified: VerifyReport | None = None

    @property
    def ok(self) -> bool:
        return self.verified is not None and self.verified.ok


def update_stick(stick: Path, new: Path, progress: Progress | None = None) -> UpdateReport:
    """Update the bundle copied in ``stick`` to the bundle (zip or folder) at ``new``.

    ``stick`` is the bundle's folder or the folder holding it (e.g. the stick's root). When
    the latter, the bundle's folder is renamed after the new edition at the end. Raises
    UpdateRefused (nothing changed) or BundleError (a file could not be read or written;
    running again finishes the job).
    """
    root = _bundle_folder(Path(stick))
    with open_bundle(new) as source:
        report = _update(root, source, progress)
        report.verified = verify(root)
        if not report.ok:
            # A file on the stick was damaged behind an unchanged name and size: check every
            # file's content this time and copy what differs.
            again = _update(root, source, progress, recheck=True)
            report.written += again.written
            report.deleted += again.deleted
            report.bytes_copied += again.bytes_copied
            report.verified = verify(root)
    if report.ok and root != Path(stick) and root.name != source.top:
        target = root.with_name(source.top)
        if not target.exists():
            os.replace(root, target)
            report.renamed_to = target
    return report


def _bundle_folder(stick: Path) -> Path:
    if not stick.is_dir():
        raise UpdateRefused(f"{stick} is not a folder. Name the folder of the bundle on the stick.")
    root, problem = find_bundle_folder(stick)
    if root is None:
        raise UpdateRefused(
            f"{problem} 'mochila update' only updates a bundle copied there before; to put a "
            "new bundle on the stick, unzip the zip file onto it."
        )
    return root


def _update(
    root: Path, source: BundleSource, progress: Progress | None, recheck: bool = False
) -> UpdateReport:
    new = source.manifest
    journal = read_journal(root)
    old, problem = parse_manifest((root / MANIFEST_NAME).read_bytes())
    if old is None and journal is None:
        raise UpdateRefused(
            f"The bundle on the stick is damaged ({problem}) and cannot be updated in place. "
            "Delete its folder and unzip the new bundle onto the stick instead."
        )
    bundle_now = (old or {}).get("bundle") or (journal or {}).get("bundle")
    if bundle_now != new.get("bundle"):
        raise UpdateRefused(
            f"The stick holds the bundle '{bundle_now}', the zip is the bundle "
            f"'{new.get('bundle')}': an update only brings a bundle to a newer edition of "
            "itself. Choose the zip of the same bundle, or delete the folder and unzip the "
            "other bundle instead."
        )
    present = _present(root)
    old_files = (old or {}).get("files", [])
    ours = {fold(entry["path"]) for entry in old_files}
    ours |= {fold(path) for path in (journal or {}).get("old_paths", [])}
    trusted = None if journal is not None or recheck else {e["path"]: e for e in old_files}

    def same_content(name: str, sha256: str) -> bool:
        return sha256_file(root / name) == sha256

    plan = plan_update(new["files"], present, trusted, ours, same_content)
    report = UpdateReport(
        root,
        str((old or {}).get("edition", "")),
        str(new.get("edition", "")),
        kept=plan.keep,
        resumed=journal is not None,
    )
    leftovers = [p.name for p in present.values() if p.name.endswith(PART_SUFFIX)]
    if plan.empty and journal is None and not leftovers and old == new:
        return report
    for name in leftovers:
        _inside(root, name).unlink()
    record = {
        "bundle": new.get("bundle"),
        "from_edition": report.old_edition,
        "to_edition": report.new_edition,
        "old_paths": sorted(
            {e["path"] for e in old_files} | set((journal or {}).get("old_paths", []))
        ),
    }
    _write_durably(root / JOURNAL_NAME, json.dumps(record, indent=2).encode("utf-8"))
    for name in plan.delete_first:
        _inside(root, name).unlink()
    total = plan.bytes_to_copy
    for entry in plan.write:
        report.bytes_copied += _copy(
            source, entry["path"], root, report.bytes_copied, total, progress
        )
        report.written += 1
    for name in plan.delete:
        _inside(root, name).unlink()
        report.deleted += 1
    _remove_empty_folders(root, {fold(e["path"]) for e in new["files"]})
    _write_durably(root / MANIFEST_NAME, source.manifest_bytes)
    (root / JOURNAL_NAME).unlink()
    return report


def _present(root: Path) -> dict[str, Present]:
    found: dict[str, Present] = {}
    for folder, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            if Path(folder, name).is_symlink():
                raise UpdateRefused(
                    f"{Path(folder, name)} is a link; a bundle on a USB stick never holds "
                    "one. Unzip the new bundle into an empty folder instead."
                )
        for name in filenames:
            relative = Path(folder, name).relative_to(root).as_posix()
            if relative in (MANIFEST_NAME, JOURNAL_NAME):
                continue
            found[fold(relative)] = Present(relative, Path(folder, name).stat().st_size)
    return found


def _inside(root: Path, relative: str) -> Path:
    """The path of ``relative`` in ``root``; refuses anything that would leave it."""
    target = root.joinpath(*relative.split("/"))
    real_root = os.path.realpath(root)
    if os.path.commonpath([os.path.realpath(target), real_root]) != real_root:
        raise UpdateRefused(f"{relative} would be outside the bundle folder; nothing was done.")
    return target


def _copy(
    source: BundleSource,
    name: str,
    root: Path,
    done: int,
    total: int,
    progress: Progress | None,
) -> int:
    target = _inside(root, name)
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + PART_SUFFIX)
    with part.open("wb") as out:
        copied = source.copy_to(name, out)
        out.flush()
        os.fsync(out.fileno())
    os.replace(part, target)
    if progress is not None:
        progress(done + copied, total, name)
    return copied


def _write_durably(target: Path, data: bytes) -> None:
    part = target.with_name(target.name + PART_SUFFIX)
    with part.open("wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(part, target)


def _remove_empty_folders(root: Path, wanted: set[str]) -> None:
    """Remove folders left empty by deletions (bottom up); never the bundle folder itself."""
    needed = {fold(path).rsplit("/", 1)[0] for path in wanted if "/" in path}
    for folder, _, _ in os.walk(root, topdown=False):
        path = Path(folder)
        if path == root or any(path.iterdir()):
            continue
        relative = fold(path.relative_to(root).as_posix())
        if not any(n == relative or n.startswith(relative + "/") for n in needed):
            path.rmdir()
