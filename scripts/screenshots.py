"""Screenshots of what a reader sees, for a person to look at before an issue is closed.

Why: a test suite sees only what someone thought to test ("None" in every menu went unseen
through 747 green tests). This builds a project (or takes an existing build), opens the website
over HTTP and one unzipped bundle per language from ``file://`` in Debian's Chromium, and saves
PNGs of the pages readers use most, in every language, at desktop and phone width:

    home, an activity, the catalogue with a filter on, search results, "My reflections",
    and the activity's printed card (print styles, A4 width).

Files are named ``<source>-<lang>-<width>-<page>.png`` (source: ``site`` or the bundle name)
in ``build/screenshots/review/`` unless ``--output`` says otherwise; an ``index.html`` beside
them shows them all on one page. Usage::

    scripts/screenshots                      # build content/ with mkdocs.yml, then shoot
    scripts/screenshots -f other/mkdocs.yml  # another project
    scripts/screenshots --build build        # shoot an existing build (site/ and bundles/)
"""

from __future__ import annotations

import argparse
import functools
import html
import http.server
import json
import shutil
import sys
import tempfile
import threading
import zipfile
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from chromium_launch import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

from mochila.commands.orchestrate import build_everything  # noqa: E402
from mochila.commands.project import load_project  # noqa: E402

WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
A4 = {"width": 794, "height": 1123}  # 210 mm at 96 dpi


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--build", type=Path, help="an existing build folder to shoot")
    parser.add_argument("--output", type=Path, default=ROOT / "build" / "screenshots" / "review")
    parser.add_argument("--word", help="what to search for (default: a word of an activity title)")
    parser.add_argument("--site-only", action="store_true", help="the website only, no bundles")
    args = parser.parse_args(argv)

    project = load_project(args.config_file.resolve())
    languages = list(project.settings.languages)
    with tempfile.TemporaryDirectory(prefix="mochila-shots-") as scratch:
        build = args.build
        if build is None:
            build = Path(scratch) / "build"
            print(f"Building {args.config_file} ...")
            build_everything(project, build, bundles=not args.site_only, echo=lambda _: None)
        if args.output.exists():
            shutil.rmtree(args.output)
        args.output.mkdir(parents=True)
        site = _serve(build / "site")
        # (name, language, address of the folder with index.html)
        editions = [
            ("site", lang, site if lang == languages[0] else f"{site}{lang}/") for lang in languages
        ]
        for lang in [] if args.site_only else languages:
            bundle = _first_bundle(build / "bundles", lang, Path(scratch) / "bundles")
            if bundle is not None:
                editions.append((bundle.name, lang, bundle.as_uri() + "/"))
        shots = _shoot_all(editions, args.output, args.word)
    _write_index(args.output, shots)
    print(f"{len(shots)} screenshots in {args.output} (open index.html there)")
    return 0


def _serve(folder: Path) -> str:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def _first_bundle(bundles: Path, lang: str, into: Path) -> Path | None:
    """The first bundle in ``lang`` (zip order), unzipped; None if there is none."""
    for zip_path in sorted(bundles.glob("*.zip")):
        with zipfile.ZipFile(zip_path) as archive:
            top = zip_path.stem
            manifest = json.loads(archive.read(f"{top}/manifest.json"))
            if manifest.get("language") != lang:
                continue
            archive.extractall(into)
        return into / top
    return None


def _shoot_all(editions, output: Path, word: str | None) -> list[Path]:
    shots: list[Path] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, lang, root in editions:
                for width, viewport in WIDTHS.items():
                    context = browser.new_context(viewport=viewport)
                    page = context.new_page()
                    prefix = output / f"{name}-{lang}-{width}"
                    shots += _shoot_edition(page, root, prefix, viewport, word)
                    context.close()
        finally:
            browser.close()
    return shots


def _shoot_edition(page, root: str, prefix: Path, viewport, word: str | None) -> list[Path]:
    shots = []

    def shot(name: str, full_page: bool = False) -> None:
        path = prefix.with_name(f"{prefix.name}-{name}.png")
        page.screenshot(path=str(path), full_page=full_page)
        shots.append(path)

    page.goto(root + "index.html")
    shot("home")
    page.goto(root + "catalogue.html")
    first = page.locator(".mochila-cards__item a").first
    activity_url = first.get_attribute("href")
    title = first.inner_text()
    boxes = page.locator("fieldset[data-facet] input[type=checkbox]")
    if boxes.count():
        target = boxes.nth(min(1, boxes.count() - 1))
        if not target.is_visible():
            # Phones fold the filters away behind one button.
            page.locator(".mochila-filters__toggle").first.click()
        target.check()
        page.wait_for_timeout(200)
    shot("catalogue-filtered")
    page.goto(root + activity_url)
    shot("activity")
    page.emulate_media(media="print")
    page.set_viewport_size(A4)
    shot("printed", full_page=True)
    page.emulate_media(media="screen")
    page.set_viewport_size(viewport)
    page.goto(root + "my-reflections.html")
    shot("my-reflections")
    page.goto(root + "index.html")
    query = word or max(title.split(), key=len)
    try:
        box = page.locator("input.md-search__input, header input[type=search]").first
        if not box.is_visible():
            page.locator(
                'label.md-header__button[for="__search"]:visible, .mochila-search__open:visible'
            ).first.click()
        box.click()
        box.press_sequentially(query, delay=40)
        page.wait_for_timeout(1200)
        shot("search")
    except PlaywrightError as exc:
        print(f"search: {exc}".splitlines()[0])
    return shots


def _write_index(output: Path, shots: list[Path]) -> None:
    items = "\n".join(
        f'<figure><img src="{html.escape(p.name)}" alt="" loading="lazy">'
        f"<figcaption>{html.escape(p.stem)}</figcaption></figure>"
        for p in shots
    )
    (output / "index.html").write_text(
        '<!doctype html><html lang="en"><meta charset="utf-8"><title>Screenshots</title>'
        "<style>figure{display:inline-block;vertical-align:top;margin:8px;max-width:420px}"
        "img{max-width:100%;border:1px solid #999}</style><h1>Screenshots</h1>" + items,
        encoding="utf-8",
    )


if __name__ == "__main__":
    sys.exit(main())
