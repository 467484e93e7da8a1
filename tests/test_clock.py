"""Work by the clock (`flask clock`, RQ's cron scheduler): texts Redis lost go out, families' data
past the retention period is removed daily in batches, and Redis away only pauses the clock."""

import os
import signal
import subprocess
import tempfile
import time
from datetime import UTC, datetime, timedelta

from redis import Redis
from rq import Queue
from sqlalchemy import func, select

from app import periodic_jobs
from app.clock import QUEUE_NAME, scheduler
from app.db import unit_of_work
from app.extensions import db
from sms.models import Message
from sms.outbound import send
from sms.services import opt_out
from staff import privacy
from tests.conftest import ROOT
from tests.fakes import use_fake_twilio
from tests.workers import work_burst

FAMILY = "+17735550101"


def _work(app) -> None:
    with app.app_context():
        queue = Queue(QUEUE_NAME, connection=Redis.from_url(app.config["REDIS_URL"]))
        work_burst(queue)


def _old_texts(app, count: int, days_ago: int) -> None:
    with app.app_context(), unit_of_work():
        for n in range(count):
            db.session.add(Message(direction="in", phone=FAMILY, body=f"text {n}", status="replied",
                                   created_at=datetime.now(UTC) - timedelta(days=days_ago)))  # fmt: skip


def test_each_package_names_its_work_and_the_purge_only_with_a_retention_period(app):
    names = lambda: [job.func.__name__ for job in periodic_jobs(app)]  # noqa: E731
    assert names() == ["keep_texts_moving", "send_due_campaigns"]  # RETENTION_DAYS unset: data is kept until purged by hand
    app.config["RETENTION_DAYS"] = 365
    assert names() == ["keep_texts_moving", "send_due_campaigns", "purge_expired"]
    assert {job.interval for job in periodic_jobs(app)[:2]} == {60}  # every minute, reminders included


def test_the_clock_sends_what_redis_lost_and_purges_at_its_hour(app, redis_url, redis_server):
    fake = use_fake_twilio(app, TWILIO_AUTH_TOKEN="a-test-token")
    app.config.update(REDIS_URL=redis_url, RETENTION_DAYS=365)
    _old_texts(app, 3, days_ago=400)
    redis_server.stop()  # the text below is written but never enqueued
    with app.app_context(), unit_of_work():
        send(FAMILY, "written while Redis was away")
    redis_server.start()
    Redis.from_url(redis_url).flushdb()  # a restart without its data
    clock = scheduler(app, periodic_jobs(app))

    assert [job.func.__name__ for job in clock.enqueue_jobs()] == ["keep_texts_moving", "send_due_campaigns"]  # the purge waits for 03:30
    _work(app)
    assert [m["Body"] for m in fake.sent] == ["written while Redis was away"]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Message)) == 4

    purge = next(job for job in clock.get_jobs() if job.func.__name__ == "purge_expired")
    purge.next_enqueue_time = datetime.now(UTC) - timedelta(seconds=1)  # its hour has come
    # (the minute's checks may be due again on a slow machine: only the purge is looked for)
    assert "purge_expired" in [job.func.__name__ for job in clock.enqueue_jobs()]
    _work(app)
    with app.app_context():
        assert db.session.scalars(select(Message.body)).all() == ["written while Redis was away"]


def test_the_purge_removes_in_batches_and_keeps_what_is_recent_and_every_stop(app):
    _old_texts(app, 7, days_ago=400)
    _old_texts(app, 2, days_ago=10)
    with app.app_context():
        with unit_of_work():
            opt_out(FAMILY)
        purged = privacy.purge(365, datetime.now(UTC), batch_size=3)  # three batches of texts, then one with none
        assert purged.messages == 7 and purged.registrations == 0
        assert db.session.scalar(select(func.count()).select_from(Message)) == 2
        assert privacy.purge(365, datetime.now(UTC), batch_size=3) == privacy.Purged()


def test_the_clock_process_waits_out_redis_and_goes_on(database_url, redis_url, redis_server):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("TWILIO_", "REDIS_URL"))}
    environment.update(DATABASE_URL=database_url, REDIS_URL=redis_url, TEXT_CHECK_SECONDS="1",
                       PATH=f"{ROOT / '.venv' / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}")  # fmt: skip
    log = tempfile.TemporaryFile(mode="w+")
    process = subprocess.Popen(["flask", "--app", "wsgi", "clock"], cwd=ROOT, env=environment, stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
    queue = Queue(QUEUE_NAME, connection=Redis.from_url(redis_url))

    def enqueued_within(seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if queue.count:
                    return True
            except OSError:
                pass
            time.sleep(0.2)
        return False

    try:
        assert enqueued_within(60), "the clock enqueued nothing"
        redis_server.stop()
        time.sleep(2)  # the clock's tries fail meanwhile
        assert process.poll() is None, "the clock stopped when Redis went away"
        redis_server.start()
        queue.connection.flushdb()
        assert enqueued_within(30), "the clock did not go on once Redis was back"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.seek(0)
        output = log.read()
        log.close()
        queue.connection.close()
    assert "RETENTION_DAYS is not set" in output
