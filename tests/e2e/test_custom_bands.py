"""An organisation's own bands and its licence, in Chromium: a project for 5–14-year-olds
(tests/school_project.py) opened from its USB bundle under ``file://``. The age filter offers
its bands and narrows the list to the activities of the chosen band; a printed activity keeps
its licence, authors and the licence's address (issue 12, points 3 and 4).

Screenshots of the catalogue and a printed card, on a laptop and a phone, go to
``build/screenshots/``."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect
from school_project import make_school

from mochila.commands.orchestrate import build_everything
from mochila.commands.project import load_project

from .support import DESKTOP, PHONE, visible_card_slugs

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@pytest.fixture(scope="module")
def school_bundle(tmp_path_factory) -> Path:
    """The unzipped ``full-en`` bundle of the school project."""
    root = tmp_path_factory.mktemp("school-e2e")
    project = make_school(root / "project")
    build_everything(
        load_project(project.config), root / "out", bundles=True, echo=lambda _: None, workers=1
    )
    (zipped,) = (root / "out" / "bundles").glob("mochila-full-en-*.zip")
    with zipfile.ZipFile(zipped) as archive:
        archive.extractall(root / "stick")
    (top,) = (root / "stick").iterdir()
    return top


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_age_filter_uses_the_organisations_bands(new_context, school_bundle, viewport):
    page = new_context(viewport=viewport).new_page()
    page.goto((school_bundle / "catalogue.html").as_uri())
    toggle = page.locator(".mochila-filters__toggle")
    if toggle.is_visible():
        toggle.click()
    ages = page.locator('fieldset[data-facet="age"] label')
    expect(ages).to_have_text(
        [
            # label text, then the count the script fills in
            _label("5–7 years", 1),
            _label("8–10 years", 2),
            _label("Secondary (11–14)", 1),
        ]
    )
    assert sorted(visible_card_slugs(page)) == ["chess", "robots", "stories"]
    page.locator('input[name="age"][value="96-131"]').check()
    expect(page.locator(".mochila-cards__item:visible")).to_have_count(2)
    assert sorted(visible_card_slugs(page)) == ["chess", "robots"]
    expect(page.locator(".mochila-cards__item:visible .mochila-cards__meta").first).to_contain_text(
        "9–17 years"
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = "desktop" if viewport == DESKTOP else "phone"
    page.screenshot(path=str(SHOTS / f"school-catalogue-{name}.png"), full_page=True)
    page.locator('input[name="age"][value="96-131"]').uncheck()
    page.locator('input[name="age"][value="60-95"]').check()
    assert visible_card_slugs(page) == ["stories"]


def _label(text: str, count: int):
    import re

    return re.compile(rf"^\s*{re.escape(text)}\s*\(?{count}\)?\s*$")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_printed_activity_shows_its_licence_authors_and_the_licence_address(
    new_context, school_bundle, viewport
):
    page = new_context(viewport=viewport).new_page()
    page.goto((school_bundle / "activities" / "stories.html").as_uri())
    page.emulate_media(media="print")
    expect(page.locator(".mochila-fact--license dd")).to_be_visible()
    expect(page.locator(".mochila-fact--license dd")).to_contain_text(
        "CC BY 4.0 (creativecommons.org/licenses/by/4.0)"
    )
    expect(page.locator(".mochila-fact--authors dd")).to_have_text("Ana Pérez, Example Foundation")
    expect(page.locator(".mochila-fact--updated dd")).to_have_text("2025-06-30")
    credit = page.locator(".mochila-credit")
    expect(credit).to_be_visible()
    expect(credit).to_contain_text("“Story cubes” by Ana Pérez, Example Foundation.")
    expect(credit).to_contain_text(
        "Creative Commons Attribution 4.0 International (CC BY 4.0, "
        "creativecommons.org/licenses/by/4.0)"
    )
    expect(page.locator("h1")).to_have_count(1)
    name = "desktop" if viewport == DESKTOP else "phone"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"school-print-{name}.png"), full_page=True)
