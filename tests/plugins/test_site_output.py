"""The website built from the sample content, checked page by page against the front matter.

Why: ``build/site`` is what families and educators read. Every expectation here is computed
from the content as written (PyYAML on the front matter) or written out by hand, never taken
from Mochila's own code, so a page that shows the wrong age, lists the wrong activities or lets
a draft or a facilitator-only activity through fails a test. The sample is built once per
session (see ``build_fixtures``).
"""

from __future__ import annotations

import gzip
import html
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import build_fixtures
import pytest
import search_index
import yaml
from build_fixtures import EDITION, LANGUAGES, ActivitySource, Node, read_html

from mochila.domain.search import stemmer

# The shared session fixtures; pytest finds fixtures among a module's attributes.
sample_activities = build_fixtures.sample_activities
sample_build = build_fixtures.sample_build
sample_project = build_fixtures.sample_project
sample_site = build_fixtures.sample_site

UI = {
    "en": {
        "before": "Before you start",
        "after": "After the activity",
        "notes": "Notes for facilitators",
        "read_in": "Read in English",
        "related": "Related activities",
        "journal": "My reflections",
        "footer": "Edition {edition} · {count} activities",
    },
    "es": {
        "before": "Antes de empezar",
        "after": "Después de la actividad",
        "notes": "Notas para facilitadores",
        "read_in": "Leer en español",
        "related": "Actividades relacionadas",
        "journal": "Mis reflexiones",
        "footer": "Edición {edition} · {count} actividades",
    },
}
# Default age bands of the facet pages, in months, both ends included (mochila/facets:
# age_bands), and duration bands (more than, up to).
AGE_BANDS = ((0, 11), (12, 23), (24, 35), (36, 47), (48, 59), (60, 71), (72, 216))
DURATION_BANDS = (("0-15", 0, 15), ("15-30", 15, 30), ("30-60", 30, 60), ("60-plus", 60, 600))
FACETS = ("age", "areas", "audience", "duration", "tags")
SITE_HOST = "example.org"


# --------------------------------------------------------------------------- helpers


def other(lang: str) -> str:
    return next(code for code in LANGUAGES if code != lang)


def lang_root(site: Path, lang: str) -> Path:
    return site if lang == LANGUAGES[0] else site / lang


def public(activities: list[ActivitySource], lang: str) -> list[ActivitySource]:
    return [a for a in activities if a.lang == lang and a.is_public]


def hidden(activities: list[ActivitySource]) -> list[ActivitySource]:
    return [a for a in activities if not a.is_public]


def activity(activities: list[ActivitySource], lang: str, activity_id: str) -> ActivitySource:
    return next(a for a in activities if a.lang == lang and a.id == activity_id)


def html_pages(root: Path, lang: str) -> list[Path]:
    """The HTML pages of one language's site (the first language excludes the others' folders)."""
    pages = sorted(root.rglob("*.html"))
    if lang == LANGUAGES[0]:
        others = [root / code for code in LANGUAGES[1:]]
        pages = [p for p in pages if not any(o in p.parents for o in others)]
    return pages


