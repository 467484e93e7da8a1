"""A database that is busy or away is said as such (503 with Retry-After), never a bare 500, and
the health check says so too; a query that is simply wrong is still a 500."""

import sqlite3

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from app import create_app
from app.errors import is_database_unavailable
from app.extensions import db
from tests.conftest import _free_port


@pytest.fixture
def unreachable_app():
    """The app pointed at a PostgreSQL server that is not there (nothing listens on the port)."""
    return create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"postgresql+psycopg://sb@127.0.0.1:{_free_port()}/sb"})


def test_an_unreachable_database_is_a_503_in_json_for_the_api(unreachable_app):
    response = unreachable_app.test_client().get("/api/v1/schools?grade=K&lang=es")
    assert response.status_code == 503 and response.headers["Retry-After"].isdigit()
    assert response.json["error"]["status"] == 503 and "momento" in response.json["error"]["message"]  # in the family's language


def test_the_health_check_says_when_the_database_is_away(unreachable_app):
    assert unreachable_app.test_client().get("/healthz").status_code == 503


def test_the_health_check_says_when_a_writer_holds_sqlite(client, database_url):
    writer = sqlite3.connect(database_url.removeprefix("sqlite:///"), isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        assert client.get("/healthz").status_code == 503
        assert client.get("/api/v1/schools?grade=K").status_code == 200  # readers are not held (WAL)
    finally:
        writer.rollback()
    assert client.get("/healthz").status_code == 200


def test_only_a_busy_or_lost_database_counts_as_unavailable():
    locked = OperationalError("INSERT …", {}, sqlite3.OperationalError("database is locked"))
    wrong = OperationalError("SELECT nope", {}, sqlite3.OperationalError("no such column: nope"))
    assert is_database_unavailable(locked) and not is_database_unavailable(wrong)
    assert not is_database_unavailable(ValueError("not a database error"))


def test_a_failed_statement_never_shows_its_values(app):
    # a database error's message reaches the logs: a family's name must not
    from sqlalchemy.exc import DBAPIError

    with app.app_context():
        try:
            db.session.execute(text("SELECT nope FROM nowhere WHERE name = :name"), {"name": "María Secreta"})
        except DBAPIError as error:
            message = str(error)
        db.session.rollback()
    assert "nowhere" in message and "María" not in message


def test_a_locked_database_met_by_the_revision_read_alone_is_a_503(app, client, monkeypatch):
    # a cached API answer's only statement is the revision, read on a bare driver connection:
    # its errors must be wrapped as every statement's are, or a busy database would be a 500
    with app.app_context():
        engine = db.engine

        class LockedCursor:
            def execute(self, _sql):
                raise sqlite3.OperationalError("database is locked")

            def close(self):
                pass

        taken = engine.raw_connection

        def raw_connection():
            connection = taken()
            monkeypatch.setattr(connection, "cursor", LockedCursor, raising=False)
            return connection

        monkeypatch.setattr(engine, "raw_connection", raw_connection)
        response = client.get("/api/v1/schools?grade=K")
    assert response.status_code == 503 and response.headers["Retry-After"].isdigit()
    monkeypatch.undo()
    assert client.get("/api/v1/schools?grade=K").status_code == 200  # the connection went back to the pool


def test_a_statement_run_on_the_drivers_cursor_fails_as_any_statement_does(app):
    # the search's statements run past SQLAlchemy's execution: their errors must still be
    # SQLAlchemy's (a busy database a 503, a wrong statement a 500), never showing a family's words
    from sqlalchemy import bindparam, literal_column, select

    from catalog.queries import prepare, run_prepared

    with app.app_context():
        wrong = prepare(select(literal_column("nope")).where(literal_column("name") == bindparam("name")), db.engine.dialect)
        with pytest.raises(OperationalError) as failed:
            run_prepared(wrong, {"name": "María Secreta"})
        db.session.rollback()
    assert "nope" in str(failed.value) and "María" not in str(failed.value)
    assert not is_database_unavailable(failed.value)


def test_a_statement_run_on_the_drivers_cursor_reads_values_as_sqlalchemy_does(app):
    # on SQLite a true/false column comes back as 0/1 and a date as text: read as SQLAlchemy reads them
    from datetime import date

    from sqlalchemy import select

    from catalog.models import School
    from catalog.queries import prepare, run_prepared

    with app.app_context():
        db.session.add(School(id="x-1", name="X", sector="district", grade_low=0, grade_high=5, grades_offered=0b111111,
                              application_deadline=date(2027, 3, 1), location_approximate=True))  # fmt: skip
        db.session.flush()
        statement = select(School.id, School.application_deadline, School.location_approximate, School.enrollment)
        [row] = run_prepared(prepare(statement, db.engine.dialect), {})
        db.session.rollback()
    assert row == ("x-1", date(2027, 3, 1), True, None)
    assert row.application_deadline == date(2027, 3, 1) and row.location_approximate is True
