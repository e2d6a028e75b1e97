"""The offline check fails a bundle only for what a page would load from the network.

A page may cite the web (links, text, code samples); only what the browser fetches by itself
when it shows the page breaks a bundle opened with no internet.
"""

from __future__ import annotations

import pytest

from mochila.bundler import scan_text


def lines(name: str, text: str) -> list[int]:
    return [ref.line for ref in scan_text(name, text)]


PAGE = "<!DOCTYPE html>\n<html><head><title>t</title></head><body>\n{}\n</body></html>\n"

LOADS = [
    '<script src="https://cdn.example/x.js"></script>',
    "<SCRIPT SRC=https://cdn.example/x.js></SCRIPT>",
    '<link rel="stylesheet" href="https://cdn.example/x.css">',
    '<link rel="alternate stylesheet" href="https://cdn.example/x.css">',
    '<link rel="icon" href="//cdn.example/favicon.png">',
    '<link rel="preload" as="font" href="https://fonts.example/f.woff2">',
    '<link rel="modulepreload" href="https://cdn.example/m.js">',
    '<link rel="preload" as="image" imagesrcset="a.png 1x, https://x.example/b.png 2x">',
    '<img src="https://x.example/a.png" alt="">',
    '<img src="a.png" srcset="a.png 1x, https://x.example/b.png 2x" alt="">',
    '<picture><source srcset="https://x.example/a.webp"><img src="a.png" alt=""></picture>',
    '<iframe src="https://www.youtube.com/embed/x"></iframe>',
    '<audio src="https://x.example/a.mp3"></audio>',
    '<video src="v.mp4" poster="https://x.example/p.png"></video>',
    '<video><source src="https://x.example/v.mp4" type="video/mp4"></video>',
    '<video src="v.mp4"><track src="https://x.example/c.vtt"></video>',
    '<embed src="https://x.example/a.swf">',
    '<object data="https://x.example/a.svg"></object>',
    '<input type="image" src="https://x.example/go.png" alt="go">',
    '<div style="background: url(https://x.example/bg.png)"></div>',
    "<div style=\"background-image: url('//x.example/bg.png')\"></div>",
    '<style>@import "https://x.example/a.css";</style>',
    "<style>@import url(https://x.example/a.css);</style>",
    "<style>@font-face{font-family:f;src:url(https://fonts.example/f.woff2)}</style>",
    '<style>p{background:image-set("https://x.example/a.png" 1x)}</style>',
    '<script>fetch("https://api.example/data")</script>',
    '<script type="module">import x from "https://cdn.example/x.js"</script>',
    "<button onclick=\"fetch('https://api.example/x')\">go</button>",
    '<meta http-equiv="refresh" content="0; url=https://x.example/">',
    '<base href="https://x.example/">',
    '<svg><image href="https://x.example/a.png"/></svg>',
    '<svg><use xlink:href="https://x.example/sprite.svg#i"/></svg>',
    '<iframe srcdoc="&lt;img src=&quot;https://x.example/a.png&quot;&gt;"></iframe>',
    '<img src=" ht\ttps://x.example/a.png" alt="">',
    '<img src="http:x.example/a.png" alt="">',
]


@pytest.mark.parametrize("element", LOADS)
def test_what_a_page_loads_is_found_at_its_line(element):
    assert lines("page.html", PAGE.format(element)) == [3]


NEVER_LOADED = [
    '<a href="https://example.org/path">source</a>',
    "<a href=//example.org>source</a>",
    '<a href="https://example.org">https://example.org</a>',
    '<area href="https://example.org/map" alt="map">',
    '<form action="https://example.org/form"><button formaction="https://x.example">x</button>',
    '<link rel="alternate" hreflang="es" href="https://example.org/es/">',
    '<link rel="canonical" href="https://example.org/page.html">',
    '<link rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/">',
    "<p>See https://example.org/path for more.</p>",
    '<pre><code>fetch("https://api.example/x")\n&lt;img src="https://x.example/a.png"&gt;</code></pre>',
    '<p title="https://example.org" data-url="https://example.org">text</p>',
    '<img src="images/a.png" alt="from https://example.org">',
    "<!-- https://example.org --><p>text</p>",
    '<script type="application/json" id="__config">{"u": "https://example.org"}</script>',
    '<script type="application/ld+json">{"@context": "https://schema.org"}</script>',
    '<style>q::after{content:"https://example.org"}/* https://c.example */</style>',
    "<div style=\"content: 'https://example.org'\"></div>",
    "<style>i{mask:url(\"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'>"
    '<!-- https://fontawesome.com --></svg>")}</style>',
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
    '<a href="https://example.org"><text>x</text></a></svg>',
    '<a href="mailto:team@example.org">mail</a> <a href="tel:+441234">call</a>',
]


@pytest.mark.parametrize("element", NEVER_LOADED)
def test_links_text_code_and_data_never_fail_a_bundle(element):
    assert lines("page.html", PAGE.format(element)) == []


def test_a_script_is_read_whole_even_where_the_parser_splits_it():
    # html.parser hands a script's text over in pieces at each '</'; read piece by piece, the
    # second would start inside a string and take its '/*' for a comment.
    script = '<script>var a = "</b> /* "; fetch("https://api.example/x"); // */</script>'
    assert lines("page.html", PAGE.format(script)) == [3]


def test_a_script_never_closed_is_read_to_the_end():
    assert lines("page.html", '<p>x</p>\n<script>\nfetch("https://api.example/x")') == [3]


def test_a_script_holding_only_data_loads_nothing_but_one_that_runs_code_does():
    index = 'var __index = {"docs": [{"text": "<code>https://example.org/x</code>"}]}'
    assert lines("search/search_index.js", index) == []
    assert lines("search/search_index.js", index + ";\n") == []
    code = 'var __index = {"u": "https://example.org/x"}; fetch(__index.u)'
    assert lines("a.js", code) == [1]


def test_css_files_report_only_what_they_load():
    css = (
        'a::after{content:"https://example.org"}\n'
        "/* https://example.org */ b{background:url(https://x.example/b.png)}\n"
        "@import 'https://x.example/c.css';\n"
        "c{background:url(img/ok.png)}\n"
        "d{background:url( //x.example/d.png )}\n"
        "e{background:url(data:image/svg+xml;utf8,https://x.example/no.png)}\n"
    )
    assert lines("a.css", css) == [2, 3, 5]


def test_svg_files_report_what_they_load_not_their_namespaces_or_links():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
        '<a xlink:href="https://example.org"><text>x</text></a>\n'
        '<image xlink:href="https://x.example/p.png"/>\n'
        '<feImage href="https://x.example/f.png"/></svg>\n'
    )
    assert lines("a.svg", svg) == [3, 4]
