"""Session fixtures and helpers around one real build of the repository's sample project.

Why: the output tests (website, bundles, leaks) and the browser tests all look at what
``mochila build`` really produces from ``content/``. Building takes seconds, so the sample is
built once per test session into a temporary folder and shared, read only. Tests that need a
changed project (leaks, determinism) use ``copy_sample_project`` and ``build_project`` on their
own ``tmp_path``.

How to use: pytest finds fixtures among a test module's attributes, so bind the ones you need
there (an assignment, unlike a ``from`` import, keeps ruff quiet when a test's parameter has
the fixture's name)::

    import build_fixtures

    sample_build = build_fixtures.sample_build
    unzip_bundle = build_fixtures.unzip_bundle

pytest's default ("prepend") import mode puts ``tests/`` on ``sys.path`` because it has no
``__init__.py``, so ``import build_fixtures`` works from any working directory.

The copy is a git repository with one commit dated ``COMMIT_DATE``: the edition label
(``EDITION``) comes from that commit, as in a real checkout, never from the clock or from a
``SOURCE_DATE_EPOCH`` set in the environment (it is unset while the fixtures build).

Nothing here writes outside pytest's temporary folders or changes the working directory.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from mochila.commands.orchestrate import build_everything
from mochila.commands.project import load_project

REPO = Path(__file__).resolve().parents[1]
# What a project is made of: the rest of the repository (plugins, scripts, build/) is not copied.
PROJECT_PARTS = ("mkdocs.yml", "content", "theme")
COMMIT_DATE = "2026-11-20T12:00:00+00:00"
EDITION = "2026-11-20"
LANGUAGES = ("en", "es")
START_PAGES = {"en": "OPEN ME.html", "es": "ABRIR AQUÍ.html"}
README_NAMES = {"en": "README.txt", "es": "LEEME.txt"}


# --------------------------------------------------------------------------- projects and builds


@dataclass(frozen=True)
class SampleProject:
    """A copy of the sample project (``mkdocs.yml``, ``content/``, ``theme/``) in a git repo."""

    root: Path

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def content(self) -> Path:
        return self.root / "content"

    def config(self) -> dict[str, Any]:
        """``mkdocs.yml`` as plain data."""
        return yaml.safe_load(self.config_file.read_text(encoding="utf-8"))

    def bundles(self) -> list[dict[str, Any]]:
        """The bundles declared under ``mochila/bundles: bundles:``, as written."""
        for entry in self.config()["plugins"]:
            if isinstance(entry, dict) and "mochila/bundles" in entry:
                return list((entry["mochila/bundles"] or {}).get("bundles") or [])
        return []

    def activities(self) -> list[ActivitySource]:
        return read_activities(self.content)


@dataclass(frozen=True)
class SampleBuild:
    """The output of one ``build_everything(..., bundles=True)`` of a ``SampleProject``."""

    project: SampleProject
    output: Path
    edition: str
    messages: tuple[str, ...]

    @property
    def site(self) -> Path:
        """The website root: the first language at the root, ``es/`` beside it."""
        return self.output / "site"

    @property
    def bundles(self) -> Path:
        """The folder holding every ``mochila-<name>-<edition>.zip`` and ``SHA256SUMS``."""
        return self.output / "bundles"

    def language_site(self, lang: str) -> Path:
        """The root of one language's website (``site`` or ``site/<lang>``)."""
        return self.site if lang == LANGUAGES[0] else self.site / lang

    def bundle_top(self, name: str) -> str:
        """The one folder inside a bundle's zip, e.g. ``mochila-families-es-2026-11-20``."""
        return f"mochila-{name}-{self.edition}"

    def bundle_zip(self, name: str) -> Path:
        return self.bundles / f"{self.bundle_top(name)}.zip"


