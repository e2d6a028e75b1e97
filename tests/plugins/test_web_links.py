"""Web links: links on the website, readable text that says where they point in a bundle.

Real pages cite sources in every way Markdown allows. The website keeps them as links; a
bundle opened with no internet never links out and never fails because of them: each becomes
``text (example.org/path)``, or ``example.org/path`` when the text is the address, in the page,
in its search entries and in its description. Code stays as written.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
import search_index
from build_fixtures import SampleBuild, build_project, copy_sample_project, parse_html

from mochila.domain.web_address import (
    addresses_as_text,
    find_web_addresses,
    is_web_address,
    names_address,
    shown_address,
)
from mochila.plugins.web_links import rewrite_web_links

# --------------------------------------------------------------------------- how addresses read


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://example.org/", "example.org"),
        ("https://example.org", "example.org"),
        ("http://Example.ORG/Path/", "example.org/Path"),
        ("https://example.org/a/?q=1", "example.org/a/?q=1"),
        ("https://makecode.microbit.org/#pub:553", "makecode.microbit.org/#pub:553"),
        ("https://user:secret@example.org:8080/x", "example.org:8080/x"),
        ("//cdn.example.org/lib.js", "cdn.example.org/lib.js"),
        ("https://ar.wikipedia.org/wiki/%D9%82%D8%B7%D8%A9", "ar.wikipedia.org/wiki/قطة"),
        ("https://example.org/a%20b", "example.org/a%20b"),  # a decoded space would mislead
        ("https://example.org/%FF", "example.org/%FF"),  # not UTF-8: left as written
        ("ftp://files.example.org/a.zip", "files.example.org/a.zip"),
    ],
)
def test_an_address_is_shown_as_in_the_address_bar(url, shown):
    assert shown_address(url) == shown


def test_what_is_a_web_address():
    for url in ("https://x.org", "HTTP://x.org", "//x.org/a", "ftp://x.org"):
        assert is_web_address(url), url
    for url in ("mailto:a@x.org", "tel:+123", "page.md", "#part", "/root", "///x", "javascript:x"):
        assert not is_web_address(url), url


def test_addresses_in_text_end_before_punctuation_and_unopened_brackets():
    text = "See https://x.org/a_(b). Or (https://y.org/q?a=1), and «https://z.org/»."
    assert [text[a:b] for a, b in find_web_addresses(text)] == [
        "https://x.org/a_(b)",
        "https://y.org/q?a=1",
        "https://z.org/",
    ]
    assert addresses_as_text(text) == "See x.org/a_(b). Or (y.org/q?a=1), and «z.org»."
    assert addresses_as_text("No address here.") == "No address here."


def test_a_text_that_shows_its_address_is_not_followed_by_it_again():
    assert names_address("https://x.org/", "x.org")
    assert names_address("www.x.org", "x.org")
    assert names_address("Visit x.org.", "x.org")
    assert not names_address("Visit myx.org", "x.org")
    assert not names_address("x.org.uk", "x.org")
    assert not names_address("the docs", "x.org/docs")


# --------------------------------------------------------------------------- on built HTML

SITE, BUNDLE = False, True


@pytest.mark.parametrize(
    ("html", "in_bundle"),
    [
        (
            '<p>See <a href="https://example.org/path/">the docs</a>.</p>',
            '<p>See <span class="mochila-weblink">the docs '
            '(<bdi class="mochila-address" dir="ltr">example.org/path</bdi>)</span>.</p>',
        ),
        (
            '<p><a href="https://example.org/a/">https://example.org/a</a></p>',
            '<p><span class="mochila-weblink">'
            '<bdi class="mochila-address" dir="ltr">example.org/a</bdi></span></p>',
        ),
        (
            '<p><a href="https://example.org/a">example.org/a</a></p>',
            '<p><span class="mochila-weblink">'
            '<bdi class="mochila-address" dir="ltr">example.org/a</bdi></span></p>',
        ),
        (
            '<p><a href="https://b.org/">https://a.org/</a></p>',
            '<p><span class="mochila-weblink"><bdi class="mochila-address" dir="ltr">a.org</bdi>'
            ' (<bdi class="mochila-address" dir="ltr">b.org</bdi>)</span></p>',
        ),
        (
            '<p><a href="https://x.org/" id="cite-1" class="c" title="t">Visit x.org</a></p>',
            '<p><span class="mochila-weblink" id="cite-1">Visit x.org</span></p>',
        ),
        (
            '<p><a href="//cdn.x.org/a"><img src="i.png" alt="logo"></a></p>',
            '<p><span class="mochila-weblink"><img src="i.png" alt="logo"> '
            '(<bdi class="mochila-address" dir="ltr">cdn.x.org/a</bdi>)</span></p>',
        ),
        (
            '<p><a href="https://x.org/?a=1&amp;b=2"><em>odd</em> &amp; co</a></p>',
            '<p><span class="mochila-weblink"><em>odd</em> &amp; co '
            '(<bdi class="mochila-address" dir="ltr">x.org/?a=1&amp;b=2</bdi>)</span></p>',
        ),
        (
            '<div><p><a href="https://x.org">never closed</p></div>',
            '<div><p><span class="mochila-weblink">never closed '
            '(<bdi class="mochila-address" dir="ltr">x.org</bdi>)</span></p></div>',
        ),
    ],
)
def test_a_web_link_in_a_bundle_reads_text_and_address(html, in_bundle):
    assert rewrite_web_links(html, offline=SITE) == html
    assert rewrite_web_links(html, offline=BUNDLE) == in_bundle


def test_an_address_in_prose_is_a_link_on_the_site_and_text_in_a_bundle():
    html = "<p>Songs at https://x.org/songs/, and more (https://y.org/q?a=1&amp;b=2).</p>"
    assert rewrite_web_links(html, offline=SITE) == (
        '<p>Songs at <a href="https://x.org/songs/">https://x.org/songs/</a>, and more '
        '(<a href="https://y.org/q?a=1&amp;b=2">https://y.org/q?a=1&amp;b=2</a>).</p>'
    )
    assert rewrite_web_links(html, offline=BUNDLE) == (
        '<p>Songs at <bdi class="mochila-address" dir="ltr">x.org/songs</bdi>, and more '
        '(<bdi class="mochila-address" dir="ltr">y.org/q?a=1&amp;b=2</bdi>).</p>'
    )


@pytest.mark.parametrize(
    "html",
    [
        '<pre><code>fetch("https://api.x.org/")</code></pre>',
        "<p><code>https://x.org/</code> <kbd>https://x.org</kbd></p>",
        '<p><a href="mailto:team@x.org">team@x.org</a> <a href="tel:+5491100">call</a></p>',
        '<p><a href="other.html">https://x.org/ is where it comes from</a></p>',
        '<p><textarea placeholder="https://x.org">https://x.org</textarea></p>',
        '<script>var u = "https://x.org/";</script><style>a{}</style>',
        '<p title="https://x.org">no address in the text</p>',
        "<!-- https://x.org --><p>plain</p>",
    ],
)
def test_code_mail_phone_local_links_and_attributes_are_left_alone(html):
    assert rewrite_web_links(html, offline=SITE) == html
    assert rewrite_web_links(html, offline=BUNDLE) == html


def test_a_page_is_copied_byte_for_byte_around_what_changes():
    html = (
        "<p>caf&eacute; &#233; <b>bold</b><br/>\n<img src='x.png' alt=\"a\">"
        '<a href="https://x.org">x</a> <!-- c --> &amp;</p>'
    )
    out = rewrite_web_links(html, offline=BUNDLE)
    assert out.startswith("<p>caf&eacute; &#233; <b>bold</b><br/>\n<img src='x.png' alt=\"a\">")
    assert out.endswith(" <!-- c --> &amp;</p>")


# --------------------------------------------------------------------------- in a real build

SUMMARY = "Songs collected with families, listed at https://songs.example.org/list/ for all."
ACTIVITY = f"""\
---
id: web-sources
title: Songs from the web
summary: {SUMMARY}
audience: [families]
age: {{min: 12, max: 36}}
duration: 20
areas: [language]
---

