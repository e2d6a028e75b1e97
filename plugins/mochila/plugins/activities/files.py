"""Choosing and renaming the content files of one edition.

Each language is its own mkdocs build over the same content folder: a translation
``water-play.es.md`` is published at the original's address (``water-play.html``), so links
written to the original's file name resolve to the translation in that language's site.
"""

from __future__ import annotations

import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ...domain.activity import Activity
from ...domain.catalogue import Catalogue, split_language


def edition_files(
    files: Files,
    config: MkDocsConfig,
    catalogue: Catalogue,
    lang: str,
    activities: list[Activity],
) -> tuple[Files, dict[str, Activity]]:
    """Return the files of this edition and the activity behind each activity page.

    Content files are dropped unless they belong to this language and selection; media files
    under the activities folder are kept only when a selected page uses them, so nothing of a
    left-out (restricted, draft) activity reaches the output.
    """
    settings = catalogue.settings
    docs_dir = config.docs_dir
    prefix = settings.activities_dir.rstrip("/") + "/"
    chosen = {a.path: a for a in activities}
    pages_by_key: dict[str, str] = {}
    for page in catalogue.pages:
        if page.lang == lang or (
            page.lang == settings.default_lang and page.key not in pages_by_key
        ):
            pages_by_key[page.key] = page.path

    kept: list[File] = []
    activity_pages: dict[str, Activity] = {}
    used_media: set[str] = set()
    for file in files:
        if file.src_dir is None or posixpath.normpath(file.src_dir) != posixpath.normpath(docs_dir):
            kept.append(file)  # theme and generated files
            continue
        rel = file.src_uri
        name = posixpath.basename(rel)
        if name.startswith("_") or any(part.startswith("_") for part in rel.split("/")[:-1]):
            continue  # vocabulary, locales and other project files
        if not rel.endswith(".md"):
            if not rel.startswith(prefix):
                kept.append(file)
            continue  # media under activities/ is added below once we know what is used
        key, file_lang, _ = split_language(rel, settings)
        if rel.startswith(prefix):
            activity = chosen.get(rel)
            if activity is None:
                continue
            page_file = _as_key(file, key, config)
            activity_pages[key] = activity
            kept.append(page_file)
            used_media.update(activity.links)
        elif pages_by_key.get(key) == rel:
            kept.append(_as_key(file, key, config))
    for file in files:
        if (
            file.src_dir is not None
            and file.src_uri in used_media
            and not file.src_uri.endswith(".md")
        ):
            kept.append(file)
    return Files(kept), activity_pages


def _as_key(file: File, key: str, config: MkDocsConfig) -> File:
    if file.src_uri == key:
        return file
    renamed = File(key, file.src_dir, config.site_dir, config.use_directory_urls)
    renamed.abs_src_path = file.abs_src_path
    return renamed
