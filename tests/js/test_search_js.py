"""search.js against the Python that builds the index (issue 14), in Chromium, from file://.

The folding, word and n-gram rules and the stemmers are written once, in Python, and shipped in
the manifest; search.js applies them. These tests check that it applies them to the same
results as Python on words of every kind, and that the engine finds, ranks and marks what a
reader expects on a small index built by the real code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from chromium_launch import CHROMIUM, CHROMIUM_ARGS, missing_chromium_reason

from mochila.domain.search.index import SearchDocument, build_index
from mochila.domain.search.stemmer import TABLES, stem, table_for
from mochila.domain.search.text import fold, rules, runs

playwright_sync = pytest.importorskip("playwright.sync_api")

SEARCH_JS = Path(__file__).resolve().parents[2] / "theme" / "assets" / "mochila" / "search.js"
pytestmark = pytest.mark.skipif(missing_chromium_reason() is not None, reason="no Chromium")

WORDS = {
    "en": "children child babies baby songs boxes watches glasses playing played bus is seed "
    "feet teeth wolves leaves Things Ünïcode",
    "es": "canciones canción niños niña luces flores padres cumpleaños Árbol veces meses agua "
    "mesa juguetes",
    "fr": "animaux petites jeux chevaux eaux yeux garçon",
    "pt": "canções pães bens papéis crianças",
    "qu": "wawakuna pukllay",
}
TEXTS = [
    "¡Niños! l'eau, agua-fría 3 años",
    "日本語のテキストabc 한국어 テスト",
    "مَرْحَبًا بالعالم नमस्ते दुनिया",
    "Ça va? «Très» bien — 2026-03-14",
]


@pytest.fixture(scope="module")
def browser():
    with playwright_sync.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def page(browser):
    page = browser.new_page()
    page.goto("about:blank")
    page.add_script_tag(content=SEARCH_JS.read_text(encoding="utf-8"))
    yield page
    page.close()


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_stems_are_the_same_in_python_and_javascript(page, lang):
    table = table_for(lang)
    words = [fold(w) for w in WORDS[lang].split()]
    expected = [stem(w, table) for w in words]
    got = page.evaluate(
        """([rules, table, words]) => {
            const r = window.MochilaSearch._rules;
            r.setRules(rules, table);
            return words.map((w) => r.stem(r.fold(w), table));
        }""",
        [rules(), table, WORDS[lang].split()],
    )
    assert got == expected


def test_every_table_is_applied_alike_to_every_suffix(page):
    """Each rule's suffix, on words just long enough and just too short for it."""
    cases = []
    for lang, table in TABLES.items():
        for step in table["steps"]:
            for suffix, _, keep in step:
                for size in (keep - 1, keep, keep + 2):
                    cases.append((lang, "b" * max(size, 0) + suffix))
        cases.extend((lang, word) for word in table["exceptions"])
    script = "([tables, cases]) => cases.map(([l, w]) => MochilaSearch._rules.stem(w, tables[l]))"
    got = page.evaluate(script, [TABLES, cases])
    assert got == [stem(w, TABLES[lang]) for lang, w in cases]


@pytest.mark.parametrize("text", TEXTS)
def test_words_and_scripts_without_spaces_split_alike(page, text):
    expected = [[run, ngram] for run, ngram in runs(fold(text))]
    got = page.evaluate(
        """([rules, text]) => {
            const r = window.MochilaSearch._rules;
            r.setRules(rules, null);
            return r.runs(r.fold(text)).map((x) => [x[0], x[1]]);
        }""",
        [rules(), text],
    )
    assert got == expected


# ----------------------------------------------------------------------------- the engine

DOCS = [
    SearchDocument(
        "activities/a.html",
        "Sand kitchen",
        summary="Children cook pretend meals.",
        body="A song about water, sung while pouring.",
    ),
    SearchDocument(
        "activities/b.html",
        "Las canciones de cumpleaños",
        summary="Songs for every birthday.",
        labels=("Música",),
        materials=("un tambor",),
        body="Los niños cantan.",
    ),
    SearchDocument(
        "activities/c.html", "Water play", summary="Babies pour water.", body="Splash and sing."
    ),
    SearchDocument("about.html", "About", body="日本語のテキストもあります。"),
]


@pytest.fixture(scope="module")
def engine(browser, tmp_path_factory):
    """A page from file:// with search.js and an index of DOCS (Spanish stemmer)."""
    root = tmp_path_factory.mktemp("engine")
    for name, text in build_index(DOCS, "es").items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "search.js").write_text(SEARCH_JS.read_text(encoding="utf-8"), encoding="utf-8")
    (root / "page.html").write_text(
        '<!doctype html><meta charset="utf-8"><script src="search.js"></script>', "utf-8"
    )
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.goto((root / "page.html").as_uri())
    page.evaluate("new Promise((ok) => MochilaSearch.open('search/', ok))")
    yield page
    assert [u for u in requests if not u.startswith("file://")] == []
    context.close()


def search(page, query: str) -> list[str]:
    """Paths of the results of ``query``, best first."""
    return page.evaluate(
        """(q) => new Promise((ok) => MochilaSearch.search(q, (result) =>
            MochilaSearch.documents(result.hits, (rows) => ok(rows.map((r) => r[0])))))""",
        query,
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("canción", ["activities/b.html"]),  # singular finds the plural
        ("cumpleanos", ["activities/b.html"]),  # without the tilde
        ("CUMPLEAÑOS", ["activities/b.html"]),
        ("cump", ["activities/b.html"]),  # a prefix while typing
        ("tambor", ["activities/b.html"]),  # materials
        ("musica", ["activities/b.html"]),  # labels
        ("niño", ["activities/b.html"]),  # body, plural in the text
        ("日本", ["about.html"]),  # no spaces: pairs of characters
        ("テキスト", ["about.html"]),
        ("本", ["about.html"]),
        ("water pour", ["activities/c.html", "activities/a.html"]),  # every word must match
        ("zzz", []),
        ("", []),
    ],
)
def test_the_engine_finds(engine, query, expected):
    assert search(engine, query) == expected


def test_title_matches_rank_first(engine):
    # "water": title of c, body of a. "song": summary of b, body of a; "canciones" is not it.
    assert search(engine, "water") == ["activities/c.html", "activities/a.html"]
    assert search(engine, "sand")[0] == "activities/a.html"


def test_ranges_mark_the_words_a_query_matched(engine):
    marked = engine.evaluate(
        """() => {
            const text = "Las canciones de cumpleaños; una canción.";
            const tokens = MochilaSearch.tokens("cancion cumple");
            return MochilaSearch.ranges(text, tokens).map(([a, b]) => text.slice(a, b));
        }"""
    )
    assert marked == ["canciones", "cumpleaños", "canción"]


def test_only_the_shards_a_query_needs_are_loaded(engine):
    loaded = engine.evaluate(
        """() => new Promise((ok) => MochilaSearch.search("tambor", () => ok(
            performance.getEntriesByType("resource").map((e) => e.name))))"""
    )
    # file:// loads are not in resource timing everywhere; the scripts left no tags behind.
    assert engine.evaluate("document.querySelectorAll('script[src*=\"search/\"]').length") == 0
    assert isinstance(loaded, list)
