"""What the SMS budget leaves: the bare form echo plus only the steps every text must pay for.

`make bench` serves this app beside the real webhook, one level at a time, each adding a step to
the one before (`gunicorn "bench.floor:create_app('stored')"`):

- signed: the echo, answered only if Twilio's signature checks (`RequestValidator`, as the webhook);
- stored: and the text stored before it is answered (a retried MessageSid must be answered once and
  logged once): one INSERT and one COMMIT, straight through `sqlite3`;
- understood: and the text read by `sms.understand.parse` against the catalog's school names,
  kept per text as the bot keeps it;
- remembered: and the sender's conversation read before and written after (state per number).

None of them searches, steps a conversation, writes replies, limits a sender or uses the app's
extensions: each level is a floor under the real webhook's cost, not a way to answer a text.
"""

import json
import os
import sqlite3
from datetime import UTC, datetime
from functools import lru_cache

from flask import Flask, abort, request
from twilio.request_validator import RequestValidator

LEVELS = {  # level → what it adds, as bench/RESULTS.md says it
    "signed": "Twilio's signature checked",
    "stored": "+ the text stored",
    "understood": "+ the text read (`parse`)",
    "remembered": "+ the conversation read and written",
}

STORE = (
    "INSERT INTO sms_message (sid, direction, phone, body, status, created_at) "
    "VALUES (?, 'in', ?, ?, 'received', ?) ON CONFLICT (sid) DO NOTHING"
)
READ_STATE = "SELECT locale, state FROM sms_conversation WHERE phone = ?"
WRITE_STATE = (
    "INSERT INTO sms_conversation (phone, locale, state, updated_at) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (phone) DO UPDATE SET locale = excluded.locale, state = excluded.state, updated_at = excluded.updated_at"
)


def create_app(level: str) -> Flask:
    """The echo with every step up to `level` (a key of LEVELS); the catalog is DATABASE_URL's SQLite file."""
    levels = list(LEVELS)
    steps = levels[: levels.index(level) + 1]
    app = Flask(__name__)
    validator = RequestValidator(os.environ["TWILIO_AUTH_TOKEN"])
    database = None
    if "stored" in steps:
        database = sqlite3.connect(os.environ["DATABASE_URL"].removeprefix("sqlite:///"), isolation_level=None)
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "busy_timeout=2000"):  # as the app (DATABASE_LOCK_TIMEOUT)
            database.execute(f"PRAGMA {pragma}")
    understand = None
    if "understood" in steps:
        from sms.understand import SchoolNames, parse

        names = SchoolNames.build(list(database.execute("SELECT id, name FROM school")))
        understand = lru_cache(maxsize=8192)(lambda text: parse(text, None, schools=names))

    @app.post("/sms/inbound")
    def inbound():
        form = request.form
        if not validator.validate(request.url, form.to_dict(), request.headers.get("X-Twilio-Signature", "")):
            abort(403)
        phone, body = form.get("From", ""), form.get("Body", "")
        answer = body
        if database is None:
            return _twiml(answer)
        now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        database.execute("BEGIN")
        if "remembered" in steps:
            database.execute(READ_STATE, (phone,)).fetchone()
        database.execute(STORE, (form.get("MessageSid"), phone, body, now))
        if understand is not None:
            answer = understand(body).intent
        if "remembered" in steps:
            database.execute(WRITE_STATE, (phone, "en", json.dumps({"intent": answer}), now))
        database.execute("COMMIT")
        return _twiml(answer)

    return app


def _twiml(text: str) -> tuple:
    return f"<Response><Message>{text}</Message></Response>", 200, {"Content-Type": "application/xml"}
