"""Application logs never hold a phone number, and each names the request it came from.

Records are redacted at creation (a log-record factory) rather than by a handler filter, so it
holds whichever handlers gunicorn, Flask or a test attaches later, and for exception text too
(a database error's message can quote the row it failed on). The same factory stamps each record
with its request's id (`X-Request-ID`, taken from the proxy or made here, and sent back).
In production gunicorn writes them as JSON lines (LOG_FORMAT=json, gunicorn.conf.py).
"""

import json
import logging
import re
import uuid
from datetime import UTC, datetime

from flask import Flask, g, has_request_context, request

PHONE = re.compile(r"\+\d{7,15}\b|\b1?\d{10}\b|\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b")
REDACTED = "[phone]"
_plain = logging.Formatter()


def redact(text: str) -> str:
    return PHONE.sub(REDACTED, text)


# A request id from outside is kept only when it looks like one (it is written into every log line).
REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


def _redacting(factory):
    def make_record(*args, **kwargs):
        record = factory(*args, **kwargs)
        record.msg, record.args = redact(record.getMessage()), None
        record.request_id = g.get("request_id", "-") if has_request_context() else "-"
        if record.exc_info:
            record.exc_text = redact(_plain.formatException(record.exc_info))
        return record

    make_record.redacts_phones = True
    return make_record


def redact_phone_numbers() -> None:
    """Install the redaction once per process."""
    factory = logging.getLogRecordFactory()
    if not getattr(factory, "redacts_phones", False):
        logging.setLogRecordFactory(_redacting(factory))


def register_request_id(app: Flask) -> None:
    """Give every request an id, kept from the proxy's X-Request-ID when well formed, and answer with it."""

    @app.before_request
    def take_request_id():
        given = request.headers.get("X-Request-ID", "")
        g.request_id = given if REQUEST_ID.fullmatch(given) else uuid.uuid4().hex

    @app.after_request
    def send_request_id(response):
        if "request_id" in g:
            response.headers["X-Request-ID"] = g.request_id
        return response


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message, request id, and the exception if any."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        if record.exc_info:
            entry["exception"] = record.exc_text or self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
