"""``mochila serve``: live preview for authors.

The first build is a full one; after that only what changed is rebuilt (mkdocs' dirty build:
changed pages plus the generated listings), content is re-read only where it changed, and the
search index is kept whole so search keeps finding every page. A change to the vocabulary, the
config, the theme or the set of files triggers a full build.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import mkdocs
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.livereload import LiveReloadServer

from .. import speedups
from ..domain.catalogue import ReadCache, load_catalogue
from ..domain.edition import PREVIEW, Edition
from ..domain.problems import ContentError
from ..domain.selection import Selection
from ..domain.strings import load_strings
from ..plugins.context import EditionContext
from ..speedups.template_cache import TemplateCache
from ..speedups.theme_listing import ThemeListing
from .mkdocs_run import EditionBuildError, edition_config, load_mkdocs_config
from .project import Project

log = logging.getLogger("mochila.preview")
# The theme's script that shows content problems over the page (theme/assets/mochila/), and
# the data it shows, which the preview rewrites after every rebuild: loaded in this order.
PROBLEMS_DATA = "assets/mochila/preview-problems-data.js"
PROBLEMS_SCRIPT = "assets/mochila/preview-problems.js"


class PreviewError(Exception):
    """The preview cannot start (an unknown language, a mistake in mkdocs.yml)."""


class _HideDirtyWarning(logging.Filter):
    """mkdocs warns about dirty builds; the preview does them on purpose and fixes the index."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


@dataclass
class Rebuild:
    full: bool
    seconds: float
    problems: str = ""


class PreviewBuilder:
    """Builds the preview site into ``site_dir``, incrementally after the first time."""

    def __init__(self, project: Project, site_dir: Path, *, lang: str, drafts: bool) -> None:
        self.project = project
        self.site_dir = Path(site_dir)
        # Authors see everything they can publish: restricted pages too (marked), drafts if asked.
        self.edition = Edition(
            PREVIEW,
            "preview",
            lang,
            Selection(include_restricted=True, include_drafts=drafts),
            label="preview",
            languages=(lang,),
        )
        self.cache = ReadCache()
        self.snapshot: dict[str, tuple[int, int]] = {}
        self.search_docs: list[dict] | None = None  # Material's search, when configured
        self.search_kept: dict = {}  # Mochila's search (EditionContext.search_documents)
        self.serve_url: str | None = None
        self.templates = TemplateCache()
        self.listings: dict = {}
        self.theme_files = ThemeListing()

    def _scan(self) -> dict[str, tuple[int, int]]:
        """Modification stamps of everything that can change the output."""
        stamps = {}
        roots = [self.project.content_dir, self.project.root / "theme"]
        for root in roots:
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                for name in filenames:
                    path = os.path.join(dirpath, name)
                    try:
                        info = os.stat(path)
                    except OSError:
                        continue
                    stamps[path] = (info.st_mtime_ns, info.st_size)
        info = self.project.config_file.stat()
        stamps[str(self.project.config_file)] = (info.st_mtime_ns, info.st_size)
        return stamps

    def _needs_full(self, stamps: dict[str, tuple[int, int]]) -> bool:
        if not self.snapshot or set(stamps) != set(self.snapshot):
            return True
        activities = str(self.project.content_dir / self.project.settings.activities_dir)
        for path, stamp in stamps.items():
            if self.snapshot.get(path) != stamp and not (
                path.startswith(activities) and path.endswith(".md")
            ):
                return True
        return False

    def build(self) -> Rebuild:
        """Rebuild; content errors are returned (and logged), leaving the last good site."""
        start = time.monotonic()
        stamps = self._scan()
        full = self._needs_full(stamps)
        if full:
            self.listings.clear()  # labels or strings may have changed
            self.theme_files.clear()
        settings = self.project.settings
        catalogue = load_catalogue(
            self.project.content_dir,
            settings,
            shown_root=self.project.shown(self.project.content_dir),
            cache=self.cache if speedups.enabled() else None,
        )
        if catalogue.errors:
            report = ContentError(catalogue.problems).report()
            log.error("The preview was not updated:\n%s", report)
            self._show_problems([p.format() for p in catalogue.errors])
            return Rebuild(full, time.monotonic() - start, report)
        if full:
            self.search_kept.clear()
        context = EditionContext(
            self.edition,
            catalogue,
            template_cache=self.templates,
            listing_cache=self.listings,
            search_documents=self.search_kept,
        )
        try:
            config = edition_config(
                self.project.config_file, self.site_dir, context, self.theme_files
            )
        except EditionBuildError as exc:  # mkdocs.yml edited into a mistake while serving
            log.error("The preview was not updated:\n%s", exc)
            self._show_problems(str(exc).splitlines())
            return Rebuild(full, time.monotonic() - start, str(exc))
        if self.serve_url:
            config.site_url = self.serve_url
        config.extra_javascript.extend([PROBLEMS_DATA, PROBLEMS_SCRIPT])
        quiet = _HideDirtyWarning()
        build_log = logging.getLogger(f"{mkdocs.__name__}.commands.build")
        build_log.addFilter(quiet)
        try:
            mkdocs_build(config, serve_url=self.serve_url, dirty=not full)
        finally:
            build_log.removeFilter(quiet)
        self._merge_search_index(full)
        self._show_problems([])
        self.snapshot = stamps
        return Rebuild(full, time.monotonic() - start)

    def _show_problems(self, problems: list[str]) -> None:
        """Show content errors in the browser too, over the last good page, until fixed.

        Every preview page loads the theme's ``preview-problems.js`` after the data written
        here; the browser reloads after each rebuild, so the author sees the list where they
        look, and it disappears once the content is valid.
        """
        title = load_strings(self.edition.lang, self.project.content_dir / "_locales")[
            "preview_problems"
        ]
        data = self.site_dir / PROBLEMS_DATA
        data.parent.mkdir(parents=True, exist_ok=True)
        value = json.dumps({"title": title, "problems": problems})
        data.write_text(f"window.MochilaPreviewProblems = {value};\n", "utf-8")
        index = self.site_dir / "index.html"
        if problems and not index.exists():  # nothing built yet: a page to show them on
            self._copy_problems_script()
            index.write_text(
                '<!DOCTYPE html><meta charset="utf-8"><title>Mochila preview</title>'
                f'<script src="{PROBLEMS_DATA}"></script><script src="{PROBLEMS_SCRIPT}"></script>',
                "utf-8",
            )

    def _copy_problems_script(self) -> None:
        """Put the theme's script in place before mkdocs has built (and copied) anything."""
        target = self.site_dir / PROBLEMS_SCRIPT
        if target.is_file():
            return
        try:
            dirs = load_mkdocs_config(self.project.config_file).theme.dirs
        except EditionBuildError:
            return  # mkdocs.yml is broken too: the log shows both
        for folder in dirs:
            source = Path(folder) / PROBLEMS_SCRIPT
            if source.is_file():
                shutil.copyfile(source, target)
                return

    def _merge_search_index(self, full: bool) -> None:
        index_path = self.site_dir / "search" / "search_index.json"
        if not index_path.is_file():
            return
        index = json.loads(index_path.read_text(encoding="utf-8"))
        if full or self.search_docs is None:
            self.search_docs = index["docs"]
            return
        rebuilt = {doc["location"].split("#", 1)[0] for doc in index["docs"]}
        kept = [d for d in self.search_docs if d["location"].split("#", 1)[0] not in rebuilt]
        self.search_docs = kept + index["docs"]
        index["docs"] = self.search_docs
        index_path.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")


