"""Which editions one ``mochila build`` makes: each site language, then each declared bundle."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from ..domain.edition import BUNDLE, SITE, Edition
from ..domain.selection import Selection
from .project import Project, last_commit_time


@dataclass(frozen=True)
class Planned:
    """An edition and where its finished output goes, relative to the staging folder."""

    edition: Edition
    folder: str  # e.g. "site", "site/es", "bundles-src/families-es/mochila-families-es-2026-11-20"
    bundle_name: str = ""
    top: str = ""
    zim: bool = False  # also write the bundle as a ZIM file for Kiwix
    zim_compressed: bool = False  # its pages compressed (smaller, slower to write)
    line: int = 1  # where mkdocs.yml declares it (for messages)


def source_epoch(project: Project) -> int:
    """Timestamp for everything dated in the output: SOURCE_DATE_EPOCH, else the last commit."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    commit = last_commit_time(project.content_dir)
    if commit is not None:
        return commit
    newest = max(
        (p.stat().st_mtime for p in project.content_dir.rglob("*") if p.is_file()), default=0
    )
    return int(newest)


def edition_label(project: Project, epoch: int) -> str:
    if project.activities.edition:
        return project.activities.edition
    return dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("%Y-%m-%d")


def plan_editions(
    project: Project, label: str, bundles: bool, zim: bool | None = None
) -> list[Planned]:
    """The editions to build; ``zim`` True or False overrides every bundle's own ``zim``."""
    languages = project.settings.languages
    planned = [
        Planned(
            Edition(SITE, "site", lang, Selection(), label, languages=languages),
            "site" if lang == languages[0] else f"site/{lang}",
        )
        for lang in languages
    ]
    if not bundles:
        return planned
    # Validated when mkdocs.yml was read (plugins/bundles/config.py): names are unique ids,
    # languages are site languages, ages are months with min <= max.
    if not project.bundles.enabled:
        return planned
    declared = [
        (b.name, b.language, b, line)
        for b, line in zip(project.bundles.bundles, project.bundle_lines, strict=True)
    ] or [(f"full-{lang}", lang, None, project.bundles_line) for lang in languages]
    for name, lang, bundle, line in declared:
        selection = Selection()
        title = ""
        if bundle is not None:
            selection = Selection(
                audience=tuple(bundle.audience),
                areas=tuple(bundle.areas),
                tags=tuple(bundle.tags),
                age_min=bundle.age.min,
                age_max=bundle.age.max,
                include_restricted=bundle.include_restricted,
            )
            title = bundle.title.get(lang, "")
        top = f"mochila-{name}-{label}" if label else f"mochila-{name}"
        planned.append(
            Planned(
                Edition(BUNDLE, name, lang, selection, label, title=title),
                f"bundles-src/{name}/{top}",
                bundle_name=name,
                top=top,
                zim=(bundle is not None and bundle.zim) if zim is None else zim,
                zim_compressed=bundle is not None and bundle.zim_compressed,
                line=line,
            )
        )
    return planned


def staging_root(output: Path) -> Path:
    return output / f".staging-{os.getpid()}"
