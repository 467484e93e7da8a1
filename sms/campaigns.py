"""Text campaigns: one body sent to a set of phone numbers, at once or from a set time (a fair's
follow-up, a reminder scheduled for later).

A campaign's recipients start `pending` (numbers that opted out are marked so when it is made, and
the opt-out is checked again when each text is written, sms.outbound.send). Nothing goes before the
campaign's `send_at`. The due recipients go out paced, at most FOLLOW_UP_PER_SECOND a second: with
Redis as a chain of RQ jobs, each sending one second's worth and scheduling the next, one chain at a
time whoever starts it (a page after its commit, the clock every TEXT_CHECK_SECONDS for what has
become due, `flask sms send-campaigns`); without Redis `flask sms send-campaigns` sends them itself.

The data functions flush; the jobs and `send_due_here` commit one text per unit of work, so a crash
never loses the record of the texts already sent.
"""

import logging
import math
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from flask import current_app
from rq import Retry
from sqlalchemy import exists, func, select, update

from app.db import unit_of_work
from app.extensions import db
from sms.jobs import in_app, text_queue
from sms.models import Campaign, CampaignRecipient, Message, OptOut
from sms.outbound import send

log = logging.getLogger(__name__)

# A text that never left counts as failed; one to a number that texted STOP, as opted out.
STATUS_OF_MESSAGE = {"opted_out": "opted_out", "failed": "failed", "not_configured": "failed"}
RUNNING = "schoolbridge:campaigns:running"  # held while a chain runs: a second start joins it
RUNNING_SECONDS = 60  # a chain whose worker died lets a new one start this long after its last batch
RETRY = Retry(max=3, interval=[10, 60, 300])  # a batch that failed (the database away) is tried again


