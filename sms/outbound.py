"""Texts we start (a kiosk shortlist, a registration's confirmation, a staff reply, a follow-up).

Each is a message row written in the caller's transaction (`send`) and handed to Twilio by a
job once that transaction commits (`deliver`): on RQ workers through Redis when REDIS_URL is
set, else in this process right after the commit. A job claims its row before it calls Twilio,
so a retried, duplicated or restarted job never sends a text twice; the opt-out is checked
again at send time; Twilio's 429 and 5xx answers and network errors are retried with growing
waits (sms.jobs). Twilio's error 21610 (the number texted STOP to the carrier) marks the number
opted out. Delivery is tracked by `/sms/status` callbacks. `send` flushes only.
"""

import logging
from datetime import UTC, datetime, timedelta

from flask import current_app
from flask_babel import force_locale, format_decimal, get_translations
from requests import ReadTimeout, RequestException
from sqlalchemy import select, update
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from app.db import after_commit, unit_of_work
from app.extensions import db
from catalog.search import cards
from catalog.vocabulary import N_
from sms.engine import remember_results
from sms.models import Conversation, Message
from sms.replies import Reply, render, render_all
from sms.services import is_opted_out, opt_out

log = logging.getLogger(__name__)

UNSUBSCRIBED = 21610  # Twilio: "Attempt to send to unsubscribed recipient"
# What Twilio's error codes for a text that did not reach a family mean, in words staff can act on
# (shown in the inbox and a fair's statistics; the code itself is kept on the message).
DELIVERY_ERRORS = {
    UNSUBSCRIBED: N_("The family replied STOP to our number"),
    30003: N_("The phone is switched off or out of reach"),
    30004: N_("The number blocks texts"),
    30005: N_("The number does not exist"),
    30006: N_("A landline, or a number that cannot receive texts"),
    30007: N_("The carrier filtered it as spam"),
    30008: N_("Unknown error at the carrier"),
    30034: N_("Blocked: our sending number is not registered for texting (A2P 10DLC)"),
}
# Ours before Twilio has the text: waiting for a job, then claimed by one.
PENDING, SUBMITTING = "pending", "submitting"
# Delivered into the SMS simulator's conversation instead of Twilio (the demo server, no Twilio account).
SIMULATED = "simulated"
# Delivery statuses in the order they happen; a late callback never moves a text backwards.
PROGRESS = (PENDING, SUBMITTING, "queued", "sending", "sent", "delivered", "undelivered", "failed")
FINAL = {"delivered", "undelivered", "failed"}


class TryAgainLater(Exception):
    """Twilio was away, slow or busy (429, 5xx, a network error): the job is retried later."""


def _client() -> Client:
    """Twilio's REST client, on one HTTP client per app whose every request gives up after
    TWILIO_CONNECT_TIMEOUT seconds to connect and TWILIO_READ_TIMEOUT to answer."""
    config = current_app.config
    # Tests put a fake `twilio.http.HttpClient` here: the network edge, nothing else is faked.
    http_client = current_app.extensions.get("twilio_http_client")
    if http_client is None:
        http_client = TwilioHttpClient()
        # Its constructor checks one number; requests takes (connect, read), passed on as it is.
        http_client.timeout = (config["TWILIO_CONNECT_TIMEOUT"], config["TWILIO_READ_TIMEOUT"])
        current_app.extensions["twilio_http_client"] = http_client
    return Client(config["TWILIO_ACCOUNT_SID"], config["TWILIO_AUTH_TOKEN"], http_client=http_client)


def _status_callback() -> str | None:
    base = current_app.config.get("PUBLIC_BASE_URL", "").rstrip("/")
    return f"{base}/sms/status" if base else None


def send(phone: str, body: str) -> Message:
    """Write one text to an E.164 number; it is handed to Twilio once the caller commits.

    `opted_out` and `not_configured` texts are logged but never leave; the others start
    `pending` and move on as the job and Twilio's callbacks report.
    """
    message = Message(direction="out", phone=phone, body=body, status=PENDING, created_at=datetime.now(UTC))
    db.session.add(message)
    if is_opted_out(phone):
        message.status = "opted_out"
    elif not _configured() and current_app.config["SMS_SIMULATOR"]:
        message.status = SIMULATED  # the demo server's SMS simulator shows it in that number's conversation
    elif not _configured():
        message.status = "not_configured"
        log.warning("Outbound text not sent: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM must all be set")
    db.session.flush()
    if message.status == PENDING:
        message_id = message.id
        after_commit(lambda: _enqueue(message_id))
    return message


def load_client() -> None:
    """Load Twilio's API modules now, in a worker about to fork a process per job: each job then
    starts with them (loading them cold takes about 100 ms of every text's time). Needs an app context."""
    if _configured():
        _client().messages  # noqa: B018 - the property imports the messages API on first use


def _configured() -> bool:
    config = current_app.config
    return bool(config["TWILIO_ACCOUNT_SID"] and config["TWILIO_AUTH_TOKEN"] and config["TWILIO_FROM"])


def _enqueue(message_id: int) -> None:
    from sms import jobs  # the queue of this app's Redis, or none

    jobs.enqueue_delivery(message_id)


