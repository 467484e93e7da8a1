"""Twilio's webhooks: inbound texts answered with TwiML, delivery status callbacks."""

import re
from functools import lru_cache

from flask import Blueprint, Response, abort, current_app, request
from limits import parse as parse_limit
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from app.errors import error_headers, register_error_page
from app.extensions import limiter
from app.metrics import add_collector
from sms.metrics import text_metrics
from sms.outbound import record_status
from sms.services import handle_inbound, handle_rate_limited, normalize_phone

webhook = Blueprint("sms", __name__, url_prefix="/sms")
webhook.record_once(lambda state: add_collector(state.app, text_metrics))  # texts and their jobs at /metrics
# Twilio's calls are limited per sender inside `inbound`, after the signature check; the
# limiter's own per-request pass would only look for limits this blueprint never has.
limiter.exempt(webhook)


_parsed_limit = lru_cache(maxsize=4)(parse_limit)
# Twilio's message SIDs: SM (a text) or MM (with media) and 32 hex digits (its API's own pattern).
MESSAGE_SID = re.compile(r"(SM|MM)[0-9a-fA-F]{32}")


def _twiml_error(error):
    """Answer Twilio with valid, empty TwiML and the error's status, never an HTML page: a 503
    (database busy) keeps Retry-After, and Twilio retries it where the webhook URL asks it to
    (docs/sms.md); nothing is texted to the family in the meantime."""
    return Response(str(MessagingResponse()), status=error.code, headers=error_headers(error), mimetype="application/xml")


webhook.record_once(lambda state: register_error_page(state.app, "/sms/inbound", _twiml_error))
webhook.record_once(lambda state: register_error_page(state.app, "/sms/status", _twiml_error))


def _public_url() -> str:
    """The URL Twilio signed: PUBLIC_BASE_URL when behind a proxy, else the request's own."""
    base = current_app.config.get("PUBLIC_BASE_URL", "").rstrip("/")
    if base:
        return base + request.full_path.rstrip("?")
    return request.url


def _require_twilio_signature() -> None:
    token = current_app.config.get("TWILIO_AUTH_TOKEN", "")
    signature = request.headers.get("X-Twilio-Signature", "")
    if not token or not signature or not RequestValidator(token).validate(_public_url(), request.form.to_dict(), signature):
        abort(403)


def _message_sid(*, required: bool) -> str | None:
    """The request's MessageSid, refused (400) unless it has Twilio's shape: it is stored, and
    a longer one would not fit its column."""
    sid = request.form.get("MessageSid", "")
    if not sid and not required:
        return None
    if not MESSAGE_SID.fullmatch(sid):
        abort(400)
    return sid


def _within_limit(phone: str) -> bool:
    """Count this text against the sender's allowance; a limit store that is away lets it through,
    as do limits turned off (RATELIMIT_ENABLED false)."""
    if not current_app.config["RATELIMIT_ENABLED"]:
        return True
    try:
        return limiter.limiter.hit(_parsed_limit(current_app.config["SMS_RATE_LIMIT"]), "sms-inbound", phone)
    except limiter.limiter.storage.base_exceptions as error:
        current_app.logger.warning("rate limit store unavailable, text let through: %s", type(error).__name__)
        return True


@webhook.post("/inbound")
def inbound():
    """Answer a text (TwiML); a retried MessageSid gets the same answer and is stored once."""
    _require_twilio_signature()
    phone = normalize_phone(request.form.get("From", ""))
    body, sid = request.form.get("Body", ""), _message_sid(required=False)
    # After the signature check, so forged requests cannot use up a family's allowance.
    if _within_limit(phone):
        texts = handle_inbound(phone, body, sid)
    else:
        texts = handle_rate_limited(phone, body, sid)
    twiml = MessagingResponse()
    for text in texts:
        twiml.message(text)
    return Response(str(twiml), mimetype="application/xml")


@webhook.post("/status")
def status():
    """Twilio's delivery callback for a text we sent: queued → sent → delivered, or failed."""
    _require_twilio_signature()
    sid = _message_sid(required=True)
    error = request.form.get("ErrorCode", "")
    record_status(sid, request.form.get("MessageStatus", "")[:16], int(error) if error.isdigit() else None)
    return "", 204  # unknown SIDs too: Twilio would only retry
