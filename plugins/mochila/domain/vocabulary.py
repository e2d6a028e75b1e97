"""The controlled vocabularies (audience, areas, tags) that activities are described with."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem, error, warning
from .source import parse_fields, read_text

KINDS = ("audience", "areas", "tags")
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
VOCABULARY_FILE = "_vocabulary.yml"


@dataclass(frozen=True)
class Term:
    id: str
    labels: dict[str, str]
    line: int

    def label(self, lang: str, default_lang: str) -> str:
        return self.labels.get(lang) or self.labels.get(default_lang) or self.id


@dataclass
class Vocabulary:
    """Allowed ids per kind, with their labels in each language."""

    terms: dict[str, dict[str, Term]] = field(default_factory=lambda: {k: {} for k in KINDS})
    default_lang: str = "en"
    # Ids of entries that have an error, and kinds whose list could not be read at all: the
    # vocabulary's own problems are reported there, so activities naming such terms are not
    # told (falsely, and a hundred times over) that they do not exist.
    broken: dict[str, set[str]] = field(default_factory=lambda: {k: set() for k in KINDS})
    unchecked: set[str] = field(default_factory=set)

    def known_with_errors(self, kind: str, term_id: object) -> bool:
        """True if ``term_id`` may exist: its entry, or its whole list, has an error."""
        return kind in self.unchecked or term_id in self.broken[kind]

    def ids(self, kind: str) -> list[str]:
        return list(self.terms[kind])

    def label(self, kind: str, term_id: str, lang: str) -> str:
        term = self.terms[kind].get(term_id)
        return term.label(lang, self.default_lang) if term else term_id


def load_vocabulary(
    abs_path: Path, shown: str, languages: list[str]
) -> tuple[Vocabulary, list[Problem]]:
    """Read the vocabulary file; a missing label in a site language is a warning."""
    vocabulary = Vocabulary(default_lang=languages[0])
    if not abs_path.is_file():
        hint = f"create {VOCABULARY_FILE} with the lists audience, areas and tags"
        return vocabulary, [error(shown, 1, "the vocabulary file is missing", hint)]
    text, problems = read_text(abs_path, shown)
    if text is None:
        vocabulary.unchecked.update(KINDS)
        return vocabulary, problems
    fields, problems = parse_fields(shown, text, first_line=1, what="the vocabulary")
    if fields is None:
        vocabulary.unchecked.update(KINDS)
        return vocabulary, problems
    for key, located in fields.items():
        if key not in KINDS:
            problems.append(
                error(shown, located.line, f"unknown list '{key}'", "use audience, areas and tags")
            )
    for kind in KINDS:
        located = fields.get(kind)
        if located is None:
            vocabulary.unchecked.add(kind)
            problems.append(error(shown, 1, f"the list '{kind}' is missing", f"add '{kind}:'"))
            continue
        if not isinstance(located.value, list):
            vocabulary.unchecked.add(kind)
            problems.append(error(shown, located.line, f"'{kind}' must be a list of terms"))
            continue
        node_items = getattr(located.node, "value", [])
        for item, node in zip(located.value, node_items, strict=False):
            line = node.start_mark.line + 1
            problems += _add_term(vocabulary, kind, item, line, shown, languages)
    return vocabulary, problems


def _add_term(
    vocabulary: Vocabulary, kind: str, item: object, line: int, shown: str, languages: list[str]
) -> list[Problem]:
    example = "write it as '- id: motor' with 'label: {en: Motor, es: Motricidad}'"
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        if isinstance(item, dict) and item.get("id") is not None:
            vocabulary.broken[kind].add(str(item["id"]))
        return [error(shown, line, f"each entry of '{kind}' needs an id and a label", example)]
    term_id = item["id"]
    if not ID_PATTERN.match(term_id):
        vocabulary.broken[kind].add(term_id)
        return [
            error(
                shown,
                line,
                f"'{term_id}' is not a valid id",
                "use lowercase letters, digits and dashes, e.g. 'social-emotional'",
            )
        ]
    if term_id in vocabulary.terms[kind]:
        return [error(shown, line, f"'{term_id}' is listed twice in '{kind}'", "keep one")]
    labels = item.get("label", {})
    if isinstance(labels, str):
        labels = {languages[0]: labels}
    if not isinstance(labels, dict):
        vocabulary.broken[kind].add(term_id)
        return [error(shown, line, f"the label of '{term_id}' must be one text per language")]
    problems = []
    for lang in languages:
        if not labels.get(lang):
            problems.append(
                warning(
                    shown,
                    line,
                    f"'{term_id}' in '{kind}' has no label in '{lang}'; "
                    f"the '{languages[0]}' label is shown instead",
                    f"add '{lang}: ...' to its label",
                )
            )
    vocabulary.terms[kind][term_id] = Term(term_id, {k: str(v) for k, v in labels.items()}, line)
    return problems
