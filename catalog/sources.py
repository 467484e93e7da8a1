"""Read the files an import takes: the schools file(s) of a format, and a translations file.

Works on (file name, bytes) pairs, so `flask catalog import` (files on disk) and the staff
upload page (files from the browser) refuse the same files with the same, translated, reasons.
"""

import csv
from collections.abc import Iterator

from flask_babel import gettext

from app.i18n import LOCALES
from catalog import adapters
from catalog.csvformat import COLUMNS, NOT_UTF8_RE, REQUIRED, TRANSLATION_COLUMNS, header_problems, read_rows
from catalog.labels import current as current_labels

FORMATS = ("canonical", "nyc", "cps")
TRANSLATED_LOCALES = tuple(locale for locale in LOCALES if locale != "en")  # English comes from the schools file
# A header column only another format's files have: a canonical import of such a file names the format
# instead of listing dozens of unknown columns.
OTHER_FORMAT_MARKS = {adapters.CPS_HEADER_MARK: "cps", adapters.NYC_LOCATIONS_MARK: "nyc", adapters.NYC_DIRECTORY_MARK: "nyc"}

Rows = Iterator[tuple[int, dict]]


class SourceError(ValueError):
    """A file that cannot be read at all: empty, not UTF-8, missing columns, the wrong file for its format."""

    def __init__(self, *messages: str):
        super().__init__("\n".join(messages))
        self.messages = list(messages)


def _open(name: str, data: bytes) -> tuple[list[str], Rows]:
    """Return a file's header and its rows; refuse a file with no header or a header that is not UTF-8."""
    try:
        header, rows = read_rows(data)
    except csv.Error as error:
        raise _unreadable(name, 1) from error
    if not any(header):
        raise SourceError(gettext("%(name)s is empty.", name=name))
    if any(NOT_UTF8_RE.search(column) for column in header):
        raise SourceError(gettext("%(name)s is not UTF-8 text: save it as “CSV UTF-8” and try again.", name=name))
    return header, _readable(name, rows)


def _readable(name: str, rows: Rows) -> Rows:
    """Yield the rows; a file the csv module cannot split (a quote left open) stops with a SourceError."""
    line = 1
    try:
        for line, row in rows:
            yield line, row
    except csv.Error as error:
        raise _unreadable(name, line) from error


def _unreadable(name: str, line: int) -> SourceError:
    return SourceError(gettext("%(name)s cannot be read as CSV near line %(line)d.", name=name, line=line))


def _check_header(name: str, header: list[str], expected, required) -> None:
    problems = header_problems(header, expected, required)
    if problems:
        labels = current_labels()
        raise SourceError(*(f"{name}: {labels.problem(p)}" for p in problems))


def source_rows(files: list[tuple[str, bytes]], fmt: str) -> tuple[str, Rows, int]:
    """Return (the file the line numbers refer to, its canonical rows, its approximate row count).

    `files` are (name, bytes) pairs: one file, or for `nyc` the school locations and the
    high-school directory in either order. Raises SourceError for files that cannot be read.
    """
    if fmt == "nyc":
        if len(files) != 2:
            raise SourceError(gettext("The NYC format takes two files: the school locations and the high-school directory."))
        opened = [(name, *_open(name, data), data.count(b"\n")) for name, data in files]
        locations = [f for f in opened if adapters.NYC_LOCATIONS_MARK in f[1]]
        directory = [f for f in opened if adapters.NYC_DIRECTORY_MARK in f[1]]
        if len(locations) != 1 or len(directory) != 1:
            raise SourceError(gettext("Could not tell the NYC school locations file from the high-school directory by their headers."))
        (loc_name, _h, loc_rows, size), (_dn, _dh, dir_rows, _ds) = locations[0], directory[0]
        return loc_name, adapters.nyc_rows(loc_rows, dir_rows), size
    if len(files) != 1:
        raise SourceError(gettext("The “%(format)s” format takes one file.", format=fmt))
    [(name, data)] = files
    header, rows = _open(name, data)
    if fmt == "cps":
        if adapters.CPS_HEADER_MARK not in header:
            raise SourceError(gettext("%(path)s is not a CPS school profile file.", path=name))
        return name, adapters.cps_rows(rows), data.count(b"\n")
    other = next((OTHER_FORMAT_MARKS[column] for column in header if column in OTHER_FORMAT_MARKS), None)
    if other:
        raise SourceError(gettext("%(name)s is a file of the “%(format)s” format, not a canonical catalog file.", name=name, format=other))
    _check_header(name, header, COLUMNS, REQUIRED)
    return name, rows, data.count(b"\n")


def translation_rows(name: str, data: bytes) -> Rows:
    """Return the rows of a translations file (id, field, locale, text); raises SourceError for a bad file."""
    header, rows = _open(name, data)
    _check_header(name, header, TRANSLATION_COLUMNS, TRANSLATION_COLUMNS)
    return rows
