"""Did-you-mean hints for misspelled names."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(word: str, choices: Iterable[str], otherwise: str = "") -> str:
    """Return a hint naming the closest choice, else ``otherwise``, else the short list."""
    options = sorted(set(choices))
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    if otherwise:
        return otherwise
    if options and len(options) <= 12:
        return "choose one of: " + ", ".join(options)
    return "see the list of allowed values"
