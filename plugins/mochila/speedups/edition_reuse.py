"""The speed-ups of one mkdocs build, called from the activities plugin's hooks.

Each one leans on an mkdocs or Material internal, named where it is used: a page's ``render``
replaced for a cached page, Material's ``SearchIndex.add_entry_from_context`` wrapped, a page's
``title`` pinned before its Markdown is let go, a Jinja bytecode cache and fragment store put
into the theme's environment. All of them are off when ``mochila.speedups.enabled()`` says so;
the build is then slower and byte for byte the same (``tests/plugins/test_reuse_oracle.py``).
"""

from __future__ import annotations

import hashlib
import re
from functools import partial

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from . import enabled
from .fragments import install as install_fragments
from .render_cache import RenderCache, Rendered
from .search_entries import reuse_search_entries


class EditionReuse:
    """What one build (edition) reuses: pages and search entries of ``lang`` from
    ``render_cache``, compiled templates from ``template_cache``; both optional."""

    def __init__(
        self,
        lang: str,
        render_cache: RenderCache | None,
        template_cache: jinja2.BytecodeCache | None,
        search_ignored: re.Pattern,
    ) -> None:
        self.on = enabled()
        self.lang = lang
        self.render_cache = render_cache if self.on else None
        self.template_cache = template_cache if self.on else None
        self.search_ignored = search_ignored
        self._to_cache: dict[str, str] = {}

    def pre_build(self, config: MkDocsConfig) -> None:
        """After every plugin's on_config: the search plugin has made its index by now."""
        if self.render_cache is not None:
            reuse_search_entries(config, self.render_cache, self.lang, self.search_ignored)

    def env(self, env: jinja2.Environment) -> None:
        if self.template_cache is not None:
            env.bytecode_cache = self.template_cache
        if self.on:
            install_fragments(env)

    def page_markdown(self, page: Page, markdown: str) -> None:
        """With the page's final Markdown: restore its rendering if an earlier edition made
        it from the same Markdown, else remember to keep what mkdocs renders."""
        if self.render_cache is None:
            return
        key = hashlib.sha1(f"{page.file.src_uri}\0{markdown}".encode()).hexdigest()
        found = self.render_cache.get(self.lang, key)
        if found is None:
            self._to_cache[page.file.src_uri] = key
        else:
            # mkdocs has no event to skip rendering, and a Markdown instance per page costs
            # more than the conversion of a cached page would save: this page's render() just
            # puts back what an earlier edition rendered from the same Markdown.
            page.render = partial(_restore_rendered, page, found)

    def page_rendered(self, page: Page, html: str) -> None:
        """First thing on_page_content: keep mkdocs' rendering for later editions."""
        key = self._to_cache.pop(page.file.src_uri, None)
        if key is not None and self.render_cache is not None:
            self.render_cache.put(
                self.lang, key, Rendered(html, page.toc, frozenset(page.present_anchor_ids or ()))
            )

    def page_written(self, page: Page) -> None:
        """Let go of the page's text: mkdocs keeps every page object to the end of the build,
        and without their text a worker building editions of 3,000 activities peaks ~15% lower.
        mkdocs derives a page's title from its Markdown, and later pages' menus and footers
        still name this one: pin the title it has now (a weak property, so assigning sets it)."""
        if not self.on:
            return
        page.title = page.title
        page.markdown = None
        page.content = None


def _restore_rendered(page: Page, rendered: Rendered, config: MkDocsConfig, files: Files) -> None:
    """Stand-in for ``Page.render`` that sets what it would have set."""
    page.content = rendered.html
    page.toc = rendered.toc
    page.present_anchor_ids = set(rendered.anchors)
    # Links to anchors were checked when the page was rendered.
    page.links_to_anchors = None
