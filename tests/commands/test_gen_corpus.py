"""Tests for scripts/gen_corpus.py, the synthetic corpus generator.

Why: other tests and benchmarks trust that the generated folder follows the content
contract and is reproducible; if the generator drifts, they would fail (or pass) for the
wrong reason. These tests pin that contract down on small corpora.
"""

from __future__ import annotations

import hashlib
import importlib.util
import posixpath
import re
import sys
import time
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "gen_corpus.py"

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
LINK_RE = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
ALLOWED_KEYS = {
    "id", "title", "summary", "audience", "areas", "tags", "age", "duration", "materials",
    "reflection", "related", "status", "visibility", "license", "authors", "updated",
}  # fmt: skip
REQUIRED_KEYS = {"id", "title", "summary", "audience", "areas", "age", "duration"}
# Keys that must not differ between an activity and its translations.
SHARED_KEYS = ALLOWED_KEYS - {"title", "summary", "materials", "reflection"}


def _load_module() -> ModuleType:
    """Import the script from its path: scripts/ is not a package and we must not chdir."""
    spec = importlib.util.spec_from_file_location("gen_corpus", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_corpus"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


gen = _load_module()


def _tree_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def _split(text: str) -> tuple[dict, str]:
    assert text.startswith("---\n")
    head, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(head), body


def _activity_files(root: Path) -> list[Path]:
    return sorted((root / "activities").rglob("*.md"))


def _lang_of(path: Path, default: str = "en") -> str:
    parts = path.name.split(".")
    return parts[1] if len(parts) == 3 else default


def _vocab_ids(path: Path) -> dict[str, set[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {kind: {entry["id"] for entry in entries} for kind, entries in data.items()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    out = tmp_path_factory.mktemp("corpus") / "content"
    counts = gen.generate(out, n=100, seed=7)
    return out, counts


@pytest.fixture(scope="module")
def parsed(corpus: tuple[Path, dict[str, int]]) -> dict[Path, tuple[dict, str]]:
    root, _ = corpus
    return {p: _split(p.read_text(encoding="utf-8")) for p in _activity_files(root)}


def test_same_arguments_give_byte_identical_output(tmp_path: Path) -> None:
    first = gen.generate(tmp_path / "a", n=60, seed=3)
    second = gen.generate(tmp_path / "b", n=60, seed=3)
    assert first == second
    assert _tree_hash(tmp_path / "a") == _tree_hash(tmp_path / "b")
    gen.generate(tmp_path / "c", n=60, seed=4)
    assert _tree_hash(tmp_path / "a") != _tree_hash(tmp_path / "c")


def test_counts_match_files_on_disk(corpus: tuple[Path, dict[str, int]]) -> None:
    root, counts = corpus
    files = _activity_files(root)
    default = [p for p in files if _lang_of(p) == "en"]
    spanish = [p for p in files if _lang_of(p) == "es"]
    images = sorted((root / "activities").rglob("*.svg"))
    assert counts["activities"] == len(default) == 100
    assert counts["translations"] == len(spanish) == 100
    assert counts["images"] == len(images) == 30
    assert {p.with_name(p.name.replace(".es.md", ".md")) for p in spanish} == set(default)
    assert len({p.parent.name for p in default}) == len(gen.GROUPS)
    pages = ("index.md", "index.es.md", "about.md", "about.es.md", "guide.md", "guide.es.md")
    assert (root / "_vocabulary.yml").is_file()
    for name in pages:
        meta, _ = _split((root / name).read_text(encoding="utf-8"))
        assert set(meta) == {"title"}, name
    for name in ("index.md", "index.es.md"):
        lines = (root / name).read_text(encoding="utf-8").splitlines()
        assert "<!-- mochila:catalogue -->" in lines
    all_files = [p for p in root.rglob("*") if p.is_file()]
    assert counts["files"] == len(all_files)


def test_front_matter_follows_the_contract(
    corpus: tuple[Path, dict[str, int]], parsed: dict[Path, tuple[dict, str]]
) -> None:
    root, _ = corpus
    vocab = _vocab_ids(root / "_vocabulary.yml")
    default_ids = {meta["id"] for path, (meta, _) in parsed.items() if _lang_of(path) == "en"}
    seen_keys: set[str] = set()
    for path, (meta, _body) in parsed.items():
        where = path.relative_to(root)
        keys = set(meta)
        seen_keys |= keys
        assert keys <= ALLOWED_KEYS, (where, keys - ALLOWED_KEYS)
        assert keys >= REQUIRED_KEYS, (where, REQUIRED_KEYS - keys)
        assert ID_RE.match(meta["id"]) and meta["id"] == path.name.split(".")[0], where
        assert isinstance(meta["title"], str) and 1 <= len(meta["title"]) <= 120, where
        summary = meta["summary"]
        assert isinstance(summary, str) and 1 <= len(summary) <= 300, where
        assert not re.search(r"[\n*_`\[\]<>#]", summary), (where, summary)
        assert meta["audience"] and set(meta["audience"]) <= vocab["audience"], where
        assert meta["areas"] and set(meta["areas"]) <= vocab["areas"], where
        assert set(meta.get("tags", [])) <= vocab["tags"], where
        age = meta["age"]
        assert set(age) == {"min", "max"}, where
        assert 0 <= age["min"] <= age["max"] <= 216, where
        assert isinstance(meta["duration"], int) and 1 <= meta["duration"] <= 600, where
        for item in meta.get("materials", []):
            assert isinstance(item, str) and item, where
        if "reflection" in meta:
            assert set(meta["reflection"]) <= {"before", "after"}, where
            for items in meta["reflection"].values():
                for item in items:
                    if isinstance(item, dict):
                        assert set(item) == {"prompt", "notes"}, where
                        assert all(isinstance(v, str) and v for v in item.values()), where
                    else:
                        assert isinstance(item, str) and item, where
        for other in meta.get("related", []):
            assert other in default_ids and other != meta["id"], (where, other)
        assert meta["status"] in {"draft", "published"}, where
        assert meta["visibility"] in {"public", "restricted"}, where
        assert isinstance(meta.get("license", ""), str), where
        assert all(isinstance(a, str) and a for a in meta.get("authors", [])), where
        assert isinstance(meta["updated"], date) and meta["updated"] <= date(2026, 3, 14)
    assert seen_keys == ALLOWED_KEYS, ALLOWED_KEYS - seen_keys


def test_translations_share_everything_but_text(parsed: dict[Path, tuple[dict, str]]) -> None:
    by_path = {path: meta for path, (meta, _) in parsed.items()}
    for path, meta in by_path.items():
        if _lang_of(path) != "es":
            continue
        original = by_path[path.with_name(path.name.replace(".es.md", ".md"))]
        for key in SHARED_KEYS:
            assert meta.get(key) == original.get(key), (path.name, key)
        assert meta["title"] != original["title"], path.name
        assert len(meta.get("materials", [])) == len(original.get("materials", []))


def test_ids_and_titles_are_unique_per_language(parsed: dict[Path, tuple[dict, str]]) -> None:
    for lang in ("en", "es"):
        metas = [meta for path, (meta, _) in parsed.items() if _lang_of(path) == lang]
        ids = [m["id"] for m in metas]
        titles = [m["title"] for m in metas]
        assert len(ids) == len(set(ids)) == 100, lang
        assert len(titles) == len(set(titles)) == 100, lang


def test_links_and_images_resolve(
    corpus: tuple[Path, dict[str, int]], parsed: dict[Path, tuple[dict, str]]
) -> None:
    root, _ = corpus
    public = {
        meta["id"]
        for meta, _ in parsed.values()
        if meta["status"] == "published" and meta["visibility"] == "public"
    }
    activity_links = 0
    for path, (_meta, body) in parsed.items():
        for target in LINK_RE.findall(body):
            assert "://" not in target and not target.startswith("/"), (path.name, target)
            resolved = (path.parent / target).resolve()
            assert resolved.is_file(), (path.relative_to(root), target)
            if target.endswith(".md"):
                activity_links += 1
                # Links always name the default-language file, also from translations.
                assert resolved.name.count(".") == 1, (path.name, target)
                assert resolved.stem in public, (path.name, target)
                assert posixpath.normpath(target) == target, target
            else:
                assert target.startswith("images/") and target.endswith(".svg"), target
    assert activity_links == 200  # one per activity and language
    for svg in (root / "activities").rglob("*.svg"):
        data = svg.read_bytes()
        assert len(data) < 1024, svg.name
        assert ET.fromstring(data).tag == "{http://www.w3.org/2000/svg}svg"
        assert b"href" not in data, svg.name
    contents = [p.read_bytes() for p in (root / "activities").rglob("*.svg")]
    assert len(set(contents)) == len(contents)


def test_bodies_have_the_expected_shape(
    corpus: tuple[Path, dict[str, int]], parsed: dict[Path, tuple[dict, str]]
) -> None:
    _, counts = corpus
    notes = 0
    vocabulary: set[str] = set()
    for path, (_meta, body) in parsed.items():
        words = len(body.split())
        assert 400 <= words <= 900, (path.name, words)
        assert re.search(r"^## \S", body, re.M), path.name
        assert re.search(r"^1\. \S", body, re.M) and re.search(r"^2\. \S", body, re.M)
        assert re.search(r"^- \S", body, re.M), path.name
        assert re.search(r'^!!! tip "[^"]+"\n    \S', body, re.M), path.name
        assert re.search(r"^:::reflect\n[^\n]+\?\n:::$", body, re.M), path.name
        if re.search(r"^:::notes\n[^\n]+\n:::$", body, re.M):
            notes += 1
        assert "lorem" not in body.lower()
        vocabulary.update(re.findall(r"[a-záéíóúñü]+", body.lower()))
    assert notes == 2 * counts["notes"]
    assert 10 <= counts["notes"] <= 35  # about 20%
    assert len(vocabulary) > 1000  # a search index should see a realistic spread of words


def test_titles_stay_unique_past_the_number_of_combinations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gen, "QUALIFIERS", ())  # only the 80 bare base phrases
    gen.generate(tmp_path / "c", n=200, seed=5, images_ratio=0)
    for lang in ("en", "es"):
        titles = [
            _split(p.read_text(encoding="utf-8"))[0]["title"].casefold()
            for p in _activity_files(tmp_path / "c")
            if _lang_of(p) == lang
        ]
        assert len(titles) == len(set(titles)) == 200
        assert any(t.endswith(" 3)") for t in titles)


def test_no_variation_suffix_while_combinations_last(
    parsed: dict[Path, tuple[dict, str]],
) -> None:
    assert not any("(vari" in meta["title"] for meta, _ in parsed.values())


def test_restricted_and_draft_activities_exist(corpus: tuple[Path, dict[str, int]]) -> None:
    _, counts = corpus
    assert counts["restricted"] >= 1
    assert counts["drafts"] >= 1


def test_templates_use_the_same_slots_in_every_language() -> None:
    for name, pool in gen.template_pools().items():
        for template in pool:
            fields = [{f for _, f, _, _ in gen._FORMATTER.parse(text) if f} for text in template]
            assert fields[0] == fields[1], (name, template)


def test_vocabulary_matches_the_sample_content(tmp_path: Path) -> None:
    sample = ROOT / "content" / "_vocabulary.yml"
    if not sample.is_file():
        pytest.skip("no sample content/_vocabulary.yml")
    gen.generate(tmp_path / "c", n=0)
    assert _vocab_ids(tmp_path / "c" / "_vocabulary.yml") == _vocab_ids(sample)


def test_other_language_orders(tmp_path: Path) -> None:
    counts = gen.generate(tmp_path / "es", n=12, seed=2, languages=("es", "en"))
    root = tmp_path / "es"
    assert counts["translations"] == 12
    assert (root / "index.en.md").is_file() and not (root / "index.es.md").exists()
    spanish = [p for p in _activity_files(root) if p.name.count(".") == 1]
    meta, body = _split(spanish[0].read_text(encoding="utf-8"))
    assert "## " in body and meta["title"]
    assert any(ch in body for ch in "áéíóúñ¿")
    only = gen.generate(tmp_path / "en", n=12, seed=2, languages=("en",), images_ratio=0)
    assert only["translations"] == 0 and only["images"] == 0
    with pytest.raises(ValueError):
        gen.generate(tmp_path / "fr", n=3, languages=("fr",))


def test_refuses_to_overwrite_foreign_folders(tmp_path: Path) -> None:
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "keep.md").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError):
        gen.generate(precious, n=3)
    with pytest.raises(FileExistsError):
        gen.generate(precious, n=3, force=True)
    assert (precious / "keep.md").read_text(encoding="utf-8") == "mine"

    out = tmp_path / "out"
    gen.generate(out, n=5, seed=1)
    with pytest.raises(FileExistsError):
        gen.generate(out, n=3, seed=1)
    gen.generate(out, n=3, seed=1, force=True)
    assert len(_activity_files(out)) == 6  # the earlier, larger corpus is gone


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli"
    assert gen.main([str(out), "--n", "4", "--seed", "9", "--images-ratio", "0.5"]) == 0
    assert "activities=4" in capsys.readouterr().out
    reference = tmp_path / "api"
    gen.generate(reference, n=4, seed=9, images_ratio=0.5)
    assert _tree_hash(out) == _tree_hash(reference)


@pytest.mark.slow
def test_thousand_activities_are_fast(tmp_path: Path) -> None:
    # CPU time of this process, not wall time: on a shared machine the wall clock mostly
    # measures the other jobs (typically 0.6 s user + up to 2 s of file-system sys time).
    start = time.process_time()
    counts = gen.generate(tmp_path / "big", n=1000, seed=1)
    elapsed = time.process_time() - start
    assert counts["activities"] + counts["translations"] == 2000
    assert elapsed < 5, f"generating 1,000 activities took {elapsed:.1f}s"