def deliver(message_id: int, *, last_try: bool = True) -> str:
    """Hand one pending text to Twilio and record what happened; return its status.

    Commits (a job's own units of work): the claim first, so a second job for the same text
    finds it taken and sends nothing. A transient failure puts the text back to `pending` and
    raises TryAgainLater, unless this is the `last_try`, which marks it failed with the reason.
    """
    with unit_of_work():
        claim = update(Message).where(Message.id == message_id, Message.status == PENDING, Message.sid.is_(None))
        claimed = claim.values(status=SUBMITTING, claimed_at=datetime.now(UTC)).execution_options(synchronize_session=False)
        if db.session.execute(claimed).rowcount != 1:
            return "taken"
    with unit_of_work():
        message = db.session.get(Message, message_id)  # read afresh: the claim's commit expired it
        if is_opted_out(message.phone):  # a STOP may have come in since it was written
            message.status = "opted_out"
            return message.status
        if not _configured():
            message.status = "not_configured"
            return message.status
        transient = None
        try:
            sent = _hand_to_twilio(message.phone, message.body)
        except TwilioRestException as error:
            message.error_code = error.code
            if error.status == 429 or error.status >= 500:
                transient = f"Twilio answered {error.status}"
            else:
                message.status = "failed"
                if error.code == UNSUBSCRIBED:
                    opt_out(message.phone)
                log.warning("Twilio refused an outbound text: error %s", error.code)  # never the number
        except ReadTimeout as error:
            # Sent, and no answer in time: Twilio may have taken it, so it is not sent again.
            message.status, message.error_reason = "failed", _reason(error, f"; {MAY_HAVE_GONE_OUT}")
            log.warning("Twilio did not answer in time; the text is not sent again")
        except (TwilioException, RequestException) as error:
            transient = _reason(error)  # Twilio away or unreachable: nothing was taken
        else:
            message.sid, message.status = sent.sid, sent.status or "queued"
            message.error_code = message.error_reason = None  # an earlier try's trouble is not this text's
        if transient:
            message.error_reason = transient
            message.status = "failed" if last_try else PENDING
            log.warning("Outbound text not handed to Twilio (%s)%s", transient, "" if last_try else "; will try again")
        status = message.status
    if status == PENDING:
        raise TryAgainLater(transient)
    return status


def _hand_to_twilio(phone: str, body: str):
    sender = current_app.config["TWILIO_FROM"]
    origin = {"messaging_service_sid": sender} if sender.startswith("MG") else {"from_": sender}
    return _client().messages.create(to=phone, body=body, status_callback=_status_callback(), **origin)


def _reason(error: Exception, more: str = "") -> str:
    """Say why a text could not be handed to Twilio, without the number or the body."""
    return f"{type(error).__name__}: could not reach Twilio{more}"[: Message.error_reason.type.length]


# Longer than any hand-over to Twilio takes (its client's timeouts), so a text still `submitting`
# after this was left by a sender that stopped (a worker killed mid-send).
STUCK_AFTER = timedelta(minutes=10)
MAY_HAVE_GONE_OUT = "it may have gone out"  # ends the reason of a text that is not sent again for that
LEFT_HALF_SENT = f"The sender stopped while handing it to Twilio; {MAY_HAVE_GONE_OUT}"


def fail_stuck(now: datetime | None = None) -> int:
    """Mark failed, with the reason, every text a stopped sender left `submitting`: never sent again
    (it may have reached Twilio before the sender stopped), and said in the inbox. Returns how many."""
    before = (now or datetime.now(UTC)) - STUCK_AFTER
    stuck = update(Message).where(Message.status == SUBMITTING, Message.claimed_at < before, Message.sid.is_(None))
    count = db.session.execute(
        stuck.values(status="failed", error_reason=LEFT_HALF_SENT).execution_options(synchronize_session=False)
    ).rowcount
    if count:
        log.warning("%d outbound texts were left half-sent by a stopped sender: marked failed", count)
    return count


def record_status(sid: str, status: str, error_code: int | None) -> bool:
    """Apply a delivery callback; False when the MessageSid is not one of ours."""
    message = db.session.scalar(select(Message).where(Message.sid == sid, Message.direction == "out"))
    if message is None:
        return False
    if status in PROGRESS and message.status not in FINAL:
        if message.status not in PROGRESS or PROGRESS.index(status) >= PROGRESS.index(message.status):
            message.status = status
    if error_code:
        message.error_code = error_code
        if error_code == UNSUBSCRIBED:
            opt_out(message.phone)
    db.session.flush()
    return True


def send_shortlist(phone: str, school_ids: list[str], locale: str) -> list[Message]:
    """Text a kiosk shortlist; the conversation continues from it ("2" gives the second school).

    Every school is sent: a list longer than one text's 3 segments (four long names in Arabic)
    goes on in a second text.
    """
    conversation = db.session.get(Conversation, phone) or Conversation(phone=phone)
    db.session.add(conversation)
    now = datetime.now(UTC)
    with force_locale(locale):
        state, reply = remember_results(conversation.state, cards(school_ids), now, locale)
        bodies = render_all(reply, get_translations(), format_decimal)
    conversation.state, conversation.locale = state, locale
    return [send(phone, body) for body in bodies]


def send_in_language(phone: str, reply: Reply, locale: str) -> Message:
    """Send a translated template (a canned staff reply) in the family's language."""
    with force_locale(locale):
        return send(phone, render(reply, get_translations(), format_decimal))
