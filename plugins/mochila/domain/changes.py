"""What changed in a bundle's activities between two editions ("What's new").

An activity is identified by its id; it *changed* when the fingerprint of its rendered page
content changed (its text, card, prompts, links), never because only the build date did.
Fingerprints come from the build and travel in each bundle's manifest, so any two editions can
be compared long after they were built. Pure: works on plain values read from manifests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ActivityEntry:
    """One activity as a manifest records it. ``sha256`` is empty when the edition that
    recorded it predates fingerprints: then a change in its content cannot be seen."""

    id: str
    title: str
    sha256: str = ""
    path: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"id": self.id, "title": self.title, "sha256": self.sha256, "path": self.path}


@dataclass(frozen=True)
class Baseline:
    """The edition a bundle is compared with: its label and its activities."""

    edition: str
    activities: tuple[ActivityEntry, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"edition": self.edition, "activities": [a.as_dict() for a in self.activities]}


@dataclass(frozen=True)
class Changes:
    """Activities added, changed and removed since ``since`` (None: the first edition)."""

    since: str | None
    added: list[ActivityEntry] = field(default_factory=list)
    changed: list[ActivityEntry] = field(default_factory=list)
    removed: list[ActivityEntry] = field(default_factory=list)
    unchanged: int = 0

    @property
    def first(self) -> bool:
        return self.since is None

    @property
    def any(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def as_dict(self) -> dict[str, Any]:
        return {
            "since": self.since,
            "added": [a.as_dict() for a in self.added],
            "changed": [a.as_dict() for a in self.changed],
            "removed": [a.as_dict() for a in self.removed],
            "unchanged": self.unchanged,
        }


def compare(baseline: Baseline | None, current: list[ActivityEntry]) -> Changes:
    """Return what changed from ``baseline`` to ``current``; each list sorted by title."""
    if baseline is None:
        return Changes(None, added=_by_title(current))
    before = {entry.id: entry for entry in baseline.activities}
    now = {entry.id: entry for entry in current}
    added = [entry for key, entry in now.items() if key not in before]
    removed = [entry for key, entry in before.items() if key not in now]
    changed = [
        entry
        for key, entry in now.items()
        if key in before
        and entry.sha256
        and before[key].sha256
        and entry.sha256 != before[key].sha256
    ]
    unchanged = len(now) - len(added) - len(changed)
    return Changes(
        baseline.edition, _by_title(added), _by_title(changed), _by_title(removed), unchanged
    )


def entries_from_manifest(manifest: dict[str, Any]) -> list[ActivityEntry]:
    """The activities a manifest lists: entries with fingerprints, or bare ids (older ones)."""
    return _entries(manifest.get("activities"))


def baseline_for(previous: dict[str, Any] | None, edition: str) -> Baseline | None:
    """The edition to compare a new build labelled ``edition`` with, given the manifest of
    the previous build of the same bundle (None: there was none).

    Rebuilding the same edition (same label) must not turn "What's new" into "nothing": it
    keeps comparing with what the previous build compared with, recorded in its ``since``.
    """
    if previous is None:
        return None
    if str(previous.get("edition", "")) != edition:
        return Baseline(str(previous.get("edition", "")), tuple(entries_from_manifest(previous)))
    since = previous.get("since")
    if not isinstance(since, dict):
        return None
    return Baseline(str(since.get("edition", "")), tuple(_entries(since.get("activities"))))


def _entries(raw: Any) -> list[ActivityEntry]:
    entries = []
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, str):
            entries.append(ActivityEntry(item, item))
        elif isinstance(item, dict) and isinstance(item.get("id"), str):
            entries.append(
                ActivityEntry(
                    item["id"],
                    str(item.get("title") or item["id"]),
                    str(item.get("sha256") or ""),
                    str(item.get("path") or ""),
                )
            )
    return entries


def _by_title(entries: list[ActivityEntry]) -> list[ActivityEntry]:
    return sorted(entries, key=lambda e: (e.title.casefold(), e.id))
