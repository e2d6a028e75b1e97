"""The marks an unfinished ``mochila update`` leaves on a stick, so it is never silently
half-old: ``verify`` reports them and the next ``mochila update`` finishes the job.

The journal is written (atomically) before the first file of the bundle changes and removed
only after the new manifest is in place; files being copied carry ``PART_SUFFIX`` until they
are complete. Names avoid anything FAT32 or exFAT would refuse or fold together.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

JOURNAL_NAME = "mochila-update.json"
PART_SUFFIX = ".mochila-part"


def read_journal(root: Path) -> dict[str, Any] | None:
    """The journal in the bundle folder ``root``, or None; a damaged one reads as empty (the
    update that finds it re-checks every file anyway)."""
    path = root / JOURNAL_NAME
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def journal_problems(root: Path, names: list[str]) -> list[str]:
    """What ``verify`` says about an unfinished update of the bundle folder ``root``;
    ``names`` are the files present in it, relative."""
    problems = []
    journal = read_journal(root)
    if journal is not None:
        target = journal.get("to_edition") or "a newer edition"
        problems.append(
            f"Incomplete update: an update to edition {target} was interrupted, so this copy "
            "mixes two editions. Run the same 'mochila update' command again to finish it."
        )
    for name in names:
        if name.endswith(PART_SUFFIX):
            problems.append(
                f"Unfinished file from an interrupted update: {name}. Run 'mochila update' "
                "again to finish, or delete the file."
            )
    return problems


def is_update_mark(name: str) -> bool:
    """True for the journal and unfinished files (reported by ``journal_problems``)."""
    return name == JOURNAL_NAME or name.endswith(PART_SUFFIX)
