"""What a collection covers, for coordinators: counts behind ``mochila report``.

Pure: the catalogue, the bundles' selections and (injected) file dates in, plain data out.
Heatmaps count *activities* (one per id, in the site's first language, drafts left out): an
activity counts in every age band its range overlaps and under every area or audience it
lists, so a row adds up to more than the number of activities, as on the site's facet pages.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import facets
from .activity import Activity
from .body import scan_blocks
from .catalogue import Catalogue
from .selection import Selection
from .strings import Strings
from .vocabulary import KINDS

SCHEMA = "mochila-report/1"
OLDEST_SHOWN = 10


@dataclass(frozen=True)
class Band:
    id: str
    label: str


@dataclass(frozen=True)
class Bands:
    """The age and duration bands the report groups by, and which an activity falls in."""

    age: tuple[Band, ...]
    duration: tuple[Band, ...]
    age_of: Callable[[Activity], list[str]]
    duration_of: Callable[[Activity], list[str]]


def report_bands(strings: Strings, settings: facets.FacetSettings) -> Bands:
    """The project's bands, as the site's filters and facet pages show them."""
    age = tuple(Band(band.value, band.label(strings)) for band in settings.age_bands)
    duration = tuple(
        Band(value, settings.duration_label(value, strings))
        for value, _, _ in settings.duration_bands()
    )
    return Bands(age, duration, settings.age_values, lambda a: [settings.duration_value(a)])


@dataclass(frozen=True)
class EditionSpec:
    """A bundle as the report sees it: its selection and, if it was built, its zip."""

    name: str
    lang: str
    title: str
    selection: Selection
    built: dict[str, Any] | None = None  # edition, zip_bytes, unzipped_bytes, files


def heatmap(
    activities: list[Activity],
    rows: tuple[Band, ...],
    columns: list[Band],
    rows_of: Callable[[Activity], list[str]],
    columns_of: Callable[[Activity], list[str]],
) -> dict[str, Any]:
    """Count activities per (row, column) cell; ``rows``/``columns`` give order and labels."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for activity in activities:
        for row in rows_of(activity):
            for column in columns_of(activity):
                counts[row, column] += 1
    cells = [[counts[r.id, c.id] for c in columns] for r in rows]
    return {
        "rows": [{"id": r.id, "label": r.label} for r in rows],
        "columns": [{"id": c.id, "label": c.label} for c in columns],
        "counts": cells,
        "max": max((n for row in cells for n in row), default=0),
        "activities": len(activities),
    }


def build_report(
    catalogue: Catalogue,
    strings: Strings,
    editions: list[EditionSpec],
    file_times: dict[str, int] | None = None,
    edition_label: str = "",
    bands: facets.FacetSettings = facets.DEFAULT_SETTINGS,
) -> dict[str, Any]:
    """Return the whole report as plain data (the JSON documented in the README).

    ``file_times`` maps a content path (as in ``Activity.path``) to the time of the last
    commit that touched it; with it, a translation whose original was committed later counts
    as possibly out of date when ``updated`` does not tell.
    """
    settings = catalogue.settings
    default = settings.default_lang
    vocabulary = catalogue.vocabulary
    bands = report_bands(strings, bands)
    originals = sorted((a for a in catalogue.in_language(default) if not a.is_draft), key=_order)
    areas = [Band(i, vocabulary.label("areas", i, strings.lang)) for i in vocabulary.ids("areas")]
    audience = [
        Band(i, vocabulary.label("audience", i, strings.lang)) for i in vocabulary.ids("audience")
    ]

    def age_area(activities: list[Activity]) -> dict[str, Any]:
        return heatmap(activities, bands.age, areas, bands.age_of, lambda a: a.areas)

    return {
        "schema": SCHEMA,
        "edition": edition_label,
        "languages": list(settings.languages),
        "totals": {
            "activities": len(originals),
            "by_language": {
                lang: sum(not a.is_draft for a in catalogue.in_language(lang))
                for lang in settings.languages
            },
            "drafts": sum(a.is_draft for a in catalogue.activities),
            "restricted": sum(a.is_restricted for a in originals),
        },
        "bands": {
            "age": [{"id": b.id, "label": b.label} for b in bands.age],
            "duration": [{"id": b.id, "label": b.label} for b in bands.duration],
        },
        "heatmaps": {
            "age_area": age_area(originals),
            "audience_duration": heatmap(
                originals,
                tuple(audience),
                list(bands.duration),
                lambda a: a.audience,
                bands.duration_of,
            ),
        },
        "translations": _translations(catalogue, originals, file_times or {}),
        "editions": [
            {
                "name": spec.name,
                "language": spec.lang,
                "title": spec.title,
                "activities": len(chosen := _chosen(catalogue, spec)),
                "built": spec.built,
                "heatmap": age_area(chosen),
            }
            for spec in editions
        ],
        "in_no_bundle": _in_no_bundle(catalogue, editions) if editions else {},
        "health": _health(catalogue, originals),
    }


