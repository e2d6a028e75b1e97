"""What a page needs to know about a site language: its own name and its writing direction.

The facts come from CLDR through an adapter outside the domain (``plugins/cldr.py``), so a
language is named the way its readers name it (Español, Deutsch, Māori, 中文, العربية), never in
the language of the page that links to it.
"""

from __future__ import annotations

from dataclasses import dataclass

LTR = "ltr"
RTL = "rtl"


@dataclass(frozen=True)
class Language:
    """One site language. ``name`` is its own name as used inside a sentence ("Leer en
    español"); ``known`` is False when no reference data knew the code (the name is the code)."""

    code: str
    name: str
    direction: str = LTR
    known: bool = True

    @property
    def menu_name(self) -> str:
        """The name standing alone, as in a menu: CLDR's "uiListOrMenu" context capitalises
        the first letter (español -> Español); scripts without case are unchanged."""
        if not self.known:
            return self.name
        return self.name[:1].upper() + self.name[1:]

    @property
    def is_rtl(self) -> bool:
        return self.direction == RTL
