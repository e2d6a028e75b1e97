"""A link to an activity that a bundle leaves out reads "no incluida en esta edición" and
cannot be followed: families-es leaves out market-stall, which sand-kitchen links to."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SOURCE, LEFT_OUT = "sand-kitchen", "market-stall"


def test_left_out_activity_is_named_but_not_a_link(page, editions):
    families = editions["families-es"]
    assert LEFT_OUT not in {a.id for a in families.activities}
    source = families.activity(SOURCE)
    # The body's link and the related list both point at the left-out activity.
    assert LEFT_OUT in source.linked_slugs() and LEFT_OUT in source.values("related")

    page.goto(families.url(f"activities/{source.slug}.html"))
    missing = page.locator(".md-content .mochila-missing")
    expect(missing).to_have_count(2)
    expect(page.locator(f'a[href*="{LEFT_OUT}"]')).to_have_count(0)
    for i in range(2):
        item = missing.nth(i)
        expect(item).to_be_visible()
        expect(item).to_contain_text("no incluida en esta edición")
        assert item.evaluate("el => el.closest('a') === null && el.querySelector('a') === null")
        assert item.evaluate("el => el.tabIndex") < 0  # not in the keyboard order
        before = page.url
        item.click()
        page.wait_for_timeout(200)
        assert page.url == before

    # In the full edition the same place is an ordinary link that works.
    full = editions["full-es"]
    page.goto(full.url(f"activities/{source.slug}.html"))
    expect(page.locator(".md-content .mochila-missing")).to_have_count(0)
    page.locator(f'.mochila-related a[href$="{LEFT_OUT}.html"]').click()
    expect(page).to_have_url(re.compile(rf"/activities/{LEFT_OUT}\.html$"))
    expect(page.locator(".md-content h1")).to_have_text(full.activity(LEFT_OUT).title)
