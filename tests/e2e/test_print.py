"""Printing an activity: navigation and search disappear, the metadata card, the questions
(with the reader's answer, or lines to write on) and the print footer stay, and the A4 PDF
Chromium makes of it has at most two pages."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

HIDDEN = [
    ".md-header",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".mochila-search",
    ".md-footer",
    ".mochila-lang",
    ".mochila-translation",
    ".mochila-prompt__answer",
]
CASES = [("site-en", "water-play"), ("site-es", "gourd-shakers"), ("families-es", "sand-kitchen")]


def pdf_pages(pdf: bytes) -> int:
    """Page objects in a PDF as Chromium writes it (no object streams)."""
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", pdf))


@pytest.mark.parametrize(("name", "activity_id"), CASES)
def test_activity_prints_on_at_most_two_pages(page, editions, name, activity_id):
    edition = editions[name]
    activity = edition.activity(activity_id)
    questions = [q for when in ("before", "after") for q, _ in activity.prompts(when)]
    questions += activity.blocks("reflect")

    page.goto(edition.url(f"activities/{activity.slug}.html"))
    prompt = page.locator('.mochila-prompt[data-mochila-prompt="before-1"]')
    prompt.locator("textarea").fill("Printed answer")
    prompt.locator("textarea").blur()

    page.emulate_media(media="print")
    for selector in HIDDEN:
        for i in range(page.locator(selector).count()):
            expect(page.locator(selector).nth(i)).to_be_hidden()
    expect(page.locator(".mochila-card")).to_be_visible()
    expect(page.locator(".mochila-fact--age dd")).to_be_visible()
    texts = page.locator(".mochila-prompt__text")
    expect(texts).to_have_count(len(questions))
    for i in range(len(questions)):
        expect(texts.nth(i)).to_be_visible()
    assert sorted(" ".join(t.split()) for t in texts.all_inner_texts()) == sorted(questions)
    expect(prompt.locator(".mochila-prompt__print")).to_have_text("Printed answer")
    expect(prompt.locator(".mochila-prompt__lines")).to_be_hidden()
    unanswered = page.locator('.mochila-prompt[data-mochila-prompt="after-1"]')
    expect(unanswered.locator(".mochila-prompt__lines")).to_be_visible()
    expect(page.locator(".mochila-print-footer")).to_be_visible()
    # The licence and the attribution go on paper too, with the licence's address as text
    # (the website's link prints its address after it).
    licence = page.locator(".mochila-fact--license dd")
    expect(licence).to_be_visible()
    if edition.kind == "site":
        after = licence.locator("a").evaluate("a => getComputedStyle(a, '::after').content")
        assert after == '" (https://creativecommons.org/licenses/by-sa/4.0/)"'
    else:
        expect(licence).to_have_text("CC BY-SA 4.0 (creativecommons.org/licenses/by-sa/4.0)")
    expect(page.locator(".mochila-credit")).to_be_visible()
    expect(page.locator(".mochila-credit")).to_contain_text(
        f"“{activity.meta['title']}”" if edition.lang == "en" else f"«{activity.meta['title']}»"
    )

    pages = pdf_pages(page.pdf(format="A4"))
    assert 1 <= pages <= 2, f"{activity.slug} prints on {pages} A4 pages"
