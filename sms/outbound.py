"""Texts we start (a kiosk shortlist, a staff reply): sent through Twilio's REST client.

Opt-outs are checked before every send; Twilio's error 21610 (the number texted STOP to the
carrier) marks the number opted out. Delivery is tracked by `/sms/status` callbacks.
Flushes only; the caller's unit of work commits.
"""

import logging
from datetime import UTC, datetime

from flask import current_app
from flask_babel import force_locale, get_translations
from requests import RequestException
from sqlalchemy import select
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from app.extensions import db
from sms.engine import remember_results
from sms.models import Conversation, Message
from sms.replies import Reply, render, render_all
from sms.services import catalog_search, is_opted_out, opt_out

log = logging.getLogger(__name__)

UNSUBSCRIBED = 21610  # Twilio: "Attempt to send to unsubscribed recipient"
# Delivery statuses in the order they happen; a late callback never moves a text backwards.
PROGRESS = ("queued", "sending", "sent", "delivered", "undelivered", "failed")
FINAL = {"delivered", "undelivered", "failed"}


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
    """Send one text to an E.164 number and log it; its `status` says what happened.

    `opted_out` and `not_configured` texts are logged but never leave; `failed` ones carry
    Twilio's `error_code`.
    """
    message = Message(direction="out", phone=phone, body=body, status="queued", created_at=datetime.now(UTC))
    db.session.add(message)
    config = current_app.config
    if is_opted_out(phone):
        message.status = "opted_out"
    elif not (config["TWILIO_ACCOUNT_SID"] and config["TWILIO_AUTH_TOKEN"] and config["TWILIO_FROM"]):
        message.status = "not_configured"
        log.warning("Outbound text not sent: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM must all be set")
    else:
        sender = config["TWILIO_FROM"]
        origin = {"messaging_service_sid": sender} if sender.startswith("MG") else {"from_": sender}
        try:
            sent = _client().messages.create(to=phone, body=body, status_callback=_status_callback(), **origin)
        except TwilioRestException as error:
            message.status, message.error_code = "failed", error.code
            if error.code == UNSUBSCRIBED:
                opt_out(phone)
            log.warning("Twilio refused an outbound text: error %s", error.code)  # never the number
        except (TwilioException, RequestException) as error:
            # Twilio away, slow or unreachable: the text is marked failed and the family's
            # action (a registration, a request for the list) still goes through.
            message.status, message.error_reason = "failed", _reason(error)
            log.warning("Twilio could not be reached: %s", message.error_reason)
        else:
            message.sid, message.status = sent.sid, sent.status or "queued"
    db.session.flush()
    return message


def _reason(error: Exception) -> str:
    """Say why a text could not be handed to Twilio, without the number or the body."""
    return f"{type(error).__name__}: could not reach Twilio"[: Message.error_reason.type.length]


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
        found = catalog_search({"ids": school_ids})
        state, reply = remember_results(conversation.state, found["results"], now, locale)
        bodies = render_all(reply, get_translations().gettext)
    conversation.state, conversation.locale = state, locale
    return [send(phone, body) for body in bodies]


def send_in_language(phone: str, reply: Reply, locale: str) -> Message:
    """Send a translated template (a canned staff reply) in the family's language."""
    with force_locale(locale):
        return send(phone, render(reply, get_translations().gettext))
