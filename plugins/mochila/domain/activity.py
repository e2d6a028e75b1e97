"""An activity: one Markdown file with front matter, checked against the content contract."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .problems import Problem, error
from .rules import ID_PATTERN, MAX_AGE_MONTHS, MAX_DURATION
from .source import Located, SourceFile, mapping_item_line, mapping_key_line, node_line
from .suggest import did_you_mean
from .vocabulary import Vocabulary

STATUSES = ("draft", "published")
VISIBILITIES = ("public", "restricted")
REQUIRED = ("id", "title", "summary", "audience", "age", "duration", "areas")
OPTIONAL = (
    "tags",
    "materials",
    "reflection",
    "related",
    "status",
    "visibility",
    "license",
    "authors",
    "updated",
)
FIELDS = REQUIRED + OPTIONAL
MARKDOWN_IN_SUMMARY = re.compile(r"(\*\*|__|\[[^\]]*\]\(|^#|`|<[a-zA-Z/])")


@dataclass(frozen=True)
class Prompt:
    """A reflection question, with optional notes for facilitators."""

    text: str
    notes: str = ""


@dataclass
class Activity:
    """A validated activity in one language."""

    path: str  # relative to the content folder, '/'-separated, as written on disk
    key: str  # path of the default-language file this is (a translation of)
    lang: str
    id: str
    title: str
    summary: str
    audience: list[str]
    age_min: int
    age_max: int
    duration: int
    areas: list[str]
    tags: list[str] = field(default_factory=list)
    materials: list[str] = field(default_factory=list)
    before: list[Prompt] = field(default_factory=list)
    after: list[Prompt] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    status: str = "published"
    visibility: str = "public"
    license: str = ""
    authors: list[str] = field(default_factory=list)
    updated: str = ""
    body: str = ""
    body_line: int = 1
    lines: dict[str, int] = field(default_factory=dict)
    related_lines: list[int] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # content paths the body links to

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    @property
    def is_restricted(self) -> bool:
        return self.visibility == "restricted"


class _Checker:
    """Validates one file's fields, collecting every problem instead of stopping at the first."""

    def __init__(self, source: SourceFile, vocabulary: Vocabulary) -> None:
        self.source = source
        self.vocabulary = vocabulary
        self.problems: list[Problem] = []

    def fail(self, line: int, message: str, hint: str = "") -> None:
        self.problems.append(error(self.source.path, line, message, hint))

    def text(self, name: str, low: int, high: int, plain: bool = False) -> str:
        located = self.source.fields.get(name)
        if located is None:
            return ""
        value = located.value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.fail(located.line, f"'{name}' must be a single line of text", "write it in quotes")
            return ""
        value = " ".join(value.split())
        if not low <= len(value) <= high:
            self.fail(
                located.line,
                f"'{name}' must be {low} to {high} characters long, found {len(value)}",
                "shorten it" if len(value) > high else "write it",
            )
        if plain and MARKDOWN_IN_SUMMARY.search(value):
            self.fail(located.line, f"'{name}' must be plain text", "remove Markdown or HTML marks")
        return value

    def integer(self, name: str, located: Located, low: int, high: int, unit: str) -> int | None:
        value = located.value
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(
                located.line,
                f"'{name}' must be a whole number of {unit}, found {value!r}",
                f"write a number from {low} to {high}, e.g. '{name}: {min(high, max(low, 30))}'",
            )
            return None
        if not low <= value <= high:
            self.fail(
                located.line,
                f"'{name}' must be between {low} and {high} {unit}, found {value}",
                f"use a number from {low} to {high}",
            )
            return None
        return value

    def terms(self, name: str, kind: str, required: bool) -> list[str]:
        located = self.source.fields.get(name)
        if located is None:
            return []
        value = located.value
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or (required and not value):
            self.fail(
                located.line,
                f"'{name}' must be a list with at least one value"
                if required
                else f"'{name}' must be a list",
                f"e.g. '{name}: [{', '.join(self.vocabulary.ids(kind)[:2])}]'",
            )
            return []
        allowed = self.vocabulary.terms[kind]
        result = []
        for index, item in enumerate(value):
            line = node_line(located, index)
            if isinstance(item, str) and self.vocabulary.known_with_errors(kind, item):
                result.append(item)  # the vocabulary's own problem says what to fix
            elif not isinstance(item, str) or item not in allowed:
                self.fail(
                    line,
                    f"unknown {kind_word(kind)} '{item}' in '{name}'",
                    did_you_mean(str(item), allowed),
                )
            elif item in result:
                self.fail(line, f"'{item}' is listed twice in '{name}'", "keep one")
            else:
                result.append(item)
        return result

    def phrases(self, name: str) -> list[str]:
        located = self.source.fields.get(name)
        if located is None:
            return []
        value = located.value
        if not isinstance(value, list):
            self.fail(located.line, f"'{name}' must be a list", "write each item as '  - ...'")
            return []
        result = []
        for index, item in enumerate(value):
            if isinstance(item, (int, float)) and not isinstance(item, bool):
                item = str(item)
            if not isinstance(item, str) or not item.strip():
                self.fail(node_line(located, index), f"each item of '{name}' must be text")
            else:
                result.append(" ".join(item.split()))
        return result

    def choice(self, name: str, options: tuple[str, ...], default: str) -> str:
        located = self.source.fields.get(name)
        if located is None:
            return default
        if located.value not in options:
            self.fail(
                located.line,
                f"'{name}' must be one of {', '.join(options)}, found {located.value!r}",
                did_you_mean(str(located.value), options),
            )
            return default
        return located.value


