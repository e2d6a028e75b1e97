"""A small project in five languages, built for real: en and es (translated everywhere), mi
(te reo Māori: no Material or Mochila translation), zh and ar (a Material translation, no
Mochila one; ar is right to left). Used by ``test_any_language.py`` and the browser tests.

Each language has a home page and the activity ``water-play`` (with a code block, which stays
left to right in every language); ``sand-kitchen`` exists in English only.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import build_fixtures
import mkdocs  # under ProperDocs its name, and its loggers', is 'properdocs'
from conftest import make_project

from mochila.commands.orchestrate import build_everything
from mochila.commands.project import load_project

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


def build_five_languages(root: Path) -> Built:
    """Write the project in ``root`` and build its website (one worker, so this process sees
    every warning) into ``root.parent / "out"``."""
    project = write_five_languages(root)
    collect = _Collect()
    logging.getLogger(mkdocs.__name__).addHandler(collect)
    try:
        build_everything(
            load_project(project.config),
            root.parent / "out",
            bundles=False,
            echo=lambda _: None,
            workers=1,
        )
    finally:
        logging.getLogger(mkdocs.__name__).removeHandler(collect)
    return Built(root.parent / "out" / "site", collect.messages)
