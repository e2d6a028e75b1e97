"""What the Mochila plugins of one build share: the edition and its checked activities."""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field

from mkdocs.structure.files import File

from ..domain.activity import Activity
from ..domain.catalogue import Catalogue
from ..domain.edition import Edition
from ..domain.facets import DEFAULT_SETTINGS, FacetIndex, FacetSettings
from ..domain.strings import Strings


@dataclass
class EditionState:
    """One build's view of the catalogue, set up by the activities plugin in ``on_config``."""

    edition: Edition
    catalogue: Catalogue
    strings: Strings
    activities: list[Activity]
    edition_line: str
    # Set by the facets plugin's on_config (the organisation's bands and facet names).
    facets: FacetIndex = field(default_factory=FacetIndex)
    facet_settings: FacetSettings = DEFAULT_SETTINGS
    # Filled in on_files: the activity behind each page, by the page's (remapped) src_uri.
    pages: dict[str, Activity] = field(default_factory=dict)
    files_by_key: dict[str, File] = field(default_factory=dict)
    stash: HtmlStash = field(default_factory=lambda: HtmlStash())
    _by_id: dict[str, Activity] | None = field(default=None, repr=False)
    _numbers: dict[str, int] | None = field(default=None, repr=False)

    def search_number(self, activity: Activity) -> int:
        """The activity's document number in the search index: its place in ``activities``.
        Catalogue cards carry it, so the catalogue filters with the index's answers."""
        if self._numbers is None:
            self._numbers = {a.key: i for i, a in enumerate(self.activities)}
        return self._numbers[activity.key]

    def activity_file(self, activity_id: str) -> File | None:
        """The page of an activity in this edition, or None if the edition leaves it out."""
        if self._by_id is None:
            self._by_id = {a.id: a for a in self.activities}
        activity = self._by_id.get(activity_id)
        return self.files_by_key.get(activity.key) if activity else None


class HtmlStash:
    """HTML our plugins generate, kept out of Markdown and put back after conversion.

    Markdown would only re-parse it (with md_in_html, the slowest part of a build); instead a
    placeholder paragraph stands in for it. Table-of-contents entries for headings inside the
    HTML are added to the page's TOC, before or after the Markdown's own headings.
    """

    def __init__(self) -> None:
        self._held: dict[str, list[str]] = {}
        self._toc: dict[str, tuple[list, list]] = {}

    def hold(
        self,
        src: str,
        html: str,
        toc: list[tuple[str, str]] = (),
        at_start: bool = True,
        rank: int = 0,
    ) -> str:
        """Hold ``html``; its TOC entries go before (or after) the Markdown's, by ``rank``.

        Plugins hold in the order their hooks run, not in page order, so ``rank`` says where
        an entry belongs among the others at the same end (the card ranks before prompts).
        """
        held = self._held.setdefault(src, [])
        held.append(html)
        start, end = self._toc.setdefault(src, ([], []))
        (start if at_start else end).extend((rank, title, anchor) for title, anchor in toc)
        return f"\n\n{PLACEHOLDER.format(len(held) - 1)}\n\n"

    def release(self, src: str, html: str, each=None) -> tuple[str, list, list]:
        """Put the HTML back, each block passed through ``each`` if given; return it with the
        TOC entries for the start and the end."""
        held = self._held.pop(src, [])
        for index, block in enumerate(held):
            block = each(block) if each is not None else block
            html = html.replace(f"<p>{PLACEHOLDER.format(index)}</p>", block, 1)
        start, end = self._toc.pop(src, ([], []))
        ordered = [
            [(title, anchor) for _, title, anchor in sorted(entries, key=lambda e: e[0])]
            for entries in (start, end)
        ]
        return html, ordered[0], ordered[1]


PLACEHOLDER = "mochilahtml{}x"

# Material's own search plugin, under either of its names. Mochila's search replaces it; a
# project may still configure it instead, and then its worker and lunr files are kept.
MATERIAL_SEARCH = ("search", "material/search")
MATERIAL_SEARCH_ASSETS = (
    "assets/javascripts/workers/",
    "assets/javascripts/lunr/",
    "assets/vendor/iframe-worker/",  # our copy of the shim that runs its worker from file://
)


def url_from(base_dir: str, target: str) -> str:
    """Relative URL to ``target`` from the folder ``base_dir`` (both site-relative, '/').

    Pure string work: posixpath.relpath asks the OS for the working directory on every call,
    which showed up in the preview's profile (thousands of calls per rebuild).
    """
    base = [part for part in base_dir.split("/") if part]
    parts = target.split("/")
    common = 0
    while common < len(base) and common < len(parts) - 1 and base[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:])


def relative_url(target: File | str, page_file: File) -> str:
    """Return the URL of ``target`` (a File, or a site-root-relative URL) from a page."""
    url = target.url if isinstance(target, File) else target
    base = posixpath.dirname(page_file.url)
    return url_from(base, url) if base else url


def generated_page(title: str, body: str, *, searchable: bool = True) -> str:
    """The Markdown of a page our plugins generate: front matter with ``title`` (any text: JSON
    strings are valid YAML, so quotes, colons and '#' stay text), then ``body``. Listings are
    not ``searchable``: the activities they list are in the search index on their own pages."""
    front = f"title: {json.dumps(title, ensure_ascii=False)}\n"
    if not searchable:
        front += "search:\n  exclude: true\n"
    return f"---\n{front}---\n\n{body}"
