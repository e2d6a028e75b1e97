"""Search libraries with a prebuilt index against Mochila's engine (issue 14, point 5):
``scripts/bench --search-libraries``.

Issue 14 asks to prefer a maintained JavaScript library over our own engine if one meets the
targets with a prebuilt index. This measures MiniSearch, FlexSearch and lunr (what Material's
search uses, here with its index built ahead instead of in the page) the way
``bench_search.py`` measures Mochila's engine, on the same corpus and queries:

1. One English corpus of N activities (default 1,000; ``gen_corpus.py``, same seed) is built
   once with the repository's mkdocs.yml and one bundle (``full-en``), as ``bench --search``
   builds it.
2. The text of every activity of that bundle is read: title, summary, age, duration, areas and
   materials from the rows of Mochila's ``search/d-*.js``, the body from the page's HTML (the
   article without its card, reflection prompts, related activities and credits, which
   Mochila's index leaves out too).
3. The three packages are installed from npm into a temporary folder (exact versions below,
   nothing is kept or vendored). Node builds each library's index over those documents and
   writes it, serialized, into ONE classic script ``window.__INDEX = ...`` (``file://`` forbids
   fetch, XHR, workers and modules), next to a test page that loads the library's browser build,
   that script, and a small harness: it restores the index (MiniSearch ``loadJSONAsync``, its
   loader in batches; FlexSearch ``Document.import`` of each exported key, awaited one by one;
   ``lunr.Index.load``) and, on every ``input`` event, searches with the library's prefix
   matching and draws the 20 first results (title, age, duration, areas, summary).
4. Each test page is opened from ``file://`` in Debian's Chromium, CPU throttled 1x and 4x
   (CDP ``Emulation.setCPUThrottlingRate``), a fresh context per query, and every query of
   ``bench_search.QUERIES`` is typed one key every 120 ms, measured with ``bench_search.PROBE``:
   first results after the last keystroke, the longest main-thread task (``longtask``) while
   opening and while typing, and ``ready``: time from the page's start until the index is
   restored. Mochila's engine is measured beside them by ``bench_search.run_queries`` on the
   bundle (a real activity page, whose search reads its shards on demand: no "ready" figure).

"index KB" is the size of the serialized index script; "1st query KB" is what a page reads
before its first answer: for the libraries the index and the library itself (they need all of
it), for Mochila the search files the page requested. The libraries are measured on a bare
page, so their figures are a lower bound of what they would cost inside a real page.
Before each browser session the script waits (up to 10 minutes) while the load average is above
2.5, so other work on the machine does not colour the figures.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import bench_search

ROOT = Path(__file__).resolve().parents[1]
# Pinned: the latest of each line when this was written (MiniSearch 7.x, FlexSearch 0.8.x,
# lunr 2.3.9, the version Material's search ships).
PACKAGES = {"minisearch": "7.2.0", "flexsearch": "0.8.212", "lunr": "2.3.9"}
# The browser build of each package, loaded as a classic script.
BROWSER_BUILD = {
    "minisearch": "dist/umd/index.js",
    "flexsearch": "dist/flexsearch.bundle.min.js",
    "lunr": "lunr.min.js",
}
RESULTS_SHOWN = 20
MAX_LOAD = 2.5
# Fields every library indexes (the words Mochila's index holds) and the ones a result shows.
FIELDS = ("title", "summary", "labels", "materials", "body")
SHOWN = ("path", "title", "summary", "age", "duration", "areas")
# Title matches rank first, as in Mochila's engine (FlexSearch's merge takes no boost).
BOOST = {"title": 10, "labels": 3, "summary": 2}
# "forward" indexes every prefix of a word: FlexSearch's prefix matching as you type.
FLEX_OPTIONS = {
    "document": {
        "id": "id",
        "index": [{"field": f, "tokenize": "forward"} for f in FIELDS],
        "store": list(SHOWN),
    }
}
# Held out of the body: the card repeats labels, the rest is not the activity's own text.
NOT_BODY = "|".join(
    [".//h1"]
    + [
        f".//*[contains(concat(' ', @class, ' '), ' {name} ')]"
        for name in (
            "mochila-card",
            "mochila-reflection",
            "mochila-related",
            "mochila-credit",
            "mochila-print-footer",
        )
    ]
)

# Folding shared by the Node build and the page (MiniSearch and lunr fold nothing by default;
# FlexSearch's default encoder already folds case and accents).
FOLD_JS = 'function fold(t) { return t.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "")' + (
    ".toLowerCase(); }"
)

# Run by Node in the npm folder: documents.json -> one folder per library with its index.
BUILDER_JS = """
const fs = require("fs");
const path = require("path");
const [docsFile, outDir] = process.argv.slice(2);
const docs = JSON.parse(fs.readFileSync(docsFile, "utf8"));
const shown = (d) => Object.fromEntries(SHOWN.map((k) => [k, d[k]]));
const write = (name, value) => {
  fs.mkdirSync(path.join(outDir, name), { recursive: true });
  fs.writeFileSync(path.join(outDir, name, "index.js"), "window.__INDEX = " + value + ";\\n");
};

