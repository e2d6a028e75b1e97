"""Fixtures of the end-to-end tests: one build, a local web server, unzipped bundles, Chromium.

- ``sample_build`` (from ``tests/build_fixtures.py``): the sample content built once.
- ``site_server``: the website served by a threaded ``http.server`` on 127.0.0.1 (free port).
- ``usb_stick``: every bundle unzipped from its zip into one folder, side by side, as on a USB
  stick; bundles are opened from ``file://`` through their start page.
- ``editions``: what a reader opens (``site-en``, ``site-es``, ``full-en``, ``families-es``...),
  each with the activities it must hold, worked out from the front matter.
- ``pw``/``browser``: one Chromium per test module; ``new_context``/``page``: fresh contexts;
  ``profile``: a persistent profile that a test can close and launch again.
- ``firefox`` (from ``firefox_bidi.py``): one Debian Firefox per test module, for tests marked
  ``firefox``.

Every context a test opens is watched: a console error, an uncaught page error, a failed
request, an HTTP error status or a request to anything but ``file://`` or the local server
fails the test (in its call phase, so it is reported as a failure, not as an error).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import importlib.util
import sys
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import build_fixtures
import pytest
from chromium_launch import missing_chromium_reason

from .firefox_bidi import missing_firefox_reason
from .support import CHROMIUM, CHROMIUM_ARGS, DESKTOP, START_PAGES, Edition, in_bundle

sample_project = build_fixtures.sample_project
sample_build = build_fixtures.sample_build
sample_activities = build_fixtures.sample_activities


def pytest_collection_modifyitems(items):
    """Skip (as tests/js/test_theme_js.py does) where the browser a test needs is missing:
    Chromium and Playwright, or Firefox for tests marked ``firefox``. In CI nothing is
    skipped: a missing browser fails its tests."""
    chromium = missing_chromium_reason()
    if chromium is None and importlib.util.find_spec("playwright") is None:
        chromium = "Playwright is not installed"
    firefox = missing_firefox_reason()
    here = Path(__file__).parent
    for item in items:
        if here not in item.path.parents:
            continue
        reason = firefox if item.get_closest_marker("firefox") else chromium
        if reason is not None:
            item.add_marker(pytest.mark.skip(reason=reason))


# --------------------------------------------------------------------------- what is served


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # the base class names it "format"
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # The browser hangs up on responses it no longer wants when a test moves on.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve_folder(folder: Path, name: str) -> Iterator[str]:
    """Serve ``folder`` over HTTP from a thread; yield its base URL (``http://127.0.0.1:PORT/``)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name=name, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def site_server(sample_build) -> Iterator[str]:
    """The base URL of the built website, served from a thread."""
    with serve_folder(sample_build.site, "e2e-site") as url:
        yield url


@pytest.fixture(scope="session")
def usb_stick(sample_build, tmp_path_factory) -> Path:
    """A folder holding every bundle, each extracted from its zip (read only: copy to modify)."""
    stick = tmp_path_factory.mktemp("usb-stick")
    zips = sorted(sample_build.bundles.glob("mochila-*.zip"))
    assert zips, f"no bundle zip in {sample_build.bundles}"
    for path in zips:
        with zipfile.ZipFile(path) as archive:
            archive.extractall(stick)
    return stick


@pytest.fixture(scope="session")
def editions(sample_build, sample_activities, site_server, usb_stick) -> dict[str, Edition]:
    """Every edition by name: ``site-<lang>`` and one per declared bundle."""
    result = {}
    for lang in build_fixtures.LANGUAGES:
        base = site_server if lang == build_fixtures.LANGUAGES[0] else f"{site_server}{lang}/"
        held = tuple(a for a in sample_activities if a.lang == lang and a.is_public)
        result[f"site-{lang}"] = Edition("site", f"site-{lang}", lang, base, base, held)
    for bundle in sample_build.project.bundles():
        folder = usb_stick / sample_build.bundle_top(bundle["name"])
        start = folder / START_PAGES[bundle["language"]]
        assert start.is_file(), f"{start} missing from the zip"
        held = tuple(a for a in sample_activities if in_bundle(a, bundle))
        result[bundle["name"]] = Edition(
            "bundle",
            bundle["name"],
            bundle["language"],
            folder.as_uri() + "/",
            start.as_uri(),
            held,
        )
    return result


# ------------------------------------------------------------------------ watching the browser


class Recorder:
    """Every request, console error, page error and failed load of the contexts it watches."""

    def __init__(self, allowed: tuple[str, ...]):
        self.allowed = allowed
        self.requests: list[str] = []
        self.problems: list[str] = []
        self.sources: list[Callable[[], list[str]]] = []

    def add_source(self, collect: Callable[[], list[str]]) -> None:
        """Also report, when checked, the problems ``collect()`` returns (from a browser that
        Playwright does not drive, such as Firefox)."""
        self.sources.append(collect)

    def watch(self, context) -> None:
        context.on("request", self._request)
        context.on("requestfailed", self._failed)
        context.on("response", self._response)
        context.on("console", self._console)
        context.on("weberror", lambda error: self.problems.append(f"page error: {error.error}"))

    def _request(self, request) -> None:
        url = request.url
        self.requests.append(url)
        if url.startswith(("data:", "about:")):
            return
        target = url[len("blob:") :] if url.startswith("blob:") else url
        if target.startswith("null/"):  # a blob made by a file:// page
            return
        if not target.startswith(self.allowed):
            self.problems.append(f"request outside file:// and the local server: {url}")

    def _failed(self, request) -> None:
        failure = request.failure or ""
        # Leaving a page cancels what it was still loading (the search worker's scripts), and
        # a download from a blob: link aborts the navigation it would have been. Requests to
        # other places are already reported by _request.
        if "ERR_ABORTED" in failure:
            return
        self.problems.append(f"request failed: {request.url} ({failure})")

    def _response(self, response) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def _console(self, message) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text} at {message.location}")

    def check(self) -> None:
        for collect in self.sources:
            self.problems.extend(collect())
        assert self.problems == [], "the browser reported:\n" + "\n".join(self.problems)


