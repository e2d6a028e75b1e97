"""The pages the theme's scripts are tested on, built by Mochila from a small project.

Why: the browser tests used to open hand-written copies of the HTML the Python renderers emit,
which could drift from what those renderers really write. Here the sample project (its
``mkdocs.yml``, vocabulary and ``theme/``) is copied with ``build_fixtures.copy_sample_project``,
its activities replaced by the few below, and built like any project (``mochila build``,
website only). Tests open the built pages from ``file://``, as a bundle is opened.

The content is small and written for the tests' expectations: the Spanish catalogue's ten
activities spread over every facet (age bands ``0-11``, ``12-23``, ``24-35``, ``36-59`` set in
the project's ``mochila/facets``), and ``water-play`` asks four questions (two before, one in
the text, one after) with two folded facilitator notes. Its bodies avoid the words the text
box tests search for, so only titles, summaries and labels match them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import build_fixtures
import pytest
import yaml

# id, age (months), duration (min), areas, audience, tags, English title, Spanish title and
# summary (the English summary is made from the title).
# fmt: off
CATALOGUE = [
    ("water-play", (6, 36), 20, "sensory cognitive", "families educators", "water outdoor nature",
     "Pouring and floating", "Verter y flotar",
     "Bebés y niños pequeños exploran el agua con tazas, totumas y hojas que flotan o se hunden."),
    ("sand-kitchen", (12, 36), 30, "creative social-emotional", "families", "outdoor kitchen",
     "Sand kitchen", "Cocina de arena",
     "Con arena mojada y ollas viejas, los niños preparan comidas imaginarias para la familia."),
    ("lullabies", (0, 12), 10, "language social-emotional", "families", "music",
     "Lullabies from the village", "Canciones de cuna del pueblo",
     "Cantar nanas tradicionales para calmar y acompañar a los bebés antes de dormir."),
    ("texture-basket", (4, 18), 15, "sensory", "educators", "indoor",
     "Texture basket", "Canasta de texturas",
     "Objetos suaves, ásperos y lisos para tocar, morder y comparar."),
    ("story-walk", (24, 60), 45, "language", "educators facilitators", "stories outdoor group",
     "Story walk", "Paseo de cuentos",
     "Un cuento que se cuenta caminando por la vereda, con paradas para mirar y preguntar."),
    ("who-goes-like-this", (12, 36), 10, "language cognitive", "families educators",
     "animals music", "Who goes like this?", "¿Quién hace así?",
     "Imitar los sonidos de los animales de la finca: la vaca, el gallo, el perro."),
    ("obstacle-course", (24, 60), 25, "motor", "educators facilitators", "movement group outdoor",
     "Obstacle course", "Circuito de obstáculos",
     "Saltar, gatear y trepar con sillas, cajas y cuerdas en el patio."),
    ("mud-painting", (36, 60), 40, "creative sensory", "educators", "outdoor nature water",
     "Mud painting", "Pintar con barro",
     "Colores de tierra y agua para pintar sobre cartón con las manos."),
    ("rain-stick", (36, 60), 50, "creative motor", "facilitators", "music recycled-materials",
     "Rain stick", "Palo de lluvia",
     "Construir un instrumento con un tubo de cartón, puntillas y semillas."),
    ("bath-time", (0, 24), 20, "language social-emotional", "families", "water indoor",
     "Bath time", "La hora del baño",
     "Nombrar las partes del cuerpo mientras el niño juega en el agua tibia."),
]
# fmt: on

AGE_BANDS = [{"min": 0, "max": 11}, {"min": 12, "max": 23}, {"min": 24, "max": 35},
             {"min": 36, "max": 59}]  # fmt: skip

WATER_PLAY_EN = """\
reflection:
  before:
    - "What did you play with water when you were a child?"
    - prompt: "How do you keep a child safe near water today?"
      notes: "Remind families: never leave a baby alone near water, even a shallow basin."
  after:
    - "What did the child try again and again?"
materials:
  - "a basin or large pot with a little water"
  - "2 or 3 plastic cups or half gourds"
"""

WATER_PLAY_BODY = """\
Water is a child's first laboratory. Then try the [sand kitchen](sand-kitchen.md).

## Step by step

1. Sit the baby beside the basin.
2. Drop a leaf in the water. Then a stone.

:::reflect
What did the child do when the water spilled? How did you respond?
:::

:::notes
Ask families what containers they already have at home: gourds, pots and bottle caps all work.
:::
"""

WATER_PLAY_ES = """\
reflection:
  before:
    - "¿A qué jugaba usted con el agua cuando era pequeña o pequeño?"
"""

LULLABIES_EN = """\
reflection:
  before:
    - "Which lullabies did you hear as a child?"
"""


def _front_matter(fields: dict, extra: str) -> str:
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) + extra + "---\n"


def _activity(row: tuple, lang: str) -> str:
    ident, (low, high), duration, areas, audience, tags, en_title, es_title, es_summary = row
    fields = {
        "id": ident,
        "title": en_title if lang == "en" else es_title,
        "summary": f"{en_title}: an activity for the tests." if lang == "en" else es_summary,
        "audience": audience.split(),
        "age": {"min": low, "max": high},
        "duration": duration,
        "areas": areas.split(),
        "tags": tags.split(),
    }
    extra = ""
    body = "Texto de la actividad.\n" if lang == "es" else "The activity, step by step.\n"
    if lang == "en" and ident == "water-play":
        extra, body = WATER_PLAY_EN, WATER_PLAY_BODY
    if lang == "es" and ident == "water-play":
        extra = WATER_PLAY_ES
    if lang == "en" and ident == "lullabies":
        extra = LULLABIES_EN
    return _front_matter(fields, extra) + "\n" + body


def _write_content(root: Path) -> None:
    activities = root / "content" / "activities"
    for path in activities.iterdir():
        if path.is_file():
            path.unlink()
    for row in CATALOGUE:
        (activities / f"{row[0]}.md").write_text(_activity(row, "en"), encoding="utf-8")
        (activities / f"{row[0]}.es.md").write_text(_activity(row, "es"), encoding="utf-8")
    config_file = root / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["plugins"] = [
        {"mochila/facets": {"age_bands": AGE_BANDS}} if entry == "mochila/facets" else entry
        for entry in config["plugins"]
    ]
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")


@dataclass(frozen=True)
class ThemeSite:
    """The built website the theme tests open; pages by the names the tests use."""

    root: Path

    PAGES = {
        "activity.html": "activities/water-play.html",  # English, store site-en
        "activity-two.html": "activities/lullabies.html",
        "journal.html": "my-reflections.html",
        "catalogue.html": "es/catalogue.html",  # Spanish, store site-es
        "other-store.html": "es/activities/water-play.html",
        "catalogue-en.html": "catalogue.html",
    }

    def path(self, name: str) -> Path:
        return self.root / self.PAGES[name]

    def url(self, name: str, fragment: str = "") -> str:
        """The file:// URL of a page, with an optional #fragment."""
        return self.path(name).as_uri() + (f"#{fragment}" if fragment else "")


@pytest.fixture(scope="session")
def theme_site(tmp_path_factory: pytest.TempPathFactory) -> ThemeSite:
    """The test project built once per session (website only). Read only."""
    root = tmp_path_factory.mktemp("theme-site")
    project = build_fixtures.copy_sample_project(root / "project", _write_content)
    build = build_fixtures.build_project(project, root / "output", bundles=False)
    return ThemeSite(build.site)
