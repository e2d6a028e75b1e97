"""A small driver for Debian's Firefox (``firefox-esr``) through its built-in WebDriver BiDi.

Why: readers open a USB bundle in whatever browser the laptop has, often Firefox. Playwright
drives only its own patched Firefox builds, which cannot be downloaded here, and not Debian's.
Firefox itself speaks the W3C WebDriver BiDi protocol (JSON over a WebSocket) when started with
``--remote-debugging-port``, so this module talks to it directly with the ``websockets`` package:
no geckodriver, no Selenium.

What it offers is just what the journeys need, in Playwright's spirit:

- ``Firefox(profile)``: one ``firefox-esr --headless`` process on a profile folder and its BiDi
  session. ``close()`` quits it the way a reader does (stored data is written to the profile),
  ``start()`` again opens the same profile. ``new_user_context()`` gives a fresh, isolated set
  of cookies and storage (like a Playwright context) without a new process.
- ``Tab``: ``goto`` (waits for the load event), ``click`` (and, if it opens a page, waits for
  that page to load) and ``type`` (real pointer and key events through
  ``input.performActions``, so the page sees ``input``, ``blur``... as from a person),
  ``evaluate``, ``wait_for`` (polls an expression until it is truthy, or until a Python
  check of its value holds), ``set_viewport`` and ``screenshot``.
- Everything the browser reports that a test must not ignore lands in ``Firefox.problems``: a
  console error or uncaught exception (``log.entryAdded``), and any request to something other
  than a local file (``network.beforeRequestSent``). ``flush()`` makes sure every event sent
  before it has been read.

Nothing leaves the machine: the profile's ``user.js`` turns off updates, telemetry, studies,
safe browsing, remote settings and captive-portal checks, and sends any http(s) request that
is not to this machine to a proxy port where nothing listens.

The protocol is synchronous here: ``command()`` sends one message and reads until its answer
arrives, handling the events that come in between. Events arriving while no command runs wait
in the socket until the next one.
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

FIREFOX = "/usr/bin/firefox-esr"
TIMEOUT = 10.0  # seconds, for a command, a page load or a wait_for
STARTUP = 60.0  # seconds for Firefox to start and open a session: slow on a busy machine

# Where a request may go: local files and what a page makes itself. Anything else (http,
# https, ws...) is a request leaving the reader's laptop.
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")

LEAVING = "__firefoxBidiLeaving"  # set on a page that a click is about to leave

# WebDriver's codes for keys that are not characters (W3C WebDriver, "Keyboard actions").
KEYS = {"\n": "\ue007", "Enter": "\ue007", "Tab": "\ue004", "Escape": "\ue00c"}

# user.js of every profile. The remote agent adds its own "recommended" testing prefs; these
# make sure the browser itself stays quiet and offline, whatever its version defaults to.
PREFS: dict[str, bool | int | str] = {
    # No first-run pages, default-browser question or session restore.
    "browser.shell.checkDefaultBrowser": False,
    "browser.startup.homepage_override.mstone": "ignore",
    "browser.startup.page": 0,
    "browser.sessionstore.resume_from_crash": False,
    "browser.tabs.warnOnClose": False,
    "datareporting.policy.firstRunURL": "",
    "trailhead.firstrun.didSeeAboutWelcome": True,
    "browser.aboutwelcome.enabled": False,
    # Nothing phones home: updates, telemetry, studies, experiments, remote settings.
    "app.update.disabledForTesting": True,
    "app.update.auto": False,
    "app.normandy.enabled": False,
    "app.shield.optoutstudies.enabled": False,
    "messaging-system.rsexperimentloader.enabled": False,
    "nimbus.rsexperimentloader.enabled": False,
    "datareporting.healthreport.uploadEnabled": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "toolkit.telemetry.enabled": False,
    "toolkit.telemetry.unified": False,
    "toolkit.telemetry.archive.enabled": False,
    "toolkit.telemetry.server": "",
    "browser.ping-centre.telemetry": False,
    "browser.newtabpage.enabled": False,
    "browser.newtabpage.activity-stream.feeds.telemetry": False,
    "browser.newtabpage.activity-stream.telemetry": False,
    "browser.newtabpage.activity-stream.feeds.section.topstories": False,
    "browser.topsites.contile.enabled": False,
    "services.settings.server": "",
    "extensions.update.enabled": False,
    "extensions.getAddons.cache.enabled": False,
    "extensions.blocklist.enabled": False,
    "extensions.systemAddon.update.enabled": False,
    "media.gmp-manager.updateEnabled": False,
    "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False,
    "browser.safebrowsing.downloads.enabled": False,
    "browser.safebrowsing.downloads.remote.enabled": False,
    "browser.safebrowsing.blockedURIs.enabled": False,
    "browser.safebrowsing.provider.mozilla.updateURL": "",
    "browser.region.network.url": "",
    "browser.region.update.enabled": False,
    "browser.search.update": False,
    "geo.provider.network.url": "",
    "identity.fxaccounts.enabled": False,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "network.dns.disablePrefetch": True,
    "network.prefetch-next": False,
    "network.http.speculative-parallel-limit": 0,
    # Whatever is left goes to a port where nothing listens (9, "discard"): it fails at once
    # on this machine instead of reaching out. 127.0.0.1 itself is never proxied.
    "network.proxy.type": 1,
    "network.proxy.http": "127.0.0.1",
    "network.proxy.http_port": 9,
    "network.proxy.ssl": "127.0.0.1",
    "network.proxy.ssl_port": 9,
    "network.proxy.share_proxy_settings": True,
    "network.proxy.no_proxies_on": "",
    "network.proxy.allow_hijacking_localhost": False,
    "network.trr.mode": 5,  # no DNS over HTTPS
}


def missing_firefox_reason() -> str | None:
    """Why Firefox tests cannot run here, or None when they can (always None in CI, where a
    missing browser must fail the tests, not skip them)."""
    if Path(FIREFOX).exists() or os.environ.get("CI"):
        return None
    return f"Firefox not installed at {FIREFOX} (scripts/setup --test installs firefox-esr)"


class BidiError(Exception):
    """Firefox answered a command with an error, or did not answer in time."""


def write_prefs(profile: Path, extra: dict[str, bool | int | str] | None = None) -> None:
    """Write ``user.js`` (``PREFS`` and ``extra``) into ``profile``; Firefox reads it at every
    start."""
    prefs = {**PREFS, **(extra or {})}
    lines = [
        f"user_pref({json.dumps(name)}, {json.dumps(value)});" for name, value in prefs.items()
    ]
    (profile / "user.js").write_text("\n".join(lines) + "\n", encoding="utf-8")


def from_remote(value: dict[str, Any]) -> Any:
    """A BiDi remote value as Python data; DOM nodes stay ``{"sharedId": ...}`` references."""
    kind = value.get("type")
    if kind in ("undefined", "null"):
        return None
    if kind in ("string", "boolean"):
        return value["value"]
    if kind == "number":
        number = value["value"]
        return float(number) if isinstance(number, str) else number  # "NaN", "Infinity"...
    if kind in ("array", "set", "nodelist", "htmlcollection"):
        return [from_remote(item) for item in value.get("value", [])]
    if kind in ("object", "map"):
        return {
            key if isinstance(key, str) else from_remote(key): from_remote(item)
            for key, item in value.get("value", [])
        }
    if kind in ("node", "window") and "sharedId" in value:
        return {"sharedId": value["sharedId"]}
    return value


class Firefox:
    """One headless ``firefox-esr`` on one profile folder, driven over WebDriver BiDi."""

    def __init__(
        self,
        profile: Path,
        *,
        log: Path | None = None,
        prefs: dict[str, bool | int | str] | None = None,
    ):
        """``prefs``: settings on top of ``PREFS``, as a reader may have changed them."""
        self.profile = profile
        self.prefs = prefs or {}
        self.log = log or profile.with_name(profile.name + ".log")
        self.problems: list[str] = []  # console errors and requests leaving the machine
        self.requests: list[str] = []  # every request Firefox reported, but data: URLs
        self._process: subprocess.Popen[bytes] | None = None
        self._socket: ClientConnection | None = None
        self._ids = itertools.count(1)
        self._log_start = 0
        self._exits = contextlib.ExitStack()

    # ---------------------------------------------------------------- process and session

    def start(self) -> Firefox:
        """Launch Firefox on the profile and open a BiDi session (a fresh profile is made)."""
        if self._process is not None:
            raise RuntimeError("Firefox is already running: close() it first")
        self.profile.mkdir(parents=True, exist_ok=True)
        write_prefs(self.profile, self.prefs)
        self._log_start = self.log.stat().st_size if self.log.exists() else 0
        with self.log.open("ab") as log:
            self._process = subprocess.Popen(
                [FIREFOX, "--headless", "--no-remote", "--remote-debugging-port", "0"]
                + ["--profile", str(self.profile), "about:blank"],
                stdout=log,
                stderr=log,
                stdin=subprocess.DEVNULL,
                env={**os.environ, "MOZ_CRASHREPORTER_DISABLE": "1", "MOZ_HEADLESS": "1"},
            )
        try:
            url = self._wait_for_server()
            # proxy=None: never through an http(s)_proxy of the environment; max_size=None:
            # screenshots are megabytes of base64.
            self._exits = contextlib.ExitStack()
            self._socket = self._exits.enter_context(
                connect(url, proxy=None, max_size=None, open_timeout=STARTUP)
            )
            self.command("session.new", {"capabilities": {}}, timeout=STARTUP)
            self.command(
                "session.subscribe",
                {"events": ["log.entryAdded", "network.beforeRequestSent"]},
            )
        except BaseException:
            self._kill()  # never leave a Firefox running behind a failed start
            raise
        return self

    def _wait_for_server(self) -> str:
        """The session URL, once Firefox has said which port it listens on (it picks a free
        one: port 0 keeps parallel test runs from colliding)."""
        deadline = time.monotonic() + STARTUP
        pattern = re.compile(rb"WebDriver BiDi listening on (ws://[\d.]+:\d+)")
        while time.monotonic() < deadline:
            # The log is appended to across restarts: read only this start's lines.
            match = pattern.search(self.log.read_bytes()[self._log_start :])
            if match:
                return match.group(1).decode() + "/session"
            if self._process is not None and self._process.poll() is not None:
                break
            time.sleep(0.1)
        tail = self.log.read_text(errors="replace")[-2000:]
        raise BidiError(f"Firefox did not start its WebDriver BiDi server:\n{tail}")

    def close(self) -> None:
        """Quit Firefox as a reader would (so it writes stored data to the profile)."""
        if self._process is None:
            return
        try:
            if self._socket is not None:
                self.command("browser.close", {})
        except (BidiError, ConnectionClosed):
            pass  # Firefox may hang up before it answers; the wait below is what counts
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._kill()
        self._kill()

    def _kill(self) -> None:
        if self._socket is not None:
            self._exits.close()
            self._socket = None
        if self._process is not None:
            if self._process.poll() is None:
                self._process.kill()
                self._process.wait(timeout=10)
            self._process = None

    def restart(self) -> Firefox:
        self.close()
        return self.start()

    # ----------------------------------------------------------------------- the protocol

    def command(self, method: str, params: dict[str, Any], timeout: float = TIMEOUT) -> dict:
        """Send one command and return its result, handling the events that come first."""
        if self._socket is None:
            raise RuntimeError("Firefox is not running: start() it first")
        number = next(self._ids)
        self._socket.send(json.dumps({"id": number, "method": method, "params": params}))
        deadline = time.monotonic() + timeout
        while True:
            message = self._receive(deadline, f"{method} got no answer within {timeout:g} s")
            if message.get("id") == number:
                if message.get("type") == "error":
                    raise BidiError(f"{method}: {message.get('error')}: {message.get('message')}")
                return message.get("result", {})

    def _receive(self, deadline: float, what: str) -> dict[str, Any]:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise BidiError(what)
        try:
            raw = self._socket.recv(timeout=remaining)
        except TimeoutError:
            raise BidiError(what) from None
        message = json.loads(raw)
        if message.get("type") == "event":
            self._on_event(message["method"], message["params"])
        return message

    def _on_event(self, method: str, params: dict[str, Any]) -> None:
        if method == "log.entryAdded" and params.get("level") == "error":
            frames = (params.get("stackTrace") or {}).get("callFrames") or [{}]
            at = f" at {frames[0]['url']}" if frames[0].get("url") else ""
            self.problems.append(f"console error: {params.get('text')}{at}")
        elif method == "network.beforeRequestSent":
            url = params["request"]["url"]
            if not url.startswith("data:"):  # icons and fonts inlined in Material's CSS
                self.requests.append(url)
            if not url.startswith(LOCAL_SCHEMES):
                self.problems.append(f"request leaving the machine: {url}")

    def take_problems(self) -> list[str]:
        """The problems reported since the last call, after reading every pending event."""
        self.flush()
        taken, self.problems = self.problems, []
        return taken

    def flush(self) -> None:
        """Read every event Firefox sent so far (a round trip: events come in order)."""
        if self._socket is not None:
            self.command("session.status", {})

    # ------------------------------------------------------------------- tabs and storage

    def new_user_context(self) -> str:
        """A fresh user context (Firefox's container): its own storage, empty."""
        return self.command("browser.createUserContext", {})["userContext"]

    def remove_user_context(self, user_context: str) -> None:
        """Close a user context's tabs and forget its storage."""
        self.command("browser.removeUserContext", {"userContext": user_context})

    def new_tab(self, user_context: str | None = None) -> Tab:
        params: dict[str, Any] = {"type": "tab"}
        if user_context:
            params["userContext"] = user_context
        return Tab(self, self.command("browsingContext.create", params)["context"])

    def first_tab(self) -> Tab:
        """The tab Firefox opened at start (in the default user context)."""
        contexts = self.command("browsingContext.getTree", {"maxDepth": 0})["contexts"]
        return Tab(self, contexts[0]["context"])


class Tab:
    """One top-level browsing context (a tab) of a ``Firefox``."""

    def __init__(self, firefox: Firefox, context: str):
        self.firefox = firefox
        self.context = context

    def goto(self, url: str) -> None:
        """Open ``url`` and wait until its load event has fired."""
        self.evaluate(f"window.{LEAVING} = true")
        self.firefox.command(
            "browsingContext.navigate",
            {"context": self.context, "url": url, "wait": "complete"},
            timeout=TIMEOUT + 5,
        )
        # On a busy machine Firefox has been seen to answer before the new document was ready
        # (a script then found a box not yet filled in): wait for the new one, complete.
        self._wait_for_new_page(f"opening {url} did not finish", blank=url.startswith("about:"))

    @property
    def url(self) -> str:
        return self.evaluate("location.href")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (promises are awaited)."""
        result = self.firefox.command(
            "script.evaluate",
            {
                "expression": expression,
                "target": {"context": self.context},
                "awaitPromise": True,
                "resultOwnership": "root",
            },
        )
        if result.get("type") == "exception":
            details = result.get("exceptionDetails", {})
            raise BidiError(f"{expression!r} threw: {details.get('text')}")
        return from_remote(result["result"])

    def wait_for(
        self,
        expression: str,
        timeout: float = TIMEOUT,
        message: str = "",
        until: Callable[[Any], bool] = bool,
    ) -> Any:
        """Poll ``expression`` until ``until(value)`` holds (by default: until it is truthy);
        return its value. Fails after ``timeout`` with the last value seen."""
        deadline = time.monotonic() + timeout
        last: Any = None
        while True:
            try:
                last = self.evaluate(expression)
            except BidiError as error:  # the page is between two documents
                last = error
            else:
                if until(last):
                    return last
            if time.monotonic() > deadline:
                try:
                    where = self.url
                except BidiError:
                    where = "a page that was not ready"
                raise AssertionError(
                    f"{message or 'waited in vain'}: {expression!r} was {last!r} "
                    f"after {timeout:g} s on {where}"
                )
            time.sleep(0.05)

    def element(self, selector: str) -> dict[str, str]:
        """A reference to the first element matching ``selector``, scrolled into view."""
        node = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " if (e) e.scrollIntoView({block: 'center', inline: 'center'}); return e; })()"
        )
        if not node:
            raise AssertionError(f"no element matches {selector!r} on {self.url}")
        return node

    def click(self, selector: str, *, navigates: bool = False) -> None:
        """Click the middle of an element with the mouse; with ``navigates``, wait until the
        page it opens has loaded."""
        if navigates:
            # Marks this document: the next one, once complete, is the page the click opened.
            self.evaluate(f"window.{LEAVING} = true")
        origin = {"type": "element", "element": self.element(selector)}
        self._actions(
            {
                "type": "pointer",
                "id": "mouse",
                "parameters": {"pointerType": "mouse"},
                "actions": [
                    {"type": "pointerMove", "x": 0, "y": 0, "origin": origin},
                    {"type": "pointerDown", "button": 0},
                    {"type": "pointerUp", "button": 0},
                ],
            }
        )
        if navigates:
            self._wait_for_new_page(f"clicking {selector!r} opened no page")

    def _wait_for_new_page(self, message: str, *, blank: bool = False) -> None:
        """Wait until the document is a new one (not marked ``LEAVING``) and complete. While a
        file:// page replaces another, Firefox can show a complete about:blank in between: that
        one counts only when ``blank`` says it is the page wanted."""
        if blank:
            ready = f"!window.{LEAVING} && document.readyState === 'complete'"
        else:
            ready = (
                f"!window.{LEAVING} && document.readyState === 'complete'"
                " && location.protocol !== 'about:'"
            )
        self.wait_for(ready, message=message)

    def type(self, text: str) -> None:
        """Press and release one key per character, as a person typing (``\\n`` is Enter)."""
        actions = []
        for char in text:
            key = KEYS.get(char, char)
            actions += [{"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]
        self._actions({"type": "key", "id": "keyboard", "actions": actions})

    def press(self, key: str) -> None:
        """Press a named key (``Enter``, ``Tab``, ``Escape``) or a character."""
        value = KEYS.get(key, key)
        self._actions(
            {
                "type": "key",
                "id": "keyboard",
                "actions": [{"type": "keyDown", "value": value}, {"type": "keyUp", "value": value}],
            }
        )

    def _actions(self, source: dict[str, Any]) -> None:
        self.firefox.command("input.performActions", {"context": self.context, "actions": [source]})
        self.firefox.command("input.releaseActions", {"context": self.context})

    def set_viewport(self, width: int, height: int) -> None:
        self.firefox.command(
            "browsingContext.setViewport",
            {"context": self.context, "viewport": {"width": width, "height": height}},
        )

    def screenshot(self, path: Path, *, full_page: bool = False) -> Path:
        """Save a PNG of the viewport (or of the whole page) to ``path``."""
        params: dict[str, Any] = {"context": self.context}
        if full_page:
            params["origin"] = "document"
        data = self.firefox.command("browsingContext.captureScreenshot", params)["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        self.firefox.command("browsingContext.close", {"context": self.context})


# ------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def firefox(tmp_path_factory) -> Iterator[Firefox]:
    """One Firefox per test module, on a fresh profile in a temporary folder. Tests isolate
    their storage with ``new_user_context()``; a test may ``restart()`` it (same profile)."""
    if not Path(FIREFOX).exists():
        pytest.fail(f"{FIREFOX} is missing: scripts/setup --test installs firefox-esr")
    folder = tmp_path_factory.mktemp("firefox")
    browser = Firefox(folder / "profile")
    browser.start()
    try:
        yield browser
    finally:
        browser.close()
        shutil.rmtree(folder / "profile", ignore_errors=True)
