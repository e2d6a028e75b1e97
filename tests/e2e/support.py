"""What the end-to-end tests expect, worked out from the content as written, plus page helpers.

Why: a journey test is only worth something if its expectations do not come from the output
it checks. Which activities an edition holds, which ones a filter keeps and which word finds one
activity alone are computed here from the front matter (read with PyYAML by ``build_fixtures``)
and from the rules the README states, never from the built pages or their manifests.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import build_fixtures
import pytest
from chromium_launch import CHROMIUM, CHROMIUM_ARGS  # noqa: F401 (used by conftest)

REPO = build_fixtures.REPO
SCREENSHOTS = REPO / "build" / "screenshots"
LOCALES = REPO / "plugins" / "mochila" / "locales"
START_PAGES = build_fixtures.START_PAGES
LANGUAGES = build_fixtures.LANGUAGES

DESKTOP = {"width": 1280, "height": 900}
LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 360, "height": 740}

# Facet rules (README "content contract" + plugins/mochila/domain/facets.py), restated here so
# the tests do not borrow the code they check.
# Default age bands in months, both ends included (mochila/facets: age_bands).
AGE_BANDS = ((0, 11), (12, 23), (24, 35), (36, 47), (48, 59), (60, 71), (72, 216))
DURATION_BANDS = (("0-15", 0, 15), ("15-30", 15, 30), ("30-60", 30, 60), ("60-plus", 60, 601))


# ----------------------------------------------------------------------------- the content


def age_bands(meta: dict[str, Any]) -> list[str]:
    """The age bands an activity is filed under: every band its range overlaps; a single age
    sits in the band that starts at or below it."""
    low_age, high_age = meta["age"]["min"], meta["age"]["max"]
    bands = []
    for low, high in AGE_BANDS:
        single = low_age == high_age and low <= low_age <= high
        if single or (low_age != high_age and low_age <= high and high_age > low):
            bands.append(f"{low}-{high}")
    return bands


def duration_band(meta: dict[str, Any]) -> str:
    for band, low, high in DURATION_BANDS:
        if low < meta["duration"] <= high:
            return band
    return DURATION_BANDS[-1][0]


def facet_values(activity: build_fixtures.ActivitySource) -> dict[str, list[str]]:
    meta = activity.meta
    return {
        "age": age_bands(meta),
        "areas": activity.values("areas"),
        "audience": activity.values("audience"),
        "duration": [duration_band(meta)],
        "tags": activity.values("tags"),
    }


def in_bundle(activity: build_fixtures.ActivitySource, bundle: dict[str, Any]) -> bool:
    """Whether a bundle declared in mkdocs.yml selects this activity (README "Offline
    bundles": empty criteria match everything, age ranges match by overlap)."""
    if activity.lang != bundle["language"] or activity.is_draft:
        return False
    if activity.is_restricted and not bundle.get("include_restricted"):
        return False
    for name in ("audience", "areas", "tags"):
        wanted = bundle.get(name)
        if wanted and not set(wanted) & set(activity.values(name)):
            return False
    age = bundle.get("age") or {}
    low, high = age.get("min", 0), age.get("max", 216)
    return activity.meta["age"]["min"] <= high and activity.meta["age"]["max"] >= low


def fold(text: str) -> str:
    """Lower case without accents."""
    return unicodedata.normalize("NFD", text.lower()).encode("ascii", "ignore").decode()


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", fold(text)))


def unique_search_word(
    target: build_fixtures.ActivitySource,
    same_language: Iterable[build_fixtures.ActivitySource],
    other_texts: Iterable[str],
) -> str | None:
    """A word of ``target``'s body that search can only find on ``target``'s page.

    The word's first four letters begin no word of any other activity of the language, of the
    ordinary pages, of the UI strings or of the vocabulary, nor of ``target``'s own title and
    summary (which the catalogue, facet pages and related links repeat). Four letters, because
    search matches prefixes and stems. Returns the first such word in alphabetical order.
    """
    taken: set[str] = words(target.title + " " + target.meta["summary"])
    for other in same_language:
        if other.path != target.path:
            taken |= words(other.path.read_text(encoding="utf-8"))
    for text in other_texts:
        taken |= words(text)
    candidates = sorted(set(re.findall(r"\b[a-z]{7,}\b", target.body.lower())))
    for word in candidates:
        if not any(token.startswith(word[:4]) for token in taken):
            return word
    return None


def search_word(edition, project, activities) -> tuple[object, str]:
    """The first activity of the edition (by id) with a word that only its page holds."""
    lang = edition.lang
    suffix = "" if lang == LANGUAGES[0] else f".{lang}"
    texts = [
        path.read_text(encoding="utf-8")
        for path in sorted(project.content.glob("*.md"))
        if re.fullmatch(rf"[^.]+{re.escape(suffix)}\.md", path.name)
    ]
    texts.append((LOCALES / f"{lang}.yml").read_text(encoding="utf-8"))
    texts.append((project.content / "_vocabulary.yml").read_text(encoding="utf-8"))
    same_language = [a for a in activities if a.lang == lang]
    for activity in sorted(edition.activities, key=lambda a: a.id):
        word = unique_search_word(activity, same_language, texts)
        if word:
            return activity, word
    pytest.fail(f"no word of the {lang} content is unique to one activity")


# ------------------------------------------------------------------- the journal journey

# A reader answers the first "before" question of FIRST, follows its related link to SECOND and
# answers its first "after" question; "My reflections" must then list both (Chromium and
# Firefox journeys alike). Answers have line breaks and, in Spanish, accents and "¡".
FIRST = "water-play"  # links to SECOND among its related activities
SECOND = "sand-kitchen"
ANSWERS = {
    "en": ("We poured water into\nthe green bucket.", "Rice with beans and a leaf."),
    "es": ("Vaciamos agua en\nel balde verde, ¡qué risa!", "Arroz con fríjoles y una hoja."),
}


def expected_entries(edition, answers) -> list[tuple[str, str, str]]:
    """(activity title, question, answer) as "My reflections" lists them: by title."""
    first, second = edition.activity(FIRST), edition.activity(SECOND)
    rows = [
        (first.title, first.prompts("before")[0][0], answers[0]),
        (second.title, second.prompts("after")[0][0], answers[1]),
    ]
    return sorted(rows, key=lambda row: row[0].casefold())


# ------------------------------------------------------------------------------ editions


@dataclass(frozen=True)
class Edition:
    """One thing a reader opens: a language of the website, or one unzipped bundle."""

    kind: str  # "site" or "bundle"
    name: str  # "site-en", "full-en", "families-es", ...
    lang: str
    base: str  # URL of the folder holding index.html, ending in "/"
    start: str  # the URL a reader opens first
    activities: tuple[build_fixtures.ActivitySource, ...]  # those this edition holds

    def url(self, path: str) -> str:
        return self.base + path

    def activity(self, activity_id: str) -> build_fixtures.ActivitySource:
        return next(a for a in self.activities if a.id == activity_id)

    @property
    def slugs(self) -> set[str]:
        return {a.slug for a in self.activities}

    def __str__(self) -> str:
        return self.name


def file_url(path: Path) -> str:
    return path.as_uri()


def slug_of(url: str) -> str | None:
    """The activity slug of an activity page URL (``.../activities/water-play.html``)."""
    match = re.search(r"/activities/(.+?)\.html(?:[#?].*)?$", url)
    return match.group(1) if match else None


# ----------------------------------------------------------------------------- on a page


def visible_card_slugs(page) -> list[str]:
    """The slugs of the activity cards shown on a catalogue or facet page, in order."""
    hrefs = page.locator(".mochila-cards__item:visible .mochila-cards__title a").evaluate_all(
        "links => links.map(a => a.href)"
    )
    return [slug_of(href) for href in hrefs]


def open_search(page):
    """Focus the header's search box (an ``<input type="search">`` on every page)."""
    box = page.locator('header input[type="search"]')
    box.click()
    return box


def no_horizontal_scroll(page) -> tuple[int, int]:
    return page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
