"""The real six-language corpus (rpf-projects: en es fr ar hi ja, with real Arabic, Hindi and
Japanese pages) builds as a website with every language named in its own name, Arabic right to
left, and one warning per language whose interface Mochila does not translate (issue 12.2)."""

from __future__ import annotations

import logging

import build_fixtures
import mkdocs  # under ProperDocs its name, and its loggers', is 'properdocs'
import pytest
import search_index
from build_fixtures import CORPORA, corpus_project

from mochila.commands.orchestrate import build_everything
from mochila.commands.project import load_project

parse_html = build_fixtures.parse_html

RPF = CORPORA / "rpf-projects"
OWN_NAMES = {
    "en": "English",
    "es": "Español",
    "fr": "Français",
    "ar": "العربية",
    "hi": "हिन्दी",
    "ja": "日本語",
}

pytestmark = pytest.mark.slow


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture(scope="module")
def rpf(tmp_path_factory):
    root = tmp_path_factory.mktemp("rpf")
    project = corpus_project(root / "project", RPF)
    collect = _Collect()
    logging.getLogger(mkdocs.__name__).addHandler(collect)
    try:
        build_everything(
            load_project(project.config_file),
            root / "out",
            bundles=False,
            echo=lambda _: None,
            workers=1,  # warnings are logged in this process, where the test hears them
        )
    finally:
        logging.getLogger(mkdocs.__name__).removeHandler(collect)
    return root / "out" / "site", collect.messages


def page(site, lang, path):
    folder = site if lang == "en" else site / lang
    return parse_html((folder / path).read_text(encoding="utf-8"))


def test_one_warning_per_language_without_mochila_texts(rpf):
    _, warnings = rpf
    notes = [m for m in warnings if "has no translation of" in m]
    named = sorted(m.split("'")[1] for m in notes)
    assert named == ["ar", "fr", "hi", "ja"], notes
    # Material translates all six: nothing of its interface falls back.
    assert not [m for m in notes if "Material" in m]


@pytest.mark.parametrize("lang", list(OWN_NAMES))
def test_pages_carry_language_direction_and_own_names(rpf, lang):
    site, _ = rpf
    home = page(site, lang, "index.html")
    assert home.find("html").get("lang") == lang
    assert home.find("body").get("dir") == ("rtl" if lang == "ar" else "ltr")
    menu = home.find("details", cls="mochila-lang__menu")
    assert menu.find("span", cls="mochila-lang__current").text() == OWN_NAMES[lang]
    names = {a.get("hreflang"): a.text() for a in menu.find_all("a", cls="mochila-lang__choice")}
    assert names == {other: name for other, name in OWN_NAMES.items() if other != lang}


def test_an_arabic_activity_reads_right_to_left_with_its_translations(rpf):
    site, _ = rpf
    archery = page(site, "ar", "activities/archery.html")
    assert archery.find("body").get("dir") == "rtl"
    read_in = {
        a.get("hreflang"): a.text()
        for p in archery.find_all("p", cls="mochila-translation")
        for a in p.find_all("a")
    }
    assert read_in["es"] == "Leer en español"
    assert read_in["ja"] == "Read in 日本語"  # no Japanese Mochila texts: English sentence


def test_japanese_pages_are_found_by_words_without_spaces(rpf):
    # Mochila's own index cuts Japanese into one- and two-character pieces, so a word inside
    # a sentence without spaces is found (issue 12.2, 14.3).
    site, _ = rpf
    ja = site / "ja"
    assert search_index.manifest(ja)["lang"] == "ja"
    rows = search_index.documents(ja)
    terms = search_index.terms(ja)
    archery = next(i for i, row in enumerate(rows) if row[0] == "activities/archery.html")
    title = rows[archery][1]
    pair = next(title[i : i + 2] for i in range(len(title) - 1) if ord(title[i]) > 0x3000)
    alphabet = search_index.manifest(ja)["alphabet"]
    assert pair in terms, pair
    assert archery in {doc for doc, _ in search_index.decode(terms[pair], alphabet)}
