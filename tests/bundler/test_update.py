"""``mochila diff`` and ``mochila update`` across two real editions of the sample's bundles.

A "stick" is a temporary folder holding an unzipped bundle beside other files, as on a USB
stick. Interruptions are real: the update runs in a child process that dies (``os._exit``, or
SIGKILL from outside) part-way through copying; the stick must then be either the old edition
or reported by ``verify`` as incomplete, and running the update again must finish it.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import editions_fixtures
import pytest
from click.testing import CliRunner
from editions_fixtures import ADDED, REMOVED

from mochila.bundler.journal import JOURNAL_NAME
from mochila.bundler.update import Present, fold, plan_update, update_stick
from mochila.bundler.verify import verify
from mochila.cli import main

two_editions = editions_fixtures.two_editions
MOCHILA = Path(sys.executable).with_name("mochila")


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _unzip(zip_path: Path, into: Path) -> Path:
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(into)
        return into / archive.namelist()[0].split("/")[0]


@pytest.fixture
def stick(two_editions, tmp_path) -> Path:
    """Edition 1 of full-en unzipped onto a "stick" that also holds other people's files."""
    root = tmp_path / "stick"
    root.mkdir()
    _unzip(two_editions.zip(two_editions.first, "full-en"), root)
    (root / "notes.txt").write_text("a teacher's notes", encoding="utf-8")
    (root / "photos").mkdir()
    (root / "photos" / "day1.jpg").write_bytes(b"\xff\xd8 not really a photo")
    return root


def _expected(two_editions, tmp_path) -> dict[str, str]:
    return _tree(_unzip(two_editions.zip(two_editions.second, "full-en"), tmp_path / "expected"))


def _bundle_folder(root: Path) -> Path:
    [folder] = [p for p in root.iterdir() if p.name.startswith("mochila-")]
    return folder


# --------------------------------------------------------------------------------------- diff


def test_diff_lists_activities_and_files_and_exits_1(two_editions):
    old = two_editions.zip(two_editions.first, "full-en")
    new = two_editions.zip(two_editions.second, "full-en")
    result = CliRunner().invoke(main, ["diff", str(old), str(new)])
    assert result.exit_code == 1, result.output
    assert "Activities: 1 added" in result.output
    assert "Added: Flying a paper kite (kite-flying)" in result.output
    assert f"({REMOVED})" in result.output
    as_json = CliRunner().invoke(main, ["diff", "--format", "json", str(old), str(new)])
    data = json.loads(as_json.output)
    assert [a["id"] for a in data["activities"]["added"]] == [ADDED]
    assert [a["id"] for a in data["activities"]["removed"]] == [REMOVED]
    # Files, checked against the zips themselves.
    old_files, new_files = (
        {
            n.split("/", 1)[1]: zipfile.ZipFile(z).read(n)
            for n in zipfile.ZipFile(z).namelist()
            if not n.endswith("/")
        }
        for z in (old, new)
    )
    added = {f["path"] for f in data["files"]["added"]}
    removed = {f["path"] for f in data["files"]["removed"]}
    changed = {f["path"] for f in data["files"]["changed"]}
    manifest = "manifest.json"
    assert added == set(new_files) - set(old_files) and f"activities/{ADDED}.html" in added
    assert removed == set(old_files) - set(new_files) and f"activities/{REMOVED}.html" in removed
    assert changed == {
        n for n in set(old_files) & set(new_files) if old_files[n] != new_files[n]
    } - {manifest}
    assert {f["new_size"] for f in data["files"]["added"]} <= {len(v) for v in new_files.values()}


def test_diff_of_a_bundle_with_itself_exits_0_and_unreadable_exits_2(two_editions, tmp_path):
    zip_path = two_editions.zip(two_editions.second, "full-en")
    folder = _unzip(zip_path, tmp_path / "unzipped")
    same = CliRunner().invoke(main, ["diff", str(zip_path), str(folder)])
    assert same.exit_code == 0 and "They are the same" in same.output
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK not a zip")
    bad = CliRunner().invoke(main, ["diff", str(broken), str(zip_path)])
    assert bad.exit_code == 2 and "damaged" in bad.output


