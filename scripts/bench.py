#!/usr/bin/env python3
"""Benchmark Mochila against a plain mkdocs + Material build of the same content (issue 6).

Usage::

    scripts/bench                    # N = 100 and 1000, 3 runs each, medians
    scripts/bench --large            # adds N = 3000 (and the peak-memory target)
    scripts/bench --n 1000 --runs 5  # pick sizes (repeat --n or separate with commas)
    scripts/bench --search           # search in Chromium, Mochila's vs Material's (bench_search.py)
    scripts/bench --search-libraries # MiniSearch, FlexSearch, lunr prebuilt vs Mochila's search
                                     # (bench_search_libraries.py)
    scripts/bench --profile          # cProfile of one N=1000 build (site + bundles) and of one
                                     # preview rebuild; build/bench-profile*.out + tables

What one run measures, on ONE corpus per N written by ``scripts/gen_corpus.py`` (seeded, both
languages, so 2N activity pages):

* ``baseline``: ``mkdocs build`` with Material and its search plugin on the same Markdown, a
  lean nav (index/about/guide), ``theme.font: false``, no directory URLs and the
  ``markdown_extensions`` of the repository's mkdocs.yml. Every ratio is taken against it.
* ``check``: ``mochila check``; ``report``: ``mochila report`` (HTML and JSON, issue 16);
  ``site``: ``mochila build --site-only`` (both languages);
  ``full``: ``mochila build --no-zim`` (site + the bundles declared in the repository's
  mkdocs.yml, as zips); ``zim``: ``mochila build --zim`` (the same, each bundle also written as a
  ZIM file for Kiwix: the difference is what ZIM files cost, judged on the bundle editions).
  They run in a temporary project (a copy of mkdocs.yml and theme/ next to the corpus, committed
  to a temporary git repository so the edition label comes from a commit, as in real use).
* ``preview``: ``mochila serve`` on 127.0.0.1; one activity at a time gets a unique marker in a
  heading and the page is polled until the marker is served (median of ``--edits`` edits).

Each command is a separate process, reaped with ``os.wait4``: wall time is from the start of the
process to its exit, CPU is user + system time of the process and of every descendant it waited
for (the two forked build workers included), "peak RSS" is ``ru_maxrss`` of that rusage, i.e. the
largest resident set of any ONE process of the tree, and "tree RSS" is the largest SUM of the
resident sets of all processes of the tree, sampled from /proc every 0.1 s (an upper bound of the
memory used: pages a forked worker still shares with its parent are counted in both). Memory and
file sizes are in MB of 10^6 bytes. Runs of the different measurements (and sizes) are
interleaved (baseline, check, report, site, full, then again) so that load from other work on the
machine affects them alike; medians are reported.

``--profile`` profiles three ways: ``cli`` runs ``mochila build`` under cProfile as users run it
(its two workers are forked, so only the main process's statistics survive: check, waiting,
packaging); ``sequential`` calls ``build_everything(..., workers=1)`` so every edition is built,
and profiled, in one process; ``preview`` times one ``PreviewBuilder.build()`` after an edit.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib.util
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
DEFAULT_SIZES = (100, 1000)
LARGE_SIZE = 3000
REFERENCE_N = 1000  # the size most targets of the issue are stated for
MEASURES = ("baseline", "check", "report", "site", "full", "zim")
PROFILE_MODES = ("cli", "sequential", "preview")
LABELS = {
    "baseline": "baseline: mkdocs build",
    "check": "mochila check",
    "report": "mochila report",
    "site": "mochila build --site-only",
    "full": "mochila build (site+bundles)",
    "zim": "  … and the bundles as ZIMs",
    "preview": "preview refresh (serve)",
}
SAMPLE_EVERY = 0.1  # seconds between /proc samples of the process tree's memory
MB = 1_000_000
# Fixed commit date of the temporary projects: the edition label is 2026-03-14.
COMMIT_DATE = dt.datetime(2026, 3, 14, 12, 0, tzinfo=dt.UTC)
# No proxy for our own server, whatever the environment says: only 127.0.0.1 is ever asked.
LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class BenchError(Exception):
    """A measured command failed or timed out; the message says which and shows its log."""


def _ensure_venv() -> None:
    """Re-run this script with the project's .venv Python (where mochila is installed)."""
    python = VENV / "bin" / "python"
    if python.exists() and Path(sys.prefix).resolve() != VENV.resolve():
        script = str(Path(__file__).resolve())
        os.execv(str(python), [str(python), script, *sys.argv[1:]])


def log(message: str) -> None:
    print(message, flush=True)


# --- child processes ------------------------------------------------------------------------

_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_LIVE: set[Child] = set()


def group_rss_bytes(pgid: int) -> int:
    """Sum of the resident sets of every process in process group ``pgid`` (0 without /proc)."""
    total = 0
    try:
        names = os.listdir("/proc")
    except OSError:
        return 0
    for name in names:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                data = fh.read()
        except OSError:
            continue
        # Fields after the command name (which may hold spaces): state ppid pgrp ... rss is 24th.
        rest = data[data.rfind(b")") + 2 :].split()
        if len(rest) > 21 and int(rest[2]) == pgid:
            total += int(rest[21]) * _PAGE_SIZE
    return total


