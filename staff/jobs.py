"""Staff work off the request. Fair follow-ups paced by RQ's scheduler: a job sends one second's worth of texts
(FOLLOW_UP_PER_SECOND) and schedules the next batch, until no family is waiting. One chain at a
time, whoever starts it (the fair page, `flask staff send-follow-ups`). Without Redis the CLI
sends them itself (staff.cli.send_follow_ups). The daily retention purge (app.clock)."""

import logging
import math
import uuid
from dataclasses import asdict
from datetime import UTC, datetime, timedelta

from flask import current_app
from rq import Retry
from sqlalchemy import exists, select

from app.db import unit_of_work
from app.extensions import db
from sms.jobs import in_app, text_queue
from staff import fairs, privacy
from staff.models import FollowUpRecipient

log = logging.getLogger(__name__)

RUNNING = "schoolbridge:follow-ups:running"  # held while a chain runs: a second start joins it
RUNNING_SECONDS = 60  # a chain whose worker died lets a new one start this long after its last batch
RETRY = Retry(max=3, interval=[10, 60, 300])  # a batch that failed (the database away) is tried again


def start_follow_ups() -> bool:
    """Have the worker send the waiting follow-ups, unless a chain already does; False without Redis."""
    queue = text_queue()
    if queue is None:
        return False
    if queue.connection.set(RUNNING, "1", nx=True, ex=RUNNING_SECONDS):
        queue.enqueue(send_follow_up_batch, job_id=f"follow-ups-{uuid.uuid4().hex}", retry=RETRY)
    return True


def _waiting() -> bool:
    return bool(db.session.scalar(select(exists().where(FollowUpRecipient.status == "pending"))))


def send_follow_up_batch() -> int:
    """The job: send a batch of waiting follow-ups (one text per transaction), then schedule the
    next batch so that no more than FOLLOW_UP_PER_SECOND go out a second. Returns how many were sent."""

    def work() -> int:
        queue = text_queue()
        per_second = current_app.config["FOLLOW_UP_PER_SECOND"]
        if per_second <= 0:
            log.error("FOLLOW_UP_PER_SECOND must be more than 0: the follow-ups wait")
            queue.connection.delete(RUNNING)
            return 0
        batch = max(1, math.floor(per_second))
        sent = 0
        for _ in range(batch):
            with unit_of_work():
                done = fairs.send_pending(1)
            if not done:
                break
            sent += sum(done.values())
        if _waiting():
            queue.connection.set(RUNNING, "1", ex=RUNNING_SECONDS)  # this chain goes on (set, not expire: it may have lapsed)
            queue.enqueue_in(
                timedelta(seconds=batch / per_second), send_follow_up_batch, job_id=f"follow-ups-{uuid.uuid4().hex}", retry=RETRY
            )
        else:
            queue.connection.delete(RUNNING)
            if _waiting():  # a follow-up started between the look and the delete found the chain running
                start_follow_ups()
        return sent

    return in_app(work)


def purge_expired() -> dict:
    """The clock's job: remove what is older than RETENTION_DAYS, in batches; says how much."""

    def work() -> dict:
        purged = privacy.purge(current_app.config["RETENTION_DAYS"], datetime.now(UTC))
        log.info("retention purge: %s", purged)
        return asdict(purged)

    return in_app(work)
