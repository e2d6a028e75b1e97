"""Reading content on two cores (``mochila check`` and every build start with it).

Why: at 1,000 activities reading and checking the files is most of ``mochila check`` and sits
before every build; a forked helper reads half. The result must be exactly the sequential one,
in the same order, and a helper that fails must not lose anything.
"""

from __future__ import annotations

import os

import pytest

from mochila.commands import check
from mochila.commands.check import check_content, read_in_two
from mochila.commands.project import load_project


def test_reading_in_two_gives_the_sequential_result_in_order():
    paths = [f"activities/a-{n:04}.md" for n in range(1001)]

    def read(path):
        return (path, os.getpid())

    results = read_in_two(read, paths)
    assert [path for path, _ in results] == paths
    # Half of them really were read by another process.
    assert len({pid for _, pid in results}) == 2


def test_a_helper_that_fails_leaves_its_half_to_this_process():
    parent = os.getpid()
    paths = [f"p{n}" for n in range(900)]

    def read(path):
        if os.getpid() != parent:
            raise RuntimeError("helper broke")
        return path.upper()

    assert read_in_two(read, paths) == [p.upper() for p in paths]


def test_a_content_error_is_reported_the_same_on_two_cores(project, monkeypatch):
    for n in range(12):
        project.activity(f"play-{n:02}.md", id=f"play-{n:02}", title=f"Play {n}")
    project.activity("broken.md", id="broken", title="Broken", duration="twenty")
    config = load_project(project.config)
    monkeypatch.setattr(check, "PARALLEL_FROM", 10**6)
    alone = check_content(config)
    monkeypatch.setattr(check, "PARALLEL_FROM", 2)
    together = check_content(config)
    assert [p.format() for p in together.problems] == [p.format() for p in alone.problems]
    assert any("broken.md" in p.format() for p in together.errors)
    assert [a.id for a in together.activities] == [a.id for a in alone.activities]
    assert together.activities == alone.activities


@pytest.mark.parametrize("count", [0, 1, 399])
def test_few_files_are_read_here(count):
    assert read_in_two(lambda p: os.getpid(), list(range(count))) == [os.getpid()] * count
