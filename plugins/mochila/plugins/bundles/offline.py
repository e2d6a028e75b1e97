"""Trimming a built site so it is offline-only: Material ships things a bundle never uses.

- Search stemmers for other languages, and Thai/Japanese word splitters, are left out: a bundle
  has one language, and this keeps bundles small.
- Source maps are for developers and double the size of the scripts.
- Material's scripts hold a few remote URLs used only in situations a bundle never meets (a
  polyfill for browsers without ResizeObserver, Mermaid diagrams, GitHub repository facts).
  Their scheme is changed so that, even then, the browser cannot send a request.
"""

from __future__ import annotations

import re
from pathlib import Path

LUNR = "assets/javascripts/lunr"
REMOTE = re.compile(r"\bhttps?://")
DISABLED_SCHEME = "offline-disabled://"
ALWAYS_KEPT = {"lunr.stemmer.support.min.js", "lunr.multi.min.js"}


def prune_search_languages(site: Path, languages: list[str]) -> None:
    folder = site / LUNR
    if not folder.is_dir():
        return
    keep = ALWAYS_KEPT | {f"lunr.{lang}.min.js" for lang in languages}
    for path in (folder / "min").glob("lunr.*.min.js"):
        if path.name not in keep:
            path.unlink()
    segmenters = {"tinyseg.js": ("ja", "jp"), "wordcut.js": ("th",)}
    for name, needs in segmenters.items():
        if not set(needs) & set(languages) and (folder / name).exists():
            (folder / name).unlink()


def remove_source_maps(site: Path) -> None:
    for path in (site / "assets").rglob("*.map"):
        path.unlink()
    for path in (site / "assets").rglob("*.js"):
        text = path.read_text(encoding="utf-8")
        if "sourceMappingURL=" in text:
            path.write_text(re.sub(r"\n?//# sourceMappingURL=\S+\s*$", "\n", text), "utf-8")


def disable_remote_urls(site: Path) -> list[str]:
    """Change the scheme of remote URLs in the theme's scripts; return the files changed."""
    changed = []
    for path in sorted((site / "assets" / "javascripts").rglob("*.js")):
        text = path.read_text(encoding="utf-8")
        new = REMOTE.sub(DISABLED_SCHEME, text)
        if new != text:
            path.write_text(new, "utf-8")
            changed.append(path.relative_to(site).as_posix())
    return changed
