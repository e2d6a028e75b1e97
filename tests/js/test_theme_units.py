"""The theme scripts' pure functions, called one by one in Chromium on a built page.

Why: the behaviour tests (test_theme_js.py) click through pages; these pin down the rules
underneath (which cards a filter keeps and what each option counts, how the filter state is
written in the address, what the journal downloads contain, how dates and words are
presented) with exact inputs and outputs. They call the real files (theme/assets/mochila/*.js)
through ``window.Mochila`` on a page Mochila built (``theme_site`` in conftest.py).
"""

from __future__ import annotations

import pytest
from chromium_launch import CHROMIUM, CHROMIUM_ARGS, missing_chromium_reason

playwright_sync = pytest.importorskip("playwright.sync_api")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        missing_chromium_reason() is not None, reason=str(missing_chromium_reason())
    ),
]


@pytest.fixture(scope="module")
def js(theme_site):
    """A function ``js(expression_or_function, arg)`` evaluated on the built English journal
    page (its scripts loaded, no error logged)."""
    errors: list[str] = []
    with playwright_sync.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(locale="en-GB")
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(theme_site.url("journal.html"))
        page.wait_for_function("window.Mochila && window.Mochila.catalogue")
        yield page.evaluate
        browser.close()
    assert errors == []


def test_the_namespace_holds_every_feature(js):
    assert js("Object.keys(window.Mochila).sort()") == sorted(
        [
            "PREFIX", "t", "storeName", "openStorage", "storeGet", "storeSet", "pageLang",
            "formatDate", "fold", "safeHref", "escapeHtml", "setText", "el",
            "print", "languageMenu", "prompts", "journal", "catalogue",
        ]
    )  # fmt: skip
    assert js("typeof window.mochila") == "undefined"  # one global only


# ------------------------------------------------------------------------------- core


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Água", "agua"),
        ("NIÑO", "nino"),
        ("Über Ça", "uber ca"),
        ("bebés  y   niños", "bebés  y   niños".replace("é", "e").replace("ñ", "n")),
        ("", ""),
        (None, ""),
    ],
)
def test_fold_lowers_and_drops_accents(js, text, folded):
    assert js("text => Mochila.fold(text)", text) == folded


def test_dates_are_written_in_the_language_asked(js):
    iso = "2026-11-20T10:00:00.000Z"
    assert js("iso => Mochila.formatDate(iso, 'en')", iso) == "November 20, 2026"
    assert js("iso => Mochila.formatDate(iso, 'es')", iso) == "20 de noviembre de 2026"
    assert js("iso => Mochila.formatDate(iso, 'en-GB')", iso) == "20 November 2026"
    assert js("Mochila.formatDate('not a date', 'en')") == ""
    assert js("Mochila.formatDate('', 'es')") == ""


def test_strings_fill_their_placeholders(js):
    assert js("Mochila.t('written_on', {date: 'today'})") == "Written on today"
    assert js("Mochila.t('written_on')") == "Written on {date}"
    assert js("Mochila.t('no such string')") == ""


def test_only_relative_links_are_safe(js):
    cases = {
        "activities/water-play.html": "activities/water-play.html",
        "../es/x.html#a": "../es/x.html#a",
        "javascript:alert(1)": "",
        "JavaScript:alert(1)": "",
        "https://example.org/": "",
        "//example.org/x": "",
        "data:text/html,x": "",
        "": "",
    }
    assert js("cases => Object.keys(cases).map(Mochila.safeHref)", cases) == list(cases.values())
    assert js("Mochila.safeHref(42)") == ""


# -------------------------------------------------------------------------- catalogue

# Three facets (age, areas, tags) and five cards.
CARDS = [
    {"values": [["0-11", "12-23"], ["sensory"], ["water"]]},  # 0
    {"values": [["12-23"], ["motor"], ["water", "outdoor"]]},  # 1
    {"values": [["0-11"], ["motor", "sensory"], []]},  # 2
    {"values": [["24-35"], ["language"], ["outdoor"]]},  # 3
    {"values": [["0-11"], ["language"], ["water"]]},  # 4
]
ALL_TEXT = [True] * len(CARDS)


def run_filter(js, selected, text_ok=ALL_TEXT):
    sets = [None if values is None else dict.fromkeys(values, True) for values in selected]
    return js(
        "([cards, sets, ok]) => Mochila.catalogue.filter(cards, sets, ok)", [CARDS, sets, text_ok]
    )


def test_nothing_ticked_shows_every_card_and_counts_every_value(js):
    result = run_filter(js, [None, None, None])
    assert result["visible"] == [True] * 5
    assert result["shown"] == 5
    assert result["counts"] == [
        {"0-11": 3, "12-23": 2, "24-35": 1},
        {"sensory": 2, "motor": 2, "language": 2},
        {"water": 3, "outdoor": 2},
    ]


