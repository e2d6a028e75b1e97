"""Which editions one ``mochila build`` makes: each site language, then each declared bundle."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from ..domain.edition import BUNDLE, SITE, Edition
from ..domain.selection import Selection
from .project import BUNDLES_PLUGIN, Project, ProjectError, last_commit_time


@dataclass(frozen=True)
class Planned:
    """An edition and where its finished output goes, relative to the staging folder."""

    edition: Edition
    folder: str  # e.g. "site", "site/es", "bundles-src/families-es/mochila-families-es-2026-11-20"
    bundle_name: str = ""
    top: str = ""
    zim: bool = False  # also write the bundle as a ZIM file for Kiwix


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
    configured = project.plugin_options("mochila/activities").get("edition")
    if configured:
        return str(configured)
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
    options = project.plugin_options(BUNDLES_PLUGIN)
    if options.get("enabled") is False:
        return planned
    declared = options.get("bundles") or [
        {"name": f"full-{lang}", "language": lang} for lang in languages
    ]
    seen = set()
    for raw in declared:
        name, lang = raw.get("name"), raw.get("language")
        if not name or lang not in languages:
            raise ProjectError(
                f"{project.config_file}: bundle {name!r} needs a name and one of the site "
                f"languages ({', '.join(languages)})"
            )
        if name in seen:
            raise ProjectError(f"{project.config_file}: two bundles are named '{name}'")
        seen.add(name)
        if not isinstance(raw.get("zim", False), bool):
            raise ProjectError(
                f"{project.config_file}: bundle '{name}': write 'zim: true' or 'zim: false'"
            )
        age = raw.get("age") or {}
        selection = Selection(
            audience=tuple(raw.get("audience") or ()),
            areas=tuple(raw.get("areas") or ()),
            tags=tuple(raw.get("tags") or ()),
            age_min=age.get("min"),
            age_max=age.get("max"),
            include_restricted=bool(raw.get("include_restricted", False)),
        )
        title = (raw.get("title") or {}).get(lang, "")
        top = f"mochila-{name}-{label}" if label else f"mochila-{name}"
        planned.append(
            Planned(
                Edition(BUNDLE, name, lang, selection, label, title=title),
                f"bundles-src/{name}/{top}",
                bundle_name=name,
                top=top,
                zim=bool(raw.get("zim", False)) if zim is None else zim,
            )
        )
    return planned


def staging_root(output: Path) -> Path:
    return output / f".staging-{os.getpid()}"
