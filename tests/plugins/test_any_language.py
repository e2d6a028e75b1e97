"""Any language code builds and reads right (issue 12, point 2): a language Material has no
translation for (Māori) falls back to English with one warning, every language is named in its
own name, right-to-left languages are mirrored, and CJK pages carry their language."""

from __future__ import annotations

import pytest
from language_fixtures import ACTIVITIES, LANGUAGES, OWN_NAMES, READ_IN, Built, build_five_languages


@pytest.fixture(scope="module")
def five(tmp_path_factory) -> Built:
    return build_five_languages(tmp_path_factory.mktemp("five") / "project")


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
    assert page.find("html").get("lang") == "mi"
    # Material's own interface text, in the fallback language (English).
    assert page.find("nav", cls="md-header__inner").get("aria-label") == "Header"


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
        assert choices[other].find("span").get("dir") == ("rtl" if other == "ar" else "ltr")
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
