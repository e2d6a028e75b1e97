"""Shared fixtures: a small Mochila project (content folder + mkdocs.yml) in ``tmp_path``.

Why: the domain, checker, CLI and build tests all need the same kind of throw-away project,
and their expected line numbers depend on exactly how files are laid out, so the layout lives
in one place. Nothing here changes the working directory or writes outside ``tmp_path``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from mochila.domain.catalogue import Catalogue, load_catalogue
from mochila.domain.settings import ContentSettings
from mochila.domain.vocabulary import Vocabulary, load_vocabulary

REPO = Path(__file__).resolve().parents[1]

# Line numbers matter: 'sensory' is on line 11, 'outdoor' on line 14 (see the vocabulary tests).
VOCABULARY = """\
audience:
  - id: families
    label: {en: Families, es: Familias}
  - id: educators
    label: {en: Educators, es: Educadores}
areas:
  - id: motor
    label: {en: Movement, es: Movimiento}
  - id: language
    label: {en: Language, es: Lenguaje}
  - id: sensory
    label: {en: Senses, es: Sentidos}
tags:
  - id: outdoor
    label: {en: Outdoors, es: Al aire libre}
  - id: water
    label: {en: Water, es: Agua}
"""

# Modelled on the repository's mkdocs.yml; the theme folder is the repository's own (read only).
MKDOCS_YML = """\
site_name: Mochila test
site_description: Activities for tests
site_url: https://example.org/mochila-test/
docs_dir: content
site_dir: build/mkdocs-site
use_directory_urls: false
strict: false

theme:
  name: material
  custom_dir: {theme}
  language: en
  font: false
  palette:
    primary: custom
    accent: custom
  features:
    - navigation.footer

extra:
  generator: false

extra_css:
  - assets/mochila/mochila.css
extra_javascript:
  - assets/mochila/search.js
  - assets/mochila/search-ui.js

markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: false
  - pymdownx.details
  - pymdownx.superfences

plugins:
  - mochila/activities:
      languages: [en, es]
      license: CC BY-SA 4.0
  - mochila/reflection
  - mochila/facets
  - mochila/search
  - mochila/bundles:
      bundles:
        - name: full-en
          language: en
          title: {{en: "All activities"}}
        - name: families-es
          language: es
          title: {{es: "Para las familias"}}
          audience: [families]
"""

FIELD_ORDER = ("id", "title", "summary", "audience", "age", "duration", "areas")
DEFAULT_FIELDS = {
    "id": "water-play",
    "title": "Water play",
    "summary": "Babies pour water and watch leaves float.",
    "audience": "[families]",
    "age": "{min: 6, max: 36}",
    "duration": "20",
    "areas": "[sensory]",
}
DEFAULT_BODY = "Pour water from one cup into another."


def activity_text(extra: str = "", body: str = DEFAULT_BODY, **fields: str | None) -> str:
    """Return an activity file; a field given as ``None`` is left out.

    With the defaults the fields are on lines 2-8 (id, title, summary, audience, age, duration,
    areas), ``extra`` lines start on line 9, the closing fence follows them and the body starts
    two lines after the fence (line 11 without extra lines).
    """
    unknown = set(fields) - set(FIELD_ORDER)
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")
    values = {**DEFAULT_FIELDS, **fields}
    lines = ["---"]
    lines += [f"{name}: {values[name]}" for name in FIELD_ORDER if values[name] is not None]
    lines += [line for line in extra.split("\n") if line]
    lines += ["---", "", body]
    return "\n".join(lines) + "\n"


@dataclass
class MiniProject:
    """A project folder in tmp_path: ``mkdocs.yml`` beside a ``content`` folder."""

    root: Path
    settings: ContentSettings

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    def write(self, rel: str, data: str | bytes) -> Path:
        """Write a file under the content folder (bytes as they are, text as UTF-8)."""
        path = self.content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8", newline="\n")
        return path

    def activity(self, rel: str, extra: str = "", body: str = DEFAULT_BODY, **fields) -> Path:
        return self.write(f"activities/{rel}", activity_text(extra, body, **fields))

    def check(self) -> Catalogue:
        """Load the content folder as the checker does, naming it ``content`` in messages."""
        return load_catalogue(self.content, self.settings, shown_root="content")

    def vocabulary(self) -> Vocabulary:
        vocabulary, problems = load_vocabulary(
            self.content / "_vocabulary.yml",
            "content/_vocabulary.yml",
            list(self.settings.languages),
        )
        assert problems == []
        return vocabulary


def make_project(root: Path) -> MiniProject:
    """Create a clean project with a vocabulary and a home page in English and Spanish."""
    root.mkdir(parents=True, exist_ok=True)
    project = MiniProject(root, ContentSettings(languages=("en", "es")))
    project.config.write_text(MKDOCS_YML.format(theme=REPO / "theme"), encoding="utf-8")
    project.write("_vocabulary.yml", VOCABULARY)
    project.write("index.md", "---\ntitle: Home\n---\n\nWelcome to the activities.\n")
    project.write("index.es.md", "---\ntitle: Inicio\n---\n\nBienvenidos a las actividades.\n")
    (project.content / "activities").mkdir()
    return project


@pytest.fixture
def project(tmp_path: Path) -> MiniProject:
    return make_project(tmp_path / "project")


@pytest.fixture
def make_activity_text():
    """The ``activity_text`` builder, for tests that write files themselves."""
    return activity_text


@pytest.fixture
def vocabulary_text() -> str:
    """The text of the test vocabulary (see ``VOCABULARY`` for its line numbers)."""
    return VOCABULARY
