"""``mochila new``: write a new activity (or a translation) from the template, never overwriting."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.scaffold import NewActivity, render_activity, slugify
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
        return parse(ask(question, None))

    summary = need(request.summary, "--summary", "Summary (one or two plain sentences)")
    audience = need(
        request.audience, "--audience",
        f"Audience, comma-separated ({', '.join(vocabulary.ids('audience'))})", _ids,
    )
    age = need(request.age, "--age", "Age in months, MIN-MAX (e.g. 24-48)", _age)
    duration = need(request.duration, "--duration", "Duration in minutes", int)
    areas = need(
        request.areas, "--areas",
        f"Development areas, comma-separated ({', '.join(vocabulary.ids('areas'))})", _ids,
    )
    for kind, values in (("audience", audience), ("areas", areas), ("tags", request.tags)):
        for value in values:
            if value not in vocabulary.terms[kind]:
                raise ScaffoldError(
                    f"unknown {kind} '{value}' ({did_you_mean(value, vocabulary.ids(kind))})"
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


def _ids(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _age(text: str) -> tuple[int, int]:
    low, high = (int(part) for part in text.replace("–", "-").split("-"))
    return low, high
