"""Browser tests for the Mochila theme (theme/assets/mochila/*).

The pages are built by Mochila from a small project (tests/js/conftest.py: ``theme_site``)
and opened from file:// in Debian's Chromium, as an educator would open a USB bundle.
Every browser test also checks that the page logged no error and asked for nothing but
local files. The pure functions are tested one by one in test_theme_units.py.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from chromium_launch import CHROMIUM, CHROMIUM_ARGS, missing_chromium_reason

playwright_sync = pytest.importorskip("playwright.sync_api")
expect = playwright_sync.expect

ROOT = Path(__file__).resolve().parents[2]
THEME = ROOT / "theme"
ASSETS = THEME / "assets"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 800}

needs_chromium = pytest.mark.skipif(
    missing_chromium_reason() is not None, reason=str(missing_chromium_reason())
)


def key(store: str, activity: str, prompt: str) -> str:
    return f"mochila:{store}:{activity}:{prompt}"


# --------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def pw():
    with playwright_sync.sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def browser(pw):
    browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


class Watch:
    """Collects console errors, page errors and requests of one browser context."""

    def __init__(self, context):
        self.errors: list[str] = []
        self.requests: list[str] = []
        context.on("console", self._console)
        context.on("weberror", lambda error: self.errors.append(str(error.error)))
        context.on("request", lambda request: self.requests.append(request.url))

    def _console(self, message):
        if message.type == "error":
            self.errors.append(message.text)

    def check(self):
        assert self.errors == [], f"console errors: {self.errors}"
        outside = [u for u in self.requests if not u.startswith("file://")]
        assert outside == [], f"requests other than file://: {outside}"


def open_context(browser, **options):
    options.setdefault("viewport", DESKTOP)
    options.setdefault("accept_downloads", True)
    options.setdefault("locale", "en-GB")
    context = browser.new_context(**options)
    return context, Watch(context)


@pytest.fixture
def context(browser):
    context, watch = open_context(browser)
    yield context
    try:
        watch.check()
    finally:
        context.close()


@pytest.fixture
def page(context):
    return context.new_page()


def seed(page, store: str, activity: str, prompt: str, answer: str, **extra) -> None:
    """Write one saved answer the way prompts.js does (page must be a built page)."""
    value = {
        "prompt": extra.get("text", f"Question {prompt}?"),
        "answer": answer,
        "title": extra.get("title", activity),
        "path": extra.get("path", f"{activity}.html"),
        "updated": extra.get("updated", "2026-11-20T10:00:00.000Z"),
    }
    page.evaluate(
        "([k, v]) => localStorage.setItem(k, v)", [key(store, activity, prompt), json.dumps(value)]
    )


def stored(page, k: str):
    raw = page.evaluate("k => localStorage.getItem(k)", k)
    return None if raw is None else json.loads(raw)


def visible_titles(page) -> list[str]:
    return page.locator(".mochila-cards__item:visible .mochila-cards__title").all_inner_texts()


def option(page, facet: str, value: str):
    return page.locator(f'fieldset[data-facet="{facet}"] input[value="{value}"]')


def option_label(page, facet: str, value: str):
    return page.locator(f'fieldset[data-facet="{facet}"] label:has(input[value="{value}"])')


def count_of(page, facet: str, value: str):
    return option_label(page, facet, value).locator(".mochila-filter__count")


# ----------------------------------------------------------- static checks


def _strip_comments(text: str, suffix: str) -> str:
    if suffix in (".js", ".css"):
        text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    if suffix == ".js":
        text = re.sub(r"(?m)^\s*//.*$", "", text)
    if suffix == ".html":
        text = re.sub(r"\{#.*?#\}", "", text, flags=re.S)
        text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    return text


def test_theme_files_name_no_external_url():
    """Bundles are opened offline: no theme file may point at the internet."""
    files = [p for p in THEME.rglob("*") if p.suffix in (".js", ".css", ".html")]
    assert files
    for path in files:
        text = _strip_comments(path.read_text(encoding="utf-8"), path.suffix)
        assert not re.search(r"https?://", text), f"{path} names an external URL"
        assert "@import" not in text and "fonts.g" not in text, path


def test_vendored_iframe_worker_is_complete():
    vendor = ASSETS / "vendor" / "iframe-worker"
    assert (vendor / "shim.js").read_text(encoding="utf-8").strip()
    assert "MIT" in (vendor / "LICENSE").read_text(encoding="utf-8") or "Permission is hereby" in (
        vendor / "LICENSE"
    ).read_text(encoding="utf-8")
    assert re.fullmatch(r"\d+\.\d+\.\d+\n?", (vendor / "VERSION").read_text(encoding="utf-8"))


def test_templates_render_the_contract(tmp_path):
    """A real mkdocs build with the theme: head data, footer, print footer, switcher."""
    config_mod = pytest.importorskip("mkdocs.config")
    build_mod = pytest.importorskip("mkdocs.commands.build")
    docs = tmp_path / "docs"
    (docs / "activities").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n\nHello.\n", encoding="utf-8")
    (docs / "activities" / "water-play.md").write_text(
        "---\nmochila:\n  translations:\n"
        '    - {lang: es, label: "Español", url: "../es/activities/water-play.html"}\n'
        "---\n\n# Pouring and floating\n\nText.\n",
        encoding="utf-8",
    )
    config = {
        "site_name": "Mochila",
        "site_url": "https://mochila.example.org/",
        "docs_dir": str(docs),
        "site_dir": str(tmp_path / "site"),
        "use_directory_urls": False,
        "theme": {
            "name": "material",
            "custom_dir": str(THEME),
            "palette": {"primary": "custom", "accent": "custom"},
        },
        "plugins": [],
        "extra": {
            "generator": False,
            "mochila": {
                "store": "demo-2026-11",
                "edition_line": "Edition 2026-11 · 42 activities",
                "strings": {"saved": "Saved in this browser only", "x": "</script><b>"},
            },
        },
    }
    cfg = config_mod.load_config(config_file=None, **config)
    build_mod.build(cfg)
    page = (tmp_path / "site" / "activities" / "water-play.html").read_text(encoding="utf-8")
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")

    assert '<meta name="mochila:store" content="demo-2026-11">' in page
    strings = re.search(
        r'<script id="mochila-strings" type="application/json">(.*?)</script>', page
    )
    assert json.loads(strings.group(1))["x"] == "</script><b>"
    assert "Made with" not in page and "squidfunk" not in page
    assert "fonts.googleapis" not in page and "fonts.gstatic" not in page
    assert page.count("Edition 2026-11 · 42 activities") == 2  # footer + print footer
    footer = re.search(r'<div class="mochila-print-footer">(.*?)</div>', page, re.S).group(1)
    assert "https://mochila.example.org/activities/water-play.html" in footer
    link = re.search(r'<a class="mochila-lang__link"[^>]*>', page).group(0)
    assert 'href="../es/activities/water-play.html"' in link
    assert 'hreflang="es"' in link and 'lang="es"' in link
    assert "mochila-lang" not in home  # no translations: nothing rendered


# -------------------------------------------------------------- without JS


@pytest.mark.browser
@needs_chromium
def test_without_javascript_everything_is_plain_html(theme_site, browser):
    context, watch = open_context(browser, java_script_enabled=False)
    page = context.new_page()
    page.goto(theme_site.url("activity.html"))
    expect(page.locator(".mochila-prompt__text").first).to_be_visible()
    expect(page.locator(".mochila-prompt__answer:visible")).to_have_count(0)
    expect(page.locator(".mochila-lang__link")).to_have_attribute("hreflang", "es")
    page.goto(theme_site.url("catalogue.html"))
    expect(page.locator(".mochila-filters")).to_be_hidden()
    expect(page.locator(".mochila-cards__item:visible")).to_have_count(10)
    page.goto(theme_site.url("journal.html"))
    expect(page.locator(".mochila-journal__actions")).to_be_hidden()
    watch.check()
    context.close()


# ------------------------------------------------------------ prompts


@pytest.mark.browser
@needs_chromium
def test_prompts_become_editable_and_survive_reload(theme_site, page):
    page.goto(theme_site.url("activity.html"))
    boxes = page.locator(".mochila-prompt__answer")
    expect(boxes).to_have_count(4)
    for i in range(4):
        expect(boxes.nth(i)).to_be_visible()

    prompt = page.locator('[data-mochila-prompt="before-1"]')
    prompt.locator("textarea").fill("Paper boats in the rain.\nMud pies with my sister.")
    expect(prompt.locator(".mochila-prompt__status")).to_have_text("Saved in this browser only")

    saved = stored(page, key("site-en", "water-play", "before-1"))
    assert saved["prompt"] == "What did you play with water when you were a child?"
    assert saved["answer"] == "Paper boats in the rain.\nMud pies with my sister."
    assert saved["title"] == "Pouring and floating"
    assert saved["path"] == "activities/water-play.html"  # from the site root
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z", saved["updated"])

    page.reload()
    expect(prompt.locator("textarea")).to_have_value(
        "Paper boats in the rain.\nMud pies with my sister."
    )
    expect(prompt.locator(".mochila-prompt__status")).to_have_text("Saved in this browser only")
    expect(page.locator('[data-mochila-prompt="after-1"] textarea')).to_have_value("")


@pytest.mark.browser
@needs_chromium
def test_blur_saves_at_once_and_empty_answer_removes_key(theme_site, page):
    page.goto(theme_site.url("activity.html"))
    box = page.locator('[data-mochila-prompt="inline-1"] textarea')
    k = key("site-en", "water-play", "inline-1")
    box.fill("She laughed and splashed again.")
    box.evaluate("el => el.blur()")
    assert stored(page, k)["answer"] == "She laughed and splashed again."  # no debounce wait

    box.fill("")
    box.evaluate("el => el.blur()")
    assert stored(page, k) is None
    expect(page.locator('[data-mochila-prompt="inline-1"] .mochila-prompt__status')).to_have_text(
        ""
    )


@pytest.mark.browser
@needs_chromium
def test_answers_survive_a_browser_restart(theme_site, pw, tmp_path):
    profile = tmp_path / "profile"
    for round_ in (1, 2):
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        watch = Watch(context)
        page = context.new_page()
        page.goto(theme_site.url("activity.html"))
        box = page.locator('[data-mochila-prompt="after-1"] textarea')
        if round_ == 1:
            box.fill("Filling the cup and pouring it out.")
            expect(
                page.locator('[data-mochila-prompt="after-1"] .mochila-prompt__status')
            ).to_have_text("Saved in this browser only")
        else:
            expect(box).to_have_value("Filling the cup and pouring it out.")
        watch.check()
        context.close()


@pytest.mark.browser
@needs_chromium
def test_answers_are_namespaced_by_store(theme_site, page):
    page.goto(theme_site.url("activity.html"))
    page.locator('[data-mochila-prompt="before-1"] textarea').fill("Answer for edition A")
    page.locator('[data-mochila-prompt="before-1"] textarea').evaluate("el => el.blur()")

    page.goto(theme_site.url("other-store.html"))
    other = page.locator('[data-mochila-prompt="before-1"] textarea')
    expect(other).to_be_visible()
    expect(other).to_have_value("")
    other.fill("Answer for edition B")
    other.evaluate("el => el.blur()")

    page.goto(theme_site.url("activity.html"))
    expect(page.locator('[data-mochila-prompt="before-1"] textarea')).to_have_value(
        "Answer for edition A"
    )
    assert (
        stored(page, key("site-es", "water-play", "before-1"))["answer"] == "Answer for edition B"
    )

    page.goto(theme_site.url("journal.html"))
    expect(page.locator(".mochila-journal__answer")).to_have_text(["Answer for edition A"])


NOT_SAVED = (
    "Not saved: this browser did not keep your answer. Copy it somewhere else before you leave "
    "the page."
)
UNAVAILABLE = "This browser does not let these pages keep answers"

# Two ways a browser fails to keep answers: it refuses storage outright (storage turned off,
# some privacy settings), or it accepts writes and keeps nothing.
REFUSED = (
    "Object.defineProperty(window, 'localStorage', {get() {"
    " throw new DOMException('The operation is insecure.', 'SecurityError'); }});"
)
FORGETFUL = "Storage.prototype.setItem = function () {};"


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("broken", [REFUSED, FORGETFUL], ids=["refused", "forgetful"])
def test_without_storage_prompts_stay_questions_and_the_journal_says_why(
    theme_site, browser, broken
):
    context, watch = open_context(browser)
    context.add_init_script(broken)
    page = context.new_page()
    page.goto(theme_site.url("activity.html"))
    expect(page.locator(".mochila-prompt__text").first).to_be_visible()
    expect(page.locator(".mochila-prompt__answer:visible")).to_have_count(0)
    page.goto(theme_site.url("journal.html"))
    expect(page.locator(".mochila-journal__actions")).to_be_hidden()
    expect(page.locator(".mochila-journal__empty")).to_be_visible()
    expect(page.locator(".mochila-journal__empty")).to_contain_text(UNAVAILABLE)
    watch.check()
    context.close()


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize(
    "failure",
    ["throw new DOMException('full', 'QuotaExceededError');", "return;"],
    ids=["full", "dropped"],
)
def test_an_answer_the_browser_does_not_keep_says_not_saved(theme_site, page, failure):
    """A write that throws (disk full) or is silently dropped is read back and reported; once
    the browser keeps writes again, the same answer is saved."""
    page.add_init_script(
        "const real = Storage.prototype.setItem;"
        "window.storageBroken = true;"
        "Storage.prototype.setItem = function (k, v) {"
        "  if (k.indexOf('__probe__') === -1 && window.storageBroken) {" + failure + "}"
        "  return real.call(this, k, v); };"
    )
    page.goto(theme_site.url("activity.html"))
    prompt = page.locator('[data-mochila-prompt="before-1"]')
    box = prompt.locator("textarea")
    box.fill("Too much to keep")
    box.evaluate("el => el.blur()")
    expect(prompt.locator(".mochila-prompt__status")).to_have_text(NOT_SAVED)
    expect(prompt).to_have_class(re.compile(r"\bmochila-prompt--unsaved\b"))
    assert stored(page, key("site-en", "water-play", "before-1")) is None

    page.evaluate("window.storageBroken = false")
    box.fill("Too much to keep, kept")
    box.evaluate("el => el.blur()")
    expect(prompt.locator(".mochila-prompt__status")).to_have_text("Saved in this browser only")
    expect(prompt).not_to_have_class(re.compile(r"\bmochila-prompt--unsaved\b"))
    assert stored(page, key("site-en", "water-play", "before-1"))["answer"] == (
        "Too much to keep, kept"
    )


# ------------------------------------------------------------------ journal


@pytest.mark.browser
@needs_chromium
def test_journal_lists_answers_grouped_by_activity(theme_site, page):
    page.goto(theme_site.url("activity.html"))
    page.locator('[data-mochila-prompt="after-1"] textarea').fill("Pouring, again and again.")
    page.locator('[data-mochila-prompt="before-1"] textarea').fill("Rivers.\nRain puddles.")
    page.locator('[data-mochila-prompt="before-1"] textarea').evaluate("el => el.blur()")
    expect(page.locator('[data-mochila-prompt="after-1"] .mochila-prompt__status')).to_have_text(
        "Saved in this browser only"
    )
    page.goto(theme_site.url("activity-two.html"))
    page.locator("textarea").fill("Banana and bijao leaves.")
    page.locator("textarea").evaluate("el => el.blur()")

    page.goto(theme_site.url("journal.html"))
    sections = page.locator(".mochila-journal__activity")
    expect(sections).to_have_count(2)
    expect(sections.locator("h2")).to_have_text(
        ["Lullabies from the village", "Pouring and floating"]
    )
    expect(sections.nth(1).locator("h2 a")).to_have_attribute("href", "activities/water-play.html")
    expect(sections.nth(0).locator("h2 a")).to_have_attribute("href", "activities/lullabies.html")
    expect(sections.nth(1).locator(".mochila-journal__prompt")).to_have_text(
        [
            "What did you play with water when you were a child?",
            "What did the child try again and again?",
        ]
    )
    answer = sections.nth(1).locator(".mochila-journal__answer").first
    assert answer.inner_text() == "Rivers.\nRain puddles."
    expect(sections.nth(1).locator(".mochila-journal__date").first).to_have_text(
        re.compile(r"^Written on \w+ \d{1,2}, 20\d\d$")
    )
    expect(page.locator(".mochila-journal__actions")).to_be_visible()
    expect(page.locator(".mochila-journal__empty")).to_be_hidden()

    sections.nth(1).locator("h2 a").click()
    expect(page).to_have_url(theme_site.url("activity.html"))


@pytest.mark.browser
@needs_chromium
def test_journal_empty_state(theme_site, page):
    page.goto(theme_site.url("journal.html"))
    expect(page.locator(".mochila-journal__empty")).to_have_text(
        "You have not written any reflections yet. Open an activity and write in the boxes "
        "under the questions."
    )
    expect(page.locator(".mochila-journal__actions")).to_be_hidden()


@pytest.mark.browser
@needs_chromium
def test_journal_shows_answers_as_text_not_html(theme_site, page):
    page.goto(theme_site.url("journal.html"))
    seed(page, "site-en", "water-play", "before-1", '<img src=x onerror="alert(1)"> <b>hi</b>')
    page.reload()
    expect(page.locator(".mochila-journal__answer")).to_have_text(
        '<img src=x onerror="alert(1)"> <b>hi</b>'
    )
    expect(page.locator(".mochila-journal__list img")).to_have_count(0)


@pytest.mark.browser
@needs_chromium
def test_download_markdown(theme_site, page, tmp_path):
    page.goto(theme_site.url("journal.html"))
    seed(
        page,
        "site-en",
        "water-play",
        "before-1",
        "Jugábamos en el río.\nCon mis primos.",
        text="What did you play with water when you were a child?",
        title="Pouring and floating",
    )
    seed(page, "site-en", "leaf-boats", "before-1", "Bijao.", title="Leaf boats")
    page.reload()
    with page.expect_download() as info:
        page.locator('[data-action="download-md"]').click()
    download = info.value
    assert download.suggested_filename == "my-reflections-site-en.md"
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: old Notepad reads it as UTF-8
    text = raw.decode("utf-8-sig").replace("\r\n", "\n")
    assert text.startswith("# My reflections\n")
    assert "## Pouring and floating" in text and "## Leaf boats" in text
    assert text.index("## Leaf boats") < text.index("## Pouring and floating")
    assert "**What did you play with water when you were a child?**" in text
    assert "> Jugábamos en el río.\n> Con mis primos." in text
    assert "Written on" in text


@pytest.mark.browser
@needs_chromium
def test_download_html_is_self_contained(theme_site, page, tmp_path):
    page.goto(theme_site.url("journal.html"))
    seed(
        page,
        "site-en",
        "water-play",
        "after-1",
        "Pouring <again> & again.",
        text="What did the child try again and again?",
        title="Pouring and floating",
    )
    page.reload()
    with page.expect_download() as info:
        page.locator('[data-action="download-html"]').click()
    download = info.value
    assert download.suggested_filename == "my-reflections-site-en.html"
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert '<meta charset="utf-8">' in html
    assert "Pouring &lt;again&gt; &amp; again." in html
    assert "What did the child try again and again?" in html
    for external in ("http:", "https:", "src=", "href=", "@import", "theme_site.url("):
        assert external not in html


@pytest.mark.browser
@needs_chromium
def test_delete_one_answer_asks_first(theme_site, page):
    page.goto(theme_site.url("journal.html"))
    seed(page, "site-en", "water-play", "before-1", "First answer", title="Pouring and floating")
    seed(page, "site-en", "water-play", "after-1", "Second answer", title="Pouring and floating")
    seed(page, "site-en", "leaf-boats", "before-1", "Leaf answer", title="Leaf boats")
    page.reload()
    entry = page.locator(".mochila-journal__entry", has_text="First answer")
    messages = []

    def dismiss(dialog):
        messages.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    entry.get_by_role("button", name="Delete").click()
    assert messages == ["Delete this answer? This cannot be undone."]
    expect(page.locator(".mochila-journal__entry")).to_have_count(3)

    page.once("dialog", lambda dialog: dialog.accept())
    entry.get_by_role("button", name="Delete").click()
    expect(page.locator(".mochila-journal__answer")).to_have_text(["Leaf answer", "Second answer"])
    assert stored(page, key("site-en", "water-play", "before-1")) is None
    assert stored(page, key("site-en", "water-play", "after-1"))["answer"] == "Second answer"
    # Keyboard focus stays in the list, on the next Delete button.
    assert page.evaluate("document.activeElement.classList.contains('mochila-journal__delete')")


@pytest.mark.browser
@needs_chromium
def test_delete_all_keeps_other_stores(theme_site, page):
    page.goto(theme_site.url("journal.html"))
    seed(page, "site-en", "water-play", "before-1", "Mine")
    seed(page, "site-es", "water-play", "before-1", "Other edition")
    page.reload()
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator('[data-action="delete-all"]').click()
    expect(page.locator(".mochila-journal__empty")).to_be_visible()
    expect(page.locator(".mochila-journal__actions")).to_be_hidden()
    assert stored(page, key("site-en", "water-play", "before-1")) is None
    assert stored(page, key("site-es", "water-play", "before-1"))["answer"] == "Other edition"


@pytest.mark.browser
@needs_chromium
def test_journal_print_button_and_print_layout(theme_site, page):
    page.goto(theme_site.url("journal.html"))
    seed(page, "site-en", "water-play", "before-1", "Mine", title="Pouring and floating")
    page.reload()
    page.evaluate(
        "() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }"
    )
    page.locator('[data-action="print"]').click()
    assert page.evaluate("window.__printed") == 1

    page.emulate_media(media="print")
    expect(page.locator(".mochila-journal__answer")).to_be_visible()
    expect(page.locator(".mochila-journal__actions")).to_be_hidden()
    expect(page.locator(".mochila-journal__delete")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator(".md-sidebar--secondary")).to_be_hidden()
    expect(page.locator(".mochila-print-footer")).to_be_visible()


# ---------------------------------------------------------------- catalogue


@pytest.mark.browser
@needs_chromium
def test_catalogue_starts_with_everything_and_counts(theme_site, page):
    page.goto(theme_site.url("catalogue.html"))
    expect(page.locator(".mochila-filters")).to_be_visible()
    expect(page.locator(".mochila-cards__item:visible")).to_have_count(10)
    expect(page.locator(".mochila-filters__status")).to_have_text("Mostrando 10 de 10 actividades")
    expect(count_of(page, "age", "0-11")).to_have_text("4")
    expect(count_of(page, "age", "12-23")).to_have_text("5")
    expect(count_of(page, "audience", "educators")).to_have_text("6")
    expect(page.locator(".mochila-cards__none")).to_be_hidden()


@pytest.mark.browser
@needs_chromium
def test_catalogue_filters_by_age_and_area(theme_site, page):
    page.goto(theme_site.url("catalogue.html"))
    option(page, "age", "0-11").check()
    expect(page.locator(".mochila-cards__item:visible")).to_have_count(4)
    option(page, "areas", "sensory").check()
    expect(page.locator(".mochila-cards__item:visible")).to_have_count(2)
    assert visible_titles(page) == ["Canasta de texturas", "Verter y flotar"]
    expect(page.locator(".mochila-filters__status")).to_have_text("Mostrando 2 de 10 actividades")

    # Counts: each facet counted against the other facets' selection.
    expect(count_of(page, "age", "0-11")).to_have_text("2")
    expect(count_of(page, "age", "36-59")).to_have_text("1")  # Pintar con barro
    expect(count_of(page, "areas", "sensory")).to_have_text("2")
    expect(count_of(page, "areas", "language")).to_have_text("2")
    expect(count_of(page, "audience", "educators")).to_have_text("2")
    expect(count_of(page, "audience", "families")).to_have_text("1")
    # Options that would give nothing are hidden; checked ones always stay.
    expect(option_label(page, "areas", "motor")).to_be_hidden()
    expect(option_label(page, "areas", "creative")).to_be_hidden()
    expect(option_label(page, "audience", "facilitators")).to_be_hidden()
    expect(option_label(page, "tags", "music")).to_be_hidden()
    expect(option_label(page, "areas", "sensory")).to_be_visible()

    assert page.evaluate("location.hash") == "#age=0-11&areas=sensory"
    page.reload()
    expect(option(page, "age", "0-11")).to_be_checked()
    expect(option(page, "areas", "sensory")).to_be_checked()
    expect(page.locator(".mochila-cards__item:visible")).to_have_count(2)

    page.locator(".mochila-filters__clear").click()
    expect(page.locator(".mochila-cards__item:visible")).to_have_count(10)
    expect(option(page, "age", "0-11")).not_to_be_checked()
    expect(option_label(page, "areas", "motor")).to_be_visible()
    expect(page.locator(".mochila-filters__status")).to_have_text("Mostrando 10 de 10 actividades")
    assert page.evaluate("location.hash") == ""


@pytest.mark.browser
@needs_chromium
def test_catalogue_or_within_a_facet(theme_site, page):
    page.goto(theme_site.url("catalogue.html"))
    option(page, "age", "0-11").check()
    option(page, "age", "36-59").check()
    expect(page.locator(".mochila-cards__item:visible")).to_have_count(8)
    assert page.evaluate("location.hash") == "#age=0-11,36-59"


@pytest.mark.browser
@needs_chromium
def test_catalogue_free_text_ignores_case_and_accents(theme_site, page):
    page.goto(theme_site.url("catalogue.html"))
    search = page.locator("#mochila-q")
    search.fill("agua")
    expect(page.locator(".mochila-cards__item:visible")).to_have_count(3)
    assert page.evaluate("location.hash") == "#q=agua"
    search.fill("NINO")  # niños, niño
    expect(page.locator(".mochila-cards__item:visible .mochila-cards__title")).to_have_text(
        ["Cocina de arena", "La hora del baño", "Verter y flotar"]
    )
    search.fill("bebes")
    expect(page.locator(".mochila-cards__item:visible")).to_have_count(2)
    search.fill("zzzz")
    expect(page.locator(".mochila-cards__item:visible")).to_have_count(0)
    expect(page.locator(".mochila-cards__none")).to_be_visible()
    expect(page.locator(".mochila-cards__none")).to_have_text(
        "Ninguna actividad coincide con estos filtros."
    )
    expect(page.locator(".mochila-filters__status")).to_have_text("Mostrando 0 de 10 actividades")
    search.press("Enter")  # must not submit the form and reload the page
    expect(search).to_have_value("zzzz")


@pytest.mark.browser
@needs_chromium
def test_catalogue_state_from_hash_and_hashchange(theme_site, page):
    page.goto(theme_site.url("catalogue.html", "tags=water&q=ba%C3%B1o"))
    expect(page.locator("#mochila-q")).to_have_value("baño")
    expect(option(page, "tags", "water")).to_be_checked()
    expect(page.locator(".mochila-cards__item:visible .mochila-cards__title")).to_have_text(
        ["La hora del baño"]
    )
    page.evaluate("location.hash = 'duration=30-60'")
    expect(page.locator(".mochila-cards__item:visible")).to_have_count(3)
    expect(option(page, "duration", "30-60")).to_be_checked()
    expect(option(page, "tags", "water")).not_to_be_checked()
    expect(page.locator("#mochila-q")).to_have_value("")

    # A plain anchor is not a filter state: it neither filters nor gets erased.
    page.evaluate("location.hash = 'todas-las-actividades'")
    expect(page.locator(".mochila-cards__item:visible")).to_have_count(3)
    fresh = page.context.new_page()
    fresh.goto(theme_site.url("catalogue.html", "todas-las-actividades"))
    expect(fresh.locator(".mochila-cards__item:visible")).to_have_count(10)
    assert fresh.evaluate("location.hash") == "#todas-las-actividades"


@pytest.mark.browser
@needs_chromium
def test_catalogue_keyboard(theme_site, page):
    page.goto(theme_site.url("catalogue.html"))
    page.locator("#mochila-q").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.value") == "0-11"
    page.keyboard.press("Space")
    expect(option(page, "age", "0-11")).to_be_checked()
    expect(page.locator(".mochila-cards__item:visible")).to_have_count(4)
    page.keyboard.press("Space")
    expect(page.locator(".mochila-cards__item:visible")).to_have_count(10)

    page.keyboard.press("Space")
    page.locator(".mochila-filters__clear").focus()
    page.keyboard.press("Enter")
    expect(option(page, "age", "0-11")).not_to_be_checked()
    expect(page.locator(".mochila-cards__item:visible")).to_have_count(10)


@pytest.mark.browser
@needs_chromium
def test_catalogue_on_a_phone_collapses_filters(theme_site, browser):
    context, watch = open_context(browser, viewport=PHONE)
    page = context.new_page()
    page.goto(theme_site.url("catalogue.html", "age=0-11"))
    toggle = page.locator(".mochila-filters__toggle")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_text("Filtrar actividades (1)")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#mochila-q")).to_be_visible()
    expect(page.locator("fieldset.mochila-filter").first).to_be_hidden()
    # The panel sits above the list.
    assert (
        page.locator(".mochila-filters").bounding_box()["y"]
        < page.locator(".mochila-cards").bounding_box()["y"]
    )

    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator("fieldset.mochila-filter").first).to_be_visible()
    page.keyboard.press("Space")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    watch.check()
    context.close()


@pytest.mark.browser
@needs_chromium
def test_catalogue_stays_fast_with_a_thousand_cards(theme_site, page, tmp_path):
    # A copy of the Spanish site whose catalogue lists its ten cards a hundred times each.
    site = tmp_path / "es"
    shutil.copytree(theme_site.path("catalogue.html").parent, site)
    source = (site / "catalogue.html").read_text(encoding="utf-8")
    head, rest = source.split('<ul class="mochila-cards">', 1)
    items, tail = rest.split("</ul>", 1)
    cards = re.findall(r"<li [^>]*class=\"mochila-cards__item\".*?</li>", items, re.S)
    assert len(cards) == 10
    many = "\n".join(cards[i % len(cards)] for i in range(1000))
    page_html = head + '<ul class="mochila-cards">' + many + "</ul>" + tail
    target = site / "catalogue-1000.html"
    target.write_text(page_html, encoding="utf-8")

    page.goto(target.as_uri())
    expect(page.locator(".mochila-filters__status")).to_have_text(
        "Mostrando 1000 de 1000 actividades"
    )
    elapsed = page.evaluate(
        """() => new Promise(resolve => {
            const status = document.querySelector('.mochila-filters__status');
            const box = document.querySelector('fieldset[data-facet="age"] input[value="0-11"]');
            const start = performance.now();
            new MutationObserver(() => resolve(performance.now() - start))
                .observe(status, {childList: true, characterData: true, subtree: true});
            box.click();
        })"""
    )
    expect(page.locator(".mochila-filters__status")).to_have_text(
        "Mostrando 400 de 1000 actividades"
    )
    assert elapsed < 250, f"one filter change took {elapsed:.0f} ms"


# -------------------------------------------------------------- print + a11y


@pytest.mark.browser
@needs_chromium
def test_activity_prints_as_a_clean_card(theme_site, page):
    page.goto(theme_site.url("activity.html"))
    page.locator('[data-mochila-prompt="after-1"] textarea').fill("Pouring.\nAnd pouring again.")
    page.locator('[data-mochila-prompt="after-1"] textarea').evaluate("el => el.blur()")
    page.emulate_media(media="print")
    for hidden in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        ".md-search",
        ".mochila-lang",
        ".mochila-translation",
        ".md-footer",
    ):
        expect(page.locator(hidden)).to_be_hidden()
    expect(page.locator(".mochila-card")).to_be_visible()
    expect(page.locator(".mochila-checklist input").first).to_be_visible()
    expect(page.locator(".mochila-prompt__text")).to_have_count(4)
    for i in range(4):
        expect(page.locator(".mochila-prompt__text").nth(i)).to_be_visible()
    expect(page.locator(".mochila-prompt__answer:visible")).to_have_count(0)
    unanswered = page.locator('[data-mochila-prompt="before-1"] .mochila-prompt__lines')
    expect(unanswered).to_be_visible()
    assert unanswered.bounding_box()["height"] > 60  # room for three handwritten lines
    answered = page.locator('[data-mochila-prompt="after-1"]')
    expect(answered.locator(".mochila-prompt__lines")).to_be_hidden()
    expect(answered.locator(".mochila-prompt__print")).to_have_text("Pouring.\nAnd pouring again.")
    expect(page.locator(".mochila-notes__body").first).to_be_visible()
    expect(page.locator(".mochila-print-footer")).to_be_visible()
    expect(page.locator(".mochila-print-footer")).to_contain_text("Edition 2026-11-20")


@pytest.mark.browser
@needs_chromium
def test_notes_open_for_printing_and_close_after(theme_site, page):
    page.goto(theme_site.url("activity.html"))
    notes = page.locator("details.mochila-notes")
    assert notes.evaluate_all("els => els.map(e => e.open)") == [False, False]
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert notes.evaluate_all("els => els.map(e => e.open)") == [True, True]
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert notes.evaluate_all("els => els.map(e => e.open)") == [False, False]


@pytest.mark.browser
@needs_chromium
def test_language_switcher_is_a_keyboard_link(theme_site, page):
    page.goto(theme_site.url("activity.html"))
    link = page.locator(".mochila-lang__link")
    expect(link).to_have_attribute("hreflang", "es")
    expect(link).to_have_attribute("lang", "es")
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('mochila-lang__link')"):
            break
    else:
        pytest.fail("Tab never reached the language link")


@pytest.mark.browser
@needs_chromium
def test_materials_checklist_toggles_with_space(theme_site, page):
    page.goto(theme_site.url("activity.html"))
    box = page.locator(".mochila-checklist input").first
    box.focus()
    page.keyboard.press("Space")
    expect(box).to_be_checked()


@pytest.mark.browser
@needs_chromium
def test_body_text_is_large_and_links_underlined(theme_site, page):
    page.goto(theme_site.url("activity.html"))
    page.add_style_tag(content="html{font-size:125%}")  # Material's root size
    size = page.locator(".md-typeset p").first.evaluate(
        "el => parseFloat(getComputedStyle(el).fontSize)"
    )
    assert size >= 17
    decoration = page.locator(".md-typeset p a").first.evaluate(
        "el => getComputedStyle(el).textDecorationLine"
    )
    assert decoration == "underline"
