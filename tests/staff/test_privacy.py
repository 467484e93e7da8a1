"""Retention and logs: `flask privacy purge` removes what is past the period (opt-outs stay), and
no phone number reaches the application logs, even inside an exception's text."""

import logging
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from app.db import unit_of_work
from app.extensions import db
from app.logs import redact
from kiosk import services as kiosk_services
from kiosk.models import KioskDevice, Registration
from kiosk.registration import RegistrationInput
from sms.models import Conversation, Handoff, Message, OptOut
from tests.kiosk.test_registration import form as registration_form

OLD, RECENT = "+17735550101", "+17735550102"


def _registration(device, key: str, phone: str) -> RegistrationInput:
    return RegistrationInput(
        client_key=key, parent_name="Ana", phone=phone, locale="es", grades=(0,), school_ids=(), needs=("bus",), consent_texts=True
    )


def test_purge_removes_what_is_older_than_the_period_and_keeps_opt_outs(app, cli):
    long_ago = datetime.now(UTC) - timedelta(days=400)
    with app.app_context(), unit_of_work():
        device = db.session.scalar(select(KioskDevice))
        old, _ = kiosk_services.register(device, _registration(device, "k-old", OLD))
        kiosk_services.register(device, _registration(device, "k-new", RECENT))
        old.created_at = long_ago
        question = Message(direction="in", phone=OLD, body="hola", status="replied", created_at=long_ago)
        db.session.add(question)
        db.session.flush()
        db.session.add(Message(direction="out", phone=OLD, body="¡Hola!", status="sent", created_at=long_ago, reply_to_id=question.id))
        db.session.add(Message(direction="in", phone=RECENT, body="hi", status="replied"))
        db.session.add(Conversation(phone=OLD, locale="es", state={}, updated_at=long_ago))
        db.session.add(Handoff(phone=OLD, reason="asked", opened_at=long_ago, closed_at=long_ago))
        db.session.add(OptOut(phone=OLD, created_at=long_ago))
    result = cli("privacy", "purge", "--older-than", "365")
    assert result.exit_code == 0
    assert "Removed 1 registrations, 2 text messages, 1 conversations, 1 closed hand-overs" in result.output
    with app.app_context():
        assert db.session.scalars(select(Registration.phone)).all() == [RECENT]
        assert db.session.scalars(select(Message.phone)).all() == [RECENT]
        assert db.session.scalar(select(func.count()).select_from(Conversation)) == 0
        assert db.session.scalars(select(OptOut.phone)).all() == [OLD]  # a STOP is never forgotten
    assert cli("privacy", "purge", "--older-than", "0").exit_code == 2


def test_phone_numbers_are_redacted_from_every_log_record(app, caplog):
    logger = logging.getLogger("schoolbridge.test")
    with caplog.at_level(logging.INFO):
        logger.info("texted %s and (773) 555-0102 and 7735550103", OLD)
        try:
            raise ValueError(f"duplicate key for {RECENT}")
        except ValueError:
            logger.exception("failed")
    assert "555" not in caplog.text and caplog.text.count("[phone]") == 4
    assert redact("school 60637, grade 3, year 2026-11-23") == "school 60637, grade 3, year 2026-11-23"


def test_a_registration_whose_confirmation_twilio_refuses_logs_no_number(app, caplog, twilio):
    twilio.refuse_with = 21610  # an unsubscribed number: Twilio's refusal is logged, the number is not
    client = app.test_client()
    assert client.get(f"/kiosk/enroll/{app.config['TEST_ENROLLMENT_CODE']}").status_code == 200
    with caplog.at_level(logging.DEBUG):
        assert client.post("/kiosk/en/register", data=registration_form(phone="773-555-0101")).status_code == 200
    assert "Twilio refused an outbound text: error 21610" in caplog.text
    assert "555" not in caplog.text and "0101" not in caplog.text
