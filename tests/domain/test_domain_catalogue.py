"""Unit tests for reading a whole content folder (domain/catalogue.py, domain/vocabulary.py).

Why: the catalogue is where files meet each other (translations, ids, links, file names);
these rules only show up with several files on disk, so each test writes a small folder.
"""

from __future__ import annotations

import os

import pytest
import yaml

from mochila.domain.catalogue import load_catalogue, split_language
from mochila.domain.settings import ContentSettings
from mochila.domain.vocabulary import load_vocabulary


def formatted(catalogue):
    return [p.format() for p in catalogue.problems]


# --- split_language --------------------------------------------------------------------------

SETTINGS = ContentSettings(languages=("en", "es", "pt-BR"))


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("activities/water.md", ("activities/water.md", "en", None)),
        ("activities/water.es.md", ("activities/water.md", "es", None)),
        ("activities/water.pt-BR.md", ("activities/water.md", "pt-BR", None)),
        ("index.es.md", ("index.md", "es", None)),
        ("activities/water.en.md", ("activities/water.md", "en", "en")),
        ("activities/water.fr.md", ("activities/water.fr.md", "en", "fr")),
        # Three letters that are not a site language read as part of the name.
        ("activities/notes.old.md", ("activities/notes.old.md", "en", None)),
        ("activities/v1.2.md", ("activities/v1.2.md", "en", None)),
    ],
)
def test_split_language(path, expected):
    assert split_language(path, SETTINGS) == expected


# --- a clean folder ----------------------------------------------------------------------------


def test_clean_folder_with_translations_and_pages(project):
    project.activity("water-play.md", extra="tags: [water]")
    project.activity("water-play.es.md", title="Juego con agua", summary="Los bebés vierten agua.")
    project.activity(
        "sand-play.md",
        id="sand-play",
        title="Sand play",
        audience="[educators]",
        age="{min: 24, max: 48}",
        areas="[motor]",
        extra="status: draft",
    )
    project.write("activities/images/pic.svg", "<svg/>")
    project.write("about.md", "# About\n\n![pic](activities/images/pic.svg)\n")
    project.write("guide.md", "No front matter, [home](index.md#top), [web](https://example.org).")
    catalogue = project.check()
    assert formatted(catalogue) == []
    assert catalogue.errors == []
    assert sorted(catalogue.files) == [
        "_vocabulary.yml",
        "about.md",
        "activities/images/pic.svg",
        "activities/sand-play.md",
        "activities/water-play.es.md",
        "activities/water-play.md",
        "guide.md",
        "index.es.md",
        "index.md",
    ]
    assert sorted((a.path, a.lang, a.key) for a in catalogue.activities) == [
        ("activities/sand-play.md", "en", "activities/sand-play.md"),
        ("activities/water-play.es.md", "es", "activities/water-play.md"),
        ("activities/water-play.md", "en", "activities/water-play.md"),
    ]
    assert sorted((p.path, p.key, p.lang, p.title) for p in catalogue.pages) == [
        ("about.md", "about.md", "en", ""),
        ("guide.md", "guide.md", "en", ""),
        ("index.es.md", "index.md", "es", "Inicio"),
        ("index.md", "index.md", "en", "Home"),
    ]
    assert [a.id for a in catalogue.in_language("es")] == ["water-play"]
    assert catalogue.find("es", "water-play").title == "Juego con agua"
    assert catalogue.find("es", "sand-play") is None
    assert catalogue.find("en", "sand-play").is_draft
    assert sorted(catalogue.by_key("activities/water-play.md")) == ["en", "es"]


def test_hidden_files_and_ignored_folders_are_skipped(project):
    project.activity("water-play.md")
    project.write(".hidden.md", "not checked at all")
    project.write("activities/.draft.md", "")
    project.write("node_modules/pkg/readme.md", "")
    project.write("__pycache__/x.md", "")
    project.write(".git/HEAD.md", "")
    catalogue = project.check()
    assert formatted(catalogue) == []
    assert not any("node_modules" in f or "pycache" in f or "/." in f for f in catalogue.files)


def test_a_link_inside_the_content_folder_is_fine(project):
    project.activity("water-play.md")
    project.write("images/real.svg", "<svg/>")
    try:
        os.symlink(project.content / "images" / "real.svg", project.content / "images/alias.svg")
    except OSError:
        pytest.skip("this file system has no symbolic links")
    catalogue = project.check()
    assert formatted(catalogue) == []
    assert "images/alias.svg" in catalogue.files


def test_shown_root_is_omitted_when_empty(project):
    project.activity("water-play.md", areas="[motr]")
    catalogue = load_catalogue(project.content, project.settings)
    assert formatted(catalogue) == [
        "activities/water-play.md:8:1: error: unknown area 'motr' in 'areas' "
        "(did you mean 'motor'?)"
    ]


