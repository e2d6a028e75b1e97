"""Search in every language of a site (issue 14): Japanese without spaces, and Quechua, which
neither Material nor Mochila translates (UI strings fall back to English, no stemmer).

A site with English, Japanese and Quechua is built for real; each language's site is opened
from file:// in Chromium and searched through the header's box.
"""

from __future__ import annotations

import pytest
from chromium_launch import CHROMIUM, CHROMIUM_ARGS, missing_chromium_reason

from mochila.commands.orchestrate import build_everything
from mochila.commands.project import load_project

playwright_sync = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(missing_chromium_reason() is not None, reason="no Chromium")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from conftest import make_project

    root = tmp_path_factory.mktemp("languages")
    project = make_project(root / "project")
    config = project.config
    config.write_text(
        # Site languages en, ja, qu; the bundles (the last plugin) default to one per language.
        config.read_text(encoding="utf-8")
        .replace("languages: [en, es]", "languages: [en, ja, qu]")
        .split("  - mochila/bundles:")[0]
        + "  - mochila/bundles\n",
        encoding="utf-8",
    )
    (project.content / "index.es.md").unlink()
    project.write("index.ja.md", "---\ntitle: ホーム\n---\n\nようこそ。\n")
    project.write("index.qu.md", "---\ntitle: Qallariy\n---\n\nAllinllachu.\n")
    project.activity("water-play.md", body="Pour water into cups.\n")
    project.activity(
        "water-play.ja.md",
        title="水あそび",
        summary="赤ちゃんがコップに水を注ぎます。",
        body="水をコップに注いで、ゆっくりと遊びましょう。\n",
    )
    project.activity(
        "water-play.qu.md",
        title="Yakuwan pukllay",
        summary="Wawakuna yakuta hich'anku.",
        body="Wawakunawan yakuta qhawarispa pukllanku.\n",
    )
    project.activity("sand-play.md", id="sand-play", title="Sand play", body="Dig.\n")
    project.activity(
        "sand-play.ja.md", id="sand-play", title="砂あそび", summary="砂をほります。", body="砂。\n"
    )
    project.activity(
        "sand-play.qu.md",
        id="sand-play",
        title="Aqu pukllay",
        summary="Aquta allanku.",
        body="Aqu.\n",
    )
    build_everything(
        load_project(config), root / "out", bundles=False, echo=lambda _: None, workers=1
    )
    return root / "out" / "site"


@pytest.fixture(scope="module")
def page():
    with playwright_sync.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context()
        requests: list[str] = []
        context.on("request", lambda r: requests.append(r.url))
        yield context.new_page()
        assert [u for u in requests if not u.startswith("file://")] == []
        browser.close()


def results(page, url: str, query: str) -> list[str]:
    page.goto(url)
    page.locator('header input[type="search"]').fill(query)
    page.wait_for_function(
        "(q) => document.querySelector('form[data-mochila-search]').dataset.shown === q", arg=query
    )
    return page.locator(".mochila-search__title").all_inner_texts()


@pytest.mark.parametrize(
    ("query", "title"),
    [("水", "水あそび"), ("コップ", "水あそび"), ("注いで", "水あそび"), ("ほり", "砂あそび")],
)
def test_japanese_is_found_without_spaces(site, page, query, title):
    assert results(page, (site / "ja" / "index.html").as_uri(), query)[0] == title


def test_a_language_nobody_translates_is_searched_too(site, page):
    url = (site / "qu" / "index.html").as_uri()
    assert results(page, url, "wawakuna")[0] == "Yakuwan pukllay"
    assert results(page, url, "puklla") == ["Aqu pukllay", "Yakuwan pukllay"]
    assert results(page, url, "hich'anku") == ["Yakuwan pukllay"]
    box = page.locator('header input[type="search"]')
    assert box.get_attribute("aria-label") == "Search activities"  # English, the fallback
    assert page.evaluate("document.documentElement.lang") == "qu"
