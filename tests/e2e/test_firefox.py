"""The journeys of a reader who opens an unzipped bundle in Firefox (Debian's ``firefox-esr``).

Firefox gives every ``file://`` page the same storage (origin "null"), as Chromium does, so
answers written on activity pages show on "My reflections". Checked here in Firefox itself:
answers typed with real key presses on two activity pages show on the journal page, also
after Firefox is closed and started again, and stay out of another bundle beside it on the
stick; Material's search box, typed into, finds an activity and its result opens that page;
with storage turned off in Firefox's settings, "My reflections" says so.

One Firefox serves the whole module (``firefox_bidi.firefox``), except for the reader who
turned storage off, who needs a Firefox of their own. The journal journeys use its
default storage, which is what survives a restart (each in its own bundle, so its own store);
the search journeys each get a fresh user context. A console error or a request leaving the
machine fails the test, as in the Chromium tests.
"""

from __future__ import annotations

import json
import re

import pytest

from . import firefox_bidi
from .firefox_bidi import Firefox, Tab
from .support import (
    ANSWERS,
    DESKTOP,
    FIRST,
    SCREENSHOTS,
    SECOND,
    expected_entries,
    search_word,
    slug_of,
)

pytestmark = [pytest.mark.browser, pytest.mark.firefox]

firefox = firefox_bidi.firefox

PHONE = {"width": 390, "height": 844}  # the phone width of the project's screenshots


@pytest.fixture
def ff(firefox: Firefox, recorder) -> Firefox:
    """The module's Firefox, its console errors and outside requests reported to this test's
    recorder (checked right after the test body, as for Chromium)."""
    firefox.take_problems()  # what earlier tests left behind was reported to them
    recorder.add_source(firefox.take_problems)
    return firefox


# ------------------------------------------------------------------------------- helpers


def strings(tab: Tab) -> dict[str, str]:
    return json.loads(tab.evaluate("document.getElementById('mochila-strings').textContent"))


def answer(tab: Tab, prompt_id: str, text: str) -> None:
    """Click the answer box of a prompt, type ``text`` key by key and wait for "saved"."""
    prompt = f'.mochila-prompt[data-mochila-prompt="{prompt_id}"]'
    tab.click(f"{prompt} textarea")
    tab.type(text)
    saved = strings(tab)["saved"]
    tab.wait_for(
        f"document.querySelector('{prompt} .mochila-prompt__status').textContent"
        f" === {json.dumps(saved)}",
        message=f"the answer to {prompt_id} was not saved",
    )
    typed = tab.evaluate(f"document.querySelector('{prompt} textarea').value")
    assert typed == text


def open_start(tab: Tab, edition) -> None:
    """Open the bundle's start page, which forwards to its home page at once."""
    tab.goto(edition.start)
    tab.wait_for(
        "/\\/index\\.html$/.test(location.href) && document.readyState === 'complete'",
        message="the start page did not forward to index.html",
    )


def journal_entries(tab: Tab) -> list[tuple[str, str, str]]:
    """(activity title, question, answer) of every entry shown, in order."""
    rows = tab.evaluate(
        """Array.from(document.querySelectorAll('.mochila-journal__entry')).map(e => [
            e.closest('.mochila-journal__activity').querySelector('h2').textContent.trim(),
            e.querySelector('.mochila-journal__prompt').textContent.trim(),
            e.querySelector('.mochila-journal__answer').textContent])"""
    )
    return [tuple(row) for row in rows]


def go_to_journal(tab: Tab) -> None:
    """Follow the sidebar's "My reflections" link, as a reader does."""
    tab.click('.md-nav--primary a.md-nav__link[href$="my-reflections.html"]', navigates=True)
    assert tab.url.endswith("/my-reflections.html")
    tab.wait_for(
        "!document.querySelector('.mochila-journal__empty').hidden"
        " || document.querySelectorAll('.mochila-journal__entry').length > 0"
    )


# The text of the journal's "empty" line, or "" while it is hidden.
EMPTY_JOURNAL_TEXT = (
    "(() => { const e = document.querySelector('.mochila-journal__empty');"
    " return e.hidden ? '' : e.textContent; })()"
)


def shoot(tab: Tab, name: str, focus: str = "") -> None:
    """Screenshots at desktop and phone width, into build/screenshots/: of the window with
    ``focus`` scrolled to its middle, or of the whole page."""
    for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
        tab.set_viewport(size["width"], size["height"])
        if focus:
            tab.element(focus)  # scrolls it into view
        tab.screenshot(SCREENSHOTS / f"firefox-{name}-{label}.png", full_page=not focus)
    tab.set_viewport(DESKTOP["width"], DESKTOP["height"])


# ------------------------------------------------------------------------------ journeys


