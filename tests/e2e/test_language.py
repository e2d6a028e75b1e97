"""Language links on the website (over HTTP): the header's switcher and the activities'
"Leer en español" / "Read in English" links land on the same page in the other language."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PAGES = [
    "index.html",
    "catalogue.html",
    "browse.html",
    "my-reflections.html",
    "facets/areas/sensory.html",
    "activities/water-play.html",
]
READ_IN = {"en": "Read in English", "es": "Leer en español"}


def expect_page(page, edition, path: str) -> None:
    expect(page).to_have_url(edition.url(path))
    assert page.evaluate("document.documentElement.lang") == edition.lang
    expect(page.locator(".md-content h1")).to_be_visible()


@pytest.mark.parametrize("path", PAGES)
def test_header_switcher_keeps_the_page(page, editions, path):
    english, spanish = editions["site-en"], editions["site-es"]
    page.goto(english.url(path))
    english_h1 = page.locator(".md-content h1").inner_text()

    switch = page.locator(".mochila-lang__link")
    expect(switch).to_have_count(1)
    expect(switch).to_have_attribute("hreflang", "es")
    switch.click()
    expect_page(page, spanish, path)
    spanish_h1 = page.locator(".md-content h1").inner_text()
    if path != "browse.html" and path != "index.html":
        assert spanish_h1 != english_h1

    page.locator('.mochila-lang__link[hreflang="en"]').click()
    expect_page(page, english, path)
    expect(page.locator(".md-content h1")).to_have_text(english_h1)


@pytest.mark.parametrize("activity_id", ["water-play", "sand-kitchen", "tummy-time"])
def test_translation_links_between_activities(page, editions, activity_id):
    english, spanish = editions["site-en"], editions["site-es"]
    en, es = english.activity(activity_id), spanish.activity(activity_id)
    page.goto(english.url(f"activities/{en.slug}.html"))
    expect(page.locator(".md-content h1")).to_have_text(en.title)

    page.locator(".mochila-translation a").get_by_text(READ_IN["es"], exact=True).click()
    expect_page(page, spanish, f"activities/{es.slug}.html")
    expect(page.locator(".md-content h1")).to_have_text(es.title)

    back = page.locator(".mochila-translation a").get_by_text(READ_IN["en"], exact=True)
    expect(back).to_have_attribute("hreflang", "en")
    back.click()
    expect_page(page, english, f"activities/{en.slug}.html")
    expect(page).to_have_url(re.compile(r"^http://127\.0\.0\.1:\d+/activities/"))
