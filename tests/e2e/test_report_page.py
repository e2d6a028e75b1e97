"""The coverage report (``mochila report``) as a coordinator opens it: from ``file://``, with
no request (the fixtures fail the test on any), readable without colour, printable on A4."""

from __future__ import annotations

import re

import pytest

from mochila.commands.project import load_project
from mochila.commands.report import make_report, write_report

from .support import file_url
from .test_print import pdf_pages

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def report_page(sample_project, sample_build, tmp_path_factory):
    report = make_report(load_project(sample_project.config_file), sample_build.output)
    written = write_report(report, tmp_path_factory.mktemp("report"))
    return report, written.html


def _luminance(colour: str) -> float:
    red, green, blue = (int(x) / 255 for x in re.findall(r"\d+", colour)[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def test_report_opens_offline_and_shows_every_heatmap(page, report_page):
    report, html = report_page
    page.goto(file_url(html))
    assert page.locator("h1").inner_text().startswith("Coverage report")
    maps = page.locator("svg.heatmap")
    assert maps.count() == 2 + len(report["editions"])
    first = report["heatmaps"]["age_area"]
    drawn = maps.first.evaluate("svg => svg.textContent").replace(" ", "")
    for label in [c["label"] for c in first["columns"]] + [r["label"] for r in first["rows"]]:
        assert label.replace(" ", "") in drawn  # wrapped labels are drawn line by line
    # No part of the page needs a sideways scroll on a laptop.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_shades_get_darker_with_the_count_so_greyscale_keeps_the_order(page, report_page):
    _, html = report_page
    page.goto(file_url(html))
    cells = page.evaluate(
        """() => [...document.querySelectorAll('svg.heatmap')].flatMap(svg =>
            [...svg.querySelectorAll('rect')].map(rect => ({
                fill: getComputedStyle(rect).fill,
                count: Number(rect.nextElementSibling.textContent),
                peak: Math.max(...[...svg.querySelectorAll('rect')].map(
                    r => Number(r.nextElementSibling.textContent))),
            })))"""
    )
    assert len(cells) > 50
    by_share = sorted(cells, key=lambda c: c["count"] / max(c["peak"], 1))
    shades = [_luminance(c["fill"]) for c in by_share]
    assert shades == sorted(shades, reverse=True)  # more is darker, always
    assert max(shades) - min(shades) > 0.5  # and the range is wide enough to tell apart


def test_report_prints_on_a4(page, report_page):
    _, html = report_page
    page.goto(file_url(html))
    page.emulate_media(media="print")
    assert page.evaluate(
        "[...document.querySelectorAll('svg.heatmap')].every("
        "s => s.getBoundingClientRect().right <= document.documentElement.clientWidth)"
    )
    pages = pdf_pages(page.pdf(format="A4"))
    assert 1 <= pages <= 8
