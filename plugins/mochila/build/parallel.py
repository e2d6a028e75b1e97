"""Running edition builds on every core, reusing rendered pages within each worker.

Editions of one language share most pages, so each worker takes whole languages (largest
first) and keeps one render cache for all of its editions. Workers are forked after the
catalogue is read, so content is read and checked once.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..domain.catalogue import Catalogue
from ..domain.edition import Edition
from ..plugins.shared import RenderCache
from .mkdocs_run import EditionBuildError, build_edition


@dataclass(frozen=True)
class Job:
    edition: Edition
    site_dir: Path
    weight: int  # number of activities: a proxy for build time


@dataclass(frozen=True)
class Done:
    edition: Edition
    seconds: float
    error: str = ""


def plan_workers(jobs: list[Job], workers: int) -> list[list[Job]]:
    """Split jobs into per-worker lists, keeping each language's jobs together."""
    by_lang: dict[str, list[Job]] = {}
    for job in jobs:
        by_lang.setdefault(job.edition.lang, []).append(job)
    groups = sorted(by_lang.values(), key=lambda g: -sum(j.weight for j in g))
    lanes: list[list[Job]] = [[] for _ in range(max(1, workers))]
    if len(groups) < len(lanes):
        # Fewer languages than cores: split the largest language's jobs between lanes.
        flat = sorted(jobs, key=lambda j: (j.edition.lang, -j.weight))
        for job in flat:
            min(lanes, key=lambda lane: sum(j.weight for j in lane)).append(job)
        return [lane for lane in lanes if lane]
    for group in groups:
        min(lanes, key=lambda lane: sum(j.weight for j in lane)).extend(group)
    return [lane for lane in lanes if lane]


def _run_lane(config_file: Path, lane: list[Job], catalogue: Catalogue, queue) -> None:
    cache = RenderCache()
    for job in lane:
        start = time.monotonic()
        try:
            build_edition(config_file, job.edition, job.site_dir, catalogue, cache)
            queue.put(Done(job.edition, time.monotonic() - start))
        except EditionBuildError as exc:
            queue.put(Done(job.edition, time.monotonic() - start, str(exc)))
            return
        except Exception as exc:  # a bug: report it rather than hang the parent
            queue.put(Done(job.edition, time.monotonic() - start, f"{type(exc).__name__}: {exc}"))
            return


def run_builds(
    config_file: Path,
    jobs: list[Job],
    catalogue: Catalogue,
    on_done: Callable[[Done], None],
    workers: int | None = None,
) -> None:
    """Build every job; raise EditionBuildError with the first failure's message."""
    workers = workers or min(2, os.cpu_count() or 1)
    lanes = plan_workers(jobs, workers)
    if len(lanes) == 1:
        cache = RenderCache()
        for job in lanes[0]:
            start = time.monotonic()
            build_edition(config_file, job.edition, job.site_dir, catalogue, cache)
            on_done(Done(job.edition, time.monotonic() - start))
        return
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    processes = [
        context.Process(target=_run_lane, args=(config_file, lane, catalogue, queue), daemon=True)
        for lane in lanes
    ]
    for process in processes:
        process.start()
    failure = ""
    try:
        for _ in range(len(jobs)):
            done = _next(queue, processes)
            if done is None:
                failure = failure or "a build worker stopped unexpectedly"
                break
            if done.error:
                failure = failure or done.error
                # One failure fails the build: stop the other workers now.
                for process in processes:
                    process.terminate()
                break
            on_done(done)
    finally:
        for process in processes:
            process.join()
    if failure:
        raise EditionBuildError(failure)


def _next(queue, processes) -> Done | None:
    while True:
        try:
            return queue.get(timeout=0.5)
        except Exception:  # queue.Empty: check that a worker is still alive
            if not any(p.is_alive() for p in processes) and queue.empty():
                return None
