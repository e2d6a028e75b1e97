"""Copies of Material's templates differ from the installed Material only as documented.

Why: ``theme/`` copies a few of Material 9.8.1's templates to change a few lines each (the
header's language switcher and search box, the search dialog's name, the navigation rendered
once per folder). When Material changes those files, the copies silently keep the old version.
Each copy is compared with the installed Material's file; the only difference allowed is the one
recorded in ``material_copies/<name>.diff`` (a unified diff without context). After upgrading
Material: re-copy the file, re-apply the change, and update the recorded diff with
``python tests/plugins/test_material_copies.py --record``.
"""

from __future__ import annotations

import difflib
import re
import sys
from importlib.resources import files
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
RECORDED = Path(__file__).with_name("material_copies")
MATERIAL = Path(str(files("material") / "templates"))
SITE_NAV = re.compile(r"\{% block site_nav %\}.*?\{% endblock %\}", re.S)


def _site_nav(text: str) -> str:
    match = SITE_NAV.search(text)
    assert match, "no site_nav block"
    return match.group(0)


# name -> (Material's text, our text)
COPIES = {
    "header.html": lambda: (
        (MATERIAL / "partials" / "header.html").read_text(encoding="utf-8"),
        (REPO / "theme" / "partials" / "header.html").read_text(encoding="utf-8"),
    ),
    "search.html": lambda: (
        (MATERIAL / "partials" / "search.html").read_text(encoding="utf-8"),
        (REPO / "theme" / "partials" / "search.html").read_text(encoding="utf-8"),
    ),
    "main.html-site_nav": lambda: (
        _site_nav((MATERIAL / "base.html").read_text(encoding="utf-8")),
        _site_nav((REPO / "theme" / "main.html").read_text(encoding="utf-8")),
    ),
}


def _diff(name: str) -> str:
    # Indentation is not compared: the copied block sits at another depth in main.html.
    theirs, ours = ([line.strip() for line in text.splitlines()] for text in COPIES[name]())
    lines = difflib.unified_diff(theirs, ours, "material", "mochila", n=0, lineterm="")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("name", sorted(COPIES))
def test_a_copy_differs_from_material_only_as_recorded(name):
    recorded = (RECORDED / f"{name}.diff").read_text(encoding="utf-8")
    assert recorded.strip(), "an empty record would allow nothing to be checked"
    assert _diff(name) == recorded, (
        f"theme's copy of {name} no longer differs from the installed Material only as "
        f"recorded in {RECORDED.name}/{name}.diff: re-copy it from Material and re-apply the change"
    )


def test_every_copy_says_it_is_one():
    for path in (REPO / "theme" / "partials").glob("*.html"):
        text = path.read_text(encoding="utf-8")
        if "Copy of Material" in text:
            assert path.name in COPIES, f"{path.name} is a copy of Material's but is not compared"


if __name__ == "__main__" and sys.argv[1:] == ["--record"]:
    RECORDED.mkdir(exist_ok=True)
    for name in COPIES:
        (RECORDED / f"{name}.diff").write_text(_diff(name), encoding="utf-8")
