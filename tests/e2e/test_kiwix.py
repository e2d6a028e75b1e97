"""The bundles' ZIM files served by Debian's ``kiwix-serve``, as a Kiwix hotspot serves them to
every phone in a room, opened in Chromium: home, an activity and the catalogue are styled,
links and pictures load, a filter, both searches (ours and Kiwix's box), the reflection
prompts, the journal and printing work, axe finds nothing serious, and no request leaves the
server. Phone-width screenshots go to ``build/screenshots/kiwix-*.png``.

kiwix-serve (package ``kiwix-tools``) is installed by ``scripts/setup --test``; it listens on
127.0.0.1 on a free port and is stopped at the end of the module.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from .conftest import RECORDER, Recorder
from .support import PHONE, SCREENSHOTS, facet_values, in_bundle, open_search
from .test_accessibility import report, run_axe
from .test_print import pdf_pages

pytestmark = pytest.mark.browser

KIWIX_SERVE = shutil.which("kiwix-serve") or "/usr/bin/kiwix-serve"
SERVED = ("families-es", "full-en")
WORDS = {"families-es": "agua", "full-en": "water"}
PRIMARY = "rgb(154, 52, 18)"  # --md-primary-fg-color in theme/assets/mochila/mochila.css


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def kiwix_server(sample_build) -> Iterator[tuple[str, dict[str, str]]]:
    """kiwix-serve's root URL and ``{bundle name: URL of its book, ending in '/'}``."""
    if not shutil.which(KIWIX_SERVE):
        pytest.skip("kiwix-serve is not installed (scripts/setup --test installs kiwix-tools)")
    zims = {name: sample_build.bundles / f"{sample_build.bundle_top(name)}.zim" for name in SERVED}
    port = _free_port()
    root = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [KIWIX_SERVE, "--address=127.0.0.1", f"--port={port}", *map(str, zims.values())],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        catalogue = ""
        deadline = time.monotonic() + 20
        while not catalogue:
            try:
                with urllib.request.urlopen(f"{root}/catalog/v2/entries", timeout=2) as answer:
                    catalogue = answer.read().decode("utf-8")
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"kiwix-serve did not start (exit status {server.poll()})")
                time.sleep(0.2)
        # Each book's address is in the OPDS catalogue (its form changed between versions).
        books = {}
        for entry in re.findall(r"<entry>(.*?)</entry>", catalogue, re.S):
            flavour = re.search(r"<flavour>(.*?)</flavour>", entry)
            link = re.search(r'<link type="text/html" href="([^"]+)"', entry)
            if flavour and link:
                books[flavour.group(1)] = root + link.group(1).rstrip("/") + "/"
        assert set(books) == set(SERVED), catalogue
        yield f"{root}/", books
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def kiwix(kiwix_server) -> dict[str, str]:
    return kiwix_server[1]


@pytest.fixture(autouse=True)
def recorder(request, kiwix_server) -> Recorder:
    """This module's pages come from kiwix-serve alone: any other request fails the test."""
    rec = Recorder((kiwix_server[0],))
    request.node.stash[RECORDER] = rec
    return rec


def _held(sample_build, sample_activities, name: str) -> list:
    bundle = next(b for b in sample_build.project.bundles() if b["name"] == name)
    return [a for a in sample_activities if in_bundle(a, bundle)]


@pytest.fixture(scope="module")
def screenshots():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


def _styled(page) -> None:
    header = page.locator(".md-header")
    expect(header).to_be_visible()
    assert header.evaluate("el => getComputedStyle(el).backgroundColor") == PRIMARY
    # Kiwix's toolbar sits above our header, not over it (theme/assets/mochila/mochila.css).
    toolbar = page.locator("#kiwixtoolbar")
    if toolbar.count():
        bar, head = toolbar.bounding_box(), header.bounding_box()
        assert bar["y"] + bar["height"] <= head["y"] + 1, (bar, head)


@pytest.mark.parametrize("name", SERVED)
def test_home_activity_and_catalogue_are_styled_and_linked(
    new_context, kiwix, sample_build, sample_activities, screenshots, name
):
    held = _held(sample_build, sample_activities, name)
    page = new_context(viewport=PHONE).new_page()
    page.goto(kiwix[name])  # the book's address opens its main entry, the home page
    assert page.url.endswith("/index.html") or page.url == kiwix[name]
    expect(page.locator(".md-content h1")).to_be_visible()
    _styled(page)
    page.screenshot(path=screenshots / f"kiwix-{name}-phone-home.png")

    page.locator('label.md-header__button[for="__drawer"]').click()
    page.locator(".md-nav--primary a.md-nav__link[href='catalogue.html']").first.click()
    expect(page).to_have_url(re.compile(r"/catalogue\.html$"))
    cards = page.locator(".mochila-cards__item:visible")
    expect(cards).to_have_count(len(held))
    _styled(page)
    page.screenshot(path=screenshots / f"kiwix-{name}-phone-catalogue.png")

    first = cards.first.locator("a").first
    title = first.inner_text().strip()
    first.click()
    expect(page).to_have_url(re.compile(r"/activities/[^/]+\.html$"))
    expect(page.locator(".md-content h1")).to_have_text(title)
    expect(page.locator(".mochila-card")).to_be_visible()
    _styled(page)
    page.screenshot(path=screenshots / f"kiwix-{name}-phone-activity.png", full_page=True)

    # An activity with a picture: it loads from the ZIM.
    pictured = next(a for a in held if a.slug == "seed-planting")
    page.goto(kiwix[name] + pictured.page)
    image = page.locator(".md-content img").first
    expect(image).to_be_visible()
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")


