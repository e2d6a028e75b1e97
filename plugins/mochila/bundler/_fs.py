"""Small filesystem helpers shared by the bundler: walking a bundle, hashing, atomic writes."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .errors import BundleError

_CHUNK = 1024 * 1024


def list_tree(folder: Path) -> tuple[list[str], list[str]]:
    """Return ``(folders, files)`` under ``folder`` as sorted '/'-separated relative paths.

    Raises ``BundleError`` on a symlink: following one could pull files from outside the
    bundle, and a built site never contains them.
    """
    if not folder.is_dir():
        raise BundleError(f"the bundle folder does not exist: {folder}")
    folders: list[str] = []
    files: list[str] = []
    for root, dirnames, filenames in os.walk(folder, onerror=_raise):
        for names, found in ((dirnames, folders), (filenames, files)):
            for name in names:
                path = Path(root, name)
                if path.is_symlink():
                    raise BundleError(f"the bundle folder contains a symbolic link: {path}")
                found.append(path.relative_to(folder).as_posix())
    return sorted(folders), sorted(files)


@dataclass(frozen=True)
class Snapshot:
    """A bundle folder read once: its folders and every file's bytes, by relative path.

    Checking, listing and zipping a bundle each read every file; with a snapshot they read it
    from memory (a few tens of MB for a thousand activities) instead of opening it three times.
    """

    folders: list[str]
    files: dict[str, bytes]

    def add(self, name: str, data: bytes) -> None:
        """Record a file written into the folder after the snapshot was taken."""
        self.files[name] = data


def snapshot(folder: Path, max_bytes: int | None = None) -> Snapshot | None:
    """Read ``folder`` (see ``list_tree`` for what it refuses); None if its files add up to
    more than ``max_bytes``, which are then better read from disk each time."""
    folders, files = list_tree(folder)
    if max_bytes is not None and sum((folder / n).stat().st_size for n in files) > max_bytes:
        return None
    return Snapshot(folders, {name: (folder / name).read_bytes() for name in files})


def sha256_file(path: Path) -> str:
    """Return the hex SHA-256 of the file at ``path``, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@contextmanager
def atomic_target(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target``.

    On any exception the temporary file is removed and ``target`` is left as it was, so a
    reader never sees a half-written file.
    """
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    temporary = Path(name)
    try:
        yield temporary
        # mkstemp creates the file private (0o600); a bundle must be readable by everyone.
        temporary.chmod(0o644)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def atomic_write_bytes(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically (see ``atomic_target``)."""
    with atomic_target(target) as temporary:
        temporary.write_bytes(data)


def _raise(error: OSError) -> None:
    raise error