def _git(root: Path, *args: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        GIT_AUTHOR_DATE=COMMIT_DATE,
        GIT_COMMITTER_DATE=COMMIT_DATE,
        GIT_CONFIG_NOSYSTEM="1",
    )
    subprocess.run(
        [
            "git",
            "-c",
            "user.name=Mochila tests",
            "-c",
            "user.email=tests@example.org",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
            *args,
        ],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
    )


def copy_sample_project(
    dest: Path, edit: Callable[[Path], None] | None = None, *, commit: bool = True
) -> SampleProject:
    """Copy the repository's sample project to ``dest`` and commit it there.

    ``edit(root)`` may change the copy before the commit (the leak tests add words to
    activities). Returns the project; raises ``subprocess.CalledProcessError`` if git fails.
    """
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, dest / part)
        else:
            shutil.copy2(source, dest / part)
    if edit is not None:
        edit(dest)
    if commit:
        _git(dest, "init", "-q")
        _git(dest, "add", "-A")
        _git(dest, "commit", "-q", "-m", "Sample content")
    return SampleProject(dest)


def file_digests(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (relative path) with the sha256 of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def generated_project(dest: Path, n: int, seed: int = 1) -> SampleProject:
    """The sample project with its content replaced by ``scripts/gen_corpus.py``'s (English
    and Spanish, ``n`` activities, drafts, restricted pages and images included), committed."""

    def replace_content(root: Path) -> None:
        shutil.rmtree(root / "content")
        load_gen_corpus().generate(root / "content", n=n, seed=seed)

    return copy_sample_project(dest, replace_content)


def load_gen_corpus():
    """``scripts/gen_corpus.py`` as a module (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("gen_corpus", REPO / "scripts" / "gen_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_corpus", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return sys.modules["gen_corpus"]


# Real content written by other organisations, converted to the content contract
# (``../shared/corpora/<name>/``, each with a README). Tests copy them, never change them.
# ``../shared`` beside the checkout; a clone elsewhere (a CI copy) names it with MOCHILA_SHARED
# or finds this workplace's copy.
CORPORA = next(
    (
        Path(p) / "corpora"
        for p in (os.environ.get("MOCHILA_SHARED", ""), REPO.parent / "shared", "/work/shared")
        if p and (Path(p) / "corpora").is_dir()
    ),
    REPO.parent / "shared" / "corpora",
)


def corpus_languages(content: Path) -> tuple[str, ...]:
    """The languages of a corpus: English first (files without a suffix), then every
    language a page's suffix names (``index.<lang>.md``)."""
    found = sorted({p.name.split(".")[-2] for p in content.glob("*.*.md")})
    return ("en", *[lang for lang in found if lang != "en"])


def corpus_project(dest: Path, corpus: Path) -> SampleProject:
    """A project of ``corpus/content`` with the sample's theme and mkdocs.yml, one full bundle
    per language and the corpus's top pages in ``nav``, committed."""

    def use_corpus(root: Path) -> None:
        shutil.rmtree(root / "content")
        shutil.copytree(corpus / "content", root / "content")
        languages = corpus_languages(root / "content")
        config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
        # The generated pages the sample lists (catalogue, browse, journal), then the corpus's
        # own top pages, home first.
        own = sorted(p.name for p in (root / "content").glob("*.md") if p.name.count(".") == 1)
        generated = [entry for entry in config["nav"] if not (REPO / "content" / entry).exists()]
        config["nav"] = ["index.md", *generated, *[name for name in own if name != "index.md"]]
        for plugin in config["plugins"]:
            if isinstance(plugin, dict) and "mochila/activities" in plugin:
                plugin["mochila/activities"]["languages"] = list(languages)
                if (root / "content" / "ATTRIBUTION.md").is_file():
                    plugin["mochila/activities"]["attribution"] = "ATTRIBUTION.md"
            if isinstance(plugin, dict) and "mochila/bundles" in plugin:
                plugin["mochila/bundles"]["bundles"] = [
                    {"name": f"full-{lang}", "language": lang, "title": {lang: corpus.name}}
                    for lang in languages
                ]
        (root / "mkdocs.yml").write_text(
            yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )

    return copy_sample_project(dest, use_corpus)


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], SampleBuild]:
    """A function ``build(corpus) -> SampleBuild``: a real corpus (a folder of ``CORPORA``) as
    a ``corpus_project``, built once per session, website and bundles. Read only: a real
    corpus takes the better part of a minute to build, and several test files look at it."""
    built: dict[Path, SampleBuild] = {}

    def build(corpus: Path) -> SampleBuild:
        if corpus not in built:
            root = tmp_path_factory.mktemp(f"corpus-{corpus.name}")
            project = corpus_project(root / "project", corpus)
            built[corpus] = build_project(project, root / "output")
        return built[corpus]

    return build


