"""Language names and directions from CLDR (plugins/cldr.py): the project's own words win."""

from __future__ import annotations

import pytest

from mochila.plugins.cldr import describe


@pytest.mark.parametrize(
    ("code", "name", "direction"),
    [
        ("en", "English", "ltr"),
        ("es", "Español", "ltr"),
        ("de", "Deutsch", "ltr"),
        ("fr", "Français", "ltr"),
        ("mi", "Māori", "ltr"),
        ("qu", "Runasimi", "ltr"),
        ("sw", "Kiswahili", "ltr"),
        ("zh", "中文", "ltr"),
        ("ja", "日本語", "ltr"),
        ("ar", "العربية", "rtl"),
        ("he", "עברית", "rtl"),
        ("fa", "فارسی", "rtl"),
        ("ur", "اردو", "rtl"),
        ("pt-BR", "Português (Brasil)", "ltr"),
    ],
)
def test_each_language_in_its_own_name(code, name, direction):
    language = describe(code)
    assert (language.menu_name, language.direction, language.known) == (name, direction, True)


def test_the_project_names_a_language_cldr_does_not_know():
    assert describe("xq").known is False
    assert describe("xq").menu_name == "xq"
    own = describe("xq", "Xaqish", "rtl")
    assert (own.menu_name, own.direction, own.known) == ("Xaqish", "rtl", True)
    assert describe("es", "Castellano").menu_name == "Castellano"
