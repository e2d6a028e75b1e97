"""Accessibility: axe-core finds no serious or critical violation on the pages readers use
most, in both languages, on the website and in bundles; the filter panel and the reflection
boxes work with the keyboard alone (Tab, Enter, Space).

axe-core comes from the ``axe-playwright-python`` wheel, which ships ``axe.min.js``; only that
file is used, injected into the page with ``add_script_tag``.
"""

from __future__ import annotations

import importlib.resources
import json

import pytest
from playwright.sync_api import expect

from .support import PHONE, facet_values

pytestmark = pytest.mark.browser

PAGES = {
    "home": "index.html",
    "catalogue": "catalogue.html",
    "activity": "activities/water-play.html",
    "facet": "facets/areas/sensory.html",
    "reflections": "my-reflections.html",
}
EDITIONS = ["site-en", "site-es", "full-en", "families-es"]
BLOCKING = ("serious", "critical")


@pytest.fixture(scope="module")
def axe_source() -> str:
    try:
        package = importlib.resources.files("axe_playwright_python")
    except ModuleNotFoundError:
        pytest.fail("axe-core is missing: install the test extra (axe-playwright-python)")
    return package.joinpath("axe.min.js").read_text(encoding="utf-8")


def settle(page) -> None:
    """Let the page come to rest before judging it.

    The pointer leaves whatever it last clicked (Material fades in a tooltip for a button
    under it, such as the search box's "Clear"), then running transitions finish: half-faded
    text would be judged on colours no reader sees for long.
    """
    size = page.viewport_size
    page.mouse.move(size["width"] // 2, size["height"] - 4)
    expect(page.locator(".md-tooltip--active")).to_have_count(0)
    page.evaluate(
        """() => Promise.race([
            new Promise(resolve => setTimeout(resolve, 3000)),
            Promise.all(document.getAnimations()
                .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
                .map(a => a.finished.catch(() => null)))])"""
    )


def run_axe(page, axe_source: str) -> list[dict]:
    """The serious and critical problems axe finds on the page as it is now.

    Besides violations, results axe could not decide ("incomplete") count too, except colour
    contrast, which axe cannot decide wherever text sits over another element's background.
    """
    settle(page)
    page.add_script_tag(content=axe_source)
    # axe reloads stylesheets with XMLHttpRequest, which file:// pages may not do.
    found = page.evaluate(
        """() => axe.run(document, {preload: location.protocol !== 'file:'})
            .then(result => [...result.violations, ...result.incomplete
                .filter(v => v.id !== 'color-contrast')
                .map(v => ({...v, id: v.id + ' (needs review)'}))]
            .map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary)})))"""
    )
    return [v for v in found if v["impact"] in BLOCKING]


def report(violations: list[dict]) -> str:
    return json.dumps(violations, indent=2, ensure_ascii=False)


def write_an_answer(page, edition) -> None:
    page.goto(edition.url(PAGES["activity"]))
    box = page.locator('.mochila-prompt[data-mochila-prompt="before-1"] textarea')
    box.fill("Una respuesta / An answer")
    box.blur()


@pytest.mark.parametrize("what", list(PAGES))
@pytest.mark.parametrize("name", EDITIONS)
def test_no_serious_axe_violations(page, editions, axe_source, name, what):
    edition = editions[name]
    if what == "reflections":  # with an entry, so its buttons and links are checked too
        write_an_answer(page, edition)
    page.goto(edition.url(PAGES[what]))
    expect(page.locator(".md-content h1")).to_be_visible()
    if what == "reflections":
        expect(page.locator(".mochila-journal__entry")).to_have_count(1)
    violations = run_axe(page, axe_source)
    assert violations == [], report(violations)


@pytest.mark.parametrize("name", ["site-es", "full-en"])
def test_no_serious_axe_violations_on_a_phone(new_context, editions, axe_source, name):
    """The phone layout: filters opened, navigation drawer open, search overlay with results."""
    edition = editions[name]
    page = new_context(viewport=PHONE).new_page()
    page.goto(edition.url("catalogue.html"))
    page.locator(".mochila-filters__toggle").click()
    expect(page.locator("fieldset.mochila-filter").first).to_be_visible()
    violations = run_axe(page, axe_source)
    assert violations == [], report(violations)

    page.goto(edition.url(PAGES["activity"]))
    page.locator('label.md-header__button[for="__drawer"]').click()
    expect(page.locator(".md-nav--primary").first).to_be_visible()
    violations = run_axe(page, axe_source)
    assert violations == [], report(violations)

    page.goto(edition.url(PAGES["activity"]))
    page.locator('header input[type="search"]').press_sequentially(
        "agua" if edition.lang == "es" else "water"
    )
    expect(page.locator(".mochila-search__item").first).to_be_visible()
    violations = run_axe(page, axe_source)
    assert violations == [], report(violations)


# ------------------------------------------------------------------------------ keyboard


def tab_to(page, predicate: str, limit: int = 80) -> None:
    """Press Tab until ``predicate`` (a JS expression on ``el``) holds for the focused element."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            f"(() => {{ const el = document.activeElement; return !!({predicate}); }})()"
        ):
            return
    pytest.fail(f"Tab never reached an element where {predicate}")


@pytest.mark.parametrize("name", ["site-en", "families-es"])
def test_filter_panel_with_the_keyboard_alone(page, editions, name):
    edition = editions[name]
    page.goto(edition.url("catalogue.html"))
    cards = page.locator(".mochila-cards__item:visible")
    expect(cards).to_have_count(len(edition.activities))

    tab_to(page, "el.id === 'mochila-q'")
    page.keyboard.type("zzzz")
    expect(cards).to_have_count(0)
    for _ in "zzzz":
        page.keyboard.press("Backspace")
    expect(cards).to_have_count(len(edition.activities))

    tab_to(page, "el.name === 'age' && el.value === '0-11'")
    page.keyboard.press("Space")
    expect(page.locator('input[name="age"][value="0-11"]')).to_be_checked()
    expected = [a for a in edition.activities if "0-11" in facet_values(a)["age"]]
    expect(cards).to_have_count(len(expected))
    assert page.evaluate("location.hash") == "#age=0-11"

    tab_to(page, "el.classList.contains('mochila-filters__clear')")
    page.keyboard.press("Enter")
    expect(page.locator('input[name="age"][value="0-11"]')).not_to_be_checked()
    expect(cards).to_have_count(len(edition.activities))


def test_filter_toggle_on_a_phone_with_the_keyboard(new_context, editions):
    edition = editions["site-es"]
    page = new_context(viewport=PHONE).new_page()
    page.goto(edition.url("catalogue.html"))
    toggle = page.locator(".mochila-filters__toggle")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    tab_to(page, "el.classList.contains('mochila-filters__toggle')")
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    tab_to(page, "el.type === 'checkbox'")
    page.keyboard.press("Space")
    expect(page.locator(".mochila-filter input:checked")).to_have_count(1)
    expect(toggle).to_contain_text("(1)")


@pytest.mark.parametrize("name", ["site-es", "full-en"])
def test_reflection_boxes_with_the_keyboard_alone(page, editions, name):
    edition = editions[name]
    page.goto(edition.url(PAGES["activity"]))
    strings_saved = json.loads(page.locator("#mochila-strings").text_content())["saved"]

    tab_to(page, "el.classList.contains('mochila-prompt__answer')")
    prompt_id = page.evaluate(
        "document.activeElement.closest('[data-mochila-prompt]').dataset.mochilaPrompt"
    )
    page.keyboard.type("Typed with the keyboard")
    page.keyboard.press("Enter")
    page.keyboard.type("on two lines")
    page.keyboard.press("Tab")  # leaving the box saves at once
    prompt = page.locator(f'.mochila-prompt[data-mochila-prompt="{prompt_id}"]')
    expect(prompt.locator(".mochila-prompt__status")).to_have_text(strings_saved)

    page.goto(edition.url(PAGES["reflections"]))
    expect(page.locator(".mochila-journal__answer")).to_have_text(
        "Typed with the keyboard\non two lines"
    )
    page.once("dialog", lambda dialog: dialog.accept())
    tab_to(page, "el.classList.contains('mochila-journal__delete')")
    page.keyboard.press("Enter")
    expect(page.locator(".mochila-journal__entry")).to_have_count(0)
    expect(page.locator(".mochila-journal__empty")).to_be_visible()
