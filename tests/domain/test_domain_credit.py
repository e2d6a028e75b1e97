"""Licence names and leading titles: what readers see on every activity page.

Why: a Creative Commons licence must be named and given with its address wherever the work is
republished; an id typed in any of the usual ways must read the same. A body that repeats its
title as a heading must not show two titles.
"""

from __future__ import annotations

import pytest

from mochila.domain.licences import read_licence
from mochila.domain.titles import drop_leading_title

BY_SA = "https://creativecommons.org/licenses/by-sa/4.0/"


@pytest.mark.parametrize(
    "written", ["CC-BY-SA-4.0", "CC BY-SA 4.0", "cc by-sa 4.0", "CC_BY_SA_4.0"]
)
def test_the_usual_ways_of_writing_a_cc_licence_read_the_same(written):
    licence = read_licence(written)
    assert licence.short == "CC BY-SA 4.0"
    assert licence.name == "Creative Commons Attribution-ShareAlike 4.0 International"
    assert licence.url == BY_SA
    assert licence.url_text == "creativecommons.org/licenses/by-sa/4.0"
    assert licence.written == written


@pytest.mark.parametrize(
    ("written", "short", "name"),
    [
        ("CC-BY-4.0", "CC BY 4.0", "Creative Commons Attribution 4.0 International"),
        (
            "CC BY-NC-SA 3.0",
            "CC BY-NC-SA 3.0",
            "Creative Commons Attribution-NonCommercial-ShareAlike 3.0 Unported",
        ),
        ("CC0-1.0", "CC0 1.0", "CC0 1.0 Universal"),
    ],
)
def test_other_licences(written, short, name):
    licence = read_licence(written)
    assert (licence.short, licence.name, licence.is_known) == (short, name, True)


@pytest.mark.parametrize("written", ["All rights reserved", "CC BY-SA", "CC-BY-SA-9.0"])
def test_a_licence_we_do_not_know_is_shown_as_written_without_a_guessed_address(written):
    licence = read_licence(written)
    assert (licence.short, licence.name, licence.url) == (written, written, "")


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("# Water play\n\nPour water.", "\nPour water."),
        ("\n\n# Water play {#top}\nPour water.", "Pour water."),
        ("Water play\n==========\nPour water.", "Pour water."),
        ("## Steps\n\nPour.", "## Steps\n\nPour."),
        ("Pour water.\n\n# Later heading", "Pour water.\n\n# Later heading"),
        ("#hashtag is not a heading", "#hashtag is not a heading"),
        ("    # code, indented\n", "    # code, indented\n"),
    ],
)
def test_a_body_loses_only_the_heading_it_starts_with(markdown, expected):
    assert drop_leading_title(markdown) == expected
