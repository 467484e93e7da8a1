"""Retention: remove what families told us once it is older than the retention period.

Opt-outs are kept: forgetting a STOP would mean texting someone who asked us not to.
"""

from dataclasses import astuple, dataclass
from datetime import datetime, timedelta

from app.db import delete_batch, unit_of_work
from kiosk.services import purge_registrations
from sms.services import purge_older_than
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
    texts = purge_older_than(cutoff, size)
    return Purged(
        registrations=purge_registrations(cutoff, size),
        messages=texts["messages"],
        conversations=texts["conversations"],
        handoffs=texts["handoffs"],
        follow_up_recipients=texts["campaign_recipients"],  # follow-ups and reminders: sms campaigns
        uploads=delete_batch(ImportUpload.id, ImportUpload.created_at < cutoff, size=size),
    )
