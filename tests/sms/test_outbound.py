"""Outbound texts through Twilio's REST client (a fake HTTP client at the network edge) and
delivery callbacks: opt-outs are checked first, error 21610 opts a number out."""

import re
import socket

import pytest
from sqlalchemy import select

from app.db import unit_of_work
from app.extensions import db
from sms.models import Message, OptOut
from sms.outbound import record_status, send, send_shortlist
from sms.replies import TEMPLATES
from sms.segments import fits, gsm_friendly
from tests.fakes import ACCOUNT
from tests.sms.test_replies import gettext_for

FAMILY = "+17735550101"


def run(app, action, *args):
    """Call a service in its own app context and unit of work, as a request or command would;
    return the text as it is once that work committed (and, without Redis, was delivered)."""
    with app.app_context():
        with unit_of_work():
            message_id = action(*args).id
        result = db.session.get(Message, message_id)
        db.session.refresh(result)
        return {
            "id": result.id,
            "sid": result.sid,
            "status": result.status,
            "body": result.body,
            "error_code": result.error_code,
            "error_reason": result.error_reason,
        }


def messages(app, phone=FAMILY):
    with app.app_context():
        return [
            (m.direction, m.status, m.body) for m in db.session.scalars(select(Message).where(Message.phone == phone).order_by(Message.id))
        ]


def opted_out(app, phone=FAMILY) -> bool:
    with app.app_context():
        return db.session.get(OptOut, phone) is not None


def test_a_text_goes_out_through_the_rest_api_with_a_status_callback(app, twilio):
    sent = run(app, send, FAMILY, "Hello from the enrollment office")
    [request] = twilio.requests
    assert request["method"] == "POST"
    assert request["uri"] == f"https://api.twilio.com/2010-04-01/Accounts/{ACCOUNT}/Messages.json"
    assert request["data"] == {
        "To": FAMILY,
        "From": "+13125550000",
        "Body": "Hello from the enrollment office",
        "StatusCallback": "https://schools.example.org/sms/status",
    }
    assert re.fullmatch(r"SM[0-9a-f]{32}", sent["sid"]) and sent["status"] == "queued"
    assert messages(app) == [("out", "queued", "Hello from the enrollment office")]


def test_a_messaging_service_sender_is_used_as_such(app, twilio):
    app.config["TWILIO_FROM"] = "MG" + "1" * 32
    run(app, send, FAMILY, "hi")
    assert twilio.sent[0]["MessagingServiceSid"] == "MG" + "1" * 32 and "From" not in twilio.sent[0]


def test_an_opted_out_number_gets_nothing(app, twilio, text):
    text("STOP")
    sent = run(app, send, FAMILY, "Reminder: the fair is on Saturday")
    assert twilio.requests == [] and sent["status"] == "opted_out"


def test_error_21610_marks_the_number_opted_out_and_nothing_more_is_tried(app, twilio):
    twilio.refuse_with = 21610
    refused = run(app, send, FAMILY, "first")
    assert refused["status"] == "failed" and refused["error_code"] == 21610
    assert opted_out(app)
    run(app, send, FAMILY, "second")
    assert len(twilio.requests) == 1  # the second was stopped before the network


def test_other_twilio_errors_are_logged_as_failed_without_opting_out(app, twilio):
    twilio.refuse_with = 21211  # invalid 'To' number
    assert run(app, send, FAMILY, "hi")["status"] == "failed"
    assert not opted_out(app)


def test_without_twilio_settings_the_text_is_logged_but_not_sent(app):
    sent = run(app, send, FAMILY, "hi")
    assert sent["status"] == "not_configured"
    assert messages(app) == [("out", "not_configured", "hi")]


def test_delivery_callbacks_move_the_status_forward_only(app, twilio, status):
    sid = run(app, send, FAMILY, "hi")["sid"]
    assert status(sid, "sent") == 204
    assert status(sid, "delivered") == 204
    assert status(sid, "sent") == 204  # late and out of order: ignored
    assert messages(app) == [("out", "delivered", "hi")]


def test_a_failed_delivery_keeps_its_error_and_21610_opts_out(app, twilio, status):
    sid = run(app, send, FAMILY, "hi")["sid"]
    assert status(sid, "undelivered", "30003") == 204
    with app.app_context():
        message = db.session.scalar(select(Message).where(Message.sid == sid))
        assert (message.status, message.error_code) == ("undelivered", 30003)
    other = run(app, send, "+17735550102", "hi")["sid"]
    status(other, "failed", "21610")
    assert opted_out(app, "+17735550102") and not opted_out(app)


def test_status_callbacks_must_be_signed_and_unknown_sids_are_harmless(app, twilio, client, status):
    sid = run(app, send, FAMILY, "hi")["sid"]
    assert client.post("/sms/status", data={"MessageSid": sid, "MessageStatus": "failed"}).status_code == 403
    assert status("SM" + "0" * 32, "delivered") == 204
    assert messages(app) == [("out", "queued", "hi")]
    with app.app_context():
        assert record_status("SM" + "0" * 32, "delivered", None) is False


def test_a_kiosk_shortlist_is_texted_in_the_family_language_and_the_conversation_continues(app, twilio, text):
    with app.app_context():
        ids = [sid for (sid,) in db.session.execute(db.text("SELECT id FROM school ORDER BY name LIMIT 3"))]
        names = [n for (n,) in db.session.execute(db.text("SELECT name FROM school ORDER BY name LIMIT 3"))]
    run(app, lambda *args: send_shortlist(*args)[0], FAMILY, ids, "es")
    [body] = [m["Body"] for m in twilio.sent]
    spanish_head = gettext_for("es")(TEMPLATES["shortlist_head"])
    assert spanish_head != TEMPLATES["shortlist_head"] and body.startswith(gsm_friendly(spanish_head))
    for number, name in enumerate(names, start=1):
        assert f"{number}. {name}" in body
    details = "\n".join(text("2"))  # every fact, with its heading: it may take a second text
    assert names[1] in details and names[0] not in details


def test_a_shortlist_too_long_for_one_text_goes_on_in_a_second_and_keeps_every_school(app, twilio):
    with app.app_context():
        rows = db.session.execute(db.text("SELECT id, name FROM school ORDER BY length(name) DESC LIMIT 4")).all()
    run(app, lambda *args: send_shortlist(*args)[-1], FAMILY, [i for i, _n in rows], "ar")
    bodies = [m["Body"] for m in twilio.sent]
    assert len(bodies) == 2 and all(fits(body, 3) for body in bodies)
    joined = "\n".join(bodies)
    for number, (_id, name) in enumerate(rows, start=1):
        assert f"{number}. {name}" in joined


@pytest.fixture
def silent_proxy(monkeypatch):
    """An HTTPS proxy on loopback that takes the connection and never answers: Twilio, hanging."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{server.getsockname()[1]}")
    yield
    server.close()


def test_a_twilio_that_never_answers_is_given_up_on_and_the_text_marked_failed(app, silent_proxy):
    # the real HTTP client (no fake): only its timeouts stop it from waiting forever
    app.config.update(TWILIO_ACCOUNT_SID=ACCOUNT, TWILIO_FROM="+13125550000", TWILIO_CONNECT_TIMEOUT=0.5, TWILIO_READ_TIMEOUT=0.5)
    sent = run(app, send, FAMILY, "hi")
    assert sent["status"] == "failed" and "could not reach Twilio" in sent["error_reason"]
