"""Small laptop (1366×768) and phone (360×740): home, catalogue, an activity and "My
reflections" never scroll sideways. Each page is also saved as a full-page screenshot in
``build/screenshots/`` (git-ignored) for people to look at."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .support import LAPTOP, PHONE, SCREENSHOTS

pytestmark = pytest.mark.browser

VIEWPORTS = {"laptop": LAPTOP, "phone": PHONE}
ACTIVITY = "water-play"


@pytest.fixture(scope="module")
def screenshots():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


def expect_no_sideways_scroll(page, what: str) -> None:
    width, inner = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
    assert width <= inner, f"{what}: the page is {width}px wide in a {inner}px window"


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("name", ["site-en", "site-es", "full-en", "families-es"])
def test_no_sideways_scroll(new_context, editions, screenshots, name, viewport):
    edition = editions[name]
    context = new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()

    def check(path: str, label: str) -> None:
        page.goto(edition.url(path))
        expect(page.locator(".md-content h1")).to_be_visible()
        if label == "activity":
            box = page.locator('.mochila-prompt[data-mochila-prompt="before-1"] textarea')
            box.fill("Agua, arena y hojas.\nLo repetimos al día siguiente.")
            box.blur()
        if label == "reflections":
            expect(page.locator(".mochila-journal__entry")).to_have_count(1)
        expect_no_sideways_scroll(page, f"{name} {path} at {viewport}")
        page.evaluate("window.scrollTo(0, 0)")  # the sticky header belongs at the top
        page.screenshot(path=screenshots / f"{name}-{viewport}-{label}.png", full_page=True)

    check("index.html", "home")
    check("catalogue.html", "catalogue")
    if viewport == "phone":
        toggle = page.locator(".mochila-filters__toggle")
        expect(toggle).to_be_visible()
        toggle.click()
        expect(page.locator("fieldset.mochila-filter").first).to_be_visible()
        expect_no_sideways_scroll(page, f"{name} catalogue with its filters open")
        page.screenshot(path=screenshots / f"{name}-{viewport}-catalogue-filters.png")
    check(f"activities/{edition.activity(ACTIVITY).slug}.html", "activity")
    check("my-reflections.html", "reflections")
