"""The ``mochila`` command: parses options and calls one function of the build layer."""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

import click
import mkdocs

from .commands.project import Project, ProjectError, load_project
from .commands.scaffolding import MAX_DURATION, parse_age_range


class CommandError(click.ClickException):
    """An expected failure: printed without a traceback, exit status 1."""


@dataclass
class Context:
    config_file: Path

    def project(self) -> Project:
        try:
            return load_project(self.config_file)
        except ProjectError as exc:
            raise CommandError(str(exc)) from exc


def _set_verbosity(ctx: click.Context, param: click.Parameter, value: int) -> int:
    level = {-1: logging.ERROR, 1: logging.INFO}.get(value, logging.WARNING)
    logging.basicConfig(format="%(levelname)s: %(message)s", level=level)
    # The engine's loggers: "mkdocs", or "properdocs" when ProperDocs serves as mkdocs.
    logging.getLogger(mkdocs.__name__).setLevel(level)
    return value


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default="mkdocs.yml",
    show_default=True,
    help="The project's mkdocs.yml.",
)
@click.option(
    "-v",
    "--verbose",
    "verbosity",
    flag_value=1,
    callback=_set_verbosity,
    expose_value=False,
    help="Show more of what happens.",
)
@click.option(
    "-q",
    "--quiet",
    "verbosity",
    flag_value=-1,
    default=0,
    callback=_set_verbosity,
    expose_value=False,
    help="Show only errors.",
)
@click.version_option(package_name="mochila")
@click.pass_context
def main(ctx: click.Context, config_file: Path) -> None:
    """Mochila: educational activities as a website and as offline USB bundles.

    \b
    Example:
      mochila check && mochila build && mochila report
    """
    ctx.obj = Context(config_file)