# ------------------------------------------------------------------------------------- update


def test_update_writes_only_what_changed_and_verifies(two_editions, stick, tmp_path):
    folder = _bundle_folder(stick)
    new = two_editions.zip(two_editions.second, "full-en")
    diff = json.loads(
        CliRunner().invoke(main, ["diff", "--format", "json", str(folder), str(new)]).output
    )
    untouched = sorted(set(_tree(folder)) - {f["path"] for f in diff["files"]["changed"]})
    untouched = [
        name for name in untouched if name not in {f["path"] for f in diff["files"]["removed"]}
    ]
    before = {name: (folder / name).stat().st_mtime_ns for name in untouched}
    others = {p: p.read_bytes() for p in (stick / "notes.txt", stick / "photos" / "day1.jpg")}
    time.sleep(0.01)

    result = CliRunner().invoke(main, ["update", str(stick), str(new)])

    assert result.exit_code == 0, result.output
    written = len(diff["files"]["added"]) + len(diff["files"]["changed"])
    assert f"{written} files written" in result.output
    assert f"{len(diff['files']['removed'])} deleted" in result.output
    assert "OK:" in result.output
    folder = _bundle_folder(stick)
    assert folder.name == f"mochila-full-en-{editions_fixtures.SECOND}"  # renamed after it
    assert _tree(folder) == _expected(two_editions, tmp_path)
    assert not (folder / "activities" / f"{REMOVED}.html").exists()
    # Unchanged files were not rewritten; nothing outside the bundle was touched.
    assert {n: (folder / n).stat().st_mtime_ns for n in untouched if n != "manifest.json"} == {
        n: t for n, t in before.items() if n != "manifest.json"
    }
    assert {p: p.read_bytes() for p in others} == others
    # FAT32/exFAT hold no links: the update made none.
    assert all(
        not p.is_symlink() and p.stat().st_nlink == 1 for p in folder.rglob("*") if p.is_file()
    )

    again = CliRunner().invoke(main, ["update", str(folder), str(new)])
    assert again.exit_code == 0 and "already holds edition" in again.output


def test_update_refuses_other_folders_and_bundles(two_editions, stick, tmp_path):
    before = _tree(stick)
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "a.txt").write_text("x", encoding="utf-8")
    new_en = two_editions.zip(two_editions.second, "full-en")
    refused = CliRunner().invoke(main, ["update", str(plain), str(new_en)])
    assert refused.exit_code == 1
    assert "not a Mochila bundle" in refused.output and "unzip" in refused.output
    assert _tree(plain) == {"a.txt": hashlib.sha256(b"x").hexdigest()}

    other = CliRunner().invoke(
        main, ["update", str(stick), str(two_editions.zip(two_editions.second, "full-es"))]
    )
    assert other.exit_code == 1
    assert "'full-en'" in other.output and "'full-es'" in other.output
    assert "Nothing on the stick was changed" in other.output
    assert _tree(stick) == before


def test_update_refuses_a_bundle_holding_a_link(two_editions, stick, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me", encoding="utf-8")
    folder = _bundle_folder(stick)
    (folder / "assets" / "sneaky.txt").symlink_to(outside)
    result = CliRunner().invoke(
        main, ["update", str(stick), str(two_editions.zip(two_editions.second, "full-en"))]
    )
    assert result.exit_code == 1 and "is a link" in result.output
    assert outside.read_text(encoding="utf-8") == "keep me"
    assert not (folder / JOURNAL_NAME).exists()


def test_files_added_by_hand_are_kept_and_named(two_editions, stick):
    folder = _bundle_folder(stick)
    (folder / "my-notes.txt").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["update", str(stick), str(two_editions.zip(two_editions.second, "full-en"))]
    )
    assert result.exit_code == 1  # verify names the stranger, as it would without an update
    assert "Unexpected file: my-notes.txt" in result.output
    assert (_bundle_folder(stick) / "my-notes.txt").read_text(encoding="utf-8") == "mine"


