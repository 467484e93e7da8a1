"""JSON errors for the API, never a stack trace."""

from flask import Flask, jsonify, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException


def register_error_handlers(app: Flask) -> None:
    """Answer HTTP errors under /api/ as JSON; log and hide unexpected ones."""

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if request.path.startswith("/api/"):
            body = {"error": {"status": error.code, "message": error.description or error.name}}
            return jsonify(body), error.code
        return error

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        app.logger.exception("unhandled error on %s", request.path)
        message = _("Something went wrong on our side. Please try again.")
        if request.path.startswith("/api/"):
            return jsonify({"error": {"status": 500, "message": message}}), 500
        return message, 500
