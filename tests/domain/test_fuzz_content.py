"""Any bytes in a content file give ``file:line`` problems, never a traceback.

Why: authors paste from word processors (control characters, byte order marks, odd quotes),
editors save in other encodings and merges leave half-files. Random mutations of real files
(the sample project and a real corpus written by another organisation) must each end in
problems that name the mutated file and a line inside it, or in no problem at all. Problems
that appear in *other* files must be real consequences that say so (they name the mutated
file, or an id or term it no longer provides); anything else is a cascade.

Each case checks a copy in a temporary folder through ``load_catalogue`` with a read cache,
so only the mutated file is read again: thousands of cases run in seconds. A few mutated
projects also go through the ``mochila check`` command.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import build_fixtures
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutations import ENCODINGS, Mutation, encode, mutate, mutations

from mochila.cli import main
from mochila.domain.catalogue import ReadCache, load_catalogue
from mochila.domain.settings import ContentSettings

REPO = Path(__file__).resolve().parents[2]
CORPUS = build_fixtures.CORPORA / "rpf-projects" / "content"
# Cases per run: about 2,000 in ~30 s of one core; FUZZ_EXAMPLES=20000 for a longer hunt.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "1400"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # leave nothing behind in the working directory
    derandomize=True,  # the same cases on every run: CI is not a lottery
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# --- the folders mutated ------------------------------------------------------------------------


@dataclass
class Folder:
    """A content folder copied to tmp, checked once clean, with a read cache."""

    root: Path
    settings: ContentSettings
    files: list[str]  # the text files mutations are applied to
    baseline: set[str]
    cache: ReadCache

    def check(self):
        return load_catalogue(self.root, self.settings, shown_root="content", cache=self.cache)


def _folder(tmp: Path, source: Path, languages: tuple[str, ...], keep=None) -> Folder:
    root = tmp / "content"
    shutil.copytree(source, root, ignore=keep)
    locales = root / "_locales"
    locales.mkdir(exist_ok=True)
    builtin = REPO / "plugins" / "mochila" / "locales" / "es.yml"
    shutil.copy(builtin, locales / "es.yml")
    files = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.suffix in (".md", ".yml"))
    folder = Folder(root, ContentSettings(languages=languages), files, set(), ReadCache())
    catalogue = folder.check()
    folder.baseline = {p.format() for p in catalogue.problems}
    assert not catalogue.errors, [p.format() for p in catalogue.errors]
    return folder


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Folder:
    return _folder(tmp_path_factory.mktemp("sample"), REPO / "content", ("en", "es"))


CORPUS_KEPT = ("against-the-clock", "archery", "anime-expressions", "market-stall")


def _corpus_subset(directory: str, names: list[str]) -> list[str]:
    """Ignore all but a few activities of the corpus (their translations and pictures too):
    each case then checks ~60 files instead of ~1,100. The home pages go, as they link to
    every activity."""
    folder = Path(directory)
    if folder.name == "content":
        return [n for n in names if n.startswith("index")]
    if folder.name == "activities":
        return [n for n in names if n.endswith(".md") and not n.startswith(CORPUS_KEPT)]
    if folder.name == "img":
        return [n for n in names if n not in CORPUS_KEPT]
    return []


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Folder:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    return _folder(
        tmp_path_factory.mktemp("corpus"),
        CORPUS,
        ("en", "es", "fr", "ar", "hi", "ja"),
        keep=_corpus_subset,
    )


# --- the property -------------------------------------------------------------------------------


def _line_count(data: bytes) -> int:
    text = data.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")
    return text.count("\n") + 1


def _ids_and_terms(text: str) -> set[str]:
    """Ids a file provides (its own, or a vocabulary's terms): others may name them."""
    return set(re.findall(r"(?m)^\s*-?\s*id:\s*['\"]?([a-z0-9-]+)", text))


def assert_only_local_problems(folder: Folder, rel: str, original: str, data: bytes) -> None:
    catalogue = folder.check()  # any exception fails the test: that is the point
    shown = f"content/{rel}"
    provided = _ids_and_terms(original)
    for problem in catalogue.problems:
        text = problem.format()
        if text in folder.baseline:
            continue
        assert problem.line >= 1 and problem.col >= 1, text
        if problem.path == shown:
            assert problem.line <= _line_count(data), text
            continue
        # Another file: only a real consequence of this change, saying what it is.
        assert shown in problem.message or any(
            f"'{name}'" in problem.message for name in provided
        ), f"a problem in another file after changing {rel}: {text}"
        other = (folder.root / problem.path.removeprefix("content/")).read_bytes()
        assert problem.line <= _line_count(other), text


def _run(folder: Folder, rel: str, changes: list[Mutation], encoding: str) -> None:
    path = folder.root / rel
    original_bytes = path.read_bytes()
    original = original_bytes.decode("utf-8")
    text = original
    for change in changes:
        text = mutate(text, change)
    data = encode(text, encoding)
    path.write_bytes(data)
    try:
        assert_only_local_problems(folder, rel, original, data)
    finally:
        path.write_bytes(original_bytes)


@FUZZ
@given(data=st.data(), changes=st.lists(mutations, min_size=1, max_size=3), encoding=ENCODINGS)
def test_mutated_sample_file_gives_located_problems(sample, data, changes, encoding):
    rel = data.draw(st.sampled_from(sample.files), label="file")
    _run(sample, rel, changes, encoding)


@settings(FUZZ, max_examples=EXAMPLES // 2)  # each case checks ~110 files: half as many
@given(data=st.data(), changes=st.lists(mutations, min_size=1, max_size=3), encoding=ENCODINGS)
def test_mutated_corpus_file_gives_located_problems(corpus, data, changes, encoding):
    rel = data.draw(st.sampled_from(corpus.files), label="file")
    _run(corpus, rel, changes, encoding)


# --- the same through the command, a few times -------------------------------------------------

CLI_CASES = [
    ("activities/water-play.md", "title: Water play", "title: Water\x07 play"),
    ("activities/water-play.md", "age: {min: 6, max: 36}", "age: !!binary aGVsbG8="),
    ("activities/water-play.md", "duration: 20", "duration: " + "9" * 50),
    ("activities/water-play.md", "areas: [sensory]", "areas: &a [*a]"),
    ("_vocabulary.yml", "audience:", "audience: \x0b"),
    ("_locales/es.yml", None, "read_in: '{lang'\nminutes: \x1e\n"),
    ("index.md", None, b"\xff\xfe\x00t\x00i\x00"),
]


@pytest.mark.parametrize(("rel", "old", "new"), CLI_CASES, ids=[str(i) for i in range(7)])
def test_check_command_reports_mutations_without_a_traceback(project, rel, old, new):
    project.activity("water-play.md")
    if old is None:
        project.write(rel, new)
    else:
        path = project.content / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (old, text)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["-f", str(project.config), "check"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.stdout.splitlines()
    assert lines and all(re.match(r"^\S+:\d+:\d+: (error|warning): ", line) for line in lines)
    assert any(f"/{rel}:" in line or line.startswith(f"{rel}:") for line in lines), lines