def test_pages_outside_activities_are_not_held_to_the_activity_contract(project):
    project.write("about.md", "---\ntitle: About\nwhatever: 1\n---\n\nText.\n")
    assert formatted(project.check()) == []


def test_problems_are_sorted_by_path_then_line(project):
    project.activity("b.md", id="b", title="B", areas="[motr]")
    project.activity("a.md", id="a", title="A", duration="0", audience="[nobody]")
    assert [(p.path, p.line) for p in project.check().problems] == [
        ("content/activities/a.md", 5),
        ("content/activities/a.md", 7),
        ("content/activities/b.md", 8),
    ]


# --- cross-file rules --------------------------------------------------------------------------


def test_duplicate_id_in_one_language_names_the_first_file(project):
    project.activity("a.md", title="A")
    project.activity("b.md", title="B")
    assert formatted(project.check()) == [
        "content/activities/b.md:2:1: error: id 'water-play' is already used by "
        "content/activities/a.md (give each activity its own id (translations share the id of "
        "their original and end in .<language>.md))"
    ]


def test_same_id_in_two_languages_is_a_translation_not_a_duplicate(project):
    project.activity("a.md", title="A")
    project.activity("a.es.md", title="A es")
    assert formatted(project.check()) == []


def test_translation_without_original(project):
    project.activity("lonely.es.md")
    assert formatted(project.check()) == [
        "content/activities/lonely.es.md:1:1: error: this translation has no original: "
        "content/activities/lonely.md does not exist (name the translation after the original "
        "file, e.g. 'water-play.es.md' beside 'water-play.md')"
    ]


def test_translation_of_an_original_with_errors_is_not_called_an_orphan(project):
    project.activity("a.md", duration="0")
    project.activity("a.es.md")
    assert [p.path for p in project.check().problems] == ["content/activities/a.md"]


def test_translation_with_a_different_id(project):
    project.activity("a.md")
    project.activity("a.es.md", id="agua")
    assert formatted(project.check()) == [
        "content/activities/a.es.md:2:1: error: a translation must have the same id as its "
        "original ('water-play' in content/activities/a.md), found 'agua' (write 'id: water-play')"
    ]


def test_related_id_that_does_not_exist_suggests_the_closest(project):
    project.activity("a.md", extra="related:\n  - sand-play\n  - sand-ply")
    project.activity("b.md", id="sand-play", title="Sand")
    assert formatted(project.check()) == [
        "content/activities/a.md:11:1: error: related activity 'sand-ply' does not exist "
        "(did you mean 'sand-play'?)"
    ]


def test_activity_related_to_itself_is_a_warning(project):
    project.activity("a.md", extra="related: [water-play]")
    catalogue = project.check()
    assert formatted(catalogue) == [
        "content/activities/a.md:9:1: warning: an activity is related to itself"
    ]
    assert catalogue.errors == []


def test_duplicate_titles_in_one_language_are_a_warning(project):
    project.activity("a.md", id="a", title="Water play")
    project.activity("b.md", id="b", title="WATER PLAY")
    project.activity("a.es.md", id="a", title="Water play")
    catalogue = project.check()
    assert formatted(catalogue) == [
        "content/activities/b.md:3:1: warning: the title 'WATER PLAY' is also used by "
        "content/activities/a.md (give each activity a title people can tell apart)"
    ]
    assert len(catalogue.activities) == 3


# --- vocabulary --------------------------------------------------------------------------------


def test_vocabulary_terms_and_labels(project):
    vocabulary = project.vocabulary()
    assert vocabulary.ids("areas") == ["motor", "language", "sensory"]
    assert vocabulary.label("areas", "sensory", "es") == "Sentidos"
    assert vocabulary.label("areas", "sensory", "fr") == "Senses"
    assert vocabulary.label("areas", "unknown", "es") == "unknown"
    assert vocabulary.terms["tags"]["outdoor"].line == 14


def check_vocabulary(tmp_path, text, languages=("en", "es")):
    path = tmp_path / "_vocabulary.yml"
    path.write_text(text, encoding="utf-8")
    vocabulary, problems = load_vocabulary(path, "content/_vocabulary.yml", list(languages))
    return vocabulary, [p.format() for p in problems]


def test_vocabulary_label_missing_in_a_site_language_is_a_warning(tmp_path, vocabulary_text):
    text = vocabulary_text.replace("{en: Senses, es: Sentidos}", "{en: Senses}")
    vocabulary, problems = check_vocabulary(tmp_path, text)
    assert problems == [
        "content/_vocabulary.yml:11:1: warning: 'sensory' in 'areas' has no label in 'es'; "
        "the 'en' label is shown instead (add 'es: ...' to its label)"
    ]
    assert vocabulary.label("areas", "sensory", "es") == "Senses"


