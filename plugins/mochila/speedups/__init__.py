"""One switch for every speed-up that reuses work between pages, editions or rebuilds.

Why: the build reuses rendered pages, search entries, template fragments, the theme's file list,
compiled templates and cards, and hands caches between workers. None of that may ever show in
the output, and the only proof is an oracle: the same build with every reuse off must give the
same bytes (``tests/build/test_reuse_oracle.py``). ``MOCHILA_NO_REUSE=1`` turns them all off and
leaves the code path otherwise the same; it is for tests and for ruling reuse out when something
looks wrong, not a user option.

The speed-ups lean on mkdocs and Material internals (a page's ``render``, Material's search
index, the theme's Jinja environment), so they also switch themselves off, with one warning,
when the installed versions are not the ones they were written and tested for: an upgrade then
only makes builds slower, never wrong.
"""

from __future__ import annotations

import functools
import importlib.metadata
import logging
import os

SWITCH = "MOCHILA_NO_REUSE"
# The versions whose internals the speed-ups were written against (pyproject pins the same).
WRITTEN_FOR = {"mkdocs": "1.6.1", "mkdocs-material": "9.8.1"}

log = logging.getLogger("mkdocs.plugins.mochila.speedups")


def enabled() -> bool:
    """Whether reuse is on: not switched off and the engine is the one it was written for."""
    if os.environ.get(SWITCH, "").strip() not in ("", "0"):
        return False
    return _engine_matches()


@functools.cache
def _engine_matches() -> bool:
    found = {}
    for name in WRITTEN_FOR:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = "not installed"
    different = [
        f"{n} {found[n]} (written for {v})" for n, v in WRITTEN_FOR.items() if found[n] != v
    ]
    if different:
        log.warning(
            "Build speed-ups are off for %s: the output stays right, builds are slower. "
            "Check mochila/speedups.py and the engine internals it guards, then update "
            "WRITTEN_FOR.",
            ", ".join(different),
        )
        return False
    return True
