"""Hand-over to a person: the record with its transcript, answers (free or canned, in the
family's language), closing, and `flask sms inbox` on top of the same service."""

import pytest
from sqlalchemy import select

from app.db import unit_of_work
from app.extensions import db
from sms import handoff
from sms.models import Handoff
from sms.replies import CANNED, Reply, render
from tests.sms.test_replies import translations_for

FAMILY = "+17735550101"


def waiting(app) -> list[tuple]:
    with app.app_context():
        return [(h.handoff.phone, h.handoff.reason, h.locale, [m.body for m in h.transcript]) for h in handoff.open_handoffs()]


def test_asking_for_a_person_opens_one_hand_over_with_the_transcript(app, text):
    text("hola, busco kinder cerca de 60637")
    [answer] = text("quiero hablar con una persona")
    assert answer == render(Reply("human"), translations_for("es"))
    text("por favor")  # asking again, or texting more, does not open a second one
    text("quiero hablar con una persona")
    [(phone, reason, locale, transcript)] = waiting(app)
    assert (phone, reason, locale) == (FAMILY, "asked", "es")
    assert transcript[:4:2] == ["hola, busco kinder cerca de 60637", "quiero hablar con una persona"]
    assert transcript[3] == answer and len(transcript) == 8  # every text, in and out, in order


def test_two_texts_the_bot_cannot_read_hand_the_conversation_over(app, text):
    text("hello")
    text("zzzz qqqq")
    [honest] = text("blorp wibble")
    assert "person" in honest
    [(_, reason, _, _)] = waiting(app)
    assert reason == "not_understood"


def test_a_canned_reply_goes_out_in_the_family_language_and_closing_empties_the_inbox(app, text, twilio):
    text("quiero hablar con una persona")
    with app.app_context():
        [open_one] = handoff.open_handoffs()
        handoff_id = open_one.handoff.id
    with app.app_context(), unit_of_work():
        handoff.reply(handoff_id, canned="documents")
        handoff.reply(handoff_id, "  Hola, soy Ana de la oficina.  ")
    spanish = render(Reply("canned_documents"), translations_for("es"))
    assert spanish != CANNED["documents"]
    assert [m["Body"] for m in twilio.sent] == [spanish, "Hola, soy Ana de la oficina."]
    with app.app_context(), unit_of_work():
        handoff.close(handoff_id)
    assert waiting(app) == []
    with app.app_context(), pytest.raises(handoff.HandoffError):
        handoff.reply(handoff_id, "too late")


@pytest.mark.parametrize(("text_", "canned"), [("", None), ("   ", None), ("", "no_such_reply")])
def test_an_empty_or_unknown_reply_is_refused(app, text, twilio, text_, canned):
    text("PERSON")
    with app.app_context():
        [open_one] = handoff.open_handoffs()
        with pytest.raises(handoff.HandoffError):
            handoff.reply(open_one.handoff.id, text_, canned)
    assert twilio.sent == []


def test_the_inbox_command_lists_answers_and_closes(app, text, twilio, cli):
    text("I need to talk to a person about my son's IEP")
    listing = cli("sms", "inbox")
    assert listing.exit_code == 0
    assert FAMILY in listing.output and "> I need to talk to a person about my son's IEP" in listing.output
    with app.app_context():
        handoff_id = db.session.scalar(select(Handoff.id))
    replied = cli("sms", "inbox", "reply", str(handoff_id), "--canned", "will_call")
    assert replied.exit_code == 0 and CANNED["will_call"] in replied.output
    assert twilio.sent[-1]["Body"] == CANNED["will_call"]
    assert cli("sms", "inbox", "close", str(handoff_id)).exit_code == 0
    assert "No conversation is waiting" in cli("sms", "inbox").output
    runner = app.test_cli_runner()
    again = runner.invoke(args=["sms", "inbox", "close", str(handoff_id)])
    assert again.exit_code == 1 and str(handoff_id) in again.output
