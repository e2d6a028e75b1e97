"""``mochila build``: check, build every edition into staging, package bundles, swap in.

A failed or interrupted build leaves the previous ``build/site`` and ``build/bundles`` as they
were: everything is written under a staging folder beside them and moved into place only when
all of it succeeded.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from functools import partial
from pathlib import Path

from ..bundler import BundleError
from ..bundler.zim import ZimInfo, iso639_3, zim_support_missing
from ..domain.catalogue import Catalogue
from ..domain.edition_check import edition_problems
from ..domain.problems import ContentError
from .check import check_content
from .editions import Planned, edition_label, plan_editions, source_epoch, staging_root
from .mkdocs_run import EditionBuildError
from .packaging import Packaged, finish_bundles, package_bundle
from .parallel import Done, Job, run_builds
from .previous import SinceError, baselines
from .project import Project, ProjectError
from .zim_metadata import zim_info

Echo = Callable[[str], None]


class BuildFailed(Exception):
    """The build stopped; nothing in the output folder was replaced."""


class Progress:
    """Reports editions as they finish; the CLI swaps in a progress bar."""

    def __init__(self, echo: Echo) -> None:
        self.echo = echo
        self.total = 0
        self.count = 0

    def start(self, total: int) -> None:
        self.total = total

    def done(self, done: Done) -> None:
        self.count += 1
        what = "website" if done.edition.kind == "site" else f"bundle {done.edition.name}"
        self.echo(
            f"[{self.count}/{self.total}] {what} ({done.edition.lang}) built in "
            f"{done.seconds:.1f} s"
        )

    def finish(self) -> None:
        pass


def build_everything(
    project: Project,
    output: Path,
    *,
    bundles: bool,
    zim: bool | None = None,
    echo: Echo,
    progress: Progress | None = None,
    workers: int | None = None,
    strict: bool = False,
    since: Path | None = None,
) -> None:
    """Check content, build every edition, package bundles and swap the results in.

    Prints the content's warnings (the same as ``mochila check``) and the editions', each
    once; with ``strict`` they stop the build. Each bundle's "What's new" page compares it
    with its edition in ``since`` (a zip, a bundle folder or a folder of zips), else with the
    one the last build left in ``output``. ``zim`` True or False writes a ZIM file for every
    bundle or for none, overriding each bundle's ``zim`` option. Raises BuildFailed with a
    message for people; the output folder is untouched then.
    """
    progress = progress or Progress(echo)
    catalogue = check_content(project)
    if catalogue.errors:
        raise BuildFailed(
            ContentError(catalogue.problems).report() + "\nNothing was built; fix the content "
            "first ('mochila check' lists the same problems)."
        )
    epoch = source_epoch(project)
    label = edition_label(project, epoch)
    try:
        planned = plan_editions(project, label, bundles, zim)
    except ProjectError as exc:
        raise BuildFailed(str(exc)) from exc
    warnings = [p for p in catalogue.problems if not p.is_error]
    warnings += edition_problems(
        [(item.edition, item.line) for item in planned],
        catalogue,
        project.shown(project.config_file),
    )
    for problem in warnings:
        echo(problem.format())
    if strict and warnings:
        raise BuildFailed(
            f"{len(warnings)} warning(s), and --strict makes them errors: nothing was built."
        )
    try:
        previous = baselines(
            {item.bundle_name: label for item in planned if item.bundle_name}, output, since
        )
    except SinceError as exc:
        raise BuildFailed(str(exc)) from exc
    zims = _zim_metadata(project, planned, catalogue, epoch)

    output.mkdir(parents=True, exist_ok=True)
    staging = staging_root(output)
    if staging.exists():
        shutil.rmtree(staging)
    previous_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)  # mkdocs dates its sitemap with it
    try:
        counts = [
            len(item.edition.selection.select(catalogue.in_language(item.edition.lang)))
            for item in planned
        ]
        jobs = [
            Job(
                item.edition,
                staging / item.folder,
                count,
                partial(
                    package_bundle,
                    item,
                    staging,
                    catalogue,
                    epoch,
                    zim=zims.get(item.bundle_name),
                )
                if item.bundle_name
                else None,
                previous.get(item.bundle_name),
            )
            for item, count in zip(planned, counts, strict=True)
        ]
        packaged: dict[str, Packaged] = {}

        def done(result: Done) -> None:
            if isinstance(result.result, Packaged):
                packaged[result.result.name] = result.result
            progress.done(result)

        progress.start(len(jobs))
        try:
            run_builds(project.config_file, jobs, catalogue, done, workers, staging / "exchange")
        finally:
            progress.finish()
        order = [item.bundle_name for item in planned if item.bundle_name]
        results = finish_bundles(staging, [packaged[name] for name in order])
        _swap(staging / "site", output / "site")
        if order:
            _swap(staging / "bundles", output / "bundles")
    except EditionBuildError as exc:
        raise BuildFailed(f"{exc}\nThe previous build in {output} was left as it was.") from exc
    finally:
        if previous_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous_epoch
        shutil.rmtree(staging, ignore_errors=True)
    echo(f"Website: {output / 'site'}")
    for line in results:
        echo(line)


def _zim_metadata(
    project: Project, planned: list[Planned], catalogue: Catalogue, epoch: int
) -> dict[str, ZimInfo]:
    """The Kiwix metadata of each bundle that asks for a ZIM, checked before anything is built.

    Raises BuildFailed when the extra is missing or a bundle's metadata would be refused.
    """
    wanted = [item for item in planned if item.zim]
    if not wanted:
        return {}
    missing = zim_support_missing()
    if missing:
        names = ", ".join(item.bundle_name for item in wanted)
        raise BuildFailed(
            f"Bundles {names} ask for a ZIM file, but {missing}. Or build without ZIM files: "
            "mochila build --no-zim."
        )
    infos, problems = {}, []
    for item in wanted:
        count = len(item.edition.selection.select(catalogue.in_language(item.edition.lang)))
        info = zim_info(project, item.edition, count, epoch, item.zim_compressed)
        found = info.problems()
        try:
            iso639_3(info.language)
        except BundleError as exc:
            found.append(str(exc))
        problems += [f"{project.config_file}: bundle '{item.bundle_name}': {p}" for p in found]
        infos[item.bundle_name] = info
    if problems:
        raise BuildFailed("\n".join(problems) + "\nNothing was built.")
    return infos


def _swap(new: Path, target: Path) -> None:
    """Move ``new`` to ``target``, keeping the old one until the new one is in place."""
    old = target.with_name(f".old-{target.name}-{os.getpid()}")
    if target.exists():
        os.replace(target, old)
    try:
        os.replace(new, target)
    except OSError:
        if old.exists():
            os.replace(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)
