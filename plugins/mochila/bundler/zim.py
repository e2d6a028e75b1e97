"""A built bundle folder as one ZIM file, the format Kiwix opens on phones and serves on hotspots.

An unzipped folder of HTML does not open reliably on Android; Kiwix (Android, iOS, desktop, and
``kiwix-serve`` on a Raspberry Pi hotspot) opens ZIM files. The ZIM is written from the same
folder as the zip, so it holds exactly the bundle's pages, minus the files that only make sense
on a USB stick (start page, README, manifest).

python-libzim is GPL-3.0-or-later, so it is an optional extra (``mochila[zim]``): it and the
ISO 639 table (pycountry) are imported inside the functions below, never when this module is
imported, and a missing extra is a ``ZimUnavailable`` that says how to install it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import json
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ._fs import Snapshot, atomic_target, list_tree, sha256_file
from .errors import BundleError
from .zim_entries import entry_class
from .zim_uuid import settle_uuids

INSTALL_HINT = (
    "install the optional extra: pip install 'mochila[zim]' "
    "(scripts/setup does it in this repository)"
)
# Limits of the openZIM metadata convention (wiki.openzim.org/wiki/Metadata), in characters.
TITLE_MAX = 30
DESCRIPTION_MAX = 80
LONG_DESCRIPTION_MAX = 4000
ILLUSTRATION_SIZE = 48
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ZimUnavailable(BundleError):
    """A ZIM was asked for but the optional extra (python-libzim, pycountry) is not installed."""


@dataclass(frozen=True)
class ZimInfo:
    """What Kiwix shows about a bundle and how its pages are found (openZIM metadata).

    ``language`` is the bundle's code as written in mkdocs.yml (``es``); the ZIM records its
    ISO 639-3 form (``spa``), which Kiwix's library filters on.
    """

    name: str
    title: str
    description: str
    long_description: str
    language: str
    creator: str
    publisher: str
    date: str
    tags: tuple[str, ...]
    flavour: str
    license: str
    scraper: str
    illustration: bytes = field(repr=False)
    main_page: str = "index.html"
    leave_out: frozenset[str] = frozenset()
    # How the file is written rather than what Kiwix shows: compressed pages make a file ~10×
    # smaller, but libzim's fixed zstd level 19 makes writing it ~5× slower.
    compressed: bool = False

    def problems(self) -> list[str]:
        """What breaks the openZIM metadata rules, in plain words (empty when all is well)."""
        found = []
        if not _NAME.match(self.name):
            found.append(f"Name {self.name!r} must be lower-case letters, digits, '.', '_', '-'")
        for label, value, limit in (
            ("Title", self.title, TITLE_MAX),
            ("Description", self.description, DESCRIPTION_MAX),
            ("LongDescription", self.long_description, LONG_DESCRIPTION_MAX),
        ):
            if not value.strip():
                found.append(f"{label} is empty")
            elif len(value) > limit:
                found.append(f"{label} has {len(value)} characters, at most {limit} are allowed")
        if self.long_description and self.long_description == self.description:
            found.append("LongDescription must say more than Description")
        if not _DATE.match(self.date):
            found.append(f"Date {self.date!r} must be written YYYY-MM-DD")
        for label, value in (("Creator", self.creator), ("Publisher", self.publisher)):
            if not value.strip():
                found.append(f"{label} is empty")
        if not self.illustration.startswith(b"\x89PNG\r\n\x1a\n"):
            found.append("the illustration is not a PNG image")
        return found


@dataclass(frozen=True)
class ZimSummary:
    """What ``write_bundle_zim`` wrote, for the build report and SHA256SUMS."""

    path: Path
    entries: int
    zim_bytes: int
    sha256: str


def zim_support_missing() -> str | None:
    """Return why ZIM files cannot be written here (the extra is missing), or None."""
    for module, package in (("libzim.writer", "python-libzim"), ("pycountry", "pycountry")):
        try:
            importlib.import_module(module)
        except ImportError:
            return f"writing ZIM files for Kiwix needs {package}: {INSTALL_HINT}"
    return None


def iso639_3(lang: str) -> str:
    """Return the ISO 639-3 code (``spa``) of a site language code (``es``, ``es-MX``, ``quc``).

    Raises ZimUnavailable without the extra, BundleError for a code ISO 639 does not know.
    """
    _require()
    import pycountry

    primary = lang.replace("_", "-").split("-")[0].lower()
    found = (
        pycountry.languages.get(alpha_2=primary)
        if len(primary) == 2
        else pycountry.languages.get(alpha_3=primary)
    )
    if found is None:
        raise BundleError(
            f"the language code '{lang}' is not in ISO 639, so Kiwix could not file the ZIM "
            "under a language; use a code such as 'es', 'en' or 'quc'"
        )
    return found.alpha_3


def write_bundle_zim(
    folder: Path, target: Path, info: ZimInfo, read: Snapshot | None = None
) -> ZimSummary:
    """Write the bundle in ``folder`` as the ZIM file ``target``; return what was written.

    Every file becomes an entry at its path in the folder (so the pages' relative links and
    images resolve inside the ZIM), ``info.main_page`` is the main entry, and HTML pages are
    indexed for full-text and title search in the bundle's language. ``read`` is the folder
    already read. The file is written beside ``target`` and moved into place when complete.

    Raises ZimUnavailable without the extra, BundleError for metadata Kiwix would reject or a
    folder without its main page.
    """
    _require()
    from libzim.writer import Creator

    problems = info.problems()
    if problems:
        raise BundleError("its ZIM metadata is not valid: " + "; ".join(problems))
    if read is None:
        _, names = list_tree(folder)
    else:
        names = sorted(read.files)
    names = [n for n in names if n not in info.leave_out]
    if info.main_page not in names:
        raise BundleError(f"the ZIM's main page {info.main_page} is not in {folder}")
    language = iso639_3(info.language)

    def data(name: str) -> bytes | Path:
        # A bundle too big to snapshot is read from disk by libzim as it goes.
        return read.files[name] if read is not None else folder / name

    entry = entry_class()
    with atomic_target(target) as temporary:
        temporary.unlink()  # libzim refuses to write over an existing file
        # libzim prints its progress on standard output, whatever its verbosity.
        # One thread: the build already keeps every core busy with other editions.
        creator = Creator(temporary).config_indexing(True, language).config_nbworkers(1)
        with _quiet_stdout(), creator:
            creator.set_mainpath(info.main_page)
            for name in names:
                creator.add_item(entry(name, data(name), info.compressed))
            for key, value in _metadata(info, language):
                creator.add_metadata(key, value)
            creator.add_illustration(ILLUSTRATION_SIZE, info.illustration)
        settle_uuids(temporary, seed=_seed(folder, info, read))
    return ZimSummary(target, len(names), target.stat().st_size, sha256_file(target))


def _require() -> None:
    missing = zim_support_missing()
    if missing:
        raise ZimUnavailable(missing)


def _metadata(info: ZimInfo, language: str) -> list[tuple[str, str]]:
    return [
        ("Name", info.name),
        ("Title", info.title),
        ("Description", info.description),
        ("LongDescription", info.long_description),
        ("Language", language),
        ("Creator", info.creator),
        ("Publisher", info.publisher),
        ("Date", info.date),
        ("Tags", ";".join(info.tags)),
        ("Flavour", info.flavour),
        ("License", info.license),
        ("Scraper", info.scraper),
    ]


def _seed(folder: Path, info: ZimInfo, read: Snapshot | None) -> bytes:
    """What the ZIM's identifiers are derived from: every file's bytes and the metadata.

    The manifest already lists every file with its sha256, so it stands for the folder.
    """
    from .manifest import MANIFEST_NAME

    if read is not None and MANIFEST_NAME in read.files:
        listing = read.files[MANIFEST_NAME]
    elif (folder / MANIFEST_NAME).is_file():
        listing = (folder / MANIFEST_NAME).read_bytes()
    else:
        _, names = list_tree(folder)
        listing = "\n".join(f"{sha256_file(folder / n)} {n}" for n in names).encode()
    described = {
        key: sorted(value) if isinstance(value, frozenset) else value
        for key, value in dataclasses.asdict(info).items()
        if key != "illustration"
    }
    # Sorted: a frozenset's order changes from one Python process to the next.
    text = json.dumps(described, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return b"\0".join((listing, text, info.illustration))


@contextlib.contextmanager
def _quiet_stdout() -> Iterator[None]:
    """Send file descriptor 1 to /dev/null while libzim's C++ code writes to it."""
    sys.stdout.flush()
    saved = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)