@main.command()
@click.argument("path", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json prints the findings for editors and CI.",
)
@click.pass_obj
def check(obj: Context, path: Path | None, strict: bool, output_format: str) -> None:
    """Check every activity and page in PATH (default: the content folder).

    \b
    Example:
      mochila check --strict
    """
    from .commands.check import check_content

    project = obj.project()
    if path is not None and not path.is_dir():
        raise CommandError(f"{path} is not a folder")
    catalogue = check_content(project, path)
    problems = catalogue.problems
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    failed = errors > 0 or (strict and warnings > 0)
    if output_format == "json":
        payload = {
            "ok": not failed,
            "errors": errors,
            "warnings": warnings,
            "files": len(catalogue.checked),
            "activities": catalogue.activity_files,
            "problems": [p.as_dict() for p in problems],
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            click.echo(problem.format(), err=False)
        summary = (
            f"{len(catalogue.checked)} files checked ({catalogue.activity_files} activities): "
            f"{errors} error(s), {warnings} warning(s)."
        )
        click.echo(summary, err=True)
    if failed:
        sys.exit(1)


def _age_range(ctx: click.Context, param: click.Parameter, value: str | None):
    if value is None:
        return None
    try:
        return parse_age_range(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _id_list(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [part.strip() for part in value.split(",") if part.strip()]


@main.command()
@click.argument("title")
@click.option("--summary", help="One or two plain sentences saying what the activity is.")
@click.option("--audience", help="Comma-separated audience ids, e.g. families,educators.")
@click.option("--age", callback=_age_range, help="Age range in months, e.g. 24-48.")
@click.option(
    "--duration",
    type=click.IntRange(1, MAX_DURATION),
    help=f"Minutes, 1 to {MAX_DURATION}.",
)
@click.option("--areas", help="Comma-separated development areas, e.g. motor,language.")
@click.option("--tags", help="Comma-separated tags (optional).")
@click.option("--lang", help="Language of the new file (default: the site's first language).")
@click.option(
    "--translation-of",
    "translation_of",
    metavar="ID",
    help="Write a translation of the activity with this id.",
)
@click.pass_obj
def new(
    obj: Context, title: str, summary, audience, age, duration, areas, tags, lang, translation_of
) -> None:
    """Create a new activity from a template, ready to fill in.

    \b
    Example:
      mochila new "Water play" --summary "Babies explore water." \\
          --audience families --age 6-36 --duration 20 --areas sensory
    """
    from .commands.scaffolding import NewRequest, ScaffoldError, create_activity

    project = obj.project()
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    request = NewRequest(
        title=title,
        summary=summary,
        audience=_id_list(audience),
        age=age,
        duration=duration,
        areas=_id_list(areas),
        tags=_id_list(tags) or [],
        lang=lang,
        translation_of=translation_of,
    )
    try:
        path = create_activity(project, request, ask=_prompt if interactive else None)
    except ScaffoldError as exc:
        raise CommandError(str(exc)) from exc
    click.echo(f"Created {project.shown(path)}. Next: write the steps, then run 'mochila check'.")


class _BarProgress:
    """A progress bar over the editions being built (website languages and bundles)."""

    def __init__(self) -> None:
        self.bar = None

    def start(self, total: int) -> None:
        self.bar = click.progressbar(
            length=total,
            label="Building website and bundles",
            file=sys.stderr,
            item_show_func=lambda item: item,
        )
        self.bar.__enter__()

    def done(self, done) -> None:
        what = "website" if done.edition.kind == "site" else done.edition.name
        self.bar.update(1, f"{what} ({done.edition.lang})")

    def finish(self) -> None:
        self.bar.__exit__(None, None, None)


def _prompt(question: str, default: str | None = None) -> str:
    return click.prompt(question, default=default)


@main.command()
@click.option("--site-only", is_flag=True, help="Build the website but no bundles.")
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default="build",
    show_default=True,
    help="Where build/site and build/bundles go.",
)
@click.option(
    "--since",
    type=click.Path(exists=True, path_type=Path),
    help='The earlier edition "What\'s new" compares with: a bundle zip, an unzipped bundle '
    "or a folder of zips (default: the bundles of the last build in --output).",
)
@click.option(
    "--zim/--no-zim",
    default=None,
    help="Also write every bundle as a ZIM file for Kiwix, or none "
    "(default: the bundles with 'zim: true' in mkdocs.yml). Needs mochila[zim].",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too (nothing is built then).")
@click.pass_obj
def build(
    obj: Context,
    site_only: bool,
    output: Path,
    since: Path | None,
    zim: bool | None,
    strict: bool,
) -> None:
    """Check content, then build the website (and the offline bundles) atomically.

    Every bundle gets a "What's new" page comparing it with its previous edition: the one
    in --since, else the one the last build left in the output folder. With --zim (or
    'zim: true' on a bundle) each bundle is also written as a ZIM file for Kiwix.

    \b
    Example:
      mochila build --since old-bundles/
    """
    from .commands.orchestrate import BuildFailed, build_everything

    project = obj.project()
    progress = _BarProgress() if sys.stderr.isatty() else None
    try:
        build_everything(
            project,
            output.resolve(),
            bundles=not site_only,
            zim=zim,
            echo=click.echo,
            progress=progress,
            strict=strict,
            since=since.resolve() if since else None,
        )
    except BuildFailed as exc:
        raise CommandError(str(exc)) from exc


@main.command()
@click.option("--drafts", is_flag=True, help="Show draft activities, marked as drafts.")
@click.option("--lang", help="Language to preview (default: the site's first language).")
@click.option(
    "-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on."
)
@click.pass_obj
def serve(obj: Context, drafts: bool, lang: str | None, dev_addr: str) -> None:
    """Live preview for authors: rebuilds and reloads the browser on every save.

    \b
    Example:
      mochila serve --lang es --drafts
    """
    from .commands.preview import PreviewError, serve_preview

    project = obj.project()
    if lang is not None and lang not in project.settings.languages:
        raise click.BadParameter(
            f"'{lang}' is not a site language; choose one of "
            f"{', '.join(project.settings.languages)} (mochila/activities: languages).",
            param_hint="'--lang'",
        )
    try:
        serve_preview(project, drafts=drafts, lang=lang, dev_addr=dev_addr, echo=click.echo)
    except PreviewError as exc:
        raise CommandError(str(exc)) from exc


@main.command()
@click.argument("path", type=click.Path(exists=True, path_type=Path))
def verify(path: Path) -> None:
    """Check a bundle zip, or an unzipped copy on a USB stick, against its manifest.

    \b
    Example:
      mochila verify /media/USB/mochila-families-es-2026-11-20
    """
    from .bundler.verify import verify as verify_bundle

    report = verify_bundle(path)
    for problem in report.problems:
        click.echo(f"- {problem}")
    click.echo(report.summary())
    if not report.ok:
        sys.exit(1)


@main.command()
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default="build",
    show_default=True,
    help="Where report.html and report.json go; its bundles/ folder is described too.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["html", "json"]),
    default="html",
    show_default=True,
    help="json prints the report on standard output for dashboards, and writes nothing.",
)
@click.pass_obj
def report(obj: Context, output: Path, output_format: str) -> None:
    """Write a coverage report of the collection: ages, areas, translations, bundles, health.

    report.html opens in any browser without internet and prints on A4; report.json holds
    the same data (its fields are described in the README, "For coordinators").

    \b
    Example:
      mochila report && open build/report.html
      mochila report --format json > coverage.json
    """
    from .commands.report import ReportFailed, make_report, report_json, summary, write_report

    project = obj.project()
    try:
        data = make_report(project, output.resolve())
    except ReportFailed as exc:
        raise CommandError(str(exc)) from exc
    if output_format == "json":
        click.echo(report_json(data), nl=False)
        return
    written = write_report(data, output.resolve())
    for line in summary(data):
        click.echo(line)
    click.echo(f"Report: {written.html} (data: {written.json.name} beside it)")


@main.command()
@click.argument("old", type=click.Path(exists=True, path_type=Path))
@click.argument("new", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json lists every difference, for scripts.",
)
def diff(old: Path, new: Path, output_format: str) -> None:
    """Compare two editions of a bundle (zips or unzipped folders).

    Lists the activities added, changed and removed, and the files, with sizes. Exit status:
    0 when they are the same, 1 when they differ, 2 when one cannot be read.

    \b
    Example:
      mochila diff mochila-full-es-2026-10-01.zip build/bundles/mochila-full-es-2026-11-20.zip
    """
    from .bundler import BundleError
    from .bundler.diff import diff_bundles

    try:
        result = diff_bundles(old, new)
    except BundleError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    if output_format == "json":
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        for line in result.lines():
            click.echo(line)
    sys.exit(0 if result.same else 1)


class _CopyProgress:
    """A progress bar over the bytes ``mochila update`` copies (on a terminal only)."""

    def __init__(self) -> None:
        self.bar = None
        self.done = 0

    def __call__(self, done: int, total: int, name: str) -> None:
        if self.bar is None:
            self.bar = click.progressbar(length=max(total, 1), label="Copying", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


@main.command()
@click.argument("stick_folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("new_zip", type=click.Path(exists=True, path_type=Path))
def update(stick_folder: Path, new_zip: Path) -> None:
    """Bring a bundle copied on a USB stick to a newer edition, in place.

    Writes only the files that changed, deletes the ones the new edition dropped, then checks
    the stick against the new manifest. If it is interrupted (stick pulled out, laptop
    asleep), run the same command again: it finishes the job. STICK_FOLDER is the bundle's
    folder on the stick, or the stick itself.

    \b
    Example:
      mochila update /media/USB build/bundles/mochila-families-es-2026-11-20.zip
    """
    from .bundler import BundleError
    from .bundler.diff import human_size
    from .bundler.update import UpdateRefused, update_stick

    progress = _CopyProgress() if sys.stderr.isatty() else None
    try:
        result = update_stick(stick_folder, new_zip, progress)
    except UpdateRefused as exc:
        raise CommandError(f"{exc} Nothing on the stick was changed.") from exc
    except (BundleError, OSError) as exc:
        raise CommandError(
            f"The update stopped: {exc}. Check that the stick is plugged in and has free "
            "space, then run the same command again to finish it."
        ) from exc
    finally:
        if progress is not None:
            progress.close()
    folder = result.renamed_to or result.folder
    if result.resumed:
        click.echo("An interrupted update was found and finished.")
    if result.written or result.deleted or result.resumed:
        click.echo(
            f"Updated {folder} from edition {result.old_edition or '?'} to "
            f"{result.new_edition}: {result.written} files written "
            f"({human_size(result.bytes_copied)} copied), {result.deleted} deleted, "
            f"{result.kept} unchanged."
        )
    else:
        click.echo(f"{folder} already holds edition {result.new_edition}; nothing to copy.")
    if result.renamed_to is not None:
        click.echo(f"The folder was renamed after the new edition: {result.renamed_to.name}")
    for problem in result.verified.problems:
        click.echo(f"- {problem}")
    click.echo(result.verified.summary())
    if not result.ok:
        sys.exit(1)
