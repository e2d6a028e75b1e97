"""Editions that would disappoint: a bundle with no activity, or with no home page.

A selection that matches nothing (a misspelled audience, an age range nobody wrote for) or a
bundle in a language the content has no home page in still builds, and a coordinator would
hand out an empty or half-foreign USB stick. The build warns about each, naming the bundle,
its selection and its line in mkdocs.yml (an error with ``--strict``).
"""

from __future__ import annotations

from collections.abc import Sequence

from .catalogue import Catalogue
from .edition import BUNDLE, Edition
from .problems import Problem, warning
from .selection import Selection
from .suggest import did_you_mean

KIND_WORDS = {"audience": "audience", "areas": "area", "tags": "tag"}


def describe_selection(selection: Selection) -> str:
    """The selection in words, e.g. 'audience families; age 12 to 24 months'."""
    parts = []
    for kind in ("audience", "areas", "tags"):
        values = getattr(selection, kind)
        if values:
            parts.append(f"{kind} {', '.join(values)}")
    low, high = selection.age_min, selection.age_max
    if low is not None and high is not None:
        parts.append(f"age {low} to {high} months")
    elif low is not None:
        parts.append(f"age from {low} months")
    elif high is not None:
        parts.append(f"age up to {high} months")
    if selection.include_restricted:
        parts.append("facilitator-only activities included")
    return "; ".join(parts) or "every published activity"


def edition_problems(
    editions: Sequence[tuple[Edition, int]], catalogue: Catalogue, config: str
) -> list[Problem]:
    """Warnings for the bundles among ``editions`` (each with its line in ``config``)."""
    problems: list[Problem] = []
    vocabulary = catalogue.vocabulary
    homes = {page.lang for page in catalogue.pages if page.key == "index.md"}
    for edition, line in editions:
        if edition.kind != BUNDLE:
            continue
        selection = edition.selection
        for kind, word in KIND_WORDS.items():
            allowed = vocabulary.ids(kind)
            for value in getattr(selection, kind):
                if value not in allowed:
                    problems.append(
                        warning(
                            config,
                            line,
                            f"bundle '{edition.name}' selects the {word} '{value}', which is not "
                            "in the vocabulary",
                            did_you_mean(value, allowed),
                        )
                    )
        if not selection.select(catalogue.in_language(edition.lang)):
            problems.append(
                warning(
                    config,
                    line,
                    f"bundle '{edition.name}' would be empty: no published '{edition.lang}' "
                    f"activity matches its selection ({describe_selection(selection)})",
                    "change the selection, or remove the bundle",
                )
            )
        if edition.lang not in homes:
            first = catalogue.settings.default_lang
            home = "index.md" if edition.lang == first else f"index.{edition.lang}.md"
            problems.append(
                warning(
                    config,
                    line,
                    f"bundle '{edition.name}' is in '{edition.lang}', but the content has no "
                    f"home page in that language ({home})",
                    f"write {home}; until then the bundle opens on the '{first}' home page",
                )
            )
    return problems
