"""The bundle manifest: what a bundle is, and the size and checksum of every file in it.

It travels inside the bundle, so a coordinator can check a copied USB stick against it with
``mochila verify`` long after the build machine is gone. The caller's ``info`` is expected to
hold at least ``edition``, ``language`` and ``bundle`` (the bundle's name), which ``verify``
reports; ``title``, ``selection`` and ``activities`` are recorded for people reading it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ._fs import Snapshot, atomic_write_bytes, list_tree, sha256_file

MANIFEST_NAME = "manifest.json"


def build_manifest(
    folder: Path, *, info: dict[str, Any], read: Snapshot | None = None
) -> dict[str, Any]:
    """Return ``info`` plus ``files``: path, size and sha256 of each file, sorted by path.

    The manifest itself (``manifest.json`` at the top of ``folder``) is left out, since it
    cannot contain its own checksum. ``read`` is the folder already read (then the files are
    not opened again). Raises ``ValueError`` if ``info`` already has ``files``.
    """
    if "files" in info:
        raise ValueError("info must not contain 'files': the manifest lists them itself")
    if read is not None:
        entries = [
            {
                "path": name,
                "size": len(read.files[name]),
                "sha256": hashlib.sha256(read.files[name]).hexdigest(),
            }
            for name in sorted(read.files)
            if name != MANIFEST_NAME
        ]
        return {**info, "files": entries}
    _, files = list_tree(folder)
    entries = [
        {"path": name, "size": (folder / name).stat().st_size, "sha256": sha256_file(folder / name)}
        for name in files
        if name != MANIFEST_NAME
    ]
    return {**info, "files": entries}


def manifest_bytes(manifest: dict[str, Any]) -> bytes:
    """Return the manifest as written to disk: sorted keys, indent 2, UTF-8, final newline."""
    text = json.dumps(manifest, sort_keys=True, indent=2, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def write_manifest(folder: Path, manifest: dict[str, Any]) -> Path:
    """Write ``manifest`` to ``folder/manifest.json`` atomically and return its path."""
    path = folder / MANIFEST_NAME
    atomic_write_bytes(path, manifest_bytes(manifest))
    return path
