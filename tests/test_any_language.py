"""Any language code builds and reads right (issue 12, point 2): a language Material has no
translation for (Māori) falls back to English with one warning, every language is named in its
own name, right-to-left languages are mirrored, and CJK pages carry their language."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import build_fixtures
import pytest
from conftest import make_project

from mochila.build.orchestrate import build_everything
from mochila.build.project import load_project

parse_html = build_fixtures.parse_html

LANGUAGES = ("en", "es", "mi", "zh", "ar")
OWN_NAMES = {"en": "English", "es": "Español", "mi": "Māori", "zh": "中文", "ar": "العربية"}
READ_IN = {
    "en": "Read in English",
    "es": "Leer en español",
    "mi": "Read in Māori",  # no Mochila translation: the English sentence, the own name
    "zh": "Read in 中文",
    "ar": "Read in العربية",
}
VOCABULARY = """\
audience:
  - id: families
    label: {en: Families, es: Familias, mi: Whānau, zh: 家庭, ar: العائلات}
areas:
  - id: sensory
    label: {en: Senses, es: Sentidos, mi: Ngā rongo, zh: 感官, ar: الحواس}
tags:
  - id: water
    label: {en: Water, es: Agua, mi: Wai, zh: 水, ar: ماء}
"""
ACTIVITIES = {
    "en": ("Water play", "Babies pour water and watch leaves float."),
    "es": ("Juego con agua", "Los bebés vierten agua y miran flotar las hojas."),
    "mi": ("Tākaro wai", "Ka ringihia e ngā pēpi te wai."),
    "zh": ("玩水游戏", "宝宝倒水并观察树叶漂浮。"),
    "ar": ("اللعب بالماء", "يسكب الأطفال الماء ويشاهدون الأوراق تطفو."),
}
HOMES = {"en": "Home", "es": "Inicio", "mi": "Kāinga", "zh": "首页", "ar": "الرئيسية"}


@dataclass(frozen=True)
class Built:
    site: Path
    warnings: list[str]

    def page(self, lang: str, path: str):
        folder = self.site if lang == "en" else self.site / lang
        return parse_html((folder / path).read_text(encoding="utf-8"))


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def write_five_languages(root: Path):
    project = make_project(root)
    text = project.config.read_text(encoding="utf-8")
    project.config.write_text(
        text.replace("languages: [en, es]", f"languages: [{', '.join(LANGUAGES)}]"),
        encoding="utf-8",
    )
    project.write("_vocabulary.yml", VOCABULARY)
    for lang, (title, summary) in ACTIVITIES.items():
        suffix = "" if lang == "en" else f".{lang}"
        project.activity(
            f"water-play{suffix}.md",
            title=title,
            summary=summary,
            areas="[sensory]",
            body=f"{summary}\n\n```\nprint('code stays left to right')\n```\n",
        )
        project.write(f"index{suffix}.md", f"---\ntitle: {HOMES[lang]}\n---\n\n{summary}\n")
    # An activity only in English: the other languages' switchers land on their home page.
    project.activity("sand-kitchen.md", id="sand-kitchen", title="Sand kitchen")
    return project


@pytest.fixture(scope="module")
def five(tmp_path_factory) -> Built:
    root = tmp_path_factory.mktemp("five") / "project"
    project = write_five_languages(root)
    collect = _Collect()
    logging.getLogger("mkdocs").addHandler(collect)
    try:
        build_everything(
            load_project(project.config),
            root.parent / "out",
            bundles=False,
            echo=lambda _: None,
            workers=1,
        )
    finally:
        logging.getLogger("mkdocs").removeHandler(collect)
    return Built(root.parent / "out" / "site", collect.messages)


def test_one_warning_for_the_language_without_translations(five):
    about_mi = [m for m in five.warnings if "'mi'" in m]
    assert len(about_mi) == 1, five.warnings
    assert "Material's own interface" in about_mi[0]
    assert "_locales/mi.yml" in about_mi[0]
    # zh and ar have Material translations but no Mochila one: one warning each, no more.
    for lang in ("zh", "ar"):
        found = [m for m in five.warnings if f"'{lang}'" in m]
        assert len(found) == 1 and "Material" not in found[0], found
    assert not [m for m in five.warnings if "language 'es'" in m or "language 'en'" in m]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lang_and_direction(five, lang):
    page = five.page(lang, "activities/water-play.html")
    html = page.find("html")
    assert html.get("lang") == lang
    assert page.find("body").get("dir") == ("rtl" if lang == "ar" else "ltr")
    assert page.find("h1").text() == ACTIVITIES[lang][0]


def test_fallback_language_uses_english_ui_but_keeps_its_code(five):
    page = five.page("mi", "index.html")
    search = page.find("input", cls="md-search__input")
    assert search.get("placeholder") == "Search"  # Material's English text
    index = (five.site / "mi" / "search" / "search_index.json").read_text(encoding="utf-8")
    # No English stemmer or stop words on Māori text.
    assert '"lang":["en"]' in index and '"pipeline":["trimmer"]' in index


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_named_in_its_own_name(five, lang):
    page = five.page(lang, "activities/water-play.html")
    others = [other for other in LANGUAGES if other != lang]
    menu = page.find("details", cls="mochila-lang__menu")
    assert menu.find("span", cls="mochila-lang__current").text() == OWN_NAMES[lang]
    choices = {a.get("hreflang"): a for a in menu.find_all("a", cls="mochila-lang__choice")}
    assert sorted(choices) == sorted(others)
    for other in others:
        assert choices[other].text() == OWN_NAMES[other]
        assert choices[other].get("lang") == other
        assert choices[other].get("dir") == ("rtl" if other == "ar" else "ltr")
    alternates = {
        link.get("hreflang"): link.get("title") for link in page.find_all("link", rel="alternate")
    }
    assert alternates == {other: OWN_NAMES[other] for other in others}
    read_in = {
        a.get("hreflang"): a.text()
        for a in page.find_all("p", cls="mochila-translation")
        for a in a.find_all("a")
    }
    assert read_in == {other: READ_IN[other] for other in others}


def test_switcher_of_a_page_missing_in_a_language_lands_on_its_home(five):
    page = five.page("en", "activities/sand-kitchen.html")
    choices = {
        a.get("hreflang"): a.get("href") for a in page.find_all("a", cls="mochila-lang__choice")
    }
    assert choices["zh"] == "../zh/index.html"
    assert not page.find_all("link", rel="alternate")
