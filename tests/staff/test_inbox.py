"""The staff inbox: hand-overs opened by texting the signed webhook, answered (free or canned, the
canned ones in the family's language through Twilio's HTTP API) and closed, by office staff only."""

import re
from html import unescape

import pytest
from sqlalchemy import select

from app.db import unit_of_work
from app.extensions import db
from sms.models import Handoff, Message
from sms.outbound import record_status
from sms.replies import CANNED, Reply, render
from tests.sms.conftest import text  # noqa: F401  (the signed-webhook texting fixture)
from tests.sms.test_replies import gettext_for, translations_for
from tests.staff.conftest import post

FAMILY, NEIGHBOUR = "+17735550101", "+17735550102"


def page_of(client, url: str = "/staff/inbox") -> str:
    return unescape(client.get(url).get_data(as_text=True))


def handoff_ids(app) -> list[int]:
    with app.app_context():
        return list(db.session.scalars(select(Handoff.id).order_by(Handoff.id)))


@pytest.fixture
def waiting(app, text):  # noqa: F811
    """Open a hand-over for a Spanish-speaking family who asks for a person; return its id."""
    text("hola, busco kinder cerca de 60637")
    text("quiero hablar con una persona")
    [handoff_id] = handoff_ids(app)
    return handoff_id


def test_the_inbox_lists_open_hand_overs_oldest_first_with_language_reason_and_transcript(app, as_role, waiting, text):  # noqa: F811
    text("I need to talk to a person about my son's IEP", sender=NEIGHBOUR)
    page = page_of(as_role("editor"))
    assert page.index(FAMILY) < page.index(NEIGHBOUR)  # the family who waited longest comes first
    family = page[page.index(f'id="handoff-{waiting}"') : page.index(NEIGHBOUR)]
    assert "Spanish" in family and "Asked for a person" in family
    assert "hola, busco kinder cerca de 60637" in family and "quiero hablar con una persona" in family
    assert family.index("hola, busco kinder") < family.index("quiero hablar con una persona")
    assert CANNED["documents"] in family  # prepared replies are labelled in the reader's language


def test_a_canned_reply_goes_out_in_the_family_language_and_a_free_reply_as_written(app, as_role, waiting, twilio):
    editor = as_role("editor")
    response = post(editor, f"/staff/inbox/{waiting}/reply", {"canned": "documents"})
    assert response.status_code == 302 and response.location == f"/staff/inbox?done=sent#handoff-{waiting}"
    spanish = render(Reply("canned_documents"), translations_for("es"))
    assert spanish != CANNED["documents"]
    assert post(editor, f"/staff/inbox/{waiting}/reply", {"text": "  Hola, soy Ana de la oficina.  "}).status_code == 302
    assert [(m["To"], m["Body"]) for m in twilio.sent] == [(FAMILY, spanish), (FAMILY, "Hola, soy Ana de la oficina.")]
    page = page_of(editor, "/staff/inbox?done=sent")
    assert "Your reply is on its way." in page and spanish in page


def test_a_reply_that_cannot_go_out_says_so(app, as_role, waiting, twilio):
    twilio.refuse_with = 21610  # the number texted STOP to the carrier
    response = post(as_role("editor"), f"/staff/inbox/{waiting}/reply", {"text": "Hola"})
    # handed to the text queue, refused by Twilio after the commit: the conversation says so
    assert response.location.startswith("/staff/inbox?done=sent")
    page = page_of(as_role("editor"), response.location)
    assert (
        "Your reply is on its way." in page
        and "Not sent: the text service refused it: The family replied STOP to our number (21610)" in page
    )


def test_a_reply_the_carrier_could_not_deliver_says_what_the_error_means(app, as_role, waiting, twilio):
    post(as_role("editor"), f"/staff/inbox/{waiting}/reply", {"text": "Hola"})
    with app.app_context(), unit_of_work():
        sid = db.session.scalar(select(Message.sid).where(Message.direction == "out", Message.body == "Hola"))
        assert record_status(sid, "undelivered", 30005)
    page = page_of(as_role("editor"))
    assert "Not delivered: The number does not exist (30005)" in page
    with app.app_context(), unit_of_work():
        assert record_status(sid, "undelivered", 39999)  # a code we have no words for is shown as it is
    assert "Not delivered: Error 39999" in page_of(as_role("editor"))


