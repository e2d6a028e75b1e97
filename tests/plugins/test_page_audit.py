"""Every built page audited as a reader meets it (see ``page_audit``): the sample, a generated
corpus and the real corpora of other organisations, website and every unzipped bundle.

Why: a reader sees "None" in a menu, a broken image or a link to nowhere whatever the tests
thought to check; the audit looks at everything on every page. It is itself tested against
pages with defects planted on purpose, so a bug in it cannot hide a bug in the build.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import build_fixtures
import pytest
from page_audit import audit

corpus_build = build_fixtures.corpus_build
sample_build = build_fixtures.sample_build
sample_project = build_fixtures.sample_project

SITE_PATH = "/mochila/"  # the path of site_url in the sample's mkdocs.yml


def _unzipped(bundles: Path, into: Path) -> list[Path]:
    folders = []
    for zip_path in sorted(bundles.glob("*.zip")):
        with zipfile.ZipFile(zip_path) as archive:
            archive.extractall(into / zip_path.stem)
        folders.append(into / zip_path.stem / zip_path.stem)
    return folders


def _audit_build(output: Path, tmp_path: Path, bundles: int) -> None:
    findings = audit(output / "site", site_path=SITE_PATH)
    folders = _unzipped(output / "bundles", tmp_path / "unzipped")
    assert len(folders) == bundles
    for folder in folders:
        findings += [f"{folder.name}/{line}" for line in audit(folder)]
    assert findings == [], f"{len(findings)} problems:\n" + "\n".join(findings[:60])


def test_every_page_of_the_sample_reads_right(sample_build, tmp_path):
    _audit_build(sample_build.output, tmp_path, bundles=4)


def test_every_page_of_a_generated_corpus_reads_right(tmp_path):
    project = build_fixtures.generated_project(tmp_path / "project", 60)
    build = build_fixtures.build_project(project, tmp_path / "output")
    _audit_build(build.output, tmp_path, bundles=4)


CORPORA = sorted(p for p in build_fixtures.CORPORA.glob("*") if (p / "content").is_dir())


def test_the_real_corpora_are_there():
    # CI must not pass because the corpora went missing.
    assert [p.name for p in CORPORA] == ["rpf-projects"]


@pytest.mark.slow
@pytest.mark.parametrize("corpus", CORPORA, ids=[p.name for p in CORPORA])
def test_every_page_of_a_real_corpus_reads_right(corpus, corpus_build, tmp_path):
    build = corpus_build(corpus)
    languages = build_fixtures.corpus_languages(build.project.content)
    _audit_build(build.output, tmp_path, bundles=len(languages))


# ----------------------------------------------------------------- the audit finds what it should

PLANTED = {
    "index.html": """<!doctype html><html lang="en"><head>
<link rel="stylesheet" href="assets/missing.css"><script src="assets/app.js"></script></head>
<body><nav><a href="page.html"></a><a href="page.html">Page</a></nav>
<h1>Home</h1><p>Previous: None</p><p>{{ page.title }}</p><p>::: reflect</p>
<img src="pic.png"><img src="gone.png" alt="Gone">
<a href="page.html#nowhere">x</a><a href="page.html#here">ok</a><a href="/abs.html">abs</a>
<a href="../outside.html">out</a><a href="#top">top</a>
<pre><code>x = None  # code may say None</code></pre>
<div id="twice"></div><div id="twice"></div></body></html>""",
    "page.html": """<!doctype html><html><body><h1>One</h1><h1>Two</h1>
<p id="here" title="undefined">[object Object]</p></body></html>""",
    "pic.png": "",
    "assets/app.js": "",
}


def test_the_audit_finds_every_planted_defect(tmp_path):
    for name, text in PLANTED.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    found = audit(tmp_path)
    expected = [
        'index.html: <a href="page.html">: menu, footer or language link with no label',
        "index.html: <p>: shows 'None' in 'Previous: None'",
        "index.html: <p>: shows raw '{{' in '{{ page.title }}'",
        "index.html: <p>: shows raw ':::' in '::: reflect'",
        'index.html: id "twice" is used 2 times',
        'index.html: <img src="pic.png">: has no alt',
        "index.html: <link href=\"assets/missing.css\">: 'assets/missing.css' does not exist",
        "index.html: <img src=\"gone.png\">: 'gone.png' does not exist",
        "index.html: <a href=\"page.html#nowhere\">: 'page.html#nowhere' names no element "
        "#nowhere on page.html",
        "index.html: <a href=\"/abs.html\">: '/abs.html' is an absolute path (breaks from "
        "file:// and under a sub-folder)",
        "index.html: <a href=\"../outside.html\">: '../outside.html' points outside the folder",
        "index.html: <a href=\"#top\">: '#top' names no element #top on index.html",
        "page.html: <html> has no lang",
        "page.html: <p id=\"here\">: shows '[object Object]' in '[object Object]'",
        "page.html: <p id=\"here\">: shows 'undefined' in 'undefined'",
        "page.html: has 2 <h1> (expected 1)",
    ]
    assert sorted(found) == sorted(expected)
