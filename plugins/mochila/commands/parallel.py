"""Running edition builds on every core, reusing rendered pages between editions.

Editions of one language share most pages, so each worker keeps one render cache for all of
its editions and the plan puts editions of a language on the same worker where that keeps the
workers balanced. When a language has editions on two workers, the first worker to build one
saves its cache for the other (an edition there that has not started yet starts warm). Reuse
never changes the output, only how long it takes. Workers are forked after the catalogue is
read, so content is read and checked once.
"""

from __future__ import annotations

import multiprocessing
import os
import queue as queue_module
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import speedups
from ..domain.catalogue import Catalogue
from ..domain.changes import Baseline
from ..domain.edition import Edition
from ..plugins.context import EditionContext
from ..speedups.render_cache import RenderCache
from ..speedups.template_cache import TemplateCache
from ..speedups.theme_listing import ThemeListing
from .mkdocs_run import EditionBuildError, build_edition


class WorkerBug(RuntimeError):
    """A build worker raised an unexpected exception; the message holds its traceback."""


@dataclass(frozen=True)
class Job:
    edition: Edition
    site_dir: Path
    weight: int  # number of activities: a proxy for build time
    # Runs in the worker after the build (packaging a bundle) with the build's context (what
    # the plugins recorded); its result travels back.
    after: Callable[[EditionContext], object] | None = None
    baseline: Baseline | None = None  # the earlier edition a bundle's "What's new" compares with


@dataclass(frozen=True)
class Done:
    edition: Edition
    seconds: float
    error: str = ""  # a problem for people (content, configuration), as mkdocs reported it
    bug: str = ""  # a worker's traceback: a bug in Mochila, to be shown as one
    result: object = None


# A later edition of a language already rendered in the same worker reuses its pages and search
# entries; this is roughly the share of the work it still costs (measured: ~40% at 1,000
# activities, packaging of a bundle included).
CACHED_SHARE = 0.4


def plan_workers(jobs: list[Job], workers: int) -> list[list[Job]]:
    """Split jobs between workers: biggest first, each to the worker that would finish first,
    counting a job as cheaper on a worker that already renders its language."""
    lanes: list[list[Job]] = [[] for _ in range(max(1, workers))]
    loads = [0.0] * len(lanes)
    for job in sorted(jobs, key=lambda j: (-j.weight, j.edition.lang, j.edition.name)):

        def cost(index: int, job: Job = job) -> float:
            warm = any(other.edition.lang == job.edition.lang for other in lanes[index])
            return loads[index] + job.weight * (CACHED_SHARE if warm else 1.0)

        best = min(range(len(lanes)), key=lambda index: (cost(index), index))
        loads[best] = cost(best)
        lanes[best].append(job)
    return [lane for lane in lanes if lane]


def _run_lane(
    config_file: Path,
    lane: list[Job],
    catalogue: Catalogue,
    queue,
    exchange: Exchange | None = None,
) -> None:
    cache, templates, listing = _caches()
    started: set[str] = set()
    for index, job in enumerate(lane):
        start = time.monotonic()
        lang = job.edition.lang
        if cache is not None:
            cache.keep_only({later.edition.lang for later in lane[index:]})
        try:
            # A worker that starts a language warm from the other's cache has nothing to add.
            fresh = exchange is not None and lang not in started and not exchange.take(lang, cache)
            edition_context = _context(job, catalogue, cache, templates)
            build_edition(
                config_file,
                job.site_dir,
                edition_context,
                listing,
            )
            if fresh:
                exchange.give(lang, cache)
            started.add(lang)
            result = job.after(edition_context) if job.after else None
            queue.put(Done(job.edition, time.monotonic() - start, result=result))
        except EditionBuildError as exc:
            queue.put(Done(job.edition, time.monotonic() - start, str(exc)))
            return
        except Exception:  # a bug: report it, with where it happened, rather than hang
            queue.put(Done(job.edition, time.monotonic() - start, bug=traceback.format_exc()))
            return


def _caches() -> tuple[RenderCache | None, TemplateCache | None, ThemeListing | None]:
    """What one process's editions share, or nothing when reuse is off."""
    if not speedups.enabled():
        return None, None, None
    return RenderCache(), TemplateCache(), ThemeListing()


def _context(job: Job, catalogue: Catalogue, cache, templates) -> EditionContext:
    return EditionContext(job.edition, catalogue, cache, templates, baseline=job.baseline)


@dataclass(frozen=True)
class Exchange:
    """Render caches passed between workers through files, for languages built on several."""

    folder: Path
    languages: frozenset[str]

    def give(self, lang: str, cache: RenderCache) -> None:
        if lang in self.languages:
            cache.save(lang, self.folder / f"{lang}-{os.getpid()}.cache")

    def take(self, lang: str, cache: RenderCache) -> bool:
        """Merge what other workers gave for ``lang``; False if there was nothing yet."""
        paths = sorted(self.folder.glob(f"{lang}-*.cache")) if lang in self.languages else []
        for path in paths:
            cache.merge(path)
        return bool(paths)


def _exchange(lanes: list[list[Job]], folder: Path | None) -> Exchange | None:
    spread = Counter(lang for lane in lanes for lang in {job.edition.lang for job in lane})
    languages = frozenset(lang for lang, count in spread.items() if count > 1)
    if folder is None or not languages or not speedups.enabled():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    return Exchange(folder, languages)


def run_builds(
    config_file: Path,
    jobs: list[Job],
    catalogue: Catalogue,
    on_done: Callable[[Done], None],
    workers: int | None = None,
    scratch: Path | None = None,
) -> None:
    """Build every job; raise EditionBuildError with the first failure's message, or WorkerBug
    with the traceback of a bug in a worker.

    ``scratch`` is a folder the workers may use to pass work to each other (left behind).
    """
    workers = workers or min(2, os.cpu_count() or 1)
    lanes = plan_workers(jobs, workers)
    if len(lanes) == 1:
        cache, templates, listing = _caches()
        for job in lanes[0]:
            start = time.monotonic()
            edition_context = _context(job, catalogue, cache, templates)
            build_edition(
                config_file,
                job.site_dir,
                edition_context,
                listing,
            )
            result = job.after(edition_context) if job.after else None
            on_done(Done(job.edition, time.monotonic() - start, result=result))
        return
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    exchange = _exchange(lanes, scratch)
    processes = [
        context.Process(
            target=_run_lane, args=(config_file, lane, catalogue, queue, exchange), daemon=True
        )
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
            if done.bug:
                for process in processes:
                    process.terminate()
                raise WorkerBug(f"building {done.edition.name} failed in a worker:\n{done.bug}")
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
        except queue_module.Empty:  # check that a worker is still alive
            if not any(p.is_alive() for p in processes) and queue.empty():
                return None
