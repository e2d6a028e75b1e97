"""Search index building (issue 14), pure Python: folding, words, n-grams, stemmers, shards."""

from __future__ import annotations

from pathlib import Path

import pytest
import search_index

from mochila.domain.search import index as index_module
from mochila.domain.search.index import SearchDocument, build_index, encode_postings
from mochila.domain.search.stemmer import stem, table_for
from mochila.domain.search.text import fold, html_text, ngrams, runs


def words(text: str) -> list[str]:
    return [run for run, _ in runs(fold(text))]


def test_folding_removes_accents_and_case_but_keeps_other_scripts_whole():
    assert fold("Cumpleaños ÁRBOL") == "cumpleanos arbol"
    assert fold("Ça Va") == "ca va"
    assert fold("مَرْحَبًا") == "مرحبا"  # optional Arabic vowel signs
    assert fold("नमस्ते") == "नमस्ते"  # Devanagari vowel signs are letters, kept
    assert fold("한국어") == "한국어"  # Hangul syllables recomposed


def test_words_split_on_spaces_and_punctuation_and_between_scripts():
    assert words("¡Niños! l'eau, agua-fría 3 años") == [
        "ninos",
        "l",
        "eau",
        "agua",
        "fria",
        "3",
        "anos",
    ]
    assert list(runs(fold("日本語のテキストabc"))) == [("日本語のテキスト", True), ("abc", False)]
    assert ngrams("日本語") == ["日", "本", "語", "日本", "本語"]


def test_html_text_keeps_what_a_reader_sees():
    html = (
        '<h2 id="x">Getting &amp; ready</h2><script>var x = "no";</script><p>Pour <b>water</b></p>'
    )
    assert html_text(html) == "Getting & ready Pour water"


@pytest.mark.parametrize(
    ("lang", "a", "b"),
    [
        ("en", "children", "child"),
        ("en", "babies", "baby"),
        ("en", "songs", "song"),
        ("en", "boxes", "box"),
        ("en", "playing", "play"),
        ("en", "glasses", "glass"),
        ("es", "canciones", "canción"),
        ("es", "niños", "niño"),
        ("es", "niñas", "niño"),
        ("es", "luces", "luz"),
        ("es", "flores", "flor"),
        ("es", "padres", "padre"),
        ("fr", "animaux", "animal"),
        ("fr", "petites", "petit"),
        ("pt", "canções", "canção"),
    ],
)
def test_inflections_share_a_stem(lang, a, b):
    table = table_for(lang)
    assert stem(fold(a), table) == stem(fold(b), table)


def test_stemmers_leave_short_and_protected_words_alone():
    english = table_for("en")
    assert [stem(w, english) for w in ("bus", "glass", "is", "bed", "seed")] == [
        "bus",
        "glass",
        "is",
        "bed",
        "seed",
    ]
    assert table_for("pt-BR") is table_for("pt")
    assert table_for("qu") is None and stem("wawakuna", None) == "wawakuna"


def _docs() -> list[SearchDocument]:
    return [
        SearchDocument(
            "activities/songs.html",
            "Lullabies from home",
            summary="Adults sing the songs they learnt as children.",
            labels=("Language",),
            materials=("a blanket",),
            body="Sit with the babies and sing canciones de cumpleaños.",
        ),
        SearchDocument("activities/sand.html", "Sand kitchen", body="Children cook with sand."),
        SearchDocument("about.html", "About", body="日本語のテキスト"),
    ]


def test_the_index_holds_stems_with_their_fields_and_documents(tmp_path):
    files = build_index(_docs(), "en")
    assert set(files) >= {"search/manifest.js", "search/d-0.js"}
    root = _write(files, tmp_path)
    manifest = search_index.manifest(root)
    assert manifest["count"] == 3 and manifest["lang"] == "en"
    assert manifest["stemmer"] == table_for("en")
    terms = search_index.terms(root)
    alphabet = manifest["alphabet"]
    # "children" (summary of 0, body of 1) is stored as "child"; title bit 1, summary 4, body 16.
    assert search_index.decode(terms["child"], alphabet) == [(0, 4), (1, 16)]
    assert search_index.decode(terms["lullaby"], alphabet) == [(0, 1)]
    assert search_index.decode(terms["blanket"], alphabet) == [(0, 8)]
    assert search_index.decode(terms["language"], alphabet) == [(0, 2)]
    assert "cumpleano" in terms or "cumpleanos" in terms  # folded, stemmed as English
    assert {"日", "日本", "本語"} <= set(terms)
    rows = search_index.documents(root)
    assert [r[0] for r in rows] == ["activities/songs.html", "activities/sand.html", "about.html"]
    assert rows[0][6] == "a blanket"


def test_words_whose_stem_does_not_begin_them_are_aliases_in_their_own_shard(tmp_path):
    """A reader typing "babi" must find "babies", stored as "baby"; "childr" finds "child"
    because "children" begins with it."""
    root = _write(build_index(_docs(), "en"), tmp_path)
    name, (key, _terms, aliases) = search_index.read_call(root / "search" / "t-ba.js")
    assert (name, key) == ("shard", "ba")
    assert aliases == {"babies": "baby"}
    assert search_index.read_call(root / "search" / "t-ch.js")[1][2] == {}


def test_a_large_group_is_split_by_its_third_character(monkeypatch, tmp_path):
    monkeypatch.setattr(index_module, "SHARD_LIMIT", 40)
    docs = [SearchDocument(f"p{i}.html", f"cat{i} car cab ca") for i in range(30)]
    files = build_index(docs, "en")
    names = {name for name in files if name.startswith("search/t-ca")}
    assert names == {"search/t-ca.js", "search/t-cat.js", "search/t-car.js", "search/t-cab.js"}
    root = _write(files, tmp_path)
    assert set(search_index.read_call(root / "search" / "t-ca.js")[1][1]) == {"ca"}


def test_postings_round_trip_including_large_gaps():
    pairs = [(0, 1), (5, 31), (37, 16), (5000, 2), (123456, 4)]
    encoded = encode_postings(pairs)
    assert search_index.decode(encoded, index_module.ALPHABET) == pairs


def test_shard_files_have_ascii_names_for_usb_sticks():
    files = build_index([SearchDocument("a.html", "Água नमस्ते 日本")], "es")
    names = [name.split("/")[1] for name in files]
    assert all(name.isascii() for name in names), names
    assert "t-u65e5.js" in names


def test_building_is_deterministic():
    assert build_index(_docs(), "es") == build_index(list(_docs()), "es")


def _write(files: dict[str, str], root: Path) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root
