"""Facets: the ways to browse activities (audience, age band, area, duration band, tag).

Built once from all selected activities before any page is rendered, so listings and the
catalogue's filter panel agree with each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .activity import Activity
from .strings import Strings
from .vocabulary import Vocabulary

FACETS = ("age", "areas", "audience", "duration", "tags")
AGE_BANDS = ((0, 12), (12, 24), (24, 36), (36, 48), (48, 60), (60, 72), (72, 216))
DURATION_BANDS = (("0-15", 0, 15), ("15-30", 15, 30), ("30-60", 30, 60), ("60-plus", 60, 601))


def age_bands(activity: Activity) -> list[str]:
    """Return the age bands an activity's range overlaps (an exact age sits in its band)."""
    result = []
    for low, high in AGE_BANDS:
        if activity.age_min == activity.age_max:
            hit = low <= activity.age_min < high or (high == 216 and activity.age_min == 216)
        else:
            hit = activity.age_min < high and activity.age_max > low
        if hit:
            result.append(f"{low}-{high}")
    return result


def duration_band(activity: Activity) -> str:
    for band, low, high in DURATION_BANDS:
        if low < activity.duration <= high:
            return band
    return DURATION_BANDS[-1][0]


def facet_values(activity: Activity) -> dict[str, list[str]]:
    """Return, per facet, the values this activity is listed under."""
    return {
        "age": age_bands(activity),
        "areas": list(activity.areas),
        "audience": list(activity.audience),
        "duration": [duration_band(activity)],
        "tags": list(activity.tags),
    }


def facet_page_path(facet: str, value: str) -> str:
    """The page a facet value is listed on, relative to the site root (Markdown source)."""
    return f"facets/{facet}/{value}.md"


@dataclass(frozen=True)
class FacetValue:
    facet: str
    value: str
    label: str
    activities: tuple[Activity, ...]

    @property
    def path(self) -> str:
        return facet_page_path(self.facet, self.value)


@dataclass
class FacetIndex:
    """Every facet value that has at least one activity, in a stable display order."""

    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)

    def values(self, facet: str) -> list[FacetValue]:
        return self.facets.get(facet, [])

    def find(self, facet: str, value: str) -> FacetValue | None:
        return next((v for v in self.values(facet) if v.value == value), None)


def build_facet_index(
    activities: list[Activity], vocabulary: Vocabulary, strings: Strings
) -> FacetIndex:
    """Group activities by facet value; values keep vocabulary (or band) order."""
    lang = strings.lang
    ordered = sorted(activities, key=lambda a: (a.title.casefold(), a.id))
    members: dict[tuple[str, str], list[Activity]] = {}
    for activity in ordered:
        for facet, values in facet_values(activity).items():
            for value in values:
                members.setdefault((facet, value), []).append(activity)
    order = {
        "age": [f"{low}-{high}" for low, high in AGE_BANDS],
        "duration": [band for band, _, _ in DURATION_BANDS],
        "areas": vocabulary.ids("areas"),
        "audience": vocabulary.ids("audience"),
        "tags": vocabulary.ids("tags"),
    }
    index = FacetIndex(labels={facet: strings[f"facet_{facet}"] for facet in FACETS})
    for facet in FACETS:
        entries = []
        for value in order[facet]:
            found = members.get((facet, value))
            if not found:
                continue
            if facet in ("age", "duration"):
                label = strings[f"band_{facet}_{value}"]
            else:
                label = vocabulary.label(facet, value, lang)
            entries.append(FacetValue(facet, value, label, tuple(found)))
        index.facets[facet] = entries
    return index
