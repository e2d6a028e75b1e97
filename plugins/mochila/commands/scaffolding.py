"""``mochila new``: write a new activity (or a translation) from the template, never overwriting."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.activity import check_activity, kind_word
from ..domain.catalogue import split_language
from ..domain.rules import MAX_DURATION, parse_age_range, parse_id_list, parse_minutes
from ..domain.scaffold import NewActivity, render_activity, slugify
from ..domain.source import split
from ..domain.strings import load_strings
from ..domain.suggest import did_you_mean
from .check import check_content
from .project import Project

Ask = Callable[[str, "str | None"], str]


class ScaffoldError(Exception):
    """The new activity cannot be written; the message says why and what to do."""


@dataclass
class NewRequest:
    title: str
    summary: str | None = None
    audience: list[str] | None = None
    age: tuple[int, int] | None = None
    duration: int | None = None
    areas: list[str] | None = None
    tags: list[str] = field(default_factory=list)
    lang: str | None = None
    translation_of: str | None = None


def create_activity(project: Project, request: NewRequest, ask: Ask | None) -> Path:
    """Write the new file and return its path.

    ``ask`` is called for missing fields when the user is at a terminal; without it a missing
    field is an error naming the flag to use.
    """
    settings = project.settings
    lang = request.lang or settings.default_lang
    if lang not in settings.languages:
        raise ScaffoldError(
            f"'{lang}' is not a site language: use one of {', '.join(settings.languages)}"
        )
    catalogue = check_content(project)
    vocabulary = catalogue.vocabulary
    activities_dir = project.content_dir / settings.activities_dir

    if request.translation_of:
        original = catalogue.find(settings.default_lang, request.translation_of)
        if original is None:
            raise ScaffoldError(
                f"no activity has the id '{request.translation_of}' in "
                f"'{settings.default_lang}' "
                f"({did_you_mean(request.translation_of, [a.id for a in catalogue.activities])})"
            )
        if lang == settings.default_lang:
            raise ScaffoldError("a translation needs --lang with another site language")
        stem = posixpath.splitext(original.path)[0]
        target = project.content_dir / f"{stem}.{lang}.md"
        activity_id = original.id
        request.audience = request.audience or original.audience
        request.age = request.age or (original.age_min, original.age_max)
        request.duration = request.duration or original.duration
        request.areas = request.areas or original.areas
        request.tags = request.tags or original.tags
    else:
        if lang != settings.default_lang:
            raise ScaffoldError(
                f"an activity starts in the site's first language ('{settings.default_lang}'); "
                f"to write it in '{lang}', first create the original, then run "
                f"'mochila new \"...\" --lang {lang} --translation-of ID'"
            )
        activity_id = slugify(request.title)
        if not activity_id:
            raise ScaffoldError("the title needs at least one letter or digit")
        suffix = "" if lang == settings.default_lang else f".{lang}"
        target = activities_dir / f"{activity_id}{suffix}.md"
        if catalogue.find(lang, activity_id) is not None:
            raise ScaffoldError(f"an activity with the id '{activity_id}' already exists")

    def need(value, flag: str, question: str, parse=lambda text: text):
        if value:
            return value
        if ask is None:
            raise ScaffoldError(f"missing {flag}: {question}")
        for _ in range(5):  # ask again after a typo, but never loop forever
            try:
                answer = parse(ask(question, None).strip())
            except ValueError:
                continue
            if answer:
                return answer
        raise ScaffoldError(f"no usable answer for {flag}")

    summary = need(request.summary, "--summary", "Summary (one or two plain sentences)")
    audience = need(
        request.audience,
        "--audience",
        f"Audience, comma-separated ({', '.join(vocabulary.ids('audience'))})",
        _ids,
    )
    age = need(request.age, "--age", "Age in months, MIN-MAX (e.g. 24-48)", _age)
    duration = need(
        request.duration, "--duration", f"Duration in minutes (1-{MAX_DURATION})", _minutes
    )
    areas = need(
        request.areas,
        "--areas",
        f"Development areas, comma-separated ({', '.join(vocabulary.ids('areas'))})",
        _ids,
    )
    for kind, values in (("audience", audience), ("areas", areas), ("tags", request.tags)):
        for value in values:
            if value not in vocabulary.terms[kind]:
                raise ScaffoldError(
                    f"unknown {kind_word(kind)} '{value}' "
                    f"({did_you_mean(value, vocabulary.ids(kind))})"
                )
    content = render_activity(
        NewActivity(
            title=request.title,
            id=activity_id,
            summary=summary,
            audience=list(audience),
            age_min=age[0],
            age_max=age[1],
            duration=int(duration),
            areas=list(areas),
            tags=list(request.tags),
        ),
        load_strings(lang),
    )
    problems = _problems_in(content, project, target, vocabulary)
    if problems:
        raise ScaffoldError(
            "the new activity would not pass 'mochila check', so it was not written:\n"
            + "\n".join(f"  {p.message}" + (f" ({p.hint})" if p.hint else "") for p in problems)
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        # 'x' mode: never overwrite an existing file, even one created a moment ago.
        with open(target, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
    except FileExistsError:
        raise ScaffoldError(
            f"{project.shown(target)} already exists; it was left untouched "
            "(choose another title, or edit that file)"
        ) from None
    os.chmod(target, 0o644)
    return target


def _problems_in(content: str, project: Project, target: Path, vocabulary) -> list:
    """Check the rendered file with the same rules as 'mochila check' before writing it."""
    rel = target.relative_to(project.content_dir).as_posix()
    source, problems = split(rel, content)
    if source is None:
        return problems
    key, lang, _ = split_language(rel, project.settings)
    _, found = check_activity(source, vocabulary, lang=lang, key=key, rel_path=rel)
    return [p for p in problems + found if p.is_error]


_minutes = parse_minutes
_ids = parse_id_list
_age = parse_age_range
