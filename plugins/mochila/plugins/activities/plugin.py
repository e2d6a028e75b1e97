"""The core Mochila plugin: reads and checks all activities once, picks this edition's files,
and renders each activity's metadata card, related activities and links to left-out pages."""

from __future__ import annotations

from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from ...domain.catalogue import load_catalogue
from ...domain.edition import PREVIEW, SITE, Edition
from ...domain.facets import facet_page_path
from ...domain.licences import read_licence
from ...domain.problems import ContentError
from ...domain.settings import ContentSettings
from ...domain.titles import drop_leading_title
from ...domain.web_address import addresses_as_text
from ...speedups.edition_reuse import EditionReuse
from ..context import EditionContext, UsesEdition, attach_everywhere
from ..shared import EditionState, relative_url
from ..web_links import rewrite_web_links
from .config import ActivitiesConfig
from .files import edition_files
from .languages import SiteLanguage, site_languages
from .links import rewrite_edition_links
from .renderer import (
    NOT_SEARCHED,
    licence_html,
    render_card,
    render_credit,
    render_missing,
    render_related,
)

log = get_plugin_logger(__name__)


class ActivitiesPlugin(UsesEdition, BasePlugin[ActivitiesConfig]):
    """Adapts the domain catalogue to one mkdocs build (one edition).

    Orchestration attaches an ``EditionContext`` (the edition, the catalogue already checked,
    caches); a plain ``mkdocs build`` gets the public website in the first language.
    """

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.state: EditionState | None = None
        self._reuse: EditionReuse | None = None
        self._languages: dict[str, SiteLanguage] = {}
        self._facets_by_lang: dict[str, set[str]] = {}

    def settings(self) -> ContentSettings:
        return ContentSettings(
            languages=tuple(self.config.languages), default_license=self.config.license
        )

    # Before Material's search plugin, which takes its stemmer language from theme.language.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        settings = self.settings()
        context = self.context
        if context is None:  # a plain mkdocs build: the public website in the first language
            context = EditionContext()
            attach_everywhere(config, context)
        edition = context.edition or Edition(
            SITE, "site", settings.default_lang, languages=settings.languages
        )
        catalogue = context.catalogue
        if catalogue is None or Path(catalogue.root).resolve() != Path(config.docs_dir).resolve():
            catalogue = load_catalogue(Path(config.docs_dir), settings, shown_root=config.docs_dir)
            # A plain 'mkdocs build': nobody else reports the content's warnings.
            # ('mochila build' prints them once for all its editions.)
            for problem in catalogue.problems:
                if not problem.is_error:
                    log.warning(problem.format())
        if catalogue.errors:
            raise PluginError("content has errors:\n" + ContentError(catalogue.problems).report())
        if edition.lang not in settings.languages:
            raise PluginError(f"'{edition.lang}' is not one of the site languages")
        attribution = self.config.attribution
        if attribution and not (Path(config.docs_dir) / attribution).is_file():
            raise PluginError(
                f"mochila/activities: attribution page '{attribution}' not found in "
                f"{config.docs_dir} (write that page, or remove the 'attribution' option)"
            )
        locales = Path(config.docs_dir) / "_locales"
        self._languages = site_languages(
            config, settings.languages, locales, self.config.fallback_language
        )
        here = self._languages[edition.lang]
        strings = here.strings
        # Said once per language: by its website build, not again by each of its bundles.
        note = here.fallback_note(len(strings.table))
        if note and edition.kind in (SITE, PREVIEW):
            log.warning(note)
        activities = edition.selection.select(catalogue.in_language(edition.lang))
        activities.sort(key=lambda a: (a.title.casefold(), a.id))
        label = edition.label or self.config.edition
        edition_line = strings.format("edition_line", edition=label, count=len(activities))
        if not label:
            edition_line = edition_line.split(" · ", 1)[-1]
        self._facets_by_lang = {}
        self._reuse = EditionReuse(
            edition.lang, context.render_cache, context.template_cache, NOT_SEARCHED
        )
        self.state = context.state = EditionState(
            edition=edition,
            catalogue=catalogue,
            strings=strings,
            activities=activities,
            edition_line=edition_line,
        )
        config.theme["language"] = edition.lang
        config.theme["direction"] = here.language.direction
        if config.site_url and edition.kind == SITE and edition.prefix(edition.lang):
            # Each language is published in its own folder: canonical links and the sitemap
            # of the Spanish site must point into es/.
            config.site_url = config.site_url.rstrip("/") + "/" + edition.prefix(edition.lang)
        config.extra["mochila"] = {
            "store": edition.store,
            "edition_line": edition_line,
            "strings": strings.for_script(),
            "lang": edition.lang,
            "offline": edition.offline,
            "footer_licence": strings.format(
                "footer_licence",
                licence=licence_html(read_licence(self.config.license), edition.offline),
            ),
            "attribution_label": strings["attribution_link"],
            # Read by theme/partials/language.html, before Material's search plugin asks it.
            "material_language": here.material,
            "language_name": here.language.menu_name,
        }
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self._reuse is not None:
            self._reuse.pre_build(config)

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if self._reuse is not None:
            self._reuse.env(env)
        return env

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.state is None:
            return None
        state = self.state
        kept, pages = edition_files(
            files, config, state.catalogue, state.edition.lang, state.activities
        )
        state.pages = pages
        state.files_by_key = {key: kept.get_file_from_path(key) for key in pages}
        attribution = self._attribution(kept)
        # The footer links to it relative to each page (the template's url filter).
        config.extra["mochila"]["attribution_url"] = attribution.url if attribution else ""
        return kept

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """Hand mkdocs the body we already read and checked, so it is not read and parsed
        again (mkdocs' front matter parser is pure Python and costs more than the check)."""
        if not self.config.enabled or self.state is None:
            return None
        activity = self.state.pages.get(page.file.src_uri)
        return None if activity is None else drop_leading_title(activity.body)

    # Runs after the reflection plugin has wrapped the body, so the card ends up on top.
    @event_priority(-50)
    def _render_activity(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or self.state is None:
            return None
        state = self.state
        markdown = self._rewrite_links(markdown, page, files)
        page.meta["mochila"] = {"translations": self._translations(page, files)}
        activity = state.pages.get(page.file.src_uri)
        if activity is None:
            # The front-matter title is shown above the page; a heading repeating it goes.
            return drop_leading_title(markdown) if page.meta.get("title") else markdown
        page.meta["title"] = activity.title
        page.meta["description"] = (
            addresses_as_text(activity.summary) if state.edition.offline else activity.summary
        )
        strings = state.strings

        def url_for(facet: str, value: str) -> str | None:
            target = files.get_file_from_path(facet_page_path(facet, value))
            return relative_url(target, page.file) if target else None

        banners = []
        if activity.is_draft:
            banners.append(("draft", strings["draft_banner"]))
        if activity.is_restricted:
            banners.append(("restricted", strings["restricted_banner"]))
        translations = [
            (t["lang"], t["url"], t["read_in"])
            for t in page.meta["mochila"]["translations"]
            if t.get("exists")
        ]
        licence = read_licence(activity.license or self.config.license)
        offline = state.edition.offline
        card = render_card(
            activity,
            strings,
            state.catalogue.vocabulary,
            url_for,
            translations,
            banners,
            licence,
            offline,
            state.facet_settings,
        )
        attribution = self._attribution(files)
        credit = render_credit(
            activity,
            strings,
            licence,
            offline,
            relative_url(attribution, page.file) if attribution else None,
        )
        src = page.file.src_uri
        card_toc = [(strings["materials"], "mochila-materials")] if activity.materials else []
        related = []
        for related_id in activity.related:
            target = state.activity_file(related_id)
            if target is not None:
                title = state.catalogue.find(state.edition.lang, related_id).title
                related.append((title, relative_url(target, page.file)))
                continue
            # Left out of this edition: name it only if it is published and public anywhere,
            # so a draft's or a facilitators-only title never reaches a public page.
            other = state.catalogue.find(state.edition.lang, related_id) or next(
                (a for a in state.catalogue.activities if a.id == related_id), None
            )
            if other is not None and not other.is_draft and not other.is_restricted:
                related.append((other.title, None))
        related_html = render_related(related, strings)
        related_toc = [(strings["related"], "mochila-related")] if related else []
        return (
            state.stash.hold(src, card, card_toc, rank=-1)
            + markdown
            + (state.stash.hold(src, related_html, related_toc, at_start=False) if related else "")
            + state.stash.hold(src, credit, at_start=False)
        )

    # Last of all page_markdown handlers: the Markdown is final for this edition.
    @event_priority(-100)
    def _reuse_rendered(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        state = self.state
        if self._reuse is not None and state is not None and page.file.src_uri in state.pages:
            self._reuse.page_markdown(page, markdown)
        return None

    on_page_markdown = CombinedEvent(_render_activity, _reuse_rendered)

    # First of all page_content handlers: keep the HTML for later editions, put ours back in.
    @event_priority(100)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):
        if self.state is None:
            return None
        if self._reuse is not None:
            self._reuse.page_rendered(page, html)
        # Web links made right for this edition, before the search plugin reads the page
        # (on_page_context), so its entries read the same. The page's own HTML and each held
        # block (card, credit, prompts) separately: a licence link in the card then costs a
        # parse of the card, not of the whole page (a web link never spans a block's edge).
        offline = self.state.edition.offline
        html = rewrite_web_links(html, offline=offline)
        html, start, end = self.state.stash.release(
            page.file.src_uri, html, lambda block: rewrite_web_links(block, offline=offline)
        )
        if start or end:
            page.toc = TableOfContents(
                [AnchorLink(escape(t), i, 2) for t, i in start]
                + list(page.toc)
                + [AnchorLink(escape(t), i, 2) for t, i in end]
            )
        return html

    # Last of all post_page handlers: the page is written, nothing reads its text again.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if self._reuse is not None:
            self._reuse.page_written(page)
        return None

    def _attribution(self, files: Files) -> File | None:
        """The attribution page (``attribution`` in mkdocs.yml), if the project has one."""
        name = self.config.attribution
        return files.get_file_from_path(name) if name else None

    def _rewrite_links(self, markdown: str, page: Page, files: Files) -> str:
        state = self.state
        return rewrite_edition_links(
            markdown,
            page.file.src_uri,
            lambda key: files.get_file_from_path(key) is not None,
            state.catalogue.settings,
            lambda text: render_missing(text, state.strings),
        )

    def _facet_pages(self, lang: str) -> set[str]:
        """Facet pages the site in ``lang`` has (a value may have no activity there)."""
        if lang not in self._facets_by_lang:
            state = self.state
            chosen = state.edition.selection.select(state.catalogue.in_language(lang))
            self._facets_by_lang[lang] = {
                facet_page_path(facet, value)
                for activity in chosen
                for facet, values in state.facet_settings.values(activity).items()
                for value in values
            }
        return self._facets_by_lang[lang]

    def _translations(self, page: Page, files: Files) -> list[dict[str, object]]:
        """Links to this page in the other site languages (website only)."""
        state = self.state
        edition = state.edition
        if edition.kind not in (SITE, PREVIEW) or len(edition.languages) < 2:
            return []
        key = page.file.src_uri
        activity = state.pages.get(key)
        result = []
        depth = page.file.url.count("/")
        here = edition.prefix(edition.lang)
        up = "../" * (depth + here.count("/"))
        for lang in edition.languages:
            if lang == edition.lang:
                continue
            other_language = self._languages[lang]
            exists = True
            if activity is not None:
                other = state.catalogue.by_key(activity.key).get(lang)
                exists = other is not None and edition.selection.matches(other)
            elif key.startswith("facets/"):
                exists = key in self._facet_pages(lang)
            target_page = page.file.url if exists else "index.html"
            result.append(
                {
                    "lang": lang,
                    "dir": other_language.language.direction,
                    "label": other_language.language.menu_name,
                    "read_in": other_language.strings.format(
                        "read_in", language=other_language.language.name
                    ),
                    "url": f"{up}{edition.prefix(lang)}{target_page}",
                    "exists": exists,
                }
            )
        return result