class Child:
    """A command in its own process group, reaped with ``os.wait4`` to get its rusage."""

    def __init__(self, cmd: list[str], *, cwd: Path, env: dict[str, str], log_path: Path) -> None:
        self.cmd = cmd
        self.log_path = log_path
        self.rusage: Any = None
        self.end: float | None = None
        self.peak_tree = 0
        with open(log_path, "ab") as out:
            self.start = time.perf_counter()
            self.proc = subprocess.Popen(
                cmd,
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        _LIVE.add(self)
        self._reaper = threading.Thread(target=self._reap, daemon=True)
        self._reaper.start()

    def _reap(self) -> None:
        _, status, rusage = os.wait4(self.proc.pid, 0)
        self.end = time.perf_counter()
        self.rusage = rusage
        self.proc.returncode = os.waitstatus_to_exitcode(status)

    @property
    def running(self) -> bool:
        return self._reaper.is_alive()

    def sample(self) -> None:
        if self.running:
            self.peak_tree = max(self.peak_tree, group_rss_bytes(self.proc.pid))

    def wait(self, timeout: float) -> bool:
        """Wait for the exit, sampling memory meanwhile; False if still running at ``timeout``."""
        deadline = time.monotonic() + timeout
        while self.running and time.monotonic() < deadline:
            self.sample()
            self._reaper.join(SAMPLE_EVERY)
        return not self.running

    def _signal(self, sig: int) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, sig)

    def stop(self) -> None:
        """Interrupt (Ctrl+C), then terminate, then kill the process group; no-op once exited."""
        for sig, grace in ((signal.SIGINT, 10.0), (signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
            if not self.running:
                break
            self._signal(sig)
            self._reaper.join(grace)
        if group_rss_bytes(self.proc.pid):  # workers left behind by a killed leader
            self._signal(signal.SIGKILL)
        _LIVE.discard(self)

    def figures(self) -> dict[str, float]:
        ru = self.rusage
        peak = ru.ru_maxrss * 1024  # kilobytes on Linux
        return {
            "wall_s": round(self.end - self.start, 4),
            "cpu_s": round(ru.ru_utime + ru.ru_stime, 4),
            "user_s": round(ru.ru_utime, 4),
            "sys_s": round(ru.ru_stime, 4),
            "peak_rss_mb": round(peak / MB, 2),
            "tree_rss_mb": round(max(self.peak_tree, peak) / MB, 2),
        }

    @staticmethod
    def read_log(path: Path) -> str:
        try:
            return path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def log_tail(self, lines: int = 30) -> str:
        return "\n".join(self.read_log(self.log_path).splitlines()[-lines:])


def stop_all_children() -> None:
    for child in list(_LIVE):
        child.stop()


def measure(cmd: list[str], *, cwd: Path, env: dict[str, str], log_path: Path, timeout: float):
    """Run ``cmd`` to completion; return its figures. Raises BenchError on failure or timeout."""
    child = Child(cmd, cwd=cwd, env=env, log_path=log_path)
    try:
        finished = child.wait(timeout)
    finally:
        child.stop()
    if not finished:
        raise BenchError(f"{' '.join(cmd)} timed out after {timeout:.0f} s:\n{child.log_tail()}")
    if child.proc.returncode != 0:
        raise BenchError(
            f"{' '.join(cmd)} exited with {child.proc.returncode}:\n{child.log_tail()}"
        )
    return child.figures()


def _command(name: str, module_fallback: list[str]) -> list[str]:
    script = Path(sys.executable).parent / name
    return [str(script)] if script.exists() else [sys.executable, *module_fallback]


def mochila_cmd() -> list[str]:
    return _command("mochila", ["-c", "import sys; from mochila.cli import main; sys.exit(main())"])


def mkdocs_cmd() -> list[str]:
    return _command("mkdocs", ["-m", "mkdocs"])


def timeout_for(n: int) -> float:
    return 300 + 0.3 * n


# --- corpora and projects -------------------------------------------------------------------


def load_gen_corpus():
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "scripts" / "gen_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_corpus", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def read_yaml(path: Path) -> dict[str, Any]:
    """Read mkdocs.yml, turning tags such as ``!ENV`` into their plain values."""
    from mochila.commands.project import read_config_yaml

    return read_config_yaml(path.read_text(encoding="utf-8"))


def dump_yaml(data: dict[str, Any]) -> str:
    import yaml

    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def project_config_text() -> str:
    """The repository's mkdocs.yml as it is, with ``docs_dir: content`` (the corpus)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text, count = re.subn(r"(?m)^docs_dir:.*$", "docs_dir: content", text)
    return text if count else f"docs_dir: content\n{text}"


def single_bundle_config_text(zim_compressed: bool = False) -> str:
    """The repository's mkdocs.yml for English only, with one bundle: ``full-en`` (its ZIM
    compressed or not)."""
    config = read_yaml(ROOT / "mkdocs.yml")
    config["docs_dir"] = "content"
    changes = {
        "mochila/activities": {"languages": ["en"]},
        "mochila/bundles": {
            "bundles": [
                {
                    "name": "full-en",
                    "language": "en",
                    "title": {"en": "All activities"},
                    "zim_compressed": zim_compressed,
                }
            ]
        },
    }
    plugins = []
    for entry in config.get("plugins") or []:
        name = entry if isinstance(entry, str) else next(iter(entry), "")
        if name in changes:
            options = {} if isinstance(entry, str) else dict(entry[name] or {})
            entry = {name: {**options, **changes[name]}}
        plugins.append(entry)
    config["plugins"] = plugins
    return dump_yaml(config)


def baseline_config_text(content: Path) -> str:
    """Plain Material + search on the same Markdown: the anchor of every ratio."""
    repo = read_yaml(ROOT / "mkdocs.yml")
    config = {
        "site_name": repo.get("site_name", "Mochila"),
        "docs_dir": str(content),
        "use_directory_urls": False,
        "theme": {"name": "material", "language": "en", "font": False},
        "markdown_extensions": repo.get("markdown_extensions") or [],
        "nav": ["index.md", "about.md", "guide.md"],
        "plugins": ["search"],
    }
    return dump_yaml(config)


def _git(args: list[str], cwd: Path) -> None:
    date = COMMIT_DATE.isoformat()
    env = dict(
        os.environ,
        GIT_AUTHOR_DATE=date,
        GIT_COMMITTER_DATE=date,
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
    )
    base = [
        "git",
        "-c", "user.name=mochila-bench",
        "-c", "user.email=bench@localhost",
        "-c", "commit.gpgsign=false",
        "-c", f"core.hooksPath={os.devnull}",
        "-c", "init.defaultBranch=main",
    ]  # fmt: skip
    subprocess.run(base + args, cwd=cwd, env=env, check=True, capture_output=True, timeout=300)


def make_project(project: Path, config_text: str, tmp_root: Path) -> dict[str, str]:
    """Put mkdocs.yml and theme/ beside ``project/content``; commit; return the children's env.

    The content is committed to a throw-away repository so that ``mochila build`` takes its
    edition date from a commit, as it does for real; without git, SOURCE_DATE_EPOCH does it.
    """
    (project / "mkdocs.yml").write_text(config_text, encoding="utf-8")
    if (ROOT / "theme").is_dir():
        shutil.copytree(ROOT / "theme", project / "theme")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", TMPDIR=str(tmp_root))
    env.pop("SOURCE_DATE_EPOCH", None)
    try:
        _git(["init", "-q"], project)
        _git(["add", "-A"], project)
        _git(["commit", "-q", "-m", "benchmark corpus"], project)
    except (OSError, subprocess.SubprocessError):
        env["SOURCE_DATE_EPOCH"] = str(int(COMMIT_DATE.timestamp()))
    return env


class Corpus:
    """One size: the generated content, the project around it and the baseline config."""

    def __init__(self, n: int, seed: int, tmp_root: Path, gen) -> None:
        self.n = n
        self.root = tmp_root / f"n{n}"
        self.project = self.root / "project"
        self.content = self.project / "content"
        started = time.perf_counter()
        self.counts = gen.generate(self.content, n, seed=seed)
        self.generate_s = time.perf_counter() - started
        self.env = make_project(self.project, project_config_text(), tmp_root)
        self.baseline_config = self.root / "baseline.yml"
        self.baseline_config.write_text(baseline_config_text(self.content), encoding="utf-8")
        self.logs = self.root / "logs"
        self.logs.mkdir()
        self.languages = list(read_project_languages(self.project / "mkdocs.yml"))

    def command(self, what: str, out: Path) -> tuple[list[str], Path]:
        if what == "baseline":
            cmd = [*mkdocs_cmd(), "build", "-f", str(self.baseline_config), "-d", str(out)]
            return cmd, self.root
        if what == "check":
            return [*mochila_cmd(), "-f", "mkdocs.yml", "check"], self.project
        if what == "report":
            return [
                *mochila_cmd(),
                "-f",
                "mkdocs.yml",
                "report",
                "--output",
                str(out),
            ], self.project
        cmd = [*mochila_cmd(), "-f", "mkdocs.yml", "build", "--output", str(out)]
        # "full" is the zips alone, whatever mkdocs.yml says; "zim" adds a ZIM per bundle.
        cmd.append({"site": "--site-only", "full": "--no-zim", "zim": "--zim"}[what])
        return cmd, self.project


def read_project_languages(config: Path) -> list[str]:
    for entry in read_yaml(config).get("plugins") or []:
        if isinstance(entry, dict) and "mochila/activities" in entry:
            return list((entry["mochila/activities"] or {}).get("languages") or ["en"])
    return ["en"]


# --- output sizes ---------------------------------------------------------------------------


def _files(folder: Path) -> Iterable[Path]:
    return (p for p in folder.rglob("*") if p.is_file())


def site_sizes(site: Path, languages: list[str]) -> dict[str, Any]:
    html = [(p.stat().st_size, p) for p in site.rglob("*.html")]
    size, page = max(html) if html else (0, site)
    indexes = {}
    for i, lang in enumerate(languages):
        # Mochila's search/ scripts, or Material's search_index.json (the baseline).
        folder = site / ("" if i == 0 else lang) / "search"
        found = [p for p in folder.glob("*") if p.is_file()] if folder.is_dir() else []
        indexes[lang] = sum(p.stat().st_size for p in found)
    return {
        "site_bytes": sum(p.stat().st_size for p in _files(site)),
        "site_files": sum(1 for _ in _files(site)),
        "largest_html": {"path": page.relative_to(site).as_posix(), "bytes": size},
        "search_index_bytes": indexes,
    }


def build_sizes(out: Path, languages: list[str]) -> dict[str, Any]:
    sizes = site_sizes(out / "site", languages)
    bundles = out / "bundles"
    sizes["bundles"] = (
        {p.name: p.stat().st_size for p in sorted(bundles.glob("*.zip"))}
        if bundles.is_dir()
        else {}
    )
    sizes["zims"] = (
        {p.name: p.stat().st_size for p in sorted(bundles.glob("*.zim"))}
        if bundles.is_dir()
        else {}
    )
    return sizes


# --- the preview ----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float) -> bytes | None:
    """GET a page of our own preview server; None when it does not answer (yet)."""
    try:
        with LOCAL.open(url, timeout=timeout) as response:
            return response.read()
    except (urllib.error.URLError, OSError, TimeoutError):
        return None


def edit_targets(content: Path, count: int) -> list[Path]:
    """Published activities in the first language, spread over the whole catalogue."""
    candidates = []
    for path in sorted((content / "activities").rglob("*.md")):
        if path.name.count(".") != 1:  # a translation, e.g. x.es.md
            continue
        head = path.read_text(encoding="utf-8").split("\n---\n", 1)[0]
        if re.search(r"(?m)^status:\s*draft\s*$", head):
            continue
        candidates.append(path)
    if not candidates:
        raise BenchError(f"no published activity to edit under {content}")
    step = max(1, len(candidates) // max(1, count))
    return [candidates[(i * step + step // 2) % len(candidates)] for i in range(count)]


def with_marker(text: str, marker: str) -> str:
    """Append ``marker`` to the first ``##`` heading of the body (or add such a heading)."""
    end = text.find("\n---\n", 4) + 5 if text.startswith("---\n") else 0
    head, body = text[:end], text[end:]
    new, count = re.subn(r"(?m)^(## .*)$", rf"\1 {marker}", body, count=1)
    return head + (new if count else f"{body}\n\n## {marker}\n")


UPDATED = re.compile(r"Preview updated \(([^)]*)\) in ([0-9.]+) s")


def preview_updates(child: Child) -> list[tuple[str, float]]:
    text = child.log_path.read_text(encoding="utf-8", errors="replace")
    return [(kind, float(sec)) for kind, sec in UPDATED.findall(text)]


def preview_session(corpus: Corpus, edits: int, progress: Callable[[str], None]) -> dict:
    """Start ``mochila serve``, edit ``edits`` activities one by one, time each refresh."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(corpus.env, PYTHONUNBUFFERED="1")
    cmd = [*mochila_cmd(), "-f", "mkdocs.yml", "serve", "-a", f"127.0.0.1:{port}"]
    child = Child(cmd, cwd=corpus.project, env=env, log_path=corpus.logs / "serve.log")
    originals: dict[Path, str] = {}
    latencies, rebuilds, kinds = [], [], []
    try:
        deadline = time.monotonic() + timeout_for(corpus.n)
        ready = None
        while ready is None:
            if not child.running:
                raise BenchError(f"mochila serve exited early:\n{child.log_tail()}")
            if time.monotonic() > deadline:
                raise BenchError(f"mochila serve did not answer on {base}:\n{child.log_tail()}")
            child.sample()
            if fetch(base + "/", timeout=5) is not None:
                ready = time.perf_counter()
            else:
                time.sleep(0.1)
        first_build = ready - child.start
        progress(f"serving after {first_build:.1f} s (first build)")
        for i, path in enumerate(edit_targets(corpus.content, edits)):
            text = originals.setdefault(path, path.read_text(encoding="utf-8"))
            marker = f"benchmark{i}x{uuid.uuid4().hex[:12]}"
            rel = path.relative_to(corpus.content).with_suffix(".html").as_posix()
            url = f"{base}/{urllib.parse.quote(rel)}"
            before = len(preview_updates(child))
            started = time.perf_counter()
            path.write_text(with_marker(text, marker), encoding="utf-8")
            limit = time.monotonic() + 60 + 0.02 * corpus.n
            seen = None
            while seen is None:
                if not child.running:
                    raise BenchError(f"mochila serve stopped:\n{child.log_tail()}")
                if time.monotonic() > limit:
                    raise BenchError(f"{url} never showed {marker}:\n{child.log_tail()}")
                # The server holds page requests while it rebuilds, so this poll is cheap.
                body = fetch(url, timeout=30)
                if body is not None and marker.encode() in body:
                    seen = time.perf_counter() - started
                else:
                    time.sleep(0.05)
                child.sample()
            latencies.append(seen)
            # The server's own timing of the rebuild that served the marker.
            settle = time.monotonic() + 10
            while len(preview_updates(child)) <= before and time.monotonic() < settle:
                time.sleep(0.05)
            updates = preview_updates(child)[before:]
            if updates:
                kinds.append(updates[-1][0])
                rebuilds.append(updates[-1][1])
            progress(f"edit {i + 1}/{edits}: {rel} served after {seen:.2f} s")
            time.sleep(0.5)  # let the file watcher settle before the next edit
    finally:
        child.stop()
        for path, text in originals.items():
            path.write_text(text, encoding="utf-8")
    figures = child.figures() if child.rusage is not None else {}
    return {
        "edits": len(latencies),
        "latency_s": [round(x, 4) for x in latencies],
        "median_s": round(statistics.median(latencies), 4),
        "max_s": round(max(latencies), 4),
        "server_rebuild_s": rebuilds,
        "server_rebuild_median_s": round(statistics.median(rebuilds), 4) if rebuilds else None,
        "rebuild_kinds": kinds,
        "first_build_s": round(first_build, 4),
        "session": figures,
    }


# --- the single-bundle size target ----------------------------------------------------------


def bundle_size_target(n: int, seed: int, tmp_root: Path, gen) -> dict:
    """Build only ``full-en`` from an English corpus without images, its ZIM stored as it is
    and then compressed (``zim_compressed``); report the zip's and both ZIMs' sizes."""
    root = tmp_root / "bundle-size"
    found: dict[str, Any] = {"n": n, "languages": ["en"], "images_ratio": 0.0, "bundle": "full-en"}
    content = root / "content"
    gen.generate(content, n, seed=seed, languages=("en",), images_ratio=0.0)
    for compressed in (False, True):
        how = "compressed" if compressed else "stored"
        project = root / f"project-{how}"
        shutil.copytree(content, project / "content")  # one corpus; a project per config
        env = make_project(project, single_bundle_config_text(compressed), tmp_root)
        out = root / f"out-{how}"
        figures = measure(
            [*mochila_cmd(), "-f", "mkdocs.yml", "build", "--zim", "--output", str(out)],
            cwd=project,
            env=env,
            log_path=root / f"build-{how}.log",
            timeout=timeout_for(n),
        )
        zips = sorted((out / "bundles").glob("mochila-full-en*.zip"))
        zims = sorted((out / "bundles").glob("mochila-full-en*.zim"))
        if not zips or not zims:
            raise BenchError(f"no full-en bundle (zip and ZIM) was written in {out / 'bundles'}")
        key = "zim_compressed" if compressed else "zim"
        found.update({"zip": zips[0].name, "zip_bytes": zips[0].stat().st_size})
        found[key] = zims[0].name
        found[f"{key}_bytes"] = zims[0].stat().st_size
        found[f"build_{key}"] = figures
    found["build"] = found["build_zim"]
    return found


# --- the benchmark --------------------------------------------------------------------------


def median_figures(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: round(statistics.median(r[key] for r in runs), 4) for key in runs[0]}


EDITION_DONE = re.compile(r"\] (website|bundle (\S+)) \((\w+)\) built in ([0-9.]+) s")


def edition_seconds(log_path: Path) -> dict[str, float]:
    """What `mochila build` printed for each edition: "[2/6] bundle full-es (es) built in 9.1 s"."""
    text = log_path.read_text(encoding="utf-8", errors="replace")
    return {
        (f"site-{lang}" if what == "website" else bundle): float(seconds)
        for what, bundle, lang, seconds in EDITION_DONE.findall(text)
    }


def run_benchmark(args: argparse.Namespace, tmp_root: Path) -> dict:
    gen = load_gen_corpus()
    sizes = args.sizes
    started = time.perf_counter()

    def progress(message: str) -> None:
        log(f"[{time.perf_counter() - started:6.1f} s] {message}")

    corpora: dict[int, Corpus] = {}
    for n in sizes:
        corpora[n] = Corpus(n, args.seed, tmp_root, gen)
        progress(
            f"N={n}: corpus of {corpora[n].counts['files']} files written in "
            f"{corpora[n].generate_s:.1f} s; project in {corpora[n].project}"
        )

    runs: dict[int, dict[str, list[dict]]] = {n: {m: [] for m in MEASURES} for n in sizes}
    editions: dict[int, dict[str, list[dict]]] = {
        n: {"site": [], "full": [], "zim": []} for n in sizes
    }
    outputs: dict[int, dict[str, Any]] = {n: {} for n in sizes}
    total = args.runs * len(sizes) * len(MEASURES)
    step = 0
    for r in range(args.runs):
        for n in sizes:
            corpus = corpora[n]
            for what in MEASURES:
                step += 1
                out = corpus.root / f"out-{what}-{r}"
                cmd, cwd = corpus.command(what, out)
                log_path = corpus.logs / f"{what}-{r}.log"
                figures = measure(
                    cmd, cwd=cwd, env=corpus.env, log_path=log_path, timeout=timeout_for(n)
                )
                runs[n][what].append(figures)
                if what in editions[n]:
                    editions[n][what].append(edition_seconds(log_path))
                if r == 0 and what == "baseline":
                    outputs[n]["baseline"] = site_sizes(out, ["en"])
                elif r == 0 and what == "full":
                    outputs[n]["mochila"] = build_sizes(out, corpus.languages)
                elif r == 0 and what == "zim":
                    outputs[n]["zims"] = build_sizes(out, corpus.languages)["zims"]
                shutil.rmtree(out, ignore_errors=True)
                progress(
                    f"({step}/{total}) N={n} run {r + 1}/{args.runs} {LABELS[what]}: "
                    f"{figures['wall_s']:.2f} s wall, {figures['cpu_s']:.2f} s CPU, "
                    f"{figures['peak_rss_mb']:.0f} MB peak RSS, "
                    f"{figures['tree_rss_mb']:.0f} MB tree"
                )

    results: dict[str, Any] = {}
    for n in sizes:
        corpus = corpora[n]
        measurements = {}
        for what in MEASURES:
            median = median_figures(runs[n][what])
            measurements[what] = {"label": LABELS[what], "runs": runs[n][what], "median": median}
            if editions[n].get(what):
                per_run = editions[n][what]
                measurements[what]["editions_median_s"] = {
                    name: round(statistics.median(e[name] for e in per_run if name in e), 3)
                    for name in per_run[0]
                }
        base = measurements["baseline"]["median"]
        for entry in measurements.values():
            entry["ratio_to_baseline"] = round(entry["median"]["wall_s"] / base["wall_s"], 4)
            entry["cpu_ratio_to_baseline"] = round(entry["median"]["cpu_s"] / base["cpu_s"], 4)
            entry["ms_per_activity"] = round(1000 * entry["median"]["wall_s"] / n, 4)
        results[str(n)] = {
            "n": n,
            "languages": corpus.languages,
            "activity_pages": n * len(corpus.languages),
            "corpus": corpus.counts,
            "measurements": measurements,
            "output": outputs[n],
        }

    if not args.no_preview:
        for n in sizes:
            progress(f"N={n}: preview (mochila serve), {args.edits} edits")
            preview = preview_session(corpora[n], args.edits, progress)
            results[str(n)]["preview"] = preview
            progress(
                f"N={n} {LABELS['preview']}: median {preview['median_s']:.2f} s "
                f"(max {preview['max_s']:.2f} s)"
            )

    bundle = None
    if not args.no_bundle_size:
        n = REFERENCE_N if REFERENCE_N in sizes else max(sizes)
        progress(f"N={n}: English-only corpus without images, building the full-en bundle")
        bundle = bundle_size_target(n, args.seed, tmp_root, gen)
        progress(
            f"full-en bundle at N={n}: zip {bundle['zip_bytes'] / MB:.1f} MB, "
            f"ZIM {bundle['zim_bytes'] / MB:.1f} MB, "
            f"compressed ZIM {bundle['zim_compressed_bytes'] / MB:.1f} MB"
        )

    if not args.keep_tmp:
        for corpus in corpora.values():
            shutil.rmtree(corpus.root, ignore_errors=True)
    report = {
        "results": results,
        "bundle_size": bundle,
        "elapsed_s": round(time.perf_counter() - started, 1),
    }
    report["scaling"] = scaling(results, sizes)
    report["targets"] = targets(results, sizes, bundle, report["scaling"])
    return report


def scaling(results: dict[str, Any], sizes: list[int]) -> dict[str, Any]:
    """Per-activity cost (wall / N) at the largest N against N=100 (or the smallest N)."""
    if len(sizes) < 2:
        return {}
    small = 100 if 100 in sizes else min(sizes)
    large = max(sizes)
    out: dict[str, Any] = {"from_n": small, "to_n": large, "measurements": {}}
    for what in MEASURES:
        a = results[str(small)]["measurements"][what]
        b = results[str(large)]["measurements"][what]
        marginal = (b["median"]["wall_s"] - a["median"]["wall_s"]) / (large - small)
        out["measurements"][what] = {
            "ms_per_activity_small": a["ms_per_activity"],
            "ms_per_activity_large": b["ms_per_activity"],
            "ratio": round(b["ms_per_activity"] / a["ms_per_activity"], 4),
            "marginal_ms_per_activity": round(1000 * marginal, 4),
        }
    return out


def _target(name: str, met: bool | None, value: str, detail: str = "") -> dict[str, Any]:
    status = "not measured" if met is None else ("met" if met else "not met")
    return {"target": name, "status": status, "value": value, "detail": detail}


def targets(results, sizes, bundle, scale) -> list[dict[str, Any]]:
    ref = str(REFERENCE_N)
    has_ref = REFERENCE_N in sizes
    judged = ref if has_ref else str(max(sizes))
    out = []

    if has_ref:
        wall = results[ref]["measurements"]["check"]["median"]["wall_s"]
        out.append(_target("check on 1,000×2 under 2 s", wall < 2.0, f"{wall:.2f} s"))
        wall = results[ref]["measurements"]["report"]["median"]["wall_s"]
        out.append(_target("report on 1,000×2 under 2 s (issue 16)", wall < 2.0, f"{wall:.2f} s"))
    else:
        out.append(_target("check on 1,000×2 under 2 s", None, "N=1000 not run"))
        out.append(_target("report on 1,000×2 under 2 s (issue 16)", None, "N=1000 not run"))

    for what, limit, name in (
        ("site", 1.2, "site only ≤ 1.2× baseline"),
        ("full", 1.6, "site + 4 bundles ≤ 1.6× baseline"),
    ):
        ratio = results[judged]["measurements"][what]["ratio_to_baseline"]
        cpu = results[judged]["measurements"][what]["cpu_ratio_to_baseline"]
        others = f"CPU time {cpu:.2f}× baseline at N={judged}; wall: " + ", ".join(
            f"N={n}: {results[str(n)]['measurements'][what]['ratio_to_baseline']:.2f}×"
            for n in sizes
        )
        met = ratio <= limit if has_ref else None
        out.append(_target(name, met, f"{ratio:.2f}× at N={judged}", others))

    if scale:
        ratio = scale["measurements"]["full"]["ratio"]
        site = scale["measurements"]["site"]["ratio"]
        out.append(
            _target(
                f"per-activity cost at N={scale['to_n']} within 20% of N={scale['from_n']}",
                ratio <= 1.2 if scale["from_n"] == 100 else None,
                f"full build ×{ratio:.2f}",
                f"site only ×{site:.2f}; wall/N at the largest N over wall/N at the smallest "
                "(≤ 1.20 is met: a lower ratio means activities get cheaper at scale)",
            )
        )
    else:
        out.append(_target("per-activity cost within 20% of N=100", None, "one size only"))

    preview = results.get(ref, {}).get("preview")
    if preview:
        value = f"{preview['median_s']:.2f} s (median of {preview['edits']})"
        out.append(_target("preview refresh at N=1000 under 1 s", preview["median_s"] < 1.0, value))
    else:
        out.append(_target("preview refresh at N=1000 under 1 s", None, "not run at N=1000"))

    large = str(LARGE_SIZE)
    if large in results:
        tree = max(m["median"]["tree_rss_mb"] for m in results[large]["measurements"].values())
        peak = max(m["median"]["peak_rss_mb"] for m in results[large]["measurements"].values())
        out.append(
            _target(
                "peak memory under 1 GB at N=3000",
                tree * MB < 1e9,
                f"{tree:.0f} MB (sum over the process tree)",
                f"largest single process: {peak:.0f} MB",
            )
        )
    else:
        out.append(_target("peak memory under 1 GB at N=3000", None, "run with --large"))

    if bundle:
        size = bundle["zip_bytes"]
        met = size < 20 * MB if bundle["n"] == REFERENCE_N else None
        out.append(
            _target(
                "full bundle zip at N=1000 (en, no images) under 20 MB",
                met,
                f"{size / MB:.1f} MB at N={bundle['n']}",
            )
        )
    else:
        out.append(_target("full bundle zip at N=1000 under 20 MB", None, "skipped"))
    out.append(zim_time_target(results, judged, has_ref))
    return out


def zim_extra(result: dict[str, Any]) -> dict[str, float] | None:
    """What writing the bundles as ZIMs adds: to the bundle editions as the build reports them
    (built, packaged, and now also written as ZIM), and to the whole build's wall time."""
    full = result["measurements"]["full"]
    zim = result["measurements"]["zim"]
    before, after = full.get("editions_median_s"), zim.get("editions_median_s")
    if not before or not after:
        return None
    bundles = [name for name in before if not name.startswith("site-") and name in after]
    base = sum(before[name] for name in bundles)
    extra = sum(after[name] for name in bundles) - base
    wall = zim["median"]["wall_s"] - full["median"]["wall_s"]
    cpu = zim["median"]["cpu_s"] - full["median"]["cpu_s"]
    return {
        "bundle_editions_s": round(base, 3),
        "extra_s": round(extra, 3),
        "extra_share": round(extra / base, 4) if base else 0.0,
        "wall_extra_s": round(wall, 3),
        "wall_extra_share": round(wall / full["median"]["wall_s"], 4),
        # CPU time is steadier than wall time on a machine shared with other work.
        "cpu_extra_s": round(cpu, 3),
        "cpu_extra_share": round(cpu / full["median"]["cpu_s"], 4),
    }


def zim_time_target(results, judged: str, has_ref: bool) -> dict[str, Any]:
    name = "ZIM files add ≤ 10% to the bundle editions' build time"
    extra = zim_extra(results[judged])
    if extra is None:
        return _target(name, None, "no edition times reported")
    return _target(
        name,
        extra["extra_share"] <= 0.10 if has_ref else None,
        f"+{100 * extra['extra_share']:.1f}% at N={judged} "
        f"({extra['extra_s']:.2f} s over {extra['bundle_editions_s']:.2f} s)",
        f"whole build +{extra['wall_extra_s']:.2f} s wall "
        f"(+{100 * extra['wall_extra_share']:.1f}%), +{extra['cpu_extra_s']:.2f} s CPU "
        f"(+{100 * extra['cpu_extra_share']:.1f}%), medians of the runs",
    )


# --- printing -------------------------------------------------------------------------------


def _mb(n: int | float) -> str:
    return f"{n / MB:.1f} MB"


def print_report(report: dict[str, Any]) -> None:
    results = report["results"]
    log("")
    header = (
        f"{'':32}{'wall s':>8}{'CPU s':>8}{'peak RSS':>10}{'tree RSS':>10}"
        f"{'× base':>8}{'CPU×b':>7}{'ms/act':>9}"
    )
    for result in results.values():
        n = result["n"]
        langs = len(result["languages"])
        runs = len(result["measurements"]["baseline"]["runs"])
        log(
            f"N={n} activities × {langs} languages ({result['activity_pages']} activity pages), "
            f"median of {runs} run(s); memory in MB; × base: wall time ratio, CPU×b: CPU ratio"
        )
        log(header)
        for what in MEASURES:
            m = result["measurements"][what]
            f = m["median"]
            log(
                f"{LABELS[what]:32}{f['wall_s']:8.2f}{f['cpu_s']:8.2f}{f['peak_rss_mb']:10.0f}"
                f"{f['tree_rss_mb']:10.0f}{m['ratio_to_baseline']:8.2f}"
                f"{m['cpu_ratio_to_baseline']:7.2f}{m['ms_per_activity']:9.2f}"
            )
        for what in ("site", "full", "zim"):
            times = result["measurements"][what].get("editions_median_s")
            if times:
                shown = ", ".join(f"{k} {v:.1f}" for k, v in times.items())
                log(f"{'':4}{what}: editions as the build reports them (median s): {shown}")
        preview = result.get("preview")
        if preview:
            s = preview["session"]
            log(
                f"{LABELS['preview']:32}{preview['median_s']:8.2f}{'-':>8}"
                f"{s.get('peak_rss_mb', 0):10.0f}{s.get('tree_rss_mb', 0):10.0f}"
                f"{'-':>8}{'-':>7}{'-':>9}"
            )
            rebuild = preview["server_rebuild_median_s"]
            log(
                f"{'':4}preview: median of {preview['edits']} edits, max {preview['max_s']:.2f} s;"
                f" server-side rebuild {rebuild if rebuild is None else f'{rebuild:.2f} s'}; "
                f"first build {preview['first_build_s']:.1f} s; memory over the whole session"
            )
        sizes = result["output"].get("mochila")
        if sizes:
            idx = ", ".join(f"{k} {_mb(v)}" for k, v in sizes["search_index_bytes"].items())
            big = sizes["largest_html"]
            log(
                f"{'':4}site {_mb(sizes['site_bytes'])} in {sizes['site_files']} files; "
                f"largest page {big['path']} {big['bytes'] / 1000:.0f} KB; search index {idx}"
            )
            zips = ", ".join(f"{k} {_mb(v)}" for k, v in sizes["bundles"].items())
            log(f"{'':4}bundles: {zips}")
        zims = result["output"].get("zims")
        if zims:
            log(f"{'':4}ZIM files: " + ", ".join(f"{k} {_mb(v)}" for k, v in zims.items()))
        base = result["output"].get("baseline")
        if base:
            log(
                f"{'':4}baseline site {_mb(base['site_bytes'])}, search index "
                f"{_mb(base['search_index_bytes']['en'])}, largest page "
                f"{base['largest_html']['bytes'] / 1000:.0f} KB"
            )
        log("")
    scale = report.get("scaling")
    if scale:
        parts = []
        for what in MEASURES:
            s = scale["measurements"][what]
            parts.append(
                f"  {LABELS[what]:32}{s['ms_per_activity_small']:9.2f} →"
                f"{s['ms_per_activity_large']:9.2f} ms/activity  (×{s['ratio']:.2f}; marginal "
                f"{s['marginal_ms_per_activity']:.2f} ms/activity)"
            )
        log(f"Per-activity cost (wall / N), N={scale['from_n']} → N={scale['to_n']}:")
        for line in parts:
            log(line)
        log("")
    bundle = report.get("bundle_size")
    if bundle:
        log(
            f"Single bundle full-en, N={bundle['n']}, English only, no images: {bundle['zip']} "
            f"{_mb(bundle['zip_bytes'])}, {bundle['zim']} {_mb(bundle['zim_bytes'])} "
            f"(build with both {bundle['build']['wall_s']:.1f} s); with zim_compressed: "
            f"{_mb(bundle['zim_compressed_bytes'])} "
            f"(build {bundle['build_zim_compressed']['wall_s']:.1f} s)"
        )
        per = 1000 / bundle["n"]
        log(
            f"  per 1,000 activities: zip {_mb(bundle['zip_bytes'] * per)}, "
            f"ZIM {_mb(bundle['zim_bytes'] * per)}, "
            f"compressed ZIM {_mb(bundle['zim_compressed_bytes'] * per)}"
        )
        log("")
    log("Targets of issue 6:")
    for t in report["targets"]:
        detail = f"  ({t['detail']})" if t["detail"] else ""
        log(f"  [{t['status']:>12}] {t['target']}: {t['value']}{detail}")
    log("")


# --- profiling ------------------------------------------------------------------------------

PROFILE_CLI = """\
import cProfile, sys
from mochila.cli import main
out, args = sys.argv[1], sys.argv[2:]
profile = cProfile.Profile()
code = 0
try:
    profile.runcall(main, args, prog_name="mochila")
except SystemExit as exc:
    code = exc.code or 0
finally:
    profile.dump_stats(out)
sys.exit(code)
"""

PROFILE_SEQUENTIAL = """\
import cProfile, sys
from pathlib import Path
from mochila.commands.orchestrate import build_everything
from mochila.commands.project import load_project
out, config, output = sys.argv[1:4]
project = load_project(Path(config))
profile = cProfile.Profile()
profile.enable()
try:
    build_everything(project, Path(output).resolve(), bundles=True, echo=print, workers=1)
finally:
    profile.disable()
    profile.dump_stats(out)
"""

PROFILE_PREVIEW = """\
import cProfile, sys
from pathlib import Path
from mochila.commands.preview import PreviewBuilder
from mochila.commands.project import load_project
out, config, site_dir, target, marker = sys.argv[1:6]
project = load_project(Path(config))
builder = PreviewBuilder(project, Path(site_dir), lang=project.settings.default_lang, drafts=False)
first = builder.build()
print(f"first build (full={first.full}) in {first.seconds:.2f} s", flush=True)
path = Path(target)
text = path.read_text(encoding="utf-8")
path.write_text(text.replace("\\n## ", f"\\n## {marker} ", 1), encoding="utf-8")
profile = cProfile.Profile()
profile.enable()
try:
    again = builder.build()
finally:
    profile.disable()
    profile.dump_stats(out)
    path.write_text(text, encoding="utf-8")
print(f"rebuild after one edit (full={again.full}) in {again.seconds:.2f} s", flush=True)
"""

ORIGINS = (
    ("/plugins/mochila/", "mochila"),
    ("/mochila/", "mochila"),
    ("/mkdocs/", "mkdocs"),
    ("/material/", "material"),
    ("/pymdownx/", "pymdownx"),
    ("/markdown/", "markdown"),
    ("/jinja2/", "jinja2"),
    ("/markupsafe/", "jinja2"),
    ("/yaml/", "yaml"),
    ("/babel/", "babel"),
    ("/click/", "click"),
    ("/site-packages/", "other package"),
)


STDLIB = str(Path(os.__file__).parent)


def origin(filename: str) -> str:
    if filename.startswith("<frozen"):
        return "stdlib"
    if filename == "~" or filename.startswith("<"):
        return "builtin"
    if filename.endswith(".html"):
        return "templates"  # Jinja templates compiled to Python: Material's and theme/
    for part, name in ORIGINS:
        if part in filename:
            return name
    return "stdlib" if filename.startswith(STDLIB) else "other"


def short_location(func: tuple[str, int, str]) -> str:
    filename, line, name = func
    if filename == "~":
        return name
    for marker in ("/site-packages/", "/plugins/", "/project/", STDLIB + "/"):
        if marker in filename:
            filename = filename.split(marker, 1)[1]
            break
    return f"{filename}:{line}({name})"


def _is(func: tuple[str, int, str], path_end: str, *names: str) -> bool:
    return func[0].replace("\\", "/").endswith(path_end) and func[2] in names


# Where the time of a build goes, by entry points that do not call one another (but for
# Jinja, which compiles the templates a page includes while rendering it).
PHASES = (
    (
        "mochila check: read and validate content",
        lambda f: _is(f, "build/check.py", "check_content"),
    ),
    ("waiting for the forked build workers", lambda f: _is(f, "build/parallel.py", "_next")),
    (
        "mochila packaging: offline check, manifest, zip",
        lambda f: _is(f, "build/packaging.py", "package_bundles"),
    ),
    ("Markdown: one Markdown() per page", lambda f: _is(f, "markdown/core.py", "__init__")),
    ("Markdown: convert", lambda f: _is(f, "markdown/core.py", "convert")),
    (
        "Jinja: render templates (compiling included ones too)",
        lambda f: _is(f, "jinja2/environment.py", "render"),
    ),
    (
        "Jinja: compile templates (partly inside render)",
        lambda f: _is(f, "jinja2/environment.py", "compile"),
    ),
    (
        "mkdocs: write and copy files",
        lambda f: _is(f, "mkdocs/utils/__init__.py", "write_file", "copy_file"),
    ),
)


def phases(stats) -> dict[str, float]:
    """Cumulative time of the PHASES, and of mkdocs plugin events by the plugin's origin."""
    out: dict[str, float] = {}
    for label, matches in PHASES:
        spent = sum(v[3] for f, v in stats.items() if matches(f))
        if spent > 0:
            out[label] = spent
    for func, (_, _, _, _, callers) in stats.items():
        for caller, edge in callers.items():
            if _is(caller, "mkdocs/plugins.py", "run_event"):
                label = f"plugin events: {origin(func[0])}"
                out[label] = out.get(label, 0.0) + edge[3]
    return {k: round(v, 3) for k, v in sorted(out.items(), key=lambda kv: -kv[1])}


def profile_tables(path: Path, top: int) -> dict[str, Any]:
    import pstats

    stats = pstats.Stats(str(path)).stats
    total = sum(tt for _, _, tt, _, _ in stats.values()) or 1.0
    rows = [
        {
            "function": short_location(func),
            "origin": origin(func[0]),
            "ncalls": nc,
            "tottime_s": round(tt, 4),
            "cumtime_s": round(ct, 4),
        }
        for func, (_, nc, tt, ct, _) in stats.items()
    ]
    # Self time by origin; time in C functions (regexes, str methods...) goes to the callers'
    # origins, in proportion to the time each caller spent in them.
    by_origin: dict[str, float] = {}
    for func, (_, _, tt, _, callers) in stats.items():
        where = origin(func[0])
        spent = sum(c[2] for c in callers.values())
        if where == "builtin" and spent > 0:
            for caller, c in callers.items():
                who = origin(caller[0])
                by_origin[who] = by_origin.get(who, 0.0) + tt * c[2] / spent
        else:
            by_origin[where] = by_origin.get(where, 0.0) + tt
    return {
        "file": str(path),
        "total_s": round(total, 3),
        "by_cumulative": sorted(rows, key=lambda r: -r["cumtime_s"])[:top],
        "by_tottime": sorted(rows, key=lambda r: -r["tottime_s"])[:top],
        "phases_s": phases(stats),
        "self_time_by_origin": {
            k: round(v, 3) for k, v in sorted(by_origin.items(), key=lambda kv: -kv[1])
        },
    }


def print_profile(title: str, tables: dict[str, Any]) -> None:
    log(f"{title} — {tables['file']} (profiled time {tables['total_s']:.1f} s)")
    for key, name in (("by_cumulative", "cumulative"), ("by_tottime", "total (self)")):
        log(f"  top {len(tables[key])} by {name} time:")
        log(f"  {'ncalls':>10} {'tottime':>8} {'cumtime':>8}  {'origin':<13} function")
        for r in tables[key]:
            log(
                f"  {r['ncalls']:>10} {r['tottime_s']:8.2f} {r['cumtime_s']:8.2f}  "
                f"{r['origin']:<13} {r['function']}"
            )
    total = tables["total_s"]
    shares = ", ".join(
        f"{k} {v:.1f} s ({100 * v / total:.0f}%)" for k, v in tables["self_time_by_origin"].items()
    )
    log(f"  self time by origin (C functions charged to their callers): {shares}")
    log("  where the time goes (cumulative; the standard library is inside these):")
    for label, spent in tables["phases_s"].items():
        if spent >= 0.005 * total:
            log(f"  {spent:10.2f} s  {100 * spent / total:3.0f}%  {label}")
    log("")


def run_profile(args: argparse.Namespace, tmp_root: Path, out_dir: Path) -> dict:
    gen = load_gen_corpus()
    n = args.sizes[0] if args.sizes_given else REFERENCE_N
    corpus = Corpus(n, args.seed, tmp_root, gen)
    log(f"N={n}: corpus written in {corpus.project}")
    report: dict[str, Any] = {"n": n, "profiles": {}}
    out_dir.mkdir(parents=True, exist_ok=True)
    modes = PROFILE_MODES if args.profile_mode == "all" else (args.profile_mode,)
    for mode in modes:
        log(f"profiling: {mode} …")
        if mode == "cli":
            prof = out_dir / "bench-profile.out"
            cmd = [
                sys.executable, "-c", PROFILE_CLI, str(prof),
                "-f", "mkdocs.yml", "build", "--output", str(corpus.root / "out-cli"),
            ]  # fmt: skip
            title = (
                "cProfile of `mochila build` (main process only: the forked workers inherit "
                "the profiler, which slows them, but their statistics are lost)"
            )
        elif mode == "preview":
            prof = out_dir / "bench-profile-preview.out"
            target = edit_targets(corpus.content, 1)[0]
            cmd = [
                sys.executable, "-c", PROFILE_PREVIEW, str(prof), "mkdocs.yml",
                str(corpus.root / "preview-site"), str(target), f"profiled{uuid.uuid4().hex[:8]}",
            ]  # fmt: skip
            title = (
                f"cProfile of one preview rebuild (PreviewBuilder.build) after editing "
                f"{target.relative_to(corpus.content)}"
            )
        else:
            prof = out_dir / "bench-profile-sequential.out"
            cmd = [
                sys.executable, "-c", PROFILE_SEQUENTIAL, str(prof),
                "mkdocs.yml", str(corpus.root / "out-seq"),
            ]  # fmt: skip
            title = "cProfile of build_everything(..., workers=1) (every edition in one process)"
        figures = measure(
            cmd,
            cwd=corpus.project,
            env=corpus.env,
            log_path=corpus.logs / f"profile-{mode}.log",
            timeout=3 * timeout_for(n),
        )
        log(f"{mode}: {figures['wall_s']:.1f} s wall under cProfile, {figures['cpu_s']:.1f} s CPU")
        if mode == "preview":
            log(Child.read_log(corpus.logs / f"profile-{mode}.log").strip())
        tables = profile_tables(prof, args.profile_top)
        print_profile(title, tables)
        report["profiles"][mode] = {"run": figures, **tables}
    return report


# --- main -----------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark mochila check/build/serve against plain mkdocs + Material "
        "on one generated corpus per size (issue 6).",
    )
    parser.add_argument(
        "--n",
        action="append",
        metavar="N[,N...]",
        help=f"corpus sizes in activities (default {', '.join(map(str, DEFAULT_SIZES))})",
    )
    parser.add_argument("--large", action="store_true", help=f"also N={LARGE_SIZE}")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (3)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (1)")
    parser.add_argument("--edits", type=int, default=5, help="preview edits per size (5)")
    parser.add_argument("--no-preview", action="store_true", help="skip the serve measurement")
    parser.add_argument(
        "--no-bundle-size", action="store_true", help="skip the single-bundle size target"
    )
    parser.add_argument(
        "--out", type=Path, help="JSON report (default build/bench.json, build/bench-profile.json)"
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="instead of benchmarking, profile one N=1000 build (site + bundles) with cProfile",
    )
    parser.add_argument(
        "--profile-mode",
        choices=(*PROFILE_MODES, "all"),
        default="all",
        help="cli: `mochila build` as is (workers forked, so only the main process is seen); "
        "sequential: build_everything(workers=1), every edition in one process; "
        "preview: one `mochila serve` rebuild after an edit (all)",
    )
    parser.add_argument("--profile-top", type=int, default=25, help="rows per profile table")
    parser.add_argument(
        "--search",
        action="store_true",
        help="instead of build times, measure search in Chromium: Mochila's index against "
        "Material's, file:// and HTTP, CPU 1x and 4x (N=1000; --large adds 3000; "
        "see scripts/bench_search.py)",
    )
    parser.add_argument(
        "--search-old-queries",
        type=int,
        default=22,
        metavar="K",
        help="queries typed into Material's search (each takes seconds at 4x; default all 22; "
        "0 skips Material's build and measurement)",
    )
    parser.add_argument(
        "--search-libraries",
        action="store_true",
        help="instead of build times, measure MiniSearch, FlexSearch and lunr with a prebuilt "
        "index (installed from npm into a temporary folder) against Mochila's search, from "
        "file://, CPU 1x and 4x (N=1000, or the first --n; see scripts/bench_search_libraries.py)",
    )
    parser.add_argument("--keep-tmp", action="store_true", help="keep the temporary folders")
    args = parser.parse_args(argv)
    sizes: list[int] = []
    for value in args.n or []:
        for part in value.split(","):
            if part.strip():
                try:
                    sizes.append(int(part))
                except ValueError:
                    parser.error(f"--n takes whole numbers, not {part!r}")
    args.sizes_given = bool(sizes)
    if not sizes:
        sizes = list(DEFAULT_SIZES)
    if args.large and LARGE_SIZE not in sizes:
        sizes.append(LARGE_SIZE)
    if any(n < 1 for n in sizes):
        parser.error("--n must be at least 1")
    if args.runs < 1 or args.edits < 1:
        parser.error("--runs and --edits must be at least 1")
    args.sizes = sorted(set(sizes))
    if args.out is None:
        name = (
            "bench-profile.json"
            if args.profile
            else "bench-search.json"
            if args.search
            else "bench-search-libraries.json"
            if args.search_libraries
            else "bench.json"
        )
        args.out = ROOT / "build" / name
    return args


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def machine() -> dict[str, Any]:
    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "loadavg": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
    }


