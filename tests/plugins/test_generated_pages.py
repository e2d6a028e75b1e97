"""Pages our plugins generate (catalogue, browse, facet pages, journal) carry their title in
front matter written by one helper: any title a translator writes must come back unchanged."""

from __future__ import annotations

import pytest
import yaml

from mochila.plugins.shared import generated_page

TITLES = [
    "Mis reflexiones",
    'Edad: "3–6 años"',
    "# not a comment",
    "a: b: c",
    "back\\slash",
    "- a list?",
    "yes",
    "null",
    "123",
    "[brackets] {braces}",
    "مرحبا",
    "こんにちは 🌍",
]


@pytest.mark.parametrize("title", TITLES)
@pytest.mark.parametrize("searchable", [True, False])
def test_the_title_comes_back_unchanged(title, searchable):
    page = generated_page(title, "# Body\n", searchable=searchable)
    _, front, body = page.split("---\n", 2)
    meta = yaml.safe_load(front)
    assert meta["title"] == title
    assert ("search" in meta) is not searchable
    if not searchable:
        assert meta["search"] == {"exclude": True}
    assert body == "\n# Body\n"