@pytest.mark.parametrize("name", SERVED)
def test_a_filter_works(new_context, kiwix, sample_build, sample_activities, screenshots, name):
    held = _held(sample_build, sample_activities, name)
    page = new_context(viewport=PHONE).new_page()
    page.goto(kiwix[name] + "catalogue.html")
    page.locator(".mochila-filters__toggle").click()
    page.locator('input[name="age"][value="0-11"]').check()
    page.mouse.move(4, PHONE["height"] - 4)  # no hover colour on the toggle in the picture
    expected = [a for a in held if "0-11" in facet_values(a)["age"]]
    assert 0 < len(expected) < len(held)
    expect(page.locator(".mochila-cards__item:visible")).to_have_count(len(expected))
    page.screenshot(path=screenshots / f"kiwix-{name}-phone-filter.png")


@pytest.mark.parametrize("name", SERVED)
def test_our_search_and_kiwix_search_box_find_activities(
    new_context, kiwix_server, kiwix, recorder, screenshots, name
):
    page = new_context(viewport=PHONE).new_page()
    page.goto(kiwix[name] + "index.html")
    open_search(page).press_sequentially(WORDS[name])
    results = page.locator(".mochila-search__item")
    expect(results.first).to_be_visible()
    page.screenshot(path=screenshots / f"kiwix-{name}-phone-search.png")
    results.first.locator(".mochila-search__link").first.click()
    expect(page.locator(".md-content h1")).to_be_visible()
    assert page.url.startswith(kiwix[name])

    # Kiwix's own box searches the ZIM's full-text index: type in it and press Enter.
    page.goto(kiwix[name] + "index.html")
    page.locator("#kiwixsearchbox").fill(WORDS[name])
    page.locator("#kiwixsearchbox").press("Enter")
    expect(page).to_have_url(re.compile(r"/search\?"))
    found = page.locator("a[href*='/activities/water-play.html']")
    expect(found.first).to_be_visible()
    found.first.click()
    expect(page.locator(".md-content h1")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/activities/water-play\.html$"))
    # Kiwix's own results page (not one of ours) names no icon, so Chromium asks the server
    # for /favicon.ico, which kiwix-serve does not have: that one 404 is Kiwix's.
    kiwix_icon = f"{kiwix_server[0]}favicon.ico"
    recorder.problems[:] = [p for p in recorder.problems if kiwix_icon not in p]


def test_reflection_prompts_journal_and_print(new_context, kiwix):
    name = "families-es"
    page = new_context().new_page()
    page.goto(kiwix[name] + "activities/water-play.html")
    box = page.locator('.mochila-prompt[data-mochila-prompt="before-1"] textarea')
    box.fill("Jugamos con agua en el patio.")
    box.blur()
    status = page.locator('.mochila-prompt[data-mochila-prompt="before-1"] .mochila-prompt__status')
    expect(status).not_to_be_empty()
    page.reload()
    expect(box).to_have_value("Jugamos con agua en el patio.")

    page.emulate_media(media="print")
    expect(page.locator("#kiwixtoolbar")).to_be_hidden()
    expect(page.locator(".mochila-card")).to_be_visible()
    assert 1 <= pdf_pages(page.pdf(format="A4")) <= 2
    page.emulate_media(media="screen")

    page.goto(kiwix[name] + "my-reflections.html")
    expect(page.locator(".mochila-journal__answer")).to_have_text("Jugamos con agua en el patio.")


@pytest.fixture(scope="module")
def axe_source() -> str:
    import importlib.resources

    return (
        importlib.resources.files("axe_playwright_python")
        .joinpath("axe.min.js")
        .read_text(encoding="utf-8")
    )


@pytest.mark.parametrize("path", ["index.html", "activities/water-play.html", "catalogue.html"])
@pytest.mark.parametrize("name", SERVED)
def test_no_serious_axe_violations(page, kiwix, axe_source, name, path):
    page.goto(kiwix[name] + path)
    expect(page.locator(".md-content h1")).to_be_visible()
    violations = run_axe(page, axe_source)
    assert violations == [], report(violations)