def resolve(page: str, href: str) -> str:
    """The site-relative path a relative ``href`` on ``page`` points to."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), urlsplit(href).path))


def vocabulary(project) -> dict[str, dict[str, dict[str, str]]]:
    """facet -> id -> {lang: label}"""
    data = yaml.safe_load((project.content / "_vocabulary.yml").read_text(encoding="utf-8"))
    return {kind: {e["id"]: e["label"] for e in entries} for kind, entries in data.items()}


def facet_values(source: ActivitySource) -> dict[str, list[str]]:
    """Where an activity is listed: age bands it overlaps, its duration band, its ids."""
    low_age, high_age = source.meta["age"]["min"], source.meta["age"]["max"]
    minutes = source.meta["duration"]
    return {
        "age": [f"{lo}-{hi}" for lo, hi in AGE_BANDS if low_age <= hi and high_age > lo],
        "areas": source.values("areas"),
        "audience": source.values("audience"),
        "duration": [b for b, lo, hi in DURATION_BANDS if lo < minutes <= hi],
        "tags": source.values("tags"),
    }


def card_pages(container: Node, page: str) -> list[str]:
    """The activity page each catalogue card links to, in order."""
    return [
        resolve(page, item.find(cls="mochila-cards__title").find("a").get("href"))
        for item in container.find_all("li", cls="mochila-cards__item")
    ]


def article(doc: Node) -> Node:
    return doc.find("article", cls="md-content__inner")


def files_text(root: Path) -> dict[str, str]:
    """Every file under ``root`` as text (gzip files decompressed), by relative path."""
    result = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            result[path.relative_to(root).as_posix()] = data.decode("utf-8", errors="replace")
    return result


def spellings(text: str) -> set[str]:
    """A string as it may appear in a page or in JSON."""
    return {text, html.escape(text), html.escape(text, quote=False), json.dumps(text)[1:-1]}


# --------------------------------------------------------------------------- activity pages

AGES = [
    # (lang, id, front matter age, what the card says)
    ("en", "water-play", (6, 36), "6 months – 3 years"),
    ("es", "water-play", (6, 36), "6 meses – 3 años"),
    ("en", "peekaboo-cloth", (6, 18), "6–18 months"),
    ("es", "peekaboo-cloth", (6, 18), "6–18 meses"),
    ("en", "leaf-walk", (24, 72), "2–6 years"),
    ("es", "leaf-walk", (24, 72), "2–6 años"),
    ("en", "animal-moves", (18, 72), "18 months – 6 years"),
    ("en", "tummy-time", (0, 8), "0–8 months"),
    ("en", "lullabies-from-home", (0, 24), "0–24 months"),
]


@pytest.mark.parametrize(("lang", "activity_id", "age", "shown"), AGES)
def test_card_shows_the_age_for_people(
    sample_site, sample_activities, lang, activity_id, age, shown
):
    source = activity(sample_activities, lang, activity_id)
    assert (source.meta["age"]["min"], source.meta["age"]["max"]) == age
    doc = read_html(lang_root(sample_site, lang) / source.page)
    fact = doc.find("div", cls="mochila-fact--age")
    assert fact.find("dd").text() == shown


def test_card_shows_duration_in_minutes(sample_site, sample_activities):
    water = activity(sample_activities, "en", "water-play")
    assert water.meta["duration"] == 20
    doc = read_html(sample_site / water.page)
    assert doc.find("div", cls="mochila-fact--duration").find("dd").text() == "20 min"
    for lang in LANGUAGES:
        for source in public(sample_activities, lang):
            doc = read_html(lang_root(sample_site, lang) / source.page)
            shown = doc.find("div", cls="mochila-fact--duration").find("dd").text()
            assert shown == f"{source.meta['duration']} min", source.path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_card_chips_link_to_existing_facet_pages(
    sample_site, sample_project, sample_activities, lang
):
    labels = vocabulary(sample_project)
    root = lang_root(sample_site, lang)
    for source in public(sample_activities, lang):
        card = read_html(root / source.page).find("div", cls="mochila-card")
        for kind in ("audience", "areas", "tags"):
            ids = source.values(kind)
            facts = card.find_all("div", cls=f"mochila-fact--{kind}")
            if not ids:
                assert facts == [], (source.path, kind)
                continue
            chips = facts[0].find_all("a", cls="mochila-chip")
            assert [c.text() for c in chips] == [labels[kind][i][lang] for i in ids], source.path
            targets = [resolve(source.page, c.get("href")) for c in chips]
            assert targets == [f"facets/{kind}/{i}.html" for i in ids], source.path
            for target in targets:
                assert (root / target).is_file(), (source.path, target)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_materials_are_a_checklist(sample_site, sample_activities, lang):
    root = lang_root(sample_site, lang)
    checked = 0
    for source in public(sample_activities, lang):
        doc = read_html(root / source.page)
        items = doc.find_all("ul", cls="mochila-checklist")
        if not source.values("materials"):
            assert items == [], source.path
            continue
        entries = items[0].find_all("li")
        assert [li.text() for li in entries] == source.values("materials"), source.path
        for li in entries:
            assert li.find("input").get("type") == "checkbox"
        checked += 1
    assert checked >= 10


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translation_links_point_to_the_same_activity(sample_site, sample_activities, lang):
    root = lang_root(sample_site, lang)
    there = other(lang)
    for source in public(sample_activities, lang):
        links = read_html(root / source.page).find_all("p", cls="mochila-translation")
        assert len(links) == 1, source.path
        link = links[0].find("a")
        assert link.text() == UI[there]["read_in"]
        assert link.get("hreflang") == there
        up = "../" if lang == LANGUAGES[0] else "../../"
        prefix = "" if there == LANGUAGES[0] else f"{there}/"
        assert link.get("href") == f"{up}{prefix}activities/{source.slug}.html", source.path
        target = (root / source.page).parent / link.get("href")
        assert target.resolve().is_file()
        assert activity(sample_activities, there, source.id).title in target.read_text("utf-8")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("when", ["before", "after"])
def test_reflection_sections_hold_every_front_matter_prompt(
    sample_site, sample_activities, lang, when
):
    root = lang_root(sample_site, lang)
    seen = 0
    for source in public(sample_activities, lang):
        doc = read_html(root / source.page)
        sections = doc.find_all("section", cls=f"mochila-reflection--{when}")
        prompts = source.prompts(when)
        if not prompts:
            assert sections == [], source.path
            continue
        assert len(sections) == 1, source.path
        section = sections[0]
        assert section.get("data-mochila-activity") == source.id
        assert section.find("h2").text() == UI[lang][when]
        boxes = section.find_all("div", cls="mochila-prompt")
        assert [b.find("p", cls="mochila-prompt__text").text() for b in boxes] == [
            " ".join(text.split()) for text, _ in prompts
        ], source.path
        for box, (_, notes) in zip(boxes, prompts, strict=True):
            assert len(box.find_all("textarea")) == 1
            folded = box.find_all("details", cls="mochila-notes")
            if notes:
                assert len(folded) == 1 and " ".join(notes.split()) in folded[0].text()
            else:
                assert folded == []
        seen += len(prompts)
    assert seen >= 30


def test_before_and_after_wrap_the_body(sample_site, sample_activities):
    water = activity(sample_activities, "en", "water-play")
    text = (sample_site / water.page).read_text("utf-8")
    before = text.index("mochila-reflection--before")
    body = text.index("Water is one of the first great laboratories")
    after = text.index("mochila-reflection--after")
    assert before < body < after


@pytest.mark.parametrize("lang", LANGUAGES)
def test_inline_reflect_blocks_become_prompts(sample_site, sample_activities, lang):
    root = lang_root(sample_site, lang)
    rendered = 0
    for source in public(sample_activities, lang):
        doc = read_html(root / source.page)
        asides = doc.find_all("aside", cls="mochila-reflection--inline")
        blocks = source.blocks("reflect")
        assert [a.find("p", cls="mochila-prompt__text").text() for a in asides] == blocks
        for aside in asides:
            assert aside.get("data-mochila-activity") == source.id
            assert len(aside.find_all("textarea")) == 1
        rendered += len(blocks)
    assert rendered >= 5


def test_no_block_syntax_is_left_in_any_page(sample_site):
    pages = sorted(sample_site.rglob("*.html"))
    assert len(pages) > 80
    for page in pages:
        assert ":::" not in page.read_text("utf-8"), page
    for index in sample_site.rglob("search/*.js"):
        assert ":::" not in index.read_text("utf-8"), index


@pytest.mark.parametrize("lang", LANGUAGES)
def test_facilitator_notes_are_folded(sample_site, sample_activities, lang):
    root = lang_root(sample_site, lang)
    with_blocks = [s for s in public(sample_activities, lang) if s.blocks("notes")]
    assert with_blocks
    for source in with_blocks:
        doc = read_html(root / source.page)
        folded = [
            d
            for d in doc.find_all("details", cls="mochila-notes")
            if not any("mochila-prompt" in n.classes for n in _ancestors(doc, d))
        ]
        assert len(folded) == len(source.blocks("notes")), source.path
        for details, text in zip(folded, source.blocks("notes"), strict=True):
            assert details.find("summary").text() == UI[lang]["notes"]
            # Markdown inside the block is rendered, so compare words, not markup.
            words = re.sub(r"[*_`]", "", text).split()
            assert details.find("div", cls="mochila-notes__body").text().split() == words
    for page in html_pages(root, lang):
        for details in read_html(page).find_all("details", cls="mochila-notes"):
            assert "open" not in details.attrs, page


def _ancestors(doc: Node, target: Node) -> list[Node]:
    def path(node: Node) -> list[Node] | None:
        if node is target:
            return []
        for child in node.children:
            if isinstance(child, Node):
                found = path(child)
                if found is not None:
                    return [node, *found]
        return None

    return path(doc) or []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_related_activities_link_to_their_pages(sample_site, sample_activities, lang):
    root = lang_root(sample_site, lang)
    for source in public(sample_activities, lang):
        sections = read_html(root / source.page).find_all("section", cls="mochila-related")
        related = source.values("related")
        if not related:
            assert sections == []
            continue
        section = sections[0]
        assert section.find("h2").text() == UI[lang]["related"]
        links = section.find_all("a")
        expected = [activity(sample_activities, lang, i) for i in related]
        assert [a.text() for a in links] == [e.title for e in expected], source.path
        assert [resolve(source.page, a.get("href")) for a in links] == [e.page for e in expected]
        for link in links:
            assert (root / resolve(source.page, link.get("href"))).is_file()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_journal_page_exists_with_its_container(sample_site, lang):
    doc = read_html(lang_root(sample_site, lang) / "my-reflections.html")
    assert article(doc).find("h1").text() == UI[lang]["journal"]
    journal = doc.find("div", cls="mochila-journal")
    assert "data-mochila-journal" in journal.attrs
    assert len(journal.find_all("div", cls="mochila-journal__list")) == 1


def test_toc_follows_the_order_of_the_page(sample_site, sample_activities):
    """The table of contents (and the "skip to content" link) follows the page from the top."""
    water = activity(sample_activities, "en", "water-play")
    doc = read_html(sample_site / water.page)
    toc = doc.find("nav", cls="md-nav--secondary")
    anchors = [a.get("href")[1:] for a in toc.find_all("a", cls="md-nav__link")]
    in_page = [n.get("id") for n in article(doc).iter() if n.get("id") in anchors]
    assert sorted(anchors) == sorted(in_page)
    assert anchors == in_page
    assert doc.find("a", cls="md-skip").get("href") == f"#{in_page[0]}"


# --------------------------------------------------------------------------- listings


@pytest.mark.parametrize("lang", LANGUAGES)
def test_facet_pages_list_exactly_the_activities_with_that_value(
    sample_site, sample_activities, lang
):
    root = lang_root(sample_site, lang)
    expected: dict[str, set[str]] = {}
    for source in public(sample_activities, lang):
        for facet, values in facet_values(source).items():
            for value in values:
                expected.setdefault(f"facets/{facet}/{value}.html", set()).add(source.page)
    present = {p.relative_to(root).as_posix() for p in (root / "facets").rglob("*.html")}
    assert present == set(expected)
    assert len(present) >= 25
    intro = {"en": "{} activities.", "es": "{} actividades."}[lang]
    for page, pages in expected.items():
        doc = read_html(root / page)
        listed = card_pages(article(doc), page)
        assert sorted(listed) == sorted(pages), page
        assert intro.format(len(pages)) in article(doc).text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_has_one_card_per_public_activity(sample_site, sample_activities, lang):
    root = lang_root(sample_site, lang)
    activities = public(sample_activities, lang)
    assert len(activities) == 16
    catalogue = read_html(root / "catalogue.html").find("div", cls="mochila-catalogue")
    cards = catalogue.find_all("li", cls="mochila-cards__item")
    assert len(cards) == len(activities)
    by_page = {a.page: a for a in activities}
    assert sorted(card_pages(catalogue, "catalogue.html")) == sorted(by_page)
    for card in cards:
        page = resolve("catalogue.html", card.find("a").get("href"))
        source = by_page[page]
        assert card.find("a").text() == source.title
        for facet, values in facet_values(source).items():
            assert card.get(f"data-f-{facet}") == " ".join(values), (page, facet)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_contains_the_catalogue(sample_site, sample_activities, lang):
    root = lang_root(sample_site, lang)
    doc = read_html(root / "index.html")
    catalogue = doc.find("div", cls="mochila-catalogue")
    assert sorted(card_pages(catalogue, "index.html")) == sorted(
        a.page for a in public(sample_activities, lang)
    )
    assert "mochila:catalogue" not in (root / "index.html").read_text("utf-8")


# --------------------------------------------------------------------------- what is left out


def test_drafts_and_restricted_activities_appear_nowhere(sample_site, sample_activities):
    left_out = hidden(sample_activities)
    assert {a.id for a in left_out} == {"rain-sounds", "family-circle-without-hitting"}
    assert {a.lang for a in left_out} == set(LANGUAGES)
    needles = set()
    for source in left_out:
        needles |= {source.id, source.slug} | spellings(source.title)
        needles |= spellings(source.meta["summary"])
    files = files_text(sample_site)
    assert any(name.endswith("sitemap.xml.gz") for name in files)
    for name, text in files.items():
        for needle in needles:
            assert needle not in text, (name, needle)
    for lang in LANGUAGES:
        root = lang_root(sample_site, lang)
        for source in left_out:
            assert not (root / source.page).exists()


# --------------------------------------------------------------------------- search and language


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_index_holds_only_its_language(sample_site, sample_activities, lang):
    root = lang_root(sample_site, lang)
    rows = search_index.documents(root)
    pages = {row[0] for row in rows}
    assert all((root / page).is_file() for page in pages)
    titles = {row[0]: row[1] for row in rows}
    mine = public(sample_activities, lang)
    assert {p for p in pages if p.startswith("activities/")} == {a.page for a in mine}
    for source in mine:
        assert titles[source.page] == source.title
    text = search_index.text_of(root)
    for source in public(sample_activities, other(lang)):
        if source.title != activity(sample_activities, lang, source.id).title:
            assert source.title not in text, source.title
    spanish_only, english_only = "Bienvenidos", "Welcome"
    if lang == "es":
        assert spanish_only in text and english_only not in text
    else:
        assert english_only in text and spanish_only not in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_uses_the_language_of_its_site(sample_site, lang):
    """Each site's index names its own language, so search stems Spanish words as Spanish."""
    manifest = search_index.manifest(lang_root(sample_site, lang))
    assert manifest["lang"] == lang
    assert manifest["stemmer"] == stemmer.table_for(lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_declare_their_language(sample_site, lang):
    pages = html_pages(lang_root(sample_site, lang), lang)
    assert len(pages) > 40
    for page in pages:
        assert read_html(page).find("html").get("lang") == lang, page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_footer_shows_edition_and_activity_count(sample_site, sample_activities, lang):
    line = UI[lang]["footer"].format(edition=EDITION, count=len(public(sample_activities, lang)))
    assert line.endswith(" 16 activities") or line.endswith(" 16 actividades")
    for page in html_pages(lang_root(sample_site, lang), lang):
        assert read_html(page).find("p", cls="mochila-edition").text() == line, page


def test_spanish_canonical_links_point_to_spanish_pages(sample_site, sample_activities):
    for page in ("index.html", "activities/water-play.html"):
        doc = read_html(sample_site / "es" / page)
        link = doc.find("link", rel="canonical")
        assert link.get("href") == f"https://{SITE_HOST}/mochila/es/{page}"


def test_spanish_sitemap_lists_spanish_addresses(sample_site):
    text = (sample_site / "es" / "sitemap.xml").read_text("utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", text)
    assert locations
    assert all(loc.startswith(f"https://{SITE_HOST}/mochila/es/") for loc in locations)


def test_english_sitemap_lists_english_pages_only(sample_site, sample_activities):
    text = (sample_site / "sitemap.xml").read_text("utf-8")
    locations = set(re.findall(r"<loc>([^<]+)</loc>", text))
    base = f"https://{SITE_HOST}/mochila/"
    activities = {loc[len(base) :] for loc in locations if "/activities/" in loc}
    assert activities == {a.page for a in public(sample_activities, "en")}


# --------------------------------------------------------------------------- privacy and nav

LOADING = (
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
)
CSS_URL = re.compile(r"""\burl\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"]*))\s*\)""")
CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*["']?([^"')\s;]+)""")


def _remote(url: str) -> str:
    """The host a URL loads from, or '' for a local (or data:) URL."""
    url = url.strip()
    if url.startswith("data:"):
        return ""
    parts = urlsplit(url)
    return parts.netloc if parts.netloc or url.startswith("//") else ""


def test_site_loads_nothing_from_other_hosts(sample_site):
    checked = 0
    for path in sorted(sample_site.rglob("*")):
        if path.suffix not in (".html", ".css", ".js"):
            continue
        text = path.read_text("utf-8", errors="replace")
        for font_host in ("fonts.googleapis", "fonts.gstatic"):
            assert font_host not in text, path
        css = text
        if path.suffix == ".html":
            doc = read_html(path)
            for tag, attr in LOADING:
                for node in doc.find_all(tag):
                    value = node.get(attr) or ""
                    for url in value.split(",") if attr == "srcset" else [value]:
                        host = _remote(url.split()[0] if url.split() else "")
                        if not host:
                            continue
                        canonical = tag == "link" and node.get("rel") == "canonical"
                        assert canonical and host == SITE_HOST, (path, tag, url)
                        checked += 1
            css = " ".join(
                [n.text() for n in doc.find_all("style")]
                + [n.get("style") or "" for n in doc.iter()]
            )
        if path.suffix in (".html", ".css"):
            for match in CSS_URL.finditer(css):
                url = next(g for g in match.groups() if g is not None)
                assert not _remote(url), (path, url)
            for match in CSS_IMPORT.finditer(css):
                assert not _remote(match.group(1)), (path, match.group(1))
    assert checked > 80  # one canonical link per page


def test_no_made_with_material_line(sample_site):
    for page in sorted(sample_site.rglob("*.html")):
        doc = read_html(page)
        footer = doc.find("footer", cls="md-footer")
        assert "Made with" not in footer.text(), page
        assert not [a for a in doc.find_all("a") if "squidfunk" in (a.get("href") or "")], page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sidebar_lists_only_the_section_pages(sample_site, sample_project, sample_activities, lang):
    nav = [entry.replace(".md", ".html") for entry in sample_project.config()["nav"]]
    assert len(nav) == 6
    root = lang_root(sample_site, lang)
    for source in public(sample_activities, lang):
        doc = read_html(root / source.page)
        primary = doc.find("nav", cls="md-nav--primary")
        links = [a.get("href") for a in primary.find_all("a", cls="md-nav__link")]
        assert links == [f"../{entry}" for entry in nav], source.path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sidebar_and_footer_name_every_page(sample_site, lang):
    """Every page's menu and footer read the section pages' titles (a page written earlier in
    the build once lost its title, and later pages showed "None" for it)."""
    root = lang_root(sample_site, lang)
    pages = sorted(root.glob("*.html")) + sorted((root / "activities").glob("*.html"))
    assert len(pages) > 10
    for path in pages:
        doc = read_html(path)
        primary = doc.find("nav", cls="md-nav--primary")
        labels = [a.text() for a in primary.find_all("a", cls="md-nav__link")]
        assert labels and all(label and label != "None" for label in labels), (path, labels)
        for link in doc.find_all("a", cls="md-footer__link"):
            assert "None" not in link.text().split(), (path, link.text())
