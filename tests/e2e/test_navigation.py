"""A reader opens the start page and reaches an activity: through the catalogue, through a
facet page and through the header's search, on the website (HTTP) and in bundles (file://)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .support import LANGUAGES, REPO, open_search, slug_of, unique_search_word, visible_card_slugs

pytestmark = pytest.mark.browser

EDITIONS = ["site-en", "site-es", "full-en", "families-es"]
CATALOGUE_TARGET = "sand-kitchen"
FACET_TARGET = "texture-basket"
LOCALES = REPO / "plugins" / "mochila" / "locales"


def open_start(page, edition) -> None:
    page.goto(edition.start)
    # A bundle's start page forwards to its home page at once.
    expect(page).to_have_url(re.compile(r"(/|/index\.html)$"))
    expect(page.locator(".md-content h1")).to_be_visible()
    assert page.evaluate("document.documentElement.lang") == edition.lang


def nav_link(page, target: str):
    return page.locator(f'.md-nav--primary a.md-nav__link[href$="{target}"]').first


def expect_activity_page(page, activity) -> None:
    # A search result adds ?q=words (the page marks them).
    expect(page).to_have_url(
        re.compile(rf"/activities/{re.escape(activity.slug)}\.html(\?q=[^#]*)?$")
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


def search_word(edition, project, activities) -> tuple[object, str]:
    """The first activity of the edition (by id) with a word that only its page holds."""
    lang = edition.lang
    suffix = "" if lang == LANGUAGES[0] else f".{lang}"
    texts = [
        path.read_text(encoding="utf-8")
        for path in sorted(project.content.glob("*.md"))
        if re.fullmatch(rf"[^.]+{re.escape(suffix)}\.md", path.name)
    ]
    texts.append((LOCALES / f"{lang}.yml").read_text(encoding="utf-8"))
    texts.append((project.content / "_vocabulary.yml").read_text(encoding="utf-8"))
    same_language = [a for a in activities if a.lang == lang]
    for activity in sorted(edition.activities, key=lambda a: a.id):
        word = unique_search_word(activity, same_language, texts)
        if word:
            return activity, word
    pytest.fail(f"no word of the {lang} content is unique to one activity")


@pytest.mark.parametrize("name", EDITIONS)
def test_through_search(page, editions, name, sample_project, sample_activities):
    edition = editions[name]
    target, word = search_word(edition, sample_project, sample_activities)
    open_start(page, edition)

    box = open_search(page)
    box.press_sequentially(word, delay=20)
    links = page.locator(".mochila-search__list a.mochila-search__link")
    expect(links.first).to_be_visible()
    hrefs = links.evaluate_all("links => links.map(a => a.href)")
    assert {slug_of(href) for href in hrefs} == {target.slug}, (word, hrefs)

    links.first.click()
    expect_activity_page(page, target)
