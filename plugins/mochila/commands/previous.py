"""Finding the earlier edition of each bundle, which its "What's new" page compares with.

By default it is the zip the last build left in the output folder; a coordinator may name
another one with ``--since``: a zip, an unzipped bundle, or a folder of zips (an old
``build/bundles``). A bundle with no earlier edition is a first edition and its page says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..bundler import BundleError
from ..bundler.source import read_manifest
from ..domain.changes import Baseline, baseline_for


class SinceError(Exception):
    """``--since`` names nothing usable; the message says what to name instead."""


def baselines(
    bundles: dict[str, str], output: Path, since: Path | None
) -> dict[str, Baseline | None]:
    """Return, per bundle name, the edition to compare with; ``bundles`` maps each bundle's
    name to the label of the edition being built. Raises SinceError."""
    found = _manifests(output / "bundles") if output.is_dir() else {}
    if since is not None:
        named = _from_since(since)
        if not set(named) & set(bundles):
            raise SinceError(
                f"--since {since}: it holds no earlier edition of "
                f"{', '.join(sorted(bundles))} (it has {', '.join(sorted(named)) or 'none'}). "
                "Name a bundle zip, an unzipped bundle or a folder of bundle zips."
            )
        found.update(named)
    return {name: baseline_for(found.get(name), label) for name, label in bundles.items()}


def _from_since(since: Path) -> dict[str, dict[str, Any]]:
    if not since.exists():
        raise SinceError(f"--since {since}: there is no file or folder there.")
    if (
        since.is_dir()
        and not any(since.glob("*/manifest.json"))
        and not (since / "manifest.json").is_file()
    ):
        return _manifests(since)
    try:
        manifest = read_manifest(since)
    except BundleError as exc:
        raise SinceError(f"--since {since}: {exc}") from exc
    return {str(manifest.get("bundle")): manifest}


def _manifests(folder: Path) -> dict[str, dict[str, Any]]:
    """The manifests of the bundle zips in ``folder``, by bundle name (unreadable zips are
    skipped: the build replaces them anyway)."""
    found: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.zip")) if folder.is_dir() else []:
        try:
            manifest = read_manifest(path)
        except BundleError:
            continue
        name = str(manifest.get("bundle"))
        if name not in found or str(manifest.get("edition")) > str(found[name].get("edition")):
            found[name] = manifest
    return found
