"""Application logs never hold a phone number: every log record is redacted as it is made.

Records are redacted at creation (a log-record factory) rather than by a handler filter, so it
holds whichever handlers gunicorn, Flask or a test attaches later, and for exception text too
(a database error's message can quote the row it failed on).
"""

import logging
import re

PHONE = re.compile(r"\+\d{7,15}\b|\b1?\d{10}\b|\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b")
REDACTED = "[phone]"
_plain = logging.Formatter()


def redact(text: str) -> str:
    return PHONE.sub(REDACTED, text)


def _redacting(factory):
    def make_record(*args, **kwargs):
        record = factory(*args, **kwargs)
        record.msg, record.args = redact(record.getMessage()), None
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
