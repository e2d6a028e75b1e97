"""The header's search (issue 14) as a reader uses it, on the website over HTTP and in bundles
from file:// (the recorder fails any request that leaves the machine and any console error).

Expectations come from the content as written (front matter, vocabulary), never from the index.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
import yaml
from playwright.sync_api import expect

from .support import REPO

pytestmark = pytest.mark.browser

EDITIONS = ["site-en", "site-es", "full-en", "families-es"]
VOCABULARY = yaml.safe_load((REPO / "content" / "_vocabulary.yml").read_text(encoding="utf-8"))
PAGES = ("index.html", "catalogue.html", "browse.html", "my-reflections.html", "about.html")


def label(kind: str, value: str, lang: str) -> str:
    return next(t["label"][lang] for t in VOCABULARY[kind] if t["id"] == value)


def fold(text: str) -> str:
    return unicodedata.normalize("NFD", text.lower()).encode("ascii", "ignore").decode()


def box(page):
    return page.locator('header input[type="search"]')


def ask(page, query: str) -> list[str]:
    """Type ``query`` in the header's box; the slugs (or page names) of the results shown."""
    field = box(page)
    field.fill(query)
    page.wait_for_function(
        "(q) => document.querySelector('form[data-mochila-search]').dataset.shown === q", arg=query
    )
    hrefs = page.locator(".mochila-search__link").evaluate_all("els => els.map(a => a.href)")
    return [re.sub(r"^.*/(activities/)?|\.html(\?.*)?$", "", href) for href in hrefs]


def first_activity_with(edition, predicate):
    return next(a for a in sorted(edition.activities, key=lambda a: a.id) if predicate(a))


@pytest.mark.parametrize("name", EDITIONS)
def test_every_page_has_a_named_search_box_in_its_header(page, editions, name):
    edition = editions[name]
    any_activity = sorted(edition.activities, key=lambda a: a.id)[0]
    for path in (*PAGES, f"activities/{any_activity.slug}.html"):
        page.goto(edition.url(path))
        field = box(page)
        expect(field).to_be_visible()
        assert field.get_attribute("type") == "search"
        expect(field).to_have_accessible_name(re.compile(r"\w"))


@pytest.mark.parametrize("name", EDITIONS)
def test_it_finds_every_field_and_ranks_titles_first(page, editions, name):
    edition = editions[name]
    lang = edition.lang
    page.goto(edition.url("index.html"))
    for activity in edition.activities:
        # The whole title: that activity first.
        assert ask(page, activity.title)[0] == activity.slug, activity.title
    target = first_activity_with(edition, lambda a: a.values("materials"))
    assert target.slug in ask(page, target.values("materials")[0])
    assert target.slug in ask(page, target.meta["summary"])
    area = label("areas", target.values("areas")[0], lang)
    assert target.slug in ask(page, area)
    audience = label("audience", target.values("audience")[0], lang)
    assert target.slug in ask(page, audience)
    tagged = first_activity_with(edition, lambda a: a.values("tags"))
    assert tagged.slug in ask(page, label("tags", tagged.values("tags")[0], lang))
    # A word of the body only (the longest one not in the title or summary).
    shown = set(re.findall(r"\w+", (target.title + " " + target.meta["summary"]).lower()))
    body = [w for w in re.findall(r"[^\W\d_]{6,}", target.body.lower()) if w not in shown]
    word = max(sorted(set(body)), key=len)
    assert target.slug in ask(page, word), word


@pytest.mark.parametrize("name", ["site-es", "families-es"])
def test_it_folds_accents_matches_prefixes_and_inflections(page, editions, name):
    edition = editions[name]
    page.goto(edition.url("index.html"))
    song = edition.activity("lullabies-from-home")
    assert "canciones" in song.title
    assert song.slug in ask(page, "canción")  # singular -> plural
    assert song.slug in ask(page, "CANCION")  # case and accent
    assert song.slug in ask(page, "canci")  # a prefix while typing
    accented = first_activity_with(edition, lambda a: fold(a.title) != a.title.lower())
    assert ask(page, fold(accented.title))[0] == accented.slug


