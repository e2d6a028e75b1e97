"""The plain-text README of a bundle, in its language, for the person holding the USB stick.

The text is the ``readme_text`` UI string, so a new language translates it in its locale file.
"""

from __future__ import annotations

from ...domain.edition import Edition
from ...domain.strings import Strings


def readme_text(edition: Edition, strings: Strings, count: int, whats_new: str = "") -> str:
    title = edition.title or strings["catalogue_title"]
    text = strings.format(
        "readme_text",
        title=title,
        underline="=" * len(title),
        edition_line=strings.format("edition_line", edition=edition.label, count=count),
        start=strings["start_page"],
        whats_new=_wrap(whats_new),
    )
    # Windows Notepad on old laptops shows a one-line file without CRLF line ends.
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def _wrap(text: str, width: int = 78) -> str:
    """Break a paragraph into lines a plain-text viewer shows without scrolling sideways."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return "\n".join(lines)