async function main() {
  // MiniSearch: JSON.stringify of the index, restored with MiniSearch.loadJSONAsync (a string).
  const MiniSearch = require("minisearch");
  const ms = new MiniSearch({
    fields: FIELDS, storeFields: SHOWN, processTerm: (t) => fold(t),
  });
  ms.addAll(docs);
  write("minisearch", JSON.stringify(JSON.stringify(ms)));

  // FlexSearch: every key of Document.export, restored with Document.import.
  const FlexSearch = require("flexsearch");
  const flex = new FlexSearch.Document(FLEX_OPTIONS);
  docs.forEach((d) => flex.add(d));
  const parts = [];
  await flex.export((key, data) => { parts.push([key, data]); });
  write("flexsearch", JSON.stringify(parts));

  // lunr: the serialized index (as Material's search would ship it prebuilt) and the shown
  // fields of each document, which lunr does not store.
  const lunr = require("lunr");
  const folded = (d) => Object.fromEntries([["id", d.id], ...FIELDS.map((f) => [f, fold(d[f])])]);
  const index = lunr(function () {
    this.ref("id");
    FIELDS.forEach((f) => this.field(f, { boost: BOOST[f] || 1 }));
    docs.forEach((d) => this.add(folded(d)));
  });
  write("lunr", JSON.stringify({ index: JSON.stringify(index), docs: docs.map(shown) }));
}
main().catch((e) => { console.error(e); process.exit(1); });
"""


# In the page: how each library restores its index and answers a query (prefix matching).
ENGINES = {
    "minisearch": """
let ms;
const engine = {
  async open(data) {
    // The batched loader MiniSearch offers so a large index does not block the page.
    const options = { fields: FIELDS, storeFields: SHOWN, processTerm: fold };
    ms = await MiniSearch.loadJSONAsync(data, options);
  },
  search(q) {
    return ms.search(q, { prefix: true, combineWith: "AND", boost: BOOST });
  },
};
""",
    "flexsearch": """
let flex;
const engine = {
  async open(parts) {
    flex = new FlexSearch.Document(FLEX_OPTIONS);
    for (const [key, data] of parts) await flex.import(key, data);
  },
  search(q) {
    return flex.search(q, { limit: LIMIT, enrich: true, merge: true }).map((r) => r.doc);
  },
};
""",
    "lunr": """