def test_values_of_one_facet_combine_with_or_and_facets_with_and(js):
    result = run_filter(js, [["0-11", "24-35"], None, None])
    assert result["visible"] == [True, False, True, True, True]
    result = run_filter(js, [["0-11"], ["motor", "language"], None])
    assert result["visible"] == [False, False, True, False, True]
    assert result["shown"] == 2


def test_counts_are_faceted(js):
    """Each facet is counted against the other facets' selection: an option says how many
    cards it would show if ticked too; a card failing two facets counts nowhere."""
    result = run_filter(js, [["0-11"], ["motor"], None])
    assert result["visible"] == [False, False, True, False, False]
    # age counted with areas=motor only: cards 1 and 2.
    assert result["counts"][0] == {"12-23": 1, "0-11": 1}
    # areas counted with age=0-11 only: cards 0, 2 and 4.
    assert result["counts"][1] == {"sensory": 2, "motor": 1, "language": 1}
    # tags (nothing ticked) counted over the visible card only.
    assert result["counts"][2] == {}
    assert result["shown"] == 1


def test_a_card_failing_the_text_box_is_counted_nowhere(js):
    result = run_filter(js, [None, None, None], [True, False, True, True, False])
    assert result["visible"] == [True, False, True, True, False]
    assert result["counts"][2] == {"water": 1, "outdoor": 1}
    result = run_filter(js, [["24-35"], None, None], [True, True, True, False, True])
    assert result["shown"] == 0
    assert result["counts"][0] == {"0-11": 3, "12-23": 2}


def test_text_terms_are_folded_words_all_required(js):
    terms = js("Mochila.catalogue.queryTerms('  Niño   AGUA ')")
    assert terms == ["nino", "agua"]
    assert js("Mochila.catalogue.queryTerms('   ')") == []
    text = js("Mochila.fold('Bebés y niños juegan con el agua')")
    assert js("([t, q]) => Mochila.catalogue.matchesText(t, q)", [text, terms]) is True
    assert js("([t, q]) => Mochila.catalogue.matchesText(t, q)", [text, ["agua", "arena"]]) is False
    assert js("([t, q]) => Mochila.catalogue.matchesText(t, q)", [text, []]) is True


NAMES = ["age", "areas", "tags", "años & más"]


def encode(js, state):
    return js("([s, n]) => Mochila.catalogue.encodeHash(s, n)", [state, NAMES])


def decode(js, hash_):
    return js("([h, n]) => Mochila.catalogue.decodeHash(h, n)", [hash_, NAMES])


def test_hash_lists_facets_in_form_order_values_as_given(js):
    state = {"q": " agua ", "selected": {"tags": ["water"], "age": ["0-11", "12-23"]}}
    assert encode(js, state) == "age=0-11,12-23&tags=water&q=agua"
    assert encode(js, {"q": "", "selected": {"age": []}}) == ""


@pytest.mark.parametrize(
    "state",
    [
        {"q": "agua", "selected": {"age": ["0-11", "12-23"], "areas": ["motor"]}},
        {"q": "café & té + 50% #1 = ok, ¿sí?", "selected": {}},
        {"q": "", "selected": {"tags": ["a,b", "x&y=z", "ñandú", "100%", "#h", "+p", "sp ace"]}},
        {"q": "日本語 عربى", "selected": {"años & más": ["3–5"]}},
    ],
    ids=["plain", "odd-query", "odd-values", "odd-facet"],
)
def test_hash_round_trip(js, state):
    hash_ = encode(js, state)
    assert "#" not in hash_ and " " not in hash_
    assert decode(js, "#" + hash_) == state
    assert decode(js, hash_) == state


def test_hash_that_is_not_a_filter_state(js):
    assert decode(js, "#todas-las-actividades") is None  # a plain anchor
    assert decode(js, "") is None
    assert decode(js, "#colour=red&size=2") is None  # no facet of this page
    assert decode(js, "#=x") is None


def test_hash_reads_what_people_type_and_skips_what_is_broken(js):
    assert decode(js, "#q=ba%C3%B1o+tibio") == {"q": "baño tibio", "selected": {}}
    assert decode(js, "#age=") == {"q": "", "selected": {"age": []}}  # clears the filters
    assert decode(js, "#age=0-11,%E0%A4%A,12-23&q=%E0%A4%A&colour=red") == {
        "q": "",
        "selected": {"age": ["0-11", "12-23"]},
    }


# ---------------------------------------------------------------------------- journal

GROUPS = [
    {
        "activity": "water-play",
        "title": 'Pouring & "floating" <b>',
        "path": "activities/water-play.html",
        "entries": [
            {
                "key": "mochila:site-en:water-play:before-1",
                "promptId": "before-1",
                "prompt": "What did you play\nwith   water?",
                "answer": "Boats <img src=x onerror=alert(1)>\r\nMud & 'pies'",
                "updated": "2026-11-20T10:00:00.000Z",
            },
            {
                "key": "mochila:site-en:water-play:after-1",
                "promptId": "after-1",
                "prompt": "What surprised you?",
                "answer": "Nothing",
                "updated": "",
            },
        ],
    }
]


