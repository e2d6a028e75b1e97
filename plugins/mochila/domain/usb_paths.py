"""File names that break when a bundle is unzipped onto a USB stick and opened on Windows.

USB sticks are formatted FAT32 or exFAT and are mostly read on Windows, so a bundle has to obey
the strictest rules of the three: Windows reserved device names and characters, names that
Windows silently trims, case-insensitive names, and the length limits. Problems are caught
when the bundle is built, where an author can rename a file, rather than on a stick in a
classroom, where a file would simply be missing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# Windows reserves these device names in every folder, whatever the extension: 'con.md' and
# 'nul.tar.gz' both open the device. It also reads the Latin-1 superscript digits as digits.
_DIGITS = "123456789\u00b9\u00b2\u00b3"
RESERVED_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"COM{d}" for d in _DIGITS]
    + [f"LPT{d}" for d in _DIGITS]
)
FORBIDDEN_CHARACTERS = ':?*<>|"\\'
MAX_SEGMENT_LENGTH = 255


@dataclass(frozen=True)
class UsbPathProblem:
    """A file name in the bundle that would not survive a copy to a USB stick read on Windows.

    ``message`` says what is wrong and ``hint`` how to fix it, both for educators.
    """

    path: str
    message: str
    hint: str


def usb_path_problems(paths: Iterable[str], *, max_length: int) -> list[UsbPathProblem]:
    """Return every problem with ``paths`` ('/'-separated, relative), in input order.

    A path may have several problems; a name that differs from an earlier one only by capital
    letters is reported on the later path, naming the earlier one.
    """
    problems: list[UsbPathProblem] = []
    seen_files: dict[str, str] = {}
    unique = list(dict.fromkeys(paths))
    folders = _folders_by_key(unique)
    for path in unique:
        problems.extend(_segment_problems(path))
        if len(path) > max_length:
            problems.append(
                UsbPathProblem(
                    path,
                    f"the path is {len(path)} characters long, more than the {max_length} "
                    "that fit on a USB stick",
                    "use shorter folder or file names",
                )
            )
        problems.extend(_case_problems(path, seen_files, folders))
    return problems


def _segment_problems(path: str) -> list[UsbPathProblem]:
    problems = []
    for segment in filter(None, path.split("/")):
        if segment.partition(".")[0].rstrip(" ").upper() in RESERVED_NAMES:
            problems.append(
                UsbPathProblem(
                    path,
                    f"the name '{segment}' is reserved by Windows, which cannot open it",
                    f"rename it, for example to '{_renamed(segment)}'",
                )
            )
        bad = _bad_characters(segment)
        if bad:
            problems.append(
                UsbPathProblem(
                    path,
                    f"the name '{_printable(segment)}' contains {bad}, which Windows does not "
                    "allow in file names",
                    "remove it or replace it with '-'",
                )
            )
        if segment.endswith((".", " ")):
            end = "a dot" if segment.endswith(".") else "a space"
            problems.append(
                UsbPathProblem(
                    path,
                    f"the name '{segment}' ends with {end}, which Windows silently removes, "
                    "so links to it break",
                    f"remove the final {end[2:]}",
                )
            )
        if len(segment) > MAX_SEGMENT_LENGTH:
            problems.append(
                UsbPathProblem(
                    path,
                    f"a name in this path is {len(segment)} characters long, more than the "
                    f"{MAX_SEGMENT_LENGTH} a USB stick allows",
                    "shorten the file or folder name",
                )
            )
    return problems


def _case_problems(
    path: str, seen_files: dict[str, str], folders: dict[str, str]
) -> list[UsbPathProblem]:
    # lower() rather than casefold(): Windows compares names letter by letter, so 'Straße'
    # and 'STRASSE' are different files there, which casefold() would call equal.
    key = path.lower()
    problems = []
    first = seen_files.setdefault(key, path)
    if first != path:
        problems.append(
            UsbPathProblem(
                path,
                f"differs from '{first}' only in capital letters; on a USB stick both are the "
                "same file and one would overwrite the other",
                "rename one of them",
            )
        )
    folder = folders.get(key)
    if folder is not None:
        problems.append(
            UsbPathProblem(
                path,
                f"differs from the folder '{folder}' only in capital letters; on a USB stick a "
                "file and a folder cannot have the same name",
                "rename the file or the folder",
            )
        )
    return problems


def _folders_by_key(paths: list[str]) -> dict[str, str]:
    folders: dict[str, str] = {}
    for path in paths:
        segments = path.split("/")
        for end in range(1, len(segments)):
            folder = "/".join(segments[:end])
            folders.setdefault(folder.lower(), folder)
    return folders


def _bad_characters(segment: str) -> str:
    found = []
    for char in dict.fromkeys(segment):
        if char in FORBIDDEN_CHARACTERS:
            found.append(f"'{char}'")
        elif ord(char) < 32:
            found.append("an invisible control character")
    found = list(dict.fromkeys(found))
    return " and ".join(found)


def _printable(segment: str) -> str:
    return "".join(char if ord(char) >= 32 else "?" for char in segment)


def _renamed(segment: str) -> str:
    stem, dot, rest = segment.partition(".")
    return f"{stem.rstrip(' ')}-1{dot}{rest}"