def _order(activity: Activity) -> tuple[str, str]:
    return (activity.title.casefold(), activity.id)


def _brief(activity: Activity) -> dict[str, str]:
    return {"id": activity.id, "title": activity.title, "path": activity.path}


def _chosen(catalogue: Catalogue, spec: EditionSpec) -> list[Activity]:
    return spec.selection.select(catalogue.in_language(spec.lang))


def _translations(
    catalogue: Catalogue, originals: list[Activity], times: dict[str, int]
) -> dict[str, Any]:
    result = {}
    for lang in catalogue.settings.languages[1:]:
        missing, outdated, translated = [], [], 0
        for original in originals:
            translation = catalogue.by_key(original.key).get(lang)
            if translation is None or translation.is_draft:
                missing.append(_brief(original))
                continue
            translated += 1
            reason = _outdated(original, translation, times)
            if reason:
                outdated.append({**_brief(translation), "original_path": original.path, **reason})
        total = len(originals)
        result[lang] = {
            "total": total,
            "translated": translated,
            "percent": round(100 * translated / total, 1) if total else 100.0,
            "missing": missing,
            "possibly_outdated": outdated,
        }
    return result


def _outdated(original: Activity, translation: Activity, times: dict[str, int]) -> dict | None:
    """Why ``translation`` may be older than its original, or None.

    ``updated`` is what authors state, so it decides when both files have it; otherwise the
    dates of their last commits do.
    """
    if original.updated and translation.updated:
        if original.updated > translation.updated:
            return {
                "reason": "updated",
                "original_date": original.updated,
                "translation_date": translation.updated,
            }
        return None
    before, after = times.get(translation.path), times.get(original.path)
    if before is not None and after is not None and after > before:
        return {"reason": "git", "original_date": after, "translation_date": before}
    return None


def _in_no_bundle(catalogue: Catalogue, editions: list[EditionSpec]) -> dict[str, list]:
    result = {}
    for lang in catalogue.settings.languages:
        specs = [spec for spec in editions if spec.lang == lang]
        left = [
            _brief(a)
            for a in sorted(catalogue.in_language(lang), key=_order)
            if not a.is_draft and not any(spec.selection.matches(a) for spec in specs)
        ]
        result[lang] = left
    return result


def _has_prompts(activity: Activity) -> bool:
    if activity.before or activity.after:
        return True
    if ":::" not in activity.body:
        return False
    blocks, _ = scan_blocks(activity.body, activity.body_line)
    return any(block.kind == "reflect" for block in blocks)


def _health(catalogue: Catalogue, originals: list[Activity]) -> dict[str, Any]:
    dated = sorted((a for a in originals if a.updated), key=lambda a: (a.updated, a.id))
    titles: dict[tuple[str, str], list[Activity]] = defaultdict(list)
    for activity in catalogue.activities:
        titles[activity.lang, activity.title.casefold()].append(activity)
    used = {kind: set() for kind in KINDS}
    for activity in catalogue.activities:
        if activity.is_draft:
            continue
        used["audience"].update(activity.audience)
        used["areas"].update(activity.areas)
        used["tags"].update(activity.tags)
    vocabulary = catalogue.vocabulary
    return {
        "no_reflection": [_brief(a) for a in originals if not _has_prompts(a)],
        "no_materials": [_brief(a) for a in originals if not a.materials],
        "drafts": [
            {**_brief(a), "lang": a.lang}
            for a in sorted(catalogue.activities, key=lambda a: (a.path, a.lang))
            if a.is_draft
        ],
        "restricted": [_brief(a) for a in originals if a.is_restricted],
        "oldest_updated": [{**_brief(a), "updated": a.updated} for a in dated[:OLDEST_SHOWN]],
        "without_updated": len(originals) - len(dated),
        "duplicate_titles": [
            {"lang": lang, "title": group[0].title, "paths": sorted(a.path for a in group)}
            for (lang, _), group in sorted(titles.items())
            if len(group) > 1
        ],
        "unused_vocabulary": {
            kind: [term for term in vocabulary.ids(kind) if term not in used[kind]]
            for kind in KINDS
        },
    }
