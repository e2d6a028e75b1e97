"""UI strings per language, from YAML files (a new language needs a file, not code)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

BUILTIN = Path(__file__).resolve().parent.parent / "locales"
# The one complete table: every other language, and every fallback language, is laid over it.
FALLBACK = "en"
# Keys a locale file may set about its language itself; they never fall back to another one.
OWN_KEYS = ("language_name", "direction")


class Strings:
    """The UI strings of one language; keys it lacks come from the fallback language."""

    def __init__(
        self, lang: str, table: dict[str, str], missing: list[str], fallback: str = FALLBACK
    ) -> None:
        self.lang = lang
        self.table = table
        self.missing = missing
        self.fallback = fallback

    def get(self, key: str) -> str | None:
        return self.table.get(key)

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
        ]
        return {key: self.table[key] for key in keys}


def load_strings(lang: str, extra_dir: Path | None = None, fallback: str = FALLBACK) -> Strings:
    """Load the strings for ``lang``; ``extra_dir`` holds site-provided ``<lang>.yml`` files.

    A key ``lang`` lacks comes from ``fallback`` (itself completed from English); ``missing``
    lists those keys, so a caller can say so once for the whole language.
    """
    base = _read(BUILTIN / f"{FALLBACK}.yml")
    if fallback != FALLBACK and fallback != lang:
        base.update(_own(fallback, extra_dir))
    own = _own(lang, extra_dir)
    for key in OWN_KEYS:
        base.pop(key, None)
    missing = sorted(set(base) - set(own)) if lang != FALLBACK else []
    return Strings(lang, {**base, **own}, missing, fallback)


def _own(lang: str, extra_dir: Path | None) -> dict[str, str]:
    """What ``lang``'s own locale files say, the project's over the built-in one."""
    own: dict[str, str] = {}
    for folder in (BUILTIN, extra_dir):
        if folder is not None and (folder / f"{lang}.yml").is_file():
            own.update(_read(folder / f"{lang}.yml"))
    return own


@lru_cache(maxsize=32)
def _read_cached(path: str, mtime: float) -> dict[str, str]:
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    return {str(k): str(v) for k, v in data.items()}


def _read(path: Path) -> dict[str, str]:
    return dict(_read_cached(str(path), path.stat().st_mtime))
