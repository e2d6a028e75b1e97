"""The oracle for every speed-up: a build with all reuse switched off gives the same bytes.

Why: the build reuses rendered pages, search entries, template fragments, cards, compiled
templates and the theme's file list between pages and editions, and workers hand their caches
to each other. Comparing builds that all reuse (1, 2 or 6 workers) cannot see a bug inside a
speed-up; comparing against ``MOCHILA_NO_REUSE=1`` can. Every future speed-up must pass this.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import build_fixtures
import pytest

from mochila import speedups
from mochila.commands import parallel
from mochila.commands.orchestrate import build_everything
from mochila.commands.project import load_project
from mochila.speedups import fragments

sample_project = build_fixtures.sample_project


_tree = build_fixtures.file_digests


def _zip_members(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {i.filename: hashlib.sha256(archive.read(i)).hexdigest() for i in archive.infolist()}


def _build(project, output: Path, workers: int) -> None:
    build_everything(
        load_project(project.config_file),
        output,
        bundles=True,
        echo=lambda _: None,
        workers=workers,
    )


def _assert_same(fast: Path, slow: Path) -> None:
    fast_site, slow_site = _tree(fast / "site"), _tree(slow / "site")
    assert sorted(fast_site) == sorted(slow_site)
    differ = [name for name in fast_site if fast_site[name] != slow_site[name]]
    assert differ == [], f"pages differ with reuse on and off: {differ[:10]}"
    zips = sorted(p.name for p in (slow / "bundles").glob("*.zip"))
    assert len(zips) == 4
    for name in zips:
        ours, theirs = _zip_members(fast / "bundles" / name), _zip_members(slow / "bundles" / name)
        differ = sorted(m for m in set(ours) | set(theirs) if ours.get(m) != theirs.get(m))
        assert differ == [], f"{name}: members differ with reuse on and off: {differ[:10]}"
        assert (fast / "bundles" / name).read_bytes() == (slow / "bundles" / name).read_bytes()


@pytest.fixture(scope="module")
def generated_project(tmp_path_factory):
    """A generated two-language corpus (drafts, restricted pages, images, cross-links)."""
    return build_fixtures.generated_project(tmp_path_factory.mktemp("generated") / "project", 40)


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("which", ["sample", "generated"])
def test_reuse_on_and_off_give_the_same_bytes(
    which, workers, sample_project, generated_project, tmp_path, monkeypatch
):
    project = sample_project if which == "sample" else generated_project
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763640000")
    monkeypatch.delenv(speedups.SWITCH, raising=False)
    assert speedups.enabled()
    _build(project, tmp_path / "fast", workers)
    monkeypatch.setenv(speedups.SWITCH, "1")
    assert not speedups.enabled()
    _build(project, tmp_path / "slow", workers)
    _assert_same(tmp_path / "fast", tmp_path / "slow")


def test_the_switch_really_turns_reuse_off(sample_project, tmp_path, monkeypatch):
    """Guard against the oracle comparing two fast builds: with the switch on, no render
    cache is made and no template fragment is kept."""
    caches: list[object] = []
    real_cache = parallel.RenderCache
    monkeypatch.setattr(parallel, "RenderCache", lambda: caches.append(1) or real_cache())
    kept: list[str] = []
    real_keep = fragments.PageFragments.keep
    monkeypatch.setattr(
        fragments.PageFragments,
        "keep",
        lambda self, key, html: kept.append(key) or real_keep(self, key, html),
    )
    monkeypatch.setenv(speedups.SWITCH, "1")
    _build(sample_project, tmp_path / "slow", 1)
    assert kept == [] and caches == []
    monkeypatch.delenv(speedups.SWITCH)
    _build(sample_project, tmp_path / "fast", 1)
    assert kept and caches, "with reuse on, fragments are kept and pages cached"


def test_speedups_switch_off_for_an_engine_they_were_not_written_for(monkeypatch, caplog):
    import importlib.metadata

    import mkdocs

    engine = mkdocs.__name__  # "properdocs" under scripts/test-properdocs
    speedups._engine_matches.cache_clear()
    monkeypatch.setitem(speedups.WRITTEN_FOR, "engine", {engine: "0.0.1"})
    try:
        assert not speedups.enabled()
        assert not speedups.enabled()
        warnings = [r for r in caplog.records if "speed-ups are off" in r.getMessage()]
        assert len(warnings) == 1
        installed = importlib.metadata.version(engine)
        assert f"{engine} {installed} (written for 0.0.1)" in warnings[0].getMessage()
    finally:
        speedups._engine_matches.cache_clear()
