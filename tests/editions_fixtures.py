"""Two real editions of the sample project's bundles, for "What's new", diff and update tests.

Edition 1 is the sample as committed (``build_fixtures.EDITION``). Edition 2 is committed a
week later with one activity added (``kite-flying``, English only), one changed (a paragraph
added to ``water-play``, English) and one removed (``story-stones`` made a draft, as an
author unpublishing it would). Both are built into the same output folder, as a coordinator's
``build/`` would be; edition 1's zips are kept aside first.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import build_fixtures
import pytest

SECOND_DATE = "2026-11-27T12:00:00+00:00"
SECOND = "2026-11-27"
ADDED, CHANGED, REMOVED = "kite-flying", "water-play", "story-stones"


@dataclass(frozen=True)
class TwoEditions:
    project: build_fixtures.SampleProject
    output: Path  # the build folder, holding edition 2 (built over edition 1)
    first: Path  # a copy of edition 1's bundles folder
    second: Path  # a copy of edition 2's bundles folder
    messages: tuple[str, ...]

    def zip(self, which: Path, bundle: str) -> Path:
        edition = build_fixtures.EDITION if which == self.first else SECOND
        return which / f"mochila-{bundle}-{edition}.zip"


def commit(root: Path, message: str, date: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date, GIT_CONFIG_NOSYSTEM="1")
    for args in (["add", "-A"], ["commit", "-q", "-m", message]):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=root,
            env=env,
            check=True,
            capture_output=True,
        )


def edit_second_edition(content: Path) -> None:
    activities = content / "activities"
    water = activities / f"{CHANGED}.md"
    water.write_text(
        water.read_text(encoding="utf-8")
        + "\nAfterwards, let the child pour the water back into the garden.\n",
        encoding="utf-8",
    )
    kite = water.read_text(encoding="utf-8")
    kite = kite.replace(f"id: {CHANGED}", f"id: {ADDED}", 1)
    kite = kite.replace("title: Pouring and floating", "title: Flying a paper kite", 1)
    (activities / f"{ADDED}.md").write_text(kite, encoding="utf-8")
    for name in (f"{REMOVED}.md", f"{REMOVED}.es.md"):
        path = activities / name
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\n---\n", "\nstatus: draft\n---\n", 1), encoding="utf-8")


@pytest.fixture(scope="session")
def two_editions(tmp_path_factory) -> TwoEditions:
    base = tmp_path_factory.mktemp("editions")
    project = build_fixtures.copy_sample_project(base / "project")
    output = base / "output"
    build_fixtures.build_project(project, output)
    first = shutil.copytree(output / "bundles", base / "first")
    edit_second_edition(project.content)
    commit(project.root, "Second edition", SECOND_DATE)
    built = build_fixtures.build_project(project, output)
    second = shutil.copytree(output / "bundles", base / "second")
    return TwoEditions(project, output, first, second, built.messages)
