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

from ...domain.humanize import human_age, human_duration
from ...domain.search.index import SearchDocument, build_index
from ...domain.search.text import html_text
from ..shared import PLACEHOLDER, edition_state
from .config import SearchConfig

log = get_plugin_logger(__name__)

# HTML our plugins hold back from Markdown (card, prompts, listings): not part of the text.
HELD = re.compile(r"<p>" + PLACEHOLDER.format(r"\d+") + "</p>")


class SearchPlugin(BasePlugin[SearchConfig]):
    def __init__(self) -> None:
        # By sort key: activities in the catalogue's order, then the other pages by address;
        # results that score the same are listed in this order.
        self._documents: dict[tuple, SearchDocument] = {}
        self._rank: dict[str, int] = {}

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._documents = {}
        self._rank = {}

    # Before the activities plugin puts the held HTML back (priority 100): the card and the
    # listings repeat labels and other activities' titles that are not this page's text.
    @event_priority(110)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):
        if not self.config.enabled:
            return None
        search = page.meta.get("search")
        if isinstance(search, dict) and search.get("exclude"):
            return None
        state = edition_state(config)
        body = html_text(HELD.sub(" ", html))
        activity = state.pages.get(page.file.src_uri)
        url = page.file.url
        if activity is None:
            title = str(page.meta.get("title") or page.title or "")
            self._documents[(1, 0, url)] = SearchDocument(path=url, title=title, body=body)
            return None
        if not self._rank:
            self._rank = {a.key: i for i, a in enumerate(state.activities)}
        vocabulary = state.catalogue.vocabulary
        lang = state.edition.lang

        def labels(kind: str, ids: list[str]) -> list[str]:
            return [vocabulary.label(kind, i, lang) for i in ids]

        areas = labels("areas", activity.areas)
        self._documents[(0, self._rank.get(activity.key, 0), url)] = SearchDocument(
            path=url,
            title=activity.title,
            summary=activity.summary,
            labels=tuple(
                areas + labels("audience", activity.audience) + labels("tags", activity.tags)
            ),
            materials=tuple(activity.materials),
            body=body,
            age=human_age(activity.age_min, activity.age_max, state.strings),
            duration=human_duration(activity.duration, state.strings),
            areas=", ".join(areas),
        )
        return None

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        state = edition_state(config)
        documents = [self._documents[key] for key in sorted(self._documents)]
        site = Path(config.site_dir)  # a staging folder: the build swaps it in when complete
        for name, text in build_index(documents, state.edition.lang).items():
            target = site / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        self._documents = {}
