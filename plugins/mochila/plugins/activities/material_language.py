"""Which site languages Material's templates speak (the one place that looks inside Material).

Material imports ``partials/languages/<theme.language>.html`` and fails the build when it has no
such file (Quechua, Guarani, Aymara...). Such a language is built with Material's English UI
strings; Mochila's own strings, the page's ``lang`` (``theme/partials/language.html``) and
search stay the site language's.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

FALLBACK = "en"


@cache
def material_language(lang: str) -> str:
    """``lang`` if Material has UI strings for it, else English."""
    folder = files("material") / "templates" / "partials" / "languages"
    return lang if (folder / f"{lang}.html").is_file() else FALLBACK
