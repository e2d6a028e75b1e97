"""A small project of an organisation teaching 5–14-year-olds, for build and browser tests
(issue 12: the organisation's own bands, licence and credit)."""

from __future__ import annotations

from pathlib import Path

from conftest import MiniProject, make_project

SCHOOL_CONFIG = """\
  - mochila/facets:
      age_bands:
        - {min: 60, max: 95}
        - {min: 96, max: 131}
        - {min: 132, max: 179, label: {en: "Secondary (11–14)"}}
      duration_bands: [30, 60]
      facet_names:
        areas: {en: Subject, es: Materia}
"""


def make_school(root: Path) -> MiniProject:
    """A project for 5–14-year-olds: its own age and duration bands, a facet renamed, a default
    licence written as an SPDX id, one activity with its own licence, an attribution page."""
    project = make_project(root)
    text = project.config.read_text(encoding="utf-8")
    text = text.replace("  - mochila/facets\n", SCHOOL_CONFIG)
    text = text.replace(
        "      license: CC BY-SA 4.0\n",
        "      license: CC-BY-SA-4.0\n      attribution: ATTRIBUTION.md\n",
    )
    project.config.write_text(text, encoding="utf-8")
    project.write("ATTRIBUTION.md", "# Attribution\n\nAdapted from the Example Foundation.\n")
    project.write("ATTRIBUTION.es.md", "# Atribución\n\nAdaptado de la Example Foundation.\n")
    credit = "license: CC BY 4.0\nauthors: [Ana Pérez, Example Foundation]\nupdated: 2025-06-30"
    project.activity(
        "robots.md",
        extra="authors: [Example Foundation]\nupdated: 2025-01-15",
        id="robots",
        title="Robot dance",
        summary="Program a robot to dance.",
        age="{min: 96, max: 131}",
        duration="45",
        body="# Robot dance\n\nMake the robot move to music.",
    )
    project.activity(
        "robots.es.md",
        id="robots",
        title="Baile de robots",
        summary="Programa un robot que baile.",
        age="{min: 96, max: 131}",
        duration="45",
    )
    project.activity(
        "stories.md",
        extra=credit,
        id="stories",
        title="Story cubes",
        summary="Roll cubes, tell a story.",
        age="{min: 60, max: 95}",
        duration="20",
    )
    project.activity(
        "chess.md",
        id="chess",
        title="Chess club",
        summary="Learn chess openings.",
        age="{min: 108, max: 215}",
        duration="90",
    )
    return project
