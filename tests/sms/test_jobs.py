"""Outbound texts as RQ jobs on a real Redis, worked by RQ's own worker in the app: enqueued only
after the commit, sent once however often a job runs, retried when Twilio is away or busy."""

import pytest
import redis
import requests
import rq.worker.base
from redis import Redis
from rq.worker import WorkerStatus
from sqlalchemy import select

from app.db import unit_of_work
from app.extensions import db
from sms import jobs
from sms.models import Message
from sms.outbound import send
from sms.services import opt_out
from tests.workers import BurstWorker, work_burst

FAMILY = "+17735550101"


@pytest.fixture
def queued(app, twilio, redis_url, monkeypatch):
    """Texting through Redis: the app's queue, RQ's worker, and retries that need no waiting."""
    app.config["REDIS_URL"] = redis_url
    monkeypatch.setattr(jobs, "RETRY_WAITS", [0, 0])
    return twilio


def write_text(app, body: str = "hi") -> int:
    with app.app_context():
        with unit_of_work():
            message = send(FAMILY, body)
            assert jobs.text_queue().count == 0  # nothing is enqueued before the row is committed
        assert jobs.text_queue().count == 1
        return message.id


def work(app) -> None:
    with app.app_context():
        work_burst(jobs.text_queue())


def stored(app, message_id: int) -> Message:
    with app.app_context():
        message = db.session.get(Message, message_id)
        db.session.expunge(message)
        return message


def test_a_text_is_enqueued_after_the_commit_and_a_worker_sends_it(app, queued):
    message_id = write_text(app)
    assert queued.sent == []  # waiting for a worker
    assert stored(app, message_id).status == "pending"
    work(app)
    assert [m["Body"] for m in queued.sent] == ["hi"]
    assert stored(app, message_id).status == "queued" and stored(app, message_id).sid


def test_a_text_rolled_back_is_never_enqueued(app, queued):
    with app.app_context(), pytest.raises(RuntimeError):
        with unit_of_work():
            send(FAMILY, "never")
            raise RuntimeError("the registration failed")
    with app.app_context():
        assert jobs.text_queue().count == 0


def test_a_job_run_twice_sends_the_text_once(app, queued):
    message_id = write_text(app)
    with app.app_context():
        jobs.enqueue_delivery(message_id)  # a duplicate, as a retried enqueue or a restart makes
        jobs.deliver_text(message_id)  # and one run outside any worker
    work(app)
    assert len(queued.sent) == 1


@pytest.mark.parametrize("trouble", [requests.ConnectionError("refused"), requests.ConnectTimeout("unreachable"), 429, 503])
def test_twilio_away_or_busy_is_tried_again_and_the_text_goes_once(app, queued, trouble):
    queued.troubles = [trouble]
    message_id = write_text(app)
    work(app)
    assert len(queued.requests) == 2  # the try that met the trouble, and the retry Twilio took
    assert stored(app, message_id).status == "queued" and stored(app, message_id).sid


def test_the_last_try_marks_the_text_failed_with_its_reason(app, queued):
    queued.troubles = [requests.ConnectionError("refused")] * 3  # the first try and both retries
    message_id = write_text(app)
    work(app)
    message = stored(app, message_id)
    assert len(queued.requests) == 3 and message.sid is None
    assert (message.status, message.error_reason) == ("failed", "ConnectionError: could not reach Twilio")


def test_a_stop_that_arrives_before_the_worker_is_honoured(app, queued):
    message_id = write_text(app)
    with app.app_context(), unit_of_work():
        opt_out(FAMILY)
    work(app)
    assert queued.requests == [] and stored(app, message_id).status == "opted_out"


def test_texts_written_while_redis_was_away_go_out_once_it_is_back(app, queued, redis_server):
    redis_server.stop()
    with app.app_context():
        with unit_of_work():
            message_id = send(FAMILY, "written while Redis was away").id
    assert stored(app, message_id).status == "pending"
    redis_server.start()
    with app.app_context():
        assert jobs.requeue_pending() == 1
    work(app)
    assert [m["Body"] for m in queued.sent] == ["written while Redis was away"]
    with app.app_context():
        assert jobs.requeue_pending() == 0  # nothing is left to send again
        assert db.session.scalars(select(Message.status).where(Message.id == message_id)).one() == "queued"


