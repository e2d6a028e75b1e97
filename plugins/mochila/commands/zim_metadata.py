"""What Kiwix shows about a bundle's ZIM, filled from mkdocs.yml, the bundle and its language.

Kiwix lists ZIM files in a library with a title, a short description, a language and a
picture; a coordinator picks the right file on a phone by them. The texts come from the UI
strings of the bundle's language (``zim_description``, ``zim_long_description``), so a new
language translates them in its locale file like every other string.
"""

from __future__ import annotations

import datetime as dt
import re
from importlib.metadata import PackageNotFoundError, version

from ..bundler import MANIFEST_NAME
from ..bundler.illustration import backpack_png
from ..bundler.zim import DESCRIPTION_MAX, LONG_DESCRIPTION_MAX, TITLE_MAX, ZimInfo
from ..domain.edition import Edition
from ..domain.strings import load_strings
from .project import Project


def zim_info(
    project: Project, edition: Edition, count: int, epoch: int, compressed: bool = False
) -> ZimInfo:
    """The ZIM metadata of the bundle ``edition`` holding ``count`` activities (``compressed``:
    the bundle's ``zim_compressed``)."""
    strings = load_strings(edition.lang, project.content_dir / "_locales")
    site = str(project.raw.get("site_name") or "Mochila")
    title = edition.title or strings["catalogue_title"]
    author = str(project.raw.get("site_author") or site)
    selection = edition.selection
    tags = [_slug(site), *selection.audience, *selection.areas, *selection.tags]
    return ZimInfo(
        name=f"{_slug(site)}_{_slug(edition.lang)}_{_slug(edition.name)}",
        # "Mochila: Para las familias" when it fits, else the bundle's own title.
        title=full if len(full := f"{site}: {title}") <= TITLE_MAX else _shorten(title, TITLE_MAX),
        description=_shorten(
            strings.format("zim_description", title=title, count=count), DESCRIPTION_MAX
        ),
        long_description=_shorten(
            strings.format("zim_long_description", title=title, count=count, edition=edition.label),
            LONG_DESCRIPTION_MAX,
        ),
        language=edition.lang,
        creator=author,
        publisher=author,
        date=_date(edition.label, epoch),
        # Kiwix reads the tags starting with "_" (openZIM convention); the others are for people.
        tags=(*dict.fromkeys(tags), "_category:other", "_ftindex:yes", "_videos:no"),
        flavour=edition.name,
        license=project.settings.default_license,
        scraper=f"mochila {_version()}",
        illustration=backpack_png(),
        leave_out=frozenset({strings["start_page"], strings["readme_name"], MANIFEST_NAME}),
        compressed=compressed,
    )


def _shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary with an ellipsis if longer than ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.·-")
    return f"{cut}…"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "mochila"


def _date(label: str, epoch: int) -> str:
    """The edition's date: its label when that is a date, else the day of the last commit."""
    try:
        return dt.date.fromisoformat(label).isoformat()
    except ValueError:
        return dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("%Y-%m-%d")


def _version() -> str:
    try:
        return version("mochila")
    except PackageNotFoundError:
        return "unknown"