@pytest.mark.parametrize(("name", "other"), [("full-en", "full-es"), ("families-es", "full-es")])
def test_journal_gathers_answers_from_activity_pages_and_keeps_them(ff, editions, name, other):
    edition = editions[name]
    answers = ANSWERS[edition.lang]
    expected = expected_entries(edition, answers)
    first, second = edition.activity(FIRST), edition.activity(SECOND)

    tab = ff.first_tab()
    tab.set_viewport(DESKTOP["width"], DESKTOP["height"])
    tab.goto(edition.url(first.page))
    answer(tab, "before-1", answers[0])
    tab.click(f'.mochila-related a[href$="{second.slug}.html"]', navigates=True)
    assert tab.evaluate("document.querySelector('.md-content h1').textContent") == second.title
    answer(tab, "after-1", answers[1])
    shoot(tab, f"{name}-activity-answered", '.mochila-prompt[data-mochila-prompt="after-1"]')

    go_to_journal(tab)
    assert journal_entries(tab) == expected
    assert tab.evaluate(EMPTY_JOURNAL_TEXT) == ""
    shoot(tab, f"{name}-my-reflections")

    # Another bundle unzipped beside this one shares Firefox's file:// storage, but not the
    # answers: its journal is empty and says so plainly (no advice to change browsers).
    tab.goto(editions[other].url("my-reflections.html"))
    tab.wait_for(
        EMPTY_JOURNAL_TEXT,
        message="the other bundle's journal does not say it is empty",
        until=lambda text: text == strings(tab)["journal_empty"],
    )
    assert journal_entries(tab) == []

    # Close Firefox as a reader would, start it again on the same profile.
    ff.restart()
    tab = ff.first_tab()
    tab.set_viewport(DESKTOP["width"], DESKTOP["height"])
    open_start(tab, edition)
    go_to_journal(tab)
    assert journal_entries(tab) == expected
    tab.goto(edition.url(first.page))
    box = '.mochila-prompt[data-mochila-prompt="before-1"] textarea'
    tab.wait_for(
        f"document.querySelector('{box}').value",
        message="the answer is not back in its box after the restart",
        until=lambda value: value == answers[0],
    )


@pytest.mark.parametrize("name", ["full-en", "full-es"])
def test_search_box_finds_an_activity_and_opens_it(
    ff, editions, name, sample_project, sample_activities
):
    edition = editions[name]
    target, word = search_word(edition, sample_project, sample_activities)
    fresh = ff.new_user_context()
    tab = ff.new_tab(fresh)
    tab.set_viewport(DESKTOP["width"], DESKTOP["height"])
    open_start(tab, edition)

    # Material searches on key presses, not on a pasted value.
    tab.click("input.md-search__input")
    tab.type(word)
    # Results follow each key press: wait for those of the whole word (timing out, with the
    # last results in the message, if they never name exactly the target).
    tab.wait_for(
        "Array.from(document.querySelectorAll("
        "'.md-search-result__list a.md-search-result__link')).map(a => a.href)",
        message=f"searching for {word!r} did not find {target.slug} alone",
        until=lambda hrefs: {slug_of(href) for href in hrefs} == {target.slug},
    )
    if name == "full-en":
        tab.screenshot(SCREENSHOTS / f"firefox-{name}-search.png")

    tab.click(".md-search-result__list a.md-search-result__link", navigates=True)
    # Search adds ?h=word (search.highlight).
    assert re.search(rf"/activities/{re.escape(target.slug)}\.html(\?h=[^#]*)?$", tab.url)
    assert tab.evaluate("document.querySelector('.md-content h1').textContent") == target.title
    ff.remove_user_context(fresh)


def test_with_storage_turned_off_the_journal_says_so(editions, tmp_path, recorder):
    """A reader who turned off site data in Firefox's settings: the answer boxes stay hidden
    (the questions remain to think about) and "My reflections" says why it shows nothing,
    instead of "you have not written anything yet"."""
    edition = editions["full-en"]
    browser = Firefox(tmp_path / "profile", prefs={"dom.storage.enabled": False}).start()
    recorder.add_source(browser.take_problems)
    try:
        tab = browser.first_tab()
        tab.goto(edition.url(edition.activity(FIRST).page))
        assert tab.evaluate("document.querySelectorAll('.mochila-prompt__text').length") > 0
        shown = "document.querySelectorAll('.mochila-prompt__answer:not([hidden])').length"
        assert tab.evaluate(shown) == 0
        tab.goto(edition.url("my-reflections.html"))
        unavailable = strings(tab)["journal_unavailable"]
        tab.wait_for(
            EMPTY_JOURNAL_TEXT,
            message="the journal does not say that this browser keeps no answers",
            until=lambda text: text == unavailable,
        )
        tab.screenshot(SCREENSHOTS / "firefox-full-en-storage-off-my-reflections.png")
    finally:
        browser.close()


def test_the_driver_reports_what_must_fail_a_test(firefox, tmp_path):
    """The guard tests itself: a console error, an uncaught exception and requests to the
    internet on a file:// page all reach ``take_problems()`` (so the journeys above would fail
    on them), and ordinary pages report nothing."""
    page = tmp_path / "noisy.html"
    page.write_text(
        "<!doctype html><title>noisy</title><script>"
        "console.error('mochila-test: console error');"
        "setTimeout(() => { throw new Error('mochila-test: uncaught'); });"
        "fetch('http://mochila-test.invalid/data.json').catch(() => {});"
        "new Image().src = 'https://mochila-test.invalid/pixel.png';"
        "</script>",
        encoding="utf-8",
    )
    fresh = firefox.new_user_context()
    tab = firefox.new_tab(fresh)
    firefox.take_problems()
    tab.goto(page.as_uri())
    tab.wait_for("new Promise(done => setTimeout(() => done(true), 200))")
    problems = "\n".join(firefox.take_problems())
    assert "console error: mochila-test: console error" in problems
    assert "mochila-test: uncaught" in problems
    assert "request leaving the machine: http://mochila-test.invalid/data.json" in problems
    assert "request leaving the machine: https://mochila-test.invalid/pixel.png" in problems

    quiet = tmp_path / "quiet.html"
    quiet.write_text("<!doctype html><title>quiet</title><p>Nothing to report.", "utf-8")
    tab.goto(quiet.as_uri())
    assert firefox.take_problems() == []
    firefox.remove_user_context(fresh)