def _die_after(stick: Path, new: Path, copies: int) -> None:
    """Run the update in a forked child that dies right after its ``copies``-th file."""
    pid = os.fork()
    if pid == 0:  # the child: no cleanup, no flushing, like a pulled-out stick
        count = 0

        def progress(done: int, total: int, name: str) -> None:
            nonlocal count
            count += 1
            if count >= copies:
                os._exit(3)

        try:
            update_stick(stick, new, progress)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 3


@pytest.mark.parametrize("copies", [1, 5, 40])
def test_interrupted_update_is_detected_and_finished(two_editions, stick, tmp_path, copies):
    new = two_editions.zip(two_editions.second, "full-en")
    _die_after(stick, new, copies)
    folder = _bundle_folder(stick)
    report = verify(stick)
    assert not report.ok
    assert report.problems[0].startswith("Incomplete update: an update to edition")
    checked = CliRunner().invoke(main, ["verify", str(folder)])
    assert checked.exit_code == 1 and "run the same 'mochila update'" in checked.output.lower()

    result = CliRunner().invoke(main, ["update", str(stick), str(new)])
    assert result.exit_code == 0, result.output
    assert "An interrupted update was found and finished." in result.output
    assert _tree(_bundle_folder(stick)) == _expected(two_editions, tmp_path)
    assert (stick / "notes.txt").read_text(encoding="utf-8") == "a teacher's notes"


def test_update_killed_mid_copy_by_a_signal(two_editions, stick, tmp_path):
    """The real thing: SIGKILL from outside as soon as the update has started writing."""
    new = two_editions.zip(two_editions.second, "full-en")
    folder = _bundle_folder(stick)
    old = _tree(folder)
    process = subprocess.Popen(
        [str(MOCHILA), "update", str(stick), str(new)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not (folder / JOURNAL_NAME).exists() and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.0005)
    process.send_signal(signal.SIGKILL)
    process.wait()
    if process.returncode == 0:  # finished before the signal landed: then it must be whole
        assert verify(stick).ok
        return
    report = verify(stick)
    if report.ok:  # killed before the first change: still the old edition, untouched
        assert _tree(folder) == old
    else:
        assert report.problems[0].startswith("Incomplete update")
    result = CliRunner().invoke(main, ["update", str(stick), str(new)])
    assert result.exit_code == 0, result.output
    assert _tree(_bundle_folder(stick)) == _expected(two_editions, tmp_path)


def test_plan_on_a_case_insensitive_stick():
    """FAT32/exFAT fold case: a file renamed only in case is deleted first, then written; a
    file that only differs in case from a wanted one is never deleted after the write."""
    entry = {"path": "activities/Water.html", "size": 3, "sha256": "a" * 64}
    keep = {"path": "index.html", "size": 5, "sha256": "b" * 64}
    present = {
        fold("activities/water.html"): Present("activities/water.html", 3),
        fold("index.html"): Present("index.html", 5),
        fold("old.html"): Present("old.html", 7),
        fold("mine.txt"): Present("mine.txt", 1),
    }
    known = {
        "index.html": keep,
        "activities/water.html": {**entry, "path": "activities/water.html"},
    }
    ours = {fold("activities/water.html"), fold("index.html"), fold("old.html")}
    plan = plan_update([entry, keep], present, known, ours, lambda name, sha: True)
    assert plan.delete_first == ["activities/water.html"]
    assert plan.write == [entry]
    assert plan.delete == ["old.html"]  # never mine.txt, never the file just written
    assert plan.keep == 1
    # Without a trusted manifest (after an interruption) contents are read, not assumed.
    reread = plan_update(
        [keep], {fold("index.html"): Present("index.html", 5)}, None, set(), lambda name, sha: False
    )
    assert reread.write == [keep]