let idx, docs;
const engine = {
  open(data) {
    idx = lunr.Index.load(JSON.parse(data.index));
    docs = data.docs;
  },
  search(q) {
    // Each word stemmed as typed, and as a prefix (lunr's required presence would demand the
    // word in every field, so words are optional and ranked, as in Material's search).
    const words = fold(q).split(/\\s+/).filter((w) => w && lunr.stopWordFilter(w) !== undefined);
    return idx.query((query) => {
      for (const w of words) {
        query.term(w, { boost: 10 });
        query.term(w, { wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false });
      }
    }).map((r) => docs[r.ref]);
  },
};
""",
}

HARNESS_JS = """
(() => {
  let ready = false, pending = false;
  const box = document.getElementById("q");
  const list = document.getElementById("results");
  const status = document.getElementById("status");
  const show = () => {
    const q = box.value.trim();
    const hits = q ? engine.search(q) : [];
    status.textContent = hits.length + " results";
    const items = hits.slice(0, LIMIT).map((d) => {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = d.path;
      a.textContent = d.title;
      const meta = document.createElement("p");
      meta.textContent = [d.age, d.duration, d.areas].filter(Boolean).join(" · ");
      const summary = document.createElement("p");
      summary.textContent = d.summary || "";
      li.append(a, meta, summary);
      return li;
    });
    if (!items.length) {
      const li = document.createElement("li");
      li.textContent = "No results";
      items.push(li);
    }
    list.replaceChildren(...items);
  };
  box.addEventListener("input", () => (ready ? show() : (pending = true)));
  Promise.resolve(engine.open(window.__INDEX)).then(() => {
    window.__INDEX = null;
    ready = true;
    window.__ready = performance.now();
    if (pending) show();
  });
})();
"""

PAGE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{name}</title></head>
<body>
<label>Search <input id="q" type="search" autocomplete="off"></label>
<p id="status" role="status"></p>
<ol id="results"></ol>
<script src="lib.js"></script>
<script src="index.js"></script>
<script src="app.js"></script>
</body></html>
"""


def js_constants() -> str:
    """The folding and the settings, as JavaScript, shared by the Node build and the pages."""
    values = {
        "FIELDS": FIELDS,
        "SHOWN": SHOWN,
        "BOOST": BOOST,
        "FLEX_OPTIONS": FLEX_OPTIONS,
        "LIMIT": RESULTS_SHOWN,
    }
    return FOLD_JS + "\n" + "".join(f"const {k} = {json.dumps(v)};\n" for k, v in values.items())


def install_packages(folder: Path) -> dict[str, dict[str, str]]:
    """npm-install PACKAGES into ``folder``; return each package's version and licence."""
    folder.mkdir(parents=True, exist_ok=True)
    specs = [f"{name}@{version}" for name, version in PACKAGES.items()]
    subprocess.run(
        ["npm", "install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund"]
        + ["--prefix", str(folder), *specs],
        check=True,
        capture_output=True,
    )
    found = {}
    for name in PACKAGES:
        meta = json.loads((folder / "node_modules" / name / "package.json").read_text())
        found[name] = {"version": meta["version"], "license": str(meta.get("license", "?"))}
    return found


def read_rows(bundle: Path) -> list[list[str]]:
    """Rows of the bundle's ``search/d-*.js`` files, in document order."""
    rows: dict[int, list[list[str]]] = {}
    for path in (bundle / "search").glob("d-*.js"):
        text = path.read_text(encoding="utf-8").strip()
        head, _, rest = text.partition(",")
        rows[int(head.removeprefix("MochilaSearch.docs("))] = json.loads(rest.removesuffix(");"))
    return [row for n in sorted(rows) for row in rows[n]]


def body_text(page: Path) -> str:
    import lxml.html

    article = lxml.html.parse(str(page)).xpath("//article")[0]
    for element in article.xpath(NOT_BODY):
        element.drop_tree()
    return " ".join(article.text_content().split())


def documents(bundle: Path) -> list[dict[str, Any]]:
    """The activities of the bundle, as the libraries index them."""
    docs = []
    for row in read_rows(bundle):
        path, title, summary, age, duration, areas, materials = row[:7]
        if not path.startswith("activities/"):
            continue
        docs.append(
            {
                "id": len(docs),
                "path": path,
                "title": title,
                "summary": summary,
                "age": age,
                "duration": duration,
                "areas": areas,
                "labels": " ".join((age, duration, areas)),
                "materials": materials,
                "body": body_text(bundle / path),
            }
        )
    return docs


def write_pages(npm: Path, docs: list[dict[str, Any]], out: Path) -> dict[str, Path]:
    """Build every library's index with Node; return the folder of each test page."""
    (npm / "build-indexes.js").write_text(js_constants() + BUILDER_JS, encoding="utf-8")
    docs_file = out / "documents.json"
    out.mkdir(parents=True, exist_ok=True)
    docs_file.write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
    subprocess.run(
        ["node", str(npm / "build-indexes.js"), str(docs_file), str(out)],
        check=True,
        cwd=npm,
        capture_output=True,
    )
    folders = {}
    for name in PACKAGES:
        folder = out / name
        shutil.copyfile(npm / "node_modules" / name / BROWSER_BUILD[name], folder / "lib.js")
        app = js_constants() + ENGINES[name] + HARNESS_JS
        (folder / "app.js").write_text(app, encoding="utf-8")
        (folder / "index.html").write_text(PAGE_HTML.format(name=name), encoding="utf-8")
        folders[name] = folder
    return folders


