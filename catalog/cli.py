"""`flask catalog …`: import, export, convert and count the catalog."""

import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from flask_babel import force_locale, gettext

from app.db import unit_of_work
from app.i18n import LOCALES
from catalog import adapters
from catalog.csvformat import COLUMNS, REQUIRED, TRANSLATION_COLUMNS, header_problems, read_rows, school_row, write_csv
from catalog.labels import current as current_labels
from catalog.queries import all_schools, catalog_stats, record_of, translations
from catalog.services import import_schools

FORMATS = ("canonical", "nyc", "cps")
MAX_FILE_BYTES = 200 * 1024 * 1024
PROGRESS_FROM_ROWS = 2000


class InputError(click.ClickException):
    """A file that cannot be read at all (missing columns, wrong pairing, too big)."""


def _read(path: str) -> bytes:
    file = Path(path)
    if file.stat().st_size > MAX_FILE_BYTES:
        raise InputError(gettext("%(path)s is larger than %(limit)d MB.", path=path, limit=MAX_FILE_BYTES // 2**20))
    return file.read_bytes()


def _check_header(path: str, header: list[str], expected, required) -> None:
    problems = header_problems(header, expected, required)
    if problems:
        raise InputError("\n".join(f"{path}: {current_labels().problem(p)}" for p in problems))


def source_rows(paths: tuple[str, ...], fmt: str):
    """Return (file the line numbers refer to, canonical rows, approximate row count)."""
    if fmt == "nyc":
        if len(paths) != 2:
            raise InputError(gettext("--format nyc takes two files: the school locations and the high-school directory."))
        files = [(path, *read_rows(data), data.count(b"\n")) for path, data in ((p, _read(p)) for p in paths)]
        locations = [f for f in files if adapters.NYC_LOCATIONS_MARK in f[1]]
        directory = [f for f in files if adapters.NYC_DIRECTORY_MARK in f[1]]
        if len(locations) != 1 or len(directory) != 1:
            raise InputError(gettext("Could not tell the NYC school locations file from the high-school directory by their headers."))
        (loc_path, _h, loc_rows, size), (_dp, _dh, dir_rows, _ds) = locations[0], directory[0]
        return loc_path, adapters.nyc_rows(loc_rows, dir_rows), size
    if len(paths) != 1:
        raise InputError(gettext("--format %(format)s takes one file.", format=fmt))
    data = _read(paths[0])
    header, rows = read_rows(data)
    if fmt == "cps":
        if adapters.CPS_HEADER_MARK not in header:
            raise InputError(gettext("%(path)s is not a CPS school profile file.", path=paths[0]))
        return paths[0], adapters.cps_rows(rows), data.count(b"\n")
    _check_header(paths[0], header, COLUMNS, REQUIRED)
    return paths[0], rows, data.count(b"\n")


@click.group("catalog")
def catalog_cli():
    """Import, export and inspect the school catalog."""


@catalog_cli.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="canonical", show_default=True)
@click.option("--translations", "translations_path", type=click.Path(exists=True, dir_okay=False), help="CSV of id,field,locale,text.")
@click.option("--dry-run", is_flag=True, help="Check and report; change nothing.")
@click.option("--partial", is_flag=True, help="Import the good rows even if some are rejected.")
@with_appcontext
def import_command(paths, fmt, translations_path, dry_run, partial):
    """Import schools from a canonical CSV, or from a published directory with --format."""
    with force_locale(current_app.config["DEFAULT_LOCALE"]):
        source, rows, size = source_rows(paths, fmt)
        text_rows = ()
        if translations_path:
            header, text_rows = read_rows(_read(translations_path))
            _check_header(translations_path, header, TRANSLATION_COLUMNS, TRANSLATION_COLUMNS)
        with click.progressbar(length=size, label=gettext("Reading"), file=sys.stderr) if size >= PROGRESS_FROM_ROWS else _NoBar() as bar:
            with unit_of_work():
                report = import_schools(
                    rows,
                    text_rows=text_rows,
                    locales=[loc for loc in LOCALES if loc != "en"],
                    partial=partial,
                    dry_run=dry_run,
                    on_row=lambda: bar.update(1),
                )
        labels = current_labels()
        for file, problem in report.problems:
            where = translations_path if file == "translations" else source
            kind = gettext("warning") if problem.is_warning else gettext("rejected")
            click.echo(f"{where}:{problem.line}: {problem.column}: {kind}: {labels.problem(problem)}", err=True)
        click.echo(
            gettext(
                "%(rows)d rows: %(new)d new, %(changed)d changed, %(unchanged)d unchanged, %(rejected)d rejected.",
                rows=report.rows, new=len(report.new), changed=len(report.changed), unchanged=report.unchanged, rejected=report.rejected,
            )
        )  # fmt: skip
        if translations_path:
            click.echo(
                gettext(
                    "Translations: %(new)d new, %(changed)d changed, %(unchanged)d unchanged.",
                    new=report.texts_new, changed=report.texts_changed, unchanged=report.texts_unchanged,
                )
            )  # fmt: skip
        if not report.applied:
            click.echo(
                gettext("Dry run: nothing was changed.")
                if dry_run
                else gettext("Nothing was imported: fix the rejected rows, or use --partial.")
            )
        if report.rejected:
            sys.exit(1)


class _NoBar:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def update(self, n):
        pass


@catalog_cli.command("export")
@click.argument("path", type=click.Path(dir_okay=False, writable=True))
@click.option("--translations", "translations_path", type=click.Path(dir_okay=False, writable=True), help="Also write translations here.")
@with_appcontext
def export_command(path, translations_path):
    """Export the catalog as canonical CSV (and its translations as id,field,locale,text)."""
    rows = (school_row(record_of(school)) for school in all_schools())
    Path(path).write_text(write_csv(rows, COLUMNS), encoding="utf-8")
    if translations_path:
        texts = ({"id": t.school_id, "field": t.field, "locale": t.locale, "text": t.text} for t in translations())
        Path(translations_path).write_text(write_csv(texts, TRANSLATION_COLUMNS), encoding="utf-8")
    click.echo(gettext("Exported to %(path)s.", path=path))


@catalog_cli.command("convert")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(FORMATS[1:]), required=True)
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, writable=True))
@with_appcontext
def convert_command(paths, fmt, output):
    """Convert a published directory into canonical CSV, without importing it."""
    _source, rows, _size = source_rows(paths, fmt)
    canonical = ({column: row.get(column, "") for column in COLUMNS} for _line, row in rows)
    Path(output).write_text(write_csv(canonical, COLUMNS), encoding="utf-8")
    click.echo(gettext("Exported to %(path)s.", path=output))


@catalog_cli.command("stats")
@with_appcontext
def stats_command():
    """Count the schools by sector, need and program."""
    stats = catalog_stats()
    click.echo(f"schools: {stats['schools']}")
    for section in ("by_sector", "by_need", "by_program"):
        click.echo(f"{section}:")
        for key, count in stats[section].items():
            click.echo(f"  {key}: {count}")
    click.echo(f"approximate_locations: {stats['approximate_locations']}")
    click.echo(f"never_verified: {stats['never_verified']}")
