"""`flask catalog …`: import, export, convert and count the catalog."""

import sys
from contextlib import contextmanager
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from flask_babel import force_locale, gettext

from app.db import unit_of_work
from catalog.csvformat import COLUMNS, TRANSLATION_COLUMNS, school_row, write_csv
from catalog.labels import current as current_labels
from catalog.queries import all_schools, catalog_stats, record_of, translations
from catalog.services import import_schools
from catalog.sources import FORMATS, TRANSLATED_LOCALES, SourceError, source_rows, translation_rows

MAX_FILE_BYTES = 200 * 1024 * 1024
PROGRESS_FROM_ROWS = 2000


class InputError(click.ClickException):
    """A file that cannot be read at all (missing columns, wrong pairing, too big)."""


def _read(path: str) -> bytes:
    file = Path(path)
    if file.stat().st_size > MAX_FILE_BYTES:
        raise InputError(gettext("%(path)s is larger than %(limit)d MB.", path=path, limit=MAX_FILE_BYTES // 2**20))
    return file.read_bytes()


def _files(paths) -> list[tuple[str, bytes]]:
    return [(path, _read(path)) for path in paths]


@contextmanager
def _input_errors():
    """Report a file that cannot be read as the command's error (rows are read lazily, so around the import too)."""
    try:
        yield
    except SourceError as error:
        raise InputError(str(error)) from error


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
    with force_locale(current_app.config["DEFAULT_LOCALE"]), _input_errors():
        source, rows, size = source_rows(_files(paths), fmt)
        text_rows = translation_rows(translations_path, _read(translations_path)) if translations_path else ()
        with click.progressbar(length=size, label=gettext("Reading"), file=sys.stderr) if size >= PROGRESS_FROM_ROWS else _NoBar() as bar:
            with unit_of_work():
                report = import_schools(
                    rows,
                    text_rows=text_rows,
                    locales=TRANSLATED_LOCALES,
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
    with _input_errors():
        _source, rows, _size = source_rows(_files(paths), fmt)
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
