"""Building and packaging the offline bundles: one edition build each, then checks, manifest,
deterministic zip and checksums."""

from __future__ import annotations

from pathlib import Path

from ..bundler import (
    MANIFEST_NAME,
    BundleError,
    build_manifest,
    find_remote_references,
    write_bundle_zip,
    write_manifest,
    write_sha256sums,
)
from ..domain.catalogue import Catalogue
from ..domain.usb_paths import usb_path_problems
from .editions import Planned
from .mkdocs_run import EditionBuildError
from .project import Project

MAX_BUNDLE_PATH = 180


def package_bundles(
    project: Project,
    planned: list[Planned],
    staging: Path,
    catalogue: Catalogue,
    epoch: int,
    echo,
) -> list[str]:
    """Check and package the built bundles into ``staging/bundles``; return the summary table."""
    out = staging / "bundles"
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    zips = []
    bundles = [item for item in planned if item.bundle_name]
    for item in bundles:
        folder = staging / item.folder
        _check_offline(folder, item)
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
        )
        write_manifest(folder, manifest)
        zip_path = out / f"{item.top}.zip"
        try:
            summary = write_bundle_zip(folder, zip_path, top=item.top, epoch=epoch)
        except BundleError as exc:
            raise EditionBuildError(f"bundle {item.bundle_name}: {exc}") from exc
        zips.append(zip_path)
        rows.append((item.bundle_name, len(activities), summary))
    if zips:
        write_sha256sums(out, zips)
    return _table(rows)


def _check_offline(folder: Path, item: Planned) -> None:
    problems = []
    for ref in find_remote_references(folder):
        problems.append(ref.format())
    files = sorted(str(p.relative_to(folder).as_posix()) for p in folder.rglob("*") if p.is_file())
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


def _table(rows) -> list[str]:
    header = ("bundle", "activities", "files", "size", "sha256")
    body = [
        (
            name,
            str(count),
            str(summary.files),
            f"{summary.zip_bytes / 1_000_000:.1f} MB",
            summary.sha256[:12],
        )
        for name, count, summary in rows
    ]
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in [header, *body]]
    return ["Bundles:", *lines]