def test_journal_markdown(js):
    text = js("([g]) => Mochila.journal.markdown(g, 'My reflections', 'en')", [GROUPS])
    assert text == "\ufeff" + "\r\n".join(
        [
            "# My reflections",
            "",
            '## Pouring & "floating" <b>',
            "",
            "**What did you play with water?**",
            "",
            "> Boats <img src=x onerror=alert(1)>",
            "> Mud & 'pies'",
            "",
            "_Written on November 20, 2026_",
            "",
            "**What surprised you?**",
            "",
            "> Nothing",
            "",
        ]
    )


def test_journal_markdown_dates_in_the_page_language(js):
    text = js("([g]) => Mochila.journal.markdown(g, 'Mis reflexiones', 'es')", [GROUPS])
    assert "20 de noviembre de 2026" in text


def test_journal_html_escapes_every_text(js):
    page = js("([g]) => Mochila.journal.html(g, 'My <reflections>', 'en')", [GROUPS])
    assert page.startswith('<!doctype html>\n<html lang="en"><head><meta charset="utf-8">')
    assert "<title>My &lt;reflections&gt;</title>" in page
    assert "<h1>My &lt;reflections&gt;</h1>" in page
    assert "<h2>Pouring &amp; &quot;floating&quot; &lt;b&gt;</h2>" in page
    assert '<p class="prompt">What did you play\nwith   water?</p>' in page
    assert (
        '<p class="answer">Boats &lt;img src=x onerror=alert(1)&gt;\r\nMud &amp; &#39;pies&#39;</p>'
        in page
    )
    assert '<p class="date">Written on November 20, 2026</p>' in page
    assert page.count('<p class="date">') == 1  # no date, no line
    assert "<img" not in page and "<b>" not in page
    for external in ("http:", "https:", "src=", "href=", "@import", "url("):
        assert external not in page.replace("src=x", "")


def test_journal_html_parses_to_the_same_texts(js):
    """What the browser reads back from the downloaded page is exactly what was written."""
    texts = js(
        """([g]) => {
            const doc = new DOMParser().parseFromString(
                Mochila.journal.html(g, 'T', 'en'), 'text/html');
            return [doc.querySelector('h2').textContent,
                    doc.querySelector('.answer').textContent,
                    doc.querySelectorAll('img, b, script').length];
        }""",
        [GROUPS],
    )
    assert texts == [GROUPS[0]["title"], GROUPS[0]["entries"][0]["answer"].replace("\r", ""), 0]


def test_journal_collects_one_store_grouped_and_ordered(js):
    """Answers of this store only, grouped by activity sorted by title, prompts in the order
    the activity asks them; empty answers and foreign keys are left out."""
    saved = {
        "mochila:site-en:b-act:after-1": {"answer": "A1", "title": "Zebra", "prompt": "P"},
        "mochila:site-en:b-act:before-2": {"answer": "B2", "title": "Zebra"},
        "mochila:site-en:b-act:inline-1": {"answer": "I1"},
        "mochila:site-en:b-act:before-10": {"answer": "B10"},
        "mochila:site-en:a-act:before-1": {"answer": "x", "title": "árbol", "path": "a.html"},
        "mochila:site-en:c-act:before-1": {"answer": "   "},
        "mochila:site-es:a-act:before-1": {"answer": "other store"},
        "mochila:site-en:broken": {"answer": "no prompt id"},
        "unrelated": {"answer": "x"},
    }
    groups = js(
        """(saved) => {
            const keys = Object.keys(saved);
            const storage = {
                length: keys.length,
                key: (i) => keys[i],
                getItem: (k) => JSON.stringify(saved[k]),
            };
            return Mochila.journal.collect(storage, 'site-en', 'es');
        }""",
        saved,
    )
    assert [(g["activity"], g["title"], g["path"]) for g in groups] == [
        ("a-act", "árbol", "a.html"),
        ("b-act", "Zebra", ""),
    ]
    assert [e["answer"] for e in groups[0]["entries"]] == ["x"]  # not the other store's
    assert [e["promptId"] for e in groups[1]["entries"]] == [
        "before-2",
        "before-10",
        "inline-1",
        "after-1",
    ]
    assert groups[1]["entries"][3] == {
        "key": "mochila:site-en:b-act:after-1",
        "promptId": "after-1",
        "prompt": "P",
        "answer": "A1",
        "updated": "",
    }


def test_download_names_are_safe_file_names(js):
    assert js("Mochila.journal.fileSafe('bundle-full-es')") == "bundle-full-es"
    assert js("Mochila.journal.fileSafe('../a b/ñ:c')") == "..-a-b-c"
    assert js("Mochila.journal.fileSafe('///')") == "mochila"
