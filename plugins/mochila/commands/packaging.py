"""Packaging one built bundle: offline and USB checks, manifest, deterministic zip.

Runs in the build worker right after the bundle's edition is built, so bundles are packaged
in parallel; the checksums file and the summary table come last, in the main process.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import speedups
from ..bundler import (
    MANIFEST_NAME,
    BundleError,
    Snapshot,
    build_manifest,
    find_remote_references,
    snapshot,
    write_bundle_zip,
    write_manifest,
    write_sha256sums,
)
from ..bundler.zim import ZimInfo, ZimSummary, write_bundle_zim
from ..domain.catalogue import Catalogue
from ..domain.changes import Changes
from ..domain.usb_paths import usb_path_problems
from ..plugins.context import EditionContext
from .editions import Planned
from .mkdocs_run import EditionBuildError

MAX_BUNDLE_PATH = 180
# A bundle of 1,000 activities is ~40 MB unzipped, of 3,000 with images ~110 MB.
SNAPSHOT_MAX_BYTES = 64_000_000


@dataclass(frozen=True)
class Packaged:
    """What the summary table says about one bundle."""

    name: str
    activities: int
    files: int
    zip_path: Path
    zip_bytes: int
    sha256: str
    changes: Changes | None = None
    zim: ZimSummary | None = None


def package_bundle(
    item: Planned,
    staging: Path,
    catalogue: Catalogue,
    epoch: int,
    built: EditionContext,
    zim: ZimInfo | None = None,
) -> Packaged:
    """Check the built folder of ``item``, write its manifest and its zip into staging/bundles,
    and with ``zim`` (its metadata) the same folder as a ZIM file for Kiwix beside the zip.

    The manifest lists each activity with its title and the fingerprint of its content (as
    the build recorded them in its context, ``built``) and the edition "What's new" compared
    with, so a later edition, ``mochila diff`` and ``mochila update`` can tell what changed.

    Raises EditionBuildError when the bundle would not work offline or on a USB stick, or its
    ZIM cannot be written.
    """
    folder = staging / item.folder
    try:
        # Read once, then checked, listed and zipped from memory; a bundle too big to hold
        # beside the worker's caches is read from disk each time instead.
        read = snapshot(folder, max_bytes=SNAPSHOT_MAX_BYTES if speedups.enabled() else 0)
    except BundleError as exc:
        raise EditionBuildError(f"bundle {item.bundle_name}: {exc}") from exc
    _check_offline(folder, item, read)
    activities = item.edition.selection.select(catalogue.in_language(item.edition.lang))
    manifest = build_manifest(
        folder,
        info={
            "bundle": item.bundle_name,
            "title": item.edition.title,
            "edition": item.edition.label,
            "language": item.edition.lang,
            "selection": item.edition.selection.describe(),
            "activities": [built.fingerprints[key].as_dict() for key in sorted(built.fingerprints)],
            "since": built.baseline.as_dict() if built.baseline else None,
        },
        read=read,
    )
    written = write_manifest(folder, manifest)
    if read is not None:
        read.add(MANIFEST_NAME, written.read_bytes())
    out = staging / "bundles"
    out.mkdir(parents=True, exist_ok=True)
    try:
        summary = write_bundle_zip(
            folder, out / f"{item.top}.zip", top=item.top, epoch=epoch, read=read
        )
        written_zim = write_bundle_zim(folder, out / f"{item.top}.zim", zim, read) if zim else None
    except BundleError as exc:
        raise EditionBuildError(f"bundle {item.bundle_name}: {exc}") from exc
    return Packaged(
        item.bundle_name,
        len(activities),
        summary.files,
        summary.path,
        summary.zip_bytes,
        summary.sha256,
        built.changes,
        written_zim,
    )


def finish_bundles(staging: Path, packaged: list[Packaged]) -> list[str]:
    """Write SHA256SUMS beside the zips and ZIM files; return the summary table, in
    declaration order."""
    if packaged:
        files = [p.zip_path for p in packaged] + [p.zim.path for p in packaged if p.zim]
        write_sha256sums(staging / "bundles", files)
    return _table(packaged)


def _check_offline(folder: Path, item: Planned, read: Snapshot | None) -> None:
    problems = [ref.format() for ref in find_remote_references(folder, read)]
    if read is not None:
        files = sorted(read.files)
    else:
        files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    top_len = len(item.top) + 1
    for issue in usb_path_problems(
        [f"{item.top}/{f}" for f in files] + [MANIFEST_NAME], max_length=MAX_BUNDLE_PATH
    ):
        problems.append(f"{issue.path[top_len:]}: {issue.message}")
    if problems:
        shown = "\n".join(f"  {p}" for p in problems[:30])
        more = f"\n  … and {len(problems) - 30} more" if len(problems) > 30 else ""
        raise EditionBuildError(
            f"bundle {item.bundle_name} would not work offline or on a USB stick:\n{shown}{more}"
        )


def _table(packaged: list[Packaged]) -> list[str]:
    if not packaged:
        return []
    header = ("bundle", "activities", "files", "file", "size", "sha256")
    body = []
    for p in packaged:
        body.append(
            (p.name, str(p.activities), str(p.files), "zip", _mb(p.zip_bytes), p.sha256[:12])
        )
        if p.zim:
            body.append(
                ("", "", str(p.zim.entries), "zim", _mb(p.zim.zim_bytes), p.zim.sha256[:12])
            )
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in [header, *body]
    ]
    news = [f"  {p.name}: {_news(p.changes)}" for p in packaged if p.changes is not None]
    return ["Bundles:", *lines, *(["What's new:", *news] if news else [])]


def _news(changes: Changes) -> str:
    if changes.first:
        return "first edition (no earlier edition of this bundle found)"
    return (
        f"since {changes.since}: {len(changes.added)} added, {len(changes.changed)} changed, "
        f"{len(changes.removed)} removed"
    )


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
