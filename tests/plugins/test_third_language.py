"""A third language is a config change plus content: no code (issue 3)."""

from __future__ import annotations

import re

from mochila.commands.orchestrate import build_everything
from mochila.commands.project import load_project


def test_french_is_config_and_content_only(project, tmp_path):
    config = project.config
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "languages: [en, es]", "languages: [en, es, fr]"
        ),
        encoding="utf-8",
    )
    project.activity("water-play.md")
    project.activity("water-play.fr.md", title="Jeux d'eau", summary="Les bébés versent de l'eau.")
    project.write("index.fr.md", "---\ntitle: Accueil\n---\n\nBienvenue.\n")
    project.write(
        "_locales/fr.yml",
        'read_in: "Lire en français"\nlanguage_name: Français\n'
        'edition_line: "Édition {edition} · {count} activités"\n',
    )
    messages: list[str] = []
    build_everything(
        load_project(config), tmp_path / "out", bundles=False, echo=messages.append, workers=1
    )
    site = tmp_path / "out" / "site"
    page = (site / "fr" / "activities" / "water-play.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="fr"', page)
    assert "Jeux d&#39;eau" in page or "Jeux d'eau" in page
    assert "activités" in page  # the footer line from the site's own locale file
    english = (site / "activities" / "water-play.html").read_text(encoding="utf-8")
    assert 'href="../fr/activities/water-play.html"' in english
    assert "Lire en français" in english
    index = (site / "fr" / "search" / "manifest.js").read_text(encoding="utf-8")
    assert '"lang":"fr"' in index
