"""Facets: the ways to browse activities (audience, age band, area, duration band, tag).

Built once from all selected activities before any page is rendered, so listings and the
catalogue's filter panel agree with each other. Age and duration bands, and the names of the
facets, are the organisation's to choose (``FacetSettings``); the defaults suit early
childhood.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .activity import Activity
from .humanize import human_age
from .rules import MAX_AGE_MONTHS, MAX_DURATION
from .strings import Strings
from .suggest import did_you_mean
from .vocabulary import Vocabulary

FACETS = ("age", "areas", "audience", "duration", "tags")


class BandError(ValueError):
    """A band or facet name in the site configuration that cannot be used; says how to fix it."""


def _in(labels: Mapping[str, str], lang: str) -> str | None:
    """A label's text in ``lang``; "*" holds a label given as one text for every language."""
    return labels.get(lang) or labels.get("*")


@dataclass(frozen=True)
class AgeBand:
    """Ages from ``min`` to ``max`` months, both included, like an activity's ``age``."""

    min: int
    max: int
    labels: Mapping[str, str] = field(default_factory=dict)

    @property
    def value(self) -> str:
        return f"{self.min}-{self.max}"

    def holds(self, activity: Activity) -> bool:
        """An exact age sits in its band; a range is listed in every band it reaches into,
        except one it only touches with its upper end (authors write ``max: 36`` for "up to
        the third birthday", which is not an activity for 3-year-olds)."""
        if activity.age_min == activity.age_max:
            return self.min <= activity.age_min <= self.max
        return activity.age_min <= self.max and activity.age_max > self.min

    def label(self, strings: Strings) -> str:
        return _in(self.labels, strings.lang) or human_age(self.min, self.max, strings)


DEFAULT_AGE_BANDS = (
    AgeBand(0, 11),
    AgeBand(12, 23),
    AgeBand(24, 35),
    AgeBand(36, 47),
    AgeBand(48, 59),
    AgeBand(60, 71),
    AgeBand(72, MAX_AGE_MONTHS),
)
# Upper limits in minutes: up to 15, more than 15 up to 30, ..., more than 60.
DEFAULT_DURATION_LIMITS = (15, 30, 60)


@dataclass(frozen=True)
class FacetSettings:
    """The organisation's bands and facet names (``mochila/facets`` in mkdocs.yml)."""

    age_bands: tuple[AgeBand, ...] = DEFAULT_AGE_BANDS
    duration_limits: tuple[int, ...] = DEFAULT_DURATION_LIMITS
    # facet -> language -> name; a language left out gets the UI string ``facet_<facet>``.
    names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def own_name(self, facet: str, lang: str) -> str | None:
        """The name the organisation gave a facet in ``lang``, if any."""
        return _in(self.names.get(facet, {}), lang)

    def name(self, facet: str, strings: Strings) -> str:
        return self.own_name(facet, strings.lang) or strings[f"facet_{facet}"]

    def age_values(self, activity: Activity) -> list[str]:
        return [band.value for band in self.age_bands if band.holds(activity)]

    def duration_bands(self) -> list[tuple[str, int, int | None]]:
        """(value, more than, up to) for each duration band; the last has no upper limit."""
        lows = (0, *self.duration_limits)
        highs = (*self.duration_limits, None)
        return [
            (f"{low}-{'plus' if high is None else high}", low, high)
            for low, high in zip(lows, highs, strict=True)
        ]

    def duration_value(self, activity: Activity) -> str:
        for value, low, high in self.duration_bands():
            if high is None or low < activity.duration <= high:
                return value
        raise AssertionError("the last duration band has no upper limit")

    def duration_label(self, value: str, strings: Strings) -> str:
        for band, low, high in self.duration_bands():
            if band == value:
                if low == 0:
                    return strings.format("band_duration_first", max=high)
                if high is None:
                    return strings.format("band_duration_last", min=low)
                return strings.format("band_duration_range", min=low, max=high)
        raise KeyError(value)

    def values(self, activity: Activity) -> dict[str, list[str]]:
        """Return, per facet, the values this activity is listed under."""
        return {
            "age": self.age_values(activity),
            "areas": list(activity.areas),
            "audience": list(activity.audience),
            "duration": [self.duration_value(activity)],
            "tags": list(activity.tags),
        }


DEFAULT_SETTINGS = FacetSettings()


def facet_values(activity: Activity, settings: FacetSettings = DEFAULT_SETTINGS) -> dict:
    """Return, per facet, the values this activity is listed under."""
    return settings.values(activity)


# --- reading the settings from mkdocs.yml (the plugin turns BandError into a config error) ---