def serve_preview(
    project: Project, *, drafts: bool, lang: str | None, dev_addr: str, echo=print
) -> None:
    """Serve the preview until interrupted (Ctrl+C). Raises ValueError for a ``lang`` that is
    not a site language (the CLI checks it first, for a message about its option)."""
    lang = lang or project.settings.default_lang
    if lang not in project.settings.languages:
        raise ValueError(f"'{lang}' is not a site language")
    try:  # a mistake in mkdocs.yml stops the start; later ones show in the browser
        load_mkdocs_config(project.config_file)
    except EditionBuildError as exc:
        raise PreviewError(str(exc)) from None
    host, _, port = dev_addr.rpartition(":")
    site_dir = Path(tempfile.mkdtemp(prefix="mochila-preview-"))
    builder = PreviewBuilder(project, site_dir, lang=lang, drafts=drafts)

    def rebuild() -> None:
        result = builder.build()
        if not result.problems:
            kind = "full" if result.full else "changed pages"
            echo(f"Preview updated ({kind}) in {result.seconds:.2f} s")

    server = LiveReloadServer(
        builder=rebuild,
        host=host or "127.0.0.1",
        port=int(port),
        root=str(site_dir),
        polling_interval=0.2,
    )
    builder.serve_url = server.url
    try:
        rebuild()
        server.watch(str(project.content_dir))
        server.watch(str(project.config_file))
        if (project.root / "theme").is_dir():
            server.watch(str(project.root / "theme"))
        echo(f"Preview of the '{lang}' site on {server.url} (Ctrl+C to stop)")
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)
