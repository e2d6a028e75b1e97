"""Identifiers derived from content, so the same bundle always gives the same ZIM bytes.

libzim gives every ZIM a random UUID (Kiwix's library tells books apart by it) and python-libzim
offers no way to set it; the two search indexes inside (Xapian "glass" databases) get random
UUIDs too. Those 48 bytes are the only difference between two ZIMs written from the same
folder, so after writing we put identifiers derived from the content in their place and
recompute the MD5 checksum that ends the file, as the ZIM format defines it
(wiki.openzim.org/wiki/ZIM_file_format): the same content then gives the same file, and a new
edition a new UUID.

Should a future libzim store its indexes differently, an index whose identifier cannot be
found is left as libzim wrote it: the file stays valid, only not byte-identical.
"""

from __future__ import annotations

import hashlib
import struct
import uuid
from pathlib import Path

# ZIM header: magic, major, minor, uuid[16], ... checksumPos (uint64) at byte 72.
_MAGIC = 72173914
_UUID_AT = 8
_CHECKSUM_POS_AT = 72
_HEADER = 80
# A Xapian glass version file starts with this magic and a two-byte format version; the
# database's UUID follows.
_GLASS_MAGIC = b"\x0f\x0dXapian Glass"
_GLASS_UUID_AFTER = len(_GLASS_MAGIC) + 2
_INDEXES = ("X/fulltext/xapian", "X/title/xapian")
_NAMESPACE = uuid.UUID("6d6f6368-696c-615a-494d-6d6f6368696c")  # "mochilaZIMmochil"
_CHUNK = 1024 * 1024


def settle_uuids(path: Path, seed: bytes) -> uuid.UUID:
    """Replace the random identifiers in the ZIM at ``path`` by ones derived from ``seed``.

    Returns the ZIM's new UUID. Raises ValueError if ``path`` is not a ZIM file.
    """
    digest = hashlib.sha256(seed).hexdigest()
    zim_uuid = uuid.uuid5(_NAMESPACE, digest)
    with path.open("r+b") as stream:
        header = stream.read(_HEADER)
        if len(header) < _HEADER or struct.unpack_from("<I", header)[0] != _MAGIC:
            raise ValueError(f"{path} is not a ZIM file")
        (checksum_pos,) = struct.unpack_from("<Q", header, _CHECKSUM_POS_AT)
        patches = {_UUID_AT: zim_uuid.bytes}
        for name, offset in _index_offsets(path):
            patches[offset + _GLASS_UUID_AFTER] = uuid.uuid5(_NAMESPACE, f"{digest}/{name}").bytes
        for offset, value in patches.items():
            stream.seek(offset)
            stream.write(value)
        stream.flush()
        stream.seek(0)
        md5 = hashlib.md5(usedforsecurity=False)
        left = checksum_pos
        while left:
            chunk = stream.read(min(_CHUNK, left))
            if not chunk:
                raise ValueError(f"{path} ends before its checksum")
            md5.update(chunk)
            left -= len(chunk)
        stream.seek(checksum_pos)
        stream.write(md5.digest())
    return zim_uuid


def _index_offsets(path: Path) -> list[tuple[str, int]]:
    """Where each search index's version file starts in the file.

    libzim stores its indexes uncompressed, so each one's version file is in the file verbatim,
    starting with the glass magic. Pages are stored compressed and pictures hardly hold these
    14 bytes, so the magic occurs once per index; if it does not (a future libzim, a picture
    that happens to hold it), nothing is patched rather than the wrong bytes.
    """
    from libzim.reader import Archive

    archive = Archive(path)
    names = [
        name
        for name, present in zip(
            _INDEXES, (archive.has_fulltext_index, archive.has_title_index), strict=True
        )
        if present
    ]
    del archive
    found: list[int] = []
    overlap = len(_GLASS_MAGIC) - 1
    with path.open("rb") as stream:
        position = 0
        tail = b""
        while chunk := stream.read(_CHUNK):
            window = tail + chunk
            base = position - len(tail)
            start = window.find(_GLASS_MAGIC)
            while start != -1:
                found.append(base + start)
                start = window.find(_GLASS_MAGIC, start + 1)
            position += len(chunk)
            tail = window[-overlap:]
    if len(found) != len(names):
        return []
    return list(zip(names, found, strict=True))
