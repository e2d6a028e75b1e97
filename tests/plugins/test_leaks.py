"""Drafts and facilitator-only activities must not leak into what is published.

Why: a draft may be wrong or unsafe, and a restricted activity (e.g. how to handle a child
protection concern) is written for trained facilitators only. Both are in the same git
repository as everything else, so the build is the only thing keeping them out of the public
website and out of the bundles handed to families. A unique word is planted in each of them
(title, summary and body, in both languages) and every byte of the output is searched for it,
inside the zips, the ZIM files for Kiwix (their entries, read with python-libzim, and their raw
bytes, where the uncompressed search indexes are) and gzip files too.
"""

from __future__ import annotations

import gzip
import re
import zipfile
from pathlib import Path

import pytest
from build_fixtures import EDITION, SampleBuild, build_project, copy_sample_project

from mochila.commands.orchestrate import BuildFailed

RESTRICTED_WORD = "zorblaxrestricted"
DRAFT_WORD = "zorblaxdraft"
RESTRICTED = "family-circle-without-hitting"
DRAFT = "rain-sounds"
BUNDLES = ("full-en", "full-es", "families-es", "facilitators-es")


def plant(root: Path, slug: str, word: str) -> None:
    """Put ``word`` in the title, summary and body of both language versions of ``slug``."""
    for name in (f"{slug}.md", f"{slug}.es.md"):
        path = root / "content" / "activities" / name
        text = path.read_text(encoding="utf-8")
        text = re.sub(r'^title: ("?)', rf"title: \g<1>{word} ", text, count=1, flags=re.M)
        text = re.sub(r"^summary: ", f"summary: {word} ", text, count=1, flags=re.M)
        text += f"\n{word} is a word found only in this activity.\n"
        assert text.count(word) == 3, name
        path.write_text(text, encoding="utf-8")


def plant_both(root: Path) -> None:
    plant(root, RESTRICTED, RESTRICTED_WORD)
    plant(root, DRAFT, DRAFT_WORD)


def contents(path: Path) -> dict[str, bytes]:
    """Every file under ``path`` by relative name; zip members as ``x.zip!member``, ZIM
    entries as ``x.zim!entry``."""
    found = {}
    for file in sorted(path.rglob("*")):
        if not file.is_file():
            continue
        rel = file.relative_to(path).as_posix()
        data = file.read_bytes()
        if file.suffix == ".zip":
            with zipfile.ZipFile(file) as archive:
                for info in archive.infolist():
                    found[f"{rel}!{info.filename}"] = archive.read(info)
        elif file.suffix == ".zim":
            reader = pytest.importorskip("libzim.reader")
            archive = reader.Archive(file)
            for index in range(archive.entry_count):
                entry = archive._get_entry_by_id(index)
                found[f"{rel}!{entry.path}"] = bytes(entry.get_item().content)
        elif file.suffix == ".gz":
            found[rel] = gzip.decompress(data)
        found.setdefault(rel, data)
    return found


def holding(files: dict[str, bytes], word: str) -> set[str]:
    """Files holding ``word``, or its stem: the search index stores words stemmed
    ("zorblaxrestricted" -> "zorblaxrestrict"), so the last two letters are not looked for."""
    needle = word[:-2].encode("ascii")
    return {name for name, data in files.items() if needle in data.lower()}


@pytest.fixture(scope="module")
def leak_build(tmp_path_factory: pytest.TempPathFactory) -> SampleBuild:
    root = tmp_path_factory.mktemp("leaks")
    project = copy_sample_project(root / "project", plant_both)
    return build_project(project, root / "output")


def test_the_restricted_word_is_only_in_the_facilitators_bundle(leak_build):
    site = contents(leak_build.site)
    assert "search/manifest.js" in site and "es/catalogue.html" in site
    assert holding(site, RESTRICTED_WORD) == set()
    bundles = contents(leak_build.bundles)
    hits = holding(bundles, RESTRICTED_WORD)
    facilitators = f"mochila-facilitators-es-{EDITION}.zip!mochila-facilitators-es-{EDITION}/"
    # Its ZIM holds the word too: in its pages and in its (uncompressed) search index.
    facilitators_zim = f"mochila-facilitators-es-{EDITION}.zim"
    assert {f"{facilitators_zim}!activities/{RESTRICTED}.html", facilitators_zim} <= hits
    hits = {name for name in hits if not name.startswith(facilitators_zim)}
    assert {name for name in hits if not name.startswith(facilitators)} == set()
    inside = {name[len(facilitators) :] for name in hits}
    assert f"activities/{RESTRICTED}.html" in inside
    # Its search index holds it: the documents (title, summary) and the terms' shard.
    assert {name.split("-")[0] for name in inside if name.startswith("search/")} == {
        "search/d",
        "search/t",
    }


def test_the_draft_word_appears_nowhere(leak_build):
    site = contents(leak_build.site)
    bundles = contents(leak_build.bundles)
    assert sum("!" in name for name in bundles) > 250  # zip members were searched
    for name in BUNDLES:
        top = f"mochila-{name}-{EDITION}"
        assert f"{top}.zip!{top}/search/manifest.js" in bundles
        assert any(n.startswith(f"{top}.zip!{top}/search/t-") for n in bundles)
        assert f"{top}.zip!{top}/catalogue.html" in bundles
        assert f"{top}.zim!catalogue.html" in bundles
    assert holding(site, DRAFT_WORD) == set()
    assert holding(bundles, DRAFT_WORD) == set()


def point_public_activity_at_hidden_ones(root: Path) -> None:
    """Make a public activity (both languages) name the draft and the restricted one."""
    plant_both(root)
    for name in ("water-play.md", "water-play.es.md"):
        path = root / "content" / "activities" / name
        text = path.read_text(encoding="utf-8")
        text = text.replace(
            "related: [sand-kitchen, texture-basket]",
            f"related: [sand-kitchen, texture-basket, {DRAFT}, {RESTRICTED}]",
        )
        text += f"\nSee also [the rain]({DRAFT}.md) and [the circle]({RESTRICTED}.md).\n"
        assert DRAFT in text and RESTRICTED in text
        path.write_text(text, encoding="utf-8")


def test_related_links_to_hidden_activities_do_not_reveal_them(tmp_path):
    project = copy_sample_project(tmp_path / "project", point_public_activity_at_hidden_ones)
    try:
        build = build_project(project, tmp_path / "output", bundles=False)
    except BuildFailed as refused:  # refusing such content is a fix too, if it says why
        assert DRAFT in str(refused) and RESTRICTED in str(refused)
        return
    site = contents(build.site)
    assert holding(site, DRAFT_WORD) == set()
    assert holding(site, RESTRICTED_WORD) == set()
