"""Reflection prompts: before/after blocks from front matter, inline ``:::reflect`` prompts,
``:::notes`` facilitator notes, and the generated "My reflections" journal page."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ...domain.body import scan_blocks
from ..context import UsesEdition
from ..shared import generated_page
from .config import ReflectionConfig
from .renderer import render_inline, render_journal, render_notes, render_section

log = get_plugin_logger(__name__)


class ReflectionPlugin(UsesEdition, BasePlugin[ReflectionConfig]):
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        strings = self.edition_state().strings
        content = generated_page(strings["journal_title"], render_journal(strings))
        files.append(File.generated(config, self.config.journal_page, content=content))
        return files

    # Before the activities plugin adds the card, so "Before you start" sits under the card.
    @event_priority(50)
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return None
        state = self.edition_state()
        activity = state.pages.get(page.file.src_uri)
        path = page.file.url
        markdown = self._blocks(markdown, activity, page.file.src_uri, path, state)
        if activity is None:
            return markdown
        src = page.file.src_uri
        strings = state.strings
        parts = []
        if activity.before:
            html = render_section("before", activity.before, activity, path, strings)
            parts.append(state.stash.hold(src, html, [(strings["before_title"], "mochila-before")]))
        parts.append(markdown)
        if activity.after:
            html = render_section("after", activity.after, activity, path, strings)
            toc = [(strings["after_title"], "mochila-after")]
            parts.append(state.stash.hold(src, html, toc, at_start=False))
        return "\n\n".join(parts) + "\n"

    def _blocks(self, markdown: str, activity, src: str, path: str, state) -> str:
        strings = state.strings
        blocks, _ = scan_blocks(markdown, 1)
        if not blocks:
            return markdown
        lines = markdown.split("\n")
        # Replace from the end so earlier line numbers stay valid.
        for index, block in reversed(list(enumerate(blocks, start=1))):
            if block.kind == "reflect":
                number = sum(1 for b in blocks[:index] if b.kind == "reflect")
                inline = render_inline(number, block.text, activity, path, strings)
                html = state.stash.hold(src, inline).strip()
            else:
                # md_in_html renders the notes' own Markdown inside the folded block.
                html = render_notes(f"\n\n{block.text}\n\n", strings, markdown=True)
            lines[block.line - 1 : block.end_line] = ["", html, ""]
        return "\n".join(lines)