def _whole(value: object, lowest: int, highest: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and lowest <= value <= highest


def _labels(raw: object, where: str) -> dict[str, str]:
    """A text for every language (``{en: ..., es: ...}``), or one text for all of them."""
    if isinstance(raw, str) and raw.strip():
        return {"*": raw.strip()}
    if (
        isinstance(raw, Mapping)
        and raw
        and all(isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in raw.items())
    ):
        return {k: v.strip() for k, v in raw.items()}
    raise BandError(
        f"{where} must be a text, or a text per language like {{en: Babies, es: Bebés}}; "
        f"found {raw!r}"
    )


def age_bands_from(raw: object) -> tuple[AgeBand, ...]:
    """Read ``age_bands``: a list of ``{min, max, label?}`` in months, in order, not
    overlapping. Raises BandError naming the band and what to write instead."""
    if not isinstance(raw, list) or not raw:
        raise BandError(
            "age_bands must be a list of bands in months, like "
            "[{min: 60, max: 95}, {min: 96, max: 131}]"
        )
    bands: list[AgeBand] = []
    for number, item in enumerate(raw, start=1):
        where = f"age band {number}"
        if not isinstance(item, Mapping):
            raise BandError(f"{where} must look like {{min: 60, max: 95}}, found {item!r}")
        for key in item:
            if key not in ("min", "max", "label"):
                hint = did_you_mean(str(key), ("min", "max", "label"))
                raise BandError(f"{where}: unknown key '{key}' ({hint})")
        for key in ("min", "max"):
            if key not in item:
                raise BandError(f"{where}: '{key}' is missing (ages in months, e.g. 60 for 5)")
            if not _whole(item[key], 0, MAX_AGE_MONTHS):
                raise BandError(
                    f"{where}: '{key}' must be a whole number of months from 0 to "
                    f"{MAX_AGE_MONTHS}, found {item[key]!r}"
                )
        low, high = item["min"], item["max"]
        if low > high:
            raise BandError(f"{where}: 'min' ({low}) is greater than 'max' ({high})")
        if bands and low <= bands[-1].max:
            raise BandError(
                f"{where} ({low}–{high} months) starts before band {number - 1} "
                f"({bands[-1].min}–{bands[-1].max} months) ends: list bands from youngest to "
                "oldest, without overlaps"
            )
        labels = _labels(item["label"], f"{where}: 'label'") if "label" in item else {}
        bands.append(AgeBand(low, high, labels))
    return tuple(bands)


def duration_limits_from(raw: object) -> tuple[int, ...]:
    """Read ``duration_bands``: increasing upper limits in minutes, like [15, 30, 60]."""
    if (
        not isinstance(raw, list)
        or not raw
        or not all(_whole(v, 1, MAX_DURATION - 1) for v in raw)
        or any(a >= b for a, b in zip(raw, raw[1:], strict=False))
    ):
        raise BandError(
            "duration_bands must be increasing upper limits in whole minutes from 1 to "
            f"{MAX_DURATION - 1}, like [15, 30, 60] (up to 15, 15–30, 30–60, more than 60); "
            f"found {raw!r}"
        )
    return tuple(raw)


def facet_names_from(raw: object) -> dict[str, dict[str, str]]:
    """Read ``facet_names``: ``{areas: {en: Subject, es: Materia}, ...}``."""
    if not isinstance(raw, Mapping):
        raise BandError(f"facet_names must map facets to names, found {raw!r}")
    names: dict[str, dict[str, str]] = {}
    for facet, labels in raw.items():
        if facet not in FACETS:
            raise BandError(
                f"facet_names: unknown facet '{facet}' ({did_you_mean(str(facet), FACETS)})"
            )
        names[facet] = _labels(labels, f"facet_names: '{facet}'")
    return names


# --- the index ------------------------------------------------------------------------------


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
    activities: list[Activity],
    vocabulary: Vocabulary,
    strings: Strings,
    settings: FacetSettings = DEFAULT_SETTINGS,
) -> FacetIndex:
    """Group activities by facet value; values keep vocabulary (or band) order."""
    lang = strings.lang
    ordered = sorted(activities, key=lambda a: (a.title.casefold(), a.id))
    members: dict[tuple[str, str], list[Activity]] = {}
    for activity in ordered:
        for facet, values in settings.values(activity).items():
            for value in values:
                members.setdefault((facet, value), []).append(activity)
    bands = {band.value: band for band in settings.age_bands}
    order = {
        "age": list(bands),
        "duration": [value for value, _, _ in settings.duration_bands()],
        "areas": vocabulary.ids("areas"),
        "audience": vocabulary.ids("audience"),
        "tags": vocabulary.ids("tags"),
    }
    index = FacetIndex(labels={facet: settings.name(facet, strings) for facet in FACETS})
    for facet in FACETS:
        entries = []
        for value in order[facet]:
            found = members.get((facet, value))
            if not found:
                continue
            if facet == "age":
                label = bands[value].label(strings)
            elif facet == "duration":
                label = settings.duration_label(value, strings)
            else:
                label = vocabulary.label(facet, value, lang)
            entries.append(FacetValue(facet, value, label, tuple(found)))
        index.facets[facet] = entries
    return index