Inline: [the song book](https://example.org/songs/book?lang=en#start).

Text is the address: [https://example.net/a](https://example.net/a).

Autolink: <https://auto.example.com/path/>.

Bare: see https://bare.example.org/path/page.html, then sing.

Reference: [the archive][archive].

[archive]: https://archive.example.org/x

Raw: <a href="https://raw.example.org/r" title="raw">raw link</a>.

!!! note "Source"
    Inside a box: [boxed](https://box.example.org/b).

- In a list: [listed](https://list.example.org/l)

| Where | Link |
| --- | --- |
| table | [tabled](https://table.example.org/t) |

Write to [the team](mailto:team@example.org) or call [our phone](tel:+5491100000000).

Left out of this edition: [the market stall](market-stall.md).

Code: `https://code.example.org/inline`

```python
requests.get("https://code.example.org/block")
```
"""

# (text in the bundle, the link on the website)
FORMS = [
    (
        "the song book (example.org/songs/book?lang=en#start)",
        "https://example.org/songs/book?lang=en#start",
    ),
    ("Text is the address: example.net/a", "https://example.net/a"),
    ("Autolink: auto.example.com/path.", "https://auto.example.com/path/"),
    (
        "Bare: see bare.example.org/path/page.html, then sing.",
        "https://bare.example.org/path/page.html",
    ),
    ("the archive (archive.example.org/x)", "https://archive.example.org/x"),
    ("raw link (raw.example.org/r)", "https://raw.example.org/r"),
    ("boxed (box.example.org/b)", "https://box.example.org/b"),
    ("listed (list.example.org/l)", "https://list.example.org/l"),
    ("tabled (table.example.org/t)", "https://table.example.org/t"),
]
SHOWN_SUMMARY = "Songs collected with families, listed at songs.example.org/list for all."
COPYRIGHT = 'Songs shared under <a href="https://licence.example.org/by-sa/">BY-SA</a>'
PAGE = "activities/web-sources.html"


def add_web_sources(root: Path) -> None:
    (root / "content" / "activities" / "web-sources.md").write_text(ACTIVITY, encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "site_name: Mochila\n", f"site_name: Mochila\ncopyright: '{COPYRIGHT}'\n"
    )
    # One bundle is enough, and one that leaves the market stall out (it is not for families).
    start = config.index("      bundles:\n")
    config = config[:start] + (
        "      bundles:\n"
        "        - name: families-en\n"
        "          language: en\n"
        '          title: {en: "For families"}\n'
        "          audience: [families]\n"
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")


@pytest.fixture(scope="module")
def web_build(tmp_path_factory: pytest.TempPathFactory) -> SampleBuild:
    root = tmp_path_factory.mktemp("web-links")
    project = copy_sample_project(root / "project", add_web_sources)
    return build_project(project, root / "output")


@pytest.fixture(scope="module")
def bundle(web_build: SampleBuild) -> dict[str, str]:
    """The families-en bundle's text files, by path inside its top folder."""
    with zipfile.ZipFile(web_build.bundle_zip("families-en")) as archive:
        top = web_build.bundle_top("families-en") + "/"
        return {
            info.filename[len(top) :]: archive.read(info).decode("utf-8")
            for info in archive.infolist()
            if info.filename.endswith((".html", ".js", ".json"))
        }


def test_the_website_keeps_every_form_as_a_link(web_build):
    page = parse_html((web_build.site / PAGE).read_text(encoding="utf-8"))
    hrefs = [a.get("href") for a in page.find_all("a")]
    for _, url in FORMS:
        assert url in hrefs, url
    assert "mailto:team@example.org" in hrefs and "tel:+5491100000000" in hrefs
    assert page.find("meta", name="description").get("content") == SUMMARY
    catalogue = parse_html((web_build.site / "catalogue.html").read_text(encoding="utf-8"))
    card = [c for c in catalogue.find_all("p", cls="mochila-cards__summary") if "Songs" in c.text()]
    assert [a.get("href") for a in card[0].find_all("a")] == ["https://songs.example.org/list/"]
    footer = parse_html((web_build.site / "index.html").read_text(encoding="utf-8"))
    assert "https://licence.example.org/by-sa/" in [a.get("href") for a in footer.find_all("a")]


def test_the_bundle_shows_every_form_as_text_with_its_address(bundle):
    page = parse_html(bundle[PAGE])
    text = page.find("article").text()
    for shown, _ in FORMS:
        assert shown in text, shown
    assert "example.net/a (" not in text  # the address is not repeated after itself
    links = [a.get("href") or "" for a in page.find_all("a")]
    assert not [href for href in links if re.match(r"(https?:)?//", href)]
    assert "mailto:team@example.org" in links and "tel:+5491100000000" in links
    assert "the market stall (not in this edition)" in text
    codes = [c.text() for c in page.find_all("code")]
    assert "https://code.example.org/inline" in codes
    assert any('requests.get("https://code.example.org/block")' in c for c in codes)
    assert page.find("meta", name="description").get("content") == SHOWN_SUMMARY


def test_the_bundle_search_index_reads_like_the_page(bundle):
    # Mochila's index: search/d-*.js hold one row per page [path, title, summary, ...].
    rows = []
    for name, text in bundle.items():
        if re.fullmatch(r"search/d-\d+\.js", name):
            match = search_index.CALL.match(text)
            assert match, name
            rows += json.loads(f"[{match.group(2)}]")[1]
    assert rows
    raw = "".join(t for n, t in bundle.items() if n.startswith("search/"))
    row = next(row for row in rows if row[0] == PAGE)
    # The excerpt a result shows is the start of the page's text, as the reader sees it there.
    article = " ".join(parse_html(bundle[PAGE]).find("article").text().split())
    excerpt = row[-1].removesuffix(" …")
    assert len(excerpt) > 100 and excerpt in article, excerpt
    assert "(archive.example.org/x)" in excerpt  # one of the forms, inside the excerpt
    # Every address, also those past the excerpt, is found by its words.
    words = set()
    for name, text in bundle.items():
        if re.fullmatch(r"search/t-.*\.js", name):
            words.update(json.loads(f"[{search_index.CALL.match(text).group(2)}]")[1])
    for shown, _ in FORMS:
        address = shown.rsplit("(", 1)[-1].rstrip(")")
        for word in re.findall(r"[a-z0-9]+", address.lower()):
            assert word in words or word.removesuffix("s") in words, (shown, word)  # stemmed
    without_code = re.sub(r"https://code\.example\.org/\w+", "", raw)
    assert "://" not in without_code  # the word "https" from the code samples is searchable
    assert "songs.example.org/list/" not in raw


def test_the_bundle_theme_links_out_nowhere_either(bundle):
    home = parse_html(bundle["index.html"])
    assert "Songs shared under BY-SA (licence.example.org/by-sa)" in home.text()
    for name, html in bundle.items():
        if name.endswith(".html"):
            hrefs = [a.get("href") or "" for a in parse_html(html).find_all(href=True)]
            assert not [h for h in hrefs if re.match(r"\s*(https?:)?//", h)], name
