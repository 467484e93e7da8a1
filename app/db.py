"""The one place that commits: the end of a request, or a `unit_of_work()` block."""

import json
import logging
import sqlite3
from collections.abc import Callable
from contextlib import contextmanager

from flask import Flask
from sqlalchemy import JSON, Table, delete, event, insert, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import Engine

from app.extensions import db

log = logging.getLogger(__name__)
AFTER_COMMIT = "after_commit"  # the session's list of work to run once it commits


@contextmanager
def unit_of_work():
    """Commit everything done inside the block, or roll all of it back on an error."""
    try:
        yield db.session
        db.session.commit()
    except BaseException:
        _rollback()
        raise
    _run_after_commit()


def after_commit(callback: Callable[[], None]) -> None:
    """Run `callback()` once the work in hand is committed, never if it is rolled back (an
    outbound text is enqueued only once the row it delivers is there for the worker to read)."""
    db.session.info.setdefault(AFTER_COMMIT, []).append(callback)


def _run_after_commit() -> None:
    for callback in db.session.info.pop(AFTER_COMMIT, []):
        try:
            callback()
        except Exception:  # what was committed stands; the callback's own work says what it lost
            log.exception("after-commit work failed")


def _rollback() -> None:
    db.session.info.pop(AFTER_COMMIT, None)
    db.session.rollback()


def register_commit_boundary(app: Flask) -> None:
    """Commit after a successful request and roll back after a failed one."""

    @app.after_request
    def commit_on_success(response):
        if response.status_code < 400:
            session = db.session()
            if session.in_transaction() or session.new:  # a request that read nothing through the
                session.commit()  # session (a cached API answer) has nothing to commit
            _run_after_commit()
        else:
            _rollback()
        return response

    @app.teardown_request
    def rollback_on_error(error):
        if error is not None:
            _rollback()


@event.listens_for(Engine, "connect")
def _tune_sqlite(connection, _record) -> None:
    """SQLite with several workers: readers never wait for the writer (WAL), and a commit does
    not wait for the disk on every write (WAL with synchronous=NORMAL stays consistent; a power
    cut can lose the last commits only). A writer waits its turn for DATABASE_LOCK_TIMEOUT
    (the driver's `timeout`, set in create_app), then fails as "database is locked": a 503."""
    if isinstance(connection, sqlite3.Connection):
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON"):
            connection.execute(f"PRAGMA {pragma}")


def upsert_statement(table, dialect: str):
    """Return an INSERT for `table` that can say ON CONFLICT (SQLite's and PostgreSQL's own)."""
    return (postgresql if dialect == "postgresql" else sqlite_dialect).insert(table)


def insert_rows(table: Table, rows: list[dict], chunk: int = 500) -> None:
    """Insert many new rows of one shape into `table` in the work in hand (no commit). PostgreSQL
    reads them through COPY, which an import of 100,000 schools waited on for a third of the
    time an INSERT a row took; other databases take them `chunk` rows a statement (well under
    SQLite's bound-parameter limit). A column a row leaves out gets its default, as an INSERT
    would give it."""
    if not rows:
        return
    if db.session.get_bind().dialect.name != "postgresql":
        for start in range(0, len(rows), chunk):
            db.session.execute(insert(table), rows[start : start + chunk])
        return
    db.session.flush()  # what the rows refer to is written first
    given = list(rows[0])
    defaults = [(c.name, _default(c)) for c in table.columns if c.name not in given and c.default is not None]
    as_json = {c.name for c in table.columns if isinstance(c.type, JSON)}
    connection = db.session.connection()
    quote = connection.dialect.identifier_preparer.quote
    columns = ", ".join(quote(c) for c in [*given, *(name for name, _ in defaults)])
    with (
        connection.connection.driver_connection.cursor() as cursor,
        cursor.copy(f"COPY {quote(table.name)} ({columns}) FROM STDIN") as copy,
    ):
        for row in rows:
            values = [json.dumps(row[c]) if c in as_json else row[c] for c in given]
            copy.write_row(values + [value for _, value in defaults])


def _default(column):
    """A column's Python-side default value (a callable's taken once for all the rows)."""
    return column.default.arg(None) if column.default.is_callable else column.default.arg


def delete_batch(key, *conditions, size: int) -> int:
    """Delete at most `size` rows of `key`'s table that meet `conditions` (a retention purge's
    batch, short enough never to hold a table for long); return how many. Flushes only."""
    batch = select(key).where(*conditions).limit(size)
    return db.session.execute(delete(key.class_).where(key.in_(batch))).rowcount or 0
