"""Search in the browser, Mochila's index against Material's (issue 14): ``scripts/bench --search``.

For each size N (default 1,000; ``--large`` adds 3,000) one English corpus is generated
(``gen_corpus.py``) and built twice with one bundle (``full-en``): ``new`` with the repository's
mkdocs.yml (``mochila/search``), ``old`` with Material's ``search`` plugin in its place. Each
is opened in Debian's Chromium (Playwright), as the unzipped bundle from ``file://`` and as the
website over HTTP (127.0.0.1), with the CPU throttled 1x and 4x (CDP
``Emulation.setCPUThrottlingRate``). Every query is typed, one key every 120 ms, into the
header's box of a freshly opened activity page. Measured in the page:

* ``first results``: from the last keystroke's ``input`` event to the first change of the
  results list made after it (the list for the whole query);
* ``task opening`` / ``task typing``: the longest main-thread task (PerformanceObserver
  ``longtask``, ms) from the page's start to the first keystroke, and from it to the results;
* ``first query reads``: bytes of the index files the page loaded for its first query (sizes
  on disk of the ``search/`` scripts the page requested);
* ``search data``: bytes of everything under the bundle's ``search/`` folder.

Targets (issue 14, at 4x from file://): median first results <= 200 ms, worst <= 400 ms, no
task over 100 ms, data <= 2 MB per 1,000 activities, first query reads <= 300 KB. They are
printed beside the figures; nothing fails on them (machines differ).
"""

from __future__ import annotations

import http.server
import statistics
import sys
import threading
import time
import urllib.parse
import zipfile
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# 1–3 words: common and rare words, labels, materials, and prefixes as they are typed.
QUERIES = (
    "children",
    "chi",
    "chil",
    "water",
    "sand",
    "flour",
    "sieve",
    "dry pasta",
    "cookie cutters",
    "spices",
    "lullaby",
    "rhythm",
    "frustration",
    "grandparents",
    "sensory",
    "motor skills",
    "pas",
    "bubble station",
    "measuring rice",
    "babies blanket",
    "song",
    "songs for babies",
)
KEY_DELAY_MS = 120
TARGETS = {"median_ms": 200, "worst_ms": 400, "task_ms": 100, "mb_per_1000": 2.0, "first_kb": 300}
UI = {
    "new": {
        "box": "#mochila-search-input",
        "list": ".mochila-search__list",
        "status": ".mochila-search__status",
    },
    "old": {
        "box": "input.md-search__input",
        "list": ".md-search-result__list",
        "status": ".md-search-result__meta",
        "open": 'label.md-header__button[for="__search"]',
    },
}

# Installed before any script of the page: records long tasks, the last keystroke and the
# first change of the results list after it.
PROBE = """
(() => {
  const probe = (window.__probe = { tasks: [], firstInput: null, lastInput: null, results: null });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.tasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {}
  document.addEventListener("input", () => {
    probe.lastInput = performance.now();
    if (probe.firstInput === null) probe.firstInput = probe.lastInput;
    probe.results = null;
  }, true);
  const watch = () => {
    const list = document.querySelector(LIST);
    if (!list) return setTimeout(watch, 20);
    new MutationObserver(() => {
      if (probe.lastInput !== null && probe.results === null && list.children.length)
        probe.results = performance.now();
    }).observe(list, { childList: true });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
"""


def old_config_text(new_text: str) -> str:
    """The same project with Material's search plugin instead of Mochila's."""
    lines = new_text.splitlines(keepends=True)
    found = [i for i, line in enumerate(lines) if line.strip() == "- mochila/search"]
    if not found:
        raise SystemExit("bench --search: mkdocs.yml does not list mochila/search")
    lines[found[0]] = lines[found[0]].replace("mochila/search", "search")
    return "".join(lines)