def test_a_text_twilio_did_not_answer_in_time_is_not_sent_again(app, queued):
    # the request went out: Twilio may have taken it, and a family must not get it twice
    queued.troubles = [requests.ReadTimeout("slow")]
    message_id = write_text(app)
    work(app)
    message = stored(app, message_id)
    assert len(queued.requests) == 1 and message.status == "failed" and "may have gone out" in message.error_reason


def test_a_text_a_stopped_worker_left_half_sent_is_failed_with_why_and_never_sent_again(app, queued):
    from datetime import UTC, datetime, timedelta

    from sms import outbound

    with app.app_context(), unit_of_work():
        left, fresh = send(FAMILY, "claimed by a worker killed mid-send").id, send(FAMILY, "claimed a moment ago").id
    now = datetime.now(UTC)
    with app.app_context(), unit_of_work():
        db.session.execute(
            outbound.update(Message).where(Message.id == left).values(status=outbound.SUBMITTING, claimed_at=now - timedelta(minutes=11))
        )
        db.session.execute(outbound.update(Message).where(Message.id == fresh).values(status=outbound.SUBMITTING, claimed_at=now))
    with app.app_context():
        assert jobs.requeue_pending() == 0  # what `flask sms requeue` and a starting worker do
    assert (stored(app, left).status, stored(app, left).error_reason) == ("failed", outbound.LEFT_HALF_SENT)
    assert stored(app, fresh).status == "submitting"  # a sender may be handing it over right now
    work(app)  # their jobs run again (RQ re-runs a dead worker's job): neither is sent
    assert queued.requests == []


def test_requeueing_leaves_a_text_whose_job_still_waits_alone(app, queued):
    """A worker starting (or `flask sms requeue`) never replaces a live job: its retries and backoff stay."""
    message_id = write_text(app)
    with app.app_context():
        assert jobs.requeue_pending() == 0 and jobs.text_queue().count == 1
    work(app)
    assert [m["Body"] for m in queued.sent] == ["hi"] and stored(app, message_id).status == "queued"


def test_a_worker_tries_a_redis_that_went_away_again_every_few_seconds(redis_url, redis_server, monkeypatch):
    # RQ's own worker doubles its wait up to a minute: texts written while Redis was away would wait
    # that long once it is back
    waits = []

    class Enough(Exception):
        pass

    def sleep(seconds):
        waits.append(seconds)
        if len(waits) == 8:
            raise Enough

    worker = jobs.TextWorker([jobs.QUEUE_NAME], connection=Redis.from_url(redis_url))
    worker.set_state(WorkerStatus.IDLE)  # listening on the queue when Redis goes away
    monkeypatch.setattr(worker, "set_state", lambda state, pipeline=None: None)
    redis_server.stop()
    try:
        with monkeypatch.context() as patched, pytest.raises(Enough):
            patched.setattr(rq.worker.base.time, "sleep", sleep)
            worker.dequeue_job_and_maintain_ttl(timeout=1)
    finally:
        redis_server.start()
    assert waits == [1, 2, 4, 4, 4, 4, 4, 4]


def test_a_worker_that_quit_as_redis_went_away_between_two_jobs_is_followed_by_another(app, queued, monkeypatch):
    # RQ's worker waits for a Redis gone away only while it waits for a job: gone at any other moment,
    # it quits (the scale-out test once saw its text never go out)
    message_id = write_text(app)
    away, waits = [True], []

    class Worker(BurstWorker, jobs.TextWorker):  # its jobs run in this process, where the fake Twilio records them
        def check_for_suspension(self, burst):
            if away:
                away.pop()
                raise redis.exceptions.ConnectionError("Redis went away between two jobs")
            super().check_for_suspension(burst)

    monkeypatch.setattr(jobs, "TextWorker", Worker)
    monkeypatch.setattr(jobs.time, "sleep", waits.append)
    with app.app_context():
        jobs.run_worker(burst=True)
    assert not away and waits == [Worker.max_connection_wait_time]  # the first quit; another started after a pause
    assert [m["Body"] for m in queued.sent] == ["hi"] and stored(app, message_id).status == "queued"
