"""Catalog files uploaded from the browser: kept, checked by a dry run, then imported once.

The same reading (`catalog.sources`) and the same import (`catalog.services.import_schools`)
as `flask catalog import`, with the uploader as the actor of every change. Flushes only.
"""

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from flask_babel import gettext
from sqlalchemy import update

from app.extensions import db
from catalog.csvformat import Problem
from catalog.services import ImportReport, import_schools
from catalog.sources import TRANSLATED_LOCALES, SourceError, source_rows, translation_rows
from staff.models import ImportUpload, StaffUser

File = tuple[str, bytes]  # (name, content)
OnRow = Callable[[], None] | None  # called after each row read (a job's progress)
LIST_LIMIT = 200  # school ids kept of a report (the page lists them)
PROBLEM_LIMIT = 500  # rejected rows and warnings kept of a report (the page's table)


class AlreadyApplied(Exception):
    """The upload was imported before: an upload is imported once."""


@dataclass(frozen=True)
class StoredReport:
    """What a check or an import of an upload found, as the upload keeps it for its page: every
    count, and the first LIST_LIMIT school ids and PROBLEM_LIMIT problems."""

    kind: str  # "check" (nothing written) | "import"
    at: datetime
    rows: int
    new: list[str]
    new_count: int
    changed: list[str]
    changed_count: int
    unchanged: int
    rejected: int
    problems: list[tuple[str, Problem]]  # (file: "schools" | "translations", problem)
    problem_count: int
    texts_new: int
    texts_changed: int
    texts_unchanged: int
    applied: bool
    file_names: dict[str, str]  # the report's file → the uploaded file's name


@dataclass(frozen=True)
class Checked:
    """An import's report, with the name of the file each of its problems is in."""

    report: ImportReport
    file_names: dict[str, str]  # the report's file ("schools" | "translations") → the uploaded file's name


def store_upload(user: StaffUser, fmt: str, files: list[File], translations: File | None) -> ImportUpload:
    """Keep the files of an import for its dry run, once they read as files of this format.

    `files` is the schools file, or the two NYC files. Raises SourceError, keeping nothing,
    for a file that cannot be read at all.
    """
    if translations and fmt != "canonical":
        raise SourceError(gettext("A translations file goes with a canonical catalog file only."))
    _source, rows, _size = source_rows(files, fmt)
    deque(rows, maxlen=0)  # read through once: a file the csv module cannot split is refused now, not at the dry run
    if translations:
        deque(translation_rows(*translations), maxlen=0)
    (name, data), *directory = files
    upload = ImportUpload(
        rows_estimate=max(0, data.count(b"\n") - 1),
        user_id=user.id,
        fmt=fmt,
        # [schools file, NYC directory or None, translations or None], as the data columns
        filenames=[name, directory[0][0] if directory else None, translations[0] if translations else None],
        schools_data=data,
        extra_data=directory[0][1] if directory else None,
        translations_data=translations[1] if translations else None,
    )
    db.session.add(upload)
    db.session.flush()
    return upload


def find_upload(upload_id: int, user: StaffUser) -> ImportUpload | None:
    """Return an upload for the account that made it, or an admin; None for anyone else."""
    upload = db.session.get(ImportUpload, upload_id)
    if upload is None or (upload.user_id != user.id and user.role != "admin"):
        return None
    return upload


def dry_run(upload: ImportUpload, on_row: OnRow = None) -> Checked:
    """Report what importing the upload would do to the catalog as it is now; change nothing."""
    return _import(upload, dry_run=True, on_row=on_row)


def apply_upload(upload: ImportUpload, user: StaffUser, partial: bool, on_row: OnRow = None) -> Checked:
    """Import an upload found with `find_upload`, each change in the name of `user`.

    With rejected rows nothing is imported unless `partial`; then the upload stays open for
    another try. Raises AlreadyApplied when it was imported before.
    """
    # Claiming the row first makes a second, simultaneous apply wait for this one and find it taken.
    claimed = db.session.execute(
        update(ImportUpload).where(ImportUpload.id == upload.id, ImportUpload.applied_at.is_(None)).values(applied_at=datetime.now(UTC))
    )
    if claimed.rowcount == 0:
        raise AlreadyApplied(upload.id)
    checked = _import(upload, dry_run=False, partial=partial, actor=user.email, on_row=on_row)
    if not checked.report.applied:
        upload.applied_at = None
        db.session.flush()
    return checked


def _import(upload: ImportUpload, **options) -> Checked:
    files = [(upload.filenames[0], upload.schools_data)]
    if upload.extra_data is not None:
        files.append((upload.filenames[1], upload.extra_data))
    source, rows, _size = source_rows(files, upload.fmt)
    file_names = {"schools": source}
    text_rows = ()
    if upload.translations_data is not None:
        file_names["translations"] = upload.filenames[2]
        text_rows = translation_rows(upload.filenames[2], upload.translations_data)
    report = import_schools(rows, text_rows=text_rows, locales=TRANSLATED_LOCALES, **options)
    return Checked(report, file_names)


def _plain(value):
    return value if value is None or isinstance(value, str | int | float | bool) else str(value)


def keep_report(upload: ImportUpload, checked: Checked, kind: str, now: datetime) -> None:
    """Keep what a check or an import found on the upload, for its page (JSON: its first ids and problems)."""
    report = checked.report
    upload.report = {
        "kind": kind,
        "at": now.isoformat(),
        "rows": report.rows,
        "new": report.new[:LIST_LIMIT],
        "new_count": len(report.new),
        "changed": report.changed[:LIST_LIMIT],
        "changed_count": len(report.changed),
        "unchanged": report.unchanged,
        "rejected": report.rejected,
        "problems": [
            [file, p.line, p.column, p.message, {k: _plain(v) for k, v in p.params.items()}, p.is_warning]
            for file, p in report.problems[:PROBLEM_LIMIT]
        ],
        "problem_count": len(report.problems),
        "texts_new": report.texts_new,
        "texts_changed": report.texts_changed,
        "texts_unchanged": report.texts_unchanged,
        "applied": report.applied,
        "file_names": checked.file_names,
    }
    upload.job_error = None


def kept_report(upload: ImportUpload) -> StoredReport | None:
    """The report the upload keeps, None before its first check."""
    if not upload.report:
        return None
    values = dict(upload.report)
    values["at"] = datetime.fromisoformat(values["at"])
    values["problems"] = [
        (file, Problem(line, column, message, params, warning)) for file, line, column, message, params, warning in values["problems"]
    ]
    return StoredReport(**values)