@contextlib.contextmanager
def _without_source_date_epoch() -> Iterator[None]:
    previous = os.environ.pop("SOURCE_DATE_EPOCH", None)
    try:
        yield
    finally:
        if previous is not None:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def build_project(project: SampleProject, output: Path, *, bundles: bool = True) -> SampleBuild:
    """Build ``project`` into ``output`` (``site/`` and, with ``bundles``, ``bundles/``).

    The edition comes from the project's last commit. Raises ``BuildFailed`` as the CLI would.
    """
    messages: list[str] = []
    with _without_source_date_epoch():
        build_everything(
            load_project(project.config_file), output, bundles=bundles, echo=messages.append
        )
    return SampleBuild(project, output, EDITION, tuple(messages))


@pytest.fixture(scope="session")
def sample_project(tmp_path_factory: pytest.TempPathFactory) -> SampleProject:
    """The sample project, copied and committed once per session. Do not modify it."""
    return copy_sample_project(tmp_path_factory.mktemp("sample") / "project")


@pytest.fixture(scope="session")
def sample_build(sample_project: SampleProject) -> SampleBuild:
    """The sample project built once per session, website and bundles. Read only."""
    return build_project(sample_project, sample_project.root.parent / "output")


@pytest.fixture(scope="session")
def sample_site(sample_build: SampleBuild) -> Path:
    """``build/site`` of the sample build."""
    return sample_build.site


@pytest.fixture(scope="session")
def sample_bundles(sample_build: SampleBuild) -> Path:
    """``build/bundles`` of the sample build."""
    return sample_build.bundles


@pytest.fixture(scope="session")
def sample_activities(sample_project: SampleProject) -> list[ActivitySource]:
    """Every activity file of the sample content (drafts and restricted ones included)."""
    return sample_project.activities()


@pytest.fixture(scope="session")
def unzip_bundle(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], Path]:
    """A function ``unzip(zip_path) -> folder``: extracts into a new empty folder each call.

    The folder returned is where the zip was extracted, so it holds the zip's top-level
    folder (``mochila-<name>-<edition>/``), as on a USB stick. Safe to modify.
    """

    def unzip(zip_path: Path) -> Path:
        folder = tmp_path_factory.mktemp(f"unzipped-{zip_path.stem}")
        with zipfile.ZipFile(zip_path) as archive:
            archive.extractall(folder)
        return folder

    return unzip


# ------------------------------------------------------------------------- the content as written


