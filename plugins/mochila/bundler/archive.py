"""Deterministic zip archives of a bundle folder.

The same folder must always give the same bytes, so a coordinator can compare checksums of
bundles built on different days or machines, and a rebuild that changed nothing changes no
file. Everything a zip normally takes from the machine (order of the directory listing, file
times, permissions, owner, extra fields) is fixed here instead.
"""

from __future__ import annotations

import shutil
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ._fs import Snapshot, atomic_target, list_tree, sha256_file
from .errors import BundleError

# The earliest time a zip can record (DOS dates start in 1980).
ZIP_EPOCH_MIN = 315_532_800
# FAT32 USB sticks cannot hold a file of 4 GiB or more, nor can a zip without ZIP64.
MAX_FILE_SIZE = 2**32 - 1
_UNIX = 3
_FILE_MODE = 0o100644
_DIR_MODE = 0o040755
_MSDOS_DIRECTORY = 0x10


@dataclass(frozen=True)
class ZipInfoSummary:
    """What ``write_bundle_zip`` wrote, for the build report and SHA256SUMS."""

    path: Path
    files: int
    uncompressed_bytes: int
    zip_bytes: int
    sha256: str


def write_bundle_zip(
    folder: Path, zip_path: Path, *, top: str, epoch: int, read: Snapshot | None = None
) -> ZipInfoSummary:
    """Zip every file under ``folder`` into ``zip_path``, inside one folder named ``top``.

    ``epoch`` (seconds since 1970, UTC; e.g. SOURCE_DATE_EPOCH) is the time recorded for every
    entry. The zip is written to a temporary file beside ``zip_path`` and moved into place, so
    on failure an earlier zip at ``zip_path`` is untouched.

    ``read`` is the folder already read (then the files are not opened again).

    Raises ``BundleError`` if the folder is missing, holds a symlink or a file of 4 GiB or more.
    """
    if not top or "/" in top or "\\" in top or top in (".", ".."):
        raise ValueError(f"top must be a single folder name, got {top!r}")
    if zip_path.resolve().is_relative_to(folder.resolve()):
        raise ValueError(f"the zip {zip_path} must not be inside the folder it zips")
    if read is None:
        folders, files = list_tree(folder)
        sizes = {name: (folder / name).stat().st_size for name in files}
    else:
        folders, files = read.folders, sorted(read.files)
        sizes = {name: len(read.files[name]) for name in files}
    for name, size in sizes.items():
        if size > MAX_FILE_SIZE:
            raise BundleError(
                f"{name} is {size / 2**30:.1f} GiB; a USB stick (FAT32) cannot hold a file of "
                "4 GiB or more. Make it smaller or leave it out of the bundle."
            )
    date_time = time.gmtime(max(epoch, ZIP_EPOCH_MIN))[:6]
    entries = [(f"{top}/", None)]
    entries += [(f"{top}/{name}/", None) for name in folders]
    entries += [(f"{top}/{name}", name) for name in files]
    with atomic_target(zip_path) as temporary:
        with zipfile.ZipFile(temporary, "w") as archive:
            for arcname, source in sorted(entries):
                if source is None:
                    archive.mkdir(_directory_info(arcname, date_time))
                elif read is not None:
                    _write_bytes(archive, arcname, read.files[source], date_time)
                else:
                    _write_file(archive, arcname, folder / source, sizes[source], date_time)
        digest = sha256_file(temporary)
        zip_bytes = temporary.stat().st_size
    return ZipInfoSummary(zip_path, len(files), sum(sizes.values()), zip_bytes, digest)


def _directory_info(arcname: str, date_time: tuple[int, ...]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(arcname, date_time)
    info.create_system = _UNIX
    info.external_attr = (_DIR_MODE << 16) | _MSDOS_DIRECTORY
    info.CRC = 0
    return info


def _file_info(arcname: str, size: int, date_time: tuple[int, ...]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(arcname, date_time)
    info.create_system = _UNIX
    info.external_attr = _FILE_MODE << 16
    # zlib's default level (6): fixed, and public API, unlike ZipInfo's private level field.
    info.compress_type = zipfile.ZIP_DEFLATED
    # Known up front, so zipfile decides on ZIP64 from the size rather than from a guess.
    info.file_size = size
    return info


def _write_file(
    archive: zipfile.ZipFile, arcname: str, source: Path, size: int, date_time: tuple[int, ...]
) -> None:
    info = _file_info(arcname, size, date_time)
    with source.open("rb") as stream, archive.open(info, "w") as entry:
        shutil.copyfileobj(stream, entry, 1024 * 1024)


def _write_bytes(
    archive: zipfile.ZipFile, arcname: str, data: bytes, date_time: tuple[int, ...]
) -> None:
    with archive.open(_file_info(arcname, len(data), date_time), "w") as entry:
        entry.write(data)
