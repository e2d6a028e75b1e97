"""How every browser test starts Debian's Chromium (Playwright cannot download browsers here).

The background-networking flags keep Chromium itself from calling home, so the tests' "no
request leaves the machine" checks see only what our pages ask for. Where Chromium is missing
the browser tests are skipped, except in CI (``CI`` set), where that must be a failure.
"""

from __future__ import annotations

import os
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def missing_chromium_reason() -> str | None:
    """Why browser tests cannot run here, or None when they can (always None in CI)."""
    if Path(CHROMIUM).exists() or os.environ.get("CI"):
        return None
    return f"Chromium not installed at {CHROMIUM} (scripts/test installs it)"
