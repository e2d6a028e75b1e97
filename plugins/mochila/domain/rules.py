"""The content contract's limits and the short forms people type for them, stated once.

The checker (``activity.py``), ``mochila new`` (its flags and its questions), the typed
``mkdocs.yml`` options and the age wording all read these; none repeats a number.
"""

from __future__ import annotations

import re

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# The oldest age an activity can name (18 years): a range ending there has no upper limit.
MAX_AGE_MONTHS = 216
MAX_DURATION = 600


def parse_age_range(text: str) -> tuple[int, int]:
    """``"24-48"`` (or with an en dash) as months; ValueError with what to write instead."""
    try:
        low, high = (int(part) for part in text.replace("–", "-").split("-"))
    except ValueError:
        raise ValueError("write the age in months as MIN-MAX, e.g. 24-48") from None
    if not 0 <= low <= high <= MAX_AGE_MONTHS:
        raise ValueError(f"use months from 0 to {MAX_AGE_MONTHS}, the smaller number first")
    return low, high


def parse_minutes(text: str) -> int:
    """Whole minutes within the contract's limits; ValueError otherwise."""
    try:
        value = int(text)
    except ValueError:
        raise ValueError(f"write whole minutes from 1 to {MAX_DURATION}") from None
    if not 1 <= value <= MAX_DURATION:
        raise ValueError(f"write whole minutes from 1 to {MAX_DURATION}")
    return value


def parse_id_list(text: str) -> list[str]:
    """``"sensory, motor"`` as ids (empty parts dropped)."""
    return [part.strip() for part in text.split(",") if part.strip()]
