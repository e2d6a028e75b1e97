"""Reading an existing bundle, zipped or unzipped, by the paths its manifest lists.

``mochila diff``, ``mochila update`` and the "What's new" page of a build all start from an
earlier or a newer edition that may be a zip (as built or downloaded) or a folder (as copied
onto a USB stick); this hides which.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from .errors import BundleError
from .manifest import MANIFEST_NAME
from .verify import DAMAGED_ZIP, find_bundle_folder, parse_manifest


@dataclass
class BundleSource:
    """An open bundle: its manifest and a way to read each of its files. Close it after use
    (or use it in a ``with`` block)."""

    path: Path
    manifest: dict[str, Any]
    manifest_bytes: bytes
    # A zip and the folder inside it that holds the bundle, or a folder on disk.
    archive: zipfile.ZipFile | None = None
    prefix: str = ""
    folder: Path | None = None
    _closed: bool = field(default=False, repr=False)

    @property
    def top(self) -> str:
        """The name of the bundle's own folder (``mochila-<bundle>-<edition>``)."""
        if self.folder is not None:
            return self.folder.name
        return self.prefix.rstrip("/") or self.path.stem

    def copy_to(self, name: str, stream: BinaryIO, chunk: int = 1024 * 1024) -> int:
        """Copy the file ``name`` (a manifest path) into ``stream``; return the bytes copied."""
        copied = 0
        with self._open(name) as source:
            while block := source.read(chunk):
                stream.write(block)
                copied += len(block)
        return copied

    def _open(self, name: str) -> BinaryIO:
        if self.archive is not None:
            try:
                return self.archive.open(self.prefix + name)
            except KeyError:
                raise BundleError(f"{self.path} has no file {name}: {DAMAGED_ZIP}") from None
        return (self.folder / name).open("rb")

    def close(self) -> None:
        if self.archive is not None and not self._closed:
            self.archive.close()
        self._closed = True

    def __enter__(self) -> BundleSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_bundle(path: Path) -> BundleSource:
    """Open the bundle zip or folder at ``path`` (a folder may be the one it was unzipped
    into). Raises BundleError, in plain words, when it is not a readable Mochila bundle."""
    path = Path(path)
    if path.is_dir():
        root, problem = find_bundle_folder(path)
        if root is None:
            raise BundleError(problem)
        data = (root / MANIFEST_NAME).read_bytes()
        return BundleSource(path, _manifest(data, path), data, folder=root)
    if not path.is_file():
        raise BundleError(f"There is no file or folder at {path}.")
    try:
        archive = zipfile.ZipFile(path)
        names = archive.namelist()
        found = [n for n in names if re.fullmatch(rf"(?:[^/]+/)?{re.escape(MANIFEST_NAME)}", n)]
        if len(found) != 1:
            archive.close()
            raise BundleError(
                f"{path} is not a Mochila bundle: it holds no single {MANIFEST_NAME}."
            )
        data = archive.read(found[0])
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise BundleError(f"{path}: {DAMAGED_ZIP}") from exc
    prefix = found[0][: -len(MANIFEST_NAME)]
    return BundleSource(path, _manifest(data, path), data, archive=archive, prefix=prefix)


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest of the bundle zip or folder at ``path`` (see ``open_bundle``)."""
    with open_bundle(path) as source:
        return source.manifest


def _manifest(data: bytes, path: Path) -> dict[str, Any]:
    manifest, problem = parse_manifest(data)
    if manifest is None:
        raise BundleError(f"{path}: {problem}")
    return manifest
