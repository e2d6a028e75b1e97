"""SHA256SUMS beside the zips, so anyone can check a download with the standard tool.

The format is exactly what GNU ``sha256sum`` writes (``<hex>  <name>``), so
``sha256sum -c SHA256SUMS`` in that folder verifies every zip, with no Mochila installed.
"""

from __future__ import annotations

from pathlib import Path

from ._fs import atomic_write_bytes, sha256_file

SUMS_NAME = "SHA256SUMS"


def write_sha256sums(directory: Path, zip_paths: list[Path]) -> Path:
    """Write ``directory/SHA256SUMS`` for ``zip_paths`` (zips and ZIM files), sorted by name;
    return its path.

    Raises ``ValueError`` for a zip outside ``directory`` (the names would not resolve when
    checked there) or a name sha256sum would have to escape.
    """
    lines = []
    for zip_path in sorted(zip_paths, key=lambda p: p.name):
        if zip_path.resolve().parent != directory.resolve():
            raise ValueError(f"{zip_path} is not directly inside {directory}")
        if "\\" in zip_path.name or "\n" in zip_path.name:
            raise ValueError(f"{zip_path.name!r} would need escaping in {SUMS_NAME}")
        lines.append(f"{sha256_file(zip_path)}  {zip_path.name}\n")
    path = directory / SUMS_NAME
    atomic_write_bytes(path, "".join(lines).encode("utf-8"))
    return path
