"""Error answers: JSON for the API, each door's own page elsewhere, never a stack trace."""

import sqlite3
from collections.abc import Callable

from flask import Flask, current_app, jsonify, request
from flask_babel import gettext as _
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import BadRequest, HTTPException, InternalServerError, ServiceUnavailable

from app.extensions import db

NUL = "\x00"
# Seconds a client is asked to wait when the database is busy or away (Retry-After).
RETRY_AFTER_SECONDS = 5


class DatabaseUnavailable(ServiceUnavailable):
    """The database is locked by another writer, or cannot be reached: try again shortly (503)."""

    def __init__(self):
        super().__init__(_("We are busy right now. Please try again in a moment."), retry_after=RETRY_AFTER_SECONDS)


def is_database_unavailable(error: BaseException | None) -> bool:
    """Whether `error` says the database is busy or away (worth a retry), not that a query is wrong.

    SQLite says "database is locked" once its busy timeout has passed; PostgreSQL's driver raises
    its OperationalError for a lost or refused connection, a lock timeout or a cancelled statement
    (a wrong query is a ProgrammingError); the pool times out when every connection is taken.
    """
    if isinstance(error, PoolTimeout):
        return True
    if not isinstance(error, DBAPIError):
        return False
    if error.connection_invalidated:
        return True
    cause = error.orig
    if isinstance(cause, sqlite3.OperationalError):
        text = str(cause)
        return "locked" in text or "busy" in text or "unable to open" in text or "disk I/O" in text
    return type(cause).__module__.startswith("psycopg") and isinstance(cause, _psycopg_operational_error())


def _psycopg_operational_error() -> type:
    import psycopg  # only ever asked once PostgreSQL is in use, which needs the driver

    return psycopg.OperationalError


class NulCharacter(BadRequest):
    """A request holding U+0000; `parameter` names where, when it is a named parameter."""

    def __init__(self, parameter: str | None):
        super().__init__(_("The request holds a character that cannot be stored (U+0000). Remove it and try again."))
        self.parameter = parameter


def error_headers(error: HTTPException) -> list[tuple[str, str]]:
    """The headers an error answer keeps whatever its body: Allow on a 405, Retry-After on a 429 or 503."""
    return [(name, value) for name, value in error.get_headers() if name.lower() != "content-type"]


def register_error_page(app: Flask, url_prefix: str, render: Callable[[HTTPException], object]) -> None:
    """Render HTTP errors under `url_prefix` with `render(error)` (a door's own page, in the
    user's language, with a way back); the door calls this when its blueprint is registered."""
    app.extensions.setdefault("error_pages", {})[url_prefix] = render


def _door_page(error: HTTPException):
    """The page of the door the request came through, or None where the door has none."""
    for url_prefix, render in current_app.extensions.get("error_pages", {}).items():
        if request.path.startswith(url_prefix):
            return render(error)
    return None


def register_error_handlers(app: Flask) -> None:
    """Answer HTTP errors under /api/ as JSON; log and hide unexpected ones."""

    @app.before_request
    def refuse_nul_characters():
        """Refuse (400) a URL or form holding U+0000: PostgreSQL's text columns cannot store it
        and no one types it, so it would otherwise fail as a 500 wherever it reached the database.
        Twilio's signed texts are left to the bot, which drops the character and keeps the rest."""
        if request.blueprint == "sms":
            return
        query = request.query_string
        if request.method == "GET" and b"%00" not in query and b"\0" not in query and NUL not in request.path:
            return  # the common case, decided without parsing the query: it holds U+0000 only as %00 or as itself
        named = [*(request.view_args or {}).items(), *request.args.items(multi=True)]
        if request.method == "POST":
            named += list(request.form.items(multi=True))
        for name, value in named:
            if NUL in name or NUL in str(value):
                raise NulCharacter(name.replace(NUL, "")[:40] or "?")
        if NUL in request.path:
            raise NulCharacter(None)

    @app.errorhandler(DBAPIError)
    @app.errorhandler(PoolTimeout)
    def database_error(error: Exception):
        """A busy or unreachable database: 503 with Retry-After, so the user (or Twilio, or the
        kiosk's queue) tries again, instead of a 500 that loses what they sent."""
        if not is_database_unavailable(error):
            return unexpected_error(error)
        db.session.rollback()
        app.logger.warning("database unavailable on %s: %s", request.path, error.__class__.__name__)
        return http_error(DatabaseUnavailable())

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if error.code == 500 and is_database_unavailable(getattr(error, "original_exception", None)):
            # the commit at the end of the request failed: Flask hands it over as a 500
            db.session.rollback()
            app.logger.warning("database unavailable at commit on %s", request.path)
            error = DatabaseUnavailable()
        if request.path.startswith("/api/"):
            body = {"error": {"status": error.code, "message": error.description or error.name}}
            if getattr(error, "parameter", None):
                body["error"]["parameter"] = error.parameter
            return jsonify(body), error.code, error_headers(error)
        page = _door_page(error)
        return error if page is None else page

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        app.logger.exception("unhandled error on %s", request.path)
        message = _("Something went wrong on our side. Please try again.")
        if request.path.startswith("/api/"):
            return jsonify({"error": {"status": 500, "message": message}}), 500
        page = _door_page(InternalServerError(message))
        return (message, 500) if page is None else page
