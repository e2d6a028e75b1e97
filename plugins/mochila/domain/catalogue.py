"""The catalogue: every page and activity of a content folder, read and checked together.

Problems are collected across all files (syntax, schema, vocabulary, cross-file rules such as
duplicate ids and translations, links, file names) so an author sees all of them in one run.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .activity import Activity, check_activity
from .body import scan_blocks, scan_links, scan_web_loads
from .problems import Problem, error, warning
from .settings import ContentSettings
from .source import SourceFile, read_text, split
from .suggest import did_you_mean
from .usb_paths import usb_path_problems
from .vocabulary import VOCABULARY_FILE, Vocabulary, load_vocabulary

TRANSLATION = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\.md$")
IGNORED_DIRS = {".git", "__pycache__", "node_modules"}


@dataclass
class Page:
    """A Markdown page that is not an activity (home, about, guides)."""

    path: str
    key: str
    lang: str
    title: str
    body: str
    body_line: int


@dataclass
class Catalogue:
    """Everything in a content folder, in every language, after checking."""

    root: Path
    settings: ContentSettings
    vocabulary: Vocabulary
    activities: list[Activity] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    _by_id: dict[tuple[str, str], Activity] | None = field(default=None, repr=False)
    _by_key: dict[str, dict[str, Activity]] | None = field(default=None, repr=False)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def in_language(self, lang: str) -> list[Activity]:
        return [a for a in self.activities if a.lang == lang]

    def find(self, lang: str, activity_id: str) -> Activity | None:
        return self._index().get((lang, activity_id))

    def by_key(self, key: str) -> dict[str, Activity]:
        """Return the activity stored under a default-language path, per language."""
        if self._by_key is None:
            self._by_key = {}
            for activity in self.activities:
                self._by_key.setdefault(activity.key, {})[activity.lang] = activity
        return self._by_key.get(key, {})

    def _index(self) -> dict[tuple[str, str], Activity]:
        if self._by_id is None:
            self._by_id = {(a.lang, a.id): a for a in self.activities}
        return self._by_id


def split_language(rel_path: str, settings: ContentSettings) -> tuple[str, str, str | None]:
    """Return (default-language path, language, unknown suffix) for a Markdown file path."""
    directory, name = posixpath.split(rel_path)
    match = TRANSLATION.match(name)
    if match:
        lang = match.group("lang")
        key = posixpath.join(directory, match.group("stem") + ".md")
        if lang in settings.languages[1:]:
            return key, lang, None
        if lang == settings.default_lang:
            return key, lang, lang
        return rel_path, settings.default_lang, lang if len(lang) == 2 else None
    return rel_path, settings.default_lang, None


class ReadCache:
    """Per-file results kept between runs of the live preview.

    A file is read again when its size or modification time changes; everything is read again
    when files are added or removed or the vocabulary changes (links and ids depend on them).
    """

    def __init__(self) -> None:
        self.context: object = None
        self._entries: dict[str, tuple[tuple[int, int], object]] = {}
        self.reads = 0

    def clear(self, context: object) -> None:
        self.context = context
        self._entries.clear()

    def get(self, rel: str, stat: tuple[int, int]):
        entry = self._entries.get(rel)
        return entry[1] if entry is not None and entry[0] == stat else None

    def put(self, rel: str, stat: tuple[int, int], result: object) -> None:
        self.reads += 1
        self._entries[rel] = (stat, result)


# read_many(read, paths) -> [read(path) for path in paths], in that order
ReadMany = Callable[[Callable[[str], object], list[str]], list[object]]


def _stat_key(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except OSError:
        return (-1, -1)
    return (info.st_mtime_ns, info.st_size)


def load_catalogue(
    root: Path,
    settings: ContentSettings,
    shown_root: str = "",
    cache: ReadCache | None = None,
    read_many: ReadMany | None = None,
) -> Catalogue:
    """Read and check every file under ``root``.

    ``shown_root`` is how the folder is named in messages (e.g. ``content``), so paths in
    problems are the ones the author typed. ``cache`` lets the preview re-read only what
    changed. ``read_many(read, paths)`` returns ``[read(p) for p in paths]``, however it likes
    (a build reads on several cores); each file is read and checked on its own.
    """
    root = Path(root)

    def shown(rel: str) -> str:
        return posixpath.join(shown_root, rel) if shown_root else rel

    vocabulary, problems = load_vocabulary(
        root / VOCABULARY_FILE, shown(VOCABULARY_FILE), list(settings.languages)
    )
    catalogue = Catalogue(root, settings, vocabulary, problems=problems)
    catalogue.files, walk_problems = _walk(root, shown)
    catalogue.problems += walk_problems
    for issue in usb_path_problems(catalogue.files, max_length=settings.max_path_length):
        catalogue.problems.append(error(shown(issue.path), 1, issue.message, issue.hint))

    file_set = set(catalogue.files)
    context = (tuple(catalogue.files), _stat_key(root / VOCABULARY_FILE), settings, shown_root)
    if cache is not None and cache.context != context:
        cache.clear(context)
    results: dict[str, object] = {}
    to_read = []
    for rel in catalogue.files:
        if not rel.endswith(".md"):
            continue
        stat = _stat_key(root / rel)
        result = cache.get(rel, stat) if cache is not None else None
        if result is None:
            to_read.append((rel, stat))
        else:
            results[rel] = result

    def read(rel: str):
        return _read_one(root, rel, settings, vocabulary, file_set, shown)

    paths = [rel for rel, _ in to_read]
    for (rel, stat), result in zip(to_read, (read_many or _read_each)(read, paths), strict=True):
        results[rel] = result
        if cache is not None:
            cache.put(rel, stat, result)
    for rel in catalogue.files:
        if rel not in results:
            continue
        found, item = results[rel]
        catalogue.problems += found
        if isinstance(item, Activity):
            catalogue.activities.append(item)
        elif isinstance(item, Page):
            catalogue.pages.append(item)
    catalogue.problems += _cross_check(catalogue, file_set, shown)
    catalogue.problems.sort(key=Problem.sort_key)
    return catalogue


def _read_each(read: Callable[[str], object], paths: list[str]) -> list[object]:
    return [read(path) for path in paths]


def _read_one(
    root: Path, rel: str, settings: ContentSettings, vocabulary: Vocabulary, file_set, shown
) -> tuple[list[Problem], Activity | Page | None]:
    """Read and check one Markdown file on its own (cross-file rules come later)."""
    text, problems = read_text(root / rel, shown(rel))
    if text is None:
        return problems, None
    source, split_problems = split(shown(rel), text)
    problems += split_problems
    if source is None:
        return problems, None
    key, lang, unknown = split_language(rel, settings)
    if unknown:
        problems.append(
            error(
                shown(rel),
                1,
                f"the file name ends in '.{unknown}.md' but '{unknown}' is not a "
                "translation language of this site",
                f"site languages: {', '.join(settings.languages)} "
                f"(the default, {settings.default_lang}, has no suffix)",
            )
        )
        return problems, None
    body_problems, targets = _check_body(source, rel, file_set, shown)
    problems += body_problems
    if rel.startswith(settings.activities_dir.rstrip("/") + "/"):
        activity, found = check_activity(
            source,
            vocabulary,
            lang=lang,
            key=key,
            rel_path=rel,
            default_license=settings.default_license,
        )
        problems += found
        if activity is not None:
            activity.links = targets
        return problems, activity
    title = source.fields.get("title")
    page = Page(rel, key, lang, str(title.value) if title else "", source.body, source.body_line)
    return problems, page


def _walk(root: Path, shown) -> tuple[list[str], list[Problem]]:
    files: list[str] = []
    problems: list[Problem] = []
    real_root = os.path.realpath(root)
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        rel_dir = os.path.relpath(dirpath, root).replace(os.sep, "/")
        rel_dir = "" if rel_dir == "." else rel_dir
        kept = []
        for name in sorted(dirnames):
            if name.startswith(".") or name in IGNORED_DIRS:
                continue
            full = os.path.join(dirpath, name)
            rel = posixpath.join(rel_dir, name)
            if os.path.islink(full):
                problems += _check_link_target(full, real_root, rel, shown)
                if os.path.isdir(full) and _inside(os.path.realpath(full), real_root):
                    problems.append(
                        error(shown(rel), 1, "folder links are not supported", "copy the folder")
                    )
                continue
            kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            full = os.path.join(dirpath, name)
            rel = posixpath.join(rel_dir, name)
            if os.path.islink(full):
                link_problems = _check_link_target(full, real_root, rel, shown)
                problems += link_problems
                if link_problems:
                    continue
            files.append(rel)
    return files, problems


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _check_link_target(full: str, real_root: str, rel: str, shown) -> list[Problem]:
    target = os.path.realpath(full)
    if not _inside(target, real_root):
        return [
            error(
                shown(rel),
                1,
                "this is a link to a file outside the content folder, which the site and "
                "USB bundles cannot include",
                "copy the file into the content folder instead of linking to it",
            )
        ]
    if not os.path.exists(target):
        return [error(shown(rel), 1, "this link points to a file that does not exist")]
    return []


def _check_body(
    source: SourceFile, rel: str, file_set: set[str], shown
) -> tuple[list[Problem], list[str]]:
    """Check blocks and links; return the problems and the content paths the body links to."""
    problems = []
    targets = []
    _, block_problems = scan_blocks(source.body, source.body_line)
    for found in block_problems:
        problems.append(error(source.path, found.line, found.message, found.hint))
    for load in scan_web_loads(source.body, source.body_line):
        problems.append(
            error(
                source.path,
                load.line,
                f"'{load.target}' is loaded from the internet, which USB bundles cannot do",
                "save the file next to this page and use its file name; a link to the page "
                "it comes from is fine",
                load.col,
            )
        )
    directory = posixpath.dirname(rel)
    for link in scan_links(source.body, source.body_line):
        what = "image" if link.is_image else "link"
        if link.target.startswith("/"):
            problems.append(
                error(
                    source.path,
                    link.line,
                    f"the {what} '{link.target}' uses an absolute path",
                    "write the path relative to this file, e.g. 'images/picture.svg'",
                    link.col,
                )
            )
            continue
        resolved = posixpath.normpath(posixpath.join(directory, link.target))
        targets.append(resolved)
        if resolved == ".." or resolved.startswith("../"):
            problems.append(
                error(
                    source.path,
                    link.line,
                    f"the {what} '{link.target}' points outside the content folder",
                    "put the file inside the content folder and link to it from there",
                    link.col,
                )
            )
            continue
        if resolved not in file_set:
            candidates = [
                posixpath.relpath(f, directory or ".")
                for f in file_set
                if f.endswith(posixpath.splitext(resolved)[1] or ".md")
            ]
            problems.append(
                error(
                    source.path,
                    link.line,
                    f"the {what} '{link.target}' points to a file that does not exist",
                    did_you_mean(
                        link.target, candidates, "check the file name, its folder and its spelling"
                    ),
                    link.col,
                )
            )
    return problems, targets


def _cross_check(catalogue: Catalogue, file_set: set[str], shown) -> list[Problem]:
    problems: list[Problem] = []
    settings = catalogue.settings
    first_by_id: dict[tuple[str, str], Activity] = {}
    titles: dict[tuple[str, str], Activity] = {}
    originals = {a.key: a for a in catalogue.activities if a.lang == settings.default_lang}
    ids_by_lang: dict[str, set[str]] = defaultdict(set)
    for activity in catalogue.activities:
        ids_by_lang[activity.lang].add(activity.id)
    all_ids = set().union(*ids_by_lang.values()) if ids_by_lang else set()
    public_ids = {a.id for a in catalogue.activities if not a.is_draft and not a.is_restricted}

    for activity in catalogue.activities:
        where = shown(activity.path)
        id_line = activity.lines.get("id", 1)
        first = first_by_id.setdefault((activity.lang, activity.id), activity)
        if first is not activity:
            problems.append(
                error(
                    where,
                    id_line,
                    f"id '{activity.id}' is already used by {shown(first.path)}",
                    "give each activity its own id (translations share the id of their "
                    "original and end in .<language>.md)",
                )
            )
        title_key = (activity.lang, activity.title.casefold())
        same_title = titles.setdefault(title_key, activity)
        if same_title is not activity:
            problems.append(
                warning(
                    where,
                    activity.lines.get("title", 1),
                    f"the title '{activity.title}' is also used by {shown(same_title.path)}",
                    "give each activity a title people can tell apart",
                )
            )
        if activity.lang != settings.default_lang:
            original = originals.get(activity.key)
            if original is None and activity.key not in file_set:
                problems.append(
                    error(
                        where,
                        1,
                        f"this translation has no original: {shown(activity.key)} does not exist",
                        "name the translation after the original file, e.g. "
                        "'water-play.es.md' beside 'water-play.md'",
                    )
                )
            elif original is not None and original.id != activity.id:
                problems.append(
                    error(
                        where,
                        id_line,
                        f"a translation must have the same id as its original "
                        f"('{original.id}' in {shown(original.path)}), found '{activity.id}'",
                        f"write 'id: {original.id}'",
                    )
                )
        for index, related in enumerate(activity.related):
            if related not in all_ids:
                problems.append(
                    error(
                        where,
                        activity.related_lines[index],
                        f"related activity '{related}' does not exist",
                        did_you_mean(
                            related, all_ids, "use the 'id:' written in that activity's file"
                        ),
                    )
                )
            elif related not in public_ids and not (activity.is_draft or activity.is_restricted):
                problems.append(
                    warning(
                        where,
                        activity.related_lines[index],
                        f"related activity '{related}' is a draft or for facilitators only, "
                        "so public pages will not list it",
                        "remove it from 'related', or publish it",
                    )
                )
            elif related == activity.id:
                problems.append(
                    warning(
                        where, activity.lines.get("related", 1), "an activity is related to itself"
                    )
                )
    return problems