def test_a_reply_to_a_number_that_stopped_texts_says_at_once_it_did_not_go_out(app, as_role, waiting, twilio, text):  # noqa: F811
    text("STOP")
    response = post(as_role("editor"), f"/staff/inbox/{waiting}/reply", {"text": "Hola"})
    assert response.location.startswith("/staff/inbox?done=not_sent")
    page = page_of(as_role("editor"), response.location)
    assert "Your reply did not go out." in page and "Not sent: this number has stopped texts" in page and twilio.sent == []


def test_closing_empties_the_inbox_and_a_closed_hand_over_cannot_be_answered(app, as_role, waiting, twilio):
    editor = as_role("editor")
    assert post(editor, f"/staff/inbox/{waiting}/close").status_code == 302
    page = page_of(editor)
    assert FAMILY not in page and "No conversation is waiting for a person." in page
    for url, form in ((f"/staff/inbox/{waiting}/reply", {"text": "too late"}), (f"/staff/inbox/{waiting}/close", {})):
        refused = post(editor, url, form)
        assert refused.status_code == 409 and "no longer waiting for a person" in refused.get_data(as_text=True)
    assert twilio.sent == []


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"text": "   "}, "Write a reply or choose a prepared one."),
        ({"canned": ""}, "Write a reply or choose a prepared one."),
        ({"canned": "no_such_reply"}, "Choose one of the prepared replies."),
        ({"text": "x" * 1601}, "A reply can be at most 1600 characters."),
    ],
)
def test_an_empty_unknown_or_too_long_reply_is_refused(app, as_role, waiting, twilio, form, message):
    response = post(as_role("editor"), f"/staff/inbox/{waiting}/reply", form)
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert twilio.sent == []


def test_the_page_is_in_the_staff_reader_language(app, as_role, waiting):
    editor = as_role("editor")
    post(editor, "/staff/language", {"locale": "vi", "next": "/staff/inbox"})
    page = page_of(editor)
    assert gettext_for("vi")(CANNED["will_call"]) in page and CANNED["will_call"] not in page
    assert "Tây Ban Nha" in page  # Spanish, named in Vietnamese


@pytest.mark.parametrize("role", ["school_rep", "translator"])
def test_other_roles_are_refused_and_anonymous_visitors_sent_to_sign_in(app, as_role, waiting, twilio, role):
    client = as_role(role)
    assert client.get("/staff/inbox").status_code == 403
    assert post(client, f"/staff/inbox/{waiting}/reply", {"canned": "will_call"}).status_code == 403
    assert post(client, f"/staff/inbox/{waiting}/close").status_code == 403
    anonymous = app.test_client()
    for response in (anonymous.get("/staff/inbox"), post(anonymous, f"/staff/inbox/{waiting}/close")):
        assert response.status_code == 302 and response.location.startswith("/staff/login")
    assert twilio.sent == [] and handoff_ids(app) == [waiting]
    assert FAMILY in page_of(as_role("editor"))


def test_every_form_needs_its_csrf_token(app, as_role, waiting, twilio):
    editor = as_role("editor")
    assert editor.post(f"/staff/inbox/{waiting}/reply", data={"text": "Hola"}).status_code == 400
    assert editor.post(f"/staff/inbox/{waiting}/close").status_code == 400
    assert twilio.sent == [] and FAMILY in page_of(editor)


