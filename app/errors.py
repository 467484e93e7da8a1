"""Error answers: JSON for the API, each door's own page elsewhere, never a stack trace."""

from collections.abc import Callable

from flask import Flask, current_app, jsonify, request
from flask_babel import gettext as _
from werkzeug.exceptions import BadRequest, HTTPException, InternalServerError

NUL = "\x00"


class NulCharacter(BadRequest):
    """A request holding U+0000; `parameter` names where, when it is a named parameter."""

    def __init__(self, parameter: str | None):
        super().__init__(_("The request holds a character that cannot be stored (U+0000). Remove it and try again."))
        self.parameter = parameter


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
        named = [*(request.view_args or {}).items(), *request.args.items(multi=True)]
        if request.method == "POST":
            named += list(request.form.items(multi=True))
        for name, value in named:
            if NUL in name or NUL in str(value):
                raise NulCharacter(name.replace(NUL, "")[:40] or "?")
        if NUL in request.path:
            raise NulCharacter(None)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if request.path.startswith("/api/"):
            body = {"error": {"status": error.code, "message": error.description or error.name}}
            if getattr(error, "parameter", None):
                body["error"]["parameter"] = error.parameter
            response = jsonify(body)
            response.status_code = error.code
            for name, value in error.get_headers():  # Allow on a 405, Retry-After on a 429 or 503
                if name.lower() != "content-type":
                    response.headers[name] = value
            return response
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
