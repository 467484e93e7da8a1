"""Conversations handed over to a person: list them, answer them (free text or canned), close them.

The staff inbox pages and `flask sms inbox` both sit on this. Flushes only.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from app.extensions import db
from sms.models import Conversation, Handoff, Message
from sms.outbound import send, send_in_language
from sms.replies import CANNED, Reply

TRANSCRIPT_LENGTH = 50  # the latest texts shown with a hand-over


class HandoffError(ValueError):
    """A hand-over that cannot be answered: unknown, already closed, or an empty reply."""


@dataclass(frozen=True)
class OpenHandoff:
    handoff: Handoff
    locale: str
    transcript: list[Message]


def _transcript(phone: str) -> list[Message]:
    latest = select(Message).where(Message.phone == phone).order_by(Message.id.desc()).limit(TRANSCRIPT_LENGTH)
    return list(reversed(db.session.scalars(latest).all()))


def _locale(phone: str) -> str:
    conversation = db.session.get(Conversation, phone)
    return (conversation.locale if conversation else None) or "en"


def open_handoffs() -> list[OpenHandoff]:
    """Every conversation waiting for a person, oldest first, with its language and transcript."""
    waiting = db.session.scalars(select(Handoff).where(Handoff.closed_at.is_(None)).order_by(Handoff.opened_at, Handoff.id))
    return [OpenHandoff(h, _locale(h.phone), _transcript(h.phone)) for h in waiting]


def _open(handoff_id: int) -> Handoff:
    handoff = db.session.get(Handoff, handoff_id)
    if handoff is None or handoff.closed_at is not None:
        raise HandoffError(handoff_id)
    return handoff


def reply(handoff_id: int, text: str = "", canned: str | None = None) -> Message:
    """Text the family: a staff member's own words, or a canned reply in the family's language."""
    handoff = _open(handoff_id)
    if canned is not None:
        if canned not in CANNED:
            raise HandoffError(canned)
        return send_in_language(handoff.phone, Reply(f"canned_{canned}"), _locale(handoff.phone))
    if not text.strip():
        raise HandoffError("empty")
    return send(handoff.phone, text.strip()[:1600])


def close(handoff_id: int) -> Handoff:
    handoff = _open(handoff_id)
    handoff.closed_at = datetime.now(UTC)
    db.session.flush()
    return handoff
