"""UI strings per language, from YAML files (a new language needs a file, not code)."""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path

from .problems import Problem, error, warning
from .source import parse_fields, read_text
from .suggest import did_you_mean

BUILTIN = Path(__file__).resolve().parent.parent / "locales"
# The one complete table: every other language, and every fallback language, is laid over it.
FALLBACK = "en"
# Keys a locale file may set about its language itself; they never fall back to another one.
OWN_KEYS = ("language_name", "direction")
LOCALES_DIR = "_locales"  # in the content folder: a site's own <lang>.yml files


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
            "search_box",
            "search_placeholder",
            "search_hint",
            "search_count",
            "search_one",
            "search_none",
            "search_more",
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
    """The usable strings of a file. ``check_locale_file`` reports the rest; a build refuses
    content with errors, but the preview still shows its problems in the site's language."""
    try:  # read as the checker reads it, so both agree on what a file provides
        text, _ = read_text(Path(path), path)
    except OSError:
        return {}
    fields, _ = parse_fields(path, text, first_line=1) if text is not None else (None, [])
    if fields is None:
        return {}
    data = {key: located.value for key, located in fields.items()}
    english = _english() if Path(path) != BUILTIN / f"{FALLBACK}.yml" else {}
    table = {}
    for key, value in data.items():
        usable = isinstance(value, (str, int, float)) and not isinstance(value, bool)
        if usable and not (english and placeholder_problem(str(value), english.get(str(key), ""))):
            table[str(key)] = str(value)
    return table


def _english() -> dict[str, str]:
    return _read(BUILTIN / f"{FALLBACK}.yml")


def _fields(text: str) -> list[tuple[str, str, str | None]] | None:
    """The ``{name}`` fields of a format string, or None if its braces do not match."""
    try:
        return [
            (name, spec or "", conversion)
            for _, name, spec, conversion in string.Formatter().parse(text)
            if name is not None
        ]
    except ValueError:
        return None


def placeholder_problem(text: str, english: str) -> str:
    """Why ``text`` cannot stand in for the English string ``english`` ('' if it can).

    Mochila fills in the English string's ``{names}``; a translation may leave some out, but
    any other brace would stop the build with a Python error.
    """
    allowed = sorted({name for name, _, _ in _fields(english) or []})
    fields = _fields(text)
    shown = ", ".join("{" + name + "}" for name in allowed) or "none"
    if fields is None:
        return (
            f"a '{{' or '}}' has no partner (placeholders here: {shown}; write '{{{{' for a brace)"
        )
    for name, spec, conversion in fields:
        if name not in allowed or spec or conversion:
            return f"'{{{name}}}' is not a placeholder of this text (placeholders here: {shown})"
    return ""


def check_locale_file(abs_path: Path, shown: str) -> list[Problem]:
    """Check a site's UI strings file (``_locales/<lang>.yml``): every problem with its line."""
    text, problems = read_text(abs_path, shown)
    if text is None:
        return problems
    fields, problems = parse_fields(shown, text, first_line=1, what="the UI strings file")
    if fields is None:
        return problems
    english = _english()
    for key, located in fields.items():
        if key not in english:
            problems.append(
                warning(
                    shown,
                    located.line,
                    f"'{key}' is not a UI string Mochila shows",
                    did_you_mean(key, english, "see the keys of Mochila's locales/en.yml"),
                )
            )
            continue
        value = located.value
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            problems.append(
                error(shown, located.line, f"'{key}' must be text", "write it in quotes")
            )
            continue
        reason = placeholder_problem(str(value), english[key])
        if reason:
            problems.append(
                error(
                    shown,
                    located.line,
                    f"the text of '{key}' cannot be filled in: {reason}",
                    f"the English text is {english[key]!r}",
                )
            )
    return problems


def _read(path: Path) -> dict[str, str]:
    return dict(_read_cached(str(path), path.stat().st_mtime))
