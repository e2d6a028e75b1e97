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
from ..domain.catalogue import Catalogue
from ..domain.usb_paths import usb_path_problems
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


def package_bundle(
    item: Planned, staging: Path, catalogue: Catalogue, epoch: int
) -> Packaged:
    """Check the built folder of ``item``, write its manifest and its zip into staging/bundles.

    Raises EditionBuildError when the bundle would not work offline or on a USB stick.
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
            "activities": sorted(a.id for a in activities),
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
    except BundleError as exc:
        raise EditionBuildError(f"bundle {item.bundle_name}: {exc}") from exc
    return Packaged(
        item.bundle_name, len(activities), summary.files, summary.path, summary.zip_bytes,
        summary.sha256,
    )


def finish_bundles(staging: Path, packaged: list[Packaged]) -> list[str]:
    """Write SHA256SUMS beside the zips; return the summary table, in declaration order."""
    if packaged:
        write_sha256sums(staging / "bundles", [p.zip_path for p in packaged])
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
    header = ("bundle", "activities", "files", "size", "sha256")
    body = [
        (p.name, str(p.activities), str(p.files), f"{p.zip_bytes / 1_000_000:.1f} MB", p.sha256[:12])
        for p in packaged
    ]
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in [header, *body]
    ]
    return ["Bundles:", *lines]
