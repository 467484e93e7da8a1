"""bench/floor.py: each level answers a signed text as the webhook would, and does only its own steps."""

import shutil
import sqlite3

import pytest
from twilio.request_validator import RequestValidator

from bench.floor import LEVELS, create_app

TOKEN = "floor-token"


@pytest.fixture
def catalog(sqlite_template, tmp_path, monkeypatch):
    path = tmp_path / "floor.db"
    shutil.copy(sqlite_template, path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    return path


@pytest.mark.parametrize("level", LEVELS)
def test_each_level_answers_a_signed_text_once_and_refuses_a_forged_one(level, catalog):
    client = create_app(level).test_client()
    form = {"From": "+17735550101", "To": "+13125550000", "Body": "grade 3 near 60637", "MessageSid": "SMfloor1"}
    signature = RequestValidator(TOKEN).compute_signature("http://localhost/sms/inbound", form)

    assert client.post("/sms/inbound", data=form, headers={"X-Twilio-Signature": "forged"}).status_code == 403
    for _delivery in range(2):  # Twilio retrying: stored once
        response = client.post("/sms/inbound", data=form, headers={"X-Twilio-Signature": signature})
        assert response.status_code == 200 and response.mimetype == "application/xml"

    answer = "search" if level in ("understood", "remembered") else form["Body"]
    assert response.text == f"<Response><Message>{answer}</Message></Response>"
    with sqlite3.connect(catalog) as database:
        stored = database.execute("SELECT count(*) FROM sms_message WHERE sid = 'SMfloor1'").fetchone()[0]
        remembered = database.execute("SELECT count(*) FROM sms_conversation WHERE phone = '+17735550101'").fetchone()[0]
    assert stored == (0 if level == "signed" else 1)
    assert remembered == (1 if level == "remembered" else 0)