@pytest.mark.parametrize(
    ("status", "code", "reason", "says"),
    [
        ("failed", None, "The sender stopped while handing it to Twilio; it may have gone out", "Perhaps sent"),
        ("failed", None, "ReadTimeout: could not reach Twilio; it may have gone out", "Perhaps sent"),
        ("failed", None, "ConnectionError: could not reach Twilio", "Not sent: the text service could not be reached"),
        ("failed", 21610, None, "Not sent: the text service refused it: The family replied STOP to our number (21610)"),
        ("undelivered", 30006, None, "Not delivered: A landline, or a number that cannot receive texts (30006)"),
        ("delivered", None, None, None),
    ],
)
def test_why_a_text_did_not_reach_the_family_is_said_as_it_is_known(app, status, code, reason, says):
    from staff.views.inbox import not_delivered

    with app.test_request_context():
        said = not_delivered(Message(direction="out", phone=FAMILY, body="Hola", status=status, error_code=code, error_reason=reason))
    assert said == says if says is None or not says.startswith("Perhaps") else said.startswith(says)


# Every status an outbound text can be in, and what the transcript says of it.
DELIVERY_STATES = [
    ("pending", None, "Waiting to be sent"),
    ("submitting", None, "Sending"),
    ("queued", None, "Queued"),
    ("sending", None, "Sending"),
    ("sent", None, "Sent to the carrier"),
    ("delivered", None, "Delivered"),
    ("undelivered", 30003, "Not delivered: The phone is switched off or out of reach (30003)"),
    ("failed", 30007, "Not sent: the text service refused it: The carrier filtered it as spam (30007)"),
    ("opted_out", None, "Not sent: this number has stopped texts"),
    ("not_configured", None, "Not sent: texting is not set up"),
    ("simulated", None, "Sent"),
]


def said_of(page: str) -> dict[str, str]:
    """Each text of the transcripts (its body) → what the line above it says before the time: who wrote it, or how it went."""
    notes = re.findall(r'<li class="(?:in|out)">\s*<p class="note">(.*?)</p>\s*<p class="body"[^>]*>(.*?)</p>', page)
    return {body: re.sub(r"<[^>]+>", "", note).rsplit(" · ", 1)[0] for note, body in notes}


def write_texts(app, states) -> None:
    with app.app_context(), unit_of_work():
        for status, code, _ in states:
            db.session.add(Message(direction="out", phone=FAMILY, body=f"a text now {status}", status=status, error_code=code))


def test_every_text_sent_to_the_family_says_in_words_how_far_it_got(app, as_role, waiting):
    write_texts(app, DELIVERY_STATES)
    said = said_of(page_of(as_role("editor")))
    assert {status: said[f"a text now {status}"] for status, _, _ in DELIVERY_STATES} == {s: says for s, _, says in DELIVERY_STATES}
    assert said["quiero hablar con una persona"] == "Family"
    bot_replies = [
        says for body, says in said.items() if body not in {f"a text now {s}" for s, _, _ in DELIVERY_STATES} and says != "Family"
    ]
    assert bot_replies and set(bot_replies) == {"Sent"}  # the bot's answers, in the webhook's reply: no report follows


def test_how_far_a_text_got_is_said_in_the_staff_reader_language(app, as_role, waiting):
    write_texts(app, [s for s in DELIVERY_STATES if s[0] in ("pending", "delivered")])
    editor = as_role("editor")
    post(editor, "/staff/language", {"locale": "es", "next": "/staff/inbox"})
    said, spanish = said_of(page_of(editor)), gettext_for("es")
    assert spanish("Waiting to be sent") != "Waiting to be sent"
    assert (said["a text now pending"], said["a text now delivered"]) == (spanish("Waiting to be sent"), spanish("Delivered"))


def test_a_reply_says_how_far_it_got_as_twilio_reports_it(app, as_role, waiting, twilio):
    editor = as_role("editor")
    post(editor, f"/staff/inbox/{waiting}/reply", {"text": "Hola, soy Ana"})
    assert said_of(page_of(editor))["Hola, soy Ana"] == "Queued"  # Twilio took it
    with app.app_context():
        sid = db.session.scalar(select(Message.sid).where(Message.body == "Hola, soy Ana"))
    for status, says in (("sent", "Sent to the carrier"), ("delivered", "Delivered")):
        with app.app_context(), unit_of_work():
            assert record_status(sid, status, None)
        assert said_of(page_of(editor))["Hola, soy Ana"] == says