@dataclass(frozen=True)
class ActivitySource:
    """One activity file, read with PyYAML only (independently of Mochila's own parser)."""

    path: Path
    lang: str
    slug: str  # path under activities/ without language suffix and '.md', e.g. "water-play"
    meta: dict[str, Any]
    body: str

    @property
    def id(self) -> str:
        return self.meta["id"]

    @property
    def title(self) -> str:
        return self.meta["title"]

    @property
    def page(self) -> str:
        """The page's path in its language's site, e.g. ``activities/water-play.html``."""
        return f"activities/{self.slug}.html"

    @property
    def is_draft(self) -> bool:
        return self.meta.get("status", "published") == "draft"

    @property
    def is_restricted(self) -> bool:
        return self.meta.get("visibility", "public") == "restricted"

    @property
    def is_public(self) -> bool:
        """Published and public: on the website and in every bundle it matches."""
        return not self.is_draft and not self.is_restricted

    def values(self, name: str) -> list[Any]:
        return list(self.meta.get(name) or [])

    def prompts(self, when: str) -> list[tuple[str, str]]:
        """``reflection.<when>`` as (question, facilitator notes or '')."""
        result = []
        for item in (self.meta.get("reflection") or {}).get(when) or []:
            if isinstance(item, dict):
                result.append((item["prompt"], item.get("notes", "")))
            else:
                result.append((item, ""))
        return result

    def blocks(self, kind: str) -> list[str]:
        """The text of each ``:::kind`` block in the body, whitespace collapsed."""
        found = re.findall(rf"^:::{kind}[ \t]*\n(.*?)\n:::[ \t]*$", self.body, re.M | re.S)
        return [" ".join(text.split()) for text in found]

    def linked_slugs(self) -> list[str]:
        """Activities the body links to by file name (``[text](other.md)``), in order."""
        return re.findall(r"\]\(([a-z0-9/-]+?)(?:\.[a-z]{2})?\.md(?:#[^)]*)?\)", self.body)


def read_activities(content: Path, languages: tuple[str, ...] = LANGUAGES) -> list[ActivitySource]:
    """Read every ``content/activities/**/*.md`` with its front matter."""
    folder = content / "activities"
    result = []
    for path in sorted(folder.rglob("*.md")):
        rel = path.relative_to(folder).as_posix()[: -len(".md")]
        lang = languages[0]
        suffix = rel.rsplit(".", 1)
        if len(suffix) == 2 and suffix[1] in languages[1:]:
            rel, lang = suffix
        text = path.read_text(encoding="utf-8")
        match = re.match(r"---\n(.*?)\n---\n(.*)", text, re.S)
        assert match, f"{path} has no front matter"
        result.append(
            ActivitySource(path, lang, rel, yaml.safe_load(match.group(1)), match.group(2))
        )
    return result


# --------------------------------------------------------------------------- reading HTML


VOID = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param")
    + ("source", "track", "wbr")
)


@dataclass
class Node:
    """An element of a parsed HTML page, just enough to query built pages without new packages."""

    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def get(self, name: str) -> str | None:
        return self.attrs.get(name)

    def iter(self) -> Iterator[Node]:
        """This element and every element inside it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Node]:
        """Elements inside (or equal to) this one with the tag, class and attribute values
        given; an attribute value of ``True`` only asks for the attribute to be present."""
        found = []
        for node in self.iter():
            if tag is not None and node.tag != tag:
                continue
            if cls is not None and cls not in node.classes:
                continue
            if any(
                (name not in node.attrs) if value is True else node.attrs.get(name) != value
                for name, value in ((k.replace("_", "-"), v) for k, v in attrs.items())
            ):
                continue
            found.append(node)
        return found

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> Node:
        """The one matching element; fails the test if there is none or more than one."""
        found = self.find_all(tag, cls, **attrs)
        assert len(found) == 1, f"expected one <{tag} class={cls} {attrs}>, found {len(found)}"
        return found[0]

    def text(self) -> str:
        """The text inside, whitespace collapsed to single spaces."""
        parts: list[str] = []

        def walk(node: Node) -> None:
            for child in node.children:
                if isinstance(child, str):
                    parts.append(child)
                elif child.tag not in ("script", "style"):
                    walk(child)

        walk(self)
        return " ".join("".join(parts).split())


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(text: str) -> Node:
    """Parse a page into ``Node``s (the returned node is the document)."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


def read_html(path: Path) -> Node:
    return parse_html(path.read_text(encoding="utf-8"))
