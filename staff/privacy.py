"""Retention: remove what families told us once it is older than the retention period.

Opt-outs are kept: forgetting a STOP would mean texting someone who asked us not to.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, update

from app.extensions import db
from kiosk.models import Registration
from sms.models import Conversation, Handoff, Message
from staff.models import FollowUpRecipient, ImportUpload


@dataclass(frozen=True)
class Purged:
    registrations: int
    messages: int
    conversations: int
    handoffs: int
    follow_up_recipients: int
    uploads: int


def purge(older_than_days: int, now: datetime) -> Purged:
    """Delete registrations, texts, conversations and hand-overs older than the period. Flushes."""
    cutoff = now - timedelta(days=older_than_days)

    def count(statement) -> int:
        return db.session.execute(statement).rowcount or 0

    old_messages = Message.created_at < cutoff
    follow_ups = count(delete(FollowUpRecipient).where(FollowUpRecipient.sent_at < cutoff))
    # Replies point at the text they answer; unlink those about to go so the order of deletion never matters.
    db.session.execute(update(Message).where(Message.reply_to_id.in_(db.select(Message.id).where(old_messages))).values(reply_to_id=None))
    result = Purged(
        registrations=count(delete(Registration).where(Registration.created_at < cutoff)),
        messages=count(delete(Message).where(old_messages)),
        conversations=count(delete(Conversation).where(Conversation.updated_at < cutoff)),
        handoffs=count(delete(Handoff).where(Handoff.closed_at.is_not(None), Handoff.opened_at < cutoff)),
        follow_up_recipients=follow_ups,
        uploads=count(delete(ImportUpload).where(ImportUpload.created_at < cutoff)),
    )
    db.session.flush()
    return result
