"""Language names and writing directions from CLDR, through Babel (installed with Material).

An adapter, so the domain keeps to the standard library: it answers with the domain's
``Language`` and nothing of Babel leaks out.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError

from ..domain.languages import LTR, RTL, Language


@lru_cache(maxsize=64)
def describe(code: str, own_name: str | None = None, own_direction: str | None = None) -> Language:
    """Return ``code``'s own name and direction.

    ``own_name`` and ``own_direction`` (``language_name``, ``direction`` of the project's
    locale file) win over CLDR's. A code CLDR does not know comes back with ``known=False``,
    named by ``own_name`` or by the code itself, left to right unless ``own_direction`` says.
    """
    direction = own_direction if own_direction in (LTR, RTL) else None
    try:
        locale = Locale.parse(code, sep="-")
    except (UnknownLocaleError, ValueError):
        return Language(code, own_name or code, direction or LTR, known=bool(own_name))
    cldr_direction = RTL if locale.character_order == "right-to-left" else LTR
    name = own_name or locale.get_display_name(locale) or code
    return Language(code, name, direction or cldr_direction)