def kind_word(kind: str) -> str:
    return {"audience": "audience", "areas": "area", "tags": "tag"}[kind]


def declared_id(source: SourceFile) -> str:
    """Return the file's ``id`` if it is a valid one, else ''."""
    located = source.fields.get("id")
    if located is not None and isinstance(located.value, str) and ID_PATTERN.match(located.value):
        return located.value
    return ""


WRITTEN_ID = re.compile(r"""^id:\s*(["']?)([a-z0-9]+(?:-[a-z0-9]+)*)\1\s*(?:#.*)?$""")


def written_id(text: str) -> str:
    """The id written on an ``id:`` line of front matter that YAML could not read, or ''.

    Other files may name that activity; knowing its id keeps them from being told it does
    not exist while the author fixes the one real mistake.
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return ""
    for line in lines[1:]:
        if line.rstrip() in ("---", "..."):
            break
        match = WRITTEN_ID.match(line.rstrip())
        if match:
            return match.group(2)
    return ""


def check_activity(
    source: SourceFile,
    vocabulary: Vocabulary,
    *,
    lang: str,
    key: str,
    rel_path: str,
    default_license: str = "",
) -> tuple[Activity | None, list[Problem]]:
    """Validate an activity's front matter.

    Returns the activity (``None`` when a required field is unusable) and every problem found.
    """
    c = _Checker(source, vocabulary)
    if not source.has_front_matter:
        c.fail(
            1,
            "this activity has no front matter",
            "start the file with a line '---', the fields (id, title, summary, audience, age, "
            "duration, areas), and another '---'; 'mochila new' writes one for you",
        )
        return None, c.problems
    for name, located in source.fields.items():
        if name not in FIELDS:
            c.fail(located.line, f"unknown field '{name}'", did_you_mean(name, FIELDS))
    closing = source.front_matter_end
    for name in REQUIRED:
        if name not in source.fields:
            c.fail(closing, f"required field '{name}' is missing", f"add '{name}: ...'")

    activity_id = ""
    located = source.fields.get("id")
    if located is not None:
        if isinstance(located.value, str) and ID_PATTERN.match(located.value):
            activity_id = located.value
        else:
            c.fail(
                located.line,
                "'id' must use lowercase letters, digits and single dashes, "
                f"found {located.value!r}",
                "e.g. 'id: water-play'",
            )
    title = c.text("title", 1, 120)
    summary = c.text("summary", 1, 300, plain=True)
    audience = c.terms("audience", "audience", required=True)
    areas = c.terms("areas", "areas", required=True)
    tags = c.terms("tags", "tags", required=False)
    age_min, age_max = _age(c)
    duration = None
    if "duration" in source.fields:
        duration = c.integer("duration", source.fields["duration"], 1, MAX_DURATION, "minutes")
    materials = c.phrases("materials")
    authors = c.phrases("authors")
    related = _related(c)
    before, after = _reflection(c)
    status = c.choice("status", STATUSES, "published")
    visibility = c.choice("visibility", VISIBILITIES, "public")
    license_ = c.text("license", 1, 120) if "license" in source.fields else default_license
    updated = _updated(c)

    if c.problems or age_min is None or age_max is None or duration is None:
        return None, c.problems
    activity = Activity(
        path=rel_path,
        key=key,
        lang=lang,
        id=activity_id,
        title=title,
        summary=summary,
        audience=audience,
        age_min=age_min,
        age_max=age_max,
        duration=duration,
        areas=areas,
        tags=tags,
        materials=materials,
        before=before,
        after=after,
        related=related,
        status=status,
        visibility=visibility,
        license=license_,
        authors=authors,
        updated=updated,
        body=source.body,
        body_line=source.body_line,
        lines={name: loc.line for name, loc in source.fields.items()},
        related_lines=[node_line(source.fields["related"], i) for i in range(len(related))]
        if related
        else [],
    )
    return activity, c.problems


def _age(c: _Checker) -> tuple[int | None, int | None]:
    located = c.source.fields.get("age")
    if located is None:
        return None, None
    hint = "write it in months, e.g. 'age: {min: 24, max: 48}' for 2 to 4 years"
    value = located.value
    if not isinstance(value, dict) or set(value) != {"min", "max"}:
        extra = set(value) - {"min", "max"} if isinstance(value, dict) else set()
        what = (
            f"unknown key '{sorted(extra)[0]}' in 'age'"
            if extra
            else ("'age' needs 'min' and 'max' in months")
        )
        c.fail(located.line, what, hint)
        return None, None
    low = c.integer(
        "age.min",
        Located(value["min"], mapping_key_line(located, "min"), 1),
        0,
        MAX_AGE_MONTHS,
        "months",
    )
    high = c.integer(
        "age.max",
        Located(value["max"], mapping_key_line(located, "max"), 1),
        0,
        MAX_AGE_MONTHS,
        "months",
    )
    if low is not None and high is not None and low > high:
        c.fail(located.line, f"'age.min' ({low}) is greater than 'age.max' ({high})", hint)
        return None, None
    return low, high


def _related(c: _Checker) -> list[str]:
    located = c.source.fields.get("related")
    if located is None:
        return []
    if not isinstance(located.value, list):
        c.fail(
            located.line, "'related' must be a list of activity ids", "e.g. 'related: [sand-play]'"
        )
        return []
    result = []
    for index, item in enumerate(located.value):
        if not isinstance(item, str) or not ID_PATTERN.match(item):
            c.fail(node_line(located, index), f"'{item}' in 'related' is not an activity id")
        else:
            result.append(item)
    return result


def _reflection(c: _Checker) -> tuple[list[Prompt], list[Prompt]]:
    located = c.source.fields.get("reflection")
    if located is None:
        return [], []
    hint = "write 'reflection:' with 'before:' and 'after:' lists of questions"
    if not isinstance(located.value, dict):
        c.fail(located.line, "'reflection' must have 'before' and/or 'after' lists", hint)
        return [], []
    for extra in sorted(set(located.value) - {"before", "after"}):
        c.fail(
            mapping_key_line(located, str(extra)),
            f"unknown key '{extra}' in 'reflection'",
            did_you_mean(str(extra), ("before", "after")),
        )
    result: dict[str, list[Prompt]] = {"before": [], "after": []}
    for when in ("before", "after"):
        items = located.value.get(when)
        if items is None:
            continue
        line = mapping_key_line(located, when)
        if not isinstance(items, list):
            c.fail(line, f"'reflection.{when}' must be a list of questions", hint)
            continue
        for index, item in enumerate(items):
            prompt = _prompt(item)
            if prompt is None:
                c.fail(
                    mapping_item_line(located, when, index),
                    f"item {index + 1} of 'reflection.{when}' must be a question, "
                    "or 'prompt:' with optional 'notes:'",
                    "e.g. '- prompt: How do you do this today?'",
                )
            else:
                result[when].append(prompt)
    return result["before"], result["after"]


def _prompt(item: object) -> Prompt | None:
    if isinstance(item, str) and item.strip():
        return Prompt(" ".join(item.split()))
    if isinstance(item, dict) and set(item) <= {"prompt", "notes"}:
        text, notes = item.get("prompt"), item.get("notes", "")
        if isinstance(text, str) and text.strip() and isinstance(notes, str):
            return Prompt(" ".join(text.split()), notes.strip())
    return None


def _updated(c: _Checker) -> str:
    located = c.source.fields.get("updated")
    if located is None:
        return ""
    value = located.value
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    c.fail(located.line, f"'updated' must be a date like 2026-10-14, found {value!r}")
    return ""
