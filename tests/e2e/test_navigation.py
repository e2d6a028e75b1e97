"""A reader opens the start page and reaches an activity: through the catalogue, through a
facet page and through Material's search, on the website (HTTP) and in bundles (file://)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .support import open_search, search_word, slug_of, visible_card_slugs

pytestmark = pytest.mark.browser

EDITIONS = ["site-en", "site-es", "full-en", "families-es"]
CATALOGUE_TARGET = "sand-kitchen"
FACET_TARGET = "texture-basket"


def open_start(page, edition) -> None:
    page.goto(edition.start)
    # A bundle's start page forwards to its home page at once.
    expect(page).to_have_url(re.compile(r"(/|/index\.html)$"))
    expect(page.locator(".md-content h1")).to_be_visible()
    assert page.evaluate("document.documentElement.lang") == edition.lang


def nav_link(page, target: str):
    return page.locator(f'.md-nav--primary a.md-nav__link[href$="{target}"]').first


def expect_activity_page(page, activity) -> None:
    # Search adds ?h=word (search.highlight).
    expect(page).to_have_url(
        re.compile(rf"/activities/{re.escape(activity.slug)}\.html(\?h=[^#]*)?$")
    )
    expect(page.locator(".md-content h1")).to_have_text(activity.title)
    expect(page.locator(".mochila-card")).to_be_visible()


@pytest.mark.parametrize("name", EDITIONS)
def test_through_the_catalogue(page, editions, name):
    edition = editions[name]
    target = edition.activity(CATALOGUE_TARGET)
    open_start(page, edition)
    nav_link(page, "catalogue.html").click()
    expect(page).to_have_url(re.compile(r"/catalogue\.html$"))
    expect(page.locator(".mochila-filters__status")).not_to_be_empty()
    assert sorted(visible_card_slugs(page)) == sorted(edition.slugs)

    page.locator(f'.mochila-cards__title a[href$="activities/{target.slug}.html"]').click()
    expect_activity_page(page, target)


@pytest.mark.parametrize("name", EDITIONS)
def test_through_a_facet_page(page, editions, name):
    edition = editions[name]
    target = edition.activity(FACET_TARGET)
    area = target.values("areas")[0]
    open_start(page, edition)
    nav_link(page, "browse.html").click()
    expect(page).to_have_url(re.compile(r"/browse\.html$"))

    page.locator(f'a.mochila-chip[href$="facets/areas/{area}.html"]').click()
    expect(page).to_have_url(re.compile(rf"/facets/areas/{area}\.html$"))
    expected = sorted(a.slug for a in edition.activities if area in a.values("areas"))
    assert sorted(visible_card_slugs(page)) == expected

    page.locator(f'.mochila-cards__title a[href$="activities/{target.slug}.html"]').click()
    expect_activity_page(page, target)


@pytest.mark.parametrize("name", EDITIONS)
def test_through_search(page, editions, name, sample_project, sample_activities):
    edition = editions[name]
    target, word = search_word(edition, sample_project, sample_activities)
    open_start(page, edition)

    box = open_search(page)
    # Material searches on key presses, not on a pasted value.
    box.press_sequentially(word, delay=20)
    links = page.locator(".md-search-result__list a.md-search-result__link")
    expect(links.first).to_be_visible()
    hrefs = links.evaluate_all("links => links.map(a => a.href)")
    assert {slug_of(href) for href in hrefs} == {target.slug}, (word, hrefs)

    links.first.click()
    expect_activity_page(page, target)
