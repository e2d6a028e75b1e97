"""The organisation's own bands, licence and credit, one title, readable search snippets:
real builds of a small school project (5–14-year-olds) and of the sample (issue 12, points 3,
4 and 7).

Why: an organisation that teaches 5–14-year-olds must get a useful age filter (not everything
under "6 years and older"); republished Creative Commons content must carry its attribution on
the website and in every bundle, where links to the internet cannot be followed; a page must
not show two titles; search snippets must read as text.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import build_fixtures
import pytest
import search_index
from mkdocs.config.base import ValidationError
from school_project import make_school

from mochila.commands.orchestrate import build_everything
from mochila.commands.project import load_project
from mochila.plugins.facets.plugin import FacetsPlugin

sample_project = build_fixtures.sample_project
sample_build = build_fixtures.sample_build

BY_SA = "https://creativecommons.org/licenses/by-sa/4.0/"


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("school")
    project = make_school(root / "project")
    build_everything(
        load_project(project.config), root / "out", bundles=True, echo=lambda _: None, workers=1
    )
    return root / "out"


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def _unzip(out: Path, name: str, into: Path) -> Path:
    (zipped,) = (out / "bundles").glob(f"mochila-{name}-*.zip")
    with zipfile.ZipFile(zipped) as archive:
        archive.extractall(into)
    (top,) = into.iterdir()
    return top


# --------------------------------------------------------------------------- bands


def test_the_age_filter_has_the_organisations_bands_in_words(school):
    catalogue = _read(school / "site" / "catalogue.html")
    options = re.findall(r'name="age" value="([^"]+)"> <span>([^<]+)</span>', catalogue)
    assert options == [
        ("60-95", "5–7 years"),
        ("96-131", "8–10 years"),
        ("132-179", "Secondary (11–14)"),
    ]
    durations = re.findall(r'name="duration" value="([^"]+)"> <span>([^<]+)</span>', catalogue)
    assert durations == [
        ("0-30", "Up to 30 min"),
        ("30-60", "30–60 min"),
        ("60-plus", "More than 60 min"),
    ]
    assert "<legend>Subject</legend>" in catalogue
    # Each card carries the bands it is filtered by.
    assert re.search(r'data-f-age="96-131 132-179"[^>]*>.*?Chess club', catalogue)
    assert re.search(r'data-f-age="96-131"[^>]*>.*?Robot dance', catalogue)
    # The card shows the age by the same rule as the band labels.
    assert "<span>8–10 years</span>" in catalogue
    assert "<span>9–17 years</span>" in catalogue


def test_band_pages_and_browse_page_use_the_bands(school):
    site = school / "site"
    page = _read(site / "facets" / "age" / "96-131.html")
    assert "Age: 8–10 years" in page
    cards = re.search(r'<ul class="mochila-cards">.*?</ul>', page, re.S).group(0)
    assert re.findall(r'title"><a href="[^"]+">([^<]+)<', cards) == ["Chess club", "Robot dance"]
    browse = _read(site / "browse.html")
    assert "5–7 years" in browse and "Secondary (11–14)" in browse
    assert not (site / "facets" / "age" / "72-216.html").exists()


def test_spanish_gets_its_own_words_for_the_same_bands(school):
    catalogue = _read(school / "site" / "es" / "catalogue.html")
    assert 'value="96-131"> <span>8–10 años</span>' in catalogue
    assert "<legend>Materia</legend>" in catalogue
    page = _read(school / "site" / "es" / "activities" / "robots.html")
    assert "<dd>8–10 años" in page


def test_the_activity_card_names_facets_as_configured_and_ages_in_years(school):
    page = _read(school / "site" / "activities" / "robots.html")
    assert re.search(r"<dt>(<span class=\"mochila-sep\"> · </span>)?Subject</dt>", page)
    assert "<dd>8–10 years" in page


def test_bad_bands_are_refused_with_a_message_for_people():
    plugin = FacetsPlugin()
    errors, _ = plugin.load_config({"age_bands": [{"min": 60, "max": 95}, {"min": 90, "max": 99}]})
    assert [(name, str(error)) for name, error in errors] == [
        (
            "age_bands",
            "age band 2 (90–99 months) starts before band 1 (60–95 months) ends: list bands "
            "from youngest to oldest, without overlaps",
        )
    ]
    errors, _ = plugin.load_config({"facet_names": {"area": "Subject"}})
    assert [str(e) for _, e in errors] == [
        "facet_names: unknown facet 'area' (did you mean 'areas'?)"
    ]
    assert all(isinstance(e, ValidationError) for _, e in errors)


def test_without_configuration_the_early_childhood_bands_stay(sample_build):
    catalogue = _read(sample_build.site / "catalogue.html")
    labels = re.findall(r'name="age" value="[^"]+"> <span>([^<]+)</span>', catalogue)
    assert labels[:3] == ["0–11 months", "12–23 months", "2 years"]
    assert "<legend>Development area</legend>" in catalogue


# --------------------------------------------------------------------------- licence and credit


def test_an_activity_page_shows_licence_authors_date_and_full_attribution(school):
    site = school / "site"
    page = _read(site / "activities" / "robots.html")
    assert f'<a href="{BY_SA}" rel="license">CC BY-SA 4.0</a>' in page
    assert "<dd>Example Foundation" in page
    assert '<time datetime="2025-01-15">2025-01-15</time>' in page
    credit = re.search(r'<p class="mochila-credit"[^>]*>(.*?)</p>', page).group(1)
    assert _text(credit) == (
        "“Robot dance” by Example Foundation. Licence: Creative Commons "
        "Attribution-ShareAlike 4.0 International (CC BY-SA 4.0). Sources and changes: "
        "Sources and credits."
    )
    assert f'<a href="{BY_SA}" rel="license">' in credit
    assert '<a href="../ATTRIBUTION.html">' in credit


def test_a_files_own_licence_overrides_the_project_default(school):
    page = _read(school / "site" / "activities" / "stories.html")
    assert 'rel="license">CC BY 4.0</a>' in page
    assert "Creative Commons Attribution 4.0 International (CC BY 4.0)" in page
    assert "Ana Pérez, Example Foundation" in page


def test_every_page_has_the_licence_footer_and_the_attribution_link(school):
    site = school / "site"
    for rel, link in (
        ("index.html", "ATTRIBUTION.html"),
        ("catalogue.html", "ATTRIBUTION.html"),
        ("activities/chess.html", "../ATTRIBUTION.html"),
        ("facets/age/60-95.html", "../../ATTRIBUTION.html"),
        ("es/activities/robots.html", "../ATTRIBUTION.html"),
    ):
        footer = re.search(r'<p class="mochila-licence">(.*?)</p>', _read(site / rel), re.S)
        assert footer, rel
        assert f'href="{BY_SA}"' in footer.group(1)
        assert f'<a href="{link}">' in footer.group(1), rel
    assert "Adaptado de la Example Foundation" in _read(site / "es" / "ATTRIBUTION.html")


def test_bundles_carry_the_attribution_with_the_licence_address_as_text(school, tmp_path):
    top = _unzip(school, "families-es", tmp_path)
    page = _read(top / "activities" / "robots.html")
    assert "creativecommons.org" in page and 'href="https://creativecommons' not in page
    credit = _text(re.search(r'<p class="mochila-credit"[^>]*>(.*?)</p>', page).group(1))
    assert credit == (
        "«Baile de robots». Licencia: Creative Commons Attribution-ShareAlike 4.0 "
        "International (CC BY-SA 4.0, creativecommons.org/licenses/by-sa/4.0). Fuentes y "
        "cambios: Fuentes y créditos."
    )
    footer = re.search(r'<p class="mochila-licence">(.*?)</p>', page, re.S).group(1)
    assert "CC BY-SA 4.0 (creativecommons.org/licenses/by-sa/4.0)" in footer
    assert '<a href="../ATTRIBUTION.html">Fuentes y créditos</a>' in footer
    assert (top / "ATTRIBUTION.html").is_file()


def test_a_missing_attribution_page_is_a_clear_error(tmp_path):
    project = make_school(tmp_path / "project")
    (project.content / "ATTRIBUTION.md").unlink()
    # mkdocs reports a plugin's error through its log, so run the command as a reader would.
    result = subprocess.run(
        [str(Path(sys.executable).parent / "mochila"), "-f", str(project.config), "build"]
        + ["--site-only", "--output", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "attribution page 'ATTRIBUTION.md' not found in " in result.stderr
    assert "(write that page, or remove the 'attribution' option)" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_sample_names_its_default_licence_without_an_attribution_link(sample_build):
    page = _read(sample_build.site / "activities" / "sand-kitchen.html")
    footer = re.search(r'<p class="mochila-licence">(.*?)</p>', page, re.S).group(1)
    assert "CC BY-SA 4.0" in footer and "ATTRIBUTION" not in footer
    assert 'class="mochila-credit"' in page


# --------------------------------------------------------------------------- titles and snippets


def test_a_body_starting_with_its_own_heading_shows_one_title(school):
    page = _read(school / "site" / "activities" / "robots.html")
    assert re.findall(r"<h1[^>]*>(.*?)</h1>", page) == ["Robot dance"]
    assert page.index("<h1") < page.index('class="mochila-card"')


def test_search_results_read_as_text(school):
    # The search index keeps each fact in its own field, so a result shows "8–10 years · 45 min"
    # and never the card's labels glued to their values ("Age8–10 years").
    docs = search_index.documents(school / "site")
    (doc,) = [d for d in docs if d[0] == "activities/robots.html"]
    assert doc[3:5] == ["8–10 years", "45 min"]
    text = " ".join(str(field) for field in doc)
    assert "Age8" not in text and "Duration45" not in text
    # Licence and date are on every page: they stay out of search.
    assert "Licence" not in text and "Sources and credits" not in text
