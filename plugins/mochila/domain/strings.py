"""UI strings per language, from YAML files (a new language needs a file, not code)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

BUILTIN = Path(__file__).resolve().parent.parent / "locales"
FALLBACK = "en"


class Strings:
    """The UI strings of one language, falling back to English for missing keys."""

    def __init__(self, lang: str, table: dict[str, str], missing: list[str]) -> None:
        self.lang = lang
        self.table = table
        self.missing = missing

    def __getitem__(self, key: str) -> str:
        return self.table[key]

    def format(self, key: str, **values: object) -> str:
        return self.table[key].format(**values)

    def for_script(self) -> dict[str, str]:
        """Return the strings the browser scripts need."""
        keys = [
            "saved",
            "saving",
            "not_saved",
            "journal_empty",
            "journal_unavailable",
            "print",
            "download_md",
            "download_html",
            "delete",
            "delete_all",
            "confirm_delete",
            "confirm_delete_all",
            "journal_title",
            "answer_label",
            "showing",
            "no_match",
            "written_on",
            "search_box",
            "search_placeholder",
            "search_hint",
            "search_count",
            "search_one",
            "search_none",
            "search_more",
        ]
        return {key: self.table[key] for key in keys}


def load_strings(lang: str, extra_dir: Path | None = None) -> Strings:
    """Load the strings for ``lang``; ``extra_dir`` holds site-provided ``<lang>.yml`` files."""
    base = _read(BUILTIN / f"{FALLBACK}.yml")
    own: dict[str, str] = {}
    for folder in (BUILTIN, extra_dir):
        if folder is not None and (folder / f"{lang}.yml").is_file():
            own.update(_read(folder / f"{lang}.yml"))
    missing = sorted(set(base) - set(own)) if lang != FALLBACK else []
    return Strings(lang, {**base, **own}, missing)


@lru_cache(maxsize=32)
def _read_cached(path: str, mtime: float) -> dict[str, str]:
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    return {str(k): str(v) for k, v in data.items()}


def _read(path: Path) -> dict[str, str]:
    return dict(_read_cached(str(path), path.stat().st_mtime))
