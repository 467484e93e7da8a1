"""Retention: remove what families told us once it is older than the retention period.

Opt-outs are kept: forgetting a STOP would mean texting someone who asked us not to.
"""

from dataclasses import astuple, dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, update

from app.db import unit_of_work
from app.extensions import db
from kiosk.models import Registration
from sms.campaigns import purge_handled as purge_campaign_recipients
from sms.models import Conversation, Handoff, Message
from staff.models import ImportUpload

# Rows of each kind removed per transaction: a daily purge of a big city's year never holds its
# tables for long, and a purge stopped half-way has kept everything it removed.
BATCH_SIZE = 1000


@dataclass(frozen=True)
class Purged:
    registrations: int = 0
    messages: int = 0
    conversations: int = 0
    handoffs: int = 0
    follow_up_recipients: int = 0
    uploads: int = 0

    def __add__(self, other: "Purged") -> "Purged":
        return Purged(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))

    def __bool__(self) -> bool:
        return any(astuple(self))


def purge(older_than_days: int, now: datetime, batch_size: int = BATCH_SIZE) -> Purged:
    """Delete registrations, texts, conversations and hand-overs older than the period, in
    batches of at most `batch_size` rows of each kind, one transaction each. Commits."""
    cutoff = now - timedelta(days=older_than_days)
    total = Purged()
    while True:
        with unit_of_work():
            batch = _purge_batch(cutoff, batch_size)
        if not batch:
            return total
        total += batch


def _purge_batch(cutoff: datetime, size: int) -> Purged:
    def remove(key, *conditions) -> int:
        batch = db.select(key).where(*conditions).limit(size)
        return db.session.execute(delete(key.class_).where(key.in_(batch))).rowcount or 0

    old_messages = db.select(Message.id).where(Message.created_at < cutoff).limit(size)
    message_ids = db.session.scalars(old_messages).all()
    # Replies point at the text they answer; unlink those about to go so the order of deletion never matters.
    if message_ids:
        db.session.execute(update(Message).where(Message.reply_to_id.in_(message_ids)).values(reply_to_id=None))
        db.session.execute(delete(Message).where(Message.id.in_(message_ids)))
    return Purged(
        registrations=remove(Registration.id, Registration.created_at < cutoff),
        messages=len(message_ids),
        conversations=remove(Conversation.phone, Conversation.updated_at < cutoff),
        handoffs=remove(Handoff.id, Handoff.closed_at.is_not(None), Handoff.opened_at < cutoff),
        follow_up_recipients=purge_campaign_recipients(cutoff, size),  # follow-ups and reminders: sms campaigns
        uploads=remove(ImportUpload.id, ImportUpload.created_at < cutoff),
    )