def test_vocabulary_label_as_plain_text_is_the_default_language(tmp_path, vocabulary_text):
    text = vocabulary_text.replace("{en: Water, es: Agua}", "Water")
    vocabulary, problems = check_vocabulary(tmp_path, text, languages=("en",))
    assert problems == []
    assert vocabulary.label("tags", "water", "en") == "Water"


def test_vocabulary_missing_file(tmp_path):
    vocabulary, problems = load_vocabulary(tmp_path / "nope.yml", "content/_vocabulary.yml", ["en"])
    assert [p.format() for p in problems] == [
        "content/_vocabulary.yml:1:1: error: the vocabulary file is missing "
        "(create _vocabulary.yml with the lists audience, areas and tags)"
    ]
    assert vocabulary.ids("areas") == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "\nareas:\n",
            "\ncolours:\n  - id: red\nareas:\n",
            ["6:1: error: unknown list 'colours' (use audience, areas and tags)"],
        ),
        (
            "tags:\n",
            "ignored:\n",
            [
                "13:1: error: unknown list 'ignored' (use audience, areas and tags)",
                "1:1: error: the list 'tags' is missing (add 'tags:')",
            ],
        ),
        (
            "- id: motor",
            "- id: Motor Skills",
            [
                "7:1: error: 'Motor Skills' is not a valid id (use lowercase letters, digits "
                "and dashes, e.g. 'social-emotional')"
            ],
        ),
        (
            "- id: language",
            "- id: motor",
            ["9:1: error: 'motor' is listed twice in 'areas' (keep one)"],
        ),
        (
            "  - id: water\n    label: {en: Water, es: Agua}\n",
            "  - water\n",
            [
                "16:1: error: each entry of 'tags' needs an id and a label (write it as "
                "'- id: motor' with 'label: {en: Motor, es: Motricidad}')"
            ],
        ),
        (
            "tags:\n  - id: outdoor",
            "tags: outdoor\nx:\n  - id: outdoor",
            [
                "14:1: error: unknown list 'x' (use audience, areas and tags)",
                "13:1: error: 'tags' must be a list of terms",
            ],
        ),
        (
            "{en: Water, es: Agua}",
            "[Water, Agua]",
            ["16:1: error: the label of 'water' must be one text per language"],
        ),
    ],
    ids=["unknown-list", "missing-list", "bad-id", "duplicate", "no-id", "not-a-list", "label"],
)
def test_vocabulary_problems(tmp_path, vocabulary_text, old, new, expected):
    assert old in vocabulary_text
    _, problems = check_vocabulary(tmp_path, vocabulary_text.replace(old, new, 1))
    assert problems == [f"content/_vocabulary.yml:{line}" for line in expected]


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="messages differ without libyaml")
def test_vocabulary_yaml_syntax_error_is_positioned(tmp_path, vocabulary_text):
    _, problems = check_vocabulary(
        tmp_path, vocabulary_text.replace("audience:\n", "audience: [\n")
    )
    assert len(problems) == 1
    assert problems[0].startswith("content/_vocabulary.yml:2:3: error: ")
    assert "while parsing a flow node, did not find expected node content" in problems[0]


def test_vocabulary_yaml_syntax_error_does_not_mention_front_matter(tmp_path, vocabulary_text):
    _, problems = check_vocabulary(
        tmp_path, vocabulary_text.replace("audience:\n", "audience: [\n")
    )
    assert len(problems) == 1
    assert "front matter" not in problems[0]


def test_vocabulary_problems_reach_the_catalogue(project, vocabulary_text):
    project.write("_vocabulary.yml", vocabulary_text.replace("- id: motor", "- id: Motor"))
    project.activity("a.md", areas="[motor]")
    assert formatted(project.check()) == [
        "content/_vocabulary.yml:7:1: error: 'Motor' is not a valid id (use lowercase letters, "
        "digits and dashes, e.g. 'social-emotional')",
        # The invalid term is left out, so 'motor' is unknown and the valid ids are listed.
        "content/activities/a.md:8:1: error: unknown area 'motor' in 'areas' "
        "(choose one of: language, sensory)",
    ]


def test_related_to_a_draft_is_a_warning_naming_it(project):
    project.activity("water-play.md", extra="related: [sand-play]")
    project.activity("sand-play.md", id="sand-play", title="Sand play", extra="status: draft")
    catalogue = project.check()
    assert catalogue.errors == []
    assert [p.format() for p in catalogue.problems] == [
        "content/activities/water-play.md:9:1: warning: related activity 'sand-play' is a draft "
        "or for facilitators only, so public pages will not list it "
        "(remove it from 'related', or publish it)"
    ]
