"""Checking content: the catalogue's problems, filtered and counted for the CLI and builds."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from pathlib import Path

from ..domain.catalogue import Catalogue, load_catalogue
from .project import Project

# Below this many files a second process costs more than it saves.
PARALLEL_FROM = 400


def check_content(project: Project, content_dir: Path | None = None) -> Catalogue:
    """Read and check every file of the content folder; the problems are on the result."""
    folder = Path(content_dir).resolve() if content_dir else project.content_dir
    return load_catalogue(
        folder, project.settings, shown_root=project.shown(folder), read_many=read_in_two
    )


def read_in_two(read: Callable[[str], object], paths: list[str]) -> list[object]:
    """``[read(p) for p in paths]``, the second half read by a forked process meanwhile.

    Reading and checking the files is most of ``mochila check`` and comes before every build;
    on two cores it takes about half as long. Results come back pickled (a few MB at 1,000
    activities). Without fork, on one core or if the helper fails, this process reads it all.
    """
    if len(paths) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        return [read(path) for path in paths]
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:
        return [read(path) for path in paths]
    half = len(paths) // 2
    receiver, sender = context.Pipe(duplex=False)

    def read_second_half() -> None:
        try:
            sender.send([read(path) for path in paths[half:]])
        finally:
            sender.close()

    helper = context.Process(target=read_second_half, daemon=True)
    helper.start()
    sender.close()
    try:
        first = [read(path) for path in paths[:half]]
        try:
            second = receiver.recv()
        except (EOFError, OSError):
            second = [read(path) for path in paths[half:]]
    finally:
        receiver.close()
        helper.join()
    return first + second
