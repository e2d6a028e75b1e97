"""The bundler: a built site folder becomes a zipped, checksummed, verifiable USB bundle.

It knows nothing of mkdocs or click; the build calls it with plain folders and values.
"""

from __future__ import annotations

from ._fs import Snapshot, snapshot
from .archive import MAX_FILE_SIZE, ZipInfoSummary, write_bundle_zip
from .errors import BundleError
from .manifest import MANIFEST_NAME, build_manifest, write_manifest
from .offline_check import RemoteReference, find_remote_references, scan_text
from .sums import SUMS_NAME, write_sha256sums
from .verify import VerifyReport, verify

__all__ = [
    "MANIFEST_NAME",
    "MAX_FILE_SIZE",
    "SUMS_NAME",
    "BundleError",
    "RemoteReference",
    "Snapshot",
    "VerifyReport",
    "ZipInfoSummary",
    "build_manifest",
    "find_remote_references",
    "scan_text",
    "snapshot",
    "verify",
    "write_bundle_zip",
    "write_manifest",
    "write_sha256sums",
]
