"""Mochila's search: collects each page's text as the page is rendered and writes the edition's
sharded index (``domain/search/index.py``) after the build. The search box and its results are
in the theme (``partials/mochila-search.html``, ``assets/mochila/search*.js``)."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ...domain.activity import Activity
from ...domain.humanize import human_age, human_duration
from ...domain.search.index import SearchDocument, build_index
from ...domain.search.text import html_text
from ...domain.web_address import addresses_as_text
from ..context import UsesEdition
from ..shared import MATERIAL_SEARCH, MATERIAL_SEARCH_ASSETS, PLACEHOLDER, EditionState
from ..web_links import rewrite_web_links
from .config import SearchConfig

log = get_plugin_logger(__name__)

# HTML our plugins hold back from Markdown (card, prompts, listings): not part of the text.
HELD = re.compile(r"<p>" + PLACEHOLDER.format(r"\d+") + "</p>")


class SearchPlugin(UsesEdition, BasePlugin[SearchConfig]):
    def __init__(self) -> None:
        self._activities: dict[str, SearchDocument] = {}  # by activity key
        self._pages: dict[str, SearchDocument] = {}  # other pages, by address

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        kept = self.context.search_documents if self.context else None
        store = {} if kept is None else kept
        self._activities = store.setdefault("activities", {})
        self._pages = store.setdefault("pages", {})

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        # The theme copies Material's search worker and lunr (about 180 KB) whether or not
        # its search runs: with Mochila's search alone, no page loads them.
        if not self.config.enabled or any(name in config.plugins for name in MATERIAL_SEARCH):
            return None
        for file in [f for f in files if f.src_uri.startswith(MATERIAL_SEARCH_ASSETS)]:
            files.remove(file)
        return files

    # Before the activities plugin puts the held HTML back (priority 100): the card and the
    # listings repeat labels and other activities' titles that are not this page's text.
    @event_priority(110)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):
        if not self.config.enabled:
            return None
        search = page.meta.get("search")
        if isinstance(search, dict) and search.get("exclude"):
            return None
        state = self.edition_state()
        # Web links as a bundle shows them ("text (example.org/path)"), so its index reads like
        # the page and holds no address it may not link to. On the website the rewrite only
        # makes written-out addresses links, which leaves the text as it is: skip the parse.
        if state.edition.offline:
            html = rewrite_web_links(html, offline=True)
        body = html_text(HELD.sub(" ", html))
        activity = state.pages.get(page.file.src_uri)
        if activity is None:
            title = str(page.meta.get("title") or page.title or "")
            self._pages[page.file.url] = SearchDocument(path=page.file.url, title=title, body=body)
        else:
            self._activities[activity.key] = activity_document(activity, page.file.url, body, state)
        return None

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        state = self.edition_state()
        # Activities first, numbered as state.search_number says (catalogue cards carry the
        # number), then the other pages by address; equal scores are listed in this order.
        documents = [
            self._activities.get(a.key)
            or activity_document(a, state.files_by_key[a.key].url, "", state)
            for a in state.activities
        ]
        documents += [self._pages[url] for url in sorted(self._pages)]
        site = Path(config.site_dir)  # a staging folder: the build swaps it in when complete
        for name, text in build_index(documents, state.edition.lang).items():
            target = site / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")


def activity_document(
    activity: Activity, url: str, body: str, state: EditionState
) -> SearchDocument:
    vocabulary = state.catalogue.vocabulary
    lang = state.edition.lang

    def labels(kind: str, ids: list[str]) -> list[str]:
        return [vocabulary.label(kind, i, lang) for i in ids]

    areas = labels("areas", activity.areas)
    # The summary is plain text; in a bundle its web addresses read as on the page.
    summary = addresses_as_text(activity.summary) if state.edition.offline else activity.summary
    return SearchDocument(
        path=url,
        title=activity.title,
        summary=summary,
        labels=tuple(areas + labels("audience", activity.audience) + labels("tags", activity.tags)),
        materials=tuple(activity.materials),
        body=body,
        age=human_age(activity.age_min, activity.age_max, state.strings),
        duration=human_duration(activity.duration, state.strings),
        areas=", ".join(areas),
    )