def as_utc(moment: datetime) -> datetime:
    """The database hands times back without their zone; they are stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _in_utc(moment: datetime) -> datetime:
    """A time as it is stored and compared: in UTC (SQLite keeps a time's digits and drops its zone)."""
    return as_utc(moment).astimezone(UTC)


@dataclass(frozen=True)
class CampaignSummary:
    campaign: Campaign
    scheduled: bool  # waiting for its send time, and not cancelled: it can still be cancelled
    statuses: Counter  # recipient status → numbers
    deliveries: Counter  # the delivery status Twilio reported for its texts → texts
    problems: Counter  # Twilio's error code for texts that did not reach the family → texts


def opted_out_among(phones: Iterable[str]) -> set[str]:
    """The numbers of `phones` that texted STOP (or that Twilio reported unsubscribed)."""
    phones = list(set(phones))
    found: set[str] = set()
    for start in range(0, len(phones), 500):  # SQLite takes a limited number of parameters
        found |= set(db.session.scalars(select(OptOut.phone).where(OptOut.phone.in_(phones[start : start + 500]))))
    return found


def create_campaign(phones: Iterable[str], body: str, author: str, now: datetime, send_at: datetime | None = None) -> Campaign:
    """Make a campaign texting `body` to each number once, from `send_at` (now when None); numbers
    that opted out are marked, never texted."""
    phones = list(dict.fromkeys(phones))
    opted_out = opted_out_among(phones)
    now = _in_utc(now)
    campaign = Campaign(body=body, author=author, created_at=now, send_at=_in_utc(send_at or now))
    for phone in phones:
        recipient = CampaignRecipient(phone=phone, status="pending")
        if phone in opted_out:
            recipient.status, recipient.sent_at = "opted_out", now  # handled: the retention purge counts from here
        campaign.recipients.append(recipient)
    db.session.add(campaign)
    db.session.flush()
    return campaign


def _due(now: datetime) -> tuple:
    """A recipient waiting whose campaign's send time has come (and that nobody cancelled)."""
    return (
        CampaignRecipient.status == "pending",
        Campaign.id == CampaignRecipient.campaign_id,
        Campaign.send_at <= _in_utc(now),
        Campaign.cancelled_at.is_(None),
    )


def has_due(now: datetime) -> bool:
    """Whether a recipient waits whose campaign's send time has come."""
    return bool(db.session.scalar(select(exists().where(*_due(now)))))


def send_due(limit: int, now: datetime, pace: Callable[[], None] = lambda: None) -> Counter:
    """Send up to `limit` texts of campaigns whose send time has come by `now`; count them by the
    status they end in. `pace` is called before each text (the CLI's throttle)."""
    due = select(CampaignRecipient, Campaign.body).where(*_due(now)).order_by(Campaign.send_at, CampaignRecipient.id)
    waiting = db.session.execute(due.limit(limit)).all()
    outcome = Counter()
    for recipient, body in waiting:
        pace()
        # Claim the row before texting: a second sender running at the same time (or a cancel) waits
        # for this transaction, then finds it no longer pending, so no family gets the text twice.
        claim = update(CampaignRecipient).where(CampaignRecipient.id == recipient.id, CampaignRecipient.status == "pending")
        if db.session.execute(claim.values(status="sending").execution_options(synchronize_session=False)).rowcount != 1:
            continue
        message = send(recipient.phone, body)
        recipient.status = STATUS_OF_MESSAGE.get(message.status, "sent")
        recipient.message_id, recipient.sent_at = message.id, datetime.now(UTC)
        outcome[recipient.status] += 1
    db.session.flush()
    return outcome


def send_times(campaign_ids: Sequence[int]) -> list[datetime]:
    """When each of these campaigns, cancelled ones aside, goes (or went) out, in UTC."""
    if not campaign_ids:
        return []
    rows = db.session.scalars(select(Campaign.send_at).where(Campaign.id.in_(campaign_ids), Campaign.cancelled_at.is_(None)))
    return [as_utc(moment) for moment in rows]


def cancel_campaign(campaign_id: int, by: str, now: datetime) -> bool:
    """Cancel a campaign that has not started (its send time is still ahead): nobody gets it.
    False when it is due or has gone out already, or was cancelled before."""
    now = _in_utc(now)
    campaign = db.session.get(Campaign, campaign_id)
    if campaign is None or campaign.cancelled_at is not None or as_utc(campaign.send_at) <= now:
        return False
    campaign.cancelled_at, campaign.cancelled_by = now, by
    waiting = update(CampaignRecipient).where(CampaignRecipient.campaign_id == campaign.id, CampaignRecipient.status == "pending")
    db.session.execute(waiting.values(status="cancelled", sent_at=now).execution_options(synchronize_session=False))
    db.session.flush()
    db.session.expire(campaign, ["recipients"])
    return True


def summaries(campaign_ids: Sequence[int], now: datetime) -> list[CampaignSummary]:
    """The campaigns, in the order of `campaign_ids`, with their numbers counted by status and their
    texts by the delivery Twilio reported and by the error codes of those that did not arrive."""
    ids = list(campaign_ids)
    if not ids:
        return []
    campaigns = {campaign.id: campaign for campaign in db.session.scalars(select(Campaign).where(Campaign.id.in_(ids)))}
    statuses = db.session.execute(
        select(CampaignRecipient.campaign_id, CampaignRecipient.status, func.count())
        .where(CampaignRecipient.campaign_id.in_(ids))
        .group_by(CampaignRecipient.campaign_id, CampaignRecipient.status)
    ).all()
    sent = select(CampaignRecipient.campaign_id).join(Message, Message.id == CampaignRecipient.message_id)
    deliveries = db.session.execute(
        sent.add_columns(Message.status, func.count())
        .where(CampaignRecipient.campaign_id.in_(ids))
        .group_by(CampaignRecipient.campaign_id, Message.status)
    ).all()
    problems = db.session.execute(
        sent.add_columns(Message.error_code, func.count())
        .where(CampaignRecipient.campaign_id.in_(ids), Message.error_code.is_not(None), Message.status.in_(("undelivered", "failed")))
        .group_by(CampaignRecipient.campaign_id, Message.error_code)
    ).all()
    found = {}
    for campaign_id in ids:
        if campaign := campaigns.get(campaign_id):
            scheduled = campaign.cancelled_at is None and as_utc(campaign.send_at) > now
            found[campaign_id] = CampaignSummary(campaign, scheduled, Counter(), Counter(), Counter())
    for campaign_id, status, count in statuses:
        found[campaign_id].statuses[status] += count
    for campaign_id, status, count in deliveries:
        found[campaign_id].deliveries[status] += count
    for campaign_id, code, count in problems:
        found[campaign_id].problems[code] += count
    return list(found.values())


# --- sending, paced -----------------------------------------------------------------------------


def start_sending() -> bool:
    """Have the worker send the due campaign texts, unless a chain already does; False without Redis."""
    queue = text_queue()
    if queue is None:
        return False
    if queue.connection.set(RUNNING, "1", nx=True, ex=RUNNING_SECONDS):
        queue.enqueue(send_campaign_batch, job_id=f"campaigns-{uuid.uuid4().hex}", retry=RETRY)
    return True


def send_campaign_batch() -> int:
    """The job: send a batch of due campaign texts (one text per transaction), then schedule the next
    batch so that no more than FOLLOW_UP_PER_SECOND go out a second. Returns how many were sent."""

    def work() -> int:
        queue = text_queue()
        per_second = current_app.config["FOLLOW_UP_PER_SECOND"]
        if per_second <= 0:
            log.error("FOLLOW_UP_PER_SECOND must be more than 0: the campaign texts wait")
            queue.connection.delete(RUNNING)
            return 0
        batch = max(1, math.floor(per_second))
        sent = 0
        for _ in range(batch):
            with unit_of_work():
                done = send_due(1, datetime.now(UTC))
            if not done:
                break
            sent += sum(done.values())
        if has_due(datetime.now(UTC)):
            queue.connection.set(RUNNING, "1", ex=RUNNING_SECONDS)  # this chain goes on (set, not expire: it may have lapsed)
            queue.enqueue_in(
                timedelta(seconds=batch / per_second), send_campaign_batch, job_id=f"campaigns-{uuid.uuid4().hex}", retry=RETRY
            )
        else:
            queue.connection.delete(RUNNING)
            if has_due(datetime.now(UTC)):  # a campaign started between the look and the delete found the chain running
                start_sending()
        return sent

    return in_app(work)


def send_due_campaigns() -> bool:
    """The clock's job: start the sending chain when a campaign has become due (a reminder whose time
    has come, or one whose chain stopped); True when it did or one was running."""

    def work() -> bool:
        return has_due(datetime.now(UTC)) and start_sending()

    return in_app(work)


def send_due_here(per_second: float, sleep: Callable[[float], None] = time.sleep, clock: Callable[[], datetime] | None = None) -> Counter:
    """Send every due campaign text from this process, at most `per_second` a second; count them by
    how they ended (the CLI without Redis). `clock` tells the time (tests pass their own)."""
    clock = clock or (lambda: datetime.now(UTC))
    outcome = Counter()

    def pace() -> None:
        if outcome:  # the first text goes at once
            sleep(1 / per_second)

    while True:
        with unit_of_work():
            done = send_due(1, clock(), pace)
        if not done:
            return outcome
        outcome.update(done)