def main(argv: list[str] | None = None) -> int:
    _ensure_venv()
    args = parse_args(argv)
    info = machine()
    what = (
        f"profile ({args.profile_mode})"
        if args.profile
        else f"benchmark: sizes {args.sizes}, {args.runs} run(s)"
    )
    load = ", ".join(f"{x:.1f}" for x in info["loadavg"] or [])
    log(f"Mochila {what}; {info['cpus']} CPUs, load average {load}")
    # A plain `kill` interrupts like Ctrl+C, so servers are stopped and temp folders removed.
    signal.signal(signal.SIGTERM, _interrupt)
    tmp_root = Path(tempfile.mkdtemp(prefix="mochila-bench-"))
    report: dict[str, Any] = {
        "schema": 1,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": info,
        "options": {
            "sizes": args.sizes,
            "runs": args.runs,
            "seed": args.seed,
            "edits": args.edits,
            "preview": not args.no_preview,
            "bundle_size": not args.no_bundle_size,
        },
        "method": {
            "wall_s": "start of the process to its exit (os.wait4), interpreter start included",
            "cpu_s": "user + system time of the process and every descendant it waited for",
            "peak_rss_mb": "ru_maxrss from os.wait4: largest resident set of ONE process of "
            "the tree (the two forked build workers included)",
            "tree_rss_mb": "largest sum of resident sets over the process group, sampled from "
            f"/proc every {SAMPLE_EVERY} s (counts pages shared after fork once per process)",
            "preview": "write a marker into a heading of one activity, poll its page on "
            "127.0.0.1 until the marker is served; time from the write",
            "units": "MB = 10^6 bytes",
            "baseline": "mkdocs build, Material + search, same Markdown (2N activity pages), "
            "nav index/about/guide, font false, no directory URLs, same markdown_extensions",
        },
        "tmp_dir": str(tmp_root),
    }
    try:
        if args.profile:
            report["profile"] = run_profile(args, tmp_root, args.out.parent)
        elif args.search:
            sys.path.insert(0, str(ROOT / "scripts"))
            import bench_search

            report["search"] = bench_search.run(sys.modules[__name__], args, tmp_root)
        elif args.search_libraries:
            sys.path.insert(0, str(ROOT / "scripts"))
            import bench_search_libraries

            bench = sys.modules[__name__]
            report["search_libraries"] = bench_search_libraries.run(bench, args, tmp_root)
        else:
            report.update(run_benchmark(args, tmp_root))
            print_report(report)
    except BenchError as exc:
        log(f"benchmark failed: {exc}")
        return 1
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    finally:
        stop_all_children()
        if args.keep_tmp:
            log(f"temporary folders kept in {tmp_root}")
        else:
            shutil.rmtree(tmp_root, ignore_errors=True)
    report["machine"]["loadavg_end"] = list(os.getloadavg()) if hasattr(os, "getloadavg") else None
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    log(f"Report written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