RECORDER = pytest.StashKey[Recorder]()


@pytest.fixture(autouse=True)
def recorder(request, site_server) -> Recorder:
    """This test's recorder; checked right after the test body runs."""
    rec = Recorder(("file://", site_server))
    request.node.stash[RECORDER] = rec
    return rec


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    rec = item.stash.get(RECORDER, None)
    if rec is not None:
        rec.check()
    return result


# ------------------------------------------------------------------------------- browsers


@pytest.fixture(scope="module")
def pw():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="module")
def browser(pw):
    browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def new_context(browser, recorder) -> Iterator[Callable[..., object]]:
    """``new_context(**options)``: a fresh, watched browser context (closed after the test)."""
    opened = []

    def make(**options):
        options.setdefault("viewport", DESKTOP)
        options.setdefault("accept_downloads", True)
        options.setdefault("locale", "en-GB")
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        recorder.watch(context)
        opened.append(context)
        return context

    yield make
    for context in opened:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context().new_page()


class Profile:
    """A browser profile folder that survives closing the browser, as a reader's does."""

    def __init__(self, pw, folder: Path, recorder: Recorder):
        self.pw = pw
        self.folder = folder
        self.recorder = recorder
        self.context = None

    def launch(self, **options):
        """Start Chromium on this profile; returns its (watched) context."""
        assert self.context is None, "close the browser before launching it again"
        options.setdefault("viewport", DESKTOP)
        options.setdefault("accept_downloads", True)
        options.setdefault("locale", "en-GB")
        self.context = self.pw.chromium.launch_persistent_context(
            str(self.folder),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            **options,
        )
        self.context.set_default_timeout(10_000)
        self.recorder.watch(self.context)
        return self.context

    def page(self):
        """The launched browser's first tab."""
        pages = self.context.pages
        return pages[0] if pages else self.context.new_page()

    def close(self) -> None:
        if self.context is not None:
            self.context.close()
            self.context = None


@pytest.fixture
def profile(pw, tmp_path, recorder) -> Iterator[Profile]:
    """A persistent Chromium profile in ``tmp_path``; ``launch()``, ``close()``, launch again."""
    folder = tmp_path / "profile"
    folder.mkdir()
    prof = Profile(pw, folder, recorder)
    yield prof
    prof.close()
