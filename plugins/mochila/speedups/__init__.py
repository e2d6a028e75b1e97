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

import mkdocs

SWITCH = "MOCHILA_NO_REUSE"
# The engines and theme whose internals the speed-ups were written against and checked with the
# oracle (pyproject pins mkdocs and Material; scripts/test-properdocs runs the oracle on
# ProperDocs, which serves the `mkdocs` module in its place).
WRITTEN_FOR = {"engine": {"mkdocs": "1.6.1", "properdocs": "1.6.7"}, "mkdocs-material": "9.8.1"}

log = logging.getLogger(f"{mkdocs.__name__}.plugins.mochila.speedups")


def enabled() -> bool:
    """Whether reuse is on: not switched off and the engine is the one it was written for."""
    if os.environ.get(SWITCH, "").strip() not in ("", "0"):
        return False
    return _engine_matches()


@functools.cache
def _engine_matches() -> bool:
    import mkdocs  # the engine: mkdocs itself, or a continuation serving its module

    engine = mkdocs.__name__
    found = {engine: _version(engine), "mkdocs-material": _version("mkdocs-material")}
    wanted = {engine: WRITTEN_FOR["engine"].get(engine, "another engine")}
    wanted["mkdocs-material"] = WRITTEN_FOR["mkdocs-material"]
    different = [f"{n} {found[n]} (written for {v})" for n, v in wanted.items() if found[n] != v]
    if different:
        log.warning(
            "Build speed-ups are off for %s: the output stays right, builds are slower. "
            "Check mochila/speedups and the engine internals it guards, then update "
            "WRITTEN_FOR.",
            ", ".join(different),
        )
        return False
    return True


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"
