"""What differs between two editions of a bundle: activities and files, from their manifests.

Only manifests are read (sizes and checksums of every file, fingerprints of every activity),
so comparing two 40 MB zips takes milliseconds and works on a stick without unpacking it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.changes import Baseline, Changes, compare, entries_from_manifest
from .source import read_manifest


@dataclass(frozen=True)
class FileChange:
    """A file added (``old_size`` None), removed (``new_size`` None) or changed."""

    path: str
    old_size: int | None
    new_size: int | None

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "old_size": self.old_size, "new_size": self.new_size}


@dataclass(frozen=True)
class BundleDiff:
    """The differences between an OLD and a NEW bundle, in plain words or as data."""

    old: dict[str, Any]  # bundle, edition, language of each side
    new: dict[str, Any]
    activities: Changes
    added: list[FileChange] = field(default_factory=list)
    changed: list[FileChange] = field(default_factory=list)
    removed: list[FileChange] = field(default_factory=list)

    @property
    def same(self) -> bool:
        return not (self.activities.any or self.added or self.changed or self.removed)

    @property
    def same_bundle(self) -> bool:
        return self.old.get("bundle") == self.new.get("bundle")

    def as_dict(self) -> dict[str, Any]:
        return {
            "old": self.old,
            "new": self.new,
            "same": self.same,
            "activities": {k: v for k, v in self.activities.as_dict().items() if k != "since"},
            "files": {
                "added": [f.as_dict() for f in self.added],
                "changed": [f.as_dict() for f in self.changed],
                "removed": [f.as_dict() for f in self.removed],
                "bytes_to_copy": self.bytes_to_copy,
            },
        }

    @property
    def bytes_to_copy(self) -> int:
        """What updating OLD to NEW in place writes."""
        return sum(f.new_size or 0 for f in self.added + self.changed)

    def lines(self, limit: int = 20) -> list[str]:
        """The differences in plain words, at most ``limit`` names per list."""
        old, new = self.old, self.new
        out = [
            f"Comparing {_name(old)} (old) with {_name(new)} (new).",
        ]
        if not self.same_bundle:
            out.append(
                f"Note: these are two different bundles ({old.get('bundle')} and "
                f"{new.get('bundle')}), not two editions of one."
            )
        if self.same:
            out.append("They are the same: no activity and no file differs.")
            return out
        changes = self.activities
        out.append(
            f"Activities: {len(changes.added)} added, {len(changes.changed)} changed, "
            f"{len(changes.removed)} removed, {changes.unchanged} unchanged."
        )
        for word, entries in (
            ("Added", changes.added),
            ("Changed", changes.changed),
            ("Removed", changes.removed),
        ):
            out += _listed(word, [f"{e.title} ({e.id})" for e in entries], limit)
        out.append(
            f"Files: {len(self.added)} added, {len(self.changed)} changed, "
            f"{len(self.removed)} removed; updating a copy of the old edition writes "
            f"{human_size(self.bytes_to_copy)}."
        )
        out += _listed("Added", [f"{f.path} ({human_size(f.new_size)})" for f in self.added], limit)
        out += _listed(
            "Changed",
            [
                f"{f.path} ({human_size(f.old_size)} → {human_size(f.new_size)})"
                for f in self.changed
            ],
            limit,
        )
        out += _listed(
            "Removed", [f"{f.path} ({human_size(f.old_size)})" for f in self.removed], limit
        )
        return out


def diff_manifests(old: dict[str, Any], new: dict[str, Any]) -> BundleDiff:
    """Compare two manifests (see ``manifest.py``)."""
    before = {entry["path"]: entry for entry in old["files"]}
    after = {entry["path"]: entry for entry in new["files"]}
    added = [FileChange(p, None, after[p]["size"]) for p in sorted(after) if p not in before]
    removed = [FileChange(p, before[p]["size"], None) for p in sorted(before) if p not in after]
    changed = [
        FileChange(p, before[p]["size"], after[p]["size"])
        for p in sorted(after)
        if p in before and before[p]["sha256"] != after[p]["sha256"]
    ]
    baseline = Baseline(str(old.get("edition", "")), tuple(entries_from_manifest(old)))
    return BundleDiff(
        _about(old),
        _about(new),
        compare(baseline, entries_from_manifest(new)),
        added,
        changed,
        removed,
    )


def diff_bundles(old: Path, new: Path) -> BundleDiff:
    """Compare the bundles (zips or folders) at ``old`` and ``new``. Raises BundleError."""
    return diff_manifests(read_manifest(old), read_manifest(new))


def _about(manifest: dict[str, Any]) -> dict[str, Any]:
    return {
        "bundle": manifest.get("bundle"),
        "edition": manifest.get("edition"),
        "language": manifest.get("language"),
        "activities": len(manifest.get("activities") or []),
        "files": len(manifest["files"]),
        "bytes": sum(entry["size"] for entry in manifest["files"]),
    }


def _name(about: dict[str, Any]) -> str:
    return f"bundle {about.get('bundle')}, edition {about.get('edition')}"


def _listed(word: str, names: list[str], limit: int) -> list[str]:
    if not names:
        return []
    shown = [f"  {word}: {name}" for name in names[:limit]]
    if len(names) > limit:
        shown.append(f"  … and {len(names) - limit} more ('--format json' lists them all)")
    return shown


def human_size(size: int | None) -> str:
    """Sizes for people: bytes, kB or MB (decimal, as file managers show them)."""
    size = size or 0
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{size / 1000:.1f} kB"
    return f"{size / 1_000_000:.1f} MB"
