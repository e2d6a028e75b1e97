"""The catalogue's filter panel: age and area narrow the list to exactly the activities the
front matter says (facet rules restated in support.py), the URL keeps the state, a reload and a
fresh tab restore it, and "Clear filters" brings every activity back."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .support import facet_values, visible_card_slugs

pytestmark = pytest.mark.browser

AGE = "0-11"
AREA = "motor"


def option(page, facet: str, value: str):
    return page.locator(f'fieldset[data-facet="{facet}"] input[value="{value}"]')


def expected_slugs(edition, **selected: str) -> list[str]:
    return sorted(
        a.slug
        for a in edition.activities
        if all(value in facet_values(a)[facet] for facet, value in selected.items())
    )


def expect_cards(page, slugs: list[str]) -> None:
    expect(page.locator(".mochila-cards__item:visible")).to_have_count(len(slugs))
    assert sorted(visible_card_slugs(page)) == slugs


@pytest.mark.parametrize("name", ["site-en", "site-es", "full-en", "families-es"])
def test_filter_by_age_and_area(page, editions, name):
    edition = editions[name]
    everything = sorted(edition.slugs)
    by_age = expected_slugs(edition, age=AGE)
    both = expected_slugs(edition, age=AGE, areas=AREA)
    assert 1 < len(both) < len(by_age) < len(everything), "pick a more telling filter"

    page.goto(edition.url("catalogue.html"))
    status = page.locator(".mochila-filters__status")
    expect(status).to_contain_text(str(len(everything)))
    expect_cards(page, everything)

    option(page, "age", AGE).check()
    expect_cards(page, by_age)
    option(page, "areas", AREA).check()
    expect_cards(page, both)
    expect(status).to_contain_text(re.compile(rf"\b{len(both)}\b.*\b{len(everything)}\b"))
    assert page.evaluate("location.hash") == f"#age={AGE}&areas={AREA}"

    page.reload()
    expect(option(page, "age", AGE)).to_be_checked()
    expect(option(page, "areas", AREA)).to_be_checked()
    expect_cards(page, both)

    # The address alone carries the state: a new tab opened on it shows the same list.
    shared = page.context.new_page()
    shared.goto(page.url)
    expect_cards(shared, both)
    shared.close()

    page.locator(".mochila-filters__clear").click()
    expect_cards(page, everything)
    expect(option(page, "age", AGE)).not_to_be_checked()
    expect(option(page, "areas", AREA)).not_to_be_checked()
    assert page.evaluate("location.hash") == ""
    page.reload()
    expect_cards(page, everything)