def wait_for_quiet(bench) -> float:
    """Wait while another job keeps the machine busy (at most 10 minutes); return the load."""
    for _ in range(10):
        load = os.getloadavg()[0]
        if load <= MAX_LOAD:
            return load
        bench.log(f"  load average {load:.1f} > {MAX_LOAD}: waiting a minute …")
        time.sleep(60)
    return os.getloadavg()[0]


def run_library(browser, folder: Path, rate: int, queries) -> dict[str, Any]:
    """Type every query into a freshly opened test page of one library; return the figures."""
    url = (folder / "index.html").as_uri()
    shipped = sum((folder / f).stat().st_size for f in ("lib.js", "index.js"))
    rows = []
    outside: list[str] = []
    for query in queries:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        context.set_default_timeout(900_000)
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda r, into=requested: into.append(r.url))
        page.add_init_script(bench_search.PROBE.replace("LIST", repr("#results")))
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
        page.goto(url, wait_until="load")
        page.wait_for_function("window.__ready !== undefined", polling=50)
        box = page.locator("#q")
        box.click()
        box.press_sequentially(query, delay=bench_search.KEY_DELAY_MS)
        page.wait_for_function("window.__probe.results !== null", polling=50)
        probe = page.evaluate("({probe: window.__probe, ready: window.__ready})")
        ready, probe = probe["ready"], probe["probe"]
        outside.extend(u for u in requested if not u.startswith(("file:", "data:", "about:")))
        typed, end = probe["firstInput"], probe["results"]
        opening = [d for start, d in probe["tasks"] if start < typed]
        typing = [d for start, d in probe["tasks"] if typed <= start <= end]
        rows.append(
            {
                "query": query,
                "ready_ms": round(ready, 1),
                "first_results_ms": round(end - probe["lastInput"], 1),
                "longest_task_opening_ms": round(max(opening, default=0.0), 1),
                "longest_task_typing_ms": round(max(typing, default=0.0), 1),
                "results": page.locator("#status").text_content(),
            }
        )
        context.close()
    times = [r["first_results_ms"] for r in rows]
    return {
        "queries": len(rows),
        "ready_ms_median": round(statistics.median(r["ready_ms"] for r in rows), 1),
        "median_ms": round(statistics.median(times), 1),
        "worst_ms": round(max(times), 1),
        "longest_task_opening_ms": round(max(r["longest_task_opening_ms"] for r in rows), 1),
        "longest_task_typing_ms": round(max(r["longest_task_typing_ms"] for r in rows), 1),
        "first_query_reads_kb": round(shipped / 1000, 1),
        "requests_outside": sorted(set(outside)),
        "rows": rows,
    }


