"""The reflection journal: answers typed on two activities are on "My reflections" after
navigating, after a reload and after the browser is closed and started again on the same
profile; the Markdown download holds them; one can be deleted; and answers written in one
bundle stay out of another bundle unzipped beside it."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from .support import ANSWERS, FIRST, SECOND, expected_entries

pytestmark = pytest.mark.browser


def strings(page) -> dict[str, str]:
    return json.loads(page.locator("#mochila-strings").text_content())


def answer(page, prompt_id: str, text: str) -> None:
    """Type an answer the way a reader does and wait until the page says it is saved."""
    prompt = page.locator(f'.mochila-prompt[data-mochila-prompt="{prompt_id}"]')
    prompt.locator("textarea").click()
    page.keyboard.type(text)
    expect(prompt.locator(".mochila-prompt__status")).to_have_text(strings(page)["saved"])


def journal_entries(page) -> list[tuple[str, str, str]]:
    """(activity title, question, answer) of every entry shown, in order."""
    rows = page.locator(".mochila-journal__entry").evaluate_all(
        """entries => entries.map(e => [
            e.closest('.mochila-journal__activity').querySelector('h2').textContent.trim(),
            e.querySelector('.mochila-journal__prompt').textContent.trim(),
            e.querySelector('.mochila-journal__answer').textContent])"""
    )
    return [tuple(row) for row in rows]


def go_to_journal(page) -> None:
    page.locator('.md-nav--primary a.md-nav__link[href$="my-reflections.html"]').first.click()
    expect(page).to_have_url(re.compile(r"/my-reflections\.html$"))


@pytest.mark.parametrize("name", ["site-en", "families-es"])
def test_journal_keeps_answers_across_pages_reloads_and_restarts(profile, editions, name):
    edition = editions[name]
    answers = ANSWERS[edition.lang]
    expected = expected_entries(edition, answers)
    first, second = edition.activity(FIRST), edition.activity(SECOND)

    # Session 1: write on two activities, then read them back.
    page = profile.launch().new_page()
    page.goto(edition.url(f"activities/{first.slug}.html"))
    answer(page, "before-1", answers[0])
    page.locator(f'.mochila-related a[href$="{second.slug}.html"]').click()
    expect(page.locator(".md-content h1")).to_have_text(second.title)
    answer(page, "after-1", answers[1])
    go_to_journal(page)
    expect(page.locator(".mochila-journal__entry")).to_have_count(2)
    assert journal_entries(page) == expected
    page.reload()
    expect(page.locator(".mochila-journal__entry")).to_have_count(2)
    assert journal_entries(page) == expected
    profile.close()

    # Session 2: the same profile, a new browser.
    page = profile.launch().new_page()
    page.goto(edition.start)
    go_to_journal(page)
    expect(page.locator(".mochila-journal__entry")).to_have_count(2)
    assert journal_entries(page) == expected

    with page.expect_download() as info:
        page.locator('[data-action="download-md"]').click()
    download = info.value
    assert download.suggested_filename.endswith(".md")
    text = download.path().read_bytes().decode("utf-8")  # keep its CRLF line ends
    assert text.startswith("\ufeff# " + page.locator(".md-content h1").inner_text().strip())
    lines = text.lstrip("\ufeff").split("\r\n")
    for title, question, written in expected:
        assert f"## {title}" in lines
        assert f"**{question}**" in lines
        quoted = [f"> {line}" for line in written.split("\n")]
        start = lines.index(quoted[0])
        assert lines[start : start + len(quoted)] == quoted
    assert lines.index(f"## {expected[0][0]}") < lines.index(f"## {expected[1][0]}")

    # Delete the first activity's answer; the other stays, also after a reload.
    page.once("dialog", lambda dialog: dialog.accept())
    entry = page.locator(".mochila-journal__entry").filter(has_text=answers[0].split("\n")[0])
    entry.locator('button[data-action="delete"]').click()
    expect(page.locator(".mochila-journal__entry")).to_have_count(1)
    page.reload()
    expect(page.locator(".mochila-journal__entry")).to_have_count(1)
    remaining = [row for row in expected if row[2] != answers[0]]
    assert journal_entries(page) == remaining
    page.goto(edition.url(f"activities/{first.slug}.html"))
    box = page.locator('.mochila-prompt[data-mochila-prompt="before-1"] textarea')
    expect(box).to_be_visible()
    expect(box).to_have_value("")
    profile.close()


def test_answers_stay_in_their_own_bundle(profile, editions):
    """Two bundles unzipped side by side on one stick, opened in one browser profile."""
    full, families = editions["full-es"], editions["families-es"]
    assert full.base.rsplit("/", 2)[0] == families.base.rsplit("/", 2)[0]  # side by side

    page = profile.launch().new_page()
    page.goto(full.url(f"activities/{FIRST}.html"))
    answer(page, "before-1", "Sólo en la edición completa")
    page.goto(families.start)
    go_to_journal(page)
    expect(page.locator(".mochila-journal__empty")).to_be_visible()
    expect(page.locator(".mochila-journal__entry")).to_have_count(0)
    page.goto(families.url(f"activities/{FIRST}.html"))
    box = page.locator('.mochila-prompt[data-mochila-prompt="before-1"] textarea')
    expect(box).to_be_visible()
    expect(box).to_have_value("")
    answer(page, "after-1", "Sólo en la edición para familias")
    profile.close()

    page = profile.launch().new_page()
    for edition, mine in ((full, "completa"), (families, "familias")):
        page.goto(edition.start)
        go_to_journal(page)
        expect(page.locator(".mochila-journal__entry")).to_have_count(1)
        expect(page.locator(".mochila-journal__answer")).to_have_text(re.compile(mine))
