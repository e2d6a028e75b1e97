"""A real corpus written by another organisation builds into a website and six bundles.

``/work/shared/corpora/rpf-projects`` (its README says what is in it): 100 Raspberry Pi
Foundation project pages in en es fr ar hi ja, with 916 external links, an attribution page
the licence requires, right-to-left text and long pages. It is copied (never changed) into a
project like the repository's (``build_fixtures.corpus_project``), with those six languages
and one ``full-<lang>`` bundle per language, and built once per session, as ``mochila build``
would.
"""

from __future__ import annotations

import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import build_fixtures
import pytest
from build_fixtures import SampleBuild, parse_html

CORPUS = build_fixtures.CORPORA / "rpf-projects"
LANGUAGES = ("en", "es", "fr", "ar", "hi", "ja")
# From the corpus README ("Checks for the team", 1).
ACTIVITIES = {"en": 26, "es": 17, "fr": 22, "ar": 13, "hi": 12, "ja": 10}
REMOTE = re.compile(r"\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)

corpus_build = build_fixtures.corpus_build
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def rpf_build(corpus_build) -> SampleBuild:
    build = corpus_build(CORPUS)
    plugins = build.project.config()["plugins"]
    options = next(p["mochila/activities"] for p in plugins if "mochila/activities" in p)
    assert options["languages"][0] == "en" and sorted(options["languages"]) == sorted(LANGUAGES)
    return build


def language_site(build: SampleBuild, lang: str) -> Path:
    return build.site if lang == LANGUAGES[0] else build.site / lang


def test_six_websites_with_every_activity_of_their_language(rpf_build):
    for lang, count in ACTIVITIES.items():
        catalogue = parse_html((language_site(rpf_build, lang) / "catalogue.html").read_text())
        assert len(catalogue.find_all("li", cls="mochila-cards__item")) == count, lang


def test_six_bundles_with_every_activity_of_their_language(rpf_build):
    zips = sorted(path.name for path in rpf_build.bundles.glob("*.zip"))
    assert zips == sorted(f"{rpf_build.bundle_top(f'full-{lang}')}.zip" for lang in LANGUAGES)
    for lang, count in ACTIVITIES.items():
        name = f"full-{lang}"
        with zipfile.ZipFile(rpf_build.bundle_zip(name)) as archive:
            manifest = json.loads(archive.read(f"{rpf_build.bundle_top(name)}/manifest.json"))
        assert manifest["language"] == lang
        assert len(manifest["activities"]) == count, lang


class RemoteAddresses(HTMLParser):
    """Every attribute of a page that links to or loads from another machine."""

    ATTRIBUTES = ("href", "src", "srcset", "poster", "data", "action")

    def __init__(self, html: str) -> None:
        super().__init__()
        self.found: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            candidates = (value or "").split(",") if name == "srcset" else [value or ""]
            if name in self.ATTRIBUTES and any(REMOTE.match(c) for c in candidates):
                self.found.append(f"<{tag} {name}={value}>")

    handle_startendtag = handle_starttag


def test_no_bundle_page_links_or_loads_from_the_web(rpf_build):
    pages = 0
    for path in sorted(rpf_build.bundles.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.endswith(".html"):
                    pages += 1
                    found = RemoteAddresses(archive.read(name).decode("utf-8")).found
                    assert not found, f"{name}: {found[:3]}"
    assert pages > 300


def test_the_attribution_page_keeps_its_links_online_and_says_where_they_go_offline(rpf_build):
    licence = "https://creativecommons.org/licenses/by-sa/4.0/"
    online = parse_html((rpf_build.site / "ATTRIBUTION.html").read_text(encoding="utf-8"))
    assert licence in [a.get("href") for a in online.find_all("a")]
    with zipfile.ZipFile(rpf_build.bundle_zip("full-ar")) as archive:
        top = rpf_build.bundle_top("full-ar")
        offline = parse_html(archive.read(f"{top}/ATTRIBUTION.html").decode("utf-8"))
        hello = parse_html(archive.read(f"{top}/activities/hello-world.html").decode("utf-8"))
    assert "creativecommons.org/licenses/by-sa/4.0" in offline.find("article").text()
    addresses = hello.find_all("bdi", cls="mochila-address")
    assert addresses and all(a.get("dir") == "ltr" for a in addresses)


def test_the_build_reports_no_error(rpf_build):
    assert not [m for m in rpf_build.messages if re.search(r"\berror\b", m, re.I)]