def run(bench, args, tmp_root: Path) -> dict[str, Any]:
    """Measure; returns the report's ``search_libraries`` section and prints a table."""
    sys.path.insert(0, str(ROOT / "tests"))
    from chromium_launch import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    gen = bench.load_gen_corpus()
    n = args.sizes[0] if args.sizes_given else 1000
    corpus_root = tmp_root / f"search-libraries-n{n}"
    content = corpus_root / "content"
    gen.generate(content, n, seed=args.seed, languages=("en",))
    bench.log(f"N={n}: building the bundle …")
    text = bench.single_bundle_config_text()
    _site, bundle, wall = bench_search.build(bench, corpus_root, content, "new", text, tmp_root)
    bench.log("installing the libraries from npm …")
    npm = tmp_root / "npm"
    versions = install_packages(npm)
    docs = documents(bundle)
    bench.log(f"building the prebuilt indexes of {len(docs)} activities with Node …")
    started = time.perf_counter()
    folders = write_pages(npm, docs, corpus_root / "pages")
    index_build_s = round(time.perf_counter() - started, 1)
    engines: dict[str, Any] = {
        "mochila": {
            "version": "this repository",
            "index_kb": round(bench_search.search_bytes(bundle) / 1000, 1),
            "runs": {},
        }
    }
    for name, folder in folders.items():
        engines[name] = {
            **versions[name],
            "index_kb": round((folder / "index.js").stat().st_size / 1000, 1),
            "library_kb": round((folder / "lib.js").stat().st_size / 1000, 1),
            "runs": {},
        }
    queries = bench_search.QUERIES
    for name in engines:
        engines[name]["load_average"] = round(wait_for_quiet(bench), 1)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for rate in (1, 4):
                label = f"file {rate}x"
                bench.log(f"  {name}: {label}, {len(queries)} queries …")
                started = time.perf_counter()
                if name == "mochila":
                    base = bundle.as_uri() + "/"
                    result = bench_search.run_queries(browser, "new", base, bundle, rate, queries)
                    result["ready_ms_median"] = None
                else:
                    result = run_library(browser, folders[name], rate, queries)
                result["seconds"] = round(time.perf_counter() - started, 1)
                engines[name]["runs"][label] = result
            browser.close()
    report = {
        "n": n,
        "activities_indexed": len(docs),
        "bundle_build_s": wall,
        "index_build_s": index_build_s,
        "node": subprocess.run(["node", "-v"], capture_output=True, text=True).stdout.strip(),
        "targets": bench_search.TARGETS,
        "engines": engines,
    }
    print_table(bench, report)
    return report


def print_table(bench, report: dict[str, Any]) -> None:
    engines = report["engines"]
    bench.log("")
    bench.log(
        f"Search libraries with a prebuilt index vs Mochila's engine, N={report['n']} "
        f"({report['activities_indexed']} activities indexed), Chromium, file://:"
    )
    bench.log(
        f"  {'engine':<11} {'CPU':<4} {'ready ms':>9} {'median ms':>10} {'worst ms':>9} "
        f"{'task opening':>13} {'task typing':>12} {'index KB':>9} {'1st query KB':>13} "
        f"{'outside':>8}"
    )
    for name, engine in engines.items():
        for label, r in engine["runs"].items():
            ready = "on demand" if r["ready_ms_median"] is None else f"{r['ready_ms_median']:.0f}"
            bench.log(
                f"  {name:<11} {label.split()[1]:<4} {ready:>9} {r['median_ms']:>10.1f} "
                f"{r['worst_ms']:>9.1f} {r['longest_task_opening_ms']:>13.1f} "
                f"{r['longest_task_typing_ms']:>12.1f} {engine['index_kb']:>9.0f} "
                f"{r['first_query_reads_kb']:>13.1f} {len(r['requests_outside']):>8}"
            )
    versions = ", ".join(
        f"{name} {e['version']} ({e['license']}, browser build {e['library_kb']:.0f} KB)"
        for name, e in engines.items()
        if name != "mochila"
    )
    bench.log(f"  versions: {versions}; Node {report['node']}")
    loads = ", ".join(f"{name} {e['load_average']}" for name, e in engines.items())
    bench.log(f"  load average when each engine's measurement started: {loads}")
    bench.log(
        "  ready: page start to index restored (median); 1st query KB: the libraries need "
        "their whole index and build before answering"
    )
    t = report["targets"]
    bench.log(
        f"  targets at 4x from file://: median <= {t['median_ms']} ms, worst <= "
        f"{t['worst_ms']} ms, no task over {t['task_ms']} ms, first query reads <= "
        f"{t['first_kb']} KB"
    )
    for name, engine in engines.items():
        r = engine["runs"].get("file 4x")
        if r is None:
            continue
        misses = [
            label
            for label, ok in (
                ("median", r["median_ms"] <= t["median_ms"]),
                ("worst", r["worst_ms"] <= t["worst_ms"]),
                ("task opening", r["longest_task_opening_ms"] <= t["task_ms"]),
                ("task typing", r["longest_task_typing_ms"] <= t["task_ms"]),
                ("1st query KB", r["first_query_reads_kb"] <= t["first_kb"]),
            )
            if not ok
        ]
        verdict = "meets every target" if not misses else "misses " + ", ".join(misses)
        bench.log(f"  {name} at 4x: {verdict}")
    bench.log("")
