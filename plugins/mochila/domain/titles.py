"""A page's own first-level heading at the top of its body, which repeats its title.

Authors often start a page with ``# Title`` out of habit, while the page's title is the
front-matter ``title``. The site shows that title once, above everything else (for an activity,
above its card), so a heading the body starts with is dropped: otherwise readers saw two titles,
or one below the card.
"""

from __future__ import annotations

import re

_ATX = re.compile(r"\A(?:[ \t]*\n)*[ ]{0,3}#(?!#)[ \t]+[^\n]*(?:\n|\Z)")
_SETEXT = re.compile(r"\A(?:[ \t]*\n)*[ ]{0,3}[^\s#>\-*+|`][^\n]*\n[ ]{0,3}=+[ \t]*(?:\n|\Z)")


def drop_leading_title(markdown: str) -> str:
    """Return ``markdown`` without the first-level heading it starts with, if it starts with
    one (``# Title`` or ``Title`` underlined with ``===``); otherwise unchanged."""
    found = _ATX.match(markdown) or _SETEXT.match(markdown)
    return markdown[found.end() :] if found else markdown