def test_a_bundle_searches_only_its_own_activities(page, editions):
    families, full = editions["families-es"], editions["full-es"]
    left_out = sorted(full.slugs - families.slugs)
    assert left_out
    page.goto(families.url("index.html"))
    for slug in left_out:
        title = full.activity(next(a.id for a in full.activities if a.slug == slug)).title
        assert slug not in ask(page, title), title


@pytest.mark.parametrize("name", ["site-en", "families-es"])
def test_results_show_what_a_reader_needs_and_the_count_is_announced(page, editions, name):
    edition = editions[name]
    target = edition.activity("sand-kitchen")
    page.goto(edition.url("index.html"))
    found = ask(page, target.title)
    status = page.locator(".mochila-search__status")
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    expect(status).to_contain_text(str(len(found)) if len(found) > 1 else "1")
    first = page.locator(".mochila-search__item").first
    expect(first.locator(".mochila-search__title")).to_have_text(target.title)
    meta = first.locator(".mochila-search__meta").inner_text()
    assert str(target.meta["duration"]) in meta
    assert label("areas", target.values("areas")[0], edition.lang) in meta
    assert re.search(r"\d", meta.split("·")[0])  # the age
    expect(first.locator(".mochila-search__snippet")).not_to_be_empty()
    expect(first.locator(".mochila-search__title mark").first).to_be_visible()
    # An ordinary link.
    link = first.locator("a")
    assert link.evaluate("a => a.tagName") == "A" and link.get_attribute("href")
    ask(page, "zzzzqqq")
    expect(status).not_to_be_empty()
    expect(page.locator(".mochila-search__item")).to_have_count(0)


@pytest.mark.parametrize("name", ["site-en", "full-en"])
def test_keyboard_arrows_enter_escape_and_the_opened_page_marks_the_words(page, editions, name):
    edition = editions[name]
    target = edition.activity("water-play")
    page.goto(edition.url("about.html"))
    field = box(page)
    word = "pouring"
    found = ask(page, word)
    assert len(found) >= 1
    panel = page.locator(".mochila-search__panel")
    expect(panel).to_be_visible()
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(field).to_be_focused()
    page.keyboard.press("ArrowDown")  # opens again and moves to the first result
    links = page.locator(".mochila-search__link")
    expect(links.first).to_be_focused()
    if len(found) > 1:
        page.keyboard.press("ArrowDown")
        expect(links.nth(1)).to_be_focused()
        page.keyboard.press("ArrowUp")
    expect(links.first).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(field).to_be_focused()
    ask(page, target.title)
    page.keyboard.press("Enter")  # from the box: the first result
    expect(page).to_have_url(re.compile(rf"activities/{target.slug}\.html\?q="))
    marks = page.locator("article mark.mochila-hit")
    expect(marks.first).to_be_visible()
    marked = {fold(t) for t in marks.all_inner_texts()}
    assert marked & set(fold(target.title).split()), marked


@pytest.mark.parametrize("name", ["site-es", "families-es"])
def test_the_catalogue_text_box_uses_the_index_with_the_filters(page, editions, name):
    edition = editions[name]
    song = edition.activity("lullabies-from-home")
    area = song.values("areas")[0]
    with_area = {a.slug for a in edition.activities if area in a.values("areas")}
    page.goto(edition.url("catalogue.html"))
    expect(page.locator(".mochila-filters__status")).not_to_be_empty()
    page.locator(f'input[name="areas"][value="{area}"]').check(force=True)
    cards = page.locator(".mochila-cards__item:visible .mochila-cards__title a")
    expect(cards).to_have_count(len(with_area))
    page.locator("#mochila-q").fill("canción")  # the title says "canciones": the stemmer's
    expect(cards).not_to_have_count(len(with_area))
    shown = {
        re.sub(r"^.*activities/|\.html$", "", href)
        for href in cards.evaluate_all("els => els.map(a => a.getAttribute('href'))")
    }
    assert song.slug in shown and shown <= with_area, shown
