"""``mochila report``: what the collection covers, as a self-contained HTML page and JSON.

Reads and checks the content once (as ``mochila check``), asks git once for the date of every
content file's last commit, reads the manifests of the bundles the last build left, and hands
all of it to the domain, which does the counting. Nothing here needs mkdocs.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..bundler import BundleError
from ..bundler.source import open_bundle
from ..domain.coverage import EditionSpec, build_report
from ..domain.problems import ContentError
from ..domain.strings import load_strings
from ..plugins.facets.config import facet_settings
from .check import check_content
from .editions import edition_label, plan_editions, source_epoch
from .project import Project, ProjectError
from .report_html import render_report

REPORT_HTML = "report.html"
REPORT_JSON = "report.json"
# The report is for coordinators and written in English, like the command line.
REPORT_LANG = "en"


class ReportFailed(Exception):
    """The report could not be made; the message says what to do."""


@dataclass(frozen=True)
class Written:
    html: Path
    json: Path


def make_report(project: Project, output: Path) -> dict[str, Any]:
    """Return the report's data. ``output`` is the build folder whose bundles it describes.

    Raises ReportFailed when the content has errors (counts of broken content mislead).
    """
    catalogue = check_content(project)
    if catalogue.errors:
        raise ReportFailed(
            ContentError(catalogue.problems).report()
            + "\nNo report was made; fix the content first ('mochila check' lists the same "
            "problems)."
        )
    label = edition_label(project, source_epoch(project))
    try:
        planned = plan_editions(project, label, bundles=True)
    except ProjectError as exc:
        raise ReportFailed(str(exc)) from exc
    built = _built_bundles(output / "bundles")
    specs = [
        EditionSpec(
            item.bundle_name,
            item.edition.lang,
            item.edition.title,
            item.edition.selection,
            built.get(item.bundle_name),
        )
        for item in planned
        if item.bundle_name
    ]
    strings = load_strings(REPORT_LANG, project.content_dir / "_locales")
    report = build_report(
        catalogue,
        strings,
        specs,
        commit_times(project.content_dir),
        label,
        facet_settings(project.facets),
    )
    report["site_name"] = str(project.raw.get("site_name") or "")
    return report


def write_report(report: dict[str, Any], output: Path) -> Written:
    """Write ``report.html`` and ``report.json`` into ``output``; return their paths."""
    from ..bundler._fs import atomic_write_bytes

    output.mkdir(parents=True, exist_ok=True)
    html, data = output / REPORT_HTML, output / REPORT_JSON
    atomic_write_bytes(html, render_report(report).encode("utf-8"))
    atomic_write_bytes(data, report_json(report).encode("utf-8"))
    return Written(html, data)


def report_json(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def summary(report: dict[str, Any]) -> list[str]:
    """The report in a few plain lines, for the terminal."""
    totals = report["totals"]
    lines = [
        f"{totals['activities']} activities ({totals['restricted']} for facilitators only), "
        f"{totals['drafts']} draft file(s)."
    ]
    for lang, cover in report["translations"].items():
        lines.append(
            f"{lang}: {cover['translated']} of {cover['total']} translated "
            f"({cover['percent']:g}%), {len(cover['possibly_outdated'])} possibly out of date."
        )
    lost = sum(len(items) for items in report["in_no_bundle"].values())
    if report["editions"]:
        lines.append(f"{len(report['editions'])} bundles; {lost} activities are in no bundle.")
    return lines


def commit_times(content_dir: Path) -> dict[str, int]:
    """The time of the last commit of each file under ``content_dir`` (paths relative to it,
    '/'-separated); empty outside git. One ``git log`` for all files."""
    try:
        out = subprocess.run(
            ["git", "log", "--format=%x00%ct", "--name-only", "--relative", "--", "."],
            cwd=content_dir,
            capture_output=True,
            text=True,
            check=False,
        ).stdout
    except OSError:
        return {}
    times: dict[str, int] = {}
    for chunk in out.split("\0")[1:]:
        stamp, _, names = chunk.partition("\n")
        if not stamp.strip().isdigit():
            continue
        for name in names.splitlines():
            if name.strip():
                # Newest commit first: the first time seen for a file is its last change.
                times.setdefault(name.strip(), int(stamp))
    return times


def _built_bundles(folder: Path) -> dict[str, dict[str, Any]]:
    """What the last build left per bundle name: edition, sizes and file count."""
    found: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.zip")) if folder.is_dir() else []:
        try:
            with open_bundle(path) as source:
                manifest = source.manifest
        except BundleError:
            continue
        found[str(manifest.get("bundle"))] = {
            "edition": manifest.get("edition"),
            "zip": path.name,
            "zip_bytes": path.stat().st_size,
            "unzipped_bytes": sum(entry["size"] for entry in manifest["files"]),
            "files": len(manifest["files"]),
        }
    return found
