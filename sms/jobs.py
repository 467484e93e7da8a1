"""Outbound texts as jobs: RQ on Redis when REDIS_URL is set, else run here right after the commit.

Workers: `flask --app wsgi sms worker` (an RQ worker with its scheduler, inside the app, started
again when Redis going away made it quit), or `rq worker --with-scheduler -w sms.jobs.TextWorker
texts` from the project directory (whose supervisor must start it again). RQ's own
in-process mode still needs a Redis connection, so without REDIS_URL the same job function is
called directly.
"""

import logging
import signal
import time
from collections.abc import Callable
from typing import TypeVar

from flask import current_app, has_app_context
from redis import RedisError
from rq import Queue, Retry, Worker, get_current_job
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus
from sqlalchemy import select

from app.db import unit_of_work
from app.extensions import db
from app.shared_state import redis_client
from sms import outbound
from sms.models import Message

log = logging.getLogger(__name__)
T = TypeVar("T")

QUEUE_NAME = "texts"
# Seconds before each retry of a text Twilio could not take (429, 5xx, network): its outages pass.
RETRY_WAITS = [10, 60, 300, 1200, 3600]


def text_queue() -> Queue | None:
    """This app's queue of texts on REDIS_URL, or None without Redis."""
    connection = redis_client(current_app)
    return None if connection is None else Queue(QUEUE_NAME, connection=connection)


def enqueue_delivery(message_id: int) -> None:
    """Have a worker hand the text to Twilio; one job id per text, so it is enqueued once."""
    queue = text_queue()
    if queue is None:
        try:
            outbound.deliver(message_id, last_try=True)
        except outbound.TryAgainLater:  # only a job that will be retried raises it
            pass
        return
    try:
        queue.enqueue(
            deliver_text,
            message_id,
            job_id=f"text-{message_id}",
            retry=Retry(max=len(RETRY_WAITS), interval=RETRY_WAITS),
            failure_ttl=7 * 24 * 3600,
        )
    except (RedisError, OSError) as error:
        # The row stays pending: `flask sms requeue` (and the scheduler) enqueue it once Redis is back.
        log.warning("text %s not enqueued, Redis unavailable: %s", message_id, type(error).__name__)


def deliver_text(message_id: int) -> str:
    """The job: deliver one text; the last of its tries marks a transient failure as failed."""
    job = get_current_job()
    last_try = job is None or not job.retries_left
    return in_app(lambda: outbound.deliver(message_id, last_try=last_try))


_app = None


def in_app(work: Callable[[], T]) -> T:
    """Run a job's work in the app: the worker's own (`flask sms worker`), else one made once per
    process from the environment (a plain `rq worker`)."""
    global _app
    if has_app_context():
        return work()
    if _app is None:
        from app import create_app

        _app = create_app()
    with _app.app_context():
        return work()


def requeue_pending() -> int:
    """Enqueue every text still pending (Redis was away when it was written); return how many.

    Texts a stopped sender left half-sent are marked failed first, never sent again."""
    with unit_of_work():
        outbound.fail_stuck()
    pending = list(db.session.scalars(select(Message.id).where(Message.direction == "out", Message.status == outbound.PENDING)))
    queue = text_queue()
    # a text whose job is still queued or waiting for its retry keeps that job (and its backoff)
    lost = [message_id for message_id in pending if queue is None or not _job_alive(queue, message_id)]
    for message_id in lost:
        enqueue_delivery(message_id)
    return len(lost)


def keep_texts_moving() -> int:
    """The clock's job: requeue_pending, so texts Redis lost (a restart without its data) go out."""
    return in_app(requeue_pending)


def _job_alive(queue: Queue, message_id: int) -> bool:
    try:
        job = Job.fetch(f"text-{message_id}", connection=queue.connection)
    except NoSuchJobError:
        return False
    return job.get_status() in (JobStatus.QUEUED, JobStatus.SCHEDULED, JobStatus.STARTED, JobStatus.DEFERRED)


class TextWorker(Worker):
    """RQ's worker, trying a Redis that went away again every few seconds. RQ's own doubles its wait
    up to a minute: a Redis away for half a minute would have kept the texts written meanwhile
    waiting up to half a minute more once it was back."""

    max_connection_wait_time = 4.0
    stop_asked = False  # by a signal: a worker stopping for any other reason is started again

    def request_stop(self, signum, frame):
        self.stop_asked = True
        super().request_stop(signum, frame)


def run_worker(burst: bool = False) -> None:
    """Work the queue of texts in this app (with RQ's scheduler, which runs the retries), until
    asked to stop (or, `burst`, until the queue is empty).

    RQ's worker waits for a Redis gone away only while it waits for a job; gone at any other moment
    (between two jobs, while one is saved), its worker quits. Then another is started once Redis is
    back, and the texts written meanwhile are queued again: texts are never left waiting for
    someone to restart the worker.
    """
    queue = text_queue()
    if queue is None:
        raise RuntimeError("REDIS_URL is not set: texts are sent in the web process, no worker is needed")
    outbound.load_client()  # once here, not in each job's forked process
    while True:
        worker = TextWorker([queue], connection=queue.connection)
        try:
            requeue_pending()  # what a stopped worker left behind, and what Redis missed while away
            worker.work(with_scheduler=True, burst=burst)
            if worker.stop_asked or (burst and not queue.count):
                return
            log.warning("the text worker quit: starting another")
        except RedisError as error:  # Redis away outside RQ's wait for a job, or when the worker quit
            if worker.stop_asked:
                return
            log.warning("Redis is away (%s): starting another text worker once it is back", error)
        for stop in (signal.SIGINT, signal.SIGTERM):  # between two workers nothing is half done: a stop stops
            signal.signal(stop, signal.SIG_DFL)
        time.sleep(TextWorker.max_connection_wait_time)