def build(bench, corpus_root: Path, content: Path, name: str, config_text: str, env_root: Path):
    """Build ``config_text`` on ``content``; return (site folder, unzipped bundle folder)."""
    import shutil

    project = corpus_root / f"project-{name}"
    shutil.copytree(content, project / "content")
    env = bench.make_project(project, config_text, env_root)
    out = corpus_root / f"out-{name}"
    cmd = [*bench.mochila_cmd(), "-f", "mkdocs.yml", "build", "--output", str(out)]
    figures = bench.measure(
        cmd,
        cwd=project,
        env=env,
        log_path=corpus_root / f"build-{name}.log",
        timeout=3 * bench.timeout_for(len(list(content.rglob("*.md")))),
    )
    zips = sorted((out / "bundles").glob("*.zip"))
    unzipped = corpus_root / f"bundle-{name}"
    with zipfile.ZipFile(zips[0]) as archive:
        archive.extractall(unzipped)
    bundle = next(p for p in unzipped.iterdir() if p.is_dir())
    return out / "site", bundle, figures["wall_s"]


def search_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in (folder / "search").rglob("*") if p.is_file())


class Server:
    """A quiet static HTTP server on 127.0.0.1 for one folder."""

    def __init__(self, folder: Path) -> None:
        handler = partial(_QuietHandler, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def pages_to_open(folder: Path, count: int) -> list[str]:
    """Activity pages, spread over the catalogue, as paths from the folder."""
    found = (folder / "activities").rglob("*.html")
    pages = sorted(p.relative_to(folder).as_posix() for p in found)
    step = max(1, len(pages) // count)
    return [pages[(i * step) % len(pages)] for i in range(count)]


def read_bytes(entries: list[str], base_url: str, folder: Path) -> int:
    """Bytes on disk of the search files among the page's loaded resources."""
    total = 0
    for url in entries:
        if not url.startswith(base_url):
            continue
        rel = urllib.parse.unquote(url[len(base_url) :].split("?")[0].split("#")[0])
        if "search" in rel.split("/")[0] or "lunr" in rel or "workers" in rel:
            path = folder / rel
            if path.is_file():
                total += path.stat().st_size
    return total


def run_queries(browser, kind: str, base_url: str, folder: Path, rate: int, queries) -> dict:
    ui = UI[kind]
    pages = pages_to_open(folder, len(queries))
    rows = []
    outside: list[str] = []
    for query, path in zip(queries, pages, strict=False):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        # Material's search freezes the page for seconds per key at 4x: wait as long as it takes.
        context.set_default_timeout(900_000)
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda r, into=requested: into.append(r.url))
        page.add_init_script(PROBE.replace("LIST", repr(ui["list"])))
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
        page.goto(base_url + urllib.parse.quote(path), wait_until="load")
        if "open" in ui and not page.locator(ui["box"]).is_visible():
            page.locator(ui["open"]).click()
        box = page.locator(ui["box"])
        box.click()
        box.press_sequentially(query, delay=KEY_DELAY_MS)
        page.wait_for_function("window.__probe.results !== null", timeout=900_000, polling=50)
        probe = page.evaluate("window.__probe")
        local = ("file:", "http://127.0.0.1", "data:", "blob:", "about:")
        outside.extend(url for url in requested if not url.startswith(local))
        typed = probe["firstInput"]
        end = probe["results"]
        opening = [d for start, d in probe["tasks"] if start < typed]
        typing = [d for start, d in probe["tasks"] if typed <= start <= end]
        rows.append(
            {
                "query": query,
                "page": path,
                "first_results_ms": round(end - probe["lastInput"], 1),
                "longest_task_opening_ms": round(max(opening, default=0.0), 1),
                "longest_task_typing_ms": round(max(typing, default=0.0), 1),
                "read_bytes": read_bytes(requested, base_url, folder),
            }
        )
        context.close()
    times = [r["first_results_ms"] for r in rows]
    return {
        "queries": len(rows),
        "median_ms": round(statistics.median(times), 1),
        "worst_ms": round(max(times), 1),
        "longest_task_opening_ms": round(max(r["longest_task_opening_ms"] for r in rows), 1),
        "longest_task_typing_ms": round(max(r["longest_task_typing_ms"] for r in rows), 1),
        "first_query_reads_kb": round(max(r["read_bytes"] for r in rows) / 1000, 1),
        "requests_outside": sorted(set(outside)),
        "rows": rows,
    }


def run(bench, args, tmp_root: Path) -> dict[str, Any]:
    """Measure; returns the report's ``search`` section and prints a table."""
    sys.path.insert(0, str(ROOT / "tests"))
    from chromium_launch import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    gen = bench.load_gen_corpus()
    new_text = bench.single_bundle_config_text()
    old_text = old_config_text(new_text)
    sizes = args.sizes if args.sizes_given else [1000]
    if args.large and bench.LARGE_SIZE not in sizes:
        sizes.append(bench.LARGE_SIZE)
    report: dict[str, Any] = {"targets": TARGETS, "key_delay_ms": KEY_DELAY_MS, "sizes": {}}
    for n in sizes:
        corpus_root = tmp_root / f"search-n{n}"
        content = corpus_root / "content"
        gen.generate(content, n, seed=args.seed, languages=("en",))
        figures: dict[str, Any] = {}
        kinds = (("new", new_text), ("old", old_text))
        for kind, text in kinds if args.search_old_queries else kinds[:1]:
            bench.log(f"N={n}: building {kind} …")
            site, bundle, wall = build(bench, corpus_root, content, kind, text, tmp_root)
            figures[kind] = {
                "build_s": wall,
                "data_mb": round(search_bytes(bundle) / 1e6, 3),
                "runs": {},
            }
            server = Server(site)
            try:
                with sync_playwright() as p:
                    browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                    queries = QUERIES if kind == "new" else QUERIES[: args.search_old_queries]
                    for where, base_url, folder in (
                        ("file", bundle.as_uri() + "/", bundle),
                        ("http", server.url, site),
                    ):
                        for rate in (1, 4):
                            label = f"{where} {rate}x"
                            bench.log(f"N={n} {kind}: {label}, {len(queries)} queries …")
                            started = time.perf_counter()
                            result = run_queries(browser, kind, base_url, folder, rate, queries)
                            result["seconds"] = round(time.perf_counter() - started, 1)
                            figures[kind]["runs"][label] = result
                            print_row(bench, kind, label, result)
                    browser.close()
            finally:
                server.close()
        report["sizes"][str(n)] = figures
        print_table(bench, n, figures)
    return report


def print_row(bench, kind: str, label: str, r: dict[str, Any]) -> None:
    bench.log(
        f"  {kind:<9} {label:<9} {r['queries']:>7} {r['median_ms']:>10.1f} "
        f"{r['worst_ms']:>9.1f} {r['longest_task_opening_ms']:>13.1f} "
        f"{r['longest_task_typing_ms']:>12.1f} "
        f"{r['first_query_reads_kb']:>13.1f} {len(r['requests_outside']):>8}"
    )


def print_table(bench, n: int, figures: dict[str, Any]) -> None:
    bench.log("")
    bench.log(f"Search, N={n} activities (one English bundle), Chromium:")
    bench.log(
        f"  {'engine':<9} {'where':<9} {'queries':>7} {'median ms':>10} {'worst ms':>9} "
        f"{'task opening':>13} {'task typing':>12} {'1st query KB':>13} {'outside':>8}"
    )
    for kind in figures:
        for label, r in figures[kind]["runs"].items():
            print_row(bench, kind, label, r)
    for kind in figures:
        mb = figures[kind]["data_mb"]
        bench.log(
            f"  {kind}: search data {mb:.2f} MB ({mb * 1000 / n:.2f} MB per 1,000 activities), "
            f"build {figures[kind]['build_s']:.1f} s"
        )
    t = TARGETS
    bench.log(
        f"  targets at 4x from file://: median <= {t['median_ms']} ms, worst <= {t['worst_ms']} "
        f"ms, no task over {t['task_ms']} ms, <= {t['mb_per_1000']} MB per 1,000 activities, "
        f"first query reads <= {t['first_kb']} KB"
    )
    bench.log("")
